"""A plain content page, for the pages every portal needs (accessibility, legal notice…)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ContentStreamBlock, table_of_contents
from .pages import BasePortalPage


class AbstractContentPage(BasePortalPage):
    """A page with a title, a tagline and a body; no feature of its own (never switched off)."""

    body = StreamField(ContentStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("stages"),
    ]
    search_fields = BasePortalPage.search_fields + [index.SearchField("body")]
    api_fields = BasePortalPage.api_fields + [APIField("body")]

    class Meta:
        abstract = True

    def table_of_contents(self) -> list[dict]:
        return table_of_contents(self.body)


class ContentPage(AbstractContentPage):
    """The default content page: mentions légales, accessibilité, à propos…"""

    template = "numerique_ouvert/core/content_page.html"

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
