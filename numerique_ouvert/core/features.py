"""The feature registry: which optional apps are installed, and which are switched on for a site.

A feature is an installed Django app whose ``AppConfig`` subclasses :class:`FeatureAppConfig`.
Leaving the app out of ``INSTALLED_APPS`` removes the feature entirely (install-time switch);
``PortalSettings.features`` switches an installed feature on or off for one site (run-time switch).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig, apps
from django.http import HttpRequest

from numerique_ouvert.conf import get_setting

if TYPE_CHECKING:
    from wagtail.models import Page, Site


@dataclass
class Section:
    """A block of content a feature contributes to another page (home page, content page)."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100
    # Pages shown as cards: the page fetches their image renditions in one query for all sections.
    card_pages: list[Any] = field(default_factory=list)


class FeatureAppConfig(AppConfig):
    """Base ``AppConfig`` of a switchable feature.

    Override ``feature_key`` (stable: it is stored in the database) and ``feature_label``.
    Override ``home_section`` / ``page_section`` to contribute content to the portal home page
    and to other features' pages without those apps importing each other.
    """

    default_auto_field = "django.db.models.BigAutoField"
    feature_key: str = ""
    feature_label: str = ""
    feature_help: str = ""
    # Order of the feature in menus and on the home page.
    feature_order: int = 100

    def home_section(self, request: HttpRequest, home_page: Page) -> Section | None:
        """Return the section this feature adds to the portal home page, if any."""
        return None

    def page_section(self, request: HttpRequest, page: Page) -> Section | None:
        """Return the section this feature adds to ``page`` (another feature's page), if any."""
        return None

    def privacy_section(self, request: HttpRequest) -> Section | None:
        """What the feature does with personal data (what, why, how long, how to withdraw it),
        shown on the "Données personnelles" page while the feature is on; ``None``: nothing."""
        return None

    # --- The parcours hub (numerique_ouvert.parcours.models.ParcoursPage) ----------------------
    # Heading of the feature's section on a stage page, and the template of one item.
    parcours_heading: str = ""
    parcours_item_template: str = "numerique_ouvert/parcours/stage_cards.html"

    def parcours_items(self, request: HttpRequest, root: Page):
        """The feature's public items on the site whose root page is ``root``, in the order a
        stage page lists them; each item has ``stages``. ``None``: nothing to place on the
        parcours. The hub narrows the queryset to one stage and counts it in the same query."""
        return None

    def parcours_count_label(self, count: int) -> str:
        """"3 guides": how a stage of the overview announces the feature's items."""
        return f"{count} {self.feature_label}"


def get_features() -> list[FeatureAppConfig]:
    """Every installed feature, in menu order."""
    found = [c for c in apps.get_app_configs() if isinstance(c, FeatureAppConfig)]
    return sorted(found, key=lambda c: (c.feature_order, c.feature_key))


def get_feature(key: str) -> FeatureAppConfig | None:
    for feature in get_features():
        if feature.feature_key == key:
            return feature
    return None


def default_enabled(key: str) -> bool:
    """Whether a feature is on for a site whose administrators have not chosen yet."""
    return bool(get_setting("FEATURES").get(key, True))


def enabled_features_for_site(site: Site | None, request: HttpRequest | None = None) -> set[str]:
    """Keys of the installed features switched on for ``site``.

    With a request, the portal settings are read through Wagtail's per-request cache,
    so calling this many times while rendering a page costs one query at most.
    """
    from numerique_ouvert.core.models import PortalSettings

    if request is not None:
        portal = PortalSettings.for_request(request)
    elif site is not None:
        portal = PortalSettings.for_site(site)
    else:
        portal = None
    chosen = portal.features if portal is not None else {}
    return {
        f.feature_key
        for f in get_features()
        if bool(chosen.get(f.feature_key, default_enabled(f.feature_key)))
    }


def is_feature_enabled(
    key: str | None, *, site: Site | None = None, request: HttpRequest | None = None
) -> bool:
    """True if ``key`` is installed and on for the site (``None`` means: not a feature, always on)."""
    if not key:
        return True
    return key in enabled_features_for_site(site, request)


def parcours_sources(request: HttpRequest, root: Page) -> list[tuple[FeatureAppConfig, Any]]:
    """``(feature, queryset)`` of every enabled feature that places items on the parcours
    (see ``FeatureAppConfig.parcours_items``), in feature order."""
    enabled = enabled_features_for_site(None, request=request)
    sources = []
    for feature in get_features():
        if feature.feature_key in enabled:
            queryset = feature.parcours_items(request, root)
            if queryset is not None:
                sources.append((feature, queryset))
    return sources


def feature_of(model_or_page: Any) -> str | None:
    """The feature key a page type belongs to (``None`` for pages outside any feature)."""
    return getattr(model_or_page, "numerique_ouvert_feature", None)
