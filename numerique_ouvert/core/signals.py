"""Signal handlers that invalidate the core's caches when pages or restrictions change."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump

MENU = "menu"
RESTRICTIONS = "restrictions"


def invalidate_menu(**kwargs) -> None:
    bump(MENU)


def invalidate_restrictions(**kwargs) -> None:
    bump(RESTRICTIONS)


def invalidate_tree(**kwargs) -> None:
    # A move changes paths (restrictions) and possibly the menu.
    bump(MENU)
    bump(RESTRICTIONS)


def connect() -> None:
    page_published.connect(invalidate_menu, dispatch_uid="numerique_ouvert_menu_published")
    page_unpublished.connect(invalidate_menu, dispatch_uid="numerique_ouvert_menu_unpublished")
    post_page_move.connect(invalidate_tree, dispatch_uid="numerique_ouvert_tree_moved")
    post_delete.connect(invalidate_tree, sender=Page, dispatch_uid="numerique_ouvert_page_deleted")
    post_save.connect(invalidate_menu, sender=Site, dispatch_uid="numerique_ouvert_site_saved")
    post_delete.connect(invalidate_menu, sender=Site, dispatch_uid="numerique_ouvert_site_deleted")
    post_save.connect(invalidate_restrictions, sender=PageViewRestriction,
                      dispatch_uid="numerique_ouvert_restriction_saved")
    post_delete.connect(invalidate_restrictions, sender=PageViewRestriction,
                        dispatch_uid="numerique_ouvert_restriction_deleted")
