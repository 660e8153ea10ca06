"""Settings of the benchmark: the example site, without debug, on the database ``run.py`` creates.

``run.py`` sets ``BENCHMARK_DATABASE_URL`` and ``BENCHMARK_MEDIA_ROOT`` before Django starts;
a developer's ``DATABASE_URL`` is never read, so a run cannot touch the example site's database.
"""

import tempfile
from pathlib import Path

from example_site.settings.base import *  # noqa: F403
from example_site.settings.env import env_database, env_str

DEBUG = False
ALLOWED_HOSTS = ["*"]

_TEMP = Path(tempfile.gettempdir())
DATABASES = {"default": env_database("BENCHMARK_DATABASE_URL",
                                     f"sqlite:///{_TEMP / 'numerique_ouvert_bench.sqlite3'}")}
# As the example site does for its own database: the "french" configuration on PostgreSQL (the
# base settings decided it on the developer's database, not on this one).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = env_str("SEARCH_CONFIG", "french")
# Images and their renditions go to the run's temporary folder, never to the project's media/.
MEDIA_ROOT = Path(env_str("BENCHMARK_MEDIA_ROOT", str(_TEMP / "numerique_ouvert_bench_media")))

# As in the test settings: a per-process memory cache (what a single production process has
# without Redis), and no slow password hashing or real e-mail.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://localhost"

# 404s of routes that do not exist yet are expected (reported as "absent"): keep the output
# readable, but let server errors print their traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
