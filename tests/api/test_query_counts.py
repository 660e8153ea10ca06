"""The API answers in a constant, small number of SQL queries: a listing with every field costs
the same with 5 items as with 50 (images, renditions, stages, tags, actors, programmes, linked
pages fetched once per response), and a detail the same whatever the page holds."""

from __future__ import annotations

import pytest

from tests.api.helpers import PAGES, STAGES, TESTIMONIES, warm_json
from tests.factories import (
    make_actor,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    make_image,
    make_programme,
    make_stage,
    make_testimony,
    many_stages,
)
from tests.query_counts import DETAIL_MAX_QUERIES, MAX_QUERIES, assert_constant_queries

SMALL, LARGE = 5, 50


@pytest.fixture(autouse=True)
def large_pages(settings):
    # Wagtail's default maximum page size is 20: let one response hold the 50 items.
    settings.WAGTAILAPI_LIMIT_MAX = LARGE


def add_content(portal, count: int) -> None:
    """``count`` items of every type, each with an image, stages, tags and relations."""
    stages = many_stages(5)
    for i in range(count):
        placed = {"stages": stages[i % 5:i % 5 + 2], "tags": [f"mot-clé {i}", "commun"]}
        event = make_event(portal.events, image=make_image(), **placed)
        make_hybrid_event(portal.events, **placed)
        guide = make_guide(portal.guides, image=make_image(), **placed,
                           related_pages=[("page", event), ("page", portal.communs)])
        make_commun(portal.communs, logo=make_image(), image=make_image(), **placed,
                    actors=[(make_actor(), "uses"), (make_actor(), "funds")],
                    support_programmes=[make_programme()])
        make_content_page(portal.home, image=make_image(), stages=placed["stages"])
        make_testimony(page=guide if i % 2 else None, stages=placed["stages"])


LISTINGS = {
    "every page": f"{PAGES}?limit={LARGE}&fields=*",
    "guides": f"{PAGES}?type=numerique_ouvert_guides.GuidePage&limit={LARGE}&fields=*",
    "events": f"{PAGES}?type=numerique_ouvert_events.EventPage&limit={LARGE}&fields=*",
    "communs": f"{PAGES}?type=numerique_ouvert_communs.CommunPage&limit={LARGE}&fields=*",
    "content pages": f"{PAGES}?type=numerique_ouvert_core.ContentPage&limit={LARGE}&fields=*",
    "stage and tag": f"{PAGES}?etape=utiliser&tags=commun&limit={LARGE}",
    "testimonies": f"{TESTIMONIES}?limit={LARGE}&etape=decouvrir,utiliser,promouvoir,cooperer,ouvrir",
}


@pytest.mark.django_db
def test_listings_answer_in_the_same_number_of_queries_for_5_and_50_items(client, portal):
    add_content(portal, SMALL)
    small = {name: warm_json(client, url) for name, url in LISTINGS.items()}
    add_content(portal, LARGE - SMALL)
    large = {name: warm_json(client, url) for name, url in LISTINGS.items()}

    assert len(large["guides"][1]["items"]) == LARGE
    assert len(large["communs"][1]["items"]) == LARGE
    assert len(large["events"][1]["items"]) == LARGE  # 25 events, 25 hybrid events
    assert len(large["testimonies"][1]["items"]) == LARGE
    for name in LISTINGS:
        assert_constant_queries(small[name][0], large[name][0], f"API {name}", MAX_QUERIES)
    # Measured, for docs/api.md: every field of 50 commons.
    assert len(large["communs"][0].queries) <= 10


@pytest.mark.django_db
def test_stage_listing_queries_do_not_grow_with_the_number_of_stages(client, portal):
    small, _ = warm_json(client, STAGES)
    for _ in range(LARGE - SMALL):
        make_stage()
    large, data = warm_json(client, f"{STAGES}?limit={LARGE}")

    assert len(data["items"]) == LARGE
    assert_constant_queries(small, large, "API stages", MAX_QUERIES)


def rich_guide(portal, count: int):
    pages = [make_commun(portal.communs) for _ in range(count)]
    return make_guide(portal.guides, image=make_image(), stages=many_stages(count),
                      tags=[f"mot-clé {i}" for i in range(count)],
                      related_pages=[("page", page) for page in pages])


def rich_commun(portal, count: int):
    return make_commun(portal.communs, logo=make_image(), image=make_image(),
                       stages=many_stages(count), tags=[f"mot-clé {i}" for i in range(count)],
                       actors=[(make_actor(), "uses") for _ in range(count)],
                       support_programmes=[make_programme() for _ in range(count)])


@pytest.mark.django_db
@pytest.mark.parametrize("build", [rich_guide, rich_commun], ids=["guide", "commun"])
def test_page_detail_queries_do_not_grow_with_what_the_page_holds(client, portal, build):
    small_page, large_page = build(portal, 2), build(portal, 20)

    small, _ = warm_json(client, f"{PAGES}{small_page.pk}/")
    large, data = warm_json(client, f"{PAGES}{large_page.pk}/")

    assert len(data["stages"]) == len(data["tags"]) == 20
    assert_constant_queries(small, large, f"API {build.__name__} detail", DETAIL_MAX_QUERIES)
