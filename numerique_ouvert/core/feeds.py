"""RSS 2.0 and Atom feeds: the portal's latest pages, and the listing of each index page.

The portal feeds (``/flux/rss/``, ``/flux/atom/``) gather the latest listed pages of the features
switched on for the site. Index pages serve their own listing at ``<index>/flux/rss/`` and
``<index>/flux/atom/`` through :class:`IndexFeedsMixin`. :func:`feed_links` gives the
``<link rel="alternate">`` of a page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path
from wagtail.models import Site, get_page_models

from .features import enabled_features_for_site, feature_of, is_feature_enabled
from .queries import items_in_order, listed_pages, site_root_page

# Feed readers poll often: a bounded feed keeps each poll cheap.
FEED_SIZE = 30
RSS_TYPE = Rss201rev2Feed.content_type.split(";")[0]
ATOM_TYPE = Atom1Feed.content_type.split(";")[0]
_OLDEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass
class FeedEntry:
    """One item of a feed, computed once from a page (feed generators only read it)."""

    title: str
    link: str
    description: str = ""
    pubdate: datetime.datetime | None = None
    updateddate: datetime.datetime | None = None
    categories: list[str] = field(default_factory=list)
    author_name: str | None = None


@dataclass
class FeedSource:
    """What a feed says about itself, and its entries."""

    title: str
    link: str
    description: str
    entries: list[FeedEntry]


@dataclass
class FeedLink:
    """A ``<link rel="alternate">`` of a page's ``<head>``."""

    title: str
    type: str
    url: str


def page_categories(page) -> list[str]:
    """Stage names then tags: both come from prefetches, no query per page."""
    stages = page.get_stages() if hasattr(page, "get_stages") else []
    return [stage.name for stage in stages] + [tag.name for tag in getattr(page, "tag_list", [])]


def page_entry(page, request, description: str | None = None) -> FeedEntry:
    return FeedEntry(
        title=page.title,
        link=page.get_full_url(request=request),
        description=getattr(page, "tagline", "") if description is None else description,
        pubdate=page.first_published_at,
        updateddate=page.last_published_at or page.first_published_at,
        categories=page_categories(page),
        # Only the page types that name who answers for them (a guide's owner) have an author.
        author_name=getattr(page, "owner_name", "") or None,
    )


def newest(queryset, size: int) -> list[tuple]:
    """``(pk, first_published_at)`` of the ``size`` most recently published items of
    ``queryset``, newest first, then those never published (pages created live by a script
    have no ``first_published_at``), latest created first.

    Two narrow queries, each answered by walking an index and stopping after ``size`` rows.
    Ordering by ``first_published_at DESC NULLS LAST`` instead (not the order of the index)
    made PostgreSQL join and sort every page of the type: 25 to 80 ms at 10 000 pages.
    """
    queryset = queryset.order_by()
    dated = (queryset.filter(first_published_at__isnull=False)
             .order_by("-first_published_at", "-pk").values_list("pk", "first_published_at"))
    undated = (queryset.filter(first_published_at__isnull=True).order_by("-pk")
               .values_list("pk", "first_published_at"))
    found = list(dated[:size])
    return (found + list(undated[:size]))[:size]


def fetch_in_order(queryset, ids: list) -> list:
    """The pages of ``queryset`` whose primary keys are ``ids``, in that order, with their
    tags (one query more) and without their StreamFields (a feed reads none of them)."""
    queryset = queryset.defer_streamfields()
    if hasattr(queryset.model, "tags"):
        queryset = queryset.prefetch_related("tags")
    return items_in_order(queryset, ids)


def feed_page_models(enabled: set[str]) -> list[type]:
    """Concrete page types listed by the enabled features: the ``listed`` pages of
    :class:`BasePortalPage`, each type once (a multi-table subclass such as a ministry's own
    event comes with its parent's query)."""
    from .models import BasePortalPage

    found = [
        model for model in get_page_models()
        if issubclass(model, BasePortalPage) and not model._meta.abstract
        and feature_of(model) in enabled
    ]
    return [model for model in found
            if not any(other is not model and issubclass(model, other) for other in found)]


def site_title(request) -> str:
    from .models import PortalSettings

    return PortalSettings.for_request(request).site_title


class SourceFeed(Feed):
    """Renders a :class:`FeedSource`; subclasses build it in ``get_object``.

    Feed instances are shared between requests: everything a request computes goes in the
    source, never on ``self``.
    """

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs) -> FeedSource:
        raise NotImplementedError

    def title(self, obj: FeedSource) -> str:
        return obj.title

    def link(self, obj: FeedSource) -> str:
        return obj.link

    def description(self, obj: FeedSource) -> str:
        return obj.description

    # Atom calls the description a subtitle.
    subtitle = description

    def feed_url(self, obj: FeedSource) -> str | None:
        return None  # the URL requested (Django builds it from the request)

    def items(self, obj: FeedSource) -> list[FeedEntry]:
        return obj.entries

    def item_title(self, item: FeedEntry) -> str:
        return item.title

    def item_link(self, item: FeedEntry) -> str:
        return item.link

    def item_description(self, item: FeedEntry) -> str:
        return item.description

    def item_pubdate(self, item: FeedEntry):
        return item.pubdate

    def item_updateddate(self, item: FeedEntry):
        return item.updateddate

    def item_categories(self, item: FeedEntry) -> list[str]:
        return item.categories

    def item_author_name(self, item: FeedEntry) -> str | None:
        return item.author_name


class PortalFeed(SourceFeed):
    """The latest listed pages of the enabled features, on the requested site."""

    def get_object(self, request, *args, **kwargs) -> FeedSource:
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        name = site_title(request)
        return FeedSource(
            title=name,
            link=(site_root_page(request).get_full_url(request=request)
                  or request.build_absolute_uri("/")),
            description=_("Derniers contenus publiés sur %(site)s") % {"site": name},
            entries=portal_entries(request, site),
        )


class PortalAtomFeed(PortalFeed):
    feed_type = Atom1Feed


def portal_entries(request, site: Site, size: int = FEED_SIZE) -> list[FeedEntry]:
    """The ``size`` latest pages of the site. Whatever the number of pages: two narrow queries
    per page type find the latest ones (:func:`newest`), then the pages chosen are read with
    their stages and tags, three queries per page type that has some."""
    enabled = enabled_features_for_site(None, request=request)
    sources, candidates = {}, []  # candidates: (first_published_at, pk, model)
    for model in feed_page_models(enabled):
        # The tree of the active language: /en/flux/rss/ lists the English pages.
        sources[model] = listed_pages(model, request).descendant_of(site_root_page(request))
        candidates += [(published, pk, model) for pk, published in newest(sources[model], size)]
    # Newest first, never-published pages last (latest created first), as newest() orders them.
    candidates.sort(key=lambda c: (c[0] is not None, c[0] or _OLDEST, c[1]), reverse=True)
    chosen = candidates[:size]
    pages = {}
    for model, queryset in sources.items():
        ids = [pk for _, pk, source in chosen if source is model]
        pages.update((page.pk, page) for page in fetch_in_order(queryset, ids))
    return [page_entry(pages[pk], request) for _, pk, _ in chosen if pk in pages]


class IndexFeed(SourceFeed):
    """The listing of one index page (see :class:`IndexFeedsMixin`)."""

    def get_object(self, request, *args, index=None, **kwargs) -> FeedSource:
        return FeedSource(
            title=f"{index.title} — {site_title(request)}",
            link=index.get_full_url(request=request),
            description=getattr(index, "intro", "") or index.title,
            entries=[page_entry(item, request, index.feed_item_description(item))
                     for item in index.get_feed_items(request)],
        )


class IndexAtomFeed(IndexFeed):
    feed_type = Atom1Feed


class IndexFeedsMixin:
    """RSS and Atom feeds of an index page's listing, at ``flux/rss/`` and ``flux/atom/``.

    Combine it with ``RoutablePageMixin`` (``IndexPageMixin`` does). The feeds serve
    ``get_listing_queryset(request)`` newest first. Set ``has_feeds = False`` to turn them off;
    an index whose listing is not made of pages (the testimonies) has none.
    """

    has_feeds = True
    feed_size = FEED_SIZE

    @classmethod
    def feeds_available(cls) -> bool:
        from django.apps import apps
        from wagtail.models import Page

        listing_model = getattr(cls, "listing_model", None)
        if not cls.has_feeds or listing_model is None:
            return False
        return issubclass(apps.get_model(listing_model), Page)

    @path("flux/rss/", name="rss")
    def rss_feed(self, request):
        return self._serve_feed(request, IndexFeed())

    @path("flux/atom/", name="atom")
    def atom_feed(self, request):
        return self._serve_feed(request, IndexAtomFeed())

    def _serve_feed(self, request, feed: SourceFeed):
        # No feature check here: FeaturePageMixin.serve() answers 404 before any route runs.
        if not self.feeds_available():
            raise Http404
        return feed(request, index=self)

    def get_feed_items(self, request) -> list:
        """The listing's ``feed_size`` newest items, with their stages and tags prefetched."""
        queryset = self.get_listing_queryset(request)
        return fetch_in_order(queryset, [pk for pk, _ in newest(queryset, self.feed_size)])

    def feed_item_description(self, item) -> str:
        """The item's detail line (an event's date, a guide's review date) and its tagline."""
        parts = [str(getattr(item, "card_detail", "") or ""), getattr(item, "tagline", "") or ""]
        return " — ".join(part for part in parts if part)


def _portal_feed_links(request) -> list[FeedLink]:
    try:
        rss, atom = reverse("numerique_ouvert_feed_rss"), reverse("numerique_ouvert_feed_atom")
    except NoReverseMatch:  # the site does not include numerique_ouvert.urls
        return []
    name = site_title(request)
    return [
        FeedLink(_("%(site)s : dernières publications (RSS)") % {"site": name}, RSS_TYPE, rss),
        FeedLink(_("%(site)s : dernières publications (Atom)") % {"site": name}, ATOM_TYPE, atom),
    ]


def _feed_index(page):
    """``(index, its specific class)`` whose feeds a page announces: the page itself or, for
    a feature's page, its parent (known from routing, so usually no query)."""
    if page is None or not hasattr(page, "specific_class"):
        return None, None
    if isinstance(page, IndexFeedsMixin):
        return page, type(page)
    if not feature_of(page):
        return None, None
    parent = page.get_parent()
    parent_class = parent.specific_class if parent is not None else None
    if parent_class is None or not issubclass(parent_class, IndexFeedsMixin):
        return None, None
    return parent, parent_class


def feed_links(request, page=None) -> list[FeedLink]:
    """Alternate links of a page: the portal feeds everywhere, plus the index's own feeds on an
    index page and on the pages it lists."""
    if request is None:
        return []
    links = _portal_feed_links(request)
    index, index_class = _feed_index(page)
    if index is None or not index_class.feeds_available():
        return links
    if not is_feature_enabled(feature_of(index_class), request=request):
        return links
    base = index.get_url(request=request)
    if not base:
        return links
    resolver = index_class.get_resolver()
    links += [
        FeedLink(_("%(title)s (RSS)") % {"title": index.title}, RSS_TYPE,
                 base + resolver.reverse("rss")),
        FeedLink(_("%(title)s (Atom)") % {"title": index.title}, ATOM_TYPE,
                 base + resolver.reverse("atom")),
    ]
    return links
