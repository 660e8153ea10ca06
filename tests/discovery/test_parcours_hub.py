"""The parcours hub: an overview of the five stages and one page per stage."""

from __future__ import annotations

import json

import pytest

from tests.factories import (
    get_stages,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_testimony,
    set_features,
)
from tests.html import soup


@pytest.fixture
def placed(portal):
    utiliser, ouvrir = get_stages("utiliser", "ouvrir")
    guide = make_guide(portal.guides, "Installer Firefox", stages=[utiliser])
    make_guide(portal.guides, "Publier sur une forge", stages=[ouvrir])
    event = make_event(portal.events, "Atelier LibreOffice", stages=[utiliser])
    make_commun(portal.communs, "LibreOffice", stages=[utiliser, ouvrir])
    make_testimony("Nous avons migré 2 000 postes.", page=guide, stages=[utiliser])
    make_testimony("Refusé", page=guide, stages=[utiliser], status="rejected")
    return {"guide": guide, "event": event}


@pytest.mark.django_db
def test_overview_lists_the_five_stages_with_what_each_holds(client, portal, placed):
    page = soup(client.get(portal.parcours.url))
    titles = [a.get_text(strip=True) for a in page.select(".portal-parcours-overview h2 a")]
    assert titles == ["Découvrir", "Utiliser", "Promouvoir", "Coopérer", "Ouvrir"]
    utiliser = page.select(".portal-parcours-overview > li")[1]
    assert [li.get_text(strip=True) for li in utiliser.select(".portal-stage-counts li")] == [
        "1 événement", "1 guide", "1 commun", "1 témoignage"]
    assert utiliser.select_one("a")["href"] == portal.parcours.url + "utiliser/"


@pytest.mark.django_db
def test_stage_page_gathers_the_stage_items_of_every_feature(client, portal, placed):
    response = client.get(portal.parcours.url + "utiliser/")
    page = soup(response)
    assert page.select_one("h1").get_text(strip=True) == "Utiliser"
    sections = {s.select_one("h2").get_text(strip=True): s for s in page.select("main section")}
    assert list(sections) == ["Événements", "Guides", "Communs numériques", "Témoignages"]
    assert [h.get_text(strip=True) for h in sections["Guides"].select(".fr-card__title")] == [
        "Installer Firefox"]
    assert "Nous avons migré" in sections["Témoignages"].get_text()
    assert "Refusé" not in response.content.decode()
    assert "Publier sur une forge" not in response.content.decode()
    # Breadcrumb: home, hub, stage; JSON-LD names the stage.
    crumbs = [li.get_text(strip=True) for li in page.select(".fr-breadcrumb__list li")]
    assert crumbs == ["Accueil", "Le parcours", "Utiliser"]
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data[0]["@type"] == "CollectionPage" and data[0]["name"] == "Utiliser"


@pytest.mark.django_db
def test_stage_page_links_to_the_listing_filtered_on_the_stage(client, portal, settings):
    utiliser, = get_stages("utiliser")
    for i in range(8):
        make_guide(portal.guides, f"Guide {i}", stages=[utiliser])
    page = soup(client.get(portal.parcours.url + "utiliser/"))
    section = page.select_one("section[aria-labelledby=section-guides]")
    assert len(section.select(".fr-card")) == 6
    assert section.select_one("a.fr-link")["href"] == portal.guides.url + "?etape=utiliser"
    assert "(8)" in section.select_one("a.fr-link").get_text()


@pytest.mark.django_db
def test_unknown_stage_is_404_and_disabled_features_are_left_out(client, portal, placed):
    assert client.get(portal.parcours.url + "inconnue/").status_code == 404
    set_features(portal.site, events=False)
    page = soup(client.get(portal.parcours.url + "utiliser/"))
    assert "Atelier LibreOffice" not in page.get_text()
    assert not page.select("section[aria-labelledby=section-events]")


@pytest.mark.django_db
def test_home_and_content_pages_link_to_their_stages(client, portal, placed):
    home = soup(client.get(portal.home.url))
    links = [a["href"] for a in home.select(".portal-parcours h3 a")]
    assert links == [portal.parcours.url + slug + "/" for slug in
                     ("decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir")]

    utiliser, = get_stages("utiliser")
    content = make_content_page(portal.home, stages=[utiliser])
    for url in (content.url, placed["guide"].url, placed["event"].url):
        stage_links = [a["href"] for a in soup(client.get(url)).select("a.portal-stage-tag")]
        assert stage_links == [portal.parcours.url + "utiliser/"], url
