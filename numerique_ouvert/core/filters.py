"""Listing filters: one django-filter ``FilterSet`` per listing, filters in the URL, a count per value.

Every index page uses the same mechanism (``IndexPageMixin.filterset_class``):

* the filters are plain GET parameters (``?etape=utiliser&tag=api``): shareable, bookmarkable,
  and the form works without JavaScript;
* each filter that offers values declares a :class:`FacetSpec`; the count of each value is the
  number of items a visitor gets by choosing it, *with the other active filters kept*;
* all counts of a listing, and its total, come from **one** SQL query (a ``UNION ALL`` of one
  ``GROUP BY`` per facet), whatever the number of items or facets.

Invalid values (an unknown stage, a malformed date) are reported on the form and ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import django_filters
from django.db.models import CharField, Count, Expression, F, QuerySet, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from numerique_ouvert.parcours.stages import stage_choices

from .queries import cached_listing

TOTAL = "__total__"


@dataclass(frozen=True)
class FacetSpec:
    """How to count the values of one filter over a listing.

    ``value`` is the grouped field path or expression; ``label`` a field giving the value's
    display name (tag name, actor name) when the filter has no fixed choices. ``limit`` keeps the
    most frequent values only; ``keep_empty`` lists fixed choices that match nothing (the five
    stages are always shown, so the parcours stays readable).
    """

    value: str | Expression
    label: str | None = None
    limit: int | None = None
    keep_empty: bool = False


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """One filter as the template shows it: its field, its options with counts, its selection."""

    name: str
    label: str
    options: list[FacetOption]
    bound_field: Any
    any_label: str = ""
    selected: FacetOption | None = None
    errors: list = field(default_factory=list)


def _text(expression: str | Expression) -> Expression:
    """The expression cast to text: every column of a ``UNION`` must have the same type."""
    source = F(expression) if isinstance(expression, str) else expression
    return Cast(source, output_field=CharField())


class ListingFilterSet(django_filters.FilterSet):
    """Base of every listing's filters: parcours stage and tag. Subclasses add their own filters
    and, for those whose values are counted, an entry in ``facets``."""

    etape = django_filters.ChoiceFilter(
        label=_("Étape du parcours"), field_name="stages__slug", choices=stage_choices,
        empty_label=_("Toutes les étapes"))
    tag = django_filters.CharFilter(label=_("Mot-clé"), field_name="tags__slug")

    facets: dict[str, FacetSpec] = {
        "etape": FacetSpec("stages__slug", keep_empty=True),
        "tag": FacetSpec("tags__slug", label="tags__name", limit=20),
    }
    # Labels of the "any value" option of facets without fixed choices.
    any_labels: dict[str, str] = {"tag": _("Tous les mots-clés")}

    # Set by the index page (its key depends on the active filters): the counts are then cached
    # until the next publication.
    cache_key: str | None = None

    def __init__(self, data: QueryDict | None = None, queryset: QuerySet | None = None, **kwargs):
        # Only this filterset's parameters count (``page`` and others are not filters).
        self.query = data.copy() if data is not None else QueryDict(mutable=True)
        if data is not None:
            data = data.copy()
            for key in list(data.keys()):
                if key not in self.base_filters:
                    del data[key]
        super().__init__(data or None, queryset=queryset, **kwargs)
        self._counts: dict[str, dict[str, tuple[str, int]]] | None = None
        self._total: int | None = None
        self.facet_specs = {name: spec for name, spec in self.get_facet_specs().items()
                            if name in self.filters}

    def get_facet_specs(self) -> dict[str, FacetSpec]:
        """The counted filters; override when a count depends on the request (the time…)."""
        return dict(self.facets)

    # --- Filtering -----------------------------------------------------------------------------

    @property
    def active(self) -> dict[str, Any]:
        """Valid, non-empty filter values, by filter name."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 — validates the form
        return {name: value for name, value in self.form.cleaned_data.items()
                if value not in EMPTY_VALUES}

    def apply(self, queryset: QuerySet, skip: str | None = None) -> QuerySet:
        """``queryset`` narrowed by every active filter except ``skip``."""
        for name, value in self.active.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.apply(queryset)

    # --- Counting ------------------------------------------------------------------------------

    def state_key(self) -> str:
        """The valid active filters, normalised (sorted, as text): what the counts and the
        listing's order depend on, for cache keys."""
        return urlencode(sorted((name, str(value)) for name, value in self.active.items()))

    def _count_all(self) -> None:
        """Total and per-value counts of every facet: one query, or none when cached."""
        if self._counts is not None:
            return
        if self.cache_key is None:
            self._counts, self._total = self._compute_counts()
        else:
            self._counts, self._total = cached_listing(f"{self.cache_key}:counts",
                                                       self._compute_counts)

    def _compute_counts(self) -> tuple[dict[str, dict[str, tuple[str, int]]], int]:
        """Total and per-value counts of every facet, in a single query."""
        base = self.queryset.select_related(None).prefetch_related(None).order_by()
        empty = Value("", output_field=CharField())
        parts = [
            self.apply(base).values(facet=Value(TOTAL, output_field=CharField()),
                                    value=empty, label=empty)
            .annotate(n=Count("pk", distinct=True))
        ]
        for name, spec in self.facet_specs.items():
            parts.append(
                self.apply(base, skip=name)
                .values(facet=Value(name, output_field=CharField()), value=_text(spec.value),
                        label=_text(spec.label) if spec.label else empty)
                .annotate(n=Count("pk", distinct=True))
            )
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        counts: dict[str, dict[str, tuple[str, int]]] = {name: {} for name in self.facet_specs}
        total = 0
        for row in rows:
            if row["facet"] == TOTAL:
                total = row["n"]
            elif row["value"] not in (None, ""):
                counts[row["facet"]][row["value"]] = (row["label"] or row["value"], row["n"])
        return counts, total

    @property
    def total(self) -> int:
        """Number of items matching the active filters (from the same query as the counts)."""
        self._count_all()
        return self._total

    def _selected_value(self, name: str) -> str:
        value = self.active.get(name)
        return "" if value in EMPTY_VALUES else str(value)

    def get_facets(self) -> list[Facet]:
        """The facets in declaration order, each with its options, counts and selection."""
        self._count_all()
        facets = []
        for name, spec in self.facet_specs.items():
            counts = self._counts.get(name, {})
            selected = self._selected_value(name)
            choices = getattr(self.filters[name].field, "choices", None)
            if choices is not None:
                options = [
                    FacetOption(str(value), str(label), counts.get(str(value), ("", 0))[1],
                                str(value) == selected)
                    for value, label in choices if value not in EMPTY_VALUES
                ]
                options = [o for o in options if o.count or o.selected or spec.keep_empty]
            else:
                ranked = sorted(counts.items(), key=lambda item: (-item[1][1], item[1][0]))
                if spec.limit:
                    ranked = ranked[:spec.limit]
                options = [FacetOption(value, label, n, value == selected)
                           for value, (label, n) in ranked]
                if selected and not any(o.selected for o in options):
                    label, n = counts.get(selected, (selected, 0))
                    options.insert(0, FacetOption(selected, label, n, True))
            bound = self.form[name]
            facets.append(Facet(
                name=name, label=str(self.filters[name].label), options=options,
                bound_field=bound, any_label=self.any_label(name),
                selected=next((o for o in options if o.selected), None),
                errors=list(bound.errors) if self.is_bound else [],
            ))
        return facets

    def any_label(self, name: str) -> str:
        empty_label = getattr(self.filters[name], "extra", {}).get("empty_label")
        return str(empty_label or self.any_labels.get(name) or _("Tous"))

    def other_fields(self) -> list:
        """Bound fields of the filters that are not facets (dates…), for the form."""
        return [self.form[name] for name in self.filters if name not in self.facet_specs]

    def active_filters(self) -> list[dict[str, str]]:
        """The active filters as removable tags: label, displayed value, parameter name."""
        shown = []
        options = {facet.name: facet.selected for facet in self.get_facets()}
        for name, value in self.active.items():
            option = options.get(name)
            display = option.label if option is not None else self._display(name, value)
            shown.append({"name": name, "label": str(self.filters[name].label),
                          "value": display, "remove_query": self.query_without(name)})
        return shown

    def query_without(self, *names: str) -> str:
        """The current query string without ``names`` nor the page number (``?`` if empty)."""
        query = self.query.copy()
        for name in (*names, "page"):
            query.pop(name, None)
        return "?" + query.urlencode()

    def _display(self, name: str, value: Any) -> str:
        from django.utils import formats

        if hasattr(value, "year") and hasattr(value, "day"):
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        return str(value)

    @property
    def has_errors(self) -> bool:
        return self.is_bound and bool(self.errors)

