"""The commun pages run a constant, small number of SQL queries, whatever the number of commons,
stages, tags, public actors, support programmes and testimonies."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_actor,
    make_commun,
    make_image,
    make_programme,
    make_testimony,
    many_stages,
)
from tests.query_counts import DETAIL_MAX_QUERIES, assert_constant_queries, warm_render


def add_communs(portal, count: int) -> None:
    stages = many_stages(5)
    for i in range(count):
        # Half with a logo (shown on the card), half with an image only.
        visual = {"logo": make_image()} if i % 2 else {"image": make_image()}
        make_commun(portal.communs, stages=stages[i % 5:i % 5 + 2], **visual)


@pytest.mark.django_db
def test_commun_index_queries_do_not_grow_with_the_number_of_communs(client, portal):
    add_communs(portal, 5)
    small = warm_render(client, portal.communs.url)
    add_communs(portal, 95)
    large = warm_render(client, portal.communs.url)

    assert (small.count(".fr-card"), large.count(".fr-card img")) == (5, 12)  # one page of cards
    assert_constant_queries(small, large, "commun index 5 vs 100")


def rich_commun(portal, count: int):
    commun = make_commun(
        portal.communs, logo=make_image(), image=make_image(), stages=many_stages(count),
        tags=[f"mot-clé {i}" for i in range(count)],
        actors=[(make_actor(website=f"https://acteur-{i}.example.org"), "uses")
                for i in range(count)],
        support_programmes=[make_programme() for _ in range(count)],
        forum_url="https://forum.example.org", governance_url="https://gouvernance.example.org",
    )
    for i in range(count):
        make_testimony(f"Témoignage {i}", page=commun)
    return commun


@pytest.mark.django_db
def test_commun_page_queries_do_not_grow_with_its_actors_programmes_stages_tags_and_testimonies(
        client, portal):
    # Both exist before measuring: each is the other's related content.
    small_commun, large_commun = rich_commun(portal, 2), rich_commun(portal, 20)
    small, large = warm_render(client, small_commun.url), warm_render(client, large_commun.url)

    for shown in (".portal-keywords .fr-tag", "section[aria-labelledby=acteurs] tbody tr",
                  ".portal-testimony"):
        assert (small.count(shown), large.count(shown)) == (2, 20), shown
    assert_constant_queries(small, large, "commun 2 vs 20",
                            budget=DETAIL_MAX_QUERIES)
