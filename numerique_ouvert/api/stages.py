"""The parcours stages endpoint: every stage, in parcours order, with its page on the hub."""

from __future__ import annotations

from django.db.models import F
from rest_framework.fields import Field
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet

from numerique_ouvert.core.templatetags.numerique_ouvert_tags import parcours_hub_url
from numerique_ouvert.parcours.models import ParcoursStage

from .base import PrefetchingViewSetMixin
from .fields import full_url
from .filters import FieldsFilter


class StageHtmlUrlField(Field):
    """The stage's page on the site's parcours hub (``null`` when the site has no hub)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, stage) -> str | None:
        request = self.context["request"]
        hub = parcours_hub_url(request)  # cached: no query once warm
        return full_url(request, f"{hub}{stage.slug}/") if hub else None


class StageSerializer(BaseSerializer):
    html_url = StageHtmlUrlField(read_only=True)


class ParcoursStagesAPIViewSet(PrefetchingViewSetMixin, BaseAPIViewSet):
    """The stages pages and testimonies are placed on (``?etape=<slug>`` of the other endpoints).

    Stages are content shared by every site of the install: no feature switches them off.
    """

    model = ParcoursStage
    name = "stages"
    base_serializer_class = StageSerializer
    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}
    meta_fields = BaseAPIViewSet.meta_fields + ["html_url"]

    def get_queryset(self):
        # Unnumbered stages last, as everywhere on the portal.
        return ParcoursStage.objects.order_by(F("sort_order").asc(nulls_last=True), "pk")

    @classmethod
    def get_listing_default_fields(cls, model):
        # A handful of small objects: listings show them whole.
        return cls.get_available_fields(model)
