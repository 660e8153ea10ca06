"""The example ministry's own app: how a site extends a numerique-ouvert page type."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinistryConfig(AppConfig):
    name = "example_site.ministry"
    label = "example_ministry"
    verbose_name = _("Ministère de l'exemple")
    default_auto_field = "django.db.models.BigAutoField"
