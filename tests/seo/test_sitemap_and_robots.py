"""sitemap.xml lists what search engines may index on the requested site; robots.txt points
them to it and away from the admin and the search results."""

from __future__ import annotations

import pytest
from django.utils.timezone import localdate
from wagtail.models import PageViewRestriction

from tests.factories import (
    build_portal,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    set_features,
)
from tests.seo.readers import all_sitemap_urls, published, sitemap_files, sitemap_urls


@pytest.mark.django_db
def test_sitemap_lists_the_public_pages_of_the_site_with_their_last_modification(
        client, portal):
    guide = published(make_guide(portal.guides), days_ago=2)
    event = published(make_event(portal.events), days_ago=1)
    content = published(make_content_page(portal.home), days_ago=3)

    urls = all_sitemap_urls(client)

    pages = [portal.home, portal.parcours, portal.guides, portal.events, portal.communs,
             portal.testimonies, guide, event, content]
    assert set(urls) == {page.get_full_url() for page in pages}
    for page in (guide, event):
        assert urls[page.get_full_url()] == localdate(page.last_published_at).isoformat()


@pytest.mark.django_db
def test_sitemap_leaves_out_noindex_unlisted_private_draft_and_switched_off_pages(
        client, portal):
    kept = make_guide(portal.guides, "Guide indexé")
    hidden = [
        make_guide(portal.guides, "Guide à ne pas indexer", noindex=True),
        make_event(portal.events, "Événement non listé", listed=False),
        make_content_page(portal.home, "Page non indexée", noindex=True),
        make_guide(portal.guides, "Brouillon", live=False),
        make_guide(portal.guides, "Guide privé"),
        make_commun(portal.communs, "Commun d'une fonctionnalité éteinte"),
    ]
    PageViewRestriction.objects.create(page=hidden[4], restriction_type="password",
                                       password="secret")
    set_features(portal.site, communs=False)

    urls = all_sitemap_urls(client)

    assert kept.get_full_url() in urls
    for page in [*hidden, portal.communs]:
        assert page.get_full_url() not in urls, page.title


@pytest.mark.django_db
def test_each_site_has_its_own_sitemap(client, portal):
    ours = make_guide(portal.guides)
    other = build_portal(hostname="autre.example.org")
    theirs = make_guide(other.guides)

    our_urls = all_sitemap_urls(client)
    their_urls = all_sitemap_urls(client, host="autre.example.org")

    assert ours.get_full_url() in our_urls and theirs.get_full_url() not in our_urls
    assert theirs.get_full_url() in their_urls and ours.get_full_url() not in their_urls
    assert all(url.startswith("http://autre.example.org/") for url in their_urls)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_away_from_admin_and_search(client, portal):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "max-age=" in response["Cache-Control"]
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/recherche/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the portal itself stays open


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_of_the_requested_host(client, portal):
    build_portal(hostname="autre.example.org")

    response = client.get("/robots.txt", HTTP_HOST="autre.example.org")

    assert "Sitemap: http://autre.example.org/sitemap.xml" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_index_lists_one_file_per_enabled_section_split_at_the_limit(
        client, portal, settings):
    settings.NUMERIQUE_OUVERT = {"SITEMAP_LIMIT": 2}
    guides = [make_guide(portal.guides, f"Guide {n}") for n in range(3)]
    set_features(portal.site, communs=False)

    files = sitemap_files(client.get("/sitemap.xml"))

    assert set(files) == {
        "http://testserver/sitemap-pages.xml",  # home, parcours
        "http://testserver/sitemap-guides.xml",  # the index and 3 guides: 2 files
        "http://testserver/sitemap-guides.xml?p=2",
        "http://testserver/sitemap-events.xml",
        "http://testserver/sitemap-testimonies.xml",
    }
    first = sitemap_urls(client.get("/sitemap-guides.xml"))
    second = sitemap_urls(client.get("/sitemap-guides.xml?p=2"))
    assert len(first) == len(second) == 2
    assert set(first) | set(second) == {page.get_full_url() for page in [portal.guides, *guides]}
    for missing in ("/sitemap-guides.xml?p=3", "/sitemap-guides.xml?p=0",
                    "/sitemap-guides.xml?p=deux", "/sitemap-communs.xml", "/sitemap-autre.xml"):
        assert client.get(missing).status_code == 404, missing


@pytest.mark.django_db
def test_sitemap_urls_are_those_wagtail_gives_to_accented_slugs(client, portal):
    accented = published(make_guide(portal.guides, "Guide d'été", slug="guide-d-été"), days_ago=1)

    urls = sitemap_urls(client.get("/sitemap-guides.xml"))

    assert "%C3%A9" in accented.get_full_url()  # percent-encoded, as reverse() does
    assert urls[accented.get_full_url()] == localdate(accented.last_published_at).isoformat()
