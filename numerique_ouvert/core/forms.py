"""Admin form of the portal settings: one checkbox per installed feature, stored in a JSON map."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

FEATURE_FIELD_PREFIX = "feature_"


class PortalSettingsForm(WagtailAdminModelForm):
    """Adds a boolean field per installed feature, read from and written to ``features``.

    The fields are added at form construction rather than declared, because the set of features
    is only known once every app is loaded (and integrators may add their own).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .features import default_enabled, get_features

        chosen = (self.instance.features or {}) if self.instance else {}
        for feature in get_features():
            key = feature.feature_key
            self.fields[FEATURE_FIELD_PREFIX + key] = forms.BooleanField(
                label=feature.feature_label or feature.verbose_name,
                help_text=feature.feature_help,
                required=False,
                initial=bool(chosen.get(key, default_enabled(key))),
            )

    def save(self, commit: bool = True):
        from .features import get_features

        # Keep switches of features that are not installed right now: reinstalling one
        # restores the administrators' last choice.
        features = dict(self.instance.features or {})
        for feature in get_features():
            name = FEATURE_FIELD_PREFIX + feature.feature_key
            if name in self.cleaned_data:
                features[feature.feature_key] = bool(self.cleaned_data[name])
        self.instance.features = features
        return super().save(commit=commit)
