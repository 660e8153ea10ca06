"""Fixtures of the federation tests: instance A served by runserver (built in the background
as soon as collection ends, so that its build overlaps the other tests), instance B being the
test database; loopback allowed for the safe fetcher, small pages of results."""

from __future__ import annotations

import os

import pytest
from django.test import override_settings

from numerique_ouvert.conf import DEFAULTS

from .instance import PORT, BackgroundBuild, Instance, port_is_free

_build: BackgroundBuild | None = None

# Three items a page: the demo content then spans several pages of results.
FEDERATION_SETTINGS = {**DEFAULTS, "FEATURES": {}, "FETCH_ALLOWED_NETWORKS": ["127.0.0.0/8"],
                       "FEDERATION_PAGE_SIZE": 3}


def pytest_collection_finish(session):
    global _build
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # under xdist the fixture builds it where a test needs it
    if any(item.get_closest_marker("federation") for item in session.items):
        _build = BackgroundBuild()


@pytest.fixture(scope="session")
def instance_a():
    global _build
    if not port_is_free(PORT):
        pytest.fail(f"port {PORT} is taken: instance A cannot be served")
    if _build is None:
        _build = BackgroundBuild()
    instance = Instance(_build.wait())
    yield instance
    instance.stop()


@pytest.fixture(autouse=True)
def federation_settings():
    with override_settings(NUMERIQUE_OUVERT=FEDERATION_SETTINGS):
        yield
