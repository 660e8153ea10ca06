"""Helpers shared by the demo's events (and by sites' own demo events): dates, programme, banner."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.utils import timezone
from wagtail.images.models import AbstractImage

from numerique_ouvert.events.models import EventIndexPage, EventPage
from numerique_ouvert.parcours.models import ParcoursStage

from ..builder import Demo, get_or_create_page, republish_if_past
from ..images import get_or_create_image

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A Paris wall-clock time on ``day`` (daylight saving time included)."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def in_days(days: int) -> datetime.date:
    return (timezone.localtime(timezone.now(), PARIS) + datetime.timedelta(days=days)).date()


def organiser(name: str, url: str = "") -> tuple[str, dict[str, str]]:
    return ("organiser", {"name": name, "url": url})


def session(start: tuple[int, int], end: tuple[int, int] | None, title: str, *,
            stage: ParcoursStage | None = None, fmt: str = "", speakers: str = "",
            room: str = "", description: str = "") -> tuple[str, dict[str, Any]]:
    """One entry of a programme (``SessionBlock``); times are wall-clock times of the event."""
    return ("session", {
        "start_time": datetime.time(*start), "end_time": datetime.time(*end) if end else None,
        "title": title, "format": fmt, "stage": stage, "speakers": speakers, "room": room,
        "description": description,
    })


def banner(demo: Demo, title: str, text: str, colour: int) -> AbstractImage:
    return get_or_create_image(demo.log, f"Bannière : {title}", text=text, colour=colour,
                               description=f"Bandeau abstrait au titre « {text} ».")


def upcoming_event(demo: Demo, index: EventIndexPage, key: str, slug: str, *, days: int,
                   hours: tuple[tuple[int, int], tuple[int, int]], deadline_days: int | None = None,
                   model: type[EventPage] = EventPage, **fields: Any) -> EventPage:
    """An event ``days`` from today; moved back into the future if a later run finds it past.

    Also used by sites' own ``load_demo`` for their event types (``model``)."""
    day = in_days(days)
    dates = {"start": at(day, *hours[0]), "end": at(day, *hours[1])}
    if deadline_days is not None:
        dates["registration_deadline"] = at(day - datetime.timedelta(days=deadline_days), 18)
    page = get_or_create_page(demo.log, index, model, slug, **dates, **fields)
    republish_if_past(demo.log, page, **dates)
    demo.events[key] = page
    return page
