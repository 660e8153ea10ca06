"""App configuration of the federation between numerique-ouvert instances."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    # A plain app, not a switchable feature: references are commun and event pages, shown or
    # hidden with their own features; switching federation off per site would leave them
    # half-visible.
    name = "numerique_ouvert.federation"
    label = "numerique_ouvert_federation"
    verbose_name = _("Numérique ouvert : fédération")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
