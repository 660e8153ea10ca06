"""iCalendar (RFC 5545) export of events, with the icalendar library: one file per event and a
feed of upcoming events that calendar clients can subscribe to."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event, vCalAddress, vText

from numerique_ouvert import __version__

from .choices import EventStatus

ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def event_uid(event, request) -> str:
    """Stable across renames and moves: the page's translation key and the site's host."""
    host = request.get_host().split(":")[0] if request is not None else "numerique-ouvert"
    return f"{event.translation_key}@{host}"


def event_to_vevent(event, request) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event, request))
    vevent.add("dtstamp", event.last_published_at or event.latest_revision_created_at
               or timezone.now())
    if event.all_day:
        start = timezone.localtime(event.start).date()
        end = timezone.localtime(event.end).date() + datetime.timedelta(days=1)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
    else:
        vevent.add("dtstart", timezone.localtime(event.start))
        vevent.add("dtend", timezone.localtime(event.end))
    vevent.add("summary", event.title)
    if event.tagline:
        vevent.add("description", event.tagline)
    location = ", ".join(p for p in (event.venue_name, event.venue_address, event.venue_city) if p)
    if location:
        vevent.add("location", location)
    elif event.online_url:
        vevent.add("location", event.online_url)
    vevent.add("url", event.get_full_url(request=request))
    vevent.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
    categories = [str(event.get_format_display())] + [s.name for s in event.get_stages()]
    vevent.add("categories", categories)
    for organiser in event.organisers:
        if organiser.value.get("url"):
            organizer = vCalAddress(organiser.value["url"])
            organizer.params["cn"] = vText(organiser.value["name"])
            vevent.add("organizer", organizer)
            break
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent


def build_calendar(events: Iterable, request, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//numerique-ouvert//{__version__}//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    for event in events:
        calendar.add_component(event_to_vevent(event, request))
    # VTIMEZONE components for every TZID used, as RFC 5545 requires.
    calendar.add_missing_timezones()
    return calendar


def ics_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "agenda"}.ics"'
    return response
