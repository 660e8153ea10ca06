"""Filters of the guide listings: stage, tag and how recently the guide was reviewed."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from numerique_ouvert.core.filters import FacetSpec, ListingFilterSet

RECENT, YEAR, OLDER, NEVER = "6-mois", "1-an", "plus-d-un-an", "jamais"


class GuideFilterSet(ListingFilterSet):
    relu = django_filters.ChoiceFilter(
        label=_("Dernière relecture"), method="filter_reviewed",
        empty_label=_("Toutes les dates"),
        choices=[(RECENT, _("Il y a moins de 6 mois")), (YEAR, _("Il y a 6 mois à un an")),
                 (OLDER, _("Il y a plus d'un an")), (NEVER, _("Jamais relu"))])

    def __init__(self, *args, **kwargs):
        today = timezone.localdate()
        half_year, year = today - datetime.timedelta(days=182), today - datetime.timedelta(days=365)
        # One Q per bucket: the filter and its count use the same definition.
        self.buckets = {
            RECENT: Q(last_reviewed__gte=half_year),
            YEAR: Q(last_reviewed__lt=half_year, last_reviewed__gte=year),
            OLDER: Q(last_reviewed__lt=year),
            NEVER: Q(last_reviewed__isnull=True),
        }
        super().__init__(*args, **kwargs)

    def get_facet_specs(self) -> dict[str, FacetSpec]:
        bucket = Case(*(When(q, then=Value(value)) for value, q in self.buckets.items()),
                      output_field=CharField())
        return {**self.facets, "relu": FacetSpec(bucket)}

    def filter_reviewed(self, queryset, name, value):
        return queryset.filter(self.buckets[value])
