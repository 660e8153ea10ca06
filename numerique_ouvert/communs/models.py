"""Communs numériques: what a commun is, who governs it, who uses, funds or contributes to it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from numerique_ouvert.api.fields import (
    ActorRelationsField,
    ChoiceWithLabelField,
    RenditionField,
    SupportProgrammesField,
)
from numerique_ouvert.core.blocks import ContentStreamBlock
from numerique_ouvert.core.models import BaseIndexPage, BasePortalPage
from numerique_ouvert.core.queries import HERO_RENDITION, LOGO_RENDITION
from numerique_ouvert.core.structured_data import image_url, organisation

from .blocks import UseStoryBlock
from .choices import (
    CATEGORIES,
    PLATFORMS,
    ActorKind,
    ActorRelation,
    CommunKind,
    CommunStatus,
    MaintenanceType,
)
from .fields import StringListField
from .filters import CommunFilterSet
from .validators import normalise_spdx, validate_spdx

FEATURE = "communs"


class PublicActor(index.Indexed, models.Model):
    """A public (or partner) organisation that uses, funds, contributes to or hosts commons.

    Shared by every commun, so the portal can answer "who does what with which commun".
    """

    name = models.CharField(_("nom"), max_length=200, unique=True)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ActorKind.choices,
                            default=ActorKind.MINISTRY)
    website = models.URLField(_("site"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("kind"),
              FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.SearchField("acronym"),
                     index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("acteur public")
        verbose_name_plural = _("acteurs publics")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class SupportProgramme(index.Indexed, models.Model):
    """A programme that supports commons (e.g. the Accélérateur d'initiatives citoyennes)."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    url = models.URLField(_("site"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme d'accompagnement")
        verbose_name_plural = _("programmes d'accompagnement")

    def __str__(self) -> str:
        return self.name


class AbstractCommunIndexPage(BaseIndexPage):
    """Lists the commons under it, alphabetically."""

    numerique_ouvert_feature = FEATURE
    listing_model = "numerique_ouvert_communs.CommunPage"
    listing_context_name = "communs"
    filterset_class = CommunFilterSet

    class Meta:
        abstract = True

    @classmethod
    def get_child_page_base(cls):
        return AbstractCommunPage

    def get_listing_queryset(self, request):
        return super().get_listing_queryset(request).select_related("logo").order_by("title")


class CommunIndexPage(AbstractCommunIndexPage):
    template = "numerique_ouvert/communs/commun_index_page.html"

    class Meta:
        verbose_name = _("liste des communs")
        verbose_name_plural = _("listes des communs")


class AbstractCommunPage(BasePortalPage):
    """A commun numérique. The page title is its name; ``tagline`` is its summary."""

    numerique_ouvert_feature = FEATURE
    accepts_testimonies = True
    testimony_prompt = _("Vous utilisez ce commun ou y contribuez ? Témoignez")

    kind = models.CharField(_("nature"), max_length=20, choices=CommunKind.choices,
                            default=CommunKind.SOFTWARE)
    status = models.CharField(_("maturité"), max_length=20, choices=CommunStatus.choices,
                              default=CommunStatus.STABLE)
    featured = models.BooleanField(_("mis en avant sur l'accueil"), default=False)
    logo = models.ForeignKey("wagtailimages.Image", verbose_name=_("logo"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="+")
    description = StreamField(ContentStreamBlock(), verbose_name=_("description"), blank=True)
    website = models.URLField(_("site"), blank=True)
    source_repository = models.URLField(_("dépôt des sources"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=120, blank=True, validators=[validate_spdx],
        help_text=_("Identifiant ou expression SPDX, par exemple AGPL-3.0-or-later ou "
                    "« MIT OR Apache-2.0 »."),
    )
    # Governance: what makes a commun a commun, beyond a catalogue entry.
    carrying_structure = models.CharField(
        _("structure porteuse"), max_length=200, blank=True,
        help_text=_("Association, fondation, administration ou entreprise qui porte le commun."),
    )
    governance_url = models.URLField(_("règles de gouvernance"), blank=True)
    contribution_url = models.URLField(_("guide de contribution"), blank=True)
    charter_url = models.URLField(_("charte"), blank=True)
    forum_url = models.URLField(_("forum"), blank=True)
    chat_url = models.URLField(_("messagerie instantanée"), blank=True)
    mailing_list_url = models.URLField(_("liste de discussion"), blank=True)
    support_programmes = ParentalManyToManyField(
        SupportProgramme, verbose_name=_("programmes d'accompagnement"), blank=True,
        related_name="+",
    )
    uses = StreamField([("use", UseStoryBlock())], verbose_name=_("usages"), blank=True)
    # Software: what publiccode.yml and the software catalogues (SILL/Catalogi) describe.
    software_version = models.CharField(
        _("dernière version"), max_length=60, blank=True,
        help_text=_("Numéro de la dernière version stable, tel que le projet l'écrit (« 2.4 », « 2024.1 »)."))
    release_date = models.DateField(_("date de la dernière version"), null=True, blank=True)
    platforms = StringListField(
        _("plateformes"), help_text=_("Séparées par des virgules : web, windows, mac, linux, ios, "
                                      "android, ou une autre plateforme en toutes lettres."))
    categories = StringListField(
        _("catégories"), allowed=CATEGORIES,
        help_text=_("Catégories du standard publiccode.yml, séparées par des virgules "
                    "(par exemple : collaboration, office, geographic-information-systems)."))
    maintenance_type = models.CharField(_("maintenance"), max_length=20, blank=True,
                                        choices=MaintenanceType.choices)
    maintenance_contractors = models.JSONField(
        _("prestataires de maintenance"), default=list, blank=True,
        help_text=_("Liste JSON d'objets {\"name\", \"until\" (AAAA-MM-JJ), \"website\"} : "
                    "les entreprises sous contrat de maintenance."))
    logo_url = models.CharField(
        _("adresse du logo dans le dépôt"), max_length=500, blank=True,
        help_text=_("Adresse web ou chemin du logo dans le dépôt (clé « logo » de publiccode.yml). "
                    "Il n'est pas affiché sur le site : téléversez le logo dans le champ Logo."))
    catalogue_id = models.CharField(
        _("identifiant au catalogue"), max_length=120, blank=True,
        help_text=_("Identifiant du logiciel dans le SILL (Catalogi) ou un autre catalogue."))
    catalogue_url = models.URLField(
        _("fiche du catalogue"), blank=True,
        help_text=_("Page du logiciel sur code.gouv.fr/sill ou un autre catalogue."))
    catalogue_user_count = models.PositiveIntegerField(
        _("organisations utilisatrices (catalogue)"), null=True, blank=True)
    catalogue_referent_count = models.PositiveIntegerField(
        _("référents (catalogue)"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline", heading=_("résumé")),
        MultiFieldPanel([
            FieldPanel("kind"), FieldPanel("status"), FieldPanel("licence"),
            FieldPanel("featured"),
        ], heading=_("Caractéristiques")),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("image")], heading=_("Visuels")),
        FieldPanel("description"),
        MultiFieldPanel([
            FieldPanel("website"), FieldPanel("source_repository"),
        ], heading=_("Liens")),
        MultiFieldPanel([
            FieldPanel("carrying_structure"), FieldPanel("governance_url"),
            FieldPanel("contribution_url"), FieldPanel("charter_url"),
        ], heading=_("Gouvernance")),
        MultiFieldPanel([
            FieldPanel("forum_url"), FieldPanel("chat_url"), FieldPanel("mailing_list_url"),
        ], heading=_("Communauté")),
        FieldPanel("stages"),
        FieldPanel("support_programmes"),
        FieldPanel("uses"),
        MultiFieldPanel([
            FieldPanel("software_version"), FieldPanel("release_date"), FieldPanel("platforms"),
            FieldPanel("categories"), FieldPanel("maintenance_type"),
            FieldPanel("maintenance_contractors"), FieldPanel("logo_url"), FieldPanel("catalogue_id"),
            FieldPanel("catalogue_url"), FieldPanel("catalogue_user_count"),
            FieldPanel("catalogue_referent_count"),
        ], heading=_("Logiciel"), classname="collapsed"),
    ]

    search_fields = BasePortalPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("uses"),
        index.SearchField("carrying_structure"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]
    api_fields = BasePortalPage.api_fields + [
        APIField("kind", serializer=ChoiceWithLabelField()),
        APIField("status", serializer=ChoiceWithLabelField()),
        APIField("featured"),
        APIField("logo", serializer=RenditionField(LOGO_RENDITION)),
        APIField("licence"),
        APIField("website"),
        APIField("source_repository"),
        APIField("carrying_structure"),
        APIField("governance_url"),
        APIField("contribution_url"),
        APIField("charter_url"),
        APIField("forum_url"),
        APIField("chat_url"),
        APIField("mailing_list_url"),
        APIField("actor_relations", serializer=ActorRelationsField()),
        APIField("support_programmes", serializer=SupportProgrammesField()),
        APIField("description"),
        APIField("uses"),
        APIField("software_version"),
        APIField("release_date"),
        APIField("platforms"),
        APIField("categories"),
        APIField("maintenance_type"),
        APIField("catalogue_id"),
        APIField("catalogue_url"),
        APIField("catalogue_user_count"),
        APIField("catalogue_referent_count"),
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.licence:
            self.licence = normalise_spdx(self.licence)
        if self.maintenance_contractors in (None, ""):
            self.maintenance_contractors = []  # the admin's empty JSON field
        contractors = self.maintenance_contractors
        if not isinstance(contractors, list) or not all(
                isinstance(c, dict) and isinstance(c.get("name"), str) and c["name"]
                for c in contractors):
            raise ValidationError({"maintenance_contractors": _(
                "Une liste d'objets ayant chacun un « name » est attendue.")})

    card_icon = "fr-icon-git-branch-line"
    page_image_fields = ("image", "logo")
    page_image_renditions = (HERO_RENDITION, LOGO_RENDITION)

    @property
    def schema_type(self) -> str:
        return "SoftwareSourceCode" if self.kind == CommunKind.SOFTWARE else "CreativeWork"

    def get_structured_data(self, request) -> dict:
        data = super().get_structured_data(request)
        if self.licence:
            data["license"] = (f"https://spdx.org/licenses/{self.licence}.html"
                               if " " not in self.licence else self.licence)
        if self.kind == CommunKind.SOFTWARE and self.source_repository:
            data["codeRepository"] = self.source_repository
        if self.website:
            data["sameAs"] = self.website
        if self.carrying_structure:
            data["maintainer"] = organisation(self.carrying_structure)
        logo = image_url(request, self.logo, LOGO_RENDITION)
        if logo and "image" not in data:
            data["image"] = logo
        return data

    @property
    def card_image(self):
        return self.logo or self.image

    @property
    def card_detail(self) -> str:
        parts = [str(self.get_kind_display())]
        if self.licence:
            parts.append(self.licence)
        return " · ".join(parts)

    def get_actor_relations(self) -> list:
        """Public actors and their relation, actors fetched in the same query."""
        relations = getattr(self, "actor_relations", None)
        return list(relations.select_related("actor")) if relations is not None else []

    @property
    def platform_labels(self) -> list[str]:
        labels = dict(PLATFORMS)
        return [str(labels.get(platform, platform)) for platform in self.platforms or []]

    @property
    def publiccode_url(self) -> str:
        """Address of the commun's publiccode.yml (software with a licence, when the
        imports-and-exports app is installed), else ``""``."""
        from django.apps import apps
        from django.urls import NoReverseMatch, reverse

        # The standard requires a licence: without one there is no valid file to offer.
        if self.kind != CommunKind.SOFTWARE or not self.pk or not self.licence or not apps.is_installed(
                "numerique_ouvert.interop"):
            return ""
        try:
            return reverse("numerique_ouvert_interop_publiccode", args=[self.pk])
        except NoReverseMatch:  # the site does not include numerique_ouvert.urls
            return ""

    @property
    def has_software_details(self) -> bool:
        return any([self.software_version, self.release_date, self.platforms,
                    self.maintenance_type, self.categories, self.catalogue_url,
                    self.catalogue_user_count, self.publiccode_url])

    @property
    def has_governance(self) -> bool:
        return any([self.carrying_structure, self.governance_url, self.contribution_url,
                    self.charter_url])

    @property
    def community_channels(self) -> list[tuple[str, str]]:
        channels = [(_("Forum"), self.forum_url), (_("Messagerie"), self.chat_url),
                    (_("Liste de discussion"), self.mailing_list_url)]
        return [(label, url) for label, url in channels if url]


class CommunPage(AbstractCommunPage):
    """The default commun page type."""

    tags = ClusterTaggableManager(through="numerique_ouvert_communs.CommunPageTag", blank=True,
                                  verbose_name=_("mots-clés"))

    content_panels = AbstractCommunPage.content_panels[:-4] + [
        FieldPanel("tags"),
        AbstractCommunPage.content_panels[-4],
        InlinePanel("actor_relations", heading=_("Acteurs publics"), label=_("acteur")),
        AbstractCommunPage.content_panels[-3],
        AbstractCommunPage.content_panels[-2],
        AbstractCommunPage.content_panels[-1],
        InlinePanel("private_contacts", heading=_("Contacts privés (jamais publiés)"),
                    label=_("contact"),
                    help_text=_("Visibles dans l'administration seulement : ni sur le site, ni "
                                "dans l'API, la recherche, les flux ou les exports.")),
    ]

    parent_page_types = ["numerique_ouvert_communs.CommunIndexPage"]
    subpage_types = []
    template = "numerique_ouvert/communs/commun_page.html"
    # Its cached content fetches the images ({% load_page_images page %}).
    template_loads_images = True

    class Meta:
        verbose_name = _("commun numérique")
        verbose_name_plural = _("communs numériques")
        # The few unlisted pages, found without reading the table: every public listing and the
        # search exclude them with a subquery on this column.
        indexes = [models.Index(fields=["listed"], condition=models.Q(listed=False),
                                name="communs_communpage_unlisted")]


class CommunPageTag(TaggedItemBase):
    """Tags of a commun (a concrete through model, as ``ClusterTaggableManager`` requires)."""

    content_object = ParentalKey(CommunPage, on_delete=models.CASCADE,
                                 related_name="tagged_items")


class CommunActorRelation(Orderable):
    """What a public actor does with a commun: uses, funds, contributes to or hosts it."""

    page = ParentalKey(CommunPage, on_delete=models.CASCADE, related_name="actor_relations")
    actor = models.ForeignKey(PublicActor, verbose_name=_("acteur"), on_delete=models.CASCADE,
                              related_name="commun_relations")
    relation = models.CharField(_("relation"), max_length=20, choices=ActorRelation.choices,
                                default=ActorRelation.USES)
    note = models.CharField(_("précision"), max_length=255, blank=True)

    panels = [FieldPanel("actor"), FieldPanel("relation"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("relation avec un acteur public")
        verbose_name_plural = _("relations avec des acteurs publics")

    def __str__(self) -> str:
        return f"{self.actor} — {self.get_relation_display()}"


class CommunContact(Orderable):
    """A private contact of a commun (e.g. publiccode.yml's maintenance contacts).

    For the editors only: shown in the admin, never rendered in a template, the API, the
    search index, an export or a feed.
    """

    page = ParentalKey(CommunPage, on_delete=models.CASCADE, related_name="private_contacts")
    name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("email"), FieldPanel("phone"),
              FieldPanel("affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact privé")
        verbose_name_plural = _("contacts privés")

    def __str__(self) -> str:
        return self.name
