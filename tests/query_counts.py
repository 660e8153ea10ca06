"""Measuring the SQL queries of a public page: warm render first, then the queries of a second
render, compared between a small and a large amount of content."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.html import soup

# The budget of a listing (index page), whatever the amount of content.
MAX_QUERIES = 12
# Wagtail's routing looks up the active Locale on every page request when the site translates
# its content (WAGTAIL_I18N_ENABLED, as the example site does): budgets at their limit add it.
LOCALE_QUERY = 1
# Home and detail pages: constant too, with a larger budget. Wagtail's routing alone costs the
# site lookup plus two queries per tree level and two for view restrictions (7 at depth 4);
# the page's own relations (tags, stages, actors, programmes, testimonies, images) come on top.
DETAIL_MAX_QUERIES = 20


@dataclass
class Render:
    queries: list[str]
    html: BeautifulSoup

    def count(self, selector: str) -> int:
        """How many elements match ``selector``: proves the content measured was rendered."""
        return len(self.html.select(selector))


def warm_render(client, url: str) -> Render:
    """The SQL of rendering ``url`` once caches are warm: the first render creates the image
    renditions and fills the menu, settings and rendition caches, so it is not measured."""
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return Render([query["sql"] for query in context.captured_queries], soup(response))


def assert_constant_queries(small: Render, large: Render, name: str,
                            budget: int = MAX_QUERIES) -> None:
    """Same number of queries with little and much content, and within the budget."""
    diff = "\n".join(difflib.unified_diff(small.queries, large.queries, "small", "large",
                                          lineterm=""))
    assert len(small.queries) == len(large.queries), (
        f"{name}: {len(small.queries)} queries with little content, {len(large.queries)} "
        f"with much:\n{diff}")
    listing = "\n".join(large.queries)
    assert len(large.queries) <= budget, (
        f"{name}: {len(large.queries)} queries, budget {budget}:\n{listing}")
