"""Public actors and support programmes are snippets shared by every commun, edited in the admin."""

from __future__ import annotations

import pytest

from numerique_ouvert.communs.models import PublicActor, SupportProgramme
from tests.admin import snippet_url
from tests.factories import make_actor
from tests.html import text


@pytest.mark.django_db
def test_editor_creates_a_public_actor_through_the_admin(admin_client):
    assert admin_client.get(snippet_url(PublicActor, "add")).status_code == 200

    response = admin_client.post(snippet_url(PublicActor, "add"), {
        "name": "Direction interministérielle du numérique", "acronym": "DINUM",
        "kind": "ministry", "website": "https://www.numerique.gouv.fr",
    })

    assert response.status_code == 302
    actor = PublicActor.objects.get(acronym="DINUM")
    assert actor.name == "Direction interministérielle du numérique"
    assert actor.website == "https://www.numerique.gouv.fr"
    assert str(actor) == "Direction interministérielle du numérique (DINUM)"


@pytest.mark.django_db
def test_public_actor_with_an_existing_name_is_refused_in_the_admin(admin_client):
    make_actor("Région Occitanie", kind="local")

    response = admin_client.post(snippet_url(PublicActor, "add"), {
        "name": "Région Occitanie", "acronym": "", "kind": "local", "website": "",
    })

    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert PublicActor.objects.filter(name="Région Occitanie").count() == 1


@pytest.mark.django_db
def test_public_actor_listing_is_filtered_by_kind(admin_client):
    make_actor("Région Bretagne", kind="local")
    make_actor("Ministère des Armées", kind="ministry")

    response = admin_client.get(snippet_url(PublicActor, "list"), {"kind": "local"})

    assert response.status_code == 200
    assert "Région Bretagne" in text(response)
    assert "Ministère des Armées" not in text(response)


@pytest.mark.django_db
def test_editor_creates_a_support_programme_through_the_admin(admin_client):
    response = admin_client.post(snippet_url(SupportProgramme, "add"), {
        "name": "Accélérateur d'initiatives citoyennes", "url": "https://citoyens.transformation.gouv.fr",
        "description": "Accompagne des communs portés par la société civile.",
    })

    assert response.status_code == 302
    assert SupportProgramme.objects.filter(name="Accélérateur d'initiatives citoyennes").exists()
