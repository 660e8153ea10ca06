"""The parcours du numérique ouvert: its ordered stages (content), and the roles and capacities
in which people place themselves on it (defined once, here)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
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

    class Meta(Orderable.Meta):
        verbose_name = _("étape du parcours")
        verbose_name_plural = _("étapes du parcours")

    def __str__(self) -> str:
        return self.name

    @property
    def badge_class(self) -> str:
        return f"fr-badge--{self.colour}"
