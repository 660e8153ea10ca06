"""The maps, the form and the event pages that link to it run the same number of SQL queries with
few and many positions."""

from __future__ import annotations

import pytest

from tests.factories import make_event, make_map_page, make_position
from tests.query_counts import DETAIL_MAX_QUERIES, assert_constant_queries, warm_render

pytestmark = pytest.mark.django_db

ROLES = ("pratiquant", "sympathisant", "ambassadeur")
CAPACITIES = ("own_name", "project", "expert")
STAGES = ("decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir")


def add_positions(map_page, count: int, event=None) -> None:
    for n in range(count):
        make_position(map_page, STAGES[n % 5: n % 5 + 1 + n % 3], role=ROLES[n % 3],
                      capacity=CAPACITIES[(n // 3) % 3], event=event)


def measure(client, portal, count: int) -> dict:
    map_page = make_map_page(portal, slug=f"carte-{count}")
    running = make_event(portal.events, days_from_now=-0.1)
    past = make_event(portal.events, days_from_now=-3)
    add_positions(map_page, count, running)
    add_positions(map_page, count, past)
    add_positions(map_page, count)
    urls = {
        "map": map_page.url,
        "map json": map_page.url + "donnees/",
        "event map": map_page.url + f"evenement/{running.pk}/",
        "room screen": map_page.url + f"evenement/{running.pk}/ecran/",
        "form": map_page.url + "je-me-situe/",
        "running event page": running.url,
        "past event page": past.url,
        "hub": portal.parcours.url,
    }
    renders = {name: warm_render(client, url) for name, url in urls.items()}
    # What was measured was rendered.
    assert renders["map"].count("svg.portal-map__svg") == 1
    assert renders["form"].count("form.portal-position-form") == 1
    assert renders["running event page"].count("#parcours-carte ~ .fr-callout a.fr-btn") == 1
    assert renders["past event page"].count("section[aria-labelledby=parcours-carte] a") == 1
    map_page.delete()  # one map per site: the next measure adds its own
    return renders


def test_map_and_event_pages_queries_do_not_grow_with_positions(client, portal):
    small = measure(client, portal, 5)
    large = measure(client, portal, 100)
    for name in small:
        assert_constant_queries(small[name], large[name], name, budget=DETAIL_MAX_QUERIES)
        print(f"{name}: {len(large[name].queries)} queries")
