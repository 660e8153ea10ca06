"""iCalendar files of an event and of the events calendar feed, parsed back with the icalendar
library as calendar clients read them (RFC 5545 required properties)."""

from __future__ import annotations

import datetime

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from numerique_ouvert.events.choices import EventFormat, EventStatus
from tests.factories import get_stages, make_event, make_hybrid_event


def calendar_of(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar


def vevents(calendar: Calendar) -> list:
    return calendar.walk("VEVENT")


def assert_valid_vevent(vevent) -> None:
    """What RFC 5545 requires of a VEVENT, and what a client needs to place and open it."""
    assert vevent["UID"]
    assert vevent.decoded("DTSTAMP").tzinfo is not None
    start = vevent["DTSTART"]
    assert "TZID" in start.params or start.dt.utcoffset() == datetime.timedelta(0), start.params
    assert vevent.get("LOCATION") or vevent.get("URL")


@pytest.mark.django_db
def test_event_ics_is_a_valid_calendar_with_one_event(client, portal):
    event = make_event(portal.events, "Atelier libre", venue_address="1 rue de la Paix")

    calendar = calendar_of(client.get(event.url + "ical/"))

    (vevent,) = vevents(calendar)
    assert_valid_vevent(vevent)
    assert str(vevent["SUMMARY"]) == "Atelier libre"
    assert str(vevent["URL"]) == event.get_full_url()
    assert str(vevent["LOCATION"]) == "Maison du numérique, 1 rue de la Paix, Paris"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent.decoded("DTSTART") == event.start.replace(microsecond=0)  # iCalendar: seconds
    # Every TZID used is defined in the file.
    tzid = vevent["DTSTART"].params["TZID"]
    assert tzid in [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]


@pytest.mark.django_db
def test_cancelled_event_ics_says_so(client, portal):
    event = make_event(portal.events, status=EventStatus.CANCELLED)

    (vevent,) = vevents(calendar_of(client.get(event.url + "ical/")))

    assert_valid_vevent(vevent)
    assert str(vevent["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_online_event_ics_gives_its_link_as_location(client, portal):
    event = make_event(portal.events, venue_name="", venue_city="",
                       online_url="https://webinaire.example.org/salle")

    (vevent,) = vevents(calendar_of(client.get(event.url + "ical/")))

    assert_valid_vevent(vevent)
    assert str(vevent["LOCATION"]) == "https://webinaire.example.org/salle"


@pytest.mark.django_db
def test_all_day_event_ics_uses_dates(client, portal):
    event = make_event(portal.events, all_day=True, duration_hours=30)

    (vevent,) = vevents(calendar_of(client.get(event.url + "ical/")))

    assert vevent["DTSTART"].params.get("VALUE") == "DATE"
    assert isinstance(vevent.decoded("DTSTART"), datetime.date)
    assert vevent.decoded("DTEND") > vevent.decoded("DTSTART")


@pytest.mark.django_db
def test_calendar_feed_lists_upcoming_public_events(client, portal):
    make_event(portal.events, "À venir", days_from_now=5)
    make_hybrid_event(portal.events, "Hybride à venir", days_from_now=6)
    make_event(portal.events, "Passé", days_from_now=-5)
    make_event(portal.events, "Brouillon", live=False)
    private = make_event(portal.events, "Privé")
    PageViewRestriction.objects.create(page=private, restriction_type="password",
                                       password="secret")

    events = vevents(calendar_of(client.get(portal.events.url + "ical/")))

    assert [str(vevent["SUMMARY"]) for vevent in events] == ["À venir", "Hybride à venir"]
    for vevent in events:
        assert_valid_vevent(vevent)
    assert len({str(vevent["UID"]) for vevent in events}) == 2


@pytest.mark.django_db
def test_calendar_feed_filters_by_stage_and_format(client, portal):
    utiliser, ouvrir = get_stages("utiliser", "ouvrir")
    make_event(portal.events, "Atelier pour utiliser", stages=[utiliser],
               format=EventFormat.ATELIER)
    make_event(portal.events, "Rencontre pour utiliser", stages=[utiliser],
               format=EventFormat.RENCONTRE)
    make_event(portal.events, "Atelier pour ouvrir", stages=[ouvrir], format=EventFormat.ATELIER)

    url = f"{portal.events.url}ical/?etape={utiliser.slug}&format={EventFormat.ATELIER}"
    events = vevents(calendar_of(client.get(url)))

    assert [str(vevent["SUMMARY"]) for vevent in events] == ["Atelier pour utiliser"]
    assert_valid_vevent(events[0])
    assert "Utiliser" in events[0]["CATEGORIES"].cats


@pytest.mark.django_db
def test_calendar_feed_says_when_an_event_is_cancelled(client, portal):
    make_event(portal.events, "Annulé", status=EventStatus.CANCELLED)

    (vevent,) = vevents(calendar_of(client.get(portal.events.url + "ical/")))

    assert str(vevent["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_calendar_feed_names_the_organiser_and_keeps_accents_and_commas(client, portal):
    make_event(portal.events, "Atelier d'été, à Besançon ; le matin", venue_name="",
               venue_address="3 place de l'Hôtel-de-Ville", venue_city="Besançon",
               tagline="Une accroche longue : " + "données ouvertes, " * 8,
               organisers=[("organiser", {"name": "Préfecture du Doubs",
                                          "url": "https://doubs.example.gouv.fr"})])

    (vevent,) = vevents(calendar_of(client.get(portal.events.url + "ical/")))

    assert str(vevent["SUMMARY"]) == "Atelier d'été, à Besançon ; le matin"
    assert str(vevent["LOCATION"]) == "3 place de l'Hôtel-de-Ville, Besançon"
    assert str(vevent["DESCRIPTION"]).endswith("données ouvertes, données ouvertes, ")
    assert str(vevent["ORGANIZER"]) == "https://doubs.example.gouv.fr"
    assert vevent["ORGANIZER"].params["CN"] == "Préfecture du Doubs"


@pytest.mark.django_db
def test_calendar_feed_lists_the_next_twelve_months_only(client, portal):
    make_event(portal.events, "Dans six mois", days_from_now=180)
    make_event(portal.events, "Dans deux ans", days_from_now=730)

    events = vevents(calendar_of(client.get(portal.events.url + "ical/")))

    assert [str(vevent["SUMMARY"]) for vevent in events] == ["Dans six mois"]


@pytest.mark.django_db
def test_calendar_feed_shows_an_event_published_after_it_was_downloaded(client, portal):
    make_event(portal.events, "Premier", days_from_now=5)
    before = vevents(calendar_of(client.get(portal.events.url + "ical/")))
    make_event(portal.events, "Second", publish=True, days_from_now=6)

    after = vevents(calendar_of(client.get(portal.events.url + "ical/")))

    assert [str(vevent["SUMMARY"]) for vevent in before] == ["Premier"]
    assert [str(vevent["SUMMARY"]) for vevent in after] == ["Premier", "Second"]
