"""Views for search engines: sitemap.xml and robots.txt."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemaps import PortalSitemap

# Robots re-read robots.txt at most once a day; an hour lets a change reach them the same day.
ROBOTS_MAX_AGE = 60 * 60
SITEMAP_MAX_AGE = 60 * 10
# Not for robots: the admin interfaces, and the search results (every query string would be
# another page to crawl).
ROBOTS_DISALLOWED_URL_NAMES = ("wagtailadmin_home", "admin:index", "numerique_ouvert_search")


@require_GET
@cache_control(max_age=SITEMAP_MAX_AGE, public=True)
def sitemap(request):
    """sitemap.xml of the requested site (see :class:`PortalSitemap`)."""
    return wagtail_sitemap(request, {"pages": PortalSitemap})


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
