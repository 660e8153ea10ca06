"""The licence of a commun is an SPDX identifier or expression: refused on the admin form when
it is not one, stored in its canonical spelling when it is."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from numerique_ouvert.communs.models import CommunPage
from tests.admin import post_new_page
from tests.factories import make_commun
from tests.html import text


def commun_form(licence: str) -> dict:
    return nested_form_data({
        "title": "La Ressourcerie", "slug": "la-ressourcerie", "kind": "software",
        "status": "stable", "licence": licence, "description": streamfield([]),
        "uses": streamfield([]),
        "actor_relations-TOTAL_FORMS": "0", "actor_relations-INITIAL_FORMS": "0",
        "actor_relations-MIN_NUM_FORMS": "0", "actor_relations-MAX_NUM_FORMS": "1000",
        "private_contacts-TOTAL_FORMS": "0", "private_contacts-INITIAL_FORMS": "0",
        "private_contacts-MIN_NUM_FORMS": "0", "private_contacts-MAX_NUM_FORMS": "1000",
    })


@pytest.mark.django_db
def test_commun_with_an_unknown_licence_is_refused_on_the_admin_form(admin_client, portal):
    response = post_new_page(admin_client, portal.communs, CommunPage,
                             commun_form("pas-une-licence"))

    assert response.status_code == 200
    assert "« pas-une-licence » n'est pas un identifiant de licence SPDX" in text(response)
    assert "licence" in response.context["form"].errors
    assert not CommunPage.objects.filter(slug="la-ressourcerie").exists()


@pytest.mark.django_db
def test_licence_typed_in_lower_case_is_stored_in_its_spdx_spelling(admin_client, portal):
    response = post_new_page(admin_client, portal.communs, CommunPage, commun_form("mit"))

    assert response.status_code == 302
    assert CommunPage.objects.get(slug="la-ressourcerie").licence == "MIT"


@pytest.mark.django_db
def test_licence_expression_is_normalised(admin_client, portal):
    response = post_new_page(admin_client, portal.communs, CommunPage,
                             commun_form("mit or apache-2.0"))

    assert response.status_code == 302
    assert CommunPage.objects.get(slug="la-ressourcerie").licence == "MIT OR Apache-2.0"


@pytest.mark.django_db
def test_full_clean_refuses_an_unknown_licence(portal):
    commun = make_commun(portal.communs, licence="MIT")
    commun.licence = "pas-une-licence"
    with pytest.raises(ValidationError) as error:
        commun.full_clean()
    assert "licence" in error.value.message_dict
