"""Redis stopped in the middle of a load run: the portal must keep answering, without errors.

    .venv/bin/python benchmarks/outage.py \\
        --database-url postgres://postgres@127.0.0.1:5432/numerique_ouvert_bench \\
        --media-root /tmp/numerique_ouvert_bench_…/media --duration 45 --stop-at 15 --start-at 30

Needs a database built by ``load.py --keep-media`` (or ``run.py --build-only --keep``) and the
``redis-server`` program. Starts a Redis of its own on ``--redis-port`` (never the shared one),
gunicorn with the production settings pointed at it (page cache on), then wrk on the anonymous
mix of ``load.py`` for ``--duration`` seconds; Redis is stopped ``--stop-at`` seconds in and
started again, empty, at ``--start-at``. Reports wrk's statuses and socket errors over the whole
run, the latency, what a probe request saw every half second (status and page-cache header, per
phase) and how many cache errors gunicorn logged. Exit status 1 on any error. See
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load import Server, log, run_wrk, urls, warm_up  # noqa: E402

GUNICORN_LOG = Path(tempfile.gettempdir()) / "numerique_ouvert_load_gunicorn.log"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="a database built by load.py")
    parser.add_argument("--media-root", required=True, help="its media folder")
    parser.add_argument("--port", type=int, default=8400, help="gunicorn's port on 127.0.0.1")
    parser.add_argument("--redis-port", type=int, default=6391,
                        help="port of the Redis this script starts and stops (default 6391)")
    parser.add_argument("--duration", type=int, default=45, help="seconds of load (default 45)")
    parser.add_argument("--stop-at", type=int, default=15, help="Redis stopped after (s)")
    parser.add_argument("--start-at", type=int, default=30, help="Redis started again after (s)")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections (64)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: conf)")
    args = parser.parse_args(argv)
    for program in ("wrk", "redis-server"):
        if not shutil.which(program):
            parser.error(f"{program} is not installed (Debian: apt-get install -y {program}).")
    if not 0 < args.stop_at < args.start_at < args.duration <= 600:
        parser.error("0 < --stop-at < --start-at < --duration <= 600 is needed.")
    args.redis_url = f"redis://127.0.0.1:{args.redis_port}/0"
    return args


class Redis:
    """A throw-away redis-server: no persistence, so it comes back empty."""

    def __init__(self, port: int):
        self.port = port
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"],
                                  capture_output=True, text=True)
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise SystemExit(f"redis-server did not start on port {self.port}.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()  # as a crash would: no goodbye to the clients
            self.process.wait()


def probe(server: Server, path: str, started: float, args: argparse.Namespace,
          seen: dict[str, Counter], done: threading.Event) -> None:
    """One request every half second, tallied by phase: before, during and after the outage."""
    while not done.is_set():
        elapsed = time.monotonic() - started
        phase = ("before" if elapsed < args.stop_at else
                 "during" if elapsed < args.start_at else "after")
        try:
            status, headers = server.get(path)
            seen[phase][f"{status} {headers.get('X-Page-Cache', '-')}"] += 1
        except OSError as error:
            seen[phase][f"error {type(error).__name__}"] += 1
        done.wait(0.5)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    targets = urls(args.database_url)["mix"]
    redis = Redis(args.redis_port)
    redis.start()
    server = Server(args, Path(args.media_root))
    server.collectstatic()
    log_start = GUNICORN_LOG.stat().st_size if GUNICORN_LOG.exists() else 0
    workdir = Path(tempfile.mkdtemp(prefix="numerique_ouvert_outage_"))
    seen: dict[str, Counter] = {"before": Counter(), "during": Counter(), "after": Counter()}
    done = threading.Event()
    workers = 0
    try:
        server.start()
        workers = len(server.workers_rss_mb())
        warm_up(server, targets)
        started = time.monotonic()
        prober = threading.Thread(target=probe, args=(server, "/", started, args, seen, done))
        prober.start()

        def outage() -> None:
            time.sleep(args.stop_at)
            log(f"… Redis stopped at {time.monotonic() - started:.1f} s")
            redis.stop()
            time.sleep(args.start_at - args.stop_at)
            redis.start()
            log(f"… Redis started again (empty) at {time.monotonic() - started:.1f} s")

        switch = threading.Thread(target=outage)
        switch.start()
        result = run_wrk(server, "mix", targets, args, workdir)
        switch.join()
        done.set()
        prober.join()
    finally:
        done.set()
        server.stop()
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    logged = GUNICORN_LOG.read_text(errors="replace")[log_start:] if GUNICORN_LOG.exists() else ""
    cache_errors = sum(1 for line in logged.splitlines() if "redis" in line.lower()
                       or "cache" in line.lower())
    data = result.data
    print(f"# Redis arrêté pendant la charge : {args.duration} s, {args.connections} connexions\n")
    print(f"- Redis arrêté à {args.stop_at} s (kill), relancé vide à {args.start_at} s ; "
          f"gunicorn {workers} processus, "
          f"`example_site.settings.production`, cache de pages actif ; wrk sur le mélange "
          f"anonyme de `load.py` ({len(targets)} adresses)")
    print(f"- Requêtes : {data['requests']} ({result.rps:.0f} par seconde en moyenne), statuts "
          f"{dict(sorted(data['statuses'].items()))}, erreurs de socket : connexion "
          f"{data['connect']}, lecture {data['read']}, écriture {data['write']}, délai "
          f"{data['timeout']}")
    print(f"- Latence : médiane {data['p50_us'] / 1000:.1f} ms, p99 {data['p99_us'] / 1000:.1f} ms,"
          f" max {data['max_us'] / 1000:.0f} ms ; servies du cache de pages : "
          f"{data['hits'] / max(data['requests'], 1):.0%}")
    print(f"- Lignes du journal de gunicorn qui parlent du cache ou de Redis : {cache_errors}\n")
    print("| Phase | Réponses à `/` (statut, X-Page-Cache : nombre) |")
    print("|---|---|")
    for phase, label in (("before", "avant"), ("during", "Redis arrêté"), ("after", "après")):
        tally = ", ".join(f"{key} : {count}" for key, count in sorted(seen[phase].items()))
        print(f"| {label} | {tally or '—'} |")
    failed = result.errors or any(not key.startswith("200") for phase in seen.values()
                                  for key in phase)
    print(f"\nRésultat : {'des erreurs' if failed else 'aucune erreur'}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
