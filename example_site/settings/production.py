"""Production settings: everything from the environment, secure defaults.

One small server (SQLite, local disk, no Redis) or several behind a load balancer (PostgreSQL,
Redis, S3-compatible storage, a CDN): only environment variables change. Every variable is
listed in docs/deployment.md.
"""

from copy import deepcopy

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, DATABASES, INSTALLED_APPS, MIDDLEWARE
from .env import env_bool, env_int, env_list, env_str

# Changed below: copies, so that the base module's values stay what other settings import.
CONTENT_SECURITY_POLICY = deepcopy(CONTENT_SECURITY_POLICY)
DATABASES = deepcopy(DATABASES)

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")  # no default: refuse to start without one
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# --- HTTPS and cookies. The TLS proxy must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer's health check comes over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The preload list accepts registrable domains only: on a subdomain the flag commits to nothing.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# A session lasts a working day of editing (two weeks by default in Django).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)

# --- Database: connections kept for DB_CONN_MAX_AGE seconds, checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# --- Caches and sessions. With REDIS_URL, one Redis shared by every process and server (the
# package's caches are invalidated by signals in the process that saves: the others must see
# it). A Redis outage must not take the site down: errors are logged and ignored, a missing
# cache entry is recomputed, and the short timeouts bound what a hung Redis costs a request.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    _REDIS_OPTIONS = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "SOCKET_CONNECT_TIMEOUT": env_int("REDIS_CONNECT_TIMEOUT_MS", 250) / 1000,
        "SOCKET_TIMEOUT": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
        "IGNORE_EXCEPTIONS": True,
    }
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL,
                    "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "no"), "OPTIONS": _REDIS_OPTIONS},
        # Wagtail keeps the URL of each image rendition in the cache named "renditions".
        "renditions": {"BACKEND": "django_redis.cache.RedisCache",
                       "LOCATION": env_str("REDIS_RENDITIONS_URL", REDIS_URL),
                       "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "no") + ":renditions",
                       "TIMEOUT": 60 * 60 * 24 * 7, "OPTIONS": _REDIS_OPTIONS},
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "numerique_ouvert.redis"
    # Sessions read from Redis, written to both: an outage falls back to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # One process (or one per core on one small server): a memory cache per process, whose
    # short timeouts bound how stale another process can be (docs/configuration.md#cache).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                       "LOCATION": "renditions"},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The rate limit of the public forms counts per visitor IP address (docs/participation.md).
# Behind a reverse proxy REMOTE_ADDR is the proxy's: name the header the proxy sets with the
# visitor's address, e.g. RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP (nginx: proxy_set_header
# X-Real-IP $remote_addr). Never trust a header the proxy does not overwrite. The login
# lockout (django-axes) reads the same header.
if env_str("RATELIMIT_IP_META_KEY", ""):
    RATELIMIT_IP_META_KEY = env_str("RATELIMIT_IP_META_KEY")
# When the cache cannot be reached, the public forms refuse submissions (429) unless this is
# true: the honeypot, the fill time and moderation still stand without the rate limit.
RATELIMIT_FAIL_OPEN = env_bool("RATELIMIT_FAIL_OPEN", False)

# --- Media: S3-compatible object storage when a bucket is named, the local disk otherwise.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _S3_OPTIONS = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        # Another editor's file of the same name is never replaced: a suffix is added.
        "file_overwrite": False,
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
        "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN", "") or None,
        "location": env_str("AWS_LOCATION", ""),
        # Objects take the bucket's policy; image URLs are public, documents go through Django.
        "default_acl": None,
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE", "") or None,
    }
    # Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by boto3 itself.
    _DEFAULT_STORAGE = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _S3_OPTIONS}
    _media_origin = (f"https://{_S3_OPTIONS['custom_domain']}" if _S3_OPTIONS["custom_domain"]
                     else _S3_OPTIONS["endpoint_url"] or "https://*.amazonaws.com")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_media_origin)
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _DEFAULT_STORAGE,
    # Hashed names (cached for a year by browsers) and gzip/brotli copies, served by WhiteNoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Middleware: WhiteNoise right after SecurityMiddleware (static files skip the rest), then
# the page cache, so that a cached page is answered before sessions, users or the database.
_AFTER_SECURITY = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_AFTER_SECURITY],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *(["numerique_ouvert.core.page_cache.PageCacheMiddleware"]
      if env_bool("PAGE_CACHE", True) else []),
    *MIDDLEWARE[_AFTER_SECURITY:],
]
NUMERIQUE_OUVERT = {
    **NUMERIQUE_OUVERT,  # noqa: F405
    "PAGE_CACHE_TIMEOUT": env_int("PAGE_CACHE_TIMEOUT", 300),
    "PAGE_CACHE_MAX_AGE": env_int("PAGE_CACHE_MAX_AGE", 60),
}

# --- Background tasks (Wagtail's search index and reference index updates, cache purges):
# stored in the database and run by `manage.py db_worker` (the Procfile's worker). Without a
# worker, set TASKS_IMMEDIATE=true to run them inside the request, as in development.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
                     if env_bool("TASKS_IMMEDIATE", False) else "django_tasks_db.DatabaseBackend"}}

# --- Frontend cache (CDN or Varnish): purge the URLs of a page when it is published.
FRONTEND_CACHE_BACKEND = env_str("FRONTEND_CACHE_BACKEND", "")
if FRONTEND_CACHE_BACKEND:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    if FRONTEND_CACHE_BACKEND == "http":  # Varnish, nginx or Squid that accept PURGE requests
        _frontend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                     "LOCATION": env_str("FRONTEND_CACHE_LOCATION")}
    elif FRONTEND_CACHE_BACKEND == "cloudflare":
        _frontend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                     "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
                     "ZONEID": env_str("CLOUDFLARE_ZONE_ID")}
    elif FRONTEND_CACHE_BACKEND == "cloudfront":
        _frontend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
                     "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID")}
    else:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("FRONTEND_CACHE_BACKEND must be http, cloudflare or cloudfront, "
                                   f"not {FRONTEND_CACHE_BACKEND!r}.")
    WAGTAILFRONTENDCACHE = {"default": _frontend}

# --- Logs: one JSON object per line on the standard output (gunicorn's and the worker's).
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "pythonjsonlogger.json.JsonFormatter",
                            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
                            "rename_fields": {"asctime": "time", "levelname": "level",
                                              "name": "logger"}}},
    # Redis errors: once a minute per message and process, without the traceback.
    "filters": {"throttle": {"()": "example_site.log_filters.Throttle", "seconds": 60}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"},
                 "throttled": {"class": "logging.StreamHandler", "formatter": "json",
                               "filters": ["throttle"]}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # Redis errors ignored by the cache (outage): warnings, to be seen and alerted on.
        "numerique_ouvert.redis": {"handlers": ["throttled"], "level": "WARNING",
                                   "propagate": False},
    },
}
