"""Visitors place themselves on the parcours through the real form: stored once, with its
stages, tied to an event only while that event runs on this site; hostile or hasty
submissions store nothing."""

from __future__ import annotations

import pytest
from django.test import override_settings

from numerique_ouvert.parcours_map.models import ParcoursPosition
from tests.factories import build_portal, make_event, make_map_page
from tests.html import soup, text
from tests.parcours_map.helpers import form_url, visitor_position
from tests.participation import form_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def map_page(portal):
    return make_map_page(portal)


def test_form_has_csrf_honeypot_token_and_labelled_groups(client, map_page):
    response = client.get(form_url(map_page))

    assert response.status_code == 200
    html = soup(response)
    form = html.find("form", class_="portal-position-form")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("input", attrs={"name": "jeton", "type": "hidden"})["value"]
    trap = form.find("div", class_="portal-trap")
    assert trap["aria-hidden"] == "true"
    assert trap.find("input", attrs={"name": "site_web", "tabindex": "-1"})
    assert html.find("meta", attrs={"name": "robots", "content": "noindex"})
    # Each group of choices is a fieldset with its legend.
    legends = [legend.get_text(" ", strip=True) for legend in form.find_all("legend")]
    assert legends[0].startswith("Où vous situez-vous sur le parcours ?")
    assert legends[1].startswith("Votre rôle") and legends[2].startswith("Vous venez")
    assert [box["value"] for box in form.find_all("input", attrs={"name": "stages"})] == [
        "decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir"]


def test_position_is_stored_with_its_stages_and_redirects_to_the_map(client, map_page):
    response = client.post(form_url(map_page), visitor_position(), follow=False)

    assert response.status_code == 303
    assert response["Location"] == map_page.url
    position = ParcoursPosition.objects.get()
    assert sorted(position.stages.values_list("slug", flat=True)) == ["cooperer", "utiliser"]
    assert (position.role, position.capacity, position.event) == ("pratiquant", "project", None)
    assert position.map_page_id == map_page.pk
    # The confirmation is shown on the map.
    followed = client.get(response["Location"])
    assert "Merci : votre position est ajoutée à la carte." in text(followed)


@pytest.mark.parametrize("field, value, message", [
    ("stages", [], "Choisissez au moins une étape du parcours."),
    ("stages", ["inconnue"], "Sélectionnez un choix valide."),
    ("role", "chef", "Sélectionnez un choix valide."),
    ("capacity", None, "Indiquez à quel titre vous venez."),
])
def test_invalid_input_shows_the_field_error_and_stores_nothing(client, map_page, field, value,
                                                                message):
    data = visitor_position(**{field: value})
    if value is None:
        data.pop(field, None)

    response = client.post(form_url(map_page), data)

    assert response.status_code == 200
    assert message in text(response)
    assert soup(response).select(".fr-fieldset--error, .fr-input-group--error, .fr-error-text")
    assert not ParcoursPosition.objects.exists()


def test_honeypot_filled_stores_nothing(client, map_page):
    response = client.post(form_url(map_page), visitor_position(site_web="https://spam.example"))

    assert response.status_code == 200
    assert "ressemble à celui d'un robot" in text(response)
    assert not ParcoursPosition.objects.exists()


def test_too_fast_submission_is_refused(client, map_page):
    response = client.post(form_url(map_page), visitor_position(jeton=form_token(0)))

    assert response.status_code == 200
    assert "Envoi trop rapide" in text(response)
    assert not ParcoursPosition.objects.exists()


@override_settings(NUMERIQUE_OUVERT={"POSITION_RATE": "3/m"})
def test_rate_limit_answers_429_with_the_message_and_stores_nothing_more(client, map_page):
    for _ in range(3):
        assert client.post(form_url(map_page), visitor_position()).status_code == 303

    response = client.post(form_url(map_page), visitor_position())

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Trop d'envois depuis votre connexion" in text(response)
    # The visitor's choices are kept in the re-rendered form.
    checked = soup(response).find_all("input", attrs={"name": "stages", "checked": True})
    assert [box["value"] for box in checked] == ["utiliser", "cooperer"]
    assert ParcoursPosition.objects.count() == 3


def test_same_submission_key_twice_stores_one_position(client, map_page):
    data = visitor_position()

    first = client.post(form_url(map_page), data)
    second = client.post(form_url(map_page), data)

    assert first.status_code == second.status_code == 303
    assert ParcoursPosition.objects.count() == 1
    assert ParcoursPosition.objects.get().stages.count() == 2


def test_position_is_tied_to_a_running_event(client, portal, map_page):
    event = make_event(portal.events, days_from_now=-0.1)

    response = client.post(form_url(map_page), visitor_position(event))

    assert response.status_code == 303
    assert response["Location"] == map_page.url + f"evenement/{event.pk}/"
    assert ParcoursPosition.objects.get().event_id == event.pk


def test_form_opens_an_hour_before_the_event(client, portal, map_page):
    event = make_event(portal.events, days_from_now=0.5 / 24)  # starts in 30 minutes

    client.post(form_url(map_page), visitor_position(event))

    assert ParcoursPosition.objects.get().event_id == event.pk


@pytest.mark.parametrize("which", ["past", "upcoming", "cancelled", "other_site", "draft",
                                   "not_an_event"])
def test_event_that_is_not_running_here_is_not_tied(client, portal, map_page, which):
    event = {
        "past": lambda: make_event(portal.events, days_from_now=-3),
        "upcoming": lambda: make_event(portal.events, days_from_now=2),
        "cancelled": lambda: make_event(portal.events, days_from_now=-0.1, status="cancelled"),
        "other_site": lambda: make_event(build_portal(hostname="autre.example").events,
                                         days_from_now=-0.1),
        "draft": lambda: make_event(portal.events, days_from_now=-0.1, live=False),
        "not_an_event": lambda: portal.guides,
    }[which]()

    shown = client.get(form_url(map_page), {"evenement": event.pk})
    response = client.post(form_url(map_page), visitor_position(event))

    assert "Cet événement n'est pas en cours" in text(shown)
    assert response.status_code == 303
    assert response["Location"] == map_page.url
    position = ParcoursPosition.objects.get()
    assert position.event is None
    assert "l'événement n'étant pas en cours" in text(client.get(map_page.url))


def test_form_for_a_running_event_names_it(client, portal, map_page):
    event = make_event(portal.events, "Atelier parcours", days_from_now=-0.1)

    response = client.get(form_url(map_page), {"evenement": event.pk})

    assert "Votre position s'ajoutera à la carte de « Atelier parcours »" in text(response)
    assert soup(response).find("input", attrs={"name": "evenement"})["value"] == str(event.pk)
