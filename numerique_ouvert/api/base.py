"""What every endpoint of the portal's API shares: read-only, prefetched serialization."""

from __future__ import annotations

from django.db.models import QuerySet, prefetch_related_objects
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination

from numerique_ouvert.core.queries import cached_listing, items_in_order, listing_key

from .fields import prefetch_fields
from .filters import RendererOrFieldNegotiation

# Parameters that choose what is shown of each item, not which items (``format`` may be either:
# a renderer or an event filter, so it stays in the key).
_PRESENTATION_PARAMETERS = {"fields", "offset", "limit"}


class CachedListingPagination(WagtailPagination):
    """Wagtail's pagination, with the total and the ids of each page of results cached like the
    portal's own listings (``queries.cached_listing``: until the next publication, 5 minutes at
    most): counting and sorting every match is what grows with the amount of content. Search
    results and random order are not cached."""

    def paginate_queryset(self, queryset, request, view=None):
        if (not isinstance(queryset, QuerySet) or "search" in request.GET
                or request.GET.get("order") == "random"):
            return super().paginate_queryset(queryset, request, view)
        selection = sorted((name, value) for name, value in request.GET.items()
                           if name not in _PRESENTATION_PARAMETERS)
        # Each site's API shows its own pages: the host is part of the key.
        key = listing_key("api", request.get_host(), request.path, selection)
        total = cached_listing(f"{key}:count", queryset.count)
        counted = queryset.all()
        counted.count = lambda: total  # what Wagtail's pagination asks for
        sliced = super().paginate_queryset(counted, request, view)
        ids = cached_listing(f"{key}:{request.GET.get('offset', 0)}:{request.GET.get('limit', '')}",
                             lambda: list(sliced.values_list("pk", flat=True)))
        # Read back by primary key only: visibility and filters chose the ids already, and the
        # cache is cleared on every publication. Keep the queryset's joins and prefetches.
        rows = queryset.model._default_manager.all()
        rows.query.select_related = queryset.query.select_related
        rows = rows.prefetch_related(*queryset._prefetch_related_lookups)
        return items_in_order(rows, ids)


class PrefetchingViewSetMixin:
    """Combine with a Wagtail ``BaseAPIViewSet``: the fields of a response fetch their data for
    all its objects at once (:func:`numerique_ouvert.api.fields.prefetch_fields`).

    Override ``prefetch`` to fetch what Wagtail's own fields read (a page's ``locale``).
    """

    content_negotiation_class = RendererOrFieldNegotiation
    pagination_class = CachedListingPagination
    # Wagtail's own fields that read a foreign key of each object.
    prefetch_wagtail_fields: tuple[str, ...] = ()

    def prefetch(self, objects: list, serializer) -> None:
        fields = serializer.child.fields if hasattr(serializer, "child") else serializer.fields
        prefetch_fields(fields.values(), objects, serializer.context)
        for name in set(fields) & set(self.prefetch_wagtail_fields):
            prefetch_related_objects(objects, name)

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        objects = list(self.paginate_queryset(queryset))
        serializer = self.get_serializer(objects, many=True)
        self.prefetch(objects, serializer)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        self.prefetch([instance], serializer)
        return Response(serializer.data)
