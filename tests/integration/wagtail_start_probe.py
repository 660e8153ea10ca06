"""Run inside a project made by ``wagtail start`` (tests/integration/test_wagtail_start.py), with
the virtual environment where numerique-ouvert was installed: an editor creates each of the
package's page types through the real admin forms, and each page is requested on the site.

Prints one JSON line: where the package was imported from, and per page type the status of the
admin's POST, of the public page and whether its title was found in it. The portal home and its
listings come from ``manage.py create_portal`` (the docs' step): they are only requested.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"{os.environ['PROJECT_NAME']}.settings.dev")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

setup_test_environment()  # the test client then records each response's template context

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from wagtail.fields import StreamField  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.test.utils.form_data import querydict_from_html, rich_text  # noqa: E402

import numerique_ouvert  # noqa: E402

# Each page type an editor creates, the type of its parent, and the fields the form requires.
CREATED_IN_THE_ADMIN = [
    ("numerique_ouvert_core.ContentPage", "numerique_ouvert_core.PortalHomePage", {}),
    ("numerique_ouvert_core.PersonalDataPage", "numerique_ouvert_core.PortalHomePage", {}),
    ("numerique_ouvert_core.AccessibilityStatementPage", "numerique_ouvert_core.PortalHomePage",
     {"entity_name": "Ministère de l'Exemple", "conformity_status": "none"}),
    ("numerique_ouvert_guides.GuidePage", "numerique_ouvert_guides.GuideIndexPage", {}),
    ("numerique_ouvert_events.EventPage", "numerique_ouvert_events.EventIndexPage",
     {"start": "2030-11-13 09:00", "end": "2030-11-13 17:30", "venue_name": "Ministère",
      "venue_city": "Paris"}),
    ("numerique_ouvert_communs.CommunPage", "numerique_ouvert_communs.CommunIndexPage",
     {"licence": "AGPL-3.0-or-later"}),
]


def stream_data(model) -> dict[str, str]:
    """What Wagtail's JavaScript posts for each StreamField: one paragraph where the field is
    required, nothing otherwise (the fields are rendered client-side, absent from the HTML)."""
    data = {}
    for field in model._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        if field.blank:
            data[f"{field.name}-count"] = "0"
            continue
        data.update({f"{field.name}-count": "1", f"{field.name}-0-type": "paragraph",
                     f"{field.name}-0-deleted": "", f"{field.name}-0-order": "0",
                     f"{field.name}-0-id": "",
                     f"{field.name}-0-value": rich_text("<p>Un paragraphe écrit dans l'admin.</p>")})
    return data


def create_in_admin(client, model, parent, fields) -> tuple[int, Page | None]:
    url = reverse("wagtailadmin_pages:add",
                  args=[model._meta.app_label, model._meta.model_name, parent.pk])
    form = client.get(url)
    if form.status_code != 200:
        return form.status_code, None
    title = f"{model._meta.verbose_name} créé dans l'administration".capitalize()
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update({"title": title, "slug": model._meta.model_name, **stream_data(model), **fields,
                 "action-publish": "action-publish"})
    response = client.post(url, data)
    page = model.objects.filter(title=title).first()
    if response.status_code != 302 and response.context is not None:
        form = response.context.get("form")
        errors = dict(form.errors) if form is not None else {}
        print(json.dumps({"refused": model.__name__, "errors": str(errors)}), file=sys.stderr)
    return response.status_code, page


def main() -> None:
    user = get_user_model().objects.create_superuser("probe", "probe@example.org", "probe")
    client = Client()
    client.force_login(user)
    home = Site.objects.get(is_default_site=True).root_page
    by_type = {type(page)._meta.label: page for page in [home.specific, *home.get_children().specific()]}

    results = {}
    for label, parent_label, fields in CREATED_IN_THE_ADMIN:
        model = apps.get_model(label)
        parent = by_type.get(parent_label)
        if parent is None:
            results[label] = {"admin": None, "error": f"no {parent_label} under the portal home"}
            continue
        status, page = create_in_admin(client, model, parent, fields)
        results[label] = {"admin": status}
        if page is not None:
            by_type[label] = page.specific

    public = Client()
    for label, page in by_type.items():
        response = public.get(page.url)
        results.setdefault(label, {}).update({
            "status": response.status_code,
            "title_found": page.title in response.content.decode()})

    page_types = sorted(model._meta.label for model in apps.get_models()
                        if issubclass(model, Page) and model.__module__.startswith("numerique_ouvert."))
    print(json.dumps({"package": numerique_ouvert.__file__, "results": results,
                      "page_types": page_types}))


if __name__ == "__main__":
    main()
