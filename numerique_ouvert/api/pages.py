"""The pages endpoint: Wagtail's, narrowed to the pages the portal shows on the requested site."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.blocks import Block, ChooserBlock, ListBlock, RichTextBlock
from wagtail.fields import StreamField

from .base import PrefetchingViewSetMixin
from .fields import FederatedFromField, PrefetchingField
from .filters import STAGE_PARAMETER, TAGS_PARAMETER, FieldsFilter, StageFilter, TagsFilter
from .visibility import exclude_on, visible_pages


def reads_database(block: Block) -> bool:
    """Whether serializing ``block`` may query the database: a chooser fetches its object, rich
    text fetches the pages and documents it links to (``?rich_text_format=html``)."""
    if isinstance(block, ChooserBlock | RichTextBlock):
        return True
    if isinstance(block, ListBlock):
        return reads_database(block.child_block)
    return any(reads_database(child) for child in getattr(block, "child_blocks", {}).values())


class PortalPagesAPIViewSet(PrefetchingViewSetMixin, PagesAPIViewSet):
    """Live pages of the requested site, outside private sections, of the features switched on
    (see :func:`numerique_ouvert.api.visibility.visible_pages`), with each type's ``api_fields``.

    Listings leave out the pages editors chose not to list, and serve every field but the
    StreamField bodies (see :meth:`get_detail_only_fields`): a listing costs the same number of
    queries whatever its length.
    """

    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        StageFilter,
        TagsFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    # ``?site=`` is refused: a site's API shows that site's pages only.
    known_query_parameters = (
        (PagesAPIViewSet.known_query_parameters - {"site"}) | {STAGE_PARAMETER, TAGS_PARAMETER})
    # ``alias_of`` is left out: an alias's original may be a page this API does not show.
    # ``last_published_at`` lets a federating portal fetch only what changed since its last visit.
    meta_fields = [
        name for name in PagesAPIViewSet.meta_fields if name != "alias_of"] + ["last_published_at"]
    if apps.is_installed("numerique_ouvert.federation"):
        # The pages that copy another portal's say so (see docs/federation.md).
        meta_fields = [*meta_fields, APIField("federated_from", serializer=FederatedFromField())]
    prefetch_wagtail_fields = ("locale",)

    def get_base_queryset(self):
        # Also the base of ?child_of=, ?descendant_of= and of the ``parent`` field.
        return visible_pages(self.request)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "listing_view":
            # As on the portal: an unlisted page answers at its address, but no list shows it.
            queryset = exclude_on(queryset, "listed", Q(listed=False)).select_related("locale")
        return queryset

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only)
        if db_fields_only:
            # ``?tags=`` is TagsFilter's (every listing, names or slugs), not Wagtail's field
            # filter (typed listings only, names only).
            fields = [name for name in fields if name != TAGS_PARAMETER]
        return fields

    @classmethod
    def get_detail_only_fields(cls, model) -> list[str]:
        """StreamFields served by the detail view only, as Wagtail does for ``parent``: those
        whose blocks fetch images, snippets or pages, one stream at a time (bodies, programme).
        A list of organisers stays in listings, and so does a field whose serializer prefetches
        for a whole listing (``related_pages``)."""
        names = []
        for api_field in cls.get_body_fields(model):
            try:
                model_field = model._meta.get_field(api_field.name)
            except FieldDoesNotExist:
                continue
            if (isinstance(model_field, StreamField)
                    and not isinstance(api_field.serializer, PrefetchingField)
                    and reads_database(model_field.stream_block)):
                names.append(api_field.name)
        return names

    def get_serializer_class(self):
        if self.action != "listing_view":
            return super().get_serializer_class()
        model = self.get_queryset().model
        try:
            fields_config = parse_fields_parameter(self.request.GET.get("fields", ""))
        except ValueError as error:  # Wagtail's own message, as for the detail view
            raise BadRequestError(f"fields error: {error}") from error
        detail_only = self.get_detail_only_fields(model)
        asked = sorted({name for name, negated, _sub in fields_config
                        if name in detail_only and not negated})
        if asked:
            raise BadRequestError(
                _("Champs servis par la vue détaillée d'une page seulement : %(fields)s")
                % {"fields": ", ".join(asked)})
        if fields_config and fields_config[0][0] == "*":
            fields_config = [*fields_config, *((name, True, None) for name in detail_only)]
        return self._get_serializer_class(
            self.request.wagtailapi_router, model, fields_config, show_details=False)
