"""Admin panels of the core."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .forms import FEATURE_FIELD_PREFIX


class FeatureSwitchesPanel(MultiFieldPanel):
    """Shows one checkbox per installed feature.

    Its children are built when the panel is bound, after every app is loaded; they contribute
    no model field to the form (``PortalSettingsForm`` adds the fields itself).
    """

    def __init__(self, *args, **kwargs):
        kwargs["children"] = ()
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("children", None)
        return kwargs

    def on_model_bound(self):
        from .features import get_features

        self.children = [FieldPanel(FEATURE_FIELD_PREFIX + f.feature_key) for f in get_features()]
        super().on_model_bound()

    def get_form_options(self):
        return {}
