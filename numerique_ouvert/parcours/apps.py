"""App configuration of the parcours: the five stages, roles and capacities."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParcoursConfig(AppConfig):
    name = "numerique_ouvert.parcours"
    label = "numerique_ouvert_parcours"
    verbose_name = _("Numérique ouvert : parcours")
    default_auto_field = "django.db.models.BigAutoField"
