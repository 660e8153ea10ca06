"""Filtered listings, the parcours hub, search and related content run the same number of SQL
queries with 10 and 500 items (listings within the 12-query budget)."""

from __future__ import annotations

import pytest

from tests.factories import (
    get_stages,
    make_actor,
    make_commun,
    make_event,
    make_guide,
    make_image,
    make_testimony,
)
from tests.query_counts import (
    DETAIL_MAX_QUERIES,
    LOCALE_QUERY,
    MAX_QUERIES,
    assert_constant_queries,
    warm_render,
)


def add_content(portal, count: int, actor, start: int = 0) -> None:
    stages = get_stages("decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir")
    image = make_image()
    for i in range(start, start + count):
        placed = {"stages": [stages[i % 5], stages[(i + 1) % 5]],
                  "tags": ["migration", f"sujet-{i % 7}"]}
        kind = i % 3
        if kind == 0:
            page = make_guide(portal.guides, f"Guide commun {i}", image=image, **placed)
        elif kind == 1:
            page = make_event(portal.events, f"Atelier commun {i}", format="atelier",
                              days_from_now=(i % 40) - 20, **placed)
        else:
            page = make_commun(portal.communs, f"Commun {i}", logo=image, kind="software",
                               actors=[(actor, "uses")], **placed)
        if i % 10 == 0:
            make_testimony(f"Témoignage commun {i}", page=page, stages=placed["stages"])


def urls(portal, actor) -> dict[str, tuple[str, int]]:
    return {
        "guides filtered": (portal.guides.url + "?etape=utiliser&tag=migration&relu=jamais",
                            MAX_QUERIES),
        "events filtered": (portal.events.url + "?quand=passes&format=atelier&etape=utiliser",
                            MAX_QUERIES),
        "events page 2": (portal.events.url + "?page=1&tag=migration", MAX_QUERIES),
        "communs filtered": (portal.communs.url + f"?nature=software&acteur={actor.pk}",
                             MAX_QUERIES),
        "hub": (portal.parcours.url, MAX_QUERIES),
        "hub stage": (portal.parcours.url + "utiliser/", MAX_QUERIES + LOCALE_QUERY),
        "search filtered": ("/recherche/?q=commun&type=guides&etape=utiliser", MAX_QUERIES),
    }


@pytest.mark.django_db
def test_discovery_pages_queries_do_not_grow_with_the_amount_of_content(client, portal):
    actor = make_actor("DINUM")
    add_content(portal, 10, actor)
    small = {name: warm_render(client, url) for name, (url, _) in urls(portal, actor).items()}
    add_content(portal, 490, actor, start=10)
    large = {name: warm_render(client, url) for name, (url, _) in urls(portal, actor).items()}

    for name, (_, budget) in urls(portal, actor).items():
        assert_constant_queries(small[name], large[name], f"{name} 10 vs 500", budget=budget)
    # The large renders did show content.
    assert large["hub stage"].count(".fr-card") >= 12
    assert large["search filtered"].count(".portal-search-results li") == 12


@pytest.mark.django_db
def test_unfiltered_search_stays_within_the_budget(client, portal):
    """Results of several types cost one query per type shown (at most one per searchable
    type), so the count depends on the mix on the page of results, never on the number of
    matches."""
    actor = make_actor("DINUM")
    add_content(portal, 10, actor)
    small = warm_render(client, "/recherche/?q=commun")
    add_content(portal, 490, actor, start=10)
    large = warm_render(client, "/recherche/?q=commun")
    for render in (small, large):
        assert len(render.queries) <= MAX_QUERIES, "\n".join(render.queries)
    assert large.count(".portal-search-results li") == 12


@pytest.mark.django_db
def test_search_beyond_the_maximum_of_matches_costs_the_same_queries(client, portal, settings):
    """With more matches than SEARCH_MAX_MATCHES, counts and ranking are bounded in the same
    number of queries as a search under the maximum."""
    actor = make_actor("DINUM")
    add_content(portal, 40, actor)
    under = warm_render(client, "/recherche/?q=commun&type=guides")
    settings.NUMERIQUE_OUVERT = {**getattr(settings, "NUMERIQUE_OUVERT", {}),
                                 "SEARCH_MAX_MATCHES": 5}
    beyond = warm_render(client, "/recherche/?q=commun&type=guides")
    assert_constant_queries(under, beyond, "search under vs beyond the maximum")
    assert beyond.html.select_one("#resultats").get_text().startswith("Au moins ")
    assert 1 <= beyond.count(".portal-search-results li") <= 5


@pytest.mark.django_db
def test_related_content_queries_do_not_grow_with_the_amount_of_content(client, portal):
    actor = make_actor("DINUM")
    utiliser, = get_stages("utiliser")
    guide = make_guide(portal.guides, "Le guide", stages=[utiliser], tags=["migration"],
                       image=make_image())
    add_content(portal, 10, actor)
    small = warm_render(client, guide.url)
    add_content(portal, 200, actor, start=10)
    large = warm_render(client, guide.url)
    related = "section[aria-labelledby=contenus-proches] .fr-card"
    assert (small.count(related), large.count(related)) == (3, 3)
    assert_constant_queries(small, large, "guide with related content 10 vs 210",
                            budget=DETAIL_MAX_QUERIES)
