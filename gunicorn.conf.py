"""Gunicorn configuration of the example site: `gunicorn -c gunicorn.conf.py`.

Every value can be changed by an environment variable (docs/deployment.md#gunicorn).
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "example_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Rendering a page is CPU work (templates): about two processes per core keep the cores busy
# while others wait for the database or Redis.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
# A request that takes longer is stuck: the worker is killed and replaced.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind a proxy that keeps connections open to the application.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Each worker is replaced after about this many requests (the jitter spreads the restarts):
# memory that a worker slowly accumulates is given back.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Load the application before forking: workers share its memory pages, and a broken setting
# stops the master at once instead of every worker in turn.
preload_app = True
# The proxy in front sets X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER); trust it from these.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# One JSON object per line, like the application's logs: client, method, path, status, size,
# duration in microseconds, referrer, user agent.
access_log_format = ('{"time": "%(t)s", "logger": "gunicorn.access", "remote": "%(h)s", '
                     '"method": "%(m)s", "path": "%(U)s", "query": "%(q)s", "status": "%(s)s", '
                     '"bytes": "%(B)s", "duration_us": "%(D)s", "referer": "%(f)s", '
                     '"user_agent": "%(a)s"}')
# Temporary files of the workers' heartbeat in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
