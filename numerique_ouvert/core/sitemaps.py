"""The sitemap of a portal: the pages of the requested site that search engines may index, in one
sitemap per section (pages outside any feature, then each enabled feature) listed by an index.

Pages are read as ``values_list`` rows (``url_path`` and dates), never as page instances, and
their URLs are built the way ``Page.get_url_parts`` builds them, from the site's root paths
(cached by Wagtail). A sitemap file holds at most ``NUMERIQUE_OUVERT["SITEMAP_LIMIT"]`` URLs
(1 000, as Yoast SEO does): each response reads that many rows at most, whatever the number of
pages. Reading, converting and writing a row costs 7 to 15 µs in Python (psycopg parses dates
in Python), so a file takes 10 to 20 ms. The XML is written directly: Django's ``sitemap.xml``
template costs about 35 µs per URL.

Consequence: a page type that overrides ``get_url_parts`` or ``get_sitemap_urls`` is not asked;
its pages are listed at the URL Wagtail's default routing gives them.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page, Site, get_page_models

from numerique_ouvert.conf import get_setting

from .features import enabled_features_for_site, feature_of, get_features
from .queries import cached_listing, listing_key, public

# The section of the pages outside any feature (home, parcours, content pages).
PAGES_SECTION = "pages"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# What Django's reverse() leaves unquoted in a path.
_PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"
_NEEDS_QUOTING = re.compile(r"[^A-Za-z0-9_.\-" + re.escape(_PATH_SAFE) + "]")


def _top_models(models: Iterable[type]) -> list[type]:
    """Each table once: a multi-table subclass is queried through its parent."""
    models = list(models)
    return [model for model in models
            if not any(other is not model and issubclass(model, other) for other in models)]


def hidden_page_models() -> list[type]:
    """Concrete page types carrying the ``listed`` and ``noindex`` switches."""
    from .models import BasePortalPage

    return _top_models(model for model in get_page_models()
                       if issubclass(model, BasePortalPage) and not model._meta.abstract)


def sitemap_sections(enabled: set[str]) -> dict[str, list[type]]:
    """``{section: page models}``: the pages outside any feature, then each enabled feature with
    page types, in menu order. A switched-off feature has no section."""
    models = get_page_models()
    sections = {PAGES_SECTION: [model for model in models if not feature_of(model)]}
    for feature in get_features():
        key = feature.feature_key
        found = [model for model in models if feature_of(model) == key]
        if key in enabled and found:
            sections[key] = found
    return sections


def indexable_pages(site: Site, request, models: list[type]):
    """Live, public pages of ``models`` under the site's root, minus those whose editors asked
    not to be indexed (``noindex``) or listed (``listed``). One query, whatever its use."""
    from django.contrib.contenttypes.models import ContentType

    from .queries import all_site_roots

    # Every language's tree: the sitemap lists the translations too.
    roots = all_site_roots(site)
    # Cached by ContentType's manager: no query once warm.
    types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    in_site = Q()
    for path, _depth in roots:
        in_site |= Q(path__startswith=path)
    pages = Page.objects.filter(
        in_site, depth__gte=roots[0][1], live=True,
        content_type_id__in=[content_type.pk for content_type in types.values()],
    )
    for model in hidden_page_models():
        if any(issubclass(section_model, model) for section_model in models):
            hidden = model.objects.filter(Q(noindex=True) | Q(listed=False)).values("pk")
            pages = pages.exclude(pk__in=hidden)
    return public(pages, request)


def page_url_builder(site: Site, request=None) -> Callable[[str], str]:
    """``url_path -> full URL`` for the pages of ``site``, as ``Page.get_full_url`` computes it
    (site root URL, ``wagtail_serve`` prefix and language, ``WAGTAIL_APPEND_SLASH``) but with
    ``reverse()`` called once per root path instead of once per page."""
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    roots = []  # (root_path, root_url, serve prefix), most specific root path first
    for root in Site.get_site_root_paths():
        if root.site_id != site.pk:
            continue
        language = root.language_code
        if i18n:
            try:
                active = translation.get_language()
                if get_supported_content_language_variant(active) == language:
                    language = active
            except LookupError:
                pass
        with translation.override(language) if i18n else nullcontext():
            roots.append((root.root_path, root.root_url, reverse("wagtail_serve", args=("",))))
    roots.sort(key=lambda root: len(root[0]), reverse=True)

    def build(url_path: str) -> str:
        for root_path, root_url, prefix in roots:
            if url_path.startswith(root_path):
                relative = url_path[len(root_path):]
                if _NEEDS_QUOTING.search(relative):  # quote() is most of the cost of a URL
                    relative = quote(relative, safe=_PATH_SAFE)
                page_path = prefix + relative
                if not WAGTAIL_APPEND_SLASH and page_path != "/":
                    page_path = page_path.rstrip("/")
                return root_url + page_path
        return ""

    return build


@dataclass
class SitemapFile:
    """One entry of the index: a sitemap file and the last change of its pages."""

    location: str
    lastmod: datetime.datetime | None = None


def section_stats(site: Site, request, sections: dict[str, list[type]]) -> dict[str, tuple]:
    """``{section: (number of pages, last change)}``, from one query grouped by page type."""
    from django.contrib.contenttypes.models import ContentType

    section_of = {}
    for key, models in sections.items():
        for content_type in ContentType.objects.get_for_models(
                *models, for_concrete_models=False).values():
            section_of[content_type.pk] = key
    rows = (
        indexable_pages(site, request, [model for models in sections.values() for model in models])
        .order_by().values_list("content_type_id")
        .annotate(count=Count("pk"),
                  changed=Max(Coalesce("last_published_at", "latest_revision_created_at")))
    )
    stats = dict.fromkeys(sections, (0, None))
    for content_type_id, count, changed in rows:
        key = section_of[content_type_id]
        total, last = stats[key]
        stats[key] = (total + count, max(filter(None, (last, changed)), default=None))
    return stats


def index_entries(site: Site, request) -> list[SitemapFile]:
    """The sitemap files of the site. Counting the pages reads every row of the page tables
    (about 30 ms at 40 000 pages): the counts are cached until the next publication."""
    enabled = enabled_features_for_site(site, request=request)
    sections = sitemap_sections(enabled)
    stats = cached_listing(listing_key("sitemap", site.pk, *sorted(sections)),
                           lambda: section_stats(site, request, sections))
    limit = get_setting("SITEMAP_LIMIT")
    entries = []
    for key, (count, lastmod) in stats.items():
        location = request.build_absolute_uri(reverse("numerique_ouvert_sitemap_section",
                                                      args=[key]))
        for number in range(1, math.ceil(count / limit) + 1):
            suffix = f"?p={number}" if number > 1 else ""
            entries.append(SitemapFile(location + suffix, lastmod))
    return entries


def section_urls(site: Site, request, section: str,
                 page: int = 1) -> list[tuple[str, datetime.datetime | None]] | None:
    """``(location, lastmod)`` of the ``page``-th file of a section; ``None`` for a section that
    does not exist or is switched off. In creation order (primary key): a new page goes to the
    last file instead of moving others from one file to the next, and the database walks an
    index instead of sorting the section."""
    sections = sitemap_sections(enabled_features_for_site(site, request=request))
    if section not in sections:
        return None
    limit = get_setting("SITEMAP_LIMIT")
    start = (page - 1) * limit
    rows = (
        indexable_pages(site, request, sections[section]).order_by("pk")
        # One date column: converting database values is most of the time spent per row.
        .values_list("url_path", Coalesce("last_published_at", "latest_revision_created_at"))
        [start:start + limit]
    )
    build = page_url_builder(site, request)
    return [(build(url_path), lastmod) for url_path, lastmod in rows]


def render_urlset(urls: list[tuple[str, datetime.datetime | None]]) -> str:
    """A ``<urlset>``: each URL with the day of its last change (in the site's time zone)."""
    zone = timezone.get_current_timezone()
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for location, lastmod in urls:
        day = f"<lastmod>{lastmod.astimezone(zone).date().isoformat()}</lastmod>" if lastmod else ""
        lines.append(f"<url><loc>{escape(location)}</loc>{day}</url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def render_index(entries: list[SitemapFile]) -> str:
    """A ``<sitemapindex>``: each sitemap file with the last change of its pages."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for entry in entries:
        day = f"<lastmod>{timezone.localdate(entry.lastmod).isoformat()}</lastmod>" if entry.lastmod else ""
        lines.append(f"<sitemap><loc>{escape(entry.location)}</loc>{day}</sitemap>")
    lines.append("</sitemapindex>\n")
    return "\n".join(lines)
