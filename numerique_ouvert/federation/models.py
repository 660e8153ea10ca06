"""Sources (other numerique-ouvert instances) and the references their pages became here."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def normalise_base_url(url: str) -> str:
    """``https://Portail.example.gouv.fr/api/v2/`` → ``https://portail.example.gouv.fr``: the
    address of the instance, without the API path, a trailing slash, a query or a fragment."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValidationError(_("Donnez l’adresse http ou https du portail, par exemple "
                                "https://numerique-ouvert.example.gouv.fr."))
    if parts.username or parts.password:
        raise ValidationError(_("L’adresse ne doit contenir ni identifiant ni mot de passe."))
    path = parts.path.rstrip("/")
    if path.endswith("/api/v2"):
        path = path[: -len("/api/v2")]
    netloc = parts.hostname.lower() + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme.lower(), netloc, path, "", ""))


class FederationSource(models.Model):
    """Another numerique-ouvert instance whose commons and events this portal shows.

    ``cursor`` is where an interrupted sync resumes: the kind of page and the offset of the next
    page of results, and the run whose references are being marked as seen.
    """

    name = models.CharField(_("nom"), max_length=200,
                            help_text=_("Affiché sur chaque référence : « Publié par … »."))
    base_url = models.URLField(
        _("adresse du portail"), unique=True,
        help_text=_("Adresse du portail source, par exemple https://numerique-ouvert.example.gouv.fr "
                    "(son API est lue à /api/v2/)."))
    enabled = models.BooleanField(_("active"), default=True,
                                  help_text=_("Une source inactive n’est plus synchronisée."))
    # Pages, not the index models: either app may be left out of INSTALLED_APPS. ``clean``
    # checks the type; references are created as the index's ``listing_model``.
    communs_parent = models.ForeignKey(
        Page, verbose_name=_("liste des communs"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Liste de ce portail sous laquelle les communs de la source sont créés ; "
                    "vide : ses communs ne sont pas repris."))
    events_parent = models.ForeignKey(
        Page, verbose_name=_("liste des événements"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Liste de ce portail sous laquelle les événements de la source sont créés ; "
                    "vide : ses événements ne sont pas repris."))
    last_synced_at = models.DateTimeField(_("dernière synchronisation"), null=True, blank=True,
                                          editable=False)
    last_report = models.JSONField(_("dernier rapport"), default=dict, blank=True, editable=False)
    cursor = models.JSONField(_("reprise"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source fédérée")
        verbose_name_plural = _("sources fédérées")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.base_url:
            try:
                self.base_url = normalise_base_url(self.base_url)
            except ValidationError as error:
                raise ValidationError({"base_url": error.messages}) from error
        from .kinds import KINDS

        errors = {}
        for kind in KINDS.values():
            parent = getattr(self, kind.parent_field)
            if parent is not None and not kind.accepts_parent(parent):
                errors[kind.parent_field] = _("Choisissez une page de type « %(type)s ».") % {
                    "type": kind.parent_label}
        if errors:
            raise ValidationError(errors)

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v2"

    def delete(self, *args, **kwargs):
        # The reference pages go with their source: left behind, they would pass for this
        # portal's own content.
        with transaction.atomic():
            for reference in self.references.select_related("page"):
                if reference.page is not None:
                    reference.page.delete()
            return super().delete(*args, **kwargs)


class FederatedReference(models.Model):
    """A page of this portal that shows a page of a source: created, updated and withdrawn by
    the sync only. Editors may hide it (``hidden``: unpublished, and kept so across syncs)."""

    page = models.OneToOneField(Page, verbose_name=_("page"), on_delete=models.CASCADE,
                                related_name="federated_reference")
    source = models.ForeignKey(FederationSource, verbose_name=_("source"),
                               on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(_("nature"), max_length=20)
    remote_id = models.PositiveBigIntegerField(_("identifiant sur la source"))
    remote_type = models.CharField(_("type sur la source"), max_length=200)
    remote_url = models.URLField(_("page d’origine"), max_length=1000)
    remote_last_published_at = models.DateTimeField(_("publiée sur la source le"), null=True,
                                                    blank=True)
    # What the last sync read: the listing item (to skip unchanged items without fetching their
    # detail) and the local values written from the detail (to save nothing when they are equal).
    listing_hash = models.CharField(max_length=64, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    fetched_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    seen_run = models.CharField(max_length=32, blank=True)
    hidden = models.BooleanField(_("masquée"), default=False)
    withdrawn = models.BooleanField(_("retirée par la source"), default=False)

    class Meta:
        verbose_name = _("référence fédérée")
        verbose_name_plural = _("références fédérées")
        constraints = [models.UniqueConstraint(fields=["source", "remote_id"],
                                               name="numerique_ouvert_federation_unique_remote")]

    def __str__(self) -> str:
        return f"{self.source} #{self.remote_id}"

    @property
    def attribution(self) -> dict:
        """What a page shows of its origin (see ``BasePortalPage.attribution``)."""
        return {"name": self.source.name, "url": self.remote_url,
                "site_url": self.source.base_url}
