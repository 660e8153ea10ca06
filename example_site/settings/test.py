"""Test settings: fast password hashing, in-memory e-mail and cache, SQLite unless DATABASE_URL."""

from .base import *  # noqa: F403
from .env import env_database

DEBUG = False
DATABASES = {"default": env_database("DATABASE_URL", "sqlite:///:memory:")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]

# wagtail-modeladmin beside our viewsets: ministries whose sites still use it must be able to
# install us (tests/integration/test_modeladmin.py); tests.modeladmin_app registers a ModelAdmin.
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_modeladmin", "tests.modeladmin_app"]  # noqa: F405

# django-axes stays installed (its tables exist) but counts nothing: Client.login() calls
# authenticate() without a request, which axes refuses. tests/production switches it on.
AXES_ENABLED = False
