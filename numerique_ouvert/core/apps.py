"""App configuration of the core: shared page bases, portal settings and DSFR templates."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "numerique_ouvert.core"
    label = "numerique_ouvert_core"
    verbose_name = _("Numérique ouvert : socle")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
