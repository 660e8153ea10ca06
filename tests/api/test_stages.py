"""The parcours stages endpoint: every stage in parcours order, with its page on the site's hub."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from tests.api.helpers import STAGES, get_json, listing
from tests.factories import make_stage


@pytest.mark.django_db
def test_stages_are_listed_whole_in_parcours_order(client, portal):
    make_stage("Évaluer", sort_order=None, icon="fr-icon-star-line")

    items = listing(client, STAGES)

    assert [item["slug"] for item in items] == [
        "decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir", "evaluer"]
    first = items[0]
    assert first["name"] == "Découvrir"
    assert first["short_description"]
    assert first["colour"] == "blue-ecume"
    assert first["icon"].startswith("fr-icon-")
    assert "description" in first
    assert first["meta"]["html_url"] == "http://localhost/parcours/decouvrir/"
    assert first["meta"]["detail_url"] == f"http://localhost{STAGES}{first['id']}/"


@pytest.mark.django_db
def test_stage_detail_and_filter_by_slug(client, portal):
    stage = listing(client, f"{STAGES}?slug=ouvrir")[0]

    assert get_json(client, f"{STAGES}{stage['id']}/")["name"] == "Ouvrir"


@pytest.mark.django_db
def test_stages_have_no_page_address_when_the_hub_is_not_public(client, portal):
    PageViewRestriction.objects.create(page=portal.parcours, restriction_type="password",
                                       password="secret")

    assert {item["meta"]["html_url"] for item in listing(client, STAGES)} == {None}
