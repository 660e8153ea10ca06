"""The home page and content pages run a constant, small number of SQL queries, whatever the
amount of content in the portal."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_image,
    make_testimony,
    many_stages,
)
from tests.query_counts import DETAIL_MAX_QUERIES, assert_constant_queries, warm_render


def add_content_of_every_type(portal, count: int) -> None:
    stages = many_stages(5)
    for i in range(count):
        two_stages = stages[i % 5:i % 5 + 2]
        guide = make_guide(portal.guides, image=make_image(), stages=two_stages)
        make_event(portal.events, image=make_image(), stages=two_stages, days_from_now=i + 1)
        make_commun(portal.communs, logo=make_image(), stages=two_stages, featured=True)
        make_testimony(f"Témoignage {i}", page=guide)


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_the_amount_of_content(client, portal):
    add_content_of_every_type(portal, 5)
    small = warm_render(client, portal.home.url)
    add_content_of_every_type(portal, 55)
    large = warm_render(client, portal.home.url)

    for render in (small, large):  # three cards per section, three testimonies
        assert render.count(".fr-card img") == 9
        assert render.count(".portal-testimony") == 3
    assert_constant_queries(small, large, "home 5 vs 60",
                            budget=DETAIL_MAX_QUERIES)


@pytest.mark.django_db
def test_content_page_queries_do_not_grow_with_its_stages(client, portal):
    small_page = make_content_page(portal.home, image=make_image(), stages=many_stages(2))
    large_page = make_content_page(portal.home, image=make_image(), stages=many_stages(20))

    small, large = warm_render(client, small_page.url), warm_render(client, large_page.url)

    badges = "main .portal-stage-tag"
    assert (small.count(badges), large.count(badges)) == (2, 20)
    assert_constant_queries(small, large, "content page 2 vs 20")
