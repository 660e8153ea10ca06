"""Site search: every enabled page type (and approved testimonies), with type and stage facets.

Matching and ranking use the tables of Wagtail's database search backend (PostgreSQL full text
with the ``french`` configuration, stemming included, or SQLite FTS5), but the queries are
written here rather than through ``.search()``: the backend matches ``title || body``, which no
index can serve, and on SQLite ranks every match with one correlated subquery each, so both cost
seconds at 10 000 items. Here the words are matched on the index entries with the indexes
(:class:`_SearchIndex`), every facet count comes from one grouped query over those matches, and
ranking runs once, over the filtered matches, in the query that fetches the page of results
(plus one query per page type shown), whatever the number of matches. A query that matches
more than ``SEARCH_MAX_MATCHES`` entries is truncated: counts and ranking then run over the
first entries found (see :attr:`PortalSearch.truncated`), so no search reads every match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections, router
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Value,
)
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from numerique_ouvert.conf import get_setting
from numerique_ouvert.parcours.stages import all_stages

from .features import enabled_features_for_site, feature_of, get_feature
from .queries import public, site_root_page

# Longest query accepted: longer input is cut (a search box is not a document).
MAX_QUERY_LENGTH = 200
# Value of the type facet for pages outside any feature (content pages).
PAGES = "pages"
TESTIMONIES = "testimonies"


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


def searchable_page_models(enabled: set[str]) -> list[type[Page]]:
    """Concrete portal page types a visitor may find: those of enabled features, and the
    feature-less content pages. Index pages, the home and the hub are navigation, not results."""
    from .models import BasePortalPage

    return [
        model for model in get_page_models()
        if issubclass(model, BasePortalPage) and not model._meta.abstract
        and (feature_of(model) is None or feature_of(model) in enabled)
    ]


def type_key(model) -> str:
    return feature_of(model) or PAGES


def type_label(key: str) -> str:
    if key == PAGES:
        return str(_("Pages"))
    feature = get_feature(key)
    return str(feature.feature_label) if feature else key


def highlight(text: str, terms: list[str], length: int = 240) -> SafeString:
    """``text`` shortened, escaped, with each query term (and longer words starting with it)
    wrapped in ``<mark>``: the escaping comes first, so no HTML from the content gets through."""
    text = Truncator(text or "").chars(length)
    escaped = escape(text)
    words = [re.escape(escape(term)) for term in terms if len(term) >= 3]
    if not words:
        return mark_safe(escaped)  # noqa: S308 — escaped above
    pattern = re.compile(r"\b(" + "|".join(words) + r")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", escaped))  # noqa: S308 — escaped above


class _Once(Func):
    """A PostgreSQL text query as a subquery: computed once per query rather than once per row
    (without a ``SEARCH_CONFIG``, ``to_tsquery(text)`` is not a constant), and opaque to the
    planner, which then estimates few matches and uses the GIN indexes. Given the constant, it
    may read the whole table for a common word instead, with ``@@`` on every entry (about 100 ms
    instead of 10 at 40 000 entries)."""

    template = "(SELECT %(expressions)s)"

    def __init__(self, tsquery):
        from django.contrib.postgres.search import SearchQueryField

        super().__init__(tsquery, output_field=SearchQueryField())


class _Matches(Func):
    """``vector @@ tsquery`` as a condition (the ``title=tsquery`` lookup would wrap a
    :class:`_Once` in another ``to_tsquery``)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _SearchIndex:
    """The words of a query matched and ranked on the index entries of Wagtail's database backend.

    ``entries(content_type_ids)`` is a queryset of the entries (one per indexed object) matching
    every word, with ``object_pk`` the object's primary key as an integer and ``object_type`` its
    content type id; ``first(entries, limit)`` keeps the first ``limit`` of them the database
    finds, and ``ranked(entries)`` orders them best first. Each word is matched on the title or
    on the body: that is the backend's ``(title || body) @@ query`` for the ``and`` operator,
    but PostgreSQL answers it with the GIN indexes on ``title`` and ``body`` instead of reading
    every entry.
    """

    def __init__(self, query: str):
        from wagtail.search.backends import get_search_backend
        from wagtail.search.models import IndexEntry

        backend = get_search_backend()
        self.compiler = backend.query_compiler_class(Page.objects.none(), query, operator="and")
        self.config = self.compiler.get_config(backend)
        vendor = connections[router.db_for_read(IndexEntry)].vendor
        if vendor == "postgresql" and hasattr(self.compiler, "build_tsquery"):
            self.entries = self._postgresql_entries
            self.first = self._postgresql_first
            self.ranked = self._postgresql_ranked
        elif vendor == "sqlite" and hasattr(self.compiler, "FTS_TABLE_FIELDS"):
            self.entries = self._sqlite_entries
            self.first = self._sqlite_first
            self.ranked = self._sqlite_ranked
        else:
            raise ImproperlyConfigured(
                "The portal search needs Wagtail's database search backend "
                "(wagtail.search.backends.database) on PostgreSQL or SQLite.")

    def _postgresql_entries(self, content_type_ids: list[int]):
        from modelsearch.query import PlainText
        from wagtail.search.models import IndexEntry

        # Split like the backend does, so "open-source" is two words.
        words = [word for word in re.split(r"[\s\-]+", self.compiler.query.query_string) if word]
        entries = IndexEntry.objects.filter(content_type_id__in=content_type_ids)
        if not words:
            return entries.none()
        for word in words:
            tsquery = _Once(self.compiler.build_tsquery(PlainText(word, operator="and"),
                                                        config=self.config))
            entries = entries.filter(_Matches(F("title"), tsquery) | _Matches(F("body"), tsquery))
        return self._postgresql_keys(entries)

    @staticmethod
    def _postgresql_keys(entries):
        return entries.annotate(object_pk=Cast("object_id", IntegerField()),
                                object_type=F("content_type_id"))

    def _postgresql_first(self, entries, limit: int):
        # Only the primary keys: the outer query reads those rows and matches nothing again.
        return self._postgresql_keys(
            entries.model.objects.filter(pk__in=entries.values("pk")[:limit]))

    def _postgresql_ranked(self, entries):
        # The backend's relevance: title rank weighted by the title's shortness, plus body rank.
        from django.contrib.postgres.search import SearchRank

        tsquery = _Once(self.compiler.build_tsquery(self.compiler.query, config=self.config))
        weights = self.compiler.sql_weights
        rank = (SearchRank(F("title"), tsquery, weights=weights) * F("title_norm")
                + SearchRank(F("body"), tsquery, weights=weights))
        return entries.annotate(rank=rank).order_by("-rank", "-object_pk")

    def _sqlite_entries(self, content_type_ids: list[int]):
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from wagtail.search.models import SQLiteFTSIndexEntry

        query = normalize(self.compiler.query)
        match = MatchExpression(self.compiler.FTS_TABLE_FIELDS,
                                self.compiler.build_search_query(query, config=self.config))
        return (SQLiteFTSIndexEntry.objects.filter(match)
                .filter(index_entry__content_type_id__in=content_type_ids)
                .annotate(object_pk=Cast("index_entry__object_id", IntegerField()),
                          object_type=F("index_entry__content_type_id")))

    def _sqlite_first(self, entries, limit: int):
        # bm25() needs the MATCH of the outer query: it stays, over those rows only.
        return entries.filter(pk__in=entries.values("pk")[:limit])

    def _sqlite_ranked(self, entries):
        # bm25() is lower for better matches; the backend weights it like PostgreSQL's rank.
        rank = self.compiler._build_rank_expression(self.compiler.get_search_vectors(),
                                                    self.config)
        return entries.annotate(rank=rank).order_by("rank", "-object_pk")


class PortalSearch:
    """One search request: the query, the filters (``type``, ``etape``), facets and results."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
        self.terms = self.query.split()
        self.enabled = enabled_features_for_site(None, request=request)
        self.models = searchable_page_models(self.enabled)
        # Content type id -> type key, from Django's content type cache, once per search.
        self.type_of_content_type = {
            content_type.pk: type_key(model)
            for model, content_type in ContentType.objects.get_for_models(*self.models).items()
        } if self.models else {}
        self.stages = all_stages(request)
        types = {type_key(model) for model in self.models}
        if TESTIMONIES in self.enabled:
            types.add(TESTIMONIES)
        self.types = types
        # Unknown values are ignored (a shared link to a feature since switched off still works).
        chosen_type = request.GET.get("type", "")
        self.type = chosen_type if chosen_type in types else ""
        chosen_stage = request.GET.get("etape", "")
        self.stage = next((stage for stage in self.stages if stage.slug == chosen_stage), None)
        self.index = _SearchIndex(self.query) if self.query else None
        self.max_matches = get_setting("SEARCH_MAX_MATCHES")
        self._counts: dict[str, dict[str, int]] | None = None

    # --- Candidates ----------------------------------------------------------------------------

    def _declaring_models(self, field_name: str) -> list:
        """Models whose table holds ``field_name`` (a subclass of a page type shares its
        parent's table and so its parent's ``listed`` column and ``stages`` table)."""
        return list({model._meta.get_field(field_name).model: None for model in self.models})

    def _pages(self):
        """Live, public, listed pages of the searchable types on this site, matched or not."""
        if not self.models:
            return Page.objects.none()
        root = site_root_page(self.request)
        unlisted = Q()
        for model in self._declaring_models("listed"):
            unlisted |= Q(pk__in=model.objects.filter(listed=False).values("pk"))
        return (public(Page.objects.live().descendant_of(root), self.request)
                .filter(content_type__in=list(self.type_of_content_type)).exclude(unlisted))

    def _stage_rows(self, stage_id: int, models: list | None):
        """For each of ``models`` (default: the page types' tables), its stage table's rows
        for this stage, and the name of the column that points at the page."""
        for model in models or self._declaring_models("stages"):
            field = model._meta.get_field("stages")
            rows = field.remote_field.through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}_id": stage_id})
            yield rows, f"{field.m2m_field_name()}_id"

    def _stage_q(self, stage_id: int, models: list | None = None) -> Q:
        """Pages (or ``models``) with this stage, read on the stage tables only: no join that
        would repeat a row per stage."""
        q = Q()
        for rows, page_column in self._stage_rows(stage_id, models):
            q |= Q(pk__in=rows.values(page_column))
        return q

    def _has_stage(self, stage_id: int, models: list | None = None) -> Q:
        """The same condition, row by row (``EXISTS`` on the stage table's unique index): for
        the counts, which read few rows, where ``_stage_q`` would read every page of the stage
        (13 000 of each type at 100 000 pages) once per stage and per type."""
        q = Q()
        for rows, page_column in self._stage_rows(stage_id, models):
            q |= Q(Exists(rows.filter(**{page_column: OuterRef("pk")})))
        return q

    def _chosen_content_types(self) -> list[int]:
        """Content type ids of the page types the type filter keeps (all without it)."""
        return [pk for pk, key in self.type_of_content_type.items() if self.type in ("", key)]

    def _testimonies(self):
        """Approved testimonies of this site, matched or not; None when the feature is off."""
        from numerique_ouvert.testimonies.models import Testimony

        if TESTIMONIES not in self.enabled:
            return None
        return (Testimony.objects.published()
                .for_site(site_root_page(self.request).url_path).order_by())

    def _testimony_content_type_ids(self) -> list[int]:
        from numerique_ouvert.testimonies.models import Testimony

        return [ContentType.objects.get_for_model(Testimony).pk]

    # --- Facets --------------------------------------------------------------------------------

    def _matches(self, content_type_ids: list[int]):
        """Index entries matching the words, of these content types: all of them, or only the
        first ``SEARCH_MAX_MATCHES`` the database finds when the search is truncated."""
        entries = self.index.entries(content_type_ids)
        return self.index.first(entries, self.max_matches) if self.truncated else entries

    @cached_property
    def truncated(self) -> bool:
        """Whether the words match more than ``SEARCH_MAX_MATCHES`` index entries of the page
        types, or of the testimonies; counts and ranking then run over the first
        ``SEARCH_MAX_MATCHES`` the database finds. One query, each count stopping at the
        maximum + 1 (the database reads no further), before any join with the pages."""
        if self.index is None:  # no words: nothing is searched
            return False
        parts = []
        if self.type_of_content_type:
            parts.append(self.index.entries(list(self.type_of_content_type)))
        if TESTIMONIES in self.enabled:
            parts.append(self.index.entries(self._testimony_content_type_ids()))
        if not parts:
            return False
        connection = connections[router.db_for_read(parts[0].model)]
        selects, params = [], []
        for entries in parts:
            sql, sql_params = entries.values("pk")[:self.max_matches + 1].query.sql_with_params()
            selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS probe)")
            params.extend(sql_params)
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(selects), params)
            return any(n > self.max_matches for n in cursor.fetchone())

    def _count(self) -> None:
        """Every count from one query: matching pages per content type (all, and per stage),
        and matching testimonies (all, and per stage). Filters are applied here, in Python, so
        each facet counts as if its own filter were not set. A truncated search counts among
        the first ``SEARCH_MAX_MATCHES`` matches only (the counts are then lower bounds)."""
        if self._counts is not None:
            return
        parts = []
        per_stage = {f"stage_{stage.pk}": Count("pk", filter=self._has_stage(stage.pk))
                     for stage in self.stages}
        # A truncated search shows no counts on the facets: it counts what the results show,
        # from the same first matches as the ranking (those of the chosen type).
        content_types = (self._chosen_content_types() if self.truncated
                         else list(self.type_of_content_type))
        if content_types:
            matches = self._matches(content_types).values("object_pk")
            parts.append(self._pages().filter(pk__in=matches).order_by()
                         .values(bucket=F("content_type_id"))
                         .annotate(n=Count("pk"), **per_stage))
        testimonies = self._testimonies()
        if self.truncated and self.type not in ("", TESTIMONIES):
            testimonies = None
        if testimonies is not None:
            model = testimonies.model
            stages = {f"stage_{stage.pk}": Count("pk", filter=self._has_stage(stage.pk, [model]))
                      for stage in self.stages}
            matches = self._matches(self._testimony_content_type_ids()).values("object_pk")
            # A constant bucket: Django leaves it out of GROUP BY, so this part is one row.
            parts.append(testimonies.filter(pk__in=matches)
                         .annotate(bucket=Value(0, output_field=IntegerField()))
                         .values("bucket").annotate(n=Count("pk"), **stages))
        rows = list(parts[0].union(*parts[1:], all=True)) if parts else []
        chosen = f"stage_{self.stage.pk}" if self.stage else "n"
        counts: dict[str, dict[str, int]] = {"total": {}, "type": {}, "etape": {}}
        for row in rows:
            key = self.type_of_content_type.get(row["bucket"], TESTIMONIES)
            counts["type"][key] = counts["type"].get(key, 0) + row[chosen]
            if self.type in ("", key):
                kind = "testimonies" if key == TESTIMONIES else "pages"
                counts["total"][kind] = counts["total"].get(kind, 0) + row[chosen]
                for stage in self.stages:
                    counts["etape"][stage.slug] = (counts["etape"].get(stage.slug, 0)
                                                   + row[f"stage_{stage.pk}"])
        self._counts = counts

    @property
    def total(self) -> int:
        """Results found: all of them, or those among the first ``SEARCH_MAX_MATCHES`` matches
        when the search is truncated (a lower bound)."""
        self._count()
        return sum(self._counts["total"].values())

    def type_options(self) -> list[Option]:
        self._count()
        keys = sorted(self.types, key=lambda k: (k == PAGES, type_label(k)))
        return [Option(key, type_label(key), self._counts["type"].get(key, 0), key == self.type)
                for key in keys]

    def stage_options(self) -> list[Option]:
        self._count()
        return [Option(stage.slug, stage.name, self._counts["etape"].get(stage.slug, 0),
                       stage == self.stage) for stage in self.stages]

    # --- Results -------------------------------------------------------------------------------

    def ranked_pages(self):
        """Entries of the matching pages that pass the filters, best first."""
        pages = self._pages()
        if self.stage:
            pages = pages.filter(self._stage_q(self.stage.pk))
        entries = self._matches(self._chosen_content_types()).filter(
            object_pk__in=pages.values("pk"))
        return self.index.ranked(entries)

    def ranked_testimonies(self):
        """Entries of the matching testimonies that pass the filters, best first."""
        testimonies = self._testimonies()
        if self.stage:
            testimonies = testimonies.filter(self._stage_q(self.stage.pk, [testimonies.model]))
        entries = self._matches(self._testimony_content_type_ids()).filter(
            object_pk__in=testimonies.values("pk"))
        return self.index.ranked(entries)

    def results_page(self):
        """The requested page of results: pages first by relevance, then testimonies."""
        paginator = Paginator(_Results(self), get_setting("PAGE_SIZE"))
        try:
            return paginator.page(self.request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            raise Http404 from None


class _Results:
    """What the paginator slices: matching pages, then matching testimonies, fetched one page
    at a time: the ranked ids first, then the pages in one query per page type shown."""

    def __init__(self, search: PortalSearch):
        self.search = search

    def count(self) -> int:
        return self.search.total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        from numerique_ouvert.testimonies.models import Testimony

        search = self.search
        search._count()
        pages_total = search._counts["total"].get("pages", 0)
        start, stop = window.start or 0, window.stop
        found: list = []
        if start < pages_total:
            ranked = list(search.ranked_pages()[start:min(stop, pages_total)]
                          .values_list("object_pk", "object_type"))
            by_type: dict[int, list[int]] = {}
            for pk, content_type_id in ranked:
                by_type.setdefault(content_type_id, []).append(pk)
            pages = {}
            for content_type_id, pks in by_type.items():
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                pages.update(model.objects.filter(pk__in=pks).defer_streamfields().in_bulk())
            found.extend(_result(search, pages[pk]) for pk, _ in ranked if pk in pages)
        testimonies_total = search._counts["total"].get("testimonies", 0)
        if stop > pages_total and testimonies_total:
            first = max(0, start - pages_total)
            ranked = list(search.ranked_testimonies()[first:stop - pages_total]
                          .values_list("object_pk", flat=True))
            testimonies = (Testimony.objects.filter(pk__in=ranked)
                           .select_related("related_page").in_bulk())
            found.extend(_testimony_result(search, testimonies[pk]) for pk in ranked
                         if pk in testimonies)
        return found


@dataclass
class Result:
    title: str
    url: str
    type_label: str
    summary: SafeString
    detail: str = ""


def _result(search: PortalSearch, page) -> Result:
    summary = getattr(page, "search_description", "") or getattr(page, "tagline", "")
    return Result(
        title=page.title, url=page.get_url(request=search.request),
        type_label=type_label(type_key(type(page))),
        summary=highlight(summary, search.terms),
        detail=getattr(page, "card_detail", "") or "",
    )


def _testimony_result(search: PortalSearch, testimony) -> Result:
    page = testimony.related_page
    about = f" — {page.title}" if page is not None else ""
    return Result(
        title=f"{testimony.display_name}{about}",
        url=page.get_url(request=search.request) + "#temoignages" if page is not None else "",
        type_label=type_label(TESTIMONIES),
        summary=highlight(testimony.text, search.terms),
    )
