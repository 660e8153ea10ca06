"""Settings shared by every environment of the example site."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_database, env_int, env_list, env_str

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
    # Imports and exports (publiccode.yml, SILL/Catalogi, Markdown): optional.
    "numerique_ouvert.interop",
    # Commons and events of other numerique-ouvert instances (manage.py sync_instance).
    "numerique_ouvert.federation",
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
    # Content-Security-Policy (example_site.security.PathCSPMiddleware) and its system checks.
    "csp",
    # Lockout after repeated failed logins (admin login); its attempts are kept in the database.
    "axes",
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
    # Security headers: CSP (strict on public pages, the admin's own on /admin/), Permissions-Policy.
    "example_site.security.PathCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is even checked. Its
# AxesBackend (rather than the standalone one) can also load users: Client.force_login() and
# WagtailPageTestCase log in with the first backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
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

# --- Security headers and login lockout (see docs/deployment.md#en-têtes-de-sécurité).
# Public pages: scripts and styles from the site only (django-dsfr's scripts are files), no
# inline script, no plugin, no framing. CSP_EXTRA_* add origins (a CDN, an S3 bucket, embeds).
_CSP_IMG = ["'self'", "data:", *env_list("CSP_EXTRA_IMG_SRC", [])]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *env_list("CSP_EXTRA_SCRIPT_SRC", [])],
        "style-src": ["'self'", *env_list("CSP_EXTRA_STYLE_SRC", [])],
        "img-src": _CSP_IMG,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *env_list("CSP_EXTRA_IMG_SRC", [])],
        # Video embeds of the rich text (wagtail.embeds): their providers' origins.
        "frame-src": env_list("CSP_FRAME_SRC", ["https://www.youtube-nocookie.com",
                                                "https://www.youtube.com", "https://player.vimeo.com",
                                                "https://tube-numerique-educatif.apps.education.fr"]),
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The Wagtail admin (and Django's): its pages use inline styles, inline event handlers of
# third-party widgets and blob:/data: images; its preview is framed by itself.
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [*_CSP_IMG, "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# No page of the portal needs these browser features.
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "browsing-topics")}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Five failed logins for one account from one address: locked for an hour (a success resets
# the count). Locking by account alone would let anyone lock an editor out.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "example_site.security.client_ip"
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

# --- Uploads. Images: raster formats only (an SVG can carry scripts), 10 MB at most.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
# Documents: office and open formats; through Django's view (never a direct link to the file),
# so that collection privacy holds and only PDF and plain text open in the browser: anything
# else, an SVG or an HTML file included, is sent as an attachment.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "odg", "doc", "docx", "xls", "xlsx", "ppt",
                          "pptx", "csv", "txt", "md", "rtf", "epub", "zip", "png", "jpg", "jpeg",
                          "svg", "json", "xml", "yml", "yaml"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
DOCUMENT_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "example_site.forms.SizeLimitedDocumentForm"
# Request bodies besides files (a long StreamField page posts many fields), and files kept in
# memory before going to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
