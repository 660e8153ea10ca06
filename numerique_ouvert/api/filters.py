"""Filters of the API besides Wagtail's: parcours stage (``?etape=``) and tags (``?tags=``).

Both work on every page listing, typed (``?type=``) or not, and ``?etape=`` on testimonies too:
Wagtail's own field filter only knows the fields of the queryset's model, and a plain ``Page``
has neither stages nor tags.

``?format=`` is both DRF's renderer switch (``json``, ``api``) and an event's field
(``?format=atelier``): :class:`RendererOrFieldNegotiation` and :class:`FieldsFilter` share it.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import DefaultContentNegotiation
from wagtail.api.v2 import filters as wagtail_filters

from .visibility import filter_on

STAGE_PARAMETER = "etape"
TAGS_PARAMETER = "tags"


def values_of(request, name: str) -> list[str]:
    """The comma-separated values of a query parameter, blanks dropped."""
    return [value.strip() for value in request.GET.get(name, "").split(",") if value.strip()]


class StageFilter(BaseFilterBackend):
    """``?etape=utiliser``: items placed on that stage (``?etape=a,b``: on either)."""

    def filter_queryset(self, request, queryset, view):
        slugs = values_of(request, STAGE_PARAMETER)
        if not slugs:
            return queryset
        return filter_on(queryset, "stages", Q(stages__slug__in=slugs))


class TagsFilter(BaseFilterBackend):
    """``?tags=api,open data``: pages with every tag given, each named by its name or its slug
    (the portal's listings link to ``?tag=<slug>``; Wagtail's own filter takes names)."""

    def filter_queryset(self, request, queryset, view):
        for tag in values_of(request, TAGS_PARAMETER):
            queryset = filter_on(queryset, "tags", Q(tags__name=tag) | Q(tags__slug=tag))
        return queryset


class RendererOrFieldNegotiation(DefaultContentNegotiation):
    """``?format=`` picks a renderer only when it names one; any other value is left to the
    field filter instead of answering 404."""

    def filter_renderers(self, renderers, format):
        return [renderer for renderer in renderers if renderer.format == format] or renderers


class FieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's filter on the model's fields (``?format=atelier``, ``?kind=software``), except
    for ``?format=json`` or ``?format=api``, which picked the renderer."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("format") in {renderer.format for renderer in view.get_renderers()}:
            query = request.GET.copy()
            del query["format"]
            request = SimpleNamespace(GET=query)  # Wagtail's filter only reads request.GET
        return super().filter_queryset(request, queryset, view)
