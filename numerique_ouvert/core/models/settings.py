"""Per-site portal settings: the ministry's branding, the footer links and the feature switches."""

from __future__ import annotations

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import FooterLinkBlock
from ..forms import PortalSettingsForm
from ..panels import FeatureSwitchesPanel, PortalSettingsInterface


class AccessibilityStatus(models.TextChoices):
    FULL = "full", _("totalement conforme")
    PARTIAL = "partial", _("partiellement conforme")
    NONE = "none", _("non conforme")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Branding, mandatory footer links and feature switches of one site.

    Read it through ``PortalSettings.for_request(request)``: it is cached on the request, so
    the header, footer, menus and feature checks of one page share it, and in the Django cache
    under the page cache's version (see :meth:`for_request`), so most requests run no query.
    """

    # The statement page's own row comes in the same join: the footer shows its status.
    select_related = ["operator_logo", "accessibility_page",
                      "accessibility_page__accessibilitystatementpage", "legal_notice_page",
                      "personal_data_page", "sitemap_page"]

    # DSFR "bloc marque": the Marianne block, one line per row ("Ministère / de l'Exemple").
    brand_lines = models.TextField(
        _("bloc marque"),
        default="République\nFrançaise",
        help_text=_("Une ligne par ligne affichée sous la Marianne, par exemple "
                    "« Ministère » puis « de la Culture »."),
    )
    site_title = models.CharField(_("nom du site"), max_length=120, default=_("Numérique ouvert"))
    site_tagline = models.CharField(
        _("baseline"), max_length=200, blank=True,
        default=_("Logiciels libres et communs numériques dans l'administration"),
    )
    operator_logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo de l'opérateur"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    operator_logo_alt = models.CharField(
        _("texte alternatif du logo"), max_length=200, blank=True,
        help_text=_("Obligatoire si un logo est choisi : reprend le texte visible dans le logo."),
    )
    footer_description = models.TextField(_("texte du pied de page"), blank=True)
    accessibility_status = models.CharField(
        _("conformité RGAA"), max_length=10, choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NONE,
        help_text=_("Ignoré quand la page « Accessibilité » est une déclaration "
                    "d'accessibilité : le pied de page affiche alors l'état qu'elle déclare."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page « Accessibilité »"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page « Mentions légales »"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    personal_data_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page « Données personnelles »"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    sitemap_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page « Plan du site »"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # A StreamField rather than related rows: read with the settings, at no extra query.
    footer_links = StreamField([("link", FooterLinkBlock())], verbose_name=_("autres liens du pied de page"),
                               blank=True)
    # {feature_key: bool}; a missing key falls back to NUMERIQUE_OUVERT["FEATURES"], then to on.
    # A JSON map rather than one column per feature so that integrators' own features get a switch
    # without a migration of ours, and uninstalled features leave nothing behind.
    features = models.JSONField(_("fonctionnalités"), default=dict, blank=True)

    base_form_class = PortalSettingsForm

    edit_handler = PortalSettingsInterface([
        ObjectList([
            MultiFieldPanel([
                FieldPanel("brand_lines"),
                FieldPanel("site_title"),
                FieldPanel("site_tagline"),
            ], heading=_("En-tête")),
            MultiFieldPanel([
                FieldPanel("operator_logo"),
                FieldPanel("operator_logo_alt"),
            ], heading=_("Logo de l'opérateur")),
        ], heading=_("Identité")),
        ObjectList([
            FieldPanel("footer_description"),
            FieldPanel("accessibility_status"),
            PageChooserPanel("accessibility_page"),
            PageChooserPanel("legal_notice_page"),
            PageChooserPanel("personal_data_page"),
            PageChooserPanel("sitemap_page"),
            FieldPanel("footer_links"),
        ], heading=_("Pied de page")),
        ObjectList([FeatureSwitchesPanel(heading=_("Fonctionnalités activées sur ce site"))],
                   heading=_("Fonctionnalités")),
    ])

    class Meta:
        verbose_name = _("paramètres du portail")
        verbose_name_plural = _("paramètres du portail")

    def __str__(self) -> str:
        return str(self.site_title)

    @classmethod
    def for_request(cls, request):
        """The settings of the request's site, with their related rows, from the Django cache.

        The entry is keyed on the page cache's version (:func:`numerique_ouvert.core.cache.
        pages_version`), which saving any site setting, image or page increments: what the
        settings join (logo, footer pages, accessibility statement) is never shown stale.
        """
        from wagtail.models import Site

        from numerique_ouvert.conf import get_setting

        from ..cache import PREFIX, pages_version

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # raises DoesNotExist, as Wagtail does
        key = f"{PREFIX}:settings:{pages_version(request)}:{cls._meta.label_lower}:{site.pk}"
        site_settings = cache.get(key)
        if site_settings is None:
            site_settings = cls.for_site(site)
            # As long as the fragments: with a per-process cache, the bound on how long another
            # process, whose version did not move, shows the old settings.
            cache.set(key, site_settings, get_setting("PAGE_CACHE_TIMEOUT"))
        # As Wagtail's for_request: page URLs of the footer are computed for this request.
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    def accessibility_status_label(self) -> str:
        """The "Accessibilité : …" mention of the footer: the status the statement page declares,
        else the one chosen here (no query: the statement comes with the settings' join)."""
        page = self.accessibility_page
        statement = getattr(page, "accessibilitystatementpage", None) if page else None
        if statement is not None:
            return statement.get_conformity_status_display()
        return self.get_accessibility_status_display()

    @property
    def brand_line_list(self) -> list[str]:
        return [line.strip() for line in self.brand_lines.splitlines() if line.strip()]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.operator_logo_id and not self.operator_logo_alt.strip():
            raise ValidationError({"operator_logo_alt": _(
                "Indiquez le texte du logo : il est lu par les lecteurs d'écran.")})
