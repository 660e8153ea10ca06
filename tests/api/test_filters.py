"""Filtering the API by page type (Wagtail's ``?type=``), parcours stage (``?etape=``) and tag
(``?tags=``), on typed and untyped listings, alone or together."""

from __future__ import annotations

import pytest

from tests.api.helpers import PAGES, TESTIMONIES, get_json, listing, titles
from tests.factories import (
    get_stages,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    make_testimony,
)

GUIDES = f"{PAGES}?type=numerique_ouvert_guides.GuidePage"
EVENTS = f"{PAGES}?type=numerique_ouvert_events.EventPage"


@pytest.fixture
def content(portal):
    make_guide(portal.guides, "Guide utiliser", stages=get_stages("utiliser"),
               tags=["api", "Données ouvertes"])
    make_guide(portal.guides, "Guide ouvrir", stages=get_stages("ouvrir"), tags=["forge"])
    make_event(portal.events, "Événement utiliser", stages=get_stages("utiliser", "cooperer"),
               tags=["api"])
    make_hybrid_event(portal.events, "Événement hybride", stages=get_stages("cooperer"))
    make_commun(portal.communs, "Commun ouvrir", stages=get_stages("ouvrir"), tags=["api"])
    make_content_page(portal.home, "Page utiliser", stages=get_stages("utiliser"))
    return portal


@pytest.mark.django_db
def test_type_filter_lists_one_page_type_with_its_subtypes(client, content):
    assert titles(listing(client, GUIDES)) == ["Guide utiliser", "Guide ouvrir"]
    assert titles(listing(client, EVENTS)) == ["Événement utiliser", "Événement hybride"]
    assert titles(listing(client, f"{PAGES}?type=example_ministry.HybridEventPage")) == [
        "Événement hybride"]
    both = listing(client, f"{GUIDES},numerique_ouvert_communs.CommunPage")
    assert sorted(titles(both)) == ["Commun ouvrir", "Guide ouvrir", "Guide utiliser"]


@pytest.mark.django_db
def test_type_filter_refuses_unknown_types(client, content):
    get_json(client, f"{PAGES}?type=numerique_ouvert_guides.Nope", status=400)
    get_json(client, f"{PAGES}?type=numerique_ouvert_testimonies.Testimony", status=400)


@pytest.mark.django_db
def test_stage_filter_works_across_every_page_type(client, content):
    assert sorted(titles(listing(client, f"{PAGES}?etape=utiliser"))) == [
        "Guide utiliser", "Page utiliser", "Événement utiliser"]
    # Either stage, each page once.
    assert sorted(titles(listing(client, f"{PAGES}?etape=utiliser,cooperer"))) == [
        "Guide utiliser", "Page utiliser", "Événement hybride", "Événement utiliser"]
    assert listing(client, f"{PAGES}?etape=inconnue") == []


@pytest.mark.django_db
def test_stage_filter_combines_with_the_type_filter(client, content):
    assert titles(listing(client, f"{GUIDES}&etape=ouvrir&fields=stages")) == ["Guide ouvrir"]
    assert titles(listing(client, f"{EVENTS}&etape=cooperer")) == [
        "Événement utiliser", "Événement hybride"]


@pytest.mark.django_db
def test_tags_filter_matches_names_or_slugs_and_requires_every_tag(client, content):
    assert sorted(titles(listing(client, f"{PAGES}?tags=api"))) == [
        "Commun ouvrir", "Guide utiliser", "Événement utiliser"]
    # The portal's listings link to ?tag=<slug>: the slug works too.
    assert titles(listing(client, f"{PAGES}?tags=données-ouvertes")) == ["Guide utiliser"]
    assert titles(listing(client, f"{PAGES}?tags=Données ouvertes")) == ["Guide utiliser"]
    assert titles(listing(client, f"{PAGES}?tags=api,forge")) == []
    assert titles(listing(client, f"{PAGES}?tags=api,données-ouvertes")) == ["Guide utiliser"]


@pytest.mark.django_db
def test_tags_filter_on_a_typed_listing(client, content):
    assert titles(listing(client, f"{GUIDES}&tags=api&fields=tags")) == ["Guide utiliser"]
    assert titles(listing(client, f"{EVENTS}&tags=api")) == ["Événement utiliser"]
    # Content pages have no tags.
    assert listing(client, f"{PAGES}?type=numerique_ouvert_core.ContentPage&tags=api") == []


@pytest.mark.django_db
def test_filters_combine_with_search(client, content):
    found = listing(client, f"{PAGES}?search=Guide&tags=api&etape=utiliser")

    assert titles(found) == ["Guide utiliser"]


@pytest.mark.django_db
def test_testimonies_filter_by_stage_and_by_their_own_fields(client, portal):
    make_testimony("Sur utiliser", stages=get_stages("utiliser"), parcours_role="pratiquant")
    make_testimony("Sur ouvrir", stages=get_stages("ouvrir", "utiliser"),
                   parcours_role="ambassadeur")
    make_testimony("Sans étape")

    def texts(url):
        return sorted(item["text"] for item in listing(client, url))

    assert texts(f"{TESTIMONIES}?etape=utiliser") == ["Sur ouvrir", "Sur utiliser"]
    assert texts(f"{TESTIMONIES}?etape=ouvrir") == ["Sur ouvrir"]
    assert texts(f"{TESTIMONIES}?parcours_role=ambassadeur") == ["Sur ouvrir"]


@pytest.mark.django_db
def test_typed_listings_filter_on_their_own_fields(client, portal):
    make_event(portal.events, "Atelier", format="atelier")
    make_event(portal.events, "Webinaire", format="webinaire", online_url="https://v.example.org")
    make_commun(portal.communs, "Jeu de données", kind="data")
    make_commun(portal.communs, "Logiciel", kind="software")

    # ``format`` is an event's field and DRF's renderer switch: each value goes where it belongs.
    assert titles(listing(client, f"{EVENTS}&format=atelier")) == ["Atelier"]
    assert titles(listing(client, f"{EVENTS}&format=json")) == ["Atelier", "Webinaire"]
    assert titles(listing(client, f"{PAGES}?type=numerique_ouvert_communs.CommunPage&kind=data")
                  ) == ["Jeu de données"]


@pytest.mark.django_db
def test_pages_are_found_by_their_address_and_ordered_by_last_publication(client, portal):
    older = make_guide(portal.guides, "Ancien", publish=True)
    newer = make_guide(portal.guides, "Récent", publish=True)

    response = client.get(f"{PAGES}find/?html_path={older.url}")
    assert response.status_code == 302
    assert response["Location"].startswith(f"http://localhost{PAGES}{older.pk}/")
    items = listing(client, f"{GUIDES}&order=-last_published_at&fields=_,id,last_published_at")
    assert [item["id"] for item in items] == [newer.pk, older.pk]


@pytest.mark.django_db
def test_testimonies_filter_by_the_page_they_are_about(client, portal):
    guide = make_guide(portal.guides)
    make_testimony("Sur le guide", page=guide)
    make_testimony("Sur rien")

    assert [item["text"] for item in listing(client, f"{TESTIMONIES}?related_page={guide.pk}")
            ] == ["Sur le guide"]


@pytest.mark.django_db
def test_cached_listing_follows_publications_and_each_page_of_results(client, portal):
    """The total and the ids of each page of results are cached (``CachedListingPagination``):
    a publication or an unpublication shows at once, and offsets give different pages."""
    guide = make_guide(portal.guides, "Premier guide", publish=True)
    assert get_json(client, GUIDES)["meta"]["total_count"] == 1

    make_guide(portal.guides, "Second guide", publish=True)
    data = get_json(client, GUIDES)
    assert data["meta"]["total_count"] == 2
    assert titles(data["items"]) == ["Premier guide", "Second guide"]
    assert titles(listing(client, f"{GUIDES}&limit=1&offset=1")) == ["Second guide"]

    guide.unpublish()
    data = get_json(client, GUIDES)
    assert data["meta"]["total_count"] == 1
    assert titles(data["items"]) == ["Second guide"]
