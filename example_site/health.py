"""Health check of the example site (``/sante/``), for load balancers and monitoring."""

from __future__ import annotations

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except DatabaseError:
        logger.exception("Health check: the database does not answer.")
        return False


def _cache_ok() -> bool:
    # A cache that ignores its errors (django-redis' IGNORE_EXCEPTIONS) answers None: a value
    # written then read back tells whether it works.
    key, value = "numerique_ouvert:health", secrets.token_hex(8)
    try:
        cache.set(key, value, 30)
        return cache.get(key) == value
    except Exception:  # any backend's connection error: the point is to report it
        logger.exception("Health check: the cache does not answer.")
        return False


@never_cache
def health(request):
    """200 when the database answers, 503 when it does not. The cache is reported but does not
    make the check fail: the site serves pages without it (slower), and a load balancer that
    took every server out because Redis is down would turn a slowdown into an outage."""
    database, cache_ok = _database_ok(), _cache_ok()
    status = "ok" if database and cache_ok else ("degraded" if database else "error")
    return JsonResponse({"status": status, "database": "ok" if database else "error",
                         "cache": "ok" if cache_ok else "error"},
                        status=200 if database else 503)
