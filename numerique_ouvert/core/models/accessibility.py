"""The accessibility statement ("déclaration d'accessibilité") every public site must publish,
as a page whose fields follow the RGAA template, section by section."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .pages import BasePortalPage
from .settings import AccessibilityStatus

RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


def default_appeal_text() -> str:
    """The "voies de recours" paragraph of the RGAA template: the same for every administration
    (the Défenseur des droits), so it comes prefilled."""
    return str(_(
        "<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au "
        "responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un contenu "
        "ou à un des services du portail et vous n'avez pas obtenu de réponse satisfaisante.</p>"
        "<ul><li>Écrire un message au Défenseur des droits (formulaire de contact de son "
        "site) ;</li><li>contacter le délégué du Défenseur des droits dans votre région ;</li>"
        "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur "
        "des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>"))


class AbstractAccessibilityStatementPage(BasePortalPage):
    """Structured fields, one per part of the RGAA statement, so that nothing required is
    forgotten: the page shows each section, and says plainly which ones are still to complete.

    Chosen as the "Accessibilité" page of the portal settings, its conformity status is the one
    the footer shows ("Accessibilité : partiellement conforme"), as the RGAA requires.
    """

    entity_name = models.CharField(
        _("administration qui publie le site"), max_length=255, blank=True,
        help_text=_("Par exemple : Ministère de l'Exemple."))
    site_address = models.URLField(_("adresse du site concerné"), blank=True)
    conformity_status = models.CharField(
        _("état de conformité"), max_length=10, choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NONE,
        help_text=_("« Non conforme » tant qu'aucun audit n'a été réalisé."))
    rgaa_version = models.CharField(_("version du RGAA"), max_length=10, default="4.1")
    audit_date = models.DateField(_("date de l'audit"), null=True, blank=True)
    audited_by = models.CharField(
        _("audit réalisé par"), max_length=255, blank=True,
        help_text=_("Le service ou le prestataire qui a audité le site."))
    conformity_rate = models.PositiveSmallIntegerField(
        _("taux de conformité (%)"), null=True, blank=True, validators=[MaxValueValidator(100)],
        help_text=_("Part des critères applicables respectés, en pourcentage."))
    non_compliant_content = RichTextField(
        _("non-conformités"), features=RICH_TEXT, blank=True,
        help_text=_("Les critères non respectés et les contenus concernés."))
    disproportionate_burden = RichTextField(
        _("dérogations pour charge disproportionnée"), features=RICH_TEXT, blank=True)
    derogations = RichTextField(
        _("contenus non soumis à l'obligation d'accessibilité"), features=RICH_TEXT, blank=True,
        help_text=_("Par exemple des documents bureautiques publiés avant le 23 septembre 2018, "
                    "ou des contenus de tiers que l'administration ne maîtrise pas."))
    statement_date = models.DateField(_("date de la déclaration"), null=True, blank=True)
    technologies = models.TextField(
        _("technologies utilisées"), blank=True, default="HTML\nCSS\nJavaScript",
        help_text=_("Une par ligne."))
    tools = models.TextField(
        _("outils et technologies d'assistance utilisés pour vérifier"), blank=True,
        help_text=_("Une ligne par outil, navigateur ou lecteur d'écran (avec sa version)."))
    pages_audited = models.TextField(
        _("pages ayant fait l'objet de la vérification"), blank=True,
        help_text=_("Une page par ligne : son nom et son adresse."))
    contact = RichTextField(
        _("retour d'information et contact"), features=RICH_TEXT, blank=True,
        help_text=_("Comment signaler un défaut d'accessibilité : adresse électronique, "
                    "formulaire, adresse postale."))
    appeal = RichTextField(
        _("voies de recours"), features=RICH_TEXT, default=default_appeal_text,
        help_text=_("Texte prévu par le RGAA, prérempli : à modifier seulement s'il change."))

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        MultiFieldPanel([FieldPanel("entity_name"), FieldPanel("site_address")],
                        heading=_("Site concerné")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("conformity_status"), FieldPanel("rgaa_version")]),
            FieldRowPanel([FieldPanel("audit_date"), FieldPanel("conformity_rate")]),
            FieldPanel("audited_by"),
        ], heading=_("État de conformité et résultats des tests")),
        MultiFieldPanel([
            FieldPanel("non_compliant_content"),
            FieldPanel("disproportionate_burden"),
            FieldPanel("derogations"),
        ], heading=_("Contenus non accessibles")),
        MultiFieldPanel([
            FieldPanel("statement_date"),
            FieldPanel("technologies"),
            FieldPanel("tools"),
            FieldPanel("pages_audited"),
        ], heading=_("Établissement de cette déclaration")),
        FieldPanel("contact"),
        FieldPanel("appeal"),
    ]

    class Meta:
        abstract = True

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    def technology_list(self) -> list[str]:
        return self.lines(self.technologies)

    def tool_list(self) -> list[str]:
        return self.lines(self.tools)

    def audited_page_list(self) -> list[str]:
        return self.lines(self.pages_audited)


class AccessibilityStatementPage(AbstractAccessibilityStatementPage):
    """The default accessibility statement (choose it in the portal settings' footer)."""

    template = "numerique_ouvert/core/accessibility_statement_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclarations d'accessibilité")
