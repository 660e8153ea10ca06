"""App configuration of the demo content (a plain app: it has no models and no feature switch)."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "numerique_ouvert.demo"
    label = "numerique_ouvert_demo"
    verbose_name = "Numérique ouvert : contenus de démonstration"
