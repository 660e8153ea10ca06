"""Views for search engines: sitemap.xml and robots.txt."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .sitemaps import index_entries, render_index, render_urlset, section_urls

# Robots re-read robots.txt at most once a day; an hour lets a change reach them the same day.
ROBOTS_MAX_AGE = 60 * 60
SITEMAP_MAX_AGE = 60 * 10
# Not for robots: the admin interfaces, and the search results (every query string would be
# another page to crawl).
ROBOTS_DISALLOWED_URL_NAMES = ("wagtailadmin_home", "admin:index", "numerique_ouvert_search")


def _sitemap_site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def _xml_response(content: str, lastmods) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml")
    # As Django's sitemap views: the files are for robots, not for search results.
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    known = [moment for moment in lastmods if moment]
    if known:
        response["Last-Modified"] = http_date(max(known).timestamp())
    return response


@require_GET
@cache_control(max_age=SITEMAP_MAX_AGE, public=True)
def sitemap(request):
    """sitemap.xml of the requested site: the index of its section sitemaps
    (see :mod:`numerique_ouvert.core.sitemaps`)."""
    entries = index_entries(_sitemap_site(request), request)
    return _xml_response(render_index(entries), [entry.lastmod for entry in entries])


@require_GET
@cache_control(max_age=SITEMAP_MAX_AGE, public=True)
def sitemap_section(request, section: str):
    """One file of a section's sitemap (``?p=2`` for the second file, as Django's sitemaps)."""
    try:
        page = int(request.GET.get("p", 1))
    except ValueError:
        raise Http404 from None
    if page < 1:
        raise Http404
    urls = section_urls(_sitemap_site(request), request, section, page)
    if urls is None or (page > 1 and not urls):
        raise Http404
    return _xml_response(render_urlset(urls), [lastmod for _, lastmod in urls])


def disallowed_paths(url_names=ROBOTS_DISALLOWED_URL_NAMES) -> list[str]:
    """Paths of the named URLs this project serves (a site without Django's admin has none)."""
    paths = []
    for name in url_names:
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    return paths


@require_GET
@cache_control(max_age=ROBOTS_MAX_AGE, public=True)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    try:
        lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('numerique_ouvert_sitemap'))}"]
    except NoReverseMatch:
        pass
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
