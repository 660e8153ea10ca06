"""The server side of production: gunicorn.conf.py, the Procfile, the JSON logs and the error
page that must render without the request's context (no database)."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import multiprocessing
import runpy
from pathlib import Path

from django.template.loader import render_to_string

from tests.production.settings import environment, production_settings

PROJECT_DIR = Path(__file__).resolve().parents[2]


def gunicorn_config(**env: str) -> dict:
    with environment(**env):
        return runpy.run_path(str(PROJECT_DIR / "gunicorn.conf.py"))


def test_gunicorn_workers_follow_the_cpu_count_unless_set():
    assert gunicorn_config()["workers"] == multiprocessing.cpu_count() * 2 + 1
    config = gunicorn_config(WEB_CONCURRENCY="3", GUNICORN_TIMEOUT="20", PORT="8410")
    assert (config["workers"], config["timeout"], config["bind"]) == (3, 20, "0.0.0.0:8410")
    assert config["max_requests"] > 0 and 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["wsgi_app"] == "example_site.wsgi:application"


def test_procfile_runs_web_worker_and_release_migrations():
    processes = dict(line.split(": ", 1) for line in
                     (PROJECT_DIR / "Procfile").read_text().splitlines() if line.strip())
    assert processes["web"] == "gunicorn -c gunicorn.conf.py"
    assert "db_worker" in processes["worker"]
    assert processes["release"].startswith("python manage.py migrate --noinput")


def test_tasks_go_to_the_database_worker():
    values = production_settings()
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in values["INSTALLED_APPS"]
    immediate = production_settings(TASKS_IMMEDIATE="true")
    assert immediate["TASKS"]["default"]["BACKEND"].endswith("ImmediateBackend")


def test_logs_are_one_json_object_per_line():
    config = production_settings()["LOGGING"]
    stream = io.StringIO()
    formatter = logging.config.DictConfigurator(config).configure_formatter(
        config["formatters"]["json"])
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger("numerique_ouvert.test_json")
    logger.addHandler(handler)
    try:
        logger.warning("Redis ne répond pas", extra={"alias": "default"})
    finally:
        logger.removeHandler(handler)
    record = json.loads(stream.getvalue())
    assert record["level"] == "WARNING" and record["logger"] == "numerique_ouvert.test_json"
    assert record["message"] == "Redis ne répond pas" and record["alias"] == "default"


def test_the_500_page_renders_without_request_nor_database():
    # Not marked django_db: pytest-django makes any query fail this test.
    html = render_to_string("500.html")
    assert "Erreur inattendue" in html and "dsfr" in html


def test_frontend_cache_backends_are_chosen_from_the_environment():
    assert "WAGTAILFRONTENDCACHE" not in production_settings()
    cloudflare = production_settings(FRONTEND_CACHE_BACKEND="cloudflare",
                                     CLOUDFLARE_BEARER_TOKEN="jeton", CLOUDFLARE_ZONE_ID="zone")
    assert cloudflare["WAGTAILFRONTENDCACHE"]["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": "jeton", "ZONEID": "zone"}
    assert "wagtail.contrib.frontend_cache" in cloudflare["INSTALLED_APPS"]
    varnish = production_settings(FRONTEND_CACHE_BACKEND="http",
                                  FRONTEND_CACHE_LOCATION="http://varnish:6081")
    assert varnish["WAGTAILFRONTENDCACHE"]["default"]["LOCATION"] == "http://varnish:6081"


def test_repeated_redis_errors_are_logged_once_a_minute_without_traceback():
    from example_site.log_filters import Throttle

    throttle = Throttle(seconds=60)

    def record(message: str) -> logging.LogRecord:
        try:
            raise ConnectionError("Connection refused")
        except ConnectionError:
            import sys

            return logging.LogRecord("numerique_ouvert.redis", logging.ERROR, __file__, 1,
                                     message, None, sys.exc_info())

    first = record("Exception ignored")
    assert throttle.filter(first) is True and first.exc_info is None
    assert throttle.filter(record("Exception ignored")) is False
    assert throttle.filter(record("Another message")) is True
