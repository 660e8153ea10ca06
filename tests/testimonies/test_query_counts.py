"""The testimony index runs a constant, small number of SQL queries, whatever the number of
published testimonies."""

from __future__ import annotations

import pytest

from tests.factories import make_guide, make_testimony, many_stages
from tests.query_counts import assert_constant_queries, warm_render


def add_testimonies(portal, count: int) -> None:
    guide = make_guide(portal.guides)
    stages = many_stages(5)
    for i in range(count):
        make_testimony(f"Témoignage {i}", page=guide, stages=stages[i % 5:i % 5 + 2],
                       author_name=f"Agent {i}", organisation="Une préfecture",
                       parcours_role="pratiquant")


@pytest.mark.django_db
def test_testimony_index_queries_do_not_grow_with_the_number_of_testimonies(client, portal):
    add_testimonies(portal, 5)
    small = warm_render(client, portal.testimonies.url)
    add_testimonies(portal, 95)
    large = warm_render(client, portal.testimonies.url)

    assert (small.count(".portal-testimony"), large.count(".portal-testimony")) == (5, 12)
    assert_constant_queries(small, large, "testimony index 5 vs 100")
