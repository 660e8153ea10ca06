"""Full-page cache of the public pages for anonymous visitors, and their Cache-Control header.

Add :class:`PageCacheMiddleware` near the top of ``MIDDLEWARE`` (after ``SecurityMiddleware``
and WhiteNoise, before the session middleware): a hit is then answered without opening the
session, loading the user or touching the database.

What is cached: the ``GET`` and ``HEAD`` responses with status 200 of a request that carries no
session or messages cookie and no ``Authorization`` header, outside the admin and the documents,
that set no cookie, were not marked private or uncacheable by the view, and rendered no CSRF
token. The last rule matters: a page with a form (the testimony form, the parcours map's form)
holds a CSRF token and a one-time submission key; served from a cache to many visitors, their
submissions would share one key and all but the first would be taken for duplicates. Such pages
are rendered for each visitor and sent ``Cache-Control: private, no-cache``. That is why event,
commun and guide pages only link to those forms: they are cached like the other pages.

Invalidation: every entry is keyed on a version number that :func:`numerique_ouvert.core.cache.bump`
increments whenever one of the package's data caches is invalidated (a page published,
unpublished, moved or deleted, a stage, a testimony, a restriction, a site changed), and that
:mod:`numerique_ouvert.core.signals` also increments when a site setting, a redirect, an image,
a document or any model of the package is saved or deleted. Entries also expire after
``PAGE_CACHE_TIMEOUT`` seconds, so that what depends on the clock (upcoming events) never lags
behind by more. With a per-process cache (no Redis), another process keeps its copy until then.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request

from numerique_ouvert.conf import get_setting

from .cache import PAGES, PREFIX, get_version, remember_pages_version, version_key

HEADER = "X-Page-Cache"
# Vary values the cache honours: the cookies that matter bypass it, the Accept header is part
# of the key (the API's browsable HTML and its JSON share an address), so is the language
# Django picks for the request (LocaleMiddleware adds "Vary: Accept-Language"), and no
# compression is done by the application.
_HARMLESS_VARY = {"cookie", "accept-encoding", "accept", "accept-language"}


def _cache():
    return caches[get_setting("PAGE_CACHE_ALIAS")]


def request_is_cacheable(request: HttpRequest) -> bool:
    """Whether ``request`` may be answered from, or stored in, the page cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if any(request.path.startswith(prefix) for prefix in get_setting("PAGE_CACHE_EXCLUDE_PATHS")):
        return False
    # A session (a logged-in editor, a visitor who posted a form or entered a page password)
    # or pending messages: this visitor's page may differ from everyone else's.
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def csrf_token_rendered(request: HttpRequest) -> bool:
    """Whether get_token() was called for ``request``: what was rendered holds a CSRF token (a
    form), which belongs to this visitor."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"))


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the response to a cacheable request may be served to other visitors."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if csrf_token_rendered(request):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if getattr(request, "is_preview", False):
        return False
    cache_control = {part.split("=")[0].strip().lower()
                     for part in cc_delim_re.split(response.get("Cache-Control", "")) if part}
    if cache_control & {"private", "no-cache", "no-store"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}
    return not (vary - _HARMLESS_VARY)


def cache_key(request: HttpRequest) -> str:
    """The page's key: method, host, scheme, full path (query string included), Accept header
    and the language Django would choose (URL prefix, language cookie, Accept-Language: one of
    ``LANGUAGES``, so a bounded number of copies). The entry holds the version of the page
    cache it was stored under (:func:`lookup`)."""
    url = (f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
           f"\n{request.META.get('HTTP_ACCEPT', '')}"
           f"\n{get_language_from_request(request, check_path=settings.USE_I18N)}")
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"{PREFIX}:{PAGES}:{request.method}:{digest}"


def lookup(key: str) -> tuple[int, dict | None]:
    """The current version of the page cache, and the entry under ``key`` if it was stored
    under that version. One round trip to the cache when the pages live in the default cache
    (where the version is kept): a hit costs a single ``MGET``."""
    page_cache = _cache()
    if get_setting("PAGE_CACHE_ALIAS") == DEFAULT_CACHE_ALIAS:
        found = page_cache.get_many([version_key(PAGES), key])
        version = found.get(version_key(PAGES))
        entry = found.get(key)
        if version is None:
            version = get_version(PAGES)
    else:
        version, entry = get_version(PAGES), page_cache.get(key)
    if entry is not None and entry.get("version") != version:
        entry = None
    return version, entry


class PageCacheMiddleware:
    """Serve anonymous visitors' public pages from Django's cache; set their Cache-Control."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_is_cacheable(request):
            return self._private(request, self.get_response(request))
        key = cache_key(request)
        version, cached = lookup(key)
        remember_pages_version(request, version)
        if cached is not None:
            response = HttpResponse(cached["content"], status=200)
            for name, value in cached["headers"]:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if not response_is_cacheable(request, response):
            return self._private(request, response)
        self._public(response)
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        # Under the version read before rendering: if something changed meanwhile, the entry
        # is already stale and will not be served.
        _cache().set(key, {"version": version, "content": response.content, "headers": headers},
                     get_setting("PAGE_CACHE_TIMEOUT"))
        response[HEADER] = "miss"
        return response

    @staticmethod
    def _public(response: HttpResponse) -> None:
        # A view that chose its own caching (feeds, calendars, API) keeps it.
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=get_setting("PAGE_CACHE_MAX_AGE"))
        # Browsers and shared caches must not hand this copy to a visitor with a session.
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def _private(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """Responses that are not for everyone (editors, forms, previews) are never stored by
        a browser's shared cache, a proxy or a CDN."""
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                patch_cache_control(response, no_store=True)
        return response
