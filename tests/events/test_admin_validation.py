"""Event validation errors reach the editor: the admin form is shown again with the French
message next to the field, and nothing is created."""

from __future__ import annotations

import pytest

from numerique_ouvert.events.models import EventPage
from tests.admin import post_new_page
from tests.events.test_page_types import event_form
from tests.html import text


def post_event(admin_client, portal, **fields):
    return post_new_page(admin_client, portal.events, EventPage,
                         event_form("Événement refusé", "evenement-refuse", **fields))


@pytest.mark.django_db
def test_a_valid_event_form_is_accepted(admin_client, portal):
    # The baseline of the tests below: only the field they change makes the form invalid.
    response = post_event(admin_client, portal)
    assert response.status_code == 302
    assert EventPage.objects.filter(slug="evenement-refuse").exists()


@pytest.mark.django_db
def test_event_ending_before_it_starts_is_refused_on_the_admin_form(admin_client, portal):
    response = post_event(admin_client, portal, start="2030-03-12 17:00", end="2030-03-12 09:00")

    assert response.status_code == 200
    assert "La fin ne peut pas précéder le début." in text(response)
    assert "end" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="evenement-refuse").exists()


@pytest.mark.django_db
def test_webinaire_without_a_link_is_refused_on_the_admin_form(admin_client, portal):
    response = post_event(admin_client, portal, format="webinaire", online_url="")

    assert response.status_code == 200
    assert "Un webinaire a besoin d'un lien de participation." in text(response)
    assert "online_url" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="evenement-refuse").exists()


@pytest.mark.django_db
def test_event_with_neither_venue_nor_link_is_refused_on_the_admin_form(admin_client, portal):
    response = post_event(admin_client, portal, venue_name="", venue_address="", online_url="")

    assert response.status_code == 200
    assert "Indiquez un lieu pour un événement sur place" in text(response)
    assert not EventPage.objects.filter(slug="evenement-refuse").exists()


@pytest.mark.django_db
def test_registration_deadline_after_the_start_is_refused_on_the_admin_form(admin_client, portal):
    response = post_event(admin_client, portal, registration_deadline="2030-03-13 12:00")

    assert response.status_code == 200
    assert "La date limite d'inscription doit précéder le début de l'événement." in text(response)
    assert "registration_deadline" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="evenement-refuse").exists()
