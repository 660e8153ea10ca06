"""Optional app: demo content for every installed feature (``manage.py load_demo``)."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "numerique_ouvert.demo"
    label = "numerique_ouvert_demo"
    verbose_name = "Numérique ouvert : démonstration"
