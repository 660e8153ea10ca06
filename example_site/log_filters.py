"""Logging filters of the example site."""

from __future__ import annotations

import logging
import time


class Throttle(logging.Filter):
    """Lets one record per message through every ``seconds`` (per process), without its
    traceback: during a Redis outage every cache call fails, and a full traceback for each of
    the dozens of calls of every request would cost more than the request itself."""

    def __init__(self, seconds: float = 60, name: str = ""):
        super().__init__(name)
        self.seconds = seconds
        self._last: dict[str, float] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = f"{record.name}:{record.getMessage()}"
        now = time.monotonic()
        if now - self._last.get(key, float("-inf")) < self.seconds:
            return False
        self._last[key] = now
        record.exc_info, record.exc_text = None, None
        return True
