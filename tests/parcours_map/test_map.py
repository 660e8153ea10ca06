"""The maps: an accessible SVG and a table that give the same numbers as the database, the
JSON of the live refresh, the room screen, and nothing that points to a person."""

from __future__ import annotations

import datetime
import json
from collections import Counter

import pytest
from django.utils import timezone

from numerique_ouvert.parcours_map.aggregate import invalidate_maps
from numerique_ouvert.parcours_map.models import ParcoursPosition
from tests.factories import make_event, make_map_page, make_position
from tests.html import soup, text
from tests.parcours_map.helpers import (
    SVG_NS,
    form_url,
    svg_counts,
    svg_of,
    table_counts,
    visitor_position,
)

pytestmark = pytest.mark.django_db

STAGES = ("decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir")
ROLES = ("pratiquant", "sympathisant", "ambassadeur")
CAPACITIES = ("own_name", "project", "expert")


@pytest.fixture
def map_page(portal):
    return make_map_page(portal)


@pytest.fixture
def running(portal):
    return make_event(portal.events, "Rencontres en cours", days_from_now=-0.1)


@pytest.fixture
def known(map_page, running):
    """A known data set: 4 participants of the running event, 2 outside any event."""
    make_position(map_page, ["utiliser", "cooperer", "ouvrir"], role="pratiquant",
                  capacity="project", event=running)
    make_position(map_page, ["utiliser"], role="pratiquant", capacity="project", event=running)
    make_position(map_page, ["utiliser"], role="ambassadeur", capacity="expert", event=running)
    make_position(map_page, ["decouvrir"], role="sympathisant", capacity="own_name",
                  event=running)
    make_position(map_page, ["ouvrir"], role="ambassadeur", capacity="expert")
    make_position(map_page, ["promouvoir", "ouvrir"], role="pratiquant", capacity="own_name")


def database_counts(**filters) -> Counter:
    """Stage × role × capacity counted in Python from the rows, independently of the view."""
    counts = Counter()
    for position in ParcoursPosition.objects.filter(**filters).prefetch_related("stages"):
        for stage in position.stages.all():
            counts[(stage.slug, position.role, position.capacity)] += 1
    return counts


def dense(counts: Counter) -> dict:
    return {(s, r, c): counts.get((s, r, c), 0) for s in STAGES for r in ROLES for c in CAPACITIES}


def test_portal_map_svg_is_accessible_and_its_numbers_are_the_tables_and_the_databases(
        client, map_page, known):
    html = client.get(map_page.url).content.decode()

    svg = svg_of(html)
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG_NS}title"), svg.find(f"{SVG_NS}desc")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Carte du parcours"
    assert "6 participants" in desc.text and "compte dans chacune" in desc.text
    assert svg.get("viewBox", "").startswith("0 0 ")
    expected = dense(database_counts())
    assert sum(expected.values()) == 9  # 6 participants, 9 stage placements
    assert svg_counts(svg) == expected
    assert table_counts(html) == expected
    # Colour is not the only carrier: one pattern per capacity, and a legend in words.
    patterns = svg.findall(f"{SVG_NS}defs/{SVG_NS}pattern")
    assert len(patterns) == 3
    assert len({len(list(p)) for p in patterns} | {p.get("patternTransform") for p in patterns}) > 2
    legend = " ".join(t.text or "" for t in svg.iter(f"{SVG_NS}text"))
    assert "En son nom propre (jaune, uni)" in legend
    assert "Pour un projet (rouge, rayures obliques)" in legend


def test_table_has_caption_scoped_headers_totals_and_participants(client, map_page, known):
    page = soup(client.get(map_page.url))
    table = page.select_one(".portal-map__table table")
    caption = table.find("caption").get_text(" ", strip=True)
    assert "6 participants" in caption and "compte dans chacune" in caption
    assert all(th.get("scope") in ("col", "row", "rowgroup") for th in table.find_all("th"))
    assert [th.get_text(strip=True) for th in table.select("tbody th[scope=rowgroup]")] == [
        "Découvrir", "Utiliser", "Promouvoir", "Coopérer", "Ouvrir"]
    # Utiliser: 2 pratiquants for a project, 1 ambassador expert; total 3.
    utiliser = table.select("tbody")[1]
    assert [td.get_text(strip=True) for td in utiliser.select("tr.portal-map__total td")] == [
        "0", "2", "1", "3"]
    assert [td.get_text(strip=True) for td in table.select("tfoot td")] == ["3", "4", "2", "9"]


def test_event_map_counts_only_that_events_positions(client, map_page, running, known):
    html = client.get(map_page.url + f"evenement/{running.pk}/").content.decode()

    expected = dense(database_counts(event=running))
    assert sum(expected.values()) == 6
    assert svg_counts(svg_of(html)) == expected
    assert table_counts(html) == expected
    assert "4 participants" in svg_of(html).find(f"{SVG_NS}desc").text


def test_json_gives_the_same_counts_as_the_table(client, map_page, running, known):
    for url in (map_page.url, map_page.url + f"evenement/{running.pk}/"):
        page_html = client.get(url).content.decode()
        response = client.get(url + "donnees/")

        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert "max-age=5" in response["Cache-Control"]
        data = response.json()
        assert set(data) == {"version", "participants", "cells", "html", "summary"}
        from_json = {(c["stage"], c["role"], c["capacity"]): c["count"] for c in data["cells"]}
        assert from_json == table_counts(page_html) == table_counts(data["html"])
        assert svg_counts(svg_of(data["html"])) == from_json
        assert f'data-version="{data["version"]}"' in page_html


def test_json_version_changes_with_a_new_position_only(client, map_page, known):
    url = map_page.url + "donnees/"
    first = client.get(url).json()
    assert client.get(url).json()["version"] == first["version"]

    client.post(form_url(map_page), visitor_position(stages=["decouvrir"]))

    second = client.get(url).json()
    assert second["version"] != first["version"]
    assert second["participants"] == first["participants"] + 1
    assert "7 participants" in second["summary"]


def test_live_map_polls_only_while_the_event_runs(client, portal, map_page, running, known):
    past = make_event(portal.events, days_from_now=-3)
    make_position(map_page, ["utiliser"], event=past)

    live = soup(client.get(map_page.url + f"evenement/{running.pk}/"))
    ended = soup(client.get(map_page.url + f"evenement/{past.pk}/"))
    portal_map = soup(client.get(map_page.url))

    poller = live.select_one("[data-parcours-map]")
    assert poller["data-poll-url"] == map_page.url + f"evenement/{running.pk}/donnees/"
    assert live.select_one("[aria-live=polite]") is not None
    assert live.find("a", string="Actualiser")["href"] == map_page.url + f"evenement/{running.pk}/"
    assert live.find("script", src=lambda src: src and src.endswith("parcours_map/live.js"))
    for page in (ended, portal_map):
        assert not page.select("[data-poll-url]")
        assert not page.find("script", src=lambda src: src and "live.js" in src)
    # No inline script anywhere on the map (CSP).
    assert not [s for s in live.find_all("script") if s.string and s.string.strip()
                and s.get("type") != "application/ld+json"]


def test_room_screen_has_the_map_a_qr_code_and_the_short_url(client, map_page, running, known):
    response = client.get(map_page.url + f"evenement/{running.pk}/ecran/")

    assert response.status_code == 200
    page = soup(response)
    short_url = f"testserver{map_page.url}je-me-situe/?evenement={running.pk}"
    assert short_url in text(response)
    qr = page.select_one(".portal-map-screen__qr svg")
    assert qr is not None and qr.get("aria-hidden") == "true"
    assert page.select_one("[data-parcours-map]")["data-poll-url"].endswith(
        f"evenement/{running.pk}/donnees/")
    assert '<noscript><meta http-equiv="refresh" content="30"></noscript>' in \
        response.content.decode()
    assert svg_counts(svg_of(response.content.decode())) == dense(database_counts(event=running))


def test_unknown_or_foreign_event_map_is_404(client, portal, map_page):
    assert client.get(map_page.url + "evenement/999999/").status_code == 404
    assert client.get(map_page.url + f"evenement/{portal.guides.pk}/").status_code == 404
    assert client.get(map_page.url + f"evenement/{portal.guides.pk}/donnees/").status_code == 404
    assert client.get(map_page.url + f"evenement/{portal.guides.pk}/ecran/").status_code == 404


def test_no_personal_data_in_any_public_response(client, map_page, running):
    response = client.post(form_url(map_page), visitor_position(running))
    assert response.status_code == 303
    position = ParcoursPosition.objects.get()
    assert position.created_on == timezone.localdate()
    # A day no page has any other reason to show, to prove the day is never published.
    ParcoursPosition.objects.update(created_on=datetime.date(2024, 2, 29))
    invalidate_maps()
    secrets = [position.submission_key, "2024-02-29", "29/02/2024", "29 février 2024"]
    urls = [map_page.url, map_page.url + "donnees/", map_page.url + f"evenement/{running.pk}/",
            map_page.url + f"evenement/{running.pk}/donnees/",
            map_page.url + f"evenement/{running.pk}/ecran/", running.url]
    for url in urls:
        body = client.get(url).content.decode()
        for secret in secrets:
            assert secret not in body, (secret, url)
        assert f"/positions/edit/{position.pk}" not in body
    data = client.get(map_page.url + "donnees/").json()
    assert all(set(cell) == {"stage", "role", "capacity", "count"} for cell in data["cells"])
    # The CSV link is for editors only.
    assert "Télécharger les données" not in text(client.get(map_page.url))


def test_stage_names_are_escaped_in_the_svg(client, map_page):
    from numerique_ouvert.parcours.models import ParcoursStage

    ParcoursStage.objects.filter(slug="ouvrir").update(name='Ouvrir <script>&"')
    html = client.get(map_page.url).content.decode()

    svg = svg_of(html)
    names = ["".join(t.itertext()) for t in svg.iter(f"{SVG_NS}text") if t.get("text-anchor")]
    assert names[-1] == 'Ouvrir <script>&"'
    assert "<script>&" not in html


def test_json_serves_the_same_map_as_the_page_with_stages_in_editor_order(client, map_page):
    from numerique_ouvert.parcours.models import ParcoursStage

    ParcoursStage.objects.filter(slug="ouvrir").update(sort_order=-1)
    make_position(map_page, ["ouvrir"])
    data = json.loads(client.get(map_page.url + "donnees/").content)

    assert data["cells"][0]["stage"] == "ouvrir"
    assert [t.get_text(strip=True) for t in soup(client.get(map_page.url)).select(
        "tbody th[scope=rowgroup]")][0] == "Ouvrir"
