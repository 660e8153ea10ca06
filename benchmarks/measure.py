"""What the benchmark measures: the public URLs of the portal, each requested in-process through
Django's test client, for its number of SQL queries and its server time.

Routes other engineers are still building (search, feeds, sitemap, API) are listed too: a URL
that does not answer 200 on the warm-up request is reported as absent instead of measured.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from numerique_ouvert.communs.choices import CommunKind, CommunStatus
from numerique_ouvert.events.choices import EventFormat

from .portal import HOSTNAME, Portal

STAGE = "utiliser"


@dataclass
class Target:
    label: str
    url: str


@dataclass
class Measurement:
    target: Target
    status: int
    queries: int | None = None
    times_ms: list[float] = field(default_factory=list)
    # CPU time of this process per request: Python's share of the server time, which other
    # processes competing for the CPU do not inflate (on PostgreSQL the server's share is left out).
    cpu_ms: list[float] = field(default_factory=list)
    detail: str = ""
    # One request right after emptying Django's cache (menu, settings, listing counts and ids,
    # related-content rankings): what the first visitor after a publication waits, at most.
    cold_ms: float | None = None

    @property
    def measured(self) -> bool:
        return bool(self.times_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        """Nearest-rank 95th percentile: with 30 requests, the second slowest."""
        ordered = sorted(self.times_ms)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _declared_filters(index: Page) -> set[str]:
    """Query parameters the index page's FilterSet declares (empty without a FilterSet)."""
    filterset_class = getattr(type(index), "filterset_class", None)
    return set(filterset_class.base_filters) if filterset_class is not None else set()


def _choice(index: Page, name: str, default: str) -> str:
    """A value of the filter ``name`` of ``index``: ``default`` if the filter offers it or does
    not exist, otherwise the first value it offers."""
    filterset_class = getattr(type(index), "filterset_class", None)
    declared = filterset_class.base_filters.get(name) if filterset_class is not None else None
    choices = [value for value, _ in (declared.extra.get("choices") or [])] if declared else []
    return default if not choices or default in choices else str(choices[0])


def filtered(label: str, index: Page, **params: str) -> Target:
    """A filtered listing; parameters the FilterSet does not declare are named in the label."""
    unknown = sorted(set(params) - _declared_filters(index) - {"page"})
    note = f" (not a declared filter: {', '.join(unknown)})" if unknown else ""
    return Target(f"{label}{note}", f"{index.url}?{urlencode(params)}")


def targets(portal: Portal) -> list[Target]:
    """Every URL to measure, in report order."""
    tag = portal.tags[0].slug  # the most used tag (see items.TAG_WEIGHTS)
    guide, event, commun = (portal.samples[key] for key in ("guide", "event", "commun"))
    indexes = [("Guides", portal.guides), ("Events", portal.events),
               ("Communs", portal.communs), ("Testimonies", portal.testimonies)]
    found = [Target("Home", portal.home.url)]
    for label, index in indexes:
        found += [Target(f"{label} index", index.url),
                  Target(f"{label} index, page 2", f"{index.url}?page=2"),
                  filtered(f"{label}, stage", index, etape=STAGE),
                  filtered(f"{label}, stage + tag", index, etape=STAGE, tag=tag)]
    found += [
        filtered("Guides, reviewed", portal.guides,
                 relu=_choice(portal.guides, "relu", "6-mois")),
        filtered("Events, past + format", portal.events, quand="passes",
                 format=EventFormat.ATELIER.value),
        filtered("Events, past + format, page 2", portal.events, quand="passes",
                 format=EventFormat.ATELIER.value, page="2"),
        filtered("Communs, nature", portal.communs, nature=CommunKind.SOFTWARE.value),
        filtered("Communs, nature + maturity", portal.communs, nature=CommunKind.SOFTWARE.value,
                 statut=CommunStatus.STABLE.value),
        filtered("Communs, licence", portal.communs, licence="MIT"),
        Target("Guide", guide.url),
        Target("Event", event.url),
        Target("Event, iCalendar", f"{event.url}ical/"),
        Target("Commun", commun.url),
        Target("Content page", portal.content_page.url),
        Target("Parcours hub", portal.parcours.url),
        Target("Parcours stage", f"{portal.parcours.url}{STAGE}/"),
        Target("Search: commun", "/recherche/?q=commun"),
        Target("Search: logiciels libres", "/recherche/?q=logiciels+libres"),
        Target("Search: commun, guides, stage", f"/recherche/?q=commun&type=guides&etape={STAGE}"),
        Target("RSS feed", "/flux/rss/"),
        Target("Guides RSS feed", f"{portal.guides.url}flux/rss/"),
        Target("Sitemap index", "/sitemap.xml"),
        Target("Sitemap of the guides, first file", "/sitemap-guides.xml"),
        Target("robots.txt", "/robots.txt"),
        Target("API: guides", "/api/v2/pages/?type=numerique_ouvert_guides.GuidePage"),
        Target("API: guides, stage", "/api/v2/pages/?type=numerique_ouvert_guides.GuidePage"
               f"&etape={STAGE}"),
        Target("API: testimonies", "/api/v2/testimonies/"),
        Target("Events calendar", f"{portal.events.url}ical/"),
        Target("Events calendar, stage", f"{portal.events.url}ical/?etape={STAGE}"),
    ]
    return found


def client() -> Client:
    """A client on the site's host; server errors come back as 500 responses (and print their
    traceback) instead of stopping the run."""
    return Client(SERVER_NAME=HOSTNAME, raise_request_exception=False)


def _get(http: Client, url: str):
    response = http.get(url)
    if response.streaming:  # generated while read: read it inside the measured time
        b"".join(response.streaming_content)
    return response


def measure(http: Client, target: Target, repeat: int, budget: float) -> Measurement:
    """Warm the URL up once (renditions, menu and settings caches), time one request after
    emptying the cache (**cold**), count the queries of one warm request, then time ``repeat``
    requests (without query capture, which slows them), or fewer if they take more than
    ``budget`` seconds in all: a page taking seconds is slow enough to report without thirty
    samples of it."""
    start = time.perf_counter()
    response = _get(http, target.url)
    if response.status_code != 200:
        location = response.get("Location", "")
        return Measurement(target, response.status_code, detail=f"→ {location}" if location else "")
    # A URL whose warm-up alone exceeds the budget is timed once, with the query capture.
    slow = time.perf_counter() - start > budget
    cache.clear()
    cold_ms = _timed(http, target.url)[0]
    with CaptureQueriesContext(connection) as captured:
        sample = _timed(http, target.url)
    result = Measurement(target, response.status_code, queries=len(captured.captured_queries),
                         cold_ms=cold_ms)
    if slow:
        result.times_ms, result.cpu_ms = [sample[0]], [sample[1]]
        return result
    deadline = time.perf_counter() + budget
    for _ in range(repeat):
        if result.times_ms and time.perf_counter() > deadline:
            break
        wall, cpu = _timed(http, target.url)
        result.times_ms.append(wall)
        result.cpu_ms.append(cpu)
    return result


def _timed(http: Client, url: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one request."""
    start, start_cpu = time.perf_counter(), time.process_time()
    _get(http, url)
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def summary(result: Measurement) -> str:
    """One line of progress: the result of a URL as soon as it is measured."""
    if not result.measured:
        return f"  {result.target.url}: {result.status}"
    return (f"  {result.target.url}: {result.queries} queries, median {result.median:.1f} ms "
            f"({len(result.times_ms)} requests)")


def markdown_table(results: list[Measurement]) -> str:
    lines = ["| Page | URL | Queries | Median ms | p95 ms | CPU ms | Cold ms | Requests |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for result in results:
        url = f"`{result.target.url}`"
        if result.measured:
            lines.append(f"| {result.target.label} | {url} | {result.queries} | "
                         f"{result.median:.1f} | {result.p95:.1f} | "
                         f"{statistics.median(result.cpu_ms):.1f} | {result.cold_ms:.1f} | "
                         f"{len(result.times_ms)} |")
        else:
            state = "absent" if result.status == 404 else "error" if result.status >= 500 else "other"
            detail = f" {result.detail}" if result.detail else ""
            lines.append(f"| {result.target.label} | {url} | {state} ({result.status}{detail}) "
                         f"| – | – | – | – | – |")
    return "\n".join(lines)
