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

    def route(self, request, path_components):
        """Wagtail's routing below the portal home in two queries, whatever the depth.

        Wagtail fetches each level's child and then its specific page (two queries per level).
        Here every candidate page is fetched at once by slug, the chain is rebuilt in Python with
        the same rules (a routable page tries its own routes before its children; only the last
        page must be live), and only the page that answers is made specific. A page type with
        routing of its own takes over from where it sits.
        """
        self._remember_as_root(request)
        if not path_components:
            return super().route(request, path_components)
        from django.contrib.contenttypes.models import ContentType
        from django.http import Http404
        from django.urls import Resolver404
        from wagtail.contrib.routable_page.models import RoutablePageMixin

        candidates = Page.objects.filter(
            slug__in=set(path_components), path__startswith=self.path,
            depth__gt=self.depth, depth__lte=self.depth + len(path_components),
        )
        by_parent = {(page.path[:-Page.steplen], page.slug): page for page in candidates}
        chain, parent_path = [], self.path
        for slug in path_components:
            page = by_parent.get((parent_path, slug))
            if page is None:
                break
            chain.append(page)
            parent_path = page.path
        if not chain:
            raise Http404
        for position, page in enumerate(chain):
            remaining = path_components[position + 1:]
            page_class = ContentType.objects.get_for_id(page.content_type_id).model_class()
            if page_class is None:
                raise Http404
            standard = page_class.route in (Page.route, RoutablePageMixin.route)
            routable = issubclass(page_class, RoutablePageMixin)
            if routable and page.live:
                subpath = "/" + "".join(f"{c}/" for c in remaining)
                try:
                    page_class.get_resolver().resolve(subpath)
                    standard = False  # one of its routes answers: let the page serve it
                except Resolver404:
                    pass
            if not standard or not remaining or position + 1 == len(chain):
                self._remember_ancestors(request, page, chain[:position])
                specific = page.specific
                specific._cached_parent_obj = chain[position - 1] if position else self
                return specific.route(request, remaining)
        raise Http404  # unreachable: the loop returns at the last page of the chain

    def _remember_as_root(self, request) -> None:
        """Wagtail routes from the site root in the active language: remember it, so that
        the menu and the breadcrumb do not look the translation up again."""
        from django.conf import settings
        from django.utils.translation import get_language

        if request is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return
        site = getattr(request, "_wagtail_site", None)
        if site is not None and site.root_page.translation_key == self.translation_key:
            roots = getattr(request, "_numerique_ouvert_roots", None)
            if roots is None:
                roots = request._numerique_ouvert_roots = {}
            roots[(site.pk, get_language())] = self

    def _remember_ancestors(self, request, page: Page, ancestors: list[Page]) -> None:
        """Give the breadcrumb and JSON-LD the ancestors found while routing: the pages between
        the site root and ``page`` (no query for them later)."""
        from wagtail.models import Site

        from ..queries import localized_root
        from ..templatetags.numerique_ouvert_tags import remember_ancestors

        site = Site.find_for_request(request)
        # Wagtail routes from the root in the active language (a translation of the site root).
        if site is not None and localized_root(site, request).pk == self.pk:
            remember_ancestors(request, page.pk, ancestors)

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
