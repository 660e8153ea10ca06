"""Production settings: everything from the environment, secure defaults."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")  # no default: refuse to start without one

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# The menu and private-section caches are invalidated by signals in the process that saves a
# page: with several processes or machines, give them a shared cache (Redis) so every process
# sees the invalidation at once. Without REDIS_URL each process keeps its own memory cache and
# the short cache timeouts bound how stale another process can be.
if env_str("REDIS_URL", ""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": env_str("REDIS_URL")}}

# The rate limit of the public forms counts per visitor IP address (docs/participation.md).
# Behind a reverse proxy REMOTE_ADDR is the proxy's: name the header the proxy sets with the
# visitor's address, e.g. RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP (nginx: proxy_set_header
# X-Real-IP $remote_addr). Never trust a header the proxy does not overwrite.
if env_str("RATELIMIT_IP_META_KEY", ""):
    RATELIMIT_IP_META_KEY = env_str("RATELIMIT_IP_META_KEY")
