"""Benchmark of the portal's public pages: build a site with N items of each type in a fresh
database, then measure the SQL queries and server time of every public URL.

    .venv/bin/python benchmarks/run.py --items 1000 [--database-url URL] [--repeat 30]

Progress goes to stderr; the report (Markdown) to stdout. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for real once Django is set up
    from benchmarks.portal import Portal

PROJECT_DIR = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100,
                        help="guides, events, communs and testimonies to build, of each (default 100)")
    parser.add_argument("--database-url", default="",
                        help="postgres://…/numerique_ouvert_bench* (dropped and created again); "
                             "default: a new SQLite file in a temporary folder")
    parser.add_argument("--repeat", type=int, default=30,
                        help="timed requests per URL, after one warm-up request (default 30)")
    parser.add_argument("--budget", type=float, default=60,
                        help="seconds of timed requests per URL: fewer than --repeat requests "
                             "for slower URLs (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated content")
    parser.add_argument("--check-tree", action="store_true",
                        help="also run treebeard's full tree check (slow: ~20 s at 10 000 items)")
    parser.add_argument("--build-only", action="store_true", help="build, do not measure pages")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (SQLite file, images) and print its path")
    args = parser.parse_args(argv)
    if args.items < 30:
        parser.error("--items must be at least 30 (a second listing page needs 13 items).")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1.")
    return args


class Steps:
    """Durations of the build steps, announced on stderr as they end."""

    def __init__(self) -> None:
        self.durations: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        print(f"… {name}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.durations.append((name, elapsed))
        print(f"  {name}: {elapsed:.1f} s", file=sys.stderr, flush=True)

    def table(self) -> str:
        lines = ["| Step | Seconds |", "|---|---:|"]
        lines += [f"| {name} | {seconds:.1f} |" for name, seconds in self.durations]
        total = sum(seconds for _, seconds in self.durations)
        return "\n".join([*lines, f"| **Total** | **{total:.1f}** |"])


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: kB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine() -> str:
    """"2 CPUs, Intel(R) Xeon(R) …" from /proc/cpuinfo when there is one."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} CPUs, {model}, {platform.system()} {platform.release()}"


def build(args: argparse.Namespace, steps: Steps) -> Portal:
    """Migrate the fresh database, build the portal and its items, index them; the portal."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from benchmarks import database, items, portal, tree

    with steps.step("migrate"):
        call_command("migrate", interactive=False, verbosity=0)
    with steps.step("portal structure, pools and images"):
        site = portal.build_portal()
    page_ids: list[int] = []
    for label, builder in (("guides", items.build_guides), ("events", items.build_events),
                           ("communs", items.build_communs)):
        with steps.step(f"{args.items} {label}"):
            page_ids += builder(site, args.items, args.seed)
    with steps.step(f"{args.items} testimonies (+{args.items // 10} awaiting moderation)"):
        items.build_testimonies(site, args.items, page_ids, args.seed)
    with steps.step("tree check"):
        for index in (site.guides, site.events, site.communs):
            tree.check_children(index)
        if args.check_tree:
            problems = Page.find_problems()
            if any(problems):
                raise SystemExit(f"The page tree is inconsistent: {problems}")
    with steps.step("search index (update_index)"):
        call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        with steps.step("VACUUM ANALYZE"):
            database.settle()
    return site


def report_header(args: argparse.Namespace) -> str:
    import django
    import wagtail
    from wagtail.search.backends import get_search_backend

    from benchmarks.database import database_description

    return "\n".join([
        f"# Benchmark: N = {args.items} of each type",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}",
        f"- Database: {database_description()}; search backend: "
        f"{type(get_search_backend()).__name__}",
        f"- {args.repeat} timed requests per URL after one warm-up request "
        f"(fewer past {args.budget:.0f} s per URL)",
    ])


def report_database() -> str:
    from benchmarks.database import database_size, row_counts

    lines = [f"Database size: {database_size() / (1024 * 1024):.1f} MB", "",
             "| Table | Rows |", "|---|---:|"]
    lines += [f"| {label} | {count} |" for label, count in row_counts()]
    return "\n".join(lines)


def measure_pages(args: argparse.Namespace, site: Portal) -> list[str]:
    """The table of every URL, and the machine's load while it was measured."""
    from benchmarks import measure

    http = measure.client()
    results = []
    load_before = os.getloadavg()[0]
    sections = ["## Pages"]
    try:
        for target in measure.targets(site):
            results.append(measure.measure(http, target, args.repeat, args.budget))
            print(measure.summary(results[-1]), file=sys.stderr, flush=True)
    except KeyboardInterrupt:  # Ctrl-C: still report what was measured
        sections.append("**Interrupted**: the URLs after the last row were not measured.")
    sections.insert(1, measure.markdown_table(results))
    sections.append(f"Load average (1 min) of the machine: {load_before:.2f} before measuring, "
                    f"{os.getloadavg()[0]:.2f} after (above the number of CPUs, other processes "
                    f"competed for them: compare the CPU ms column).")
    return sections


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="numerique_ouvert_bench_"))
    steps = Steps()
    try:
        sys.path.insert(0, str(PROJECT_DIR))
        from benchmarks import database

        with steps.step("create database"):
            if args.database_url:
                if not database.is_postgres(args.database_url):
                    raise SystemExit("--database-url must be a PostgreSQL URL (postgres://…).")
                database.recreate_postgres(args.database_url)
                url = args.database_url
            else:
                url = database.sqlite_url(workdir)
        # Set before Django reads its settings; never the developer's DATABASE_URL.
        os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
        os.environ["BENCHMARK_DATABASE_URL"] = url
        os.environ["BENCHMARK_MEDIA_ROOT"] = str(workdir / "media")
        import django

        django.setup()
        site = build(args, steps)
        build_peak = peak_memory_mb()
        sections = [report_header(args), "## Build", steps.table()]
        if not args.build_only:
            sections += measure_pages(args, site)
        # After the pages: their warm-up requests created the image renditions.
        sections += ["## Database", report_database()]
        sections += ["## Memory", f"Peak resident memory: {build_peak:.0f} MB after the build, "
                                  f"{peak_memory_mb():.0f} MB at the end."]
        print("\n\n".join(sections))
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if args.keep:
            print(f"Kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
