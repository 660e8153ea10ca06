"""Settings of instance A, the source portal the federation tests serve with runserver: the
example site on its own SQLite file, with a file cache shared by the server and by the
``manage.py shell`` commands that change its content (a change then reaches the API at once)."""

from example_site.settings.dev import *  # noqa: F403
from example_site.settings.env import env_str

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": env_str("NUMERIQUE_OUVERT_TEST_CACHE_DIR")}}
