"""MkDocs hook: a screenshot of the admin that is missing is reported once, not as a broken link.

The editors' guide shows screenshots of the Wagtail admin under ``docs/img/admin/``; the browser
tests take them (a checkout that has not run those tests, or not since a screen changed, may
lack some). Any other broken link or image still fails ``mkdocs build --strict``.
"""

from __future__ import annotations

import logging
import re

SCREENSHOT = re.compile(r"contains a link '((?:\.\./)*img/admin/[\w-]+\.png)', but the target")
log = logging.getLogger("mkdocs.hooks.screenshots")
missing: set[str] = set()


class _MissingScreenshots(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        match = SCREENSHOT.search(record.getMessage())
        if match is None:
            return True
        missing.add(match.group(1).lstrip("./"))
        return False


def on_startup(command, dirty) -> None:
    logging.getLogger("mkdocs.structure.pages").addFilter(_MissingScreenshots())


def on_post_build(config) -> None:
    if missing:
        log.info("Captures d'écran absentes (produites par les tests dans le navigateur) : %s",
                 ", ".join(sorted(missing)))
    missing.clear()
