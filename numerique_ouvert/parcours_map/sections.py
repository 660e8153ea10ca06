"""What the map adds to other pages: a link to the form on a running event, the link to an event's map
afterwards, and a link on the parcours hub. The site's map page is looked up once and cached
with the listings, so these pages pay no query for it."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from numerique_ouvert.core.features import Section
from numerique_ouvert.core.queries import cached_listing, listing_key, public, site_root_page

from .aggregate import map_data
from .events import is_running


@dataclass(frozen=True)
class SiteMap:
    """The live map page of a site, enough to build its URLs without loading it."""

    pk: int
    url: str
    model_label: str

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def route(self, name: str, *args) -> str:
        return self.url + self.model.get_resolver().reverse(name, *args)

    def form_url(self, event_id: int) -> str:
        return f"{self.route('form')}?evenement={event_id}"


def map_page_models() -> list[type[Page]]:
    from wagtail.models import get_page_models

    from .models import AbstractParcoursMapPage

    return [model for model in get_page_models()
            if issubclass(model, AbstractParcoursMapPage) and not model._meta.abstract]


def site_map(request) -> SiteMap | None:
    """The request's site's live, public map page (the first in the tree), or ``None``."""
    root = site_root_page(request)

    def find() -> tuple | None:
        page = (public(Page.objects.live(), request).descendant_of(root)
                .type(*map_page_models()).order_by("path").first())
        if page is None:
            return None
        page = page.specific
        return page.pk, page.get_url(request=request), page._meta.label

    found = cached_listing(listing_key("parcours-map", root.pk), find)
    return SiteMap(*found) if found else None


def event_section(request, event) -> Section | None:
    found = site_map(request)
    if found is None:
        return None
    context = {"event": event, "map_url": found.route("event_map", event.pk)}
    if is_running(event, found.model.event_margin):
        # A link to the map's form page, not the form itself: its CSRF token and one-time
        # submission key would keep the event page out of the page cache (and of a CDN).
        context.update(
            callout={
                "text": _("Situez-vous sur les étapes du parcours, avec votre rôle et la raison "
                          "de votre venue : la carte de l'événement, affichée dans la salle, "
                          "montre qui est où."),
                "button": {"url": found.form_url(event.pk),
                           "label": _("Me situer sur la carte")},
            },
            screen_url=found.route("event_screen", event.pk),
            live=True)
    elif event.end < timezone.now():
        # After the event: "where participants stood", if anyone placed themselves.
        if not map_data(found.pk, event.pk, request).participants:
            return None
    else:
        return None
    return Section("numerique_ouvert/parcours_map/event_section.html", context, order=45)


def hub_section(request, hub) -> Section | None:
    found = site_map(request)
    if found is None:
        return None
    return Section("numerique_ouvert/parcours_map/hub_section.html",
                   {"map_url": found.url, "form_url": found.route("form")}, order=10)
