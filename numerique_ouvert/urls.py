"""URLs the portal serves besides its pages: search, feeds, sitemap, robots.txt and the API.

A site includes them before Wagtail's catch-all::

    urlpatterns += [path("", include("numerique_ouvert.urls")), path("", include(wagtail_urls))]

URL names start with ``numerique_ouvert_`` (no namespace: the API router brings its own).
"""

from django.urls import path

from numerique_ouvert.core import views

urlpatterns: list = [
    path("recherche/", views.search, name="numerique_ouvert_search"),
]
