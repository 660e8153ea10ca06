"""Admin panels of the core."""

from __future__ import annotations

from django.utils.safestring import mark_safe
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TabbedInterface

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


class PortalSettingsInterface(TabbedInterface):
    """The tabs of the portal settings, without a second copy of the feature switches.

    Wagtail renders, after the tabs, every form field that no panel declares in
    ``get_form_options`` (meant for formset bookkeeping fields). The feature switches cannot be
    declared there (they have no model field), so they came out twice: a browser then sent both
    checkboxes and the bare copy overrode the administrator's choice.
    """

    class BoundPanel(TabbedInterface.BoundPanel):
        def render_missing_fields(self):
            declared = self.panel.get_form_options().get("fields", [])
            return mark_safe("".join(  # noqa: S308 - Django renders (and escapes) each field
                str(self.form[name]) for name in self.form.fields
                if name not in declared and not name.startswith(FEATURE_FIELD_PREFIX)))
