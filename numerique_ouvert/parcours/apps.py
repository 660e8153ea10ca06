"""App configuration of the parcours: the five stages, roles and capacities, and the hub."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ParcoursConfig(AppConfig):
    name = "numerique_ouvert.parcours"
    label = "numerique_ouvert_parcours"
    verbose_name = _("Numérique ouvert : parcours")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .models import ParcoursStage
        from .stages import invalidate_stages

        post_save.connect(invalidate_stages, sender=ParcoursStage,
                          dispatch_uid="numerique_ouvert_stage_saved")
        post_delete.connect(invalidate_stages, sender=ParcoursStage,
                            dispatch_uid="numerique_ouvert_stage_deleted")
