"""Package settings: one typed access path to the ``NUMERIQUE_OUVERT`` dict of the project settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Default state of each feature for a site whose administrators have not chosen yet.
    # Keys are feature keys (see ``numerique_ouvert.core.features``); unknown keys are ignored.
    "FEATURES": {},
    # Page size of the index pages (guides, events, commons, testimonies).
    "PAGE_SIZE": 12,
    # Number of items in each section of the portal home page.
    "HOME_SECTION_SIZE": 3,
    # URLs per sitemap file (see docs/syndication.md); the protocol allows 50 000.
    "SITEMAP_LIMIT": 1000,
}


def get_setting(name: str) -> Any:
    """Return ``NUMERIQUE_OUVERT[name]`` from the project settings, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown numerique-ouvert setting: {name}")
    user = getattr(settings, "NUMERIQUE_OUVERT", {}) or {}
    return user.get(name, DEFAULTS[name])
