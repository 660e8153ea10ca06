"""Load test of a production-configured portal: gunicorn with example_site.settings.production
on 127.0.0.1, PostgreSQL, Redis, generated content; wrk drives each scenario for a fixed time.

    .venv/bin/python benchmarks/load.py --items 1000 \\
        --database-url postgres://postgres@127.0.0.1:5432/numerique_ouvert_bench \\
        --redis-url redis://127.0.0.1:6379/5 --port 8400 --duration 60 --connections 64

The database is DROPPED and built again (benchmarks/run.py --build-only), the Redis database is
EMPTIED (FLUSHDB). Progress goes to stderr, the report (Markdown) to stdout. See
benchmarks/README.md#charge-benchmarksloadpy.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Kept between runs: collectstatic (hashing and compressing every file) takes a while.
STATIC_ROOT = Path(tempfile.gettempdir()) / "numerique_ouvert_load_static"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000,
                        help="guides, events, communs and testimonies, of each (default 1000)")
    parser.add_argument("--database-url", required=True,
                        help="postgres://…/<name> whose name starts with numerique_ouvert_bench or "
                             "ends with _bench (dropped and created again)")
    parser.add_argument("--redis-url", required=True,
                        help="redis://127.0.0.1:6379/<db>: this database is emptied")
    parser.add_argument("--port", type=int, default=8400, help="gunicorn's port on 127.0.0.1")
    parser.add_argument("--duration", type=int, default=60, help="seconds per scenario (default 60)")
    parser.add_argument("--connections", type=int, default=64,
                        help="concurrent connections of wrk (default 64)")
    parser.add_argument("--workers", type=int, default=0,
                        help="gunicorn workers (default: gunicorn.conf.py's, 2 per core + 1)")
    parser.add_argument("--scenarios", default="cached,detail,mix,uncached,detail-uncached",
                        help="comma-separated: cached, detail, mix, uncached, detail-uncached "
                             "(default: all)")
    parser.add_argument("--reuse", action="store_true",
                        help="do not rebuild: the database of a previous run with --keep-media")
    parser.add_argument("--media-root", default="",
                        help="with --reuse: the media folder printed by the previous run")
    parser.add_argument("--keep-media", action="store_true",
                        help="keep the media folder of the build (for --reuse) and print its path")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        parser.error("wrk is not installed (Debian: apt-get install -y wrk).")
    if not 1 <= args.duration <= 600:
        parser.error("--duration must be between 1 and 600 seconds.")
    if args.reuse and not args.media_root:
        parser.error("--reuse needs --media-root.")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Content ------------------------------------------------------------------------------------


def build(args: argparse.Namespace) -> Path:
    """Drop, create and fill the database with benchmarks/run.py; the media folder it kept."""
    command = [PYTHON, "benchmarks/run.py", "--items", str(args.items), "--database-url",
               args.database_url, "--build-only", "--keep"]
    log(f"… build: {' '.join(command)}")
    process = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    kept = None
    for line in process.stderr:  # its progress, as it comes
        sys.stderr.write(line)
        kept = kept or re.match(r"Kept: (.+)$", line.rstrip("\n"))
    if process.wait() or kept is None:
        raise SystemExit("The build failed (see above).")
    return Path(kept.group(1)) / "media"


def urls(database_url: str) -> dict[str, list[str]]:
    """The URLs of each scenario, read from the built database (the benchmark's settings)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["BENCHMARK_DATABASE_URL"] = database_url
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.utils import timezone

    from numerique_ouvert.communs.models import CommunPage
    from numerique_ouvert.events.models import EventPage
    from numerique_ouvert.guides.models import GuidePage

    def paths(queryset, count: int) -> list[str]:
        return [page.url_path for page in queryset.live().order_by("pk")[:count]]

    from wagtail.models import Site

    prefix = Site.objects.get(is_default_site=True).root_page.url_path  # "/accueil/"

    def strip(url_path: str) -> str:  # url_path includes the site's root page
        return "/" + url_path[len(prefix):]

    guides = [strip(path) for path in paths(GuidePage.objects.all(), 40)]
    communs = [strip(path) for path in paths(CommunPage.objects.all(), 40)]
    past = [strip(path) for path in paths(EventPage.objects.filter(start__lt=timezone.now()), 40)]
    upcoming = [strip(path) for path in paths(EventPage.objects.filter(start__gte=timezone.now()), 10)]
    stage = "utiliser"
    public = [
        "/", "/guides/", "/guides/?page=2", f"/guides/?etape={stage}",
        f"/guides/?etape={stage}&tag=logiciel-libre", "/evenements/", "/evenements/?page=2",
        f"/evenements/?etape={stage}", "/communs/", "/communs/?page=2", "/communs/?nature=software",
        "/temoignages/", "/parcours/", f"/parcours/{stage}/", "/a-propos/",
        "/recherche/?q=commun", "/recherche/?q=logiciels+libres",
        "/flux/rss/", "/evenements/ical/", "/sitemap.xml",
        "/api/v2/pages/?type=numerique_ouvert_guides.GuidePage", "/api/v2/testimonies/",
        *upcoming,
    ]
    # Guides, communs and events once begun: they link to the testimony form (no form in them),
    # so the page cache serves them too; "detail-uncached" renders them for every request.
    detail = [url for trio in zip(guides, communs, past, strict=False) for url in trio]
    # An anonymous crowd: about half the requests on detail pages, the rest on the home page,
    # listings, search, calendars, feeds and the API.
    mix = [url for pair in zip(detail, public * 4, strict=False) for url in pair]
    return {"cached": public, "detail": detail, "mix": mix, "uncached": public,
            "detail-uncached": detail}


# --- Server -------------------------------------------------------------------------------------


@dataclass
class Server:
    args: argparse.Namespace
    media_root: Path
    page_cache: bool = True
    process: subprocess.Popen | None = None
    env: dict = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.args.port}"

    def environment(self) -> dict:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.args.database_url,
            "REDIS_URL": self.args.redis_url,
            "MEDIA_ROOT": str(self.media_root),
            "STATIC_ROOT": str(STATIC_ROOT),
            "GUNICORN_BIND": f"127.0.0.1:{self.args.port}",
            # Access logs of tens of thousands of requests would measure the disk.
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "LOG_LEVEL": "WARNING",
            "PAGE_CACHE": "true" if self.page_cache else "false",
        }
        if self.args.workers:
            env["WEB_CONCURRENCY"] = str(self.args.workers)
        return env

    def collectstatic(self) -> None:
        log(f"… collectstatic into {STATIC_ROOT}")
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
                       cwd=PROJECT_DIR, env=self.environment(), check=True)

    def start(self) -> None:
        log(f"… gunicorn on {self.base_url} (page cache {'on' if self.page_cache else 'off'})")
        self.process = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=PROJECT_DIR, env=self.environment(), stdout=subprocess.DEVNULL,
            stderr=open(Path(tempfile.gettempdir()) / "numerique_ouvert_load_gunicorn.log", "a"))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn stopped; see numerique_ouvert_load_gunicorn.log in "
                                 f"{tempfile.gettempdir()}.")
            try:
                if self.get("/sante/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("gunicorn did not answer /sante/ within 120 s.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def get(self, path: str) -> tuple[int, dict]:
        request = urllib.request.Request(self.base_url + path,
                                         headers={"X-Forwarded-Proto": "https"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers)

    def workers_rss_mb(self) -> list[float]:
        """Resident memory of each worker process, from /proc (Linux)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split() if children.exists() else []:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:  # a worker just replaced (max_requests)
                continue
            rss = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
            if rss:
                sizes.append(int(rss.group(1)) / 1024)
        return sizes


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()


# --- wrk ----------------------------------------------------------------------------------------

LUA = r"""
local urls = {%(urls)s}
local counter = 0
statuses = {}
hits = 0
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args)
  counter = math.random(#urls) - 1  -- each thread starts elsewhere in the list
end

function request()
  counter = counter %% #urls + 1
  return wrk.format("GET", urls[counter], {["X-Forwarded-Proto"] = "https"})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end

function done(summary, latency, requests)
  local total_hits, merged = 0, {}
  for _, thread in ipairs(threads) do
    total_hits = total_hits + thread:get("hits")
    for status, count in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(merged) do table.insert(parts, string.format('"%%d": %%d', status, count)) end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"timeout": %%d, "status_errors": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, ' ..
    '"max_us": %%d, "hits": %%d, "statuses": {%%s}}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    total_hits, table.concat(parts, ", ")))
end
"""


@dataclass
class Result:
    name: str
    label: str
    data: dict
    rss_mb: list[float]

    @property
    def rps(self) -> float:
        return self.data["requests"] / (self.data["duration_us"] / 1e6)

    @property
    def errors(self) -> int:
        socket_errors = sum(self.data[key] for key in ("connect", "read", "write", "timeout"))
        return socket_errors + self.data["status_errors"]


LABELS = {
    "cached": "Pages publiques, cache de pages (accueil, listes, parcours, recherche, flux, API)",
    "detail": "Pages de détail (guides, communs, événements passés), cache de pages",
    "mix": "Mélange anonyme (moitié pages de détail, moitié le reste), cache de pages",
    "uncached": "Mêmes pages publiques, cache de pages désactivé",
    "detail-uncached": "Mêmes pages de détail, cache de pages désactivé (rendues à chaque requête)",
}


def run_wrk(server: Server, name: str, paths: list[str], args: argparse.Namespace,
            workdir: Path) -> Result:
    script = workdir / f"{name}.lua"
    script.write_text(LUA % {"urls": ", ".join(json.dumps(path) for path in paths)})
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
               "-s", str(script), server.base_url]
    log(f"… {name}: {' '.join(command)}")
    output = subprocess.run(command, capture_output=True, text=True,
                            timeout=args.duration + 60).stdout
    line = next((line for line in output.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    result = Result(name, LABELS[name], json.loads(line[len("RESULT "):]), server.workers_rss_mb())
    log(f"  {name}: {result.rps:.0f} req/s, median {result.data['p50_us'] / 1000:.1f} ms, "
        f"p99 {result.data['p99_us'] / 1000:.1f} ms, errors {result.errors}")
    return result


def warm_up(server: Server, paths: list[str]) -> None:
    """Each URL once (renditions, data caches, page cache); any status but 200 stops the run."""
    for path in dict.fromkeys(paths):
        status, _ = server.get(path)
        if status != 200:
            raise SystemExit(f"{path} answered {status} on the warm-up request.")


def report(args: argparse.Namespace, results: list[Result], workers: int) -> str:
    import platform

    from benchmarks.run import machine

    lines = [
        f"# Charge : N = {args.items} de chaque type, {args.connections} connexions, "
        f"{args.duration} s par scénario",
        "",
        f"- Date : {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine : {machine()} ; Python {platform.python_version()}",
        f"- gunicorn ({workers} workers sync), example_site.settings.production, PostgreSQL, "
        "Redis ; wrk sur la même machine (boucle locale)",
        f"- Charge moyenne (1 min) à la fin : {os.getloadavg()[0]:.2f}",
        "",
        "| Scénario | Requêtes/s | Médiane ms | p90 ms | p99 ms | Max ms | Requêtes | Erreurs | "
        "Servies du cache | RSS par worker (Mo) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        data = result.data
        rss = ", ".join(f"{size:.0f}" for size in result.rss_mb)
        hits = 100 * data["hits"] / data["requests"] if data["requests"] else 0
        lines.append(
            f"| {result.label} | {result.rps:.0f} | {data['p50_us'] / 1000:.1f} | "
            f"{data['p90_us'] / 1000:.1f} | {data['p99_us'] / 1000:.1f} | "
            f"{data['max_us'] / 1000:.0f} | {data['requests']} | {result.errors} | {hits:.0f} % | "
            f"{rss} |")
    lines += ["", "Erreurs : réponses hors 2xx/3xx et erreurs de socket (connexion, lecture, "
              "écriture, délai de 10 s) comptées par wrk. Par scénario : "
              + "; ".join(f"{result.name} : statuts {result.data['statuses']}, connexion "
                          f"{result.data['connect']}, lecture {result.data['read']}, écriture "
                          f"{result.data['write']}, délai {result.data['timeout']}"
                          for result in results) + "."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scenarios = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    unknown = set(scenarios) - set(LABELS)
    if unknown:
        raise SystemExit(f"Unknown scenario(s): {', '.join(sorted(unknown))}.")
    workdir = Path(tempfile.mkdtemp(prefix="numerique_ouvert_load_"))
    media_root = Path(args.media_root) if args.reuse else build(args)
    targets = urls(args.database_url)
    flush_redis(args.redis_url)
    server = Server(args, media_root)
    server.collectstatic()
    results: list[Result] = []
    workers = 0
    try:
        for page_cache in (True, False):
            names = [name for name in scenarios if name.endswith("uncached") != page_cache]
            if not names:
                continue
            server.page_cache = page_cache
            server.start()
            workers = len(server.workers_rss_mb())
            for name in names:
                warm_up(server, targets[name])
                results.append(run_wrk(server, name, targets[name], args, workdir))
            server.stop()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        if args.keep_media or args.reuse:
            log(f"Media kept: {media_root}")
        else:
            shutil.rmtree(media_root.parent, ignore_errors=True)
    print(report(args, results, workers))
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
