"""Abstract bases shared by every page type of the portal."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from numerique_ouvert.api.fields import RenditionField, StagesField, TagsField
from numerique_ouvert.conf import get_setting
from numerique_ouvert.parcours.stages import stage_order_key

from ..features import is_feature_enabled
from ..feeds import IndexFeedsMixin
from ..queries import (
    CARD_RENDITION,
    HERO_RENDITION,
    cached_listing,
    card_rows,
    items_in_order,
    listed_pages,
    listing_key,
    load_page_images,
    prefetch_card_renditions,
    restricted_paths,
)
from ..structured_data import base_properties


class FeaturePageMixin:
    """Ties a page type to a switchable feature.

    Set ``numerique_ouvert_feature`` to the feature key. While the feature is off for a site,
    the page type cannot be created under that site and its pages answer 404.
    """

    numerique_ouvert_feature: str | None = None

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        if not super().can_create_at(parent):
            return False
        if cls.numerique_ouvert_feature is None:
            return True
        site = parent.get_site()
        return site is None or is_feature_enabled(cls.numerique_ouvert_feature, site=site)

    def serve(self, request, *args, **kwargs):
        if not is_feature_enabled(self.numerique_ouvert_feature, request=request):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's check, run on every request, costs two queries (the ancestors, then their
        restrictions). Outside any restricted subtree (the cached paths of
        ``queries.restricted_paths``, what every listing also uses) there is nothing to check.
        Only with a cache shared by every process: a per-process cache would let another
        process miss a restriction just added. Aliases keep Wagtail's check (they take their
        source page's restrictions)."""
        from django.core.cache import DEFAULT_CACHE_ALIAS, caches
        from django.core.cache.backends.dummy import DummyCache
        from django.core.cache.backends.locmem import LocMemCache
        from wagtail.models import PageViewRestriction

        shared = not isinstance(caches[DEFAULT_CACHE_ALIAS], (LocMemCache, DummyCache))
        if shared and not self.alias_of_id and not any(
                self.path.startswith(path) for path in restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class BasePortalPage(FeaturePageMixin, RoutablePageMixin, Page):
    """Fields every content page shares: a tagline, an image, parcours stages and listing flags.

    Concrete subclasses add ``tags`` (a ``ClusterTaggableManager`` needs a concrete through model)
    and their own body fields. Pages are routable so features can serve extra formats of a page
    (an event's ``.ics``) behind the same feature switch.
    """

    tagline = models.CharField(
        _("accroche"), max_length=255, blank=True,
        help_text=_("Une ou deux phrases qui résument la page ; reprise sur les cartes."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    stages = ParentalManyToManyField(
        "numerique_ouvert_parcours.ParcoursStage", verbose_name=_("étapes du parcours"),
        blank=True, related_name="+",
    )
    listed = models.BooleanField(
        _("afficher dans les listes"), default=True,
        help_text=_("Décochez pour garder la page accessible par son adresse sans la lister."),
    )
    noindex = models.BooleanField(
        _("ne pas indexer"), default=False,
        help_text=_("Demande aux moteurs de recherche de ne pas référencer cette page."),
    )

    search_fields = Page.search_fields + [index.SearchField("tagline")]

    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("listed"), FieldPanel("noindex")], heading=_("Visibilité")),
    ]

    # Fields of the read-only API (numerique_ouvert.api); subclasses extend the list. ``image`` is
    # the card rendition, ``image_large`` the one shown on the page.
    api_fields = [
        APIField("tagline"),
        APIField("stages", serializer=StagesField()),
        APIField("tags", serializer=TagsField()),
        APIField("image", serializer=RenditionField(CARD_RENDITION)),
        APIField("image_large", serializer=RenditionField(HERO_RENDITION, source="image")),
    ]

    # Page types whose pages visitors can testify about (read by the testimonies feature), and
    # the heading of the testimony form on them.
    accepts_testimonies = False
    testimony_prompt = _("Vous souhaitez témoigner ?")
    # Where a page published by another portal comes from, as ``{"name", "url", "site_url"}``
    # (set for the request by ``numerique_ouvert.federation``); ``None`` for the portal's own
    # pages. The canonical link then points to ``url``, and the page names its source.
    attribution: dict | None = None
    # schema.org type of the page's JSON-LD; override get_structured_data() to add properties.
    schema_type = "WebPage"
    # Image fields shown on the page, loaded together with their renditions (see get_context).
    page_image_fields: tuple[str, ...] = ("image",)
    page_image_renditions: tuple[str, ...] = (HERO_RENDITION,)
    # True when the template fetches them itself ({% load_page_images page %} inside its cached
    # content, see numerique_ouvert_fragments): a page served from that cache skips the query.
    template_loads_images = False

    class Meta:
        abstract = True

    @cached_property
    def tag_list(self) -> list:
        """The page's tags, fetched once per render (template and JSON-LD share them)."""
        tags = getattr(self, "tags", None)
        return list(tags.all()) if tags is not None else []

    def get_structured_data(self, request) -> dict:
        return base_properties(request, self, self.schema_type)

    def load_images(self) -> None:
        """Fetch the page's image fields and their renditions together (two queries at most)."""
        load_page_images(self, self.page_image_fields, *self.page_image_renditions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not self.template_loads_images:
            self.load_images()
        return context

    @property
    def testimony_form_open(self) -> bool:
        """Whether the testimony form is shown on the page now (events: once begun)."""
        return self.accepts_testimonies

    def get_stages(self):
        """The page's stages in parcours order (uses the prefetch cache when present), read once
        per instance: templates, cards and JSON-LD all ask for them."""
        if not hasattr(self, "_ordered_stages"):
            self._ordered_stages = sorted(self.stages.all(), key=stage_order_key)
        return self._ordered_stages


class IndexPageMixin(IndexFeedsMixin, FeaturePageMixin, RoutablePageMixin):
    """A page listing its live, listed children of one type, paginated.

    Set ``listing_model`` (via ``get_listing_model``) to the concrete child class. Override
    ``get_listing_queryset`` to add ordering or filters; keep prefetches there so the number
    of queries does not depend on the number of items.
    """

    listing_context_name = "items"
    # "app_label.ModelName" of the concrete page type listed (a subclass may point to its own).
    listing_model: str | None = None
    # The listing's filters: a ``numerique_ouvert.core.filters.ListingFilterSet`` subclass.
    filterset_class = None

    @classmethod
    def get_child_page_base(cls):
        """Page class whose concrete subclasses (the site's own included) may be created under
        this index; ``None`` keeps Wagtail's ``subpage_types`` rule."""
        return None

    @classmethod
    def allowed_subpage_models(cls):
        base = cls.get_child_page_base()
        if base is None:
            return super().allowed_subpage_models()
        from wagtail.models import get_page_models

        return [m for m in get_page_models() if issubclass(m, base) and not m._meta.abstract]

    def get_listing_model(self):
        from django.apps import apps

        return apps.get_model(self.listing_model)

    def get_listing_queryset(self, request):
        return listed_pages(self.get_listing_model(), request).child_of(self)

    def get_structured_data(self, request) -> dict:
        return base_properties(request, self, "CollectionPage")

    def get_filterset(self, request, queryset):
        """The listing's filters bound to the query string, or ``None`` for a plain listing."""
        if self.filterset_class is None:
            return None
        return self.filterset_class(request.GET, queryset=queryset, request=request)

    def listing_cache_key(self, filterset) -> str:
        """Key of this listing's cached counts and page ids for the active filters."""
        return listing_key("index", self.pk, filterset.state_key() if filterset else "")

    def paginate(self, request, queryset, count: int | None = None):
        paginator = Paginator(queryset, get_setting("PAGE_SIZE"))
        if count is not None:
            paginator.count = count  # known already (counted with the filters): no COUNT query
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            raise Http404 from None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset = self.get_listing_queryset(request)
        filterset = self.get_filterset(request, queryset)
        # Counting and ordering every matching item is what grows with the amount of content:
        # the counts and the ids of each page of results are cached until the next publication
        # (``signals.LISTINGS``); the items themselves are then read by primary key.
        key = self.listing_cache_key(filterset)
        if filterset is not None:
            filterset.cache_key = key
            source, count = filterset.qs, filterset.total
        else:
            source, count = queryset, cached_listing(f"{key}:count", queryset.count)
        page_obj = self.paginate(request, source, count=count)
        ids = cached_listing(f"{key}:page:{page_obj.number}",
                             lambda: list(page_obj.object_list.values_list("pk", flat=True)))
        # Filtered already: no joins on stages or tags.
        items = items_in_order(card_rows(queryset), ids)
        page_obj.object_list = items
        self.listing_page = page_obj  # the JSON-LD of the page lists the same items
        prefetch_card_renditions(items)
        context["page_obj"] = page_obj
        context["filterset"] = filterset
        context[self.listing_context_name] = items
        return context


class BaseIndexPage(IndexPageMixin, Page):
    """An index page with an introduction; feature apps subclass it for their listings."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True
