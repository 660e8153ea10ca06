"""What the tests of every public form share: a form token as a page gave it, and a burst of
posts at once, each on its own database connection."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections
from django.test import Client

from numerique_ouvert.core.participation import new_form_token


def form_token(seconds_ago: float = 30) -> str:
    """A form token as the page gave it ``seconds_ago`` (beyond the minimum fill time)."""
    return new_form_token(started=time.time() - seconds_ago)


def post_at_once(url: str, batch: list[dict], workers: int) -> list[int]:
    """POST every form data of ``batch`` to ``url`` from ``workers`` threads, each request with
    its own client and database connection; the status codes, in order."""
    def post(data):
        try:
            return Client().post(url, data).status_code
        finally:
            close_old_connections()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(post, batch))
