"""The event pages (the library's and the ministry's hybrid event) run a constant, small number
of SQL queries, whatever the number of events, stages, tags, sessions and testimonies."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_event,
    make_hybrid_event,
    make_image,
    make_testimony,
    many_stages,
)
from tests.query_counts import DETAIL_MAX_QUERIES, assert_constant_queries, warm_render


def add_events(portal, count: int) -> None:
    stages = many_stages(5)
    for i in range(count):
        maker = make_hybrid_event if i % 4 == 0 else make_event
        maker(portal.events, image=make_image(), stages=stages[i % 5:i % 5 + 2],
              days_from_now=(i + 1) * (1 if i % 2 else -1))


@pytest.mark.django_db
def test_event_index_queries_do_not_grow_with_the_number_of_events(client, portal):
    add_events(portal, 5)
    small = warm_render(client, portal.events.url)
    add_events(portal, 95)
    large = warm_render(client, portal.events.url)

    assert (small.count(".fr-card"), large.count(".fr-card img")) == (5, 12)  # one page of cards
    assert_constant_queries(small, large, "event index 5 vs 100")


def session(i: int, stage) -> tuple:
    return ("session", {"start_time": f"{9 + i % 8:02d}:00", "end_time": None,
                        "title": f"Séquence {i}", "format": "atelier", "stage": stage,
                        "speakers": "", "room": "", "description": ""})


def rich_event(portal, count: int, maker=make_event):
    stages = many_stages(count)
    event = maker(
        portal.events, image=make_image(), stages=stages, tags=[f"mot-clé {i}" for i in range(count)],
        programme=[session(i, stages[i]) for i in range(count)],
        organisers=[("organiser", {"name": f"Organisateur {i}", "url": ""})
                    for i in range(count)],
        registration_url="https://inscription.example.org")
    for i in range(count):
        make_testimony(f"Témoignage {i}", page=event)
    return event


@pytest.mark.django_db
def test_event_page_queries_do_not_grow_with_its_programme_stages_tags_and_testimonies(
        client, portal):
    # Both exist before measuring: each is the other's related content.
    small_event, large_event = rich_event(portal, 2), rich_event(portal, 20)
    small, large = warm_render(client, small_event.url), warm_render(client, large_event.url)

    for shown in (".portal-keywords .fr-tag", ".portal-session", ".portal-testimony"):
        assert (small.count(shown), large.count(shown)) == (2, 20), shown
    assert_constant_queries(small, large, "event 2 vs 20",
                            budget=DETAIL_MAX_QUERIES)


@pytest.mark.django_db
def test_hybrid_event_page_queries_do_not_grow_with_its_programme_stages_tags_and_testimonies(
        client, portal):
    small_event = rich_event(portal, 2, make_hybrid_event)
    large_event = rich_event(portal, 20, make_hybrid_event)
    small, large = warm_render(client, small_event.url), warm_render(client, large_event.url)

    for shown in (".portal-keywords .fr-tag", ".portal-session", ".portal-testimony"):
        assert (small.count(shown), large.count(shown)) == (2, 20), shown
    assert_constant_queries(small, large, "hybrid event 2 vs 20",
                            budget=DETAIL_MAX_QUERIES)
