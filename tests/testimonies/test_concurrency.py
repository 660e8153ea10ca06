"""A burst of submissions at once, each request on its own database connection (PostgreSQL:
SQLite's in-memory test database is not shared between threads): every distinct submission
is stored once, and the same form sent several times at once is stored once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings

from numerique_ouvert.testimonies.models import Testimony
from tests.factories import build_portal, make_guide
from tests.participation import post_at_once
from tests.testimonies.participation import form_url, visitor_testimony

pytestmark = [
    # serialized_rollback: the data of the migrations (root page, stages, groups) comes back
    # after another transactional test flushed the database.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs a database shared by concurrent connections"),
]


@override_settings(NUMERIQUE_OUVERT={"TESTIMONY_RATE": "1000/m"})
def test_concurrent_submissions_are_all_stored_exactly_once():
    portal = build_portal()
    guide = make_guide(portal.guides)
    url = form_url(portal)
    distinct = [visitor_testimony(guide, text=f"Témoignage simultané numéro {n:02d}, envoyé en rafale.")
                for n in range(20)]
    repeated = visitor_testimony(guide, text="Le même formulaire envoyé cinq fois à la fois.")
    batch = distinct + [repeated] * 5

    statuses = post_at_once(url, batch, workers=10)

    assert statuses == [303] * 25
    assert Testimony.objects.count() == 21
    texts = list(Testimony.objects.values_list("text", flat=True))
    assert sorted(texts) == sorted({data["text"] for data in batch})
