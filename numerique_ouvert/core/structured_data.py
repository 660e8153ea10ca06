"""schema.org JSON-LD for every public page: the page's own type plus a BreadcrumbList.

Page types describe themselves by overriding ``get_structured_data(request)``; the base template
renders the result with :func:`render_json_ld`.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .queries import HERO_RENDITION

# Same escapes as Django's json_script: the JSON cannot close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def render_json_ld(data: dict | list | None) -> SafeString | str:
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))


def absolute(request, url: str | None) -> str | None:
    if not url:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def image_url(request, image, spec: str = HERO_RENDITION) -> str | None:
    if image is None:
        return None
    return absolute(request, image.get_rendition(spec).url)


def breadcrumb_list(request, page, ancestors) -> dict[str, Any]:
    """BreadcrumbList from the site root to ``page``; ``ancestors`` are the pages in between."""
    items = []
    for position, crumb in enumerate([*ancestors, page], start=1):
        items.append({
            "@type": "ListItem",
            "position": position,
            "name": crumb.title,
            "item": crumb.get_full_url(request=request),
        })
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def base_properties(request, page, schema_type: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": page.get_full_url(request=request),
        "inLanguage": get_language() or "fr",
    }
    description = getattr(page, "search_description", "") or getattr(page, "tagline", "")
    if description:
        data["description"] = description
    if getattr(page, "first_published_at", None):
        data["datePublished"] = page.first_published_at.isoformat()
    if getattr(page, "last_published_at", None):
        data["dateModified"] = page.last_published_at.isoformat()
    picture = image_url(request, getattr(page, "image", None))
    if picture:
        data["image"] = picture
    tags = getattr(page, "tag_list", None)
    if tags:
        data["keywords"] = ", ".join(tag.name for tag in tags)
    attribution = getattr(page, "attribution", None)
    if attribution:  # a page of another portal, shown here (numerique_ouvert.federation)
        data["isBasedOn"] = attribution["url"]
        data["publisher"] = organisation(attribution["name"], attribution.get("site_url"))
    return data


def organisation(name: str, url: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data
