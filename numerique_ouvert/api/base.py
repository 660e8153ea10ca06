"""What every endpoint of the portal's API shares: read-only, prefetched serialization."""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from rest_framework.response import Response

from .fields import prefetch_fields
from .filters import RendererOrFieldNegotiation


class PrefetchingViewSetMixin:
    """Combine with a Wagtail ``BaseAPIViewSet``: the fields of a response fetch their data for
    all its objects at once (:func:`numerique_ouvert.api.fields.prefetch_fields`).

    Override ``prefetch`` to fetch what Wagtail's own fields read (a page's ``locale``).
    """

    content_negotiation_class = RendererOrFieldNegotiation
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
