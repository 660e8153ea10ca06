"""Template tags of content translation: the language selector and the ``hreflang`` links.

Both are empty when the site does not translate its content (``WAGTAIL_I18N_ENABLED`` off, or
one content language): most sites pay nothing for them.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


def _content_languages() -> list[str]:
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    languages = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return languages if len(languages) > 1 else []


def page_translations(request, page: Page) -> dict[str, str]:
    """``{language code: URL}`` of the live translations of ``page`` (itself included), cached
    with the menu until a page is published, moved or deleted, and remembered on the request
    (the selector and the ``<head>`` both use them)."""
    from ..cache import cached
    from ..signals import MENU

    remembered = getattr(request, "_numerique_ouvert_translations", None)
    if remembered is None:
        remembered = {}
        if request is not None:
            request._numerique_ouvert_translations = remembered
    if page.pk in remembered:
        return remembered[page.pk]

    def compute() -> dict[str, str]:
        urls = {}
        for translation in (Page.objects.filter(translation_key=page.translation_key).live()
                            .select_related("locale").only("url_path", "locale__language_code")):
            url = translation.get_url(request=request)
            if url:
                urls[translation.locale.language_code] = url
        return urls

    host = request.get_host() if request is not None else ""
    remembered[page.pk] = cached(MENU, f"translations:{page.pk}:{host}", compute, timeout=300)
    return remembered[page.pk]


def _site_home_urls(request) -> dict[str, str]:
    """``{language code: URL}`` of the site's home page in each language it is translated to."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    return page_translations(request, site.root_page)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The entries of the language selector: for each content language, the current page in
    that language; a page not translated yet leads to that language's home page, and a view
    that is not a page (search) to the same view in that language."""
    languages = _content_languages()
    request = context.get("request")
    if not languages or request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page):
        urls = dict(page_translations(request, page))
        homes = None
        for code in languages:
            if code not in urls:
                homes = homes if homes is not None else _site_home_urls(request)
                if code in homes:
                    urls[code] = homes[code]
    else:
        urls = {code: translate_url(request.get_full_path(), code) for code in languages}
    current = get_language()
    links = []
    for code in languages:
        if code not in urls:
            continue
        info = get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": urls[code],
                      "current": code == current})
    return links if len(links) > 1 else []


@register.simple_tag(takes_context=True)
def hreflang_links(context) -> list[dict]:
    """``<link rel="alternate" hreflang>`` of the page: its live translations only, as full
    URLs, so that search engines show each visitor the page in their language."""
    request = context.get("request")
    page = context.get("page")
    if not _content_languages() or request is None or not isinstance(page, Page):
        return []
    urls = page_translations(request, page)
    if len(urls) < 2:
        return []
    return [{"code": code, "url": request.build_absolute_uri(url)}
            for code, url in sorted(urls.items())]


@register.simple_tag(takes_context=True)
def portal_home_url(context) -> str:
    """URL of the site's home page in the active language (the French home at ``/``, the
    English one at ``/en/``)."""
    from ..queries import localized_root

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return "/"
    return localized_root(site, request).get_url(request=request) or "/"


@register.simple_tag(takes_context=True)
def localized_pageurl(context, page: Page) -> str:
    """Like Wagtail's ``pageurl``, but to the page's translation in the active language when it
    has a live one: the footer's pages, chosen once in the site settings, follow the visitor's
    language."""
    request = context.get("request")
    if not _content_languages() or request is None:
        return page.get_url(request=request) or ""
    urls = page_translations(request, page)
    return urls.get(get_language()) or page.get_url(request=request) or ""
