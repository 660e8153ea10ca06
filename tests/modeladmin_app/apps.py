"""App configuration of the wagtail-modeladmin coexistence test app."""

from django.apps import AppConfig


class ModelAdminAppConfig(AppConfig):
    name = "tests.modeladmin_app"
    label = "tests_modeladmin_app"
    verbose_name = "Test : wagtail-modeladmin"
    default_auto_field = "django.db.models.BigAutoField"
