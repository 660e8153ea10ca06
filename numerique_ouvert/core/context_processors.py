"""Template context of every portal page: the site's portal settings and enabled features.

Both are lazy, so templates that do not use them (the Wagtail admin) pay nothing.
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from .features import enabled_features_for_site


def portal(request) -> dict:
    from .models import PortalSettings

    return {
        "portal_settings": SimpleLazyObject(lambda: PortalSettings.for_request(request)),
        "portal_features": SimpleLazyObject(
            lambda: enabled_features_for_site(None, request=request)),
        "skiplinks": [
            {"link": "#contenu", "label": _("Contenu")},
            {"link": "#navigation-principale", "label": _("Menu")},
            {"link": "#pied-de-page", "label": _("Pied de page")},
        ],
    }
