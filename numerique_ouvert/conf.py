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
    # --- Participation (testimonies, positions on the parcours map); see docs/participation.md.
    # Seconds a person needs at least to fill a form in: faster submissions are refused as robots.
    "FORM_MIN_SECONDS": 3,
    # Hours a displayed form stays valid (its signed timestamp expires after that).
    "FORM_MAX_AGE_HOURS": 24,
    # Per-IP rate limits (django-ratelimit syntax: "count/period", period s, m, h or d). A room
    # of participants often shares one IP address: the positions limit stays generous.
    "TESTIMONY_RATE": "5/h",
    "POSITION_RATE": "60/m",
    # Retention (days): rejected testimonies are deleted, and contact addresses erased, this
    # long after moderation (``manage.py apply_retention``, to run daily).
    "REJECTED_TESTIMONY_RETENTION_DAYS": 30,
    "CONTACT_EMAIL_RETENTION_DAYS": 90,
    # Name of the group whose members moderate testimonies and receive the digest e-mails.
    "MODERATORS_GROUP": "Modérateurs",
    # Minutes between two digests to the moderators: submissions in between wait for the next.
    "MODERATION_DIGEST_MINUTES": 15,
    # --- Fetching files over the network (imports from a URL, federation); see
    # ``numerique_ouvert.core.http``. Seconds to connect and between two received bytes, and
    # for the whole download.
    "FETCH_TIMEOUT": 10,
    "FETCH_TOTAL_TIMEOUT": 60,
    # Largest body accepted (bytes, after decompression).
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,
    # Redirects followed, each one checked like the first address.
    "FETCH_MAX_REDIRECTS": 5,
    # Networks (CIDR) allowed although not public: loopback, private and link-local addresses are
    # refused unless listed here (e.g. ["10.1.2.0/24"] for another instance on an internal network).
    "FETCH_ALLOWED_NETWORKS": [],
    # --- Imports (publiccode.yml, SILL/Catalogi, Markdown); see docs/interop.md. Largest file
    # accepted (bytes, a file or a download), and most items (pages) one file may hold.
    "INTEROP_MAX_FILE_BYTES": 2 * 1024 * 1024,
    "INTEROP_MAX_ITEMS": 5000,
    # --- Site search (numerique_ouvert.core.search); see docs/discovery.md. Index matches read
    # at most per search: beyond it (a common word on a portal of 100 000 pages), results and
    # counts come from the first this many matches found, and the page says so.
    "SEARCH_MAX_MATCHES": 1000,
    # --- Full-page cache of anonymous visitors' pages (core.page_cache.PageCacheMiddleware).
    # Seconds a cached page is kept at most (publications invalidate it at once).
    "PAGE_CACHE_TIMEOUT": 300,
    # max-age of the Cache-Control header of those pages (browsers, proxies, CDN).
    "PAGE_CACHE_MAX_AGE": 60,
    # The Django cache that holds them.
    "PAGE_CACHE_ALIAS": "default",
    # Path prefixes never cached (the admin, documents that may be private).
    "PAGE_CACHE_EXCLUDE_PATHS": ["/admin/", "/django-admin/", "/documents/"],
    # --- Federation (numerique_ouvert.federation); see docs/federation.md. Items read per page
    # of a source's API listing: at most the source's WAGTAILAPI_LIMIT_MAX (20 by default).
    "FEDERATION_PAGE_SIZE": 20,
}


def get_setting(name: str) -> Any:
    """Return ``NUMERIQUE_OUVERT[name]`` from the project settings, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown numerique-ouvert setting: {name}")
    user = getattr(settings, "NUMERIQUE_OUVERT", {}) or {}
    return user.get(name, DEFAULTS[name])
