"""What the imports remember: which page each imported item became, and what was imported last."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class PendingImport(models.Model):
    """A file an editor uploaded (or fetched from a URL) between the dry run and the confirmation.

    The bytes wait here rather than in the session (too large) or under MEDIA_ROOT (public on
    many sites): only the uploader can confirm, within ``LIFETIME``; older rows are deleted each
    time a new one is stored.
    """

    LIFETIME = datetime.timedelta(hours=2)

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(max_length=40)
    name = models.CharField(max_length=1000)
    content = models.BinaryField()
    parent = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    publish = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("import en attente de confirmation")
        verbose_name_plural = _("imports en attente de confirmation")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def purge(cls) -> None:
        cls.objects.filter(created_at__lt=timezone.now() - cls.LIFETIME).delete()
