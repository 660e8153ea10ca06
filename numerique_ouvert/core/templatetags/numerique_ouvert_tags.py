"""Template tags of the portal: menu, breadcrumb, cards and sections contributed by features."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from wagtail.models import Page, Site

from ..cache import cached
from ..features import enabled_features_for_site, feature_of, get_features
from ..queries import CARD_RENDITION, card_image, listing_url_of, localized_root, public
from ..signals import MENU
from ..structured_data import breadcrumb_list, render_json_ld

register = template.Library()


def _request(context):
    return context.get("request")


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """Items of the main navigation: the site root's live children shown in menus, minus the
    pages of switched-off features. Cached until a page is published, moved or deleted."""
    request = _request(context)
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    enabled = enabled_features_for_site(site, request=request)
    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    entries = cached(MENU, f"{site.pk}:{get_language()}", lambda: _menu_entries(site, request),
                     timeout=300)
    return [
        {"title": title, "url": url,
         "active": bool(current_path) and current_path.startswith(url_path)}
        for title, url, url_path, key in entries
        if not key or key in enabled
    ]


@register.filter
def active_menu_url(menu_items: list[dict]) -> str:
    """URL of the menu item the current page belongs to ("" if none): what the header's
    cached fragment varies on."""
    return next((item["url"] for item in menu_items if item["active"]), "")


def _menu_entries(site: Site, request) -> list[tuple]:
    # The children of the root in the active language: each language has its tree.
    children = public(localized_root(site, request).get_children().live().in_menu(), request)
    return [
        (child.title, child.get_url(request=request), child.url_path,
         feature_of(child.specific_class))
        for child in children
    ]


def remember_ancestors(request, page_id: int, ancestors: list[Page]) -> None:
    """Record the ancestors of a page below the site root, when routing found them already."""
    if request is None:
        return
    cache = getattr(request, "_numerique_ouvert_ancestors", None)
    if cache is None:
        cache = request._numerique_ouvert_ancestors = {}
    cache[page_id] = list(ancestors)


def _ancestors(request, page: Page) -> list[Page]:
    """The page's ancestors below the site root, fetched once per request (breadcrumb and
    JSON-LD share them); no query for the site root's direct children."""
    cache = getattr(request, "_numerique_ouvert_ancestors", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._numerique_ouvert_ancestors = cache
    if page.pk not in cache:
        site = Site.find_for_request(request) if request else None
        root_depth = site.root_page.depth if site else 2
        cache[page.pk] = (
            list(page.get_ancestors().filter(depth__gt=root_depth))
            if page.depth > root_depth + 1 else []
        )
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def breadcrumb_data(context, page: Page | None = None, current: str | None = None) -> dict:
    """Data for ``dsfr_breadcrumb``: the page's ancestors below the site root. ``current`` names
    a view served by the page (a form, a confirmation): the page itself becomes a link."""
    request = _request(context)
    page = page or context.get("page")
    if page is None:
        return {}
    links = [
        {"url": ancestor.get_url(request=request), "title": ancestor.title}
        for ancestor in _ancestors(request, page)
    ]
    if current:
        links.append({"url": page.get_url(request=request), "title": page.title})
        return {"links": links, "current": current}
    return {"links": links, "current": page.title}


@register.simple_tag(takes_context=True)
def structured_data(context, page: Page | None = None):
    """schema.org JSON-LD of the page and its BreadcrumbList, as a ``<script>`` element."""
    request = _request(context)
    page = page or context.get("page")
    if page is None or not hasattr(page, "get_structured_data"):
        return ""
    data = [page.get_structured_data(request)]
    site = Site.find_for_request(request) if request else None
    # The site root is the first crumb of every other page; alone it makes no trail.
    root = localized_root(site, request) if site is not None else None
    if root is not None and page.pk != root.pk:
        data.append(breadcrumb_list(request, page, [root, *_ancestors(request, page)]))
    return render_json_ld(data)


@register.simple_tag(takes_context=True)
def page_sections(context, page: Page) -> list:
    """Sections other features add to ``page`` (e.g. its testimonies), in order."""
    request = _request(context)
    enabled = enabled_features_for_site(None, request=request)
    sections = []
    for feature in get_features():
        if feature.feature_key in enabled and feature.feature_key != feature_of(page):
            section = feature.page_section(request, page)
            if section is not None:
                sections.append(section)
    return sorted(sections, key=lambda s: s.order)


@register.inclusion_tag("dsfr/card.html", takes_context=True)
def portal_card(context, page: Page, heading_tag: str = "h3") -> dict:
    """A DSFR card for a portal page; the page type supplies its detail line via ``card_detail``."""
    request = _request(context)
    data = {
        "title": page.title,
        "heading_tag": heading_tag,
        "description": getattr(page, "tagline", "") or "",
        "link": page.get_url(request=request),
        "enlarge_link": True,
        "title_max_length": 150,
        "description_max_length": 180,
    }
    image = card_image(page)
    if image is not None:
        rendition = image.get_rendition(CARD_RENDITION)
        data.update(image_url=rendition.url, image_alt="", ratio_class="fr-ratio-16x9")
    stages = page.get_stages() if hasattr(page, "get_stages") else []
    badges = [{"label": s.name, "extra_classes": f"fr-badge--sm {s.badge_class}"} for s in stages]
    detail = getattr(page, "card_detail", "")
    top = {}
    if badges:
        top["badges"] = badges
    if detail:
        top["detail"] = {"text": detail, "icon_class": getattr(page, "card_icon", "")}
    if top:
        data["top_detail"] = top
    return {"self": data}


@register.simple_tag(takes_context=True)
def related_content(context, page: Page, limit: int = 3) -> list:
    """Pages sharing stages and tags with ``page`` (see ``numerique_ouvert.core.related``)."""
    from ..related import related_pages

    return related_pages(_request(context), page, limit)


@register.filter
def stage_list(page) -> list:
    return page.get_stages() if hasattr(page, "get_stages") else []


@register.filter
def listing_url(page) -> str:
    """URL of the filterable listing a feature's page belongs to ("" for other pages)."""
    if not feature_of(page):
        return ""
    return listing_url_of(page)


def parcours_hub_url(request) -> str:
    """URL of the site's parcours hub ("" if it has none); cached until a page is published,
    moved or deleted."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""

    def find() -> str:
        from numerique_ouvert.parcours.models import AbstractParcoursPage

        hub = (public(Page.objects.live().descendant_of(localized_root(site, request)), request)
               .type(AbstractParcoursPage).order_by("path").first())
        return hub.get_url(request=request) if hub is not None else ""

    return cached(MENU, f"hub:{site.pk}:{get_language()}", find, timeout=300)


@register.simple_tag(takes_context=True)
def stage_links(context, stages) -> list[tuple]:
    """``(stage, url)`` pairs: each stage with the URL of its page on the parcours hub
    (``None`` when the portal has no hub)."""
    hub = parcours_hub_url(_request(context))
    return [(stage, f"{hub}{stage.slug}/" if hub else None) for stage in stages]


@register.simple_tag
def stage_breadcrumb(breadcrumb: dict, hub: Page, stage) -> dict:
    """The breadcrumb of a stage page: the hub's breadcrumb, the hub, then the stage."""
    links = [*breadcrumb.get("links", []), {"url": hub.url, "title": hub.title}]
    return {"links": links, "current": stage.name}


@register.simple_tag(takes_context=True)
def visible_pages(context, stream) -> list[Page]:
    """Pages chosen in a StreamField of page choosers that a visitor can reach right now:
    live, and not in a switched-off feature (no dead links)."""
    request = _request(context)
    enabled = enabled_features_for_site(None, request=request)
    pages = []
    for block in stream or []:
        page = block.value
        if page is None or not page.live:
            continue
        key = feature_of(page.specific_class)
        if key and key not in enabled:
            continue
        pages.append(page)
    return pages
