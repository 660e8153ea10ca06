"""The full-page cache (core.page_cache) with the production middleware: anonymous visitors get
cached pages, editors, forms, previews and messages never do, and changes invalidate it."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from numerique_ouvert.core.models import PortalSettings
from numerique_ouvert.parcours.models import ParcoursStage
from tests.factories import (
    make_commun,
    make_event,
    make_guide,
    make_map_page,
    make_testimony,
)
from tests.production.settings import production_settings

HEADER = "X-Page-Cache"


@pytest.fixture
def page_cache():
    values = production_settings()
    assert "numerique_ouvert.core.page_cache.PageCacheMiddleware" in values["MIDDLEWARE"]
    middleware = [name for name in values["MIDDLEWARE"] if "whitenoise" not in name]
    with override_settings(MIDDLEWARE=middleware, NUMERIQUE_OUVERT=values["NUMERIQUE_OUVERT"]):
        yield


@pytest.fixture
def listing(portal):
    make_guide(portal.guides, "Guide en cache")
    return portal.guides.url


def test_anonymous_visitors_get_the_cached_page(client, listing, page_cache):
    first = client.get(listing)
    second = client.get(listing)
    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in second["Vary"]
    # The headers stored with the page are sent again (CSP, content type).
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Type"].startswith("text/html")


def test_editors_are_never_served_a_cached_page(client, admin_client, listing, page_cache):
    assert client.get(listing)[HEADER] == "miss"
    assert client.get(listing)[HEADER] == "hit"
    response = admin_client.get(listing)
    assert HEADER not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Wagtail's user bar, rendered for editors only, proves the page was rendered for them.
    assert b"wagtail-userbar" in response.content
    assert b"wagtail-userbar" not in client.get(listing).content


def test_a_session_cookie_bypasses_the_cache(client, listing, page_cache, settings):
    client.get(listing)
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert HEADER not in client.get(listing)


def test_pending_messages_bypass_the_cache(client, listing, page_cache):
    client.get(listing)
    client.cookies["messages"] = "pending"
    assert HEADER not in client.get(listing)


def test_pages_with_a_form_are_never_cached(client, portal, page_cache):
    # The testimony form's own page: a CSRF token and a one-time submission key.
    url = portal.testimonies.url + "temoigner/"
    first, second = client.get(url), client.get(url)
    assert b"csrfmiddlewaretoken" in first.content
    assert HEADER not in first and HEADER not in second
    assert first["Cache-Control"] == "private, no-cache"
    keys = [re.search(rb'name="jeton" value="([^"]+)"', response.content)
            for response in (first, second)]
    assert keys[0] and keys[1] and keys[0].group(1) != keys[1].group(1)


@pytest.mark.parametrize("kind", ["guide", "commun", "past_event", "running_event"])
def test_detail_pages_are_served_from_the_cache_without_a_query(
        client, portal, page_cache, django_assert_num_queries, kind):
    # They link to the testimony form (and, while an event runs, to the map's form) instead of
    # embedding it: nothing in them is per visitor.
    make_map_page(portal)
    page = {
        "guide": lambda: make_guide(portal.guides, "Guide en cache"),
        "commun": lambda: make_commun(portal.communs, "Commun en cache"),
        "past_event": lambda: make_event(portal.events, "Passé", days_from_now=-3),
        "running_event": lambda: make_event(portal.events, "En cours", days_from_now=-0.1),
    }[kind]()
    first = client.get(page.url)
    assert first[HEADER] == "miss"
    assert "temoigner/?sujet=" in first.content.decode()
    with django_assert_num_queries(0):
        second = client.get(page.url)
    assert second[HEADER] == "hit" and second.content == first.content


def test_posts_and_admin_pages_are_not_cached(admin_client, client, portal, page_cache):
    assert HEADER not in admin_client.get("/admin/")
    assert HEADER not in client.post(portal.home.url, {})
    assert client.get("/admin/login/")["Cache-Control"].startswith("max-age=0")


def test_publishing_a_page_invalidates_the_cache(client, portal, listing, page_cache):
    client.get(listing)
    make_guide(portal.guides, "Guide tout juste publié")
    response = client.get(listing)
    assert response[HEADER] == "miss"
    assert "Guide tout juste publié" in response.content.decode()


def test_site_settings_stage_and_testimony_changes_invalidate_the_cache(client, portal, listing,
                                                                          page_cache):
    def cached_then(change) -> str:
        client.get(listing)
        assert client.get(listing)[HEADER] == "hit"
        change()
        return client.get(listing)[HEADER]

    def rename_site():
        portal_settings = PortalSettings.for_site(portal.site)
        portal_settings.site_title = "Portail renommé"
        portal_settings.save()

    def rename_stage():
        stage = ParcoursStage.objects.get(slug="utiliser")
        stage.name = "Utiliser au quotidien"
        stage.save()

    assert cached_then(rename_site) == "miss"
    assert "Portail renommé" in client.get(listing).content.decode()
    assert cached_then(rename_stage) == "miss"
    assert cached_then(lambda: make_testimony(page=portal.guides)) == "miss"


def test_without_the_middleware_nothing_is_cached(client, listing):
    client.get(listing)
    assert HEADER not in client.get(listing)


def test_the_api_is_cached_per_accept_header(client, portal, page_cache):
    url = "/api/v2/testimonies/"
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"
    html = client.get(url, HTTP_ACCEPT="text/html")
    # Never the JSON's copy (and the browsable API's page holds a CSRF token: not cached).
    assert html.get(HEADER) != "hit"
    assert html["Content-Type"].startswith("text/html")
    json_again = client.get(url)
    assert json_again[HEADER] == "hit" and json_again["Content-Type"] == "application/json"


def test_each_language_has_its_own_copy(client, listing, page_cache):
    # LocaleMiddleware answers "Vary: Accept-Language": the language Django picks for the
    # request is part of the key, so a visitor never gets another language's copy.
    assert client.get(listing, HTTP_ACCEPT_LANGUAGE="fr")[HEADER] == "miss"
    assert client.get(listing, HTTP_ACCEPT_LANGUAGE="fr")[HEADER] == "hit"
    assert client.get(listing, HTTP_ACCEPT_LANGUAGE="en")[HEADER] == "miss"
    assert client.get(listing, HTTP_ACCEPT_LANGUAGE="en")[HEADER] == "hit"
