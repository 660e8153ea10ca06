"""Settings of the live server the browser tests run against: the test settings on a SQLite file
of its own, with media served and the participation forms' anti-robot delays lifted (a browser
driven by a test fills a form in well under the human minimum)."""

from example_site.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.urls"
NUMERIQUE_OUVERT = {
    **NUMERIQUE_OUVERT,  # noqa: F405
    "FORM_MIN_SECONDS": 0,
    "TESTIMONY_RATE": "1000/h",
}
