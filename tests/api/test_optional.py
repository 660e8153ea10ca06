"""The API is optional: without ``wagtail.api.v2`` in INSTALLED_APPS the site passes its checks
and serves its other URLs, and ``api/v2/`` is not one of them. INSTALLED_APPS cannot change
within the test process: the site is loaded in a subprocess (no database needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]

PROBE = """
import json
import django
django.setup()
from django.core.management import call_command
from django.urls import Resolver404, resolve

def resolves(path):
    try:
        return resolve(path).url_name
    except Resolver404:
        return None

call_command("check")
print(json.dumps({"search": resolves("/recherche/"), "api": resolves("/api/v2/pages/")}))
"""


def test_site_without_the_api_app_works_and_has_no_api_urls():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.api.settings_without_api"}
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT_DIR, env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["search"] == "numerique_ouvert_search"
    # Wagtail's catch-all takes the path (as a page, which does not exist).
    assert facts["api"] == "wagtail_serve"
