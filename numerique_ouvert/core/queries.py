"""Query helpers that keep the number of SQL queries of a public page constant."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Q

# Models are imported inside the functions: feature apps' AppConfig modules import this module
# before the app registry is ready.

# The rendition every card uses; prefetched for listings.
CARD_RENDITION = "fill-600x338|format-webp"
# The main image of a detail page (also used by its JSON-LD), and a commun's logo.
HERO_RENDITION = "fill-1200x600|format-webp"
LOGO_RENDITION = "max-120x120"


def restricted_paths() -> list[str]:
    """Paths of the pages that carry a view restriction (their subtrees are private), cached
    until a restriction changes or a page moves."""
    from wagtail.models import PageViewRestriction

    from .cache import cached
    from .signals import RESTRICTIONS

    # Short timeout: a section made private must leave listings quickly even when processes
    # do not share their cache.
    return cached(RESTRICTIONS, "paths", lambda: list(
        PageViewRestriction.objects.values_list("page__path", flat=True)), timeout=60)


def private_pages_q(request=None) -> Q:
    """``Q`` matching pages in a private section.

    Wagtail's ``PageQuerySet.public()`` queries the restrictions each time it is called; here the
    restricted paths are cached until a restriction changes or a page moves."""
    on_request = getattr(request, "_numerique_ouvert_private_q", None) if request else None
    if on_request is not None:
        return on_request
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    if not q:
        q = Q(pk__in=[])
    if request is not None:
        request._numerique_ouvert_private_q = q
    return q


def public(queryset, request=None):
    """``queryset.public()`` at one query per request."""
    return queryset.exclude(private_pages_q(request))


def site_root_page(request):
    """Root page of the request's site in the active language, or 404: with content
    translation (``WAGTAIL_I18N_ENABLED``) each language has its own tree, whose root is a
    translation of the site's root page. Wagtail's routing fetched it already for a page
    request: no query then."""
    from django.http import Http404
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return localized_root(site, request)


def localized_root(site, request=None):
    """``site.root_page`` in the active language (itself without content translation, or
    when that language has no live translation of it). Which page it is stays cached until a
    page is published, moved or deleted: no query for the site's own language, one for the
    others, once per request."""
    from django.conf import settings
    from django.utils.translation import get_language

    root = site.root_page
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return root
    remembered = getattr(request, "_numerique_ouvert_roots", None) if request else None
    if remembered is None:
        remembered = {}
        if request is not None:
            request._numerique_ouvert_roots = remembered
    key = (site.pk, get_language())
    if key not in remembered:
        from .cache import cached
        from .signals import MENU

        pk = cached(MENU, f"root:{site.pk}:{get_language()}", lambda: root.localized.pk,
                    timeout=300)
        remembered[key] = root if pk == root.pk else root.__class__.objects.get(pk=pk)
    return remembered[key]


def all_site_roots(site) -> list[tuple[str, int]]:
    """``(path, depth)`` of the site's root page and its translations: the roots of every
    language's tree, cached until a page is published, moved or deleted."""
    from django.conf import settings

    root = site.root_page
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [(root.path, root.depth)]
    from .cache import cached
    from .signals import MENU

    return cached(MENU, f"roots:{site.pk}", lambda: list(
        root.get_translations(inclusive=True).order_by("path").values_list("path", "depth")),
        timeout=300)


def site_root_url_path(page) -> str:
    """``url_path`` of the root of the site ``page`` belongs to, from Wagtail's cached list of
    site roots (no query)."""
    from wagtail.models import Site

    roots = [root.root_path for root in Site.get_site_root_paths()
             if page.url_path.startswith(root.root_path)]
    return max(roots, key=len) if roots else "/"


def listing_url_of(page, request=None) -> str:
    """URL of the index a page is listed in: items live directly under their index, so it is the
    page's URL without its slug (no query). "" when the URL does not end with the slug."""
    url, slug = page.get_url(request=request) or "", page.slug
    return url[: -len(slug) - 1] if slug and url.endswith(f"/{slug}/") else ""


def listed_pages(model, request=None):
    """Live, public, listed pages of ``model``, with what a card needs fetched in bulk.

    Callers narrow it (``.child_of(index)``, ``.descendant_of(home)``) and order it.
    """
    return (
        public(model.objects.live(), request).filter(listed=True)
        .select_related("image").prefetch_related("stages")
    )


def listing_key(*parts) -> str:
    """A cache key for items or counts of a listing: its parts and the day (what "upcoming" or
    "reviewed lately" means changes with it), hashed to a fixed length."""
    import hashlib

    from django.utils import timezone

    raw = ":".join(str(part) for part in (*parts, timezone.localdate().isoformat()))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def cached_listing(key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` cached until the next publication, at most ``LISTING_TIMEOUT`` seconds.

    For what grows with the amount of content (counting, ordering every item): with it a page
    reads its items by primary key, in a time that does not depend on how many there are.
    """
    from .cache import cached
    from .signals import LISTING_TIMEOUT, LISTINGS

    return cached(LISTINGS, key, compute, timeout=LISTING_TIMEOUT)


def items_in_order(queryset, ids: list) -> list:
    """The objects of ``queryset`` whose primary keys are ``ids``, in that order (one query, none
    for no ids). Objects gone from ``queryset`` since the ids were cached are left out."""
    if not ids:
        return []
    found = {item.pk: item for item in queryset.filter(pk__in=ids).order_by()}
    return [found[pk] for pk in ids if pk in found]


def card_rows(queryset):
    """``queryset`` without its StreamFields when it holds pages: cards never show them."""
    return queryset.defer_streamfields() if hasattr(queryset, "defer_streamfields") else queryset


def cached_items(key: str, queryset, limit: int | None = None) -> list:
    """The first ``limit`` objects of the ordered ``queryset``: their ids are cached
    (``cached_listing``), the objects read by primary key."""
    sliced = queryset[:limit] if limit is not None else queryset
    ids = cached_listing(key, lambda: list(sliced.values_list("pk", flat=True)))
    return items_in_order(queryset, ids)


def prefetch_renditions(images: Iterable, *filter_specs: str) -> None:
    """Fetch the given renditions of many images in one query, whatever field they come from.

    Wagtail then finds them on ``image.prefetched_renditions`` instead of querying per image.
    """
    from wagtail.images import get_image_model

    images = [image for image in images if image is not None]
    pending = [image for image in images if not hasattr(image, "prefetched_renditions")]
    if not pending:
        return
    rendition_model = get_image_model().get_rendition_model()
    found = defaultdict(list)
    for rendition in rendition_model.objects.filter(
        image__in={image.pk for image in pending}, filter_spec__in=filter_specs
    ):
        found[rendition.image_id].append(rendition)
    for image in pending:
        for rendition in found[image.pk]:
            rendition.image = image  # {% image %} reads rendition.image: no query per image
        image.prefetched_renditions = found[image.pk]


def card_image(page):
    """The image a page's card shows: its ``card_image`` if it has one, else its ``image``."""
    return getattr(page, "card_image", None) or getattr(page, "image", None)


def prefetch_card_renditions(pages: Iterable) -> None:
    """Prefetch the card image rendition of each page (see :func:`card_image`)."""
    prefetch_renditions((card_image(page) for page in pages), CARD_RENDITION)


def load_page_images(page, field_names: tuple[str, ...], *filter_specs: str) -> None:
    """Fetch the images of ``page``'s image fields in one query and their renditions in one more,
    instead of one query per field and per rendition."""
    from wagtail.images import get_image_model

    ids = {getattr(page, f"{name}_id") for name in field_names} - {None}
    if not ids:
        return
    images = get_image_model().objects.in_bulk(ids)
    for name in field_names:
        image_id = getattr(page, f"{name}_id")
        if image_id in images:
            setattr(page, name, images[image_id])
    prefetch_renditions(images.values(), *filter_specs)
