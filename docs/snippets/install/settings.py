# --- numerique-ouvert ------------------------------------------------------------------------
# After the project's own apps: the project's templates keep priority over the package's.
# An app the project already lists is not added twice.
INSTALLED_APPS += [
    app
    for app in [
        # Required.
        "numerique_ouvert.core",
        "numerique_ouvert.parcours",
        # The features: leave out the line of any you do not want, before the first migrate.
        "numerique_ouvert.guides",
        "numerique_ouvert.events",
        "numerique_ouvert.communs",
        "numerique_ouvert.testimonies",
        "numerique_ouvert.parcours_map",
        # Optional: imports and exports (publiccode.yml, SILL/Catalogi, Markdown; docs/interop.md).
        "numerique_ouvert.interop",
        # Optional: other portals' commons and events (docs/federation.md).
        # "numerique_ouvert.federation",
        # What the portal uses besides the apps of a standard Wagtail project.
        "dsfr",
        "widget_tweaks",
        "wagtail.contrib.settings",
        "wagtail.contrib.table_block",
        "wagtail.contrib.sitemaps",
        "django.contrib.sitemaps",
        # Optional: the read-only API under /api/v2/.
        "wagtail.api.v2",
        "rest_framework",
    ]
    if app not in INSTALLED_APPS
]

# The portal settings (branding, footer, features) and the portal's menu in every template.
TEMPLATES[0]["OPTIONS"]["context_processors"] += [
    "wagtail.contrib.settings.context_processors.settings",
    "numerique_ouvert.core.context_processors.portal",
]

LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Optional: which features start switched on for a new site (docs/configuration.md).
NUMERIQUE_OUVERT = {
    "FEATURES": {"guides": True, "events": True, "communs": True, "testimonies": True,
                 "parcours_map": True},
}
