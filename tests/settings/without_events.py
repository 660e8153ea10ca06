"""The test settings without the events feature (nor the example ministry's app, which extends
it): the install-time switch. Used by tests/integration/test_install_time.py in a subprocess.

The database is always a throwaway SQLite file named by ``NUMERIQUE_OUVERT_INSTALL_TEST_DB``,
even when the suite runs on PostgreSQL: what is tested is which tables the migrations create,
which does not depend on the backend, and a file needs no server-side database to create and drop.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from example_site.settings.test import *  # noqa: F403
from example_site.settings.test import INSTALLED_APPS as ALL_APPS

LEFT_OUT = {"numerique_ouvert.events", "example_site.ministry"}
INSTALLED_APPS = [app for app in ALL_APPS if app not in LEFT_OUT]

try:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                             "NAME": os.environ["NUMERIQUE_OUVERT_INSTALL_TEST_DB"]}}
except KeyError:
    raise ImproperlyConfigured(
        "Set NUMERIQUE_OUVERT_INSTALL_TEST_DB to the path of a throwaway SQLite file.") from None
