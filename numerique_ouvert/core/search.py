"""Site search: every enabled page type (and approved testimonies), with type and stage facets.

Matching and ranking are Wagtail's search backend (the database backend: PostgreSQL full text
with the ``french`` configuration, stemming included, or SQLite FTS). The backend hands back
a Django queryset of the matching pages; filters, the counts of both facets and the total are
then computed on it in one ``UNION ALL`` query, and the page of results in one more (plus one
per page type shown), whatever the number of matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import CharField, Count, F, Q, Value
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
        stage_slugs = {stage.slug for stage in self.stages}
        types = {type_key(model) for model in self.models}
        if TESTIMONIES in self.enabled:
            types.add(TESTIMONIES)
        self.types = types
        # Unknown values are ignored (a shared link to a feature since switched off still works).
        chosen_type = request.GET.get("type", "")
        self.type = chosen_type if chosen_type in types else ""
        chosen_stage = request.GET.get("etape", "")
        self.stage = chosen_stage if chosen_stage in stage_slugs else ""
        self._counts: dict[str, dict[str, int]] | None = None

    # --- Matching ------------------------------------------------------------------------------

    def _page_matches(self):
        """The backend's queryset of matching pages (live, public, on this site, of an enabled
        type, listed), ordered by relevance."""
        if not self.models:
            return Page.objects.none()
        root = site_root_page(self.request)
        base = public(Page.objects.live().descendant_of(root), self.request).filter(
            content_type__in=list(self.type_of_content_type))
        results = base.search(self.query, operator="and")
        matches = results.get_queryset() if hasattr(results, "get_queryset") else base.filter(
            pk__in=[page.pk for page in results])
        unlisted = Q()
        for model in self.models:
            unlisted |= Q(pk__in=model.objects.filter(listed=False).values("pk"))
        return matches.exclude(unlisted)

    def _stage_q(self, slug: str) -> Q:
        q = Q()
        for model in self.models:
            q |= Q(pk__in=model.objects.filter(stages__slug=slug).values("pk"))
        return q

    def _type_q(self, key: str) -> Q:
        return Q(content_type__in=[pk for pk, of_type in self.type_of_content_type.items()
                                   if of_type == key])

    def _filtered_pages(self, skip: str | None = None):
        matches = self._page_matches()
        if self.stage and skip != "etape":
            matches = matches.filter(self._stage_q(self.stage))
        if self.type and skip != "type":
            if self.type == TESTIMONIES:
                return matches.none()
            matches = matches.filter(self._type_q(self.type))
        return matches

    def _testimony_matches(self, skip: str | None = None):
        from numerique_ouvert.testimonies.models import Testimony

        if TESTIMONIES not in self.enabled or (self.type and self.type != TESTIMONIES
                                               and skip != "type"):
            return None
        results = Testimony.objects.published().search(self.query, operator="and")
        if not hasattr(results, "get_queryset"):
            return None
        matches = results.get_queryset().filter(
            pk__in=Testimony.objects.published().for_site(site_root_page(self.request).url_path)
            .values("pk"))
        if self.stage and skip != "etape":
            matches = matches.filter(stages__slug=self.stage)
        return matches

    # --- Facets --------------------------------------------------------------------------------

    def _count(self) -> None:
        if self._counts is not None:
            return
        empty = Value("", output_field=CharField())

        def part(queryset, facet: str, value):
            return (queryset.order_by().values(facet=Value(facet, output_field=CharField()),
                                               value=value)
                    .annotate(n=Count("pk", distinct=True)))

        parts = [
            part(self._filtered_pages(), "total", empty),
            part(self._filtered_pages(skip="type"), "type",
                 Cast(F("content_type_id"), output_field=CharField())),
        ]
        by_stage = self._filtered_pages(skip="etape")
        for model in self.models:
            parts.append(part(model.objects.filter(pk__in=by_stage.values("pk")), "etape",
                              F("stages__slug")))
        testimonies = self._testimony_matches()
        if testimonies is not None:
            parts.append(part(testimonies, "total-testimonies", empty))
        testimonies_by_stage = self._testimony_matches(skip="etape")
        if testimonies_by_stage is not None:
            parts.append(part(testimonies_by_stage, "etape", F("stages__slug")))
        testimonies_any_type = self._testimony_matches(skip="type")
        if testimonies_any_type is not None:
            parts.append(part(testimonies_any_type, "type-testimonies", empty))
        counts: dict[str, dict[str, int]] = {"total": {}, "type": {}, "etape": {}}
        for row in parts[0].union(*parts[1:], all=True):
            facet, value, n = row["facet"], row["value"], row["n"]
            if facet == "type":
                key = self.type_of_content_type[int(value)]
                counts["type"][key] = counts["type"].get(key, 0) + n
            elif facet == "type-testimonies":
                counts["type"][TESTIMONIES] = n
            elif facet in ("total", "total-testimonies"):
                counts["total"][facet] = n
            elif value:
                counts["etape"][value] = counts["etape"].get(value, 0) + n
        self._counts = counts

    @property
    def total(self) -> int:
        self._count()
        totals = self._counts["total"]
        if self.type == TESTIMONIES:
            return totals.get("total-testimonies", 0)
        return totals.get("total", 0) + (0 if self.type else totals.get("total-testimonies", 0))

    def type_options(self) -> list[Option]:
        self._count()
        keys = sorted(self.types, key=lambda k: (k == PAGES, type_label(k)))
        return [Option(key, type_label(key), self._counts["type"].get(key, 0), key == self.type)
                for key in keys]

    def stage_options(self) -> list[Option]:
        self._count()
        return [Option(stage.slug, stage.name, self._counts["etape"].get(stage.slug, 0),
                       stage.slug == self.stage) for stage in self.stages]

    # --- Results -------------------------------------------------------------------------------

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
    at a time and made specific in one query per page type."""

    def __init__(self, search: PortalSearch):
        self.search = search

    def count(self) -> int:
        return self.search.total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        search = self.search
        search._count()
        pages_total = 0 if search.type == TESTIMONIES else search._counts["total"].get("total", 0)
        start, stop = window.start or 0, window.stop
        found: list = []
        if start < pages_total:
            pages = (search._filtered_pages().defer_streamfields().specific()
                     [start:min(stop, pages_total)])
            found.extend(_result(search, page) for page in pages)
        if stop > pages_total:
            testimonies = search._testimony_matches()
            if testimonies is not None:
                first = max(0, start - pages_total)
                found.extend(_testimony_result(search, t)
                             for t in testimonies.select_related("related_page")
                             [first:stop - pages_total])
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
