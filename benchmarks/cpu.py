"""CPU time of rendering public pages in the production WSGI application, without a server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/numerique_ouvert_bench \\
    REDIS_URL=redis://127.0.0.1:6379/5 .venv/bin/python benchmarks/cpu.py /guides/x/ /communs/y/

Loads ``example_site.settings.production`` (page cache off unless ``--page-cache``), calls the
WSGI application directly as gunicorn would (``X-Forwarded-Proto: https``), warms each URL up,
then reports the median and mean CPU time of this process per request (``time.process_time``:
the database server's and Redis's share are left out, as is the wall time spent waiting for
them) and the median wall time. ``--profile`` prints the 40 most expensive functions
(cProfile, cumulative) of the timed requests of each URL, ``--queries`` the SQL of one warm
request. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="URL paths, e.g. /guides/un-guide/")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per URL (200)")
    parser.add_argument("--page-cache", action="store_true",
                        help="keep the page cache on (the timed requests are then cache hits)")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed requests")
    parser.add_argument("--queries", action="store_true",
                        help="print the SQL queries of one warm request of each URL (stderr)")
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL (and REDIS_URL to measure with Redis).")
    return args


def setup(page_cache: bool):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.production")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["PAGE_CACHE"] = "true" if page_cache else "false"
    sys.path.insert(0, str(PROJECT_DIR))
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def request(app, path: str) -> int:
    """One GET through the WSGI application; its status code."""
    url_path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": url_path, "QUERY_STRING": query,
        "SERVER_NAME": "localhost", "SERVER_PORT": "443", "HTTP_HOST": "localhost",
        "HTTP_X_FORWARDED_PROTO": "https", "REMOTE_ADDR": "127.0.0.1",
        "HTTP_ACCEPT": "text/html", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False, "SERVER_PROTOCOL": "HTTP/1.1",
    }
    statuses = []
    body = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    for _chunk in body:
        pass
    if hasattr(body, "close"):
        body.close()
    return int(statuses[0].split()[0])


def measure(app, path: str, repeat: int, profile: bool, queries: bool = False) -> dict:
    for _ in range(3):  # renditions, data caches, template loader
        status = request(app, path)
    if status != 200:
        raise SystemExit(f"{path}: status {status}")
    if queries:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            request(app, path)
        print(f"{path}: {len(captured)} queries", file=sys.stderr)
        for query in captured:
            print(f"  [{float(query['time']) * 1000:.1f} ms] {query['sql'][:300]}", file=sys.stderr)
    profiler = cProfile.Profile() if profile else None
    cpu, wall = [], []
    for _ in range(repeat):
        if profiler:
            profiler.enable()
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        request(app, path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
        if profiler:
            profiler.disable()
    result = {"path": path, "cpu_median": statistics.median(cpu), "cpu_mean": statistics.fmean(cpu),
              "wall_median": statistics.median(wall)}
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        result["profile"] = out.getvalue()
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    app = setup(args.page_cache)
    print("| URL | CPU ms (median) | CPU ms (mean) | Wall ms (median) |")
    print("|---|---:|---:|---:|")
    for path in args.paths:
        result = measure(app, path, args.repeat, args.profile, args.queries)
        print(f"| `{path}` | {result['cpu_median']:.1f} | {result['cpu_mean']:.1f} "
              f"| {result['wall_median']:.1f} |", flush=True)
        if args.profile:
            print(result["profile"], file=sys.stderr)
    print(f"\n{args.repeat} requests per URL; load average {os.getloadavg()[0]:.2f}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
