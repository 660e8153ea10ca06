"""The test settings without Wagtail's API app: the portal must work, with no ``api/v2/`` URL.
INSTALLED_APPS cannot change within the test process: used in a subprocess by
tests/api/test_optional.py."""

from example_site.settings.test import *  # noqa: F403
from example_site.settings.test import INSTALLED_APPS as ALL_APPS

INSTALLED_APPS = [app for app in ALL_APPS if app not in {"wagtail.api.v2", "rest_framework"}]
