"""A ministry's own event type: the library's event page plus two fields of its own.

It subclasses the concrete ``EventPage`` (multi-table inheritance), so it keeps the tags, the
listing on the event index and the home page section; only the new fields live in this app's
table. To start from a clean table instead, subclass ``AbstractEventPage`` (see docs/extending.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from numerique_ouvert.events.models import EventPage


class HybridEventPage(EventPage):
    """An event held both on site and online, with accessibility details for the venue."""

    venue_accessibility = models.TextField(
        _("accessibilité du lieu"), blank=True,
        help_text=_("Accès en fauteuil roulant, boucle magnétique, interprétation LSF…"),
    )
    replay_url = models.URLField(_("lien du replay"), blank=True)

    content_panels = EventPage.content_panels + [
        MultiFieldPanel([FieldPanel("venue_accessibility"), FieldPanel("replay_url")],
                        heading=_("Accueil et replay")),
    ]

    parent_page_types = ["numerique_ouvert_events.EventIndexPage"]
    subpage_types = []
    template = "ministry/hybrid_event_page.html"

    class Meta:
        verbose_name = _("événement hybride")
        verbose_name_plural = _("événements hybrides")
