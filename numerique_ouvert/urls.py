"""URLs the portal serves besides its pages: search, feeds, sitemap, robots.txt and the API.

A site includes them before Wagtail's catch-all::

    urlpatterns += [path("", include("numerique_ouvert.urls")), path("", include(wagtail_urls))]

URL names start with ``numerique_ouvert_`` (no namespace: the API router brings its own).
"""

from django.apps import apps
from django.urls import include, path

from numerique_ouvert.core import feeds, seo, views

urlpatterns: list = [
    path("recherche/", views.search, name="numerique_ouvert_search"),
    path("flux/rss/", feeds.PortalFeed(), name="numerique_ouvert_feed_rss"),
    path("flux/atom/", feeds.PortalAtomFeed(), name="numerique_ouvert_feed_atom"),
    path("sitemap.xml", seo.sitemap, name="numerique_ouvert_sitemap"),
    path("sitemap-<slug:section>.xml", seo.sitemap_section,
         name="numerique_ouvert_sitemap_section"),
    path("robots.txt", seo.robots_txt, name="numerique_ouvert_robots_txt"),
]

# Exports of the imports-and-exports app (publiccode.yml, catalogues), when installed.
if apps.is_installed("numerique_ouvert.interop"):
    urlpatterns.append(path("interop/", include("numerique_ouvert.interop.urls")))

# The read-only API, when the site installs Wagtail's API app (see docs/api.md).
if apps.is_installed("wagtail.api.v2"):
    from numerique_ouvert.api.urls import api_router

    urlpatterns.append(path("api/v2/", api_router.urls))
