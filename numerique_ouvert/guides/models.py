"""Guides: practical, contributive documentation placed on the parcours."""

from __future__ import annotations

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from numerique_ouvert.api.fields import PageChooserStreamField
from numerique_ouvert.core.blocks import ContentStreamBlock, table_of_contents
from numerique_ouvert.core.models import BaseIndexPage, BasePortalPage
from numerique_ouvert.core.structured_data import organisation

from .filters import GuideFilterSet

FEATURE = "guides"


class AbstractGuideIndexPage(BaseIndexPage):
    """Lists the guides placed under it. Subclass it and set ``listing_model`` for your guide type."""

    numerique_ouvert_feature = FEATURE
    listing_model = "numerique_ouvert_guides.GuidePage"
    listing_context_name = "guides"
    filterset_class = GuideFilterSet

    class Meta:
        abstract = True

    @classmethod
    def get_child_page_base(cls):
        return AbstractGuidePage

    def get_listing_queryset(self, request):
        return super().get_listing_queryset(request).order_by("title")


class GuideIndexPage(AbstractGuideIndexPage):
    template = "numerique_ouvert/guides/guide_index_page.html"

    class Meta:
        verbose_name = _("liste des guides")
        verbose_name_plural = _("listes des guides")


class AbstractGuidePage(BasePortalPage):
    """A guide. Subclass it, add ``tags = ClusterTaggableManager(through=YourTag)`` and fields."""

    numerique_ouvert_feature = FEATURE
    accepts_testimonies = True
    testimony_prompt = _("Ce guide vous a servi ? Témoignez")

    body = StreamField(ContentStreamBlock(), verbose_name=_("contenu"))
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page")))],
        verbose_name=_("ressources liées"), blank=True,
        help_text=_("Communs, événements ou autres guides à lire ensuite."),
    )
    owner_name = models.CharField(
        _("responsable"), max_length=200, blank=True,
        help_text=_("Équipe ou service qui tient ce guide à jour."),
    )
    contact_url = models.URLField(
        _("contact"), blank=True,
        help_text=_("Adresse web d'un formulaire de contact ou d'un forum où joindre l'équipe."),
    )
    last_reviewed = models.DateField(_("dernière relecture"), null=True, blank=True)
    propose_change_url = models.URLField(
        _("proposer une modification"), blank=True,
        help_text=_("Lien vers la source du guide (forge, pad, formulaire) pour suggérer un "
                    "changement."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("stages"),
        FieldPanel("related_pages"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([
            FieldPanel("owner_name"),
            FieldPanel("contact_url"),
            FieldPanel("last_reviewed"),
            FieldPanel("propose_change_url"),
        ], heading=_("Suivi du guide")),
    ]

    search_fields = BasePortalPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("last_reviewed"),
    ]
    api_fields = BasePortalPage.api_fields + [
        APIField("body"),
        APIField("related_pages", serializer=PageChooserStreamField()),
        APIField("owner_name"),
        APIField("contact_url"),
        APIField("last_reviewed"),
        APIField("propose_change_url"),
    ]

    class Meta:
        abstract = True

    card_icon = "fr-icon-book-2-line"
    schema_type = "TechArticle"

    def get_structured_data(self, request) -> dict:
        data = super().get_structured_data(request)
        data["headline"] = self.title
        if self.last_reviewed:
            data["dateModified"] = self.last_reviewed.isoformat()
        if self.owner_name:
            data["author"] = organisation(self.owner_name, self.contact_url or None)
        data["about"] = [stage.name for stage in self.get_stages()]
        return data

    @property
    def card_detail(self) -> str:
        if not self.last_reviewed:
            return ""
        return _("Relu le %(date)s") % {
            "date": formats.date_format(self.last_reviewed, "DATE_FORMAT")}

    def table_of_contents(self) -> list[dict]:
        return table_of_contents(self.body)


class GuidePage(AbstractGuidePage):
    """The default guide page type."""

    tags = ClusterTaggableManager(through="numerique_ouvert_guides.GuidePageTag", blank=True,
                                  verbose_name=_("mots-clés"))

    content_panels = AbstractGuidePage.content_panels[:-1] + [
        FieldPanel("tags"),
        AbstractGuidePage.content_panels[-1],
    ]

    parent_page_types = ["numerique_ouvert_guides.GuideIndexPage"]
    subpage_types = []
    template = "numerique_ouvert/guides/guide_page.html"
    # Its cached content fetches the images ({% load_page_images page %}).
    template_loads_images = True

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        # The few unlisted pages, found without reading the table: every public listing and the
        # search exclude them with a subquery on this column.
        indexes = [models.Index(fields=["listed"], condition=models.Q(listed=False),
                                name="guides_guidepage_unlisted")]


class GuidePageTag(TaggedItemBase):
    """Tags of a guide (a concrete through model, as ``ClusterTaggableManager`` requires)."""

    content_object = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="tagged_items")
