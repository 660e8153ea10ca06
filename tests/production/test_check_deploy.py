"""``manage.py check --deploy`` with the production settings reports nothing, not even a
warning, for a single server and for a multi-server configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production.settings import PLAUSIBLE_ENV

PROJECT_DIR = Path(__file__).resolve().parents[2]


def check_deploy(tmp_path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, **PLAUSIBLE_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
               **env}
    # The browser tests set it in the test process (Playwright's loop in the test thread); a
    # deployment never has it, and check --deploy rightly reports it (async.E001).
    environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR, env=environ, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("env", [
    pytest.param({}, id="single-server"),
    pytest.param({"REDIS_URL": "redis://127.0.0.1:6379/4", "AWS_STORAGE_BUCKET_NAME": "portail-medias",
                  "AWS_S3_ENDPOINT_URL": "https://s3.example.gouv.fr",
                  "FRONTEND_CACHE_BACKEND": "http",
                  "FRONTEND_CACHE_LOCATION": "http://varnish.internal:6081",
                  "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP"}, id="multi-server"),
])
def test_check_deploy_reports_no_issue(tmp_path, env):
    result = check_deploy(tmp_path, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = check_deploy(tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_unknown_frontend_cache_backend_is_named(tmp_path):
    result = check_deploy(tmp_path, FRONTEND_CACHE_BACKEND="akamai")
    assert result.returncode != 0
    assert "FRONTEND_CACHE_BACKEND must be http, cloudflare or cloudfront, not 'akamai'" in result.stderr
