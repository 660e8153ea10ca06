"""The ``<head>`` search engines and social networks read: canonical URL, description, robots
directive and Open Graph tags, on every public page type."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
)
from tests.html import soup


def head_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return soup(response).head


def og(head, name: str) -> str | None:
    tag = head.find("meta", property=f"og:{name}")
    return tag["content"] if tag else None


def every_page(portal) -> list:
    return [
        portal.home, portal.parcours, portal.guides, portal.events, portal.communs,
        portal.testimonies, make_content_page(portal.home), make_guide(portal.guides),
        make_event(portal.events), make_hybrid_event(portal.events), make_commun(portal.communs),
    ]


@pytest.mark.django_db
def test_every_page_has_a_canonical_url_and_open_graph_tags(client, portal):
    for page in every_page(portal):
        head = head_of(client, page)
        url = page.get_full_url()
        assert head.find("link", rel="canonical")["href"] == url, page.url
        assert og(head, "url") == url
        assert og(head, "title") == page.title
        assert og(head, "site_name") == "Numérique ouvert"
        assert og(head, "type") in {"website", "article"}
        assert og(head, "locale") == "fr_FR"
        assert head.find("meta", attrs={"name": "robots"}) is None, page.url


@pytest.mark.django_db
def test_description_comes_from_the_tagline_or_the_search_description(client, portal):
    guide = make_guide(portal.guides, tagline="Accroche du guide.")
    commun = make_commun(portal.communs, search_description="Pour les moteurs.")

    head = head_of(client, guide)
    assert head.find("meta", attrs={"name": "description"})["content"] == "Accroche du guide."
    assert og(head, "description") == "Accroche du guide."
    assert og(head, "type") == "article"
    head = head_of(client, commun)
    assert head.find("meta", attrs={"name": "description"})["content"] == "Pour les moteurs."


@pytest.mark.django_db
def test_noindex_page_asks_robots_not_to_index_it(client, portal):
    guide = make_guide(portal.guides, noindex=True)

    head = head_of(client, guide)

    assert head.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert head.find("link", rel="canonical")  # still canonical: only indexing is declined
