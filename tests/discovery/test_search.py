"""Site search: enabled types only, facets with counts, escaped highlights, French stemming on
PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import (
    get_stages,
    make_commun,
    make_event,
    make_guide,
    make_testimony,
    set_features,
)
from tests.html import soup

SEARCH = "/recherche/"


def search(client, query: str):
    response = client.get(SEARCH, {"q": query} if isinstance(query, str) else query)
    assert response.status_code == 200
    return response, soup(response)


def result_titles(page) -> list[str]:
    return [h.get_text(strip=True) for h in page.select(".portal-search-results h3")]


def facet(page, name: str) -> dict[str, str]:
    return {o["value"]: o.get_text(strip=True)
            for o in page.select(f"select[name={name}] option") if o["value"]}


@pytest.fixture
def content(portal):
    utiliser, cooperer = get_stages("utiliser", "cooperer")
    guide = make_guide(portal.guides, "Choisir un logiciel libre", stages=[utiliser],
                       tagline="Repères pour adopter un logiciel libre au bureau.")
    make_commun(portal.communs, "Annuaire des communs", stages=[cooperer],
                tagline="Le catalogue des communs numériques <b>publics</b>.")
    make_event(portal.events, "Atelier communs", stages=[cooperer],
               tagline="Contribuer à un commun numérique.")
    make_guide(portal.guides, "Brouillon communs", live=False)
    make_testimony("Les communs nous ont fait gagner un an.", page=guide, stages=[utiliser])
    make_testimony("Communs : témoignage refusé.", page=guide, status="rejected")
    return guide


@pytest.mark.django_db
def test_search_finds_every_enabled_type_with_type_and_stage_counts(client, content):
    response, page = search(client, "communs")
    titles = result_titles(page)
    assert {"Annuaire des communs", "Atelier communs"} <= set(titles)
    assert "Brouillon communs" not in response.content.decode()
    assert "refusé" not in response.content.decode()
    assert facet(page, "type")["communs"] == "Communs numériques (1)"
    assert facet(page, "type")["events"] == "Événements (1)"
    assert facet(page, "type")["testimonies"] == "Témoignages (1)"
    assert facet(page, "etape")["cooperer"] == "Coopérer (2)"
    assert "agent.prive@example.gouv.fr" not in response.content.decode()


@pytest.mark.django_db
def test_search_type_and_stage_filters(client, content):
    _, page = search(client, {"q": "communs", "type": "events"})
    assert result_titles(page) == ["Atelier communs"]
    _, page = search(client, {"q": "communs", "type": "testimonies"})
    assert [li.get_text() for li in page.select(".portal-search-results li")][0].count(
        "gagner un an") == 1
    _, page = search(client, {"q": "communs", "etape": "utiliser"})
    assert "Annuaire des communs" not in result_titles(page)


@pytest.mark.django_db
def test_each_facet_counts_as_if_its_own_filter_were_not_set(client, content):
    _, page = search(client, {"q": "communs", "type": "events", "etape": "cooperer"})
    assert result_titles(page) == ["Atelier communs"]
    # Types under the stage filter only, stages under the type filter only.
    assert facet(page, "type")["communs"] == "Communs numériques (1)"
    assert facet(page, "type")["testimonies"] == "Témoignages (0)"
    assert facet(page, "etape")["cooperer"] == "Coopérer (1)"
    assert facet(page, "etape")["utiliser"] == "Utiliser (0)"


@pytest.mark.django_db
def test_every_word_must_match_in_the_title_or_the_text(client, content):
    # "atelier" is in the title only, "contribuer" in the tagline only.
    _, page = search(client, "atelier contribuer")
    assert result_titles(page) == ["Atelier communs"]
    _, page = search(client, "atelier introuvablexyz")
    assert result_titles(page) == []


@pytest.mark.django_db
def test_summaries_are_escaped_and_highlighted(client, content):
    response, page = search(client, "catalogue")
    summary = page.select_one(".portal-search-results li p.fr-text--sm")
    assert summary.select_one("mark").get_text() == "catalogue"
    # The tagline's markup is shown as text, never as HTML.
    assert not summary.select("b")
    assert "&lt;b&gt;publics&lt;/b&gt;" in response.content.decode()


@pytest.mark.django_db
def test_empty_state_and_disabled_features(client, content, portal):
    _, page = search(client, "introuvablexyz")
    assert page.select_one(".fr-callout__title").get_text(strip=True) == "Aucun résultat"
    set_features(portal.site, communs=False, events=False)
    _, page = search(client, "communs")
    assert "Annuaire des communs" not in result_titles(page)
    assert "Atelier communs" not in result_titles(page)
    assert "communs" not in facet(page, "type") and "events" not in facet(page, "type")


@pytest.mark.django_db
def test_search_page_without_a_query_and_noindex(client, portal):
    response, page = search(client, "")
    assert page.select_one("input[name=q]")
    assert not page.select(".portal-search-results")
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="French stemming is PostgreSQL full text search")
def test_french_stemming_on_postgresql(client, portal):
    make_commun(portal.communs, "Un commun exemplaire", tagline="Un commun du quotidien.")
    make_guide(portal.guides, "Adopter un logiciel libre", tagline="Le logiciel libre au bureau.")

    _, page = search(client, "communs")
    assert "Un commun exemplaire" in result_titles(page)
    _, page = search(client, "logiciels libres")
    assert "Adopter un logiciel libre" in result_titles(page)


@pytest.mark.django_db
def test_more_matches_than_the_maximum_are_counted_and_ranked_among_the_first_found(
        client, content, portal, settings):
    """SEARCH_MAX_MATCHES bounds what one search reads: beyond it, the results and their count
    come from the first matches the database finds, the page says so, and the facets show no
    count (they would be lower bounds)."""
    settings.NUMERIQUE_OUVERT = {**getattr(settings, "NUMERIQUE_OUVERT", {}),
                                 "SEARCH_MAX_MATCHES": 3}
    for i in range(5):
        make_guide(portal.guides, f"Guide des communs {i}", tagline="Les communs au quotidien.")

    _, page = search(client, "communs")
    heading = page.select_one("#resultats").get_text(" ", strip=True)
    assert heading.startswith("Au moins ") and heading.endswith(" pour « communs »")
    note = page.select_one("#resultats + p").get_text(" ", strip=True)
    assert "plus de 3 contenus" in note and "Ajoutez un mot ou un filtre" in note
    assert facet(page, "type")["guides"] == "Guides"
    assert facet(page, "etape")["cooperer"] == "Coopérer"
    # At most three pages (among the first three matches), then the one testimony.
    items = page.select(".portal-search-results li")
    assert 2 <= len(items) <= 4
    assert "gagner un an" in items[-1].get_text()
    assert int(heading.split()[2]) == len(items)

    # A type filter ranks the first matches of that type (the draft among them is left out).
    _, page = search(client, {"q": "communs", "type": "guides"})
    titles = result_titles(page)
    assert 2 <= len(titles) <= 3
    assert all(title.startswith("Guide des communs") for title in titles)
    assert page.select_one("#resultats").get_text(" ", strip=True) == (
        f"Au moins {len(titles)} résultats pour « communs »")

    # Words that match fewer entries than the maximum: exact counts, every result.
    _, page = search(client, "atelier")
    assert page.select_one("#resultats").get_text(" ", strip=True) == (
        "1 résultat pour « atelier »")
    assert facet(page, "type")["events"] == "Événements (1)"

    # Unbounded, the same search finds every guide and counts each facet.
    settings.NUMERIQUE_OUVERT = {**settings.NUMERIQUE_OUVERT, "SEARCH_MAX_MATCHES": 1000}
    _, page = search(client, {"q": "communs", "type": "guides"})
    assert facet(page, "type")["guides"] == "Guides (5)"
    assert len(result_titles(page)) == 5
