"""The per-IP rate limit of the public forms counts in Django's cache: with Redis as the cache,
a limit reached through one process holds in another (several workers behind one site)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.test import override_settings

from numerique_ouvert.testimonies.models import Testimony
from tests.testimonies.participation import form_url, visitor_testimony

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")


def redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means: no Redis to test against
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_available(), reason=f"no Redis at {REDIS_URL}")

# Run in another Python process: is this address limited, according to the shared cache?
PROBE = """
import json, os, sys
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
django.setup()
from django.test import RequestFactory, override_settings
from numerique_ouvert.core.participation import rate_limited
caches = json.loads(sys.argv[1])
with override_settings(CACHES=caches):
    result = {}
    for address in ("127.0.0.1", "203.0.113.9"):
        request = RequestFactory().post("/", REMOTE_ADDR=address)
        result[address] = rate_limited(request, "testimony", "3/h") is not None
print(json.dumps(result))
"""


@pytest.mark.django_db
def test_limit_reached_in_one_process_holds_in_another(client, portal):
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    with override_settings(CACHES=caches, NUMERIQUE_OUVERT={"TESTIMONY_RATE": "3/h"}):
        statuses = [client.post(form_url(portal), visitor_testimony()).status_code
                    for _ in range(4)]
        assert statuses == [303, 303, 303, 429]
        assert Testimony.objects.count() == 3

        probe = subprocess.run([sys.executable, "-c", PROBE, json.dumps(caches)],
                               capture_output=True, text=True, timeout=120, check=True,
                               cwd=os.getcwd())
        seen = json.loads(probe.stdout.strip().splitlines()[-1])

    # The other process sees the limit of this address, and not of another one.
    assert seen == {"127.0.0.1": True, "203.0.113.9": False}
