"""Fixtures shared by the whole suite: a portal tree on the default site, an isolated media
folder and cache, and a logged-in superuser (pytest-django's ``admin_client``)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.factories import Portal, build_portal


@pytest.fixture(autouse=True, scope="session")
def media_root(tmp_path_factory):
    """Images and renditions are written to a temporary folder, never to the project's media/."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """The menu, private-section and rendition caches live in the local-memory cache, which
    outlives the rolled-back transaction of each test: start every test with it empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal(db) -> Portal:
    """Home page (root of the default site) with the four feature index pages."""
    return build_portal()
