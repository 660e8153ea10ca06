"""App configuration of the events feature."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import FeatureAppConfig, Section
from numerique_ouvert.core.queries import cached_items, listed_pages, listing_key


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

        events = cached_items(
            listing_key("home", self.feature_key, home_page.pk),
            listed_pages(EventPage, request).descendant_of(home_page)
            .filter(end__gte=timezone.now())
            .order_by("start"), get_setting("HOME_SECTION_SIZE"))
        return Section("numerique_ouvert/events/home_section.html", {"events": events}, order=20,
                       card_pages=events)

    parcours_heading = _("Événements")

    def parcours_items(self, request, root):
        from .models import EventPage, upcoming_first

        return upcoming_first(listed_pages(EventPage, request).descendant_of(root))

    def parcours_count_label(self, count):
        return ngettext("%(count)d événement", "%(count)d événements", count) % {"count": count}
