"""Moderating testimonies in the admin: a snippet listing filtered by status, and a form that
refuses to approve without the author's consent."""

from __future__ import annotations

import pytest

from numerique_ouvert.testimonies import models as testimonies
from numerique_ouvert.testimonies.models import ModerationStatus
from tests.admin import snippet_url
from tests.factories import make_guide, make_testimony
from tests.html import text


@pytest.fixture
def queue(portal):
    guide = make_guide(portal.guides)
    make_testimony("Récit déjà publié.", page=guide)
    make_testimony("Récit à modérer.", page=guide, status=ModerationStatus.SUBMITTED)
    make_testimony("Récit refusé.", page=guide, status=ModerationStatus.REJECTED)
    return guide


@pytest.mark.django_db
def test_testimony_listing_shows_every_testimony_to_moderators(admin_client, queue):
    response = admin_client.get(snippet_url(testimonies.Testimony, "list"))

    assert response.status_code == 200
    for excerpt in ("Récit déjà publié.", "Récit à modérer.", "Récit refusé."):
        assert excerpt in text(response)


@pytest.mark.django_db
def test_testimony_listing_filtered_on_submitted_shows_the_moderation_queue(admin_client, queue):
    response = admin_client.get(snippet_url(testimonies.Testimony, "list"), {"status": "submitted"})

    assert response.status_code == 200
    assert "Récit à modérer." in text(response)
    assert "Récit déjà publié." not in text(response)
    assert "Récit refusé." not in text(response)


@pytest.mark.django_db
def test_testimony_listing_filtered_on_approved_shows_published_ones(admin_client, queue):
    response = admin_client.get(snippet_url(testimonies.Testimony, "list"), {"status": "approved"})

    assert "Récit déjà publié." in text(response)
    assert "Récit à modérer." not in text(response)


def moderation_form(page, **fields) -> dict:
    data = {"text": "Témoignage saisi par la modération.", "author_name": "Camille",
            "role_title": "", "organisation": "", "parcours_role": "ambassadeur",
            "capacity": "project", "related_page": page.pk, "contact_email": "", "status": "submitted"}
    data.update(fields)
    return data


@pytest.mark.django_db
def test_moderator_cannot_approve_a_testimony_without_consent(admin_client, queue):
    response = admin_client.post(snippet_url(testimonies.Testimony, "add"),
                                 moderation_form(queue, status="approved"))

    assert response.status_code == 200
    assert "Un témoignage ne peut être approuvé sans l'accord" in text(response)
    assert not testimonies.Testimony.objects.filter(text="Témoignage saisi par la modération.").exists()


@pytest.mark.django_db
def test_moderator_approves_a_testimony_with_consent(admin_client, queue):
    response = admin_client.post(snippet_url(testimonies.Testimony, "add"), moderation_form(
        queue, status="approved", consent_to_publish="on"))

    assert response.status_code == 302
    testimony = testimonies.Testimony.objects.get(text="Témoignage saisi par la modération.")
    assert testimony.is_published
    assert testimony.published_at is not None
    assert testimony.related_page_id == queue.pk
