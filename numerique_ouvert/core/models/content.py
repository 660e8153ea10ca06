"""A plain content page, for the pages every portal needs (accessibility, legal notice…)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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


class AbstractPersonalDataPage(AbstractContentPage):
    """"Données personnelles": the editors' text, then what each enabled feature collects, why,
    for how long and how to withdraw it, written by the features themselves
    (``FeatureAppConfig.privacy_section``) so the page stays true when features are switched on
    or off and when retention settings change."""

    controller = models.CharField(
        _("responsable du traitement"), max_length=255, blank=True,
        help_text=_("Par exemple : Ministère de l'Exemple, direction du numérique."))
    rights_contact = models.TextField(
        _("pour exercer vos droits"), blank=True,
        help_text=_("Comment joindre le délégué à la protection des données (adresse postale, "
                    "formulaire…). Texte simple."))

    content_panels = AbstractContentPage.content_panels + [
        MultiFieldPanel([FieldPanel("controller"), FieldPanel("rights_contact")],
                        heading=_("Responsable et droits")),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from ..features import enabled_features_for_site, get_features

        context = super().get_context(request, *args, **kwargs)
        enabled = enabled_features_for_site(None, request=request)
        sections = [feature.privacy_section(request) for feature in get_features()
                    if feature.feature_key in enabled]
        context["privacy_sections"] = [section for section in sections if section is not None]
        return context


class PersonalDataPage(AbstractPersonalDataPage):
    """The default "Données personnelles" page (choose it in the portal settings' footer)."""

    template = "numerique_ouvert/core/personal_data_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page « Données personnelles »")
        verbose_name_plural = _("pages « Données personnelles »")
