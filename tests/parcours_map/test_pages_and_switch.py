"""The map on other pages: a link to the form on an event while it runs, the link to its map
afterwards, the link on the parcours hub; and all of it gone when the feature is off."""

from __future__ import annotations

import pytest
from django.test import override_settings

from numerique_ouvert.parcours_map.models import ParcoursMapPage, ParcoursPosition
from tests.factories import make_event, make_map_page, make_position, set_features
from tests.html import links, soup, text
from tests.parcours_map.helpers import visitor_position

pytestmark = pytest.mark.django_db


@pytest.fixture
def map_page(portal):
    return make_map_page(portal)


def map_section(response):
    return soup(response).find("section", attrs={"aria-labelledby": "parcours-carte"})


def test_running_event_links_to_the_map_form_for_the_event(client, portal, map_page):
    event = make_event(portal.events, days_from_now=-0.1)

    response = client.get(event.url)
    section = map_section(response)

    assert section.find("h2").get_text(strip=True) == "Je me situe sur le parcours"
    # A link, not the form: no CSRF token nor submission key, so the page can be cached.
    assert not section.find("form")
    assert b"csrfmiddlewaretoken" not in response.content
    button = section.find(class_="fr-callout").find("a", class_="fr-btn")
    assert button.get_text(strip=True) == "Me situer sur la carte"
    assert button["href"] == map_page.url + f"je-me-situe/?evenement={event.pk}"
    hrefs = [a["href"] for a in section.find_all("a")]
    assert map_page.url + f"evenement/{event.pk}/" in hrefs
    assert map_page.url + f"evenement/{event.pk}/ecran/" in hrefs


def test_the_linked_form_stores_a_position_of_the_event(client, portal, map_page):
    event = make_event(portal.events, days_from_now=-0.1)
    link = map_section(client.get(event.url)).find(class_="fr-callout").find("a")["href"]
    page = client.get(link)
    assert f"la carte de « {event.title} »" in text(page)
    form = soup(page).find("form", class_="portal-position-form")
    assert form.find("input", attrs={"name": "evenement"})["value"] == str(event.pk)
    data = visitor_position(event)
    data["jeton"] = form.find("input", attrs={"name": "jeton"})["value"]

    # The form's token is fresh: no minimum fill time, rather than sleeping.
    with override_settings(NUMERIQUE_OUVERT={"FORM_MIN_SECONDS": 0}):
        response = client.post(form["action"], data)

    assert response.status_code == 303
    assert ParcoursPosition.objects.get().event_id == event.pk


@pytest.mark.parametrize("days_from_now", [2, -3])
def test_event_without_positions_shows_nothing_outside_its_run(client, portal, map_page,
                                                               days_from_now):
    event = make_event(portal.events, days_from_now=days_from_now)

    assert map_section(client.get(event.url)) is None
    assert "portal-position-form" not in client.get(event.url).content.decode()


def test_past_event_with_positions_links_to_where_participants_stood(client, portal, map_page):
    event = make_event(portal.events, days_from_now=-3)
    make_position(map_page, ["utiliser"], event=event)

    section = map_section(client.get(event.url))

    assert section.find("h2").get_text(strip=True) == "Où en étaient les participants"
    assert not section.find("form")
    assert [a["href"] for a in section.find_all("a")] == [
        map_page.url + f"evenement/{event.pk}/"]


def test_no_map_page_means_no_section(client, portal):
    event = make_event(portal.events, days_from_now=-0.1)

    assert map_section(client.get(event.url)) is None


def test_hub_links_to_the_map_when_there_is_one(client, portal):
    assert "Je me situe sur le parcours" not in text(client.get(portal.parcours.url))

    map_page = make_map_page(portal)

    hrefs = links(client.get(portal.parcours.url))
    assert map_page.url in hrefs and map_page.url + "je-me-situe/" in hrefs


def test_feature_off_404s_the_map_and_removes_it_everywhere(client, portal, map_page):
    event = make_event(portal.events, days_from_now=-0.1)
    make_position(map_page, ["utiliser"], event=event)
    assert map_section(client.get(event.url)) is not None

    set_features(portal.site, parcours_map=False)

    for url in ("", "donnees/", "je-me-situe/", f"evenement/{event.pk}/",
                f"evenement/{event.pk}/donnees/", f"evenement/{event.pk}/ecran/"):
        assert client.get(map_page.url + url).status_code == 404, url
    assert client.post(map_page.url + "je-me-situe/", visitor_position(event)).status_code == 404
    assert ParcoursPosition.objects.count() == 1
    assert map_section(client.get(event.url)) is None
    assert map_page.url not in links(client.get(portal.parcours.url))
    assert not ParcoursMapPage.can_create_at(portal.home)


def test_one_map_page_per_site(portal, map_page):
    assert not ParcoursMapPage.can_create_at(portal.home)


def test_event_page_ids_stay_unique_beside_the_testimony_call_out(client, portal, map_page):
    event = make_event(portal.events, days_from_now=-0.1)

    page = soup(client.get(event.url))

    # Both call-outs are on the page: the testimony's and the map's.
    assert page.find(id="temoigner") and page.find(id="parcours-carte")
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
