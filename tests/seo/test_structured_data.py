"""schema.org JSON-LD of every public page type, read back as search engines do: valid JSON,
the right ``@type`` with its required properties, and a BreadcrumbList everywhere but the home."""

from __future__ import annotations

import pytest

from numerique_ouvert.communs.choices import CommunKind
from numerique_ouvert.events.choices import EventStatus
from tests.factories import (
    get_stages,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    make_testimony,
    set_features,
)
from tests.seo.readers import json_ld, of_type, published


def page_data(client, page, schema_type: str) -> tuple[dict, list[dict]]:
    """The page's own JSON-LD object (exactly one of ``schema_type``) and all its objects."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    objects = json_ld(response)
    (data,) = of_type(objects, schema_type)
    assert data["@context"] == "https://schema.org"
    assert data["name"] and data["url"] == page.get_full_url()
    return data, objects


def breadcrumb(objects: list[dict]) -> list[tuple[str, str]]:
    (crumbs,) = of_type(objects, "BreadcrumbList")
    items = crumbs["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    return [(item["name"], item["item"]) for item in items]


@pytest.mark.django_db
def test_home_page_is_a_website(client, portal):
    data, _objects = page_data(client, portal.home, "WebSite")

    assert data["name"] == "Numérique ouvert"
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"]


@pytest.mark.django_db
def test_home_page_has_no_breadcrumb(client, portal):
    _data, objects = page_data(client, portal.home, "WebSite")

    assert of_type(objects, "BreadcrumbList") == []


@pytest.mark.django_db
def test_content_page_is_a_webpage_with_breadcrumb(client, portal):
    page = published(make_content_page(portal.home, "Accessibilité"), days_ago=1)

    data, objects = page_data(client, page, "WebPage")

    assert data["description"] == "Une page de contenu."
    assert data["datePublished"] == page.first_published_at.isoformat()
    assert breadcrumb(objects) == [("Accueil du portail", portal.home.get_full_url()),
                                   ("Accessibilité", page.get_full_url())]


@pytest.mark.django_db
def test_index_pages_and_parcours_are_collection_pages_with_breadcrumb(client, portal):
    for index in (portal.guides, portal.events, portal.communs, portal.testimonies,
                  portal.parcours):
        data, objects = page_data(client, index, "CollectionPage")
        assert breadcrumb(objects) == [("Accueil du portail", portal.home.get_full_url()),
                                       (index.title, index.get_full_url())], index.title


@pytest.mark.django_db
def test_guide_is_a_tech_article(client, portal):
    guide = published(make_guide(portal.guides, "Publier un logiciel",
                                 stages=get_stages("ouvrir"), tags=["licence"]), days_ago=2)

    data, objects = page_data(client, guide, "TechArticle")

    assert data["headline"] == "Publier un logiciel"
    assert data["author"] == {"@type": "Organization", "name": "Mission logiciels libres"}
    assert data["about"] == ["Ouvrir"]
    assert data["keywords"] == "licence"
    assert data["datePublished"] == guide.first_published_at.isoformat()
    assert breadcrumb(objects)[1:] == [("Guides", portal.guides.get_full_url()),
                                       ("Publier un logiciel", guide.get_full_url())]


@pytest.mark.django_db
def test_event_in_person_has_a_place_status_mode_and_organizer(client, portal):
    event = make_event(portal.events, "Rencontre", venue_address="20 avenue de Ségur",
                       organisers=[("organiser", {"name": "DINUM",
                                                  "url": "https://numerique.gouv.fr"})])

    data, objects = page_data(client, event, "Event")

    assert data["startDate"] and data["endDate"]
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Maison du numérique"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["addressLocality"] == "Paris"
    assert data["organizer"] == {"@type": "Organization", "name": "DINUM",
                                 "url": "https://numerique.gouv.fr"}
    assert len(breadcrumb(objects)) == 3


@pytest.mark.django_db
def test_online_cancelled_event_has_a_virtual_location(client, portal):
    event = make_event(portal.events, "Webinaire", venue_name="", venue_city="",
                       online_url="https://webinaire.example.org/salle",
                       status=EventStatus.CANCELLED)

    data, _objects = page_data(client, event, "Event")

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation",
                                "url": "https://webinaire.example.org/salle"}


@pytest.mark.django_db
def test_hybrid_event_has_both_locations(client, portal):
    event = make_hybrid_event(portal.events, "Hybride")

    data, _objects = page_data(client, event, "Event")

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert sorted(location["@type"] for location in data["location"]) == [
        "Place", "VirtualLocation"]


@pytest.mark.django_db
def test_software_commun_is_source_code(client, portal):
    commun = make_commun(portal.communs, "Logiciel libre", kind=CommunKind.SOFTWARE,
                         source_repository="https://forge.example.org/logiciel")

    data, objects = page_data(client, commun, "SoftwareSourceCode")

    assert data["codeRepository"] == "https://forge.example.org/logiciel"
    assert data["license"] == "https://spdx.org/licenses/AGPL-3.0-or-later.html"
    assert data["maintainer"]["@type"] == "Organization"
    assert len(breadcrumb(objects)) == 3


@pytest.mark.django_db
def test_other_communs_are_creative_works(client, portal):
    commun = make_commun(portal.communs, "Base de données", kind=CommunKind.DATA,
                         source_repository="https://forge.example.org/donnees")

    data, _objects = page_data(client, commun, "CreativeWork")

    assert "codeRepository" not in data
    assert data["license"].startswith("https://spdx.org/licenses/")


def quotations(item_list: dict) -> list[dict]:
    assert item_list["@type"] == "ItemList"
    items = item_list["itemListElement"]
    assert item_list["numberOfItems"] == len(items)
    assert [item["@type"] for item in items] == ["ListItem"] * len(items)
    return [item["item"] for item in items]


@pytest.mark.django_db
def test_testimony_index_lists_its_testimonies_as_quotations(client, portal):
    guide = make_guide(portal.guides, "Guide commenté")
    signed = make_testimony("Très utile.", page=guide, author_name="Camille Martin",
                            role_title="Cheffe de projet", organisation="Une préfecture",
                            contact_email="camille.privee@example.gouv.fr")
    make_testimony("Sans nom.", author_name="", organisation="",
                   contact_email="anonyme.prive@example.gouv.fr")
    make_testimony("Pas encore modéré.", status="submitted")

    response = client.get(portal.testimonies.url)
    (data,) = of_type(json_ld(response), "CollectionPage")
    anonymous, quoted = quotations(data["mainEntity"])

    assert quoted == {
        "@type": "Quotation",
        "text": "Très utile.",
        "creator": {"@type": "Person", "name": "Camille Martin", "jobTitle": "Cheffe de projet"},
        "sourceOrganization": {"@type": "Organization", "name": "Une préfecture"},
        "datePublished": signed.published_at.isoformat(),
        "about": {"@type": "WebPage", "@id": guide.get_full_url(), "url": guide.get_full_url(),
                  "name": "Guide commenté"},
    }
    assert anonymous["text"] == "Sans nom."
    assert "creator" not in anonymous and "about" not in anonymous
    assert b"example.gouv.fr" not in response.content  # contact addresses never leave the admin


@pytest.mark.django_db
def test_testimony_about_a_switched_off_feature_does_not_point_to_it(client, portal):
    commun = make_commun(portal.communs)
    make_testimony("À propos d'un commun.", page=commun, author_name="Alex")
    set_features(portal.site, communs=False)

    (data,) = of_type(json_ld(client.get(portal.testimonies.url)), "CollectionPage")
    (quotation,) = quotations(data["mainEntity"])

    assert "about" not in quotation


@pytest.mark.django_db
def test_testimony_index_json_ld_follows_the_pagination(client, portal, settings):
    settings.NUMERIQUE_OUVERT = {**settings.NUMERIQUE_OUVERT, "PAGE_SIZE": 2}
    for i in range(3):
        make_testimony(f"Témoignage {i}", author_name=f"Agent {i}")

    (data,) = of_type(json_ld(client.get(portal.testimonies.url + "?page=2")), "CollectionPage")

    assert [q["text"] for q in quotations(data["mainEntity"])] == ["Témoignage 0"]
    assert data["mainEntity"]["itemListElement"][0]["position"] == 3


@pytest.mark.django_db
@pytest.mark.parametrize("maker", [make_guide, make_event, make_commun])
def test_testimony_section_of_a_page_is_a_list_of_quotations_about_it(client, portal, maker):
    index = {make_guide: portal.guides, make_event: portal.events,
             make_commun: portal.communs}[maker]
    page = maker(index)
    make_testimony("Un retour d'expérience.", page=page, author_name="Dominique",
                   contact_email="dominique.privee@example.gouv.fr")

    response = client.get(page.url)
    (item_list,) = of_type(json_ld(response), "ItemList")
    (quotation,) = quotations(item_list)

    assert item_list["@context"] == "https://schema.org"
    assert quotation["creator"] == {"@type": "Person", "name": "Dominique"}
    assert quotation["about"]["url"] == page.get_full_url()
    assert b"example.gouv.fr" not in response.content


@pytest.mark.django_db
def test_page_without_testimonies_has_no_quotation_list(client, portal):
    guide = make_guide(portal.guides)

    assert of_type(json_ld(client.get(guide.url)), "ItemList") == []
