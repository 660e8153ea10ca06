"""Feeds and the sitemap run a constant, small number of SQL queries, whatever the number of
pages (with their stages and tags) they list."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    many_stages,
)
from tests.query_counts import assert_constant_queries, warm_render
from tests.seo.readers import published

# Site, settings, then three queries (pages, stages, tags) per page type of the features.
PORTAL_FEED_MAX_QUERIES = 12
# Site, settings, count, pages, then one query per page type for the specific pages (11 here).
SITEMAP_MAX_QUERIES = 15

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
    assert_constant_queries(small, large, f"{index_name} {feed} 5 vs 40")


@pytest.mark.django_db
def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client, portal):
    add_pages(portal, 5)
    small = warm_render(client, "/sitemap.xml")
    add_pages(portal, 35)
    large = warm_render(client, "/sitemap.xml")

    assert (items_in(small), items_in(large)) == (6 + 5, 6 + 40)  # the home and 5 index pages
    assert_constant_queries(small, large, "sitemap 5 vs 40", budget=SITEMAP_MAX_QUERIES)
