"""Listings, the home sections and the parcours pages cache their counts and the ids of what
they show (``queries.cached_listing``): what an editor or a moderator changes must show at once,
and a warm listing reads its items by primary key."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from numerique_ouvert.testimonies.models import ModerationStatus
from tests.factories import get_stages, make_guide, make_testimony
from tests.html import soup


def titles(response, selector: str = ".fr-card__title") -> list[str]:
    return [node.get_text(strip=True) for node in soup(response).select(selector)]


def stage_option(response) -> str:
    return next(o.get_text(strip=True) for o in soup(response).select("select[name=etape] option")
                if o["value"] == "ouvrir")


@pytest.mark.django_db
def test_a_published_page_appears_at_once_in_listing_counts_home_and_parcours(client, portal):
    (ouvrir,) = get_stages("ouvrir")
    make_guide(portal.guides, "Publier son code", stages=[ouvrir], publish=True)
    # Fill every cache: listing (counts and page ids), home section, hub and stage page.
    listing = client.get(portal.guides.url)
    assert titles(listing) == ["Publier son code"]
    assert stage_option(listing) == "Ouvrir (1)"
    client.get(portal.home.url)
    client.get(portal.parcours.url)
    client.get(portal.parcours.url + "ouvrir/")

    guide = make_guide(portal.guides, "Choisir une licence", stages=[ouvrir], publish=True)

    listing = client.get(portal.guides.url)
    assert titles(listing) == ["Choisir une licence", "Publier son code"]
    assert stage_option(listing) == "Ouvrir (2)"
    assert "Choisir une licence" in titles(client.get(portal.home.url))
    assert "Choisir une licence" in titles(client.get(portal.parcours.url + "ouvrir/"))
    overview = soup(client.get(portal.parcours.url)).select(".portal-parcours-overview > li")[4]
    assert "2 guides" in overview.get_text(" ", strip=True)

    guide.unpublish()

    listing = client.get(portal.guides.url)
    assert titles(listing) == ["Publier son code"]
    assert stage_option(listing) == "Ouvrir (1)"
    assert "Choisir une licence" not in titles(client.get(portal.home.url))
    assert "Choisir une licence" not in titles(client.get(portal.parcours.url + "ouvrir/"))


@pytest.mark.django_db
def test_an_approved_testimony_appears_at_once_in_the_testimony_listing(client, portal):
    make_testimony("Premier récit")
    assert "Premier récit" in client.get(portal.testimonies.url).content.decode()

    pending = make_testimony("Second récit", status=ModerationStatus.SUBMITTED)
    assert "Second récit" not in client.get(portal.testimonies.url).content.decode()

    pending.status = ModerationStatus.APPROVED
    pending.save()
    assert "Second récit" in client.get(portal.testimonies.url).content.decode()


@pytest.mark.django_db
def test_a_warm_listing_neither_counts_nor_sorts_again(client, portal):
    (ouvrir,) = get_stages("ouvrir")
    for i in range(15):
        make_guide(portal.guides, f"Guide {i:02d}", stages=[ouvrir], tags=["forge"])
    url = portal.guides.url + "?etape=ouvrir&tag=forge&page=2"
    client.get(url)

    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)

    assert titles(response) == ["Guide 12", "Guide 13", "Guide 14"]
    sql = [query["sql"] for query in warm.captured_queries]
    assert not [q for q in sql if "COUNT(" in q.upper()], "counts come from the cache"
    assert not [q for q in sql if "LIMIT" in q.upper() and "guidepage" in q], \
        "the page of guides is read by primary key, not sorted and sliced again"
