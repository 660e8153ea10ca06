"""App configuration of the imports and exports (interoperability)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    # Not a switchable feature: an editors' tool. What it exports follows the switch of the
    # feature that owns the content (a commun's publiccode.yml answers 404 while communs are off).
    default_auto_field = "django.db.models.BigAutoField"
    name = "numerique_ouvert.interop"
    label = "numerique_ouvert_interop"
    verbose_name = _("Numérique ouvert : imports et exports")

    def ready(self):
        # Each format module registers its importer (base.IMPORTERS) when imported.
        from . import registry  # noqa: F401
