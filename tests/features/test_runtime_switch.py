"""Switching a feature off for one site at run time (``PortalSettings.features``): its pages
answer 404, it leaves the menu, the home page and the admin's page types, other pages do not
link to it; switching it back on restores everything, since nothing was deleted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from example_site.ministry.models import HybridEventPage
from numerique_ouvert.core.features import enabled_features_for_site, is_feature_enabled
from numerique_ouvert.events.models import EventIndexPage, EventPage
from numerique_ouvert.guides.models import GuideIndexPage
from tests.admin import add_page_url, add_subpage_url
from tests.factories import (
    build_portal,
    make_commun,
    make_event,
    make_guide,
    make_hybrid_event,
    set_features,
)
from tests.html import links, main_menu_titles, section_ids

EVENTS_SECTION = "accueil-evenements"


@pytest.fixture
def content(portal):
    event = make_event(portal.events, "Rencontres du numérique ouvert")
    hybrid = make_hybrid_event(portal.events, "Atelier hybride")
    commun = make_commun(portal.communs, "uMap")
    guide = make_guide(portal.guides, "Aller plus loin",
                       related_pages=[("page", event), ("page", commun)])
    return {"event": event, "hybrid": hybrid, "commun": commun, "guide": guide}


@pytest.fixture
def events_off(portal, content):
    set_features(portal.site, events=False)
    return content


@pytest.mark.django_db
def test_events_are_on_by_default(client, portal, content):
    assert is_feature_enabled("events", site=portal.site)
    assert client.get(portal.events.url).status_code == 200
    assert client.get(content["event"].url).status_code == 200
    assert "Événements" in main_menu_titles(client.get(portal.home.url))
    assert EVENTS_SECTION in section_ids(client.get(portal.home.url))
    assert content["event"].url in links(client.get(content["guide"].url))


@pytest.mark.django_db
def test_event_index_answers_404_when_events_are_switched_off(client, portal, events_off):
    assert client.get(portal.events.url).status_code == 404


@pytest.mark.django_db
def test_event_page_answers_404_when_events_are_switched_off(client, events_off):
    assert client.get(events_off["event"].url).status_code == 404
    assert client.get(events_off["hybrid"].url).status_code == 404


@pytest.mark.django_db
def test_event_calendar_files_answer_404_when_events_are_switched_off(client, portal, events_off):
    assert client.get(portal.events.url + "ical/").status_code == 404
    assert client.get(events_off["event"].url + "ical/").status_code == 404


@pytest.mark.django_db
def test_events_menu_entry_disappears_when_events_are_switched_off(client, portal, events_off):
    menu = main_menu_titles(client.get(portal.home.url))

    assert "Événements" not in menu
    assert menu == ["Le parcours", "Guides", "Communs numériques", "Témoignages"]


@pytest.mark.django_db
def test_home_page_has_no_events_section_when_events_are_switched_off(client, portal, events_off):
    response = client.get(portal.home.url)

    assert response.status_code == 200
    assert EVENTS_SECTION not in section_ids(response)
    assert "Rencontres du numérique ouvert" not in response.content.decode()


@pytest.mark.django_db
def test_event_types_cannot_be_created_under_a_site_where_events_are_off(portal, events_off):
    assert not EventIndexPage.can_create_at(portal.home)
    assert not EventPage.can_create_at(portal.events)
    assert not HybridEventPage.can_create_at(portal.events)
    assert GuideIndexPage.can_create_at(portal.home)


@pytest.mark.django_db
def test_admin_offers_event_types_while_events_are_on(admin_client, portal):
    under_home = links(admin_client.get(add_subpage_url(portal.home)))
    under_index = links(admin_client.get(add_subpage_url(portal.events)))

    assert add_page_url(EventIndexPage, portal.home) in under_home
    assert add_page_url(EventPage, portal.events) in under_index
    assert add_page_url(HybridEventPage, portal.events) in under_index


@pytest.mark.django_db
def test_admin_does_not_offer_event_types_when_events_are_off(admin_client, portal, events_off):
    offered = links(admin_client.get(add_subpage_url(portal.home)))

    assert add_page_url(GuideIndexPage, portal.home) in offered
    assert add_page_url(EventIndexPage, portal.home) not in offered


@pytest.mark.django_db
def test_admin_refuses_the_event_creation_forms_when_events_are_off(admin_client, portal,
                                                                    events_off):
    # Wagtail turns the PermissionDenied of its add views into a redirect to the dashboard.
    for url in (add_page_url(EventIndexPage, portal.home), add_page_url(EventPage, portal.events),
                add_page_url(HybridEventPage, portal.events), add_subpage_url(portal.events)):
        response = admin_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url


@pytest.mark.django_db
def test_guide_does_not_link_to_an_event_while_events_are_off(client, events_off):
    guide_links = links(client.get(events_off["guide"].url))

    assert events_off["event"].url not in guide_links
    assert events_off["commun"].url in guide_links


@pytest.mark.django_db
def test_switching_events_back_on_restores_everything(client, portal, events_off):
    set_features(portal.site, events=True)

    assert client.get(portal.events.url).status_code == 200
    assert client.get(events_off["event"].url).status_code == 200
    assert client.get(events_off["hybrid"].url).status_code == 200
    home = client.get(portal.home.url)
    assert "Événements" in main_menu_titles(home)
    assert EVENTS_SECTION in section_ids(home)
    assert events_off["event"].url in links(client.get(events_off["guide"].url))
    assert EventPage.objects.count() == 2
    assert EventIndexPage.can_create_at(portal.home)


@pytest.mark.django_db
def test_switching_events_off_on_one_site_leaves_them_on_another(client, portal, events_off):
    other = build_portal(hostname="culture.example.org")
    other_event = make_event(other.events, "Atelier au ministère de la Culture")

    response = client.get(other_event.url, HTTP_HOST="culture.example.org")

    assert response.status_code == 200
    assert "Événements" in main_menu_titles(
        client.get(other.home.url, HTTP_HOST="culture.example.org"))
    assert "events" in enabled_features_for_site(other.site)
    assert "events" not in enabled_features_for_site(portal.site)
    assert EventPage.can_create_at(other.events)
