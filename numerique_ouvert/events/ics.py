"""iCalendar (RFC 5545) export of events: one file per event and a feed of upcoming events that
calendar clients can subscribe to.

The events are written as text lines here; the icalendar library builds only the time zone
definition (``VTIMEZONE``), once per process. Building a component per event with the library
cost about 1 ms per event (property objects, parameter dictionaries, line folding), a feed of
500 events about 450 ms; writing the lines costs about 20 µs per event.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Timezone

from numerique_ouvert import __version__

from .choices import EventFormat, EventStatus

ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}
# The calendar feed: the events of the next twelve months, 200 at most. A client downloads the
# whole file at each refresh (every few hours) and only shows what is coming soon; a bounded
# file keeps each refresh cheap for both sides.
CALENDAR_HORIZON = datetime.timedelta(days=365)
CALENDAR_MAX_EVENTS = 200


def event_uid(event, request) -> str:
    """Stable across renames and moves: the page's translation key and the site's host."""
    host = request.get_host().split(":")[0] if request is not None else "numerique-ouvert"
    return f"{event.translation_key}@{host}"


@dataclass
class CalendarEvent:
    """What a ``VEVENT`` says about an event, read from a page or from a row."""

    translation_key: object
    title: str
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False
    status: str = EventStatus.SCHEDULED
    format: str = ""
    tagline: str = ""
    location: str = ""
    url: str = ""
    stamp: datetime.datetime | None = None
    last_modified: datetime.datetime | None = None
    stage_names: list[str] = field(default_factory=list)
    organiser: tuple[str, str] | None = None  # (name, URL) of the first organiser with a URL

    @classmethod
    def from_page(cls, event, request) -> CalendarEvent:
        organisers = [(block.value["name"], block.value["url"]) for block in event.organisers
                      if block.value.get("url")]
        return cls(**_common({name: getattr(event, name) for name in CALENDAR_COLUMNS[:-2]}),
                   url=event.get_full_url(request=request) or "",
                   stage_names=[stage.name for stage in event.get_stages()],
                   organiser=organisers[0] if organisers else None)


# Columns of a feed row (``organisers`` is read raw, without building its blocks).
CALENDAR_COLUMNS = (
    "pk", "translation_key", "title", "start", "end", "all_day", "status", "format", "tagline",
    "venue_name", "venue_address", "venue_city", "online_url", "last_published_at",
    "latest_revision_created_at", "url_path", "organisers",
)


def _common(row: dict) -> dict:
    location = ", ".join(part for part in (row["venue_name"], row["venue_address"],
                                           row["venue_city"]) if part)
    return {
        "translation_key": row["translation_key"], "title": row["title"], "start": row["start"],
        "end": row["end"], "all_day": row["all_day"], "status": row["status"],
        "format": row["format"], "tagline": row["tagline"],
        "location": location or row["online_url"],
        "stamp": row["last_published_at"] or row["latest_revision_created_at"],
        "last_modified": row["last_published_at"],
    }


def _raw_organiser(stream) -> tuple[str, str] | None:
    for block in getattr(stream, "raw_data", None) or []:
        value = block.get("value") or {}
        if value.get("url"):
            return value.get("name", ""), value["url"]
    return None


def calendar_events(queryset, request) -> list[CalendarEvent]:
    """The events of ``queryset`` a calendar feed lists: not over yet and starting within
    :data:`CALENDAR_HORIZON`, soonest first, :data:`CALENDAR_MAX_EVENTS` at most.

    Two queries: the events as rows (no page instances: building them, their StreamFields and
    their relation managers was most of the feed's time), then their stages; URLs are built
    from ``url_path`` like ``Page.get_full_url``."""
    from wagtail.models import Site

    from numerique_ouvert.core.sitemaps import page_url_builder

    now = timezone.now()
    rows = list(
        queryset.filter(end__gte=now, start__lt=now + CALENDAR_HORIZON).order_by("start", "pk")
        .values(*CALENDAR_COLUMNS)[:CALENDAR_MAX_EVENTS]
    )
    stages = _stage_names(queryset.model, [row["pk"] for row in rows], request)
    site = Site.find_for_request(request) if request is not None else None
    url_of = page_url_builder(site, request) if site is not None else (lambda url_path: "")
    return [
        CalendarEvent(**_common(row), url=url_of(row["url_path"]),
                      stage_names=stages.get(row["pk"], []),
                      organiser=_raw_organiser(row["organisers"]))
        for row in rows
    ]


def calendar_feed(index, request) -> bytes:
    """The calendar feed of an events index: its upcoming public events
    (:func:`calendar_events`), optionally of one stage (``?etape=<slug>``) or format
    (``?format=``).

    Cached until the next publication (``core.queries.cached_listing``): a client polls the
    same file again and again. Only known stages and formats are cached, so that made-up
    parameters cannot fill the cache (they select no event anyway)."""
    from numerique_ouvert.core.queries import cached_listing, listing_key, public
    from numerique_ouvert.parcours.stages import all_stages

    stage, event_format = request.GET.get("etape", ""), request.GET.get("format", "")
    events = index.get_listing_model().objects.live().child_of(index)
    if stage:
        events = events.filter(stages__slug=stage)
    if event_format:
        events = events.filter(format=event_format)

    def build() -> bytes:
        return build_calendar(calendar_events(public(events, request), request), request,
                              index.title)

    known = ((not stage or stage in {s.slug for s in all_stages(request)})
             and (not event_format or event_format in EventFormat.values))
    if not known:
        return build()
    return cached_listing(listing_key("ical", index.pk, request.get_host(), stage, event_format),
                          build)


def _stage_names(model, ids: list, request) -> dict:
    """``{event id: stage names in parcours order}`` in one query on the relation's table."""
    from numerique_ouvert.parcours.stages import all_stages

    if not ids:
        return {}
    relation = model._meta.get_field("stages")
    source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    pairs = relation.remote_field.through.objects.filter(**{f"{source}__in": ids}).values_list(
        source, target)
    found = {}
    for event_id, stage_id in pairs:
        found.setdefault(event_id, set()).add(stage_id)
    ordered = all_stages(request)
    return {event_id: [stage.name for stage in ordered if stage.pk in stage_ids]
            for event_id, stage_ids in found.items()}


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74  # continuation lines start with a space
    parts.append(raw[start:])
    return b"\r\n ".join(parts).decode()


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


@lru_cache(maxsize=8)
def vtimezone(tzid: str) -> str:
    """The ``VTIMEZONE`` of ``tzid`` (1970–2038, the icalendar library's default range), built
    once per process: building it costs about 4 ms."""
    return Timezone.from_tzid(tzid).to_ical().decode().replace("\r\n", "\n").strip()


class VEventWriter:
    """Writes the ``VEVENT`` of events, with what is the same for all of them computed once."""

    def __init__(self, request):
        self.request = request
        self.zone = timezone.get_current_timezone()
        self.tzid = timezone.get_current_timezone_name()
        self.now = timezone.now()
        # Labels translated once, not once per event.
        self.formats = {value: _text(label) for value, label in EventFormat.choices}
        self.uses_tzid = False

    def _when(self, name: str, moment: datetime.datetime) -> str:
        self.uses_tzid = True
        local = moment.astimezone(self.zone)
        return f"{name};TZID={self.tzid}:{local.strftime('%Y%m%dT%H%M%S')}"

    def lines(self, event: CalendarEvent) -> list[str]:
        uid = event_uid(event, self.request)
        lines = ["BEGIN:VEVENT", f"UID:{_text(uid)}", f"DTSTAMP:{_utc(event.stamp or self.now)}"]
        if event.all_day:
            start = event.start.astimezone(self.zone).date()
            end = event.end.astimezone(self.zone).date() + datetime.timedelta(days=1)
            lines += [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
        else:
            lines += [self._when("DTSTART", event.start), self._when("DTEND", event.end)]
        lines.append(f"SUMMARY:{_text(event.title)}")
        if event.tagline:
            lines.append(f"DESCRIPTION:{_text(event.tagline)}")
        if event.location:
            lines.append(f"LOCATION:{_text(event.location)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append(f"STATUS:{ICS_STATUS.get(event.status, 'CONFIRMED')}")
        categories = [self.formats.get(event.format, _text(event.format))]
        categories += [_text(name) for name in event.stage_names]
        lines.append("CATEGORIES:" + ",".join(categories))
        if event.organiser:
            name, url = event.organiser
            # A quoted parameter value cannot hold a double quote (RFC 5545 §3.2).
            lines.append(f'ORGANIZER;CN="{str(name).replace(chr(34), chr(39))}":{url}')
        if event.last_modified:
            lines.append(f"LAST-MODIFIED:{_utc(event.last_modified)}")
        lines.append("END:VEVENT")
        return lines


def build_calendar(events: Iterable, request, name: str) -> bytes:
    """A ``VCALENDAR`` of ``events`` (event pages or :class:`CalendarEvent`), with the
    ``VTIMEZONE`` of the time zone its times use (RFC 5545 requires one for every ``TZID``)."""
    writer = VEventWriter(request)
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:-//numerique-ouvert//{__version__}//FR",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
        f"X-WR-TIMEZONE:{writer.tzid}",
    ]
    body = []
    for event in events:
        if not isinstance(event, CalendarEvent):
            event = CalendarEvent.from_page(event, request)
        body += writer.lines(event)
    if writer.uses_tzid:
        lines += vtimezone(writer.tzid).split("\n")
    lines += body
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode()


def ics_response(calendar: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "agenda"}.ics"'
    return response
