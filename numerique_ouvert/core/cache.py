"""Small caches of data every public page needs (menu, private sections), invalidated by signals.

Each cache is keyed on a version number stored in the Django cache; a signal handler bumps
the version when the underlying data changes, so stale entries are simply never read again.
With a dummy cache backend everything is recomputed on each request, which stays correct.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

PREFIX = "numerique_ouvert"
TIMEOUT = 60 * 60 * 24
# The full-page cache (core.page_cache): whatever invalidates a data cache invalidates it too.
PAGES = "pages"


def version_key(name: str) -> str:
    return f"{PREFIX}:{name}:version"


def get_version(name: str) -> int:
    version = cache.get(version_key(name))
    if version is None:
        version = 1
        cache.add(version_key(name), version, None)
    return version


def _increment(name: str) -> None:
    try:
        cache.incr(version_key(name))
    except ValueError:  # the key expired or was never set
        cache.set(version_key(name), 2, None)


def bump(name: str) -> None:
    """Invalidate every entry of the ``name`` cache, and the cached pages that showed them."""
    _increment(name)
    if name != PAGES:
        _increment(PAGES)


def cached(name: str, key: str, compute: Callable[[], Any], timeout: int = TIMEOUT) -> Any:
    """Return ``compute()``, cached under ``key`` until ``bump(name)`` or ``timeout`` seconds.

    ``bump`` reaches every process only if the cache is shared (Redis…); with a per-process
    cache the timeout bounds how long another process may serve stale data.
    """
    full_key = f"{PREFIX}:{name}:{get_version(name)}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


def pages_version(request) -> int:
    """The page cache's version, read once per request (fragments share it)."""
    version = getattr(request, "_numerique_ouvert_pages_version", None) if request else None
    if version is None:
        version = get_version(PAGES)
        if request is not None:
            remember_pages_version(request, version)
    return version


def remember_pages_version(request, version: int) -> None:
    """What :func:`pages_version` returns for the rest of ``request``: the version the page
    cache already read, so the fragments and settings of the render are keyed on it too."""
    request._numerique_ouvert_pages_version = version
