"""Reading the API as a federating portal does: JSON responses, and the SQL of a warm request."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.query_counts import Render

PAGES = "/api/v2/pages/"
STAGES = "/api/v2/stages/"
TESTIMONIES = "/api/v2/testimonies/"


def get_json(client, url: str, status: int = 200, **extra) -> dict:
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def listing(client, url: str, **extra) -> list[dict]:
    return get_json(client, url, **extra)["items"]


def titles(items: list[dict]) -> list[str]:
    return [item["title"] for item in items]


def ids(items: list[dict]) -> set[int]:
    return {item["id"] for item in items}


def warm_json(client, url: str) -> tuple[Render, dict]:
    """The SQL of a second request to ``url`` (the first creates renditions and fills the
    caches), and its JSON."""
    get_json(client, url)
    with CaptureQueriesContext(connection) as context:
        data = get_json(client, url)
    return Render([query["sql"] for query in context.captured_queries], None), data
