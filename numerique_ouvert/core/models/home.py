"""The portal home page: an introduction, the parcours overview and one section per feature."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import ContentStreamBlock
from ..features import enabled_features_for_site, get_features
from ..queries import prefetch_card_renditions
from ..structured_data import base_properties, organisation
from .pages import FeaturePageMixin


class AbstractPortalHomePage(FeaturePageMixin, Page):
    """Root page of a portal. Subclass it to add fields; sections come from the enabled features."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image d'en-tête"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    show_parcours = models.BooleanField(_("afficher le parcours"), default=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("contenu libre"), blank=True,
                       help_text=_("Affiché après l'introduction, avant les rubriques."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("show_parcours"),
        FieldPanel("body"),
    ]

    class Meta:
        abstract = True

    def get_structured_data(self, request) -> dict:
        from ..models import PortalSettings

        portal = PortalSettings.for_request(request)
        data = base_properties(request, self, "WebSite")
        data["name"] = portal.site_title
        data["publisher"] = organisation(" ".join(portal.brand_line_list))
        return data

    def get_sections(self, request):
        """Sections contributed by the features switched on for this site, in feature order."""
        enabled = enabled_features_for_site(None, request=request)
        sections = []
        for feature in get_features():
            if feature.feature_key in enabled:
                section = feature.home_section(request, self)
                if section is not None:
                    sections.append(section)
        return sorted(sections, key=lambda s: s.order)

    def get_context(self, request, *args, **kwargs):
        from numerique_ouvert.parcours.stages import all_stages

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections = self.get_sections(request)
        prefetch_card_renditions(page for section in sections for page in section.card_pages)
        if self.show_parcours:
            context["parcours_stages"] = all_stages(request)
        return context


class PortalHomePage(AbstractPortalHomePage):
    """The default portal home page."""

    parent_page_types = ["wagtailcore.Page"]
    # Wagtail derives a template name per concrete class; point it at ours.
    template = "numerique_ouvert/core/home_page.html"

    class Meta:
        verbose_name = _("accueil du portail")
        verbose_name_plural = _("accueils du portail")
