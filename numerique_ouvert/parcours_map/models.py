"""Positions on the parcours (anonymous, one row per form sent) and the map page showing them."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from numerique_ouvert.core.models import FeaturePageMixin
from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole

FEATURE = "parcours_map"


def today() -> datetime.date:
    """The local day (``TIME_ZONE``): a position sent at 00:30 in Paris is of that day."""
    return timezone.localdate()


class ParcoursPosition(models.Model):
    """Where one person placed themselves: stages, role and capacity, nothing else.

    Deliberately nothing that could be matched with an access log or a person: the day only
    (no time), no IP address, no user agent, no account. Only aggregates are ever shown.
    """

    stages = models.ManyToManyField(
        "numerique_ouvert_parcours.ParcoursStage", verbose_name=_("étapes du parcours"),
        related_name="+")
    role = models.CharField(_("rôle"), max_length=20, choices=ParcoursRole.choices)
    capacity = models.CharField(_("qualité"), max_length=20, choices=ParcoursCapacity.choices)
    map_page = models.ForeignKey(
        "numerique_ouvert_parcours_map.ParcoursMapPage", verbose_name=_("carte"),
        on_delete=models.CASCADE, related_name="positions")
    # Any page type: events are a separate feature that this one must not import.
    event = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("événement"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")
    created_on = models.DateField(_("date"), default=today, db_index=True)
    # Exactly-once storage of a form sent twice (see core.participation).
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                      editable=False)

    class Meta:
        verbose_name = _("position sur le parcours")
        verbose_name_plural = _("positions sur le parcours")
        ordering = ["-created_on", "-pk"]
        # Positions are never added nor edited in the admin: only viewed (CSV) and deleted.
        default_permissions = ("view", "delete")

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.get_capacity_display()}"

    def stage_names(self) -> str:
        """The stages' names in parcours order (listing and CSV export)."""
        from numerique_ouvert.parcours.stages import stage_order_key

        return ", ".join(stage.name for stage in sorted(self.stages.all(), key=stage_order_key))

    stage_names.short_description = _("étapes")


class AbstractParcoursMapPage(FeaturePageMixin, RoutablePageMixin, Page):
    """The map of the parcours: the portal's aggregate, each event's, the form "Je me situe
    sur le parcours" and the room screen of a running event, all as routes of this page.

    Override ``event_margin`` to open an event's form earlier or keep it open longer, and
    ``poll_seconds`` to change how often a live map refreshes.
    """

    numerique_ouvert_feature = FEATURE

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # An event's form opens this long before it starts and closes this long after it ends.
    event_margin = datetime.timedelta(hours=1)
    # Seconds between two refreshes of a live map (JavaScript polling).
    poll_seconds = 10

    class Meta:
        abstract = True

    # --- Routes (views.py holds what they do) --------------------------------------------------
    # The JSON of a map is at ``donnees/``: Wagtail's page URLs are slash-terminated slugs, so a
    # route of a page cannot end in ``.json``.

    @path("", name="map")
    def portal_map(self, request):
        from .views import map_view

        return map_view(self, request)

    @path("donnees/", name="data")
    def portal_data(self, request):
        from .views import data_view

        return data_view(self, request)

    @path("je-me-situe/", name="form")
    def position_form(self, request):
        from .views import form_view

        return form_view(self, request)

    @path("evenement/<int:event_id>/", name="event_map")
    def event_map(self, request, event_id: int):
        from .views import map_view

        return map_view(self, request, event_id=event_id)

    @path("evenement/<int:event_id>/donnees/", name="event_data")
    def event_data(self, request, event_id: int):
        from .views import data_view

        return data_view(self, request, event_id=event_id)

    @path("evenement/<int:event_id>/ecran/", name="event_screen")
    def event_screen(self, request, event_id: int):
        from .views import screen_view

        return screen_view(self, request, event_id=event_id)

    # --- URLs ------------------------------------------------------------------------------------

    def route_url(self, name: str, *args) -> str:
        return self.url + self.reverse_subpage(name, args=args or None)

    def form_url(self, event_id: int | None = None) -> str:
        url = self.route_url("form")
        return f"{url}?evenement={event_id}" if event_id else url

    def map_url(self, event_id: int | None = None) -> str:
        return self.route_url("event_map", event_id) if event_id else self.route_url("map")

    def data_url(self, event_id: int | None = None) -> str:
        return self.route_url("event_data", event_id) if event_id else self.route_url("data")

    def screen_url(self, event_id: int) -> str:
        return self.route_url("event_screen", event_id)


class ParcoursMapPage(AbstractParcoursMapPage):
    """The default map page, one per site."""

    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "numerique_ouvert/parcours_map/map_page.html"

    class Meta:
        verbose_name = _("carte du parcours")
        verbose_name_plural = _("cartes du parcours")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        # One per site: the event pages and the hub link to "the" map of their site.
        if not super().can_create_at(parent):
            return False
        site = parent.get_site()
        if site is None:
            return True
        root = site.root_page
        if parent.locale_id != root.locale_id:  # one per language tree, with translation on
            root = root.get_translation_or_none(parent.locale) or root
        return not cls.objects.descendant_of(root, inclusive=True).exists()
