"""Settings of the live server the browser tests run against: the test settings on a SQLite file
of its own, with media served and the participation forms' anti-robot delays lifted (a browser
driven by a test fills a form in well under the human minimum)."""

from example_site.settings.test import *  # noqa: F403

# The example site as a ministry runs it: without the test suite's wagtail-modeladmin app
# (its menu entry would show in the admin screenshots of the editors' guide).
INSTALLED_APPS = [app for app in INSTALLED_APPS  # noqa: F405
                  if app not in ("wagtail_modeladmin", "tests.modeladmin_app")]
ROOT_URLCONF = "tests.e2e.urls"
# The admin sends a validation request beside the save itself: two writers on one SQLite file.
# Waiting for the lock, and taking it at the start of each transaction, avoids "database is
# locked" errors.
DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
    {"timeout": 30, "transaction_mode": "IMMEDIATE"})
# The admin's avatars would be fetched from gravatar.com: no network here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
NUMERIQUE_OUVERT = {
    **NUMERIQUE_OUVERT,  # noqa: F405
    "FORM_MIN_SECONDS": 0,
    "TESTIMONY_RATE": "1000/h",
}

# Tracebacks of the server's errors go to its log (test-artifacts/e2e/server-*.log on failure).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
