"""A room full of participants sending their positions at once, each request on its own
database connection (PostgreSQL: SQLite's in-memory test database is not shared between
threads): every distinct submission is stored once, the same form sent five times once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings

from numerique_ouvert.parcours_map.models import ParcoursPosition
from tests.factories import build_portal, make_event, make_map_page
from tests.parcours_map.helpers import form_url, visitor_position
from tests.participation import post_at_once

pytestmark = [
    # serialized_rollback: the data of the migrations (root page, stages, groups) comes back
    # after another transactional test flushed the database.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs a database shared by concurrent connections"),
]


@override_settings(NUMERIQUE_OUVERT={"POSITION_RATE": "1000/m"})
def test_concurrent_positions_are_all_stored_exactly_once():
    portal = build_portal()
    map_page = make_map_page(portal)
    event = make_event(portal.events, days_from_now=-0.1)
    url = form_url(map_page)
    stages = ["decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir"]
    distinct = [visitor_position(event, stages=[stages[n % 5]],
                                 role=("pratiquant", "sympathisant", "ambassadeur")[n % 3])
                for n in range(20)]
    repeated = visitor_position(event, stages=["ouvrir", "cooperer"])
    batch = distinct + [repeated] * 5

    statuses = post_at_once(url, batch, workers=25)

    assert statuses == [303] * 25
    assert ParcoursPosition.objects.count() == 21
    assert ParcoursPosition.objects.filter(event=event).count() == 21
    keys = {data["jeton"] for data in batch}
    assert len(keys) == 21
    # Every row has its stages (no half-stored position).
    assert not ParcoursPosition.objects.filter(stages=None).exists()
    assert ParcoursPosition.stages.through.objects.count() == 20 + 2
