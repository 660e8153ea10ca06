"""Filters of the event listings: stage, tag, format, upcoming or past, year and date range."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Case, CharField, Value, When
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from numerique_ouvert.core.filters import FacetSpec, ListingFilterSet

from .choices import EventFormat

UPCOMING, PAST = "a-venir", "passes"


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class DateInput(forms.DateInput):
    """A native date picker; the value is sent as YYYY-MM-DD, which Django parses in every locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end and end < start:
            self.add_error("au", _("La date de fin doit suivre la date de début."))
        return cleaned


class EventFilterSet(ListingFilterSet):
    format = django_filters.ChoiceFilter(label=_("Format"), choices=EventFormat.choices,
                                         empty_label=_("Tous les formats"))
    quand = django_filters.ChoiceFilter(
        label=_("Période"), choices=[(UPCOMING, _("À venir")), (PAST, _("Passés (archives)"))],
        empty_label=_("À venir et passés"), method="filter_period")
    annee = django_filters.NumberFilter(label=_("Année"), field_name="start__year")
    du = django_filters.DateFilter(label=_("Du"), method="filter_from", widget=DateInput)
    au = django_filters.DateFilter(label=_("Au"), method="filter_to", widget=DateInput)

    facets = {
        **ListingFilterSet.facets,
        "format": FacetSpec("format"),
        "annee": FacetSpec(ExtractYear("start")),
    }
    any_labels = {**ListingFilterSet.any_labels, "annee": _("Toutes les années")}

    class Meta:
        form = EventFilterForm

    def __init__(self, *args, **kwargs):
        # "Upcoming" and "past" are relative to the time of the request.
        self.now = timezone.now()
        super().__init__(*args, **kwargs)

    def get_facet_specs(self) -> dict[str, FacetSpec]:
        period = Case(When(end__lt=self.now, then=Value(PAST)), default=Value(UPCOMING),
                      output_field=CharField())
        specs = dict(self.facets)
        # Shown right after the format, before the year.
        return {**{k: v for k, v in specs.items() if k != "annee"},
                "quand": FacetSpec(period), "annee": specs["annee"]}

    def filter_period(self, queryset, name, value):
        if value == PAST:
            return queryset.filter(end__lt=self.now)
        return queryset.filter(end__gte=self.now)

    def filter_from(self, queryset, name, value):
        # Events still running on or after that day.
        return queryset.filter(end__gte=_day_start(value))

    def filter_to(self, queryset, name, value):
        # Events that have started by the end of that day.
        return queryset.filter(start__lt=_day_start(value + datetime.timedelta(days=1)))

    @property
    def calendar_query(self) -> str:
        """The query string of the calendar feed matching the active stage and format (the feed
        only holds upcoming events, so the other filters do not apply)."""
        query = QueryDict(mutable=True)
        for name in ("etape", "format"):
            value = self.active.get(name)
            if value:
                query[name] = value
        return "?" + query.urlencode() if query else ""
