"""Admin of the federation: the sources screen, and references that only the sync edits."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import views
from .models import FederatedReference, FederationSource


class FederationSourceViewSet(ModelViewSet):
    model = FederationSource
    icon = "site"
    menu_label = gettext_lazy("Sources fédérées")
    menu_order = 900
    add_to_settings_menu = True
    list_display = [
        TitleColumn("name", label=gettext_lazy("Nom"),
                    get_url=lambda source: reverse("numerique_ouvert_federation_report",
                                                   args=[source.pk])),
        Column("base_url", label=gettext_lazy("Adresse")),
        BooleanColumn("enabled", label=gettext_lazy("Active")),
        DateColumn("last_synced_at", label=gettext_lazy("Dernière synchronisation")),
        Column("reference_count", label=gettext_lazy("Références")),
    ]

    def get_form_fields(self):
        from .kinds import KINDS

        # No "liste des événements" on a site without the events app.
        return ["name", "base_url", "enabled",
                *(kind.parent_field for kind in KINDS.values() if kind.installed)]

    def get_queryset(self, request):
        from django.db.models import Count

        return FederationSource.objects.annotate(reference_count=Count("references"))


@hooks.register("register_admin_viewset")
def register_sources():
    return FederationSourceViewSet("numerique_ouvert_federation_sources")


@hooks.register("register_admin_urls")
def federation_urls():
    return [
        path("federation/sources/<int:pk>/report/", views.source_report,
             name="numerique_ouvert_federation_report"),
        path("federation/references/<int:page_id>/hide/", views.hide_reference,
             name="numerique_ouvert_federation_hide"),
        path("federation/references/<int:page_id>/show/", views.show_reference,
             name="numerique_ouvert_federation_show"),
    ]


def _refuse(request, page, action):
    reference = FederatedReference.objects.filter(page_id=page.pk).select_related("source").first()
    if reference is None:
        return None
    messages.warning(request, action % {"title": page.title, "source": reference.source.name,
                                        "url": reference.remote_url})
    return redirect("wagtailadmin_explore", page.get_parent().pk)


# A reference is the copy of a page of its source: the sync rewrites it. Editing, copying,
# moving or deleting it here would be lost or would break the link; hiding it is what is
# offered instead.
@hooks.register("before_edit_page")
def refuse_edit(request, page):
    return _refuse(request, page, _(
        "« %(title)s » est publiée par %(source)s et se modifie sur sa source (%(url)s). Vous "
        "pouvez la masquer sur ce portail."))


@hooks.register("before_copy_page")
def refuse_copy(request, page):
    return _refuse(request, page, _(
        "« %(title)s » est une référence de %(source)s : elle ne se copie pas (%(url)s)."))


@hooks.register("before_move_page")
def refuse_move(request, page, destination=None):
    return _refuse(request, page, _(
        "« %(title)s » est une référence de %(source)s : la synchronisation la place sous la "
        "liste choisie pour cette source."))


@hooks.register("before_delete_page")
def refuse_delete(request, page):
    return _refuse(request, page, _(
        "« %(title)s » est une référence de %(source)s : la synchronisation la recréerait. "
        "Masquez-la plutôt."))


@hooks.register("register_page_listing_more_buttons")
def hide_or_show_button(page, user, next_url=None, *args, **kwargs):
    reference = getattr(page, "_federated_reference", None)
    if reference is None:
        reference = FederatedReference.objects.filter(page_id=page.pk).first()
    if reference is None:
        return
    permissions = page.permissions_for_user(user)
    if (reference.hidden or not page.live) and permissions.can_publish():
        yield _PostButton(_("Afficher (référence fédérée)"),
                          reverse("numerique_ouvert_federation_show", args=[page.pk]),
                          icon_name="view", priority=41)
    elif page.live and permissions.can_unpublish():
        yield _PostButton(_("Masquer (référence fédérée)"),
                          reverse("numerique_ouvert_federation_hide", args=[page.pk]),
                          icon_name="no-view", priority=41)


class _PostButton(Button):
    """A dropdown entry that posts (hiding changes the page): Wagtail's own
    ``w-action`` controller sends the request with the CSRF token."""

    def __init__(self, label, url, **kwargs):
        super().__init__(label, url, attrs={"data-controller": "w-action",
                                            "data-action": "w-action#post"}, **kwargs)


@hooks.register("before_serve_page")
def attribute_reference(page, request, serve_args, serve_kwargs):
    """A reference names its source and its canonical page (``BasePortalPage.attribution``)."""
    from .kinds import reference_page_classes

    if not isinstance(page, reference_page_classes()):  # no query for other pages
        return None
    reference = FederatedReference.objects.filter(page_id=page.pk).select_related("source").first()
    if reference is not None:
        page.attribution = reference.attribution
    return None
