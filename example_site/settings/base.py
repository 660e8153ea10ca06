"""Settings shared by every environment of the example site."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_database, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-example-site-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # numerique-ouvert: core and parcours are required, each feature is optional.
    "numerique_ouvert.core",
    "numerique_ouvert.parcours",
    "numerique_ouvert.guides",
    "numerique_ouvert.events",
    "numerique_ouvert.communs",
    "numerique_ouvert.testimonies",
    "numerique_ouvert.parcours_map",
    # The example site's own extension of the event page (see example_site/ministry).
    "example_site.ministry",
    # Demo content (manage.py load_demo, ensure_admin). After the ministry app: Django runs the
    # command of the first app that has it, and the ministry's load_demo extends the package's.
    "numerique_ouvert.demo",
    "dsfr",
    # django-dsfr renders form fields with it (the public forms of the portal).
    "widget_tweaks",
    "wagtail.contrib.settings",
    # Content translation (docs/i18n.md): French and English trees of pages, translated in the
    # admin with wagtail-localize. A site without them sets WAGTAIL_I18N_ENABLED = False.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    # The read-only API (numerique_ouvert.api): optional, the portal works without it.
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Templates of sitemap.xml (numerique_ouvert.core.seo).
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the interface from the URL (/en/…; French without prefix).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "numerique_ouvert.core.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
# Content translation: one tree of pages per language, the French one at the root of the site
# and the English one under /en/ (example_site/urls.py).
WAGTAIL_I18N_ENABLED = env_bool("WAGTAIL_I18N_ENABLED", True)
WAGTAIL_CONTENT_LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
# The example site's own strings (settings, example_site.ministry); the package's are in
# numerique_ouvert/locale, found as an app's.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(PROJECT_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(PROJECT_DIR / "media")))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Numérique ouvert")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search backend: PostgreSQL full text search or SQLite FTS5. On PostgreSQL
# the "french" configuration stems words ("communs" finds "commun"); run `manage.py update_index`
# after changing it.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = env_str("SEARCH_CONFIG", "french")
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Which features start switched on for a new site (administrators change it per site in
# Paramètres > Paramètres du portail).
NUMERIQUE_OUVERT = {
    "FEATURES": {"guides": True, "events": True, "communs": True, "testimonies": True,
                 "parcours_map": True},
}
