"""The parcours du numérique ouvert: its ordered stages (content), and the roles and capacities
in which people place themselves on it (defined once, here)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class ParcoursRole(models.TextChoices):
    """How far someone is engaged at a stage of the parcours."""

    PRATIQUANT = "pratiquant", _("Pratiquant")
    SYMPATHISANT = "sympathisant", _("Sympathisant")
    AMBASSADEUR = "ambassadeur", _("Ambassadeur")


class ParcoursCapacity(models.TextChoices):
    """In which capacity someone comes (the seed's yellow, red and blue)."""

    OWN_NAME = "own_name", _("En son nom propre")
    PROJECT = "project", _("Pour un projet")
    EXPERT = "expert", _("En tant qu'expert du numérique ouvert")


class StageColour(models.TextChoices):
    """DSFR illustrative colour families, so stage badges stay accessible in light and dark mode."""

    BLUE_ECUME = "blue-ecume", _("Bleu écume")
    GREEN_EMERAUDE = "green-emeraude", _("Vert émeraude")
    YELLOW_TOURNESOL = "yellow-tournesol", _("Jaune tournesol")
    ORANGE_TERRE_BATTUE = "orange-terre-battue", _("Orange terre battue")
    PURPLE_GLYCINE = "purple-glycine", _("Violet glycine")
    PINK_TUILE = "pink-tuile", _("Rose tuile")
    GREEN_MENTHE = "green-menthe", _("Vert menthe")
    BROWN_CAFE_CREME = "brown-cafe-creme", _("Brun café crème")


class ParcoursStage(index.Indexed, Orderable):
    """A stage of the parcours. Stages are content: editors rename, reword and reorder them."""

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(
        _("identifiant"), max_length=80, unique=True, allow_unicode=True,
        help_text=_("Utilisé dans les adresses et les filtres ; évitez de le changer."),
    )
    short_description = models.CharField(_("description courte"), max_length=255)
    description = RichTextField(_("description longue"), blank=True,
                                features=["bold", "italic", "link", "ol", "ul"])
    colour = models.CharField(_("couleur"), max_length=32, choices=StageColour.choices,
                              default=StageColour.BLUE_ECUME)
    icon = models.CharField(
        _("icône DSFR"), max_length=64, blank=True,
        validators=[RegexValidator(r"^fr-icon-[a-z0-9-]+$",
                                   _("Nom d'icône DSFR attendu, par exemple fr-icon-compass-3-line."))],
        help_text=_("Classe d'une icône du système de design, par exemple fr-icon-compass-3-line."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("colour"),
        FieldPanel("icon"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_description"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("short_description"),
        APIField("description"),
        APIField("colour"),
        APIField("icon"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("étape du parcours")
        verbose_name_plural = _("étapes du parcours")

    def __str__(self) -> str:
        return self.name

    @property
    def badge_class(self) -> str:
        return f"fr-badge--{self.colour}"


class AbstractParcoursPage(RoutablePageMixin, Page):
    """The parcours hub: an overview of the stages with what each holds, and one page per stage
    gathering that stage's guides, events, commons and testimonies (from the enabled features).

    Stage pages are routes of this page (``<hub>/<stage slug>/``), so stages stay snippets that
    editors rename and reorder without creating pages.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    # Items per feature on a stage page; the section links to the filtered listing for the rest.
    items_per_section = 6

    class Meta:
        abstract = True

    @path("", name="overview")
    def overview(self, request):
        from .hub import overview_context

        return self.render(request, context_overrides=overview_context(self, request))

    @path("<str:stage_slug>/", name="stage")
    def stage(self, request, stage_slug: str):
        from .hub import stage_context

        return self.render(request, context_overrides=stage_context(self, request, stage_slug),
                           template=self.stage_template)

    stage_template = "numerique_ouvert/parcours/stage_page.html"

    def stage_url(self, stage) -> str:
        return self.url + self.reverse_subpage("stage", args=[stage.slug])

    def get_structured_data(self, request) -> dict:
        from numerique_ouvert.core.structured_data import base_properties

        data = base_properties(request, self, "CollectionPage")
        stage = getattr(self, "_current_stage", None)
        if stage is not None:
            data["name"] = stage.name
            data["description"] = stage.short_description
            data["url"] = request.build_absolute_uri(self.stage_url(stage))
            data["isPartOf"] = {"@type": "CollectionPage", "name": self.title,
                                "url": self.get_full_url(request=request)}
        return data


class ParcoursPage(AbstractParcoursPage):
    """The default parcours hub, one per portal."""

    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "numerique_ouvert/parcours/parcours_page.html"

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")
