"""The guide pages run a constant, small number of SQL queries, whatever the number of guides,
stages, tags, related pages and testimonies."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_commun,
    make_event,
    make_guide,
    make_image,
    make_testimony,
    many_stages,
)
from tests.query_counts import DETAIL_MAX_QUERIES, assert_constant_queries, warm_render


def add_guides(portal, count: int) -> None:
    stages = many_stages(5)
    for i in range(count):
        make_guide(portal.guides, image=make_image(), stages=stages[i % 5:i % 5 + 2],
                   tags=[f"mot-{i}"])


@pytest.mark.django_db
def test_guide_index_queries_do_not_grow_with_the_number_of_guides(client, portal):
    add_guides(portal, 5)
    small = warm_render(client, portal.guides.url)
    add_guides(portal, 95)
    large = warm_render(client, portal.guides.url)

    assert (small.count(".fr-card"), large.count(".fr-card img")) == (5, 12)  # one page of cards
    assert_constant_queries(small, large, "guide index 5 vs 100")


def rich_guide(portal, count: int):
    """A guide with ``count`` stages, tags, related pages (guides, events, communs) and
    testimonies."""
    related = []
    for i in range(count):
        maker = (make_guide, make_event, make_commun)[i % 3]
        index = (portal.guides, portal.events, portal.communs)[i % 3]
        related.append(("page", maker(index, image=make_image())))
    guide = make_guide(portal.guides, image=make_image(), stages=many_stages(count),
                       tags=[f"mot-clé {i}" for i in range(count)], related_pages=related)
    for i in range(count):
        make_testimony(f"Témoignage {i}", page=guide, stages=many_stages(2))
    return guide


@pytest.mark.django_db
def test_guide_page_queries_do_not_grow_with_its_stages_tags_links_and_testimonies(
        client, portal):
    # Both exist before measuring: each is the other's related content.
    small_guide, large_guide = rich_guide(portal, 2), rich_guide(portal, 20)
    small, large = warm_render(client, small_guide.url), warm_render(client, large_guide.url)

    for shown in (".portal-keywords .fr-tag", "section[aria-labelledby=ressources-liees] li",
                  ".portal-testimony"):
        assert (small.count(shown), large.count(shown)) == (2, 20), shown
    assert_constant_queries(small, large, "guide 2 vs 20",
                            budget=DETAIL_MAX_QUERIES)
