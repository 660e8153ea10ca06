"""Cached fragments of public pages ({% portal_fragment %}): header, footer, related content and
JSON-LD are rendered once, then shown again until anything on the site changes."""

from __future__ import annotations

import os
import uuid

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from numerique_ouvert.core.models import PortalSettings
from numerique_ouvert.parcours.models import ParcoursStage
from tests.factories import make_guide
from tests.html import soup

pytestmark = pytest.mark.django_db


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_fragments_are_rendered_once_then_read_from_the_cache(client, portal):
    stage = ParcoursStage.objects.get(slug="utiliser")
    guide = make_guide(portal.guides, "Guide aux fragments", stages=[stage])
    make_guide(portal.guides, "Guide voisin", stages=[stage])
    client.get(guide.url)
    warm = queries_of(client, guide.url)

    # The same request again after emptying the fragments (a publication elsewhere bumps the
    # version): the footer's pages, the related content and the JSON-LD are computed again.
    from numerique_ouvert.core.cache import PAGES, bump

    bump(PAGES)
    assert queries_of(client, guide.url) > warm


def test_a_site_setting_change_reaches_the_cached_header_and_footer(client, portal):
    guide = make_guide(portal.guides)
    client.get(guide.url)
    settings = PortalSettings.for_site(portal.site)
    settings.site_title = "Portail renommé"
    settings.save()

    html = soup(client.get(guide.url))

    assert "Portail renommé" in html.find("header").get_text()
    assert "Portail renommé" in html.find("footer").find("a")["title"]


def test_the_header_marks_the_section_of_each_page(client, portal):
    guide = make_guide(portal.guides)
    client.get(portal.events.url)  # the header cached for another section first

    current = soup(client.get(guide.url)).select("nav.fr-nav a[aria-current=page]")

    assert [link["href"] for link in current] == [portal.guides.url]


def test_a_preview_is_never_stored(rf, portal):
    from django.core.cache import cache
    from django.template import Context, Template

    template = Template('{% load numerique_ouvert_fragments %}'
                        '{% portal_fragment "essai" %}{{ title }}{% endportal_fragment %}')
    request = rf.get("/")
    request.is_preview = True

    draft = template.render(Context({"request": request, "title": "Brouillon"}))
    del request.is_preview
    published = template.render(Context({"request": request, "title": "Publié"}))
    again = template.render(Context({"request": request, "title": "Autre"}))

    assert (draft, published, again) == ("Brouillon", "Publié", "Publié")
    cache.clear()


# --- View restrictions read from the cached restricted paths ----------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")


def redis_cache():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means: no Redis to test against
        pytest.skip(f"no Redis at {REDIS_URL}")
    return override_settings(CACHES={"default": {
        "BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}})


def test_with_a_shared_cache_public_pages_skip_the_restriction_queries(client, portal):
    public_guide = make_guide(portal.guides, "Guide public")
    private_guide = make_guide(portal.guides, "Guide privé")
    with redis_cache():
        client.get(public_guide.url)
        assert "wagtailcore_pageviewrestriction" not in " ".join(
            query["sql"] for query in capture(client, public_guide.url))
        # A restriction added now holds at once (the cached paths are invalidated).
        PageViewRestriction.objects.create(page=private_guide, restriction_type="login")
        assert client.get(private_guide.url).status_code == 302
        assert client.get(public_guide.url).status_code == 200


def capture(client, url) -> list[dict]:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return context.captured_queries


# --- The content of detail pages --------------------------------------------------------------


def test_a_detail_page_content_is_rendered_once_and_a_publication_shows_at_once(client, portal):
    stage = ParcoursStage.objects.get(slug="utiliser")
    guide = make_guide(portal.guides, "Guide en cache", stages=[stage], tags=["licences"])
    client.get(guide.url)

    warm = " ".join(query["sql"] for query in capture(client, guide.url))
    # The stages, keywords and testimonies shown in the content are not read again.
    assert "taggit_tag" not in warm
    assert "numerique_ouvert_parcours_parcoursstage" not in warm

    guide.tagline = "Un chapeau réécrit par l'équipe éditoriale"
    guide.save_revision().publish()

    assert "Un chapeau réécrit par l'équipe éditoriale" in client.get(guide.url).content.decode()


def test_settings_and_images_of_a_cached_page_content_are_not_read_again(client, portal):
    from tests.factories import make_image

    guide = make_guide(portal.guides, "Guide illustré", image=make_image("Illustration"))
    first = soup(client.get(guide.url))
    assert first.select_one("main img")  # the hero image, from the content fragment

    warm = " ".join(query["sql"] for query in capture(client, guide.url))
    assert "numerique_ouvert_core_portalsettings" not in warm
    assert "wagtailimages_" not in warm

    # A change of the settings reaches the next render: their cache follows the page cache's
    # version, which saving them increments.
    settings = PortalSettings.for_site(portal.site)
    settings.site_tagline = "Une baseline toute neuve"
    settings.save()
    assert "Une baseline toute neuve" in client.get(guide.url).content.decode()


def test_a_block_that_renders_a_form_is_shown_but_never_stored(rf, portal):
    from django.core.cache import cache
    from django.template import RequestContext, Template

    template = Template('{% load numerique_ouvert_fragments %}{% portal_fragment "formulaire" %}'
                        '{{ title }}{% csrf_token %}{% endportal_fragment %}')

    def render(title):
        request = rf.get("/")
        return template.render(RequestContext(request, {"request": request, "title": title}))

    first, second = render("Premier visiteur"), render("Second visiteur")

    assert first.startswith("Premier visiteur<input")
    assert second.startswith("Second visiteur<input")
    cache.clear()
