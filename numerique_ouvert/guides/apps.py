"""App configuration of the guides feature."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import FeatureAppConfig, Section
from numerique_ouvert.core.queries import cached_items, listed_pages, listing_key


class GuidesConfig(FeatureAppConfig):
    default = True  # apps.py also imports FeatureAppConfig: name the one to use
    name = "numerique_ouvert.guides"
    label = "numerique_ouvert_guides"
    verbose_name = _("Numérique ouvert : guides")
    feature_key = "guides"
    feature_label = _("Guides")
    feature_help = _("Documentation pratique et contributive.")
    feature_order = 30

    def home_section(self, request, home_page):
        from .models import GuidePage

        guides = cached_items(
            listing_key("home", self.feature_key, home_page.pk),
            listed_pages(GuidePage, request).descendant_of(home_page)
            .order_by("-last_reviewed", "-first_published_at"), get_setting("HOME_SECTION_SIZE"))
        if not guides:
            return None
        return Section("numerique_ouvert/guides/home_section.html", {"guides": guides}, order=30,
                       card_pages=guides)

    parcours_heading = _("Guides")

    def parcours_items(self, request, root):
        from .models import GuidePage

        return (listed_pages(GuidePage, request).descendant_of(root)
                .order_by("-last_reviewed", "title", "pk"))

    def parcours_count_label(self, count):
        return ngettext("%(count)d guide", "%(count)d guides", count) % {"count": count}
