"""App configuration of the events feature."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import FeatureAppConfig, Section
from numerique_ouvert.core.queries import public


class EventsConfig(FeatureAppConfig):
    default = True  # apps.py also imports FeatureAppConfig: name the one to use
    name = "numerique_ouvert.events"
    label = "numerique_ouvert_events"
    verbose_name = _("Numérique ouvert : événements")
    feature_key = "events"
    feature_label = _("Événements")
    feature_help = _("Rencontres, ateliers, webinaires : annonces, programmes et comptes rendus.")
    feature_order = 20

    def home_section(self, request, home_page):
        from .models import EventPage

        events = list(
            public(EventPage.objects.live().descendant_of(home_page), request).filter(listed=True)
            .filter(end__gte=timezone.now())
            .select_related("image").prefetch_related("stages")
            .order_by("start")[: get_setting("HOME_SECTION_SIZE")]
        )
        return Section("numerique_ouvert/events/home_section.html", {"events": events}, order=20,
                       card_pages=events)
