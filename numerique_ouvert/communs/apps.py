"""App configuration of the communs numériques feature."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import FeatureAppConfig, Section
from numerique_ouvert.core.queries import cached_items, listed_pages, listing_key


class CommunsConfig(FeatureAppConfig):
    default = True  # apps.py also imports FeatureAppConfig: name the one to use
    name = "numerique_ouvert.communs"
    label = "numerique_ouvert_communs"
    verbose_name = _("Numérique ouvert : communs numériques")
    feature_key = "communs"
    feature_label = _("Communs numériques")
    feature_help = _("Fiches des communs : gouvernance, communauté, acteurs publics, usages.")
    feature_order = 40

    def home_section(self, request, home_page):
        from .models import CommunPage

        communs = cached_items(
            listing_key("home", self.feature_key, home_page.pk),
            listed_pages(CommunPage, request).descendant_of(home_page)
            .filter(featured=True)
            .select_related("logo")
            .order_by("title"), get_setting("HOME_SECTION_SIZE"))
        if not communs:
            return None
        return Section("numerique_ouvert/communs/home_section.html", {"communs": communs},
                       order=40, card_pages=communs)

    parcours_heading = _("Communs numériques")

    def parcours_items(self, request, root):
        from .models import CommunPage

        return (listed_pages(CommunPage, request).descendant_of(root).select_related("logo")
                .order_by("-featured", "title", "pk"))

    def parcours_count_label(self, count):
        return ngettext("%(count)d commun", "%(count)d communs", count) % {"count": count}
