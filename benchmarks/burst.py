"""A burst of concurrent submissions against a running portal: every accepted submission must be
stored exactly once, the others refused by the rate limit (429), none lost to an error.

    # the portal running elsewhere (make run, gunicorn…), then:
    .venv/bin/python benchmarks/burst.py --base-url http://127.0.0.1:8000 --kind testimony \\
        --count 30 --duplicates 5 [--check-db]

Each submission is a browser session of its own: it loads the form (CSRF cookie, signed form
token), waits the minimum fill time, then all are posted at once from ``--concurrency``
threads. ``--duplicates`` sends that many of the forms a second time, at the same moment.
``--check-db`` counts what was stored, through the example site's settings (same database
as the server: set DATABASE_URL as the server has it).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

PROJECT_DIR = Path(__file__).resolve().parent.parent

FORM_PATHS = {"testimony": "/temoignages/temoigner/", "position": "/carte-du-parcours/je-me-situe/"}


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    if not match:
        raise SystemExit(f"No {name!r} field in the form page: is the form URL right?")
    return match.group(1)


def form_data(kind: str, marker: str, n: int) -> dict:
    if kind == "testimony":
        return {"text": f"Témoignage de charge {marker} numéro {n}, envoyé en rafale.",
                "consent_to_publish": "on", "stages": ["utiliser"], "site_web": ""}
    return {"stages": ["utiliser", "cooperer"], "role": "pratiquant", "capacity": "project",
            "site_web": ""}


def prepare(base_url: str, path: str, kind: str, marker: str, n: int):
    session = requests.Session()
    page = session.get(base_url + path, timeout=30)
    page.raise_for_status()
    data = form_data(kind, marker, n)
    data["csrfmiddlewaretoken"] = hidden(page.text, "csrfmiddlewaretoken")
    data["jeton"] = hidden(page.text, "jeton")
    return session, data


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--kind", choices=sorted(FORM_PATHS), default="testimony")
    parser.add_argument("--form-path", help="path of the form (default: the demo's)")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--duplicates", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--min-seconds", type=float, default=3.5,
                        help="wait between loading and posting (≥ FORM_MIN_SECONDS)")
    parser.add_argument("--check-db", action="store_true")
    args = parser.parse_args(argv)

    path = args.form_path or FORM_PATHS[args.kind]
    marker = uuid.uuid4().hex[:10]
    print(f"Loading {args.count} forms from {args.base_url}{path} …", file=sys.stderr)
    sessions = [prepare(args.base_url, path, args.kind, marker, n) for n in range(args.count)]
    time.sleep(args.min_seconds)
    batch = sessions + sessions[: args.duplicates]
    referer = args.base_url + path

    def post(item):
        session, data = item
        started = time.perf_counter()
        response = session.post(args.base_url + path, data=data, allow_redirects=False,
                                headers={"Referer": referer}, timeout=60)
        return response.status_code, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = list(pool.map(post, batch))
    elapsed = time.perf_counter() - started

    statuses = collections.Counter(status for status, _ in results)
    durations = sorted(duration for _, duration in results)
    accepted_forms = {i % args.count for i, (status, _) in enumerate(results) if status in (302, 303)}
    print(f"{len(batch)} POSTs ({args.count} forms + {args.duplicates} sent twice) in "
          f"{elapsed:.2f} s, concurrency {args.concurrency}")
    print("Statuses: " + ", ".join(f"{code}×{n}" for code, n in sorted(statuses.items())))
    print(f"Median {durations[len(durations) // 2] * 1000:.0f} ms, "
          f"max {durations[-1] * 1000:.0f} ms")
    print(f"Distinct forms accepted: {len(accepted_forms)}")
    errors = sum(n for code, n in statuses.items() if code >= 500)

    if args.check_db:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")
        sys.path.insert(0, str(PROJECT_DIR))
        import django

        django.setup()
        from django.core import signing

        from numerique_ouvert.core.participation import TOKEN_SALT

        if args.kind == "testimony":
            from numerique_ouvert.testimonies.models import Testimony as Model
        else:
            from numerique_ouvert.parcours_map.models import ParcoursPosition as Model
        # The submission key each form carried, from its signed token.
        keys = [signing.loads(data["jeton"], salt=TOKEN_SALT)["k"] for _, data in sessions]
        stored = Model.objects.filter(submission_key__in=keys).count()
        print(f"Stored: {stored} (expected {len(accepted_forms)}, one per accepted form)")
        if stored != len(accepted_forms):
            return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
