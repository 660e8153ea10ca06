"""Filters of the guide, event and commun listings: in the URL, counted, combined, validated."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.factories import get_stages, make_actor, make_commun, make_event, make_guide
from tests.html import soup


def card_titles(response) -> list[str]:
    return [h.get_text(strip=True) for h in soup(response).select(".fr-card__title")]


def options(response, name: str) -> dict[str, str]:
    """``value -> label`` of a filter's options (the "any" option left out)."""
    return {o["value"]: o.get_text(strip=True)
            for o in soup(response).select(f"select[name={name}] option") if o["value"]}


@pytest.mark.django_db
def test_guides_filter_by_stage_and_tag_and_count_each_value(client, portal):
    utiliser, ouvrir = get_stages("utiliser", "ouvrir")
    make_guide(portal.guides, "Migrer vers LibreOffice", stages=[utiliser], tags=["bureautique"])
    make_guide(portal.guides, "Publier son code", stages=[ouvrir], tags=["forge"])
    make_guide(portal.guides, "Choisir une licence", stages=[ouvrir], tags=["forge", "licence"])

    response = client.get(portal.guides.url + "?etape=ouvrir")
    assert card_titles(response) == ["Choisir une licence", "Publier son code"]
    # Counts per stage keep the other filters, not the stage filter itself.
    assert options(response, "etape")["utiliser"] == "Utiliser (1)"
    assert options(response, "etape")["ouvrir"] == "Ouvrir (2)"
    assert options(response, "tag") == {"forge": "forge (2)", "licence": "licence (1)"}

    response = client.get(portal.guides.url + "?etape=ouvrir&tag=licence")
    assert card_titles(response) == ["Choisir une licence"]
    assert soup(response).select_one("#resultats").get_text(strip=True) == "1 résultat"
    removable = [a["href"] for a in soup(response).select("main a.fr-tag[aria-label]")]
    assert removable == ["?tag=licence", "?etape=ouvrir"]


@pytest.mark.django_db
def test_guides_filter_by_last_review(client, portal):
    today = timezone.localdate()
    make_guide(portal.guides, "Récent", last_reviewed=today - datetime.timedelta(days=10))
    make_guide(portal.guides, "Ancien", last_reviewed=today - datetime.timedelta(days=800))
    make_guide(portal.guides, "Jamais", last_reviewed=None)

    response = client.get(portal.guides.url + "?relu=plus-d-un-an")
    assert card_titles(response) == ["Ancien"]
    assert options(response, "relu") == {
        "6-mois": "Il y a moins de 6 mois (1)", "plus-d-un-an": "Il y a plus d'un an (1)",
        "jamais": "Jamais relu (1)"}


@pytest.mark.django_db
def test_events_filter_by_format_period_year_and_date_range(client, portal):
    make_event(portal.events, "Atelier à venir", days_from_now=10, format="atelier")
    make_event(portal.events, "Webinaire à venir", days_from_now=20, format="webinaire",
               online_url="https://visio.example.org")
    make_event(portal.events, "Atelier passé", days_from_now=-40, format="atelier")
    make_event(portal.events, "Rencontre passée", days_from_now=-400, format="rencontre")

    response = client.get(portal.events.url + "?quand=passes")
    assert card_titles(response) == ["Atelier passé", "Rencontre passée"]  # latest first
    assert options(response, "quand") == {"a-venir": "À venir (2)", "passes": "Passés (archives) (2)"}

    response = client.get(portal.events.url + "?format=atelier")
    assert card_titles(response) == ["Atelier à venir", "Atelier passé"]  # upcoming first
    assert options(response, "format")["webinaire"] == "Webinaire (1)"

    in_range = timezone.localdate() + datetime.timedelta(days=15)
    response = client.get(portal.events.url + f"?du={in_range.isoformat()}")
    assert card_titles(response) == ["Webinaire à venir"]

    year = (timezone.localtime() - datetime.timedelta(days=400)).year
    response = client.get(portal.events.url + f"?annee={year}")
    assert "Rencontre passée" in card_titles(response)


@pytest.mark.django_db
def test_event_calendar_link_follows_the_stage_and_format_filters(client, portal):
    response = client.get(portal.events.url + "?etape=utiliser&format=atelier&quand=passes")
    link = soup(response).select_one("a.fr-icon-calendar-line")["href"]
    assert link == portal.events.url + "ical/?etape=utiliser&format=atelier"


@pytest.mark.django_db
def test_invalid_filter_values_are_reported_and_ignored(client, portal):
    make_event(portal.events, "Atelier", days_from_now=10)

    response = client.get(portal.events.url + "?du=2026-02-30&au=hier&etape=inconnue")
    assert response.status_code == 200
    page = soup(response)
    assert card_titles(response) == ["Atelier"]
    assert page.select_one(".portal-filters .fr-alert--error")
    # Each error is tied to its field.
    for name in ("du", "au"):
        field = page.select_one(f"#filtre-{name}")
        assert field["aria-describedby"] == f"filtre-{name}-erreur"
        assert page.select_one(f"#filtre-{name}-erreur").get_text(strip=True)

    response = client.get(portal.events.url + "?du=2026-06-10&au=2026-06-01")
    assert soup(response).select_one("#filtre-au-erreur").get_text(strip=True) == (
        "La date de fin doit suivre la date de début.")


@pytest.mark.django_db
def test_communs_filter_by_kind_status_licence_and_actor(client, portal):
    dinum = make_actor("DINUM")
    make_commun(portal.communs, "Logiciel A", kind="software", licence="MIT",
                actors=[(dinum, "uses"), (dinum, "funds")])
    make_commun(portal.communs, "Données B", kind="data", licence="ODbL-1.0", status="beta")
    make_commun(portal.communs, "Logiciel C", kind="software", licence="EUPL-1.2")

    response = client.get(portal.communs.url + f"?acteur={dinum.pk}")
    # Two relations with the same actor: the commun is listed once.
    assert card_titles(response) == ["Logiciel A"]
    assert options(response, "acteur") == {str(dinum.pk): "DINUM (1)"}

    response = client.get(portal.communs.url + "?nature=software")
    assert card_titles(response) == ["Logiciel A", "Logiciel C"]
    assert options(response, "nature") == {"software": "Logiciel (2)", "data": "Données (1)"}
    assert options(response, "licence") == {"EUPL-1.2": "EUPL-1.2 (1)", "MIT": "MIT (1)"}

    response = client.get(portal.communs.url + "?statut=beta&licence=ODbL-1.0")
    assert card_titles(response) == ["Données B"]


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, portal, settings):
    settings.NUMERIQUE_OUVERT = {**settings.NUMERIQUE_OUVERT, "PAGE_SIZE": 2}
    utiliser, = get_stages("utiliser")
    for i in range(5):
        make_guide(portal.guides, f"Guide {i}", stages=[utiliser])

    response = client.get(portal.guides.url + "?etape=utiliser")
    next_links = [a["href"] for a in soup(response).select(".fr-pagination__link[href]")]
    assert any("etape=utiliser" in href and "page=2" in href for href in next_links)


@pytest.mark.django_db
def test_filters_work_without_javascript_as_a_get_form(client, portal):
    page = soup(client.get(portal.guides.url))
    form = page.select_one("form.portal-filters")
    assert form["method"] == "get" and form["action"] == portal.guides.url
    assert {s["name"] for s in form.select("select")} == {"etape", "tag", "relu"}
    assert form.select_one("button[type=submit]")
    for select in form.select("select"):
        assert page.select_one(f"label[for={select['id']}]")
