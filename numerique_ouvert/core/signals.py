"""Signal handlers that invalidate the core's caches when pages or restrictions change."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import PAGES, bump

MENU = "menu"
RESTRICTIONS = "restrictions"
# Listings' counts and the ids of each of their pages (IndexPageMixin): cleared with the menu and
# the restrictions, and by features whose listed items are not pages (testimonies). Kept for
# LISTING_TIMEOUT seconds at most, so that what depends on the clock (upcoming events, the
# "reviewed less than 6 months ago" bucket) never lags behind by more.
LISTINGS = "listings"
LISTING_TIMEOUT = 300


def invalidate_menu(**kwargs) -> None:
    bump(MENU)
    bump(LISTINGS)


def invalidate_restrictions(**kwargs) -> None:
    bump(RESTRICTIONS)
    bump(LISTINGS)


def invalidate_listings(**kwargs) -> None:
    bump(LISTINGS)


def invalidate_listings_on_live_save(sender, instance, **kwargs) -> None:
    # Pages saved live without publishing (imports, scripts, fixtures) change listings too.
    if isinstance(instance, Page) and instance.live:
        bump(LISTINGS)


def invalidate_tree(**kwargs) -> None:
    # A move changes paths (restrictions) and possibly the menu.
    bump(MENU)
    bump(RESTRICTIONS)
    bump(LISTINGS)


# Apps whose saved or deleted objects may show on a public page without going through the
# signals above: site settings, redirects, images, documents, tags, and the package's own
# snippets and models. Positions on the parcours map, sessions or login attempts are not listed:
# they would empty the page cache at every request that writes them.
PAGE_CACHE_APPS = ("wagtailsettings", "wagtailredirects", "wagtailimages", "wagtaildocs", "taggit",
                   "wagtailcore")
PAGE_CACHE_SKIPPED_MODELS = {"wagtailimages.rendition", "wagtailcore.pagelogentry",
                             "wagtailcore.revision", "wagtailcore.modellogentry",
                             "wagtailcore.taskstate", "wagtailcore.workflowstate",
                             "wagtailcore.pagesubscription", "wagtailcore.comment",
                             "wagtailcore.commentreply", "wagtailcore.referenceindex",
                             "numerique_ouvert_parcours_map.parcoursposition"}


def invalidate_pages(sender, **kwargs) -> None:
    """Empty the full-page cache when something a page may show is saved or deleted."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.label_lower in PAGE_CACHE_SKIPPED_MODELS:
        return
    # Settings models live in the apps that declare them (BaseSiteSetting subclasses).
    if issubclass(sender, BaseSiteSetting | BaseGenericSetting):
        # The first read of a site's settings creates their row with the defaults that pages
        # already showed: nothing to invalidate.
        if not kwargs.get("created"):
            bump(PAGES)
    elif meta.app_label in PAGE_CACHE_APPS or meta.app_label.startswith("numerique_ouvert"):
        bump(PAGES)


def connect() -> None:
    post_save.connect(invalidate_pages, dispatch_uid="numerique_ouvert_pages_saved")
    post_delete.connect(invalidate_pages, dispatch_uid="numerique_ouvert_pages_deleted")
    page_published.connect(invalidate_menu, dispatch_uid="numerique_ouvert_menu_published")
    page_unpublished.connect(invalidate_menu, dispatch_uid="numerique_ouvert_menu_unpublished")
    post_page_move.connect(invalidate_tree, dispatch_uid="numerique_ouvert_tree_moved")
    post_delete.connect(invalidate_tree, sender=Page, dispatch_uid="numerique_ouvert_page_deleted")
    # Any model (page types are subclasses, each its own sender): the handler checks.
    post_save.connect(invalidate_listings_on_live_save,
                      dispatch_uid="numerique_ouvert_live_page_saved")
    post_save.connect(invalidate_menu, sender=Site, dispatch_uid="numerique_ouvert_site_saved")
    post_delete.connect(invalidate_menu, sender=Site, dispatch_uid="numerique_ouvert_site_deleted")
    post_save.connect(invalidate_restrictions, sender=PageViewRestriction,
                      dispatch_uid="numerique_ouvert_restriction_saved")
    post_delete.connect(invalidate_restrictions, sender=PageViewRestriction,
                        dispatch_uid="numerique_ouvert_restriction_deleted")
