"""A Redis outage with the production caches (django-redis, errors ignored): pages are still
served, the health check says "degraded", the public forms answer without a server error."""

from __future__ import annotations

import logging

import pytest
from django.core.cache import caches
from django.test import override_settings

from numerique_ouvert.testimonies.models import Testimony
from tests.factories import make_guide
from tests.production.settings import production_settings, unused_port
from tests.testimonies.participation import form_url, visitor_testimony


@pytest.fixture
def redis_down():
    """The production settings with REDIS_URL on a local port where nothing listens."""
    values = production_settings(REDIS_URL=f"redis://127.0.0.1:{unused_port()}/4")
    assert values["CACHES"]["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    middleware = [name for name in values["MIDDLEWARE"] if "whitenoise" not in name]
    with override_settings(CACHES=values["CACHES"], MIDDLEWARE=middleware,
                           SESSION_ENGINE=values["SESSION_ENGINE"],
                           DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True,
                           DJANGO_REDIS_LOGGER=values["DJANGO_REDIS_LOGGER"]):
        yield
        for alias in ("default", "renditions"):
            caches[alias].close()


def test_pages_are_served_and_errors_logged_when_redis_is_down(client, portal, redis_down,
                                                               caplog):
    guide = make_guide(portal.guides, "Guide pendant la panne")
    with caplog.at_level(logging.WARNING, logger="numerique_ouvert.redis"):
        for url in (portal.home.url, portal.guides.url, guide.url, portal.parcours.url):
            response = client.get(url)
            assert response.status_code == 200, url
    assert "Guide pendant la panne" in client.get(portal.guides.url).content.decode()
    assert any(record.name == "numerique_ouvert.redis" for record in caplog.records)


def test_health_check_reports_the_cache_but_stays_up(client, db, redis_down):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}


def test_health_check_is_ok_with_a_working_cache(client, db):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_public_form_refuses_without_error_when_the_rate_limit_cannot_count(client, portal,
                                                                            redis_down):
    # django-ratelimit cannot count: the submission is refused (429, with its message) and
    # nothing is stored, rather than a server error.
    response = client.post(form_url(portal), visitor_testimony())
    assert response.status_code == 429
    assert Testimony.objects.count() == 0


def test_public_form_accepts_when_the_site_chose_to_fail_open(client, portal, redis_down):
    with override_settings(RATELIMIT_FAIL_OPEN=True):
        response = client.post(form_url(portal), visitor_testimony())
    assert response.status_code == 303
    assert Testimony.objects.count() == 1
