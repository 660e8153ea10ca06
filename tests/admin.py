"""Driving the real Wagtail admin from tests: URLs of its views and posting its forms."""

from __future__ import annotations

import json

from django.urls import reverse
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.test.utils import WagtailPageTestCase, WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from tests.factories import build_portal


def add_page_url(model, parent) -> str:
    return reverse("wagtailadmin_pages:add",
                   args=[model._meta.app_label, model._meta.model_name, parent.pk])


def add_subpage_url(parent) -> str:
    return reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])


def post_new_page(client, parent, model, data: dict, *, publish: bool = True):
    """POST the page creation form of ``model`` under ``parent``, as the editor's browser does."""
    data = dict(data)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(add_page_url(model, parent), data)


def snippet_url(model, action: str, *args) -> str:
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}",
                   args=args)


def portal_settings_url(site) -> str:
    """The settings edit view of ``PortalSettings`` for ``site``, as wagtail.contrib.settings
    names it: ``wagtailsettings:edit`` with the app label, model name and site pk."""
    return reverse("wagtailsettings:edit", args=["numerique_ouvert_core", "portalsettings", site.pk])


def form_data(response, form_id: str | None = None):
    """The data a browser would submit from a form of the page (a mutable QueryDict): the form
    ``form_id``, or else the page's first POST form.

    Unlike ``querydict_from_html`` alone, it submits what a browser submits for a checked box
    without a ``value`` ("on", not "") and nothing for a multiple ``<select>`` with nothing
    selected (the helper would pick its first option).
    """
    html = response.content.decode()
    page = WagtailTestUtils.get_soup(html)
    if form_id is None:
        form = page.find("form", method=lambda method: (method or "").lower() == "post")
        assert form is not None, "no POST form on the page"
        form_id = form.get("id")
    data = querydict_from_html(html, form_id=form_id)
    form = page.find("form", id=form_id)
    for box in form.find_all("input", type="checkbox", checked=True):
        if "value" not in box.attrs and box.get("name"):
            data.setlist(box["name"], ["on"])
    for select in form.find_all("select", multiple=True):
        if not select.find_all("option", selected=True):
            data.pop(select.get("name"), None)
    return data


def stream_form_data(block, value, prefix: str) -> dict[str, str]:
    """The POST data Wagtail's JavaScript builds for a StreamField value.

    Wagtail 6+ renders StreamFields client-side, so their inputs are missing from the edit
    view's HTML; rebuild them from the block definitions and the value's form state.
    """
    return _block_form_data(block, block.get_form_state(value), prefix)


def _block_form_data(block, state, prefix: str) -> dict[str, str]:
    if isinstance(block, (StreamBlock, ListBlock)):
        state = state or []
        data = {f"{prefix}-count": str(len(state))}
        for i, child in enumerate(state):
            item = f"{prefix}-{i}"
            child_block = (block.child_blocks[child["type"]] if isinstance(block, StreamBlock)
                           else block.child_block)
            if isinstance(block, StreamBlock):
                data[f"{item}-type"] = child["type"]
            data.update({f"{item}-deleted": "", f"{item}-order": str(i),
                         f"{item}-id": child.get("id") or ""})
            data.update(_block_form_data(child_block, child["value"], f"{item}-value"))
        return data
    if isinstance(block, StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data.update(_block_form_data(child_block, (state or {}).get(name), f"{prefix}-{name}"))
        return data
    if isinstance(state, dict) and "id" in state:  # page, image and snippet choosers
        state = state["id"]
    if state is True:
        return {prefix: "on"}
    if state is None or state is False:
        return {prefix: ""}
    if isinstance(state, list):  # a <select>: its one selected value
        state = state[0] if state else ""
    if isinstance(state, dict):  # table block
        state = json.dumps(state)
    return {prefix: str(state)}


def _with_stream_fields(data, instance):
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(stream_form_data(field.stream_block, getattr(instance, field.name),
                                         field.name))
    return data


def page_edit_data(client, page):
    """What the edit form of ``page`` submits unchanged: its HTML inputs plus its StreamFields."""
    page = page.specific
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    return _with_stream_fields(form_data(response, form_id="page-edit-form"), page)


def portal_settings_edit_data(client, site):
    """What the portal settings form of ``site`` submits unchanged (checkboxes as they are)."""
    from numerique_ouvert.core.models import PortalSettings

    response = client.get(portal_settings_url(site))
    assert response.status_code == 200, response.status_code
    return _with_stream_fields(form_data(response), PortalSettings.for_site(site))


class PortalPageTestCase(WagtailPageTestCase):
    """A ``WagtailPageTestCase`` with a portal tree on the default site and a logged-in superuser."""

    @classmethod
    def setUpTestData(cls):
        cls.portal = build_portal()

    def setUp(self):
        super().setUp()
        self.user = self.login()

    def assertPageIsEditableAndSaves(self, page):
        """``assertPageIsEditable`` with the form's real data, then check that posting that form
        with a new title publishes it: the helper alone does not look at the POST's outcome."""
        self.assertPageIsEditable(page, post_data=page_edit_data(self.client, page))
        self.client.force_login(self.user)  # the helper logs its own superuser out
        data = page_edit_data(self.client, page)
        data["title"] = f"{page.title} (modifié)"
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        if response.status_code != 302:
            form = response.context["form"]
            errors = {**form.errors, **{
                name: formset.errors for name, formset in form.formsets.items() if formset.errors}}
            self.fail(f"the edit form of {page} was refused: {errors}")
        page.refresh_from_db()
        self.assertEqual(page.title, data["title"])
        self.assertEqual(page.get_latest_revision().as_object().title, data["title"])

    def assertPageIsPreviewableWithItsData(self, page):
        self.assertPageIsPreviewable(page, post_data=page_edit_data(self.client, page))
