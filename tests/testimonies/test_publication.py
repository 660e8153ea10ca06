"""Only approved testimonies whose author consented are shown, on the page they are about, the
testimony index and the home page; the author's contact address is never shown."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from numerique_ouvert.testimonies import models as testimonies
from numerique_ouvert.testimonies.models import ModerationStatus
from tests.factories import build_portal, make_commun, make_event, make_guide, make_testimony
from tests.html import text

PRIVATE_EMAIL = "agent.confidentiel@example.gouv.fr"


@pytest.fixture
def guide(portal):
    return make_guide(portal.guides, "Choisir un logiciel libre")


@pytest.fixture
def moderated(guide):
    """One testimony in each moderation state, all about ``guide``."""
    return {
        "approved": make_testimony("Récit approuvé et consenti.", page=guide,
                                   contact_email=PRIVATE_EMAIL),
        "submitted": make_testimony("Récit en attente de modération.", page=guide,
                                    status=ModerationStatus.SUBMITTED,
                                    contact_email=PRIVATE_EMAIL),
        "rejected": make_testimony("Récit refusé par la modération.", page=guide,
                                   status=ModerationStatus.REJECTED, contact_email=PRIVATE_EMAIL),
        # Saved directly (an import, a shell): clean() would have refused it.
        "no_consent": make_testimony("Récit approuvé sans accord.", page=guide, consent=False,
                                     contact_email=PRIVATE_EMAIL),
    }


def public_pages(portal, guide):
    return {"page it is about": guide.url, "testimony index": portal.testimonies.url,
            "home page": portal.home.url}


@pytest.mark.django_db
def test_approved_testimony_with_consent_appears_everywhere(client, portal, guide, moderated):
    for where, url in public_pages(portal, guide).items():
        response = client.get(url)
        assert response.status_code == 200
        assert "Récit approuvé et consenti." in text(response), where


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["submitted", "rejected", "no_consent"])
def test_unpublished_testimony_never_appears(client, portal, guide, moderated, state):
    for where, url in public_pages(portal, guide).items():
        assert moderated[state].text not in text(client.get(url)), where


@pytest.mark.django_db
def test_contact_email_never_appears_in_a_public_response(client, portal, guide, moderated):
    event = make_event(portal.events)
    commun = make_commun(portal.communs)
    make_testimony("Sur l'événement.", page=event, contact_email=PRIVATE_EMAIL)
    make_testimony("Sur le commun.", page=commun, contact_email=PRIVATE_EMAIL)

    for url in [*public_pages(portal, guide).values(), event.url, commun.url, portal.guides.url,
                portal.events.url, portal.communs.url]:
        response = client.get(url)
        assert response.status_code == 200
        assert PRIVATE_EMAIL not in response.content.decode(), url
        assert "agent.confidentiel" not in response.content.decode(), url


@pytest.mark.django_db
def test_testimony_appears_only_on_the_page_it_is_about(client, portal, guide, moderated):
    other = make_guide(portal.guides, "Un autre guide")

    assert "Récit approuvé et consenti." not in text(client.get(other.url))
    assert "Pas encore de témoignage sur cette page." in text(client.get(other.url))


@pytest.mark.django_db
def test_approving_a_testimony_without_consent_is_refused():
    testimony = testimonies.Testimony(text="Mon récit.", status=ModerationStatus.APPROVED,
                                      consent_to_publish=False)
    with pytest.raises(ValidationError) as error:
        testimony.full_clean()
    assert "status" in error.value.message_dict


@pytest.mark.django_db
def test_testimony_about_a_page_that_takes_none_is_refused(portal):
    testimony = testimonies.Testimony(text="Mon récit.", related_page=portal.testimonies,
                                      consent_to_publish=True)
    with pytest.raises(ValidationError) as error:
        testimony.full_clean()
    assert "related_page" in error.value.message_dict


@pytest.mark.django_db
def test_approving_sets_the_publication_date_once(guide):
    testimony = make_testimony(page=guide, status=ModerationStatus.SUBMITTED)
    assert testimony.published_at is None

    testimony.status = ModerationStatus.APPROVED
    testimony.save()
    first = testimony.published_at
    testimony.save()

    assert first is not None
    assert testimony.published_at == first


@pytest.mark.django_db
def test_testimony_about_another_sites_page_stays_on_that_site(client, portal):
    other = build_portal(hostname="culture.example.org")
    make_testimony("Récit du ministère de la Culture.",
                   page=make_guide(other.guides, "Guide de la Culture"))

    for url in (portal.home.url, portal.testimonies.url):
        assert "Récit du ministère de la Culture." not in text(client.get(url)), url
    on_other_site = client.get(other.testimonies.url, HTTP_HOST="culture.example.org")
    assert "Récit du ministère de la Culture." in text(on_other_site)
