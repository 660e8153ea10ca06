"""App configuration of the parcours map feature."""

from django.utils.translation import gettext_lazy as _

from numerique_ouvert.core.features import FeatureAppConfig, Section


class ParcoursMapConfig(FeatureAppConfig):
    default = True  # apps.py also imports FeatureAppConfig: name the one to use
    name = "numerique_ouvert.parcours_map"
    label = "numerique_ouvert_parcours_map"
    verbose_name = _("Numérique ouvert : carte du parcours")
    feature_key = "parcours_map"
    feature_label = _("Carte du parcours")
    feature_help = _("« Je me situe sur le parcours » : un formulaire anonyme et la carte, en "
                     "direct pendant les événements, de qui est où.")
    feature_order = 60

    def ready(self):
        super().ready()
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from numerique_ouvert.parcours.models import ParcoursStage

        from .aggregate import invalidate_maps
        from .models import ParcoursPosition

        # Counts are cached per map; any change of a position (or of the stages, whose names
        # the map shows) makes every cached map stale.
        post_save.connect(invalidate_maps, sender=ParcoursPosition,
                          dispatch_uid="numerique_ouvert_position_saved")
        post_delete.connect(invalidate_maps, sender=ParcoursPosition,
                            dispatch_uid="numerique_ouvert_position_deleted")
        m2m_changed.connect(invalidate_maps, sender=ParcoursPosition.stages.through,
                            dispatch_uid="numerique_ouvert_position_stages_changed")
        post_save.connect(invalidate_maps, sender=ParcoursStage,
                          dispatch_uid="numerique_ouvert_map_stage_saved")
        post_delete.connect(invalidate_maps, sender=ParcoursStage,
                            dispatch_uid="numerique_ouvert_map_stage_deleted")

    def page_section(self, request, page):
        """A link to the form on a running event, the link to its map afterwards; a link to the map
        on the parcours hub."""
        from numerique_ouvert.parcours.models import AbstractParcoursPage

        from .sections import event_section, hub_section

        if isinstance(page, AbstractParcoursPage):
            return hub_section(request, page)
        if hasattr(page, "is_ongoing"):
            return event_section(request, page)
        return None

    def privacy_section(self, request):
        return Section("numerique_ouvert/parcours_map/privacy_section.html", {})
