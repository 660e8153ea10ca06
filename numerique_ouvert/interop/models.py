"""What the imports remember: which page each imported item became, and what was imported last."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """Links an item of an import format (its stable key) to the page it created.

    ``values`` holds the values of the last import, normalised (see ``base.normalise``): a
    re-import compares them with the page and with the incoming values field by field, so an
    editor's later change is never overwritten silently.
    """

    format = models.CharField(_("format"), max_length=40)
    key = models.CharField(_("clé"), max_length=500)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE,
                             related_name="+")
    values = models.JSONField(_("valeurs importées"), default=dict)
    source_url = models.CharField(_("source"), max_length=1000, blank=True)
    first_imported_at = models.DateTimeField(_("premier import"), auto_now_add=True)
    last_imported_at = models.DateTimeField(_("dernier import"), auto_now=True)

    class Meta:
        verbose_name = _("élément importé")
        verbose_name_plural = _("éléments importés")
        constraints = [models.UniqueConstraint(fields=["format", "key"],
                                               name="numerique_ouvert_interop_unique_key")]

    def __str__(self) -> str:
        return f"{self.format}: {self.key}"
