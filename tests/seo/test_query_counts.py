"""Feeds and the sitemap run a constant, small number of SQL queries, whatever the number of
pages (with their stages and tags) they list."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from numerique_ouvert.core.cache import bump
from numerique_ouvert.core.signals import LISTINGS
from tests.factories import (
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    many_stages,
)
from tests.html import soup
from tests.query_counts import LOCALE_QUERY, MAX_QUERIES, Render, assert_constant_queries, warm_render
from tests.seo.readers import published

# Site, settings, then per page type of the features: two narrow queries that find its newest
# pages (published, never published) and three that read those chosen (pages, stages, tags).
PORTAL_FEED_MAX_QUERIES = 17
# A feature index's feed: a listing's budget, plus Wagtail's Locale lookup.
INDEX_FEED_MAX_QUERIES = MAX_QUERIES + LOCALE_QUERY
# A sitemap file: site, settings, the rows of its pages.
SITEMAP_MAX_QUERIES = 3
# The index when its counts are not cached: site, settings, counts grouped by page type.
SITEMAP_INDEX_MAX_QUERIES = 3

# warm_render reads every response with the HTML parser; XML elements are found all the same.
pytestmark = pytest.mark.filterwarnings("ignore::bs4.XMLParsedAsHTMLWarning")


def add_pages(portal, count: int, kinds=("guides", "events", "hybrid", "communs", "content")):
    """``count`` pages of the given kinds in turn, with stages and tags, published a day apart."""
    stages = many_stages(5)
    makers = {"guides": (make_guide, portal.guides), "events": (make_event, portal.events),
              "hybrid": (make_hybrid_event, portal.events),
              "communs": (make_commun, portal.communs),
              "content": (make_content_page, portal.home)}
    for i in range(count):
        kind = kinds[i % len(kinds)]
        maker, parent = makers[kind]
        tags = {} if kind == "content" else {"tags": [f"mot-clé {i}", f"thème {i % 3}"]}
        published(maker(parent, stages=stages[i % 5:i % 5 + 2], **tags), days_ago=i)


def cold_listing_render(client, url: str) -> Render:
    """The SQL of ``url`` right after a publication: other caches warm, cached listings
    (the sitemap's counts) invalidated as publishing a page does."""
    client.get(url)
    bump(LISTINGS)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return Render([query["sql"] for query in context.captured_queries], soup(response))


def items_in(render) -> int:
    return render.count("item") + render.count("entry") + render.count("url")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flux/rss/", "/flux/atom/"])
def test_portal_feed_queries_do_not_grow_with_the_number_of_pages(client, portal, url):
    add_pages(portal, 5)
    small = warm_render(client, url)
    add_pages(portal, 35)
    large = warm_render(client, url)

    assert (items_in(small), items_in(large)) == (4, 30)  # content pages are not in the feed
    assert_constant_queries(small, large, f"portal feed {url} 5 vs 40",
                            budget=PORTAL_FEED_MAX_QUERIES)


@pytest.mark.django_db
@pytest.mark.parametrize("index_name", ["guides", "events", "communs"])
@pytest.mark.parametrize("feed", ["flux/rss/", "flux/atom/"])
def test_index_feed_queries_do_not_grow_with_the_number_of_pages(client, portal, index_name,
                                                                feed):
    url = getattr(portal, index_name).url + feed
    add_pages(portal, 5, kinds=(index_name,))
    small = warm_render(client, url)
    add_pages(portal, 35, kinds=(index_name,))
    large = warm_render(client, url)

    assert (items_in(small), items_in(large)) == (5, 30)
    assert_constant_queries(small, large, f"{index_name} {feed} 5 vs 40",
                            budget=INDEX_FEED_MAX_QUERIES)


SITEMAP_FILES = ("/sitemap-pages.xml", "/sitemap-guides.xml", "/sitemap-events.xml",
                 "/sitemap-communs.xml")


@pytest.mark.django_db
def test_sitemap_file_queries_do_not_grow_with_the_number_of_pages(client, portal):
    add_pages(portal, 10)
    small = {url: warm_render(client, url) for url in SITEMAP_FILES}
    add_pages(portal, 500)
    large = {url: warm_render(client, url) for url in SITEMAP_FILES}

    for url in SITEMAP_FILES:
        assert items_in(small[url]) < items_in(large[url]), url
        assert_constant_queries(small[url], large[url], f"{url} 10 vs 510",
                                budget=SITEMAP_MAX_QUERIES)


@pytest.mark.django_db
def test_sitemap_index_queries_do_not_grow_with_the_number_of_pages(client, portal, settings):
    settings.NUMERIQUE_OUVERT = {"SITEMAP_LIMIT": 50}
    add_pages(portal, 10)
    small = cold_listing_render(client, "/sitemap.xml")
    add_pages(portal, 500)
    large = cold_listing_render(client, "/sitemap.xml")

    # One file per section (pages, guides, events, communs, testimonies), then, at 50 URLs a
    # file: pages 104 URLs (3 files), guides 103 (3), events 205 (5), communs 103 (3), 1.
    assert (small.count("sitemap"), large.count("sitemap")) == (5, 15)
    assert_constant_queries(small, large, "sitemap index 10 vs 510",
                            budget=SITEMAP_INDEX_MAX_QUERIES)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?etape=utiliser", "?format=rencontre"])
def test_calendar_feed_queries_do_not_grow_with_the_number_of_events(client, portal, query):
    url = portal.events.url + "ical/" + query
    add_pages(portal, 10, kinds=("events", "hybrid"))
    small = cold_listing_render(client, url)
    add_pages(portal, 60, kinds=("events", "hybrid"))
    large = cold_listing_render(client, url)

    small_events, large_events = (str(render.html).count("BEGIN:VEVENT") for render in (small, large))
    assert 0 < small_events < large_events
    assert_constant_queries(small, large, f"calendar {query} 10 vs 70")
