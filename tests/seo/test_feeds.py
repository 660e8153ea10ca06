"""RSS and Atom feeds: the portal's latest pages of the enabled features and each index's
listing, parsed as feed readers do; nothing a visitor could not see on the site."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from numerique_ouvert.communs.models import CommunIndexPage
from numerique_ouvert.core.feeds import IndexFeedsMixin
from numerique_ouvert.events.models import EventIndexPage
from numerique_ouvert.guides.models import GuideIndexPage
from numerique_ouvert.testimonies import models as testimonies
from tests.factories import (
    add_page,
    build_portal,
    get_stages,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    set_features,
)
from tests.html import soup
from tests.seo.readers import atom_entries, published, rss_items, titles

PORTAL_RSS, PORTAL_ATOM = "/flux/rss/", "/flux/atom/"


def test_portal_feed_urls_are_named():
    assert reverse("numerique_ouvert_feed_rss") == PORTAL_RSS
    assert reverse("numerique_ouvert_feed_atom") == PORTAL_ATOM


@pytest.mark.django_db
def test_portal_rss_lists_pages_of_every_feature_newest_first(client, portal):
    guide = published(make_guide(portal.guides, "Guide récent", stages=get_stages("utiliser"),
                                 tags=["python"]), days_ago=1)
    published(make_event(portal.events, "Événement moyen"), days_ago=2)
    published(make_commun(portal.communs, "Commun ancien"), days_ago=3)
    published(make_hybrid_event(portal.events, "Événement hybride très ancien"), days_ago=4)

    items = rss_items(client.get(PORTAL_RSS))

    assert titles(items) == ["Guide récent", "Événement moyen", "Commun ancien",
                             "Événement hybride très ancien"]
    first = items[0]
    assert first["link"] == guide.get_full_url()
    assert first["description"] == "Un guide pratique."
    assert first["categories"] == ["Utiliser", "python"]
    assert first["author"] == "Mission logiciels libres"
    assert first["pubdate"]
    assert items[1]["author"] is None  # events name no author


@pytest.mark.django_db
def test_portal_atom_feed_carries_the_same_entries(client, portal):
    published(make_guide(portal.guides, "Guide", stages=get_stages("decouvrir")), days_ago=1)
    published(make_commun(portal.communs, "Commun"), days_ago=2)

    entries = atom_entries(client.get(PORTAL_ATOM))

    assert titles(entries) == ["Guide", "Commun"]
    assert entries[0]["categories"] == ["Découvrir"]
    assert entries[0]["author"] == "Mission logiciels libres"
    assert entries[0]["published"]


@pytest.mark.django_db
def test_portal_feed_shows_nothing_a_visitor_cannot_see(client, portal):
    make_guide(portal.guides, "Guide visible")
    make_guide(portal.guides, "Guide brouillon", live=False)
    make_guide(portal.guides, "Guide non listé", listed=False)
    private = make_guide(portal.guides, "Guide privé")
    PageViewRestriction.objects.create(page=private, restriction_type="password",
                                       password="secret")
    make_commun(portal.communs, "Commun d'une fonctionnalité éteinte")
    make_content_page(portal.home, "Page de contenu")  # not a feature's page
    other = build_portal(hostname="autre.example.org")
    make_guide(other.guides, "Guide d'un autre site")
    set_features(portal.site, communs=False)

    assert titles(rss_items(client.get(PORTAL_RSS))) == ["Guide visible"]
    assert titles(atom_entries(client.get(PORTAL_ATOM))) == ["Guide visible"]
    assert titles(rss_items(client.get(PORTAL_RSS, HTTP_HOST="autre.example.org"))) == [
        "Guide d'un autre site"]


@pytest.mark.django_db
def test_portal_feed_keeps_the_30_latest_pages(client, portal):
    for day in range(35):
        published(make_guide(portal.guides, f"Guide {day}"), days_ago=day)

    items = rss_items(client.get(PORTAL_RSS))

    assert titles(items) == [f"Guide {day}" for day in range(30)]


@pytest.mark.parametrize("index_class", [GuideIndexPage, EventIndexPage, CommunIndexPage])
def test_index_pages_serve_feeds(index_class):
    assert issubclass(index_class, IndexFeedsMixin), "IndexPageMixin should mix in IndexFeedsMixin"
    assert index_class.feeds_available()
    assert not testimonies.TestimonyIndexPage.feeds_available()  # its listing is made of testimonies


@pytest.mark.django_db
def test_guide_index_feeds_list_its_guides_newest_first(client, portal):
    published(make_guide(portal.guides, "Ancien guide"), days_ago=5)
    published(make_guide(portal.guides, "Nouveau guide", tags=["accessibilité"]), days_ago=1)
    make_guide(portal.guides, "Guide non listé", listed=False)
    published(make_event(portal.events, "Un événement"), days_ago=0)

    rss = rss_items(client.get(portal.guides.url + "flux/rss/"))
    atom = atom_entries(client.get(portal.guides.url + "flux/atom/"))

    assert titles(rss) == titles(atom) == ["Nouveau guide", "Ancien guide"]
    assert rss[0]["categories"] == ["accessibilité"]


@pytest.mark.django_db
def test_event_index_feed_gives_the_date_of_each_event(client, portal):
    event = make_event(portal.events, "Atelier", days_from_now=10, tagline="Venez nombreux.")
    make_commun(portal.communs)

    (item,) = rss_items(client.get(portal.events.url + "flux/rss/"))
    (entry,) = atom_entries(client.get(portal.events.url + "flux/atom/"))

    assert item["title"] == "Atelier"
    assert item["description"] == f"{event.date_display} — Venez nombreux."
    assert entry["summary"] == item["description"]


@pytest.mark.django_db
def test_commun_index_feed_lists_its_communs(client, portal):
    make_commun(portal.communs, "Commun libre")
    make_guide(portal.guides)

    assert titles(rss_items(client.get(portal.communs.url + "flux/rss/"))) == ["Commun libre"]


@pytest.mark.django_db
@pytest.mark.parametrize("feed", ["flux/rss/", "flux/atom/"])
def test_index_feeds_answer_404_when_their_feature_is_off(client, portal, feed):
    make_guide(portal.guides)
    make_event(portal.events)
    set_features(portal.site, guides=False)

    assert client.get(portal.guides.url + feed).status_code == 404
    assert client.get(portal.events.url + feed).status_code == 200


@pytest.mark.django_db
def test_testimony_index_has_no_feed(client, portal):
    # Its listing is made of testimonies, not pages.
    assert client.get(portal.testimonies.url + "flux/rss/").status_code == 404


@pytest.mark.django_db
def test_private_index_feed_is_not_served(client, portal):
    make_guide(portal.guides, "Guide privé")
    PageViewRestriction.objects.create(page=portal.guides, restriction_type="password",
                                       password="secret")

    response = client.get(portal.guides.url + "flux/rss/")

    assert response.status_code == 200  # Wagtail's password form, not the feed
    assert not response["Content-Type"].startswith("application/rss+xml")
    assert b"Guide priv" not in response.content


def alternate_links(response) -> list[tuple[str, str]]:
    return [(link["type"], link["href"]) for link in soup(response).select(
        'head link[rel="alternate"]')]


PORTAL_LINKS = [("application/rss+xml", PORTAL_RSS), ("application/atom+xml", PORTAL_ATOM)]


@pytest.mark.django_db
def test_every_page_announces_the_portal_feeds(client, portal):
    content = make_content_page(portal.home)

    for url in (portal.home.url, content.url, portal.testimonies.url, portal.parcours.url):
        assert alternate_links(client.get(url)) == PORTAL_LINKS, url


@pytest.mark.django_db
def test_index_pages_and_their_pages_announce_the_index_feeds(client, portal):
    guide = make_guide(portal.guides)
    event = make_event(portal.events)
    hybrid = make_hybrid_event(portal.events)
    commun = make_commun(portal.communs)

    for index, pages in ((portal.guides, [guide]), (portal.events, [event, hybrid]),
                         (portal.communs, [commun])):
        expected = PORTAL_LINKS + [("application/rss+xml", index.url + "flux/rss/"),
                                   ("application/atom+xml", index.url + "flux/atom/")]
        for page in [index, *pages]:
            links = alternate_links(client.get(page.url))
            assert links == expected, page.url
            for _type, href in links:
                assert client.get(href).status_code == 200, href


@pytest.mark.django_db
def test_feed_links_have_a_title(client, portal):
    response = client.get(portal.guides.url)

    assert [link["title"] for link in soup(response).select('head link[rel="alternate"]')] == [
        "Numérique ouvert : dernières publications (RSS)",
        "Numérique ouvert : dernières publications (Atom)",
        "Guides (RSS)",
        "Guides (Atom)",
    ]


@pytest.mark.django_db
def test_a_page_outside_an_index_announces_only_the_portal_feeds(client, portal):
    page = add_page(portal.home, type(make_content_page(portal.home)), title="Racine")

    assert alternate_links(client.get(page.url)) == PORTAL_LINKS
