"""schema.org JSON-LD of testimonies: each one a ``Quotation``, a list of them an ``ItemList``.

A testimony is a first-hand account, not a rated review: ``Quotation`` says so, and its
``about`` names the page it is about. Only what the author chose to show is published (the
display name, role and organisation); the contact address never is.
"""

from __future__ import annotations

from typing import Any

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.features import enabled_features_for_site, feature_of


def about_page(request, page) -> dict[str, Any] | None:
    url = page.get_full_url(request=request)
    if not url:
        return None
    return {"@type": "WebPage", "@id": url, "url": url, "name": page.title}


def testimony_data(request, testimony, about: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Quotation", "text": testimony.text}
    if testimony.author_name:  # anonymous testimonies have no creator
        creator = {"@type": "Person", "name": testimony.author_name}
        if testimony.role_title:
            creator["jobTitle"] = testimony.role_title
        data["creator"] = creator
    if testimony.organisation:
        data["sourceOrganization"] = {"@type": "Organization", "name": testimony.organisation}
    if testimony.published_at:
        data["datePublished"] = testimony.published_at.isoformat()
    if about:
        data["about"] = about
    return data


def testimony_list(request, testimonies, *, about_of=None, start: int = 0) -> dict[str, Any]:
    """ItemList of ``testimonies``; ``about_of(testimony)`` gives each one's ``about``."""
    items = [
        {"@type": "ListItem", "position": start + position,
         "item": testimony_data(request, testimony, about_of(testimony) if about_of else None)}
        for position, testimony in enumerate(testimonies, start=1)
    ]
    return {"@type": "ItemList", "numberOfItems": len(items), "itemListElement": items}


def page_testimonies_data(request, page, testimonies) -> dict[str, Any] | None:
    """JSON-LD of a page's testimony section: testimonies about that page."""
    if not testimonies:
        return None
    about = about_page(request, page)
    return {"@context": "https://schema.org",
            **testimony_list(request, testimonies, about_of=lambda testimony: about)}


def index_testimonies_data(request, index) -> dict[str, Any]:
    """ItemList of the testimonies shown on the current page of a testimony index, each
    ``about`` its page (when that page's feature is on). No query when the index has just
    built its listing (``IndexPageMixin.listing_page``), one otherwise."""
    page_obj = getattr(index, "listing_page", None)
    if page_obj is not None:
        testimonies, start = list(page_obj.object_list), page_obj.start_index() - 1
    else:
        size = get_setting("PAGE_SIZE")
        try:
            number = max(int(request.GET.get("page", 1)), 1)
        except (TypeError, ValueError):
            number = 1  # as the listing's paginator does
        start = (number - 1) * size
        testimonies = list(index.get_listing_queryset(request)[start:start + size])
    enabled = enabled_features_for_site(None, request=request)

    def about_of(testimony):
        page = testimony.related_page
        if page is None or feature_of(page.specific_class) not in {None, *enabled}:
            return None
        return about_page(request, page)

    return testimony_list(request, testimonies, about_of=about_of, start=start)
