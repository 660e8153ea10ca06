"""The event index lists upcoming events first, soonest first, then past events, latest first."""

from __future__ import annotations

import pytest

from tests.factories import make_event, make_hybrid_event
from tests.html import card_titles


@pytest.mark.django_db
def test_event_index_lists_upcoming_events_soonest_first_then_past_events_latest_first(
        client, portal):
    # Created in shuffled order so that neither creation order nor pk explains the result.
    make_event(portal.events, "Passé il y a un an", days_from_now=-365)
    make_event(portal.events, "Dans un mois", days_from_now=30)
    make_hybrid_event(portal.events, "Passé hier", days_from_now=-1)
    make_event(portal.events, "Demain", days_from_now=1)
    make_event(portal.events, "Passé le mois dernier", days_from_now=-30)
    make_hybrid_event(portal.events, "Dans une semaine", days_from_now=7)

    response = client.get(portal.events.url)

    assert card_titles(response) == [
        "Demain", "Dans une semaine", "Dans un mois",
        "Passé hier", "Passé le mois dernier", "Passé il y a un an",
    ]


@pytest.mark.django_db
def test_event_in_progress_is_listed_with_upcoming_events(client, portal):
    make_event(portal.events, "Passé hier", days_from_now=-1, duration_hours=2)
    make_event(portal.events, "En cours", days_from_now=-0.1, duration_hours=8)
    make_event(portal.events, "Demain", days_from_now=1)

    assert card_titles(client.get(portal.events.url)) == ["En cours", "Demain", "Passé hier"]


@pytest.mark.django_db
def test_unlisted_and_draft_events_are_not_in_the_index(client, portal):
    make_event(portal.events, "Public")
    make_event(portal.events, "Non listé", listed=False)
    draft = make_event(portal.events, "Brouillon")
    draft.unpublish()

    assert card_titles(client.get(portal.events.url)) == ["Public"]
