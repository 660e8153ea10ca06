"""App configuration of the demo content (a plain app: it has no models and no feature switch)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "numerique_ouvert.demo"
    label = "numerique_ouvert_demo"
    verbose_name = _("Numérique ouvert : contenus de démonstration")
