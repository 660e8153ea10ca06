"""What each page type serves: its public fields in the detail view, the card fields (tagline,
stages, tags, image renditions) in typed listings, StreamField bodies in the detail view only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from numerique_ouvert.communs.choices import ActorKind, ActorRelation
from numerique_ouvert.events.choices import EventFormat, EventStatus
from tests.api.helpers import PAGES, get_json, listing
from tests.factories import (
    get_stages,
    make_actor,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    make_image,
    make_programme,
)

CARD_FIELDS = {"tagline", "stages", "tags", "image", "image_large"}


def detail(client, page) -> dict:
    return get_json(client, f"{PAGES}{page.pk}/")


def test_api_urls_are_named_under_their_own_namespace():
    assert reverse("numerique_ouvert_api:pages:listing") == PAGES
    assert reverse("numerique_ouvert_api:stages:detail", args=[1]) == "/api/v2/stages/1/"
    assert reverse("numerique_ouvert_api:testimonies:listing") == "/api/v2/testimonies/"


@pytest.mark.django_db
def test_guide_detail_serves_every_public_field(client, portal):
    guide = make_guide(
        portal.guides, "Publier son code", tagline="Ouvrir un dépôt.", image=make_image(),
        stages=get_stages("ouvrir", "decouvrir"), tags=["forge", "Code source"],
        contact_url="https://forum.example.org", propose_change_url="https://forge.example.org",
        last_reviewed=datetime.date(2025, 3, 1))

    data = detail(client, guide)

    assert data["title"] == "Publier son code"
    assert data["meta"]["type"] == "numerique_ouvert_guides.GuidePage"
    assert data["meta"]["html_url"] == guide.get_full_url()
    assert data["meta"]["parent"]["id"] == portal.guides.pk
    assert data["tagline"] == "Ouvrir un dépôt."
    # Parcours order (Découvrir first), slug and name.
    assert [(s["slug"], s["name"]) for s in data["stages"]] == [
        ("decouvrir", "Découvrir"), ("ouvrir", "Ouvrir")]
    assert data["tags"] == ["Code source", "forge"]
    assert data["image"]["url"].endswith(".webp") and "fill-600x338" in data["image"]["url"]
    assert data["image"]["full_url"].startswith("http")
    assert "fill-1200x600" in data["image_large"]["url"]
    assert data["body"][0]["type"] == "heading"
    assert data["owner_name"] == "Mission logiciels libres"
    assert data["contact_url"] == "https://forum.example.org"
    assert data["propose_change_url"] == "https://forge.example.org"
    assert data["last_reviewed"] == "2025-03-01"


@pytest.mark.django_db
def test_guide_related_pages_are_links_to_pages_the_api_shows(client, portal):
    commun = make_commun(portal.communs, "Commun lié")
    draft = make_guide(portal.guides, "Guide brouillon", live=False)
    guide = make_guide(portal.guides, related_pages=[("page", commun), ("page", draft)])

    related = detail(client, guide)["related_pages"]

    assert related == [{
        "id": commun.pk, "type": "numerique_ouvert_communs.CommunPage", "title": "Commun lié",
        "html_url": commun.get_full_url(),
        "detail_url": f"http://localhost{PAGES}{commun.pk}/",
    }]


@pytest.mark.django_db
def test_event_detail_serves_dates_format_status_venue_organisers_programme_registration(
        client, portal):
    start = timezone.now() + datetime.timedelta(days=10)
    event = make_event(
        portal.events, "Atelier API", start=start, format=EventFormat.ATELIER,
        status=EventStatus.POSTPONED, venue_name="Ségur", venue_address="20 avenue de Ségur",
        venue_city="Paris", online_url="https://visio.example.org/salle",
        registration_url="https://inscription.example.org",
        registration_deadline=start - datetime.timedelta(days=1),
        organisers=[("organiser", {"name": "DINUM", "url": "https://www.numerique.gouv.fr"})],
        programme=[("session", {"start_time": "09:30", "title": "Accueil", "format": "",
                                "stage": None, "speakers": "", "room": "",
                                "description": ""})],
        report=[("paragraph", RichText("<p>Compte rendu préparé d'avance.</p>"))],
        stages=get_stages("utiliser"))

    data = detail(client, event)

    assert data["start"] == timezone.localtime(event.start).isoformat()
    assert data["end"] == timezone.localtime(event.end).isoformat()
    assert data["all_day"] is False
    assert data["date_display"]
    assert data["format"] == {"value": "atelier", "label": "Atelier"}
    assert data["status"] == {"value": "postponed", "label": "Reporté"}
    assert (data["venue_name"], data["venue_address"], data["venue_city"]) == (
        "Ségur", "20 avenue de Ségur", "Paris")
    assert data["online_url"] == "https://visio.example.org/salle"
    assert data["organisers"][0]["value"] == {"name": "DINUM",
                                              "url": "https://www.numerique.gouv.fr"}
    assert data["programme"][0]["value"]["title"] == "Accueil"
    assert data["registration_url"] == "https://inscription.example.org"
    assert data["registration_deadline"]
    assert data["registration_open"] is True
    assert data["ics_url"] == f"http://localhost{event.url}ical/"
    assert data["stages"] == [{"id": get_stages("utiliser")[0].pk, "slug": "utiliser",
                               "name": "Utiliser"}]
    # Not over yet: the report is a draft, as on the page.
    assert data["report"] is None


@pytest.mark.django_db
def test_event_report_is_served_once_the_event_is_over(client, portal):
    event = make_event(portal.events, days_from_now=-3,
                       report=[("paragraph", RichText("<p>Ce qui s'est dit.</p>"))])

    assert detail(client, event)["report"][0]["value"] == "<p>Ce qui s'est dit.</p>"


@pytest.mark.django_db
def test_commun_detail_serves_kind_status_licence_governance_community_actors_programmes(
        client, portal):
    ministry = make_actor("Ministère de l'Éducation nationale", acronym="MEN",
                          kind=ActorKind.MINISTRY, website="https://education.gouv.fr")
    commune = make_actor("Ville de Lyon", kind=ActorKind.LOCAL)
    programme = make_programme("Accélérateur", url="https://accelerateur.example.org")
    commun = make_commun(
        portal.communs, "Nextcloud", kind="software", status="stable",
        licence="AGPL-3.0-or-later", logo=make_image("Logo"), website="https://nextcloud.com",
        source_repository="https://github.com/nextcloud/server",
        governance_url="https://gouvernance.example.org", contribution_url="https://c.example.org",
        charter_url="https://charte.example.org", forum_url="https://forum.example.org",
        chat_url="https://chat.example.org", mailing_list_url="https://liste.example.org",
        actors=[(ministry, ActorRelation.FUNDS), (commune, ActorRelation.USES)],
        support_programmes=[programme])

    data = detail(client, commun)

    assert data["kind"] == {"value": "software", "label": "Logiciel"}
    assert data["status"] == {"value": "stable", "label": "Stable"}
    assert data["licence"] == "AGPL-3.0-or-later"
    assert data["logo"]["url"]
    assert data["carrying_structure"] == "Association des contributeurs"
    for name in ("website", "source_repository", "governance_url", "contribution_url",
                 "charter_url", "forum_url", "chat_url", "mailing_list_url"):
        assert data[name].startswith("https://"), name
    assert data["actor_relations"] == [
        {"actor": {"name": "Ministère de l'Éducation nationale", "acronym": "MEN",
                   "kind": {"value": "ministry", "label": "Ministère ou administration centrale"},
                   "website": "https://education.gouv.fr"},
         "relation": {"value": "funds", "label": "Finance"}, "note": ""},
        {"actor": {"name": "Ville de Lyon", "acronym": "",
                   "kind": {"value": "local", "label": "Collectivité territoriale"},
                   "website": ""},
         "relation": {"value": "uses", "label": "Utilise"}, "note": ""},
    ]
    assert data["support_programmes"] == [
        {"name": "Accélérateur", "url": "https://accelerateur.example.org", "description": ""}]
    assert data["description"] == [] and data["uses"] == []


@pytest.mark.django_db
def test_content_index_and_hub_pages_serve_their_fields(client, portal):
    page = make_content_page(portal.home, "Accessibilité", image=make_image(),
                             stages=get_stages("decouvrir"))

    data = detail(client, page)
    assert data["meta"]["type"] == "numerique_ouvert_core.ContentPage"
    assert data["tagline"] == "Une page de contenu."
    assert data["tags"] == []  # content pages have no tags
    assert data["stages"][0]["slug"] == "decouvrir"
    assert data["image"]["url"]
    assert data["body"][0]["value"] == "<p>Texte de la page.</p>"

    for index in (portal.guides, portal.events, portal.communs, portal.testimonies,
                  portal.parcours):
        assert detail(client, index)["intro"] == index.intro


@pytest.mark.django_db
def test_a_ministry_event_subtype_serves_the_event_fields(client, portal):
    event = make_hybrid_event(portal.events, "Hybride")

    data = detail(client, event)

    assert data["meta"]["type"] == "example_ministry.HybridEventPage"
    assert data["online_url"] == "https://webinaire.example.org/salle"
    assert data["format"]["value"]


@pytest.mark.django_db
def test_typed_listing_serves_card_fields_and_leaves_bodies_to_the_detail_view(client, portal):
    make_guide(portal.guides, "Guide", image=make_image(), stages=get_stages("utiliser"),
               tags=["api"])
    make_event(portal.events, "Événement")
    make_commun(portal.communs, "Commun", actors=[(make_actor(), "uses")])

    guides = listing(client, f"{PAGES}?type=numerique_ouvert_guides.GuidePage&fields=*")
    events = listing(client, f"{PAGES}?type=numerique_ouvert_events.EventPage&fields=*")
    communs = listing(client, f"{PAGES}?type=numerique_ouvert_communs.CommunPage&fields=*")

    assert CARD_FIELDS <= set(guides[0]) and guides[0]["tags"] == ["api"]
    assert guides[0]["image"]["url"] and guides[0]["stages"][0]["slug"] == "utiliser"
    assert {"owner_name", "related_pages"} <= set(guides[0]) and "body" not in guides[0]
    assert {"start", "end", "format", "status", "venue_name", "online_url", "organisers",
            "registration_url"} <= set(events[0])
    assert not {"description", "programme", "report"} & set(events[0])
    assert {"kind", "status", "licence", "actor_relations", "support_programmes"} <= set(
        communs[0])
    assert not {"description", "uses"} & set(communs[0])


@pytest.mark.django_db
def test_listing_refuses_body_fields_with_a_message(client, portal):
    make_guide(portal.guides)

    data = get_json(client, f"{PAGES}?type=numerique_ouvert_guides.GuidePage&fields=title,body",
                    status=400)

    assert "body" in data["message"]


@pytest.mark.django_db
def test_untyped_listing_serves_wagtail_page_fields(client, portal):
    guide = make_guide(portal.guides, "Guide")

    item = next(i for i in listing(client, PAGES) if i["id"] == guide.pk)

    assert item["title"] == "Guide"
    assert item["meta"]["type"] == "numerique_ouvert_guides.GuidePage"
    assert item["meta"]["html_url"] == guide.get_full_url()
    assert item["meta"]["detail_url"] == f"http://localhost{PAGES}{guide.pk}/"
