"""numerique-ouvert installed beside wagtail-modeladmin (in maintenance mode, still used by many
ministries' sites): both admins share the menu and keep working."""

from __future__ import annotations

import pytest
from django.urls import reverse
from taggit.models import Tag

from numerique_ouvert.communs.models import PublicActor
from numerique_ouvert.parcours.models import ParcoursStage
from numerique_ouvert.testimonies import models as testimonies
from tests.admin import snippet_url
from tests.factories import make_guide, make_testimony
from tests.html import admin_menu_labels, text


@pytest.mark.django_db
def test_admin_menu_shows_the_modeladmin_entry_beside_ours(admin_client):
    labels = admin_menu_labels(admin_client.get(reverse("wagtailadmin_home")))

    assert "Mots-clés (ModelAdmin)" in labels
    for ours in ("Guides", "Événements", "Fiches communs", "Parcours", "Témoignages"):
        assert ours in labels


@pytest.mark.django_db
def test_modeladmin_index_view_answers(admin_client, portal):
    make_guide(portal.guides, tags=["logiciel libre"])

    response = admin_client.get(reverse("taggit_tag_modeladmin_index"))

    assert response.status_code == 200
    assert "logiciel libre" in text(response)


@pytest.mark.django_db
def test_modeladmin_create_view_saves(admin_client):
    response = admin_client.post(reverse("taggit_tag_modeladmin_create"),
                                 {"name": "commun numérique", "slug": "commun-numerique"})

    assert response.status_code == 302
    assert Tag.objects.filter(slug="commun-numerique").exists()


@pytest.mark.django_db
def test_our_snippet_views_still_work_beside_modeladmin(admin_client, portal):
    make_testimony("Un récit à modérer.", page=make_guide(portal.guides), status="submitted")

    stages = admin_client.get(snippet_url(ParcoursStage, "list"))
    moderation = admin_client.get(snippet_url(testimonies.Testimony, "list"),
                                  {"status": "submitted"})
    created = admin_client.post(snippet_url(PublicActor, "add"),
                                {"name": "Ville de Lyon", "acronym": "", "kind": "local",
                                 "website": ""})

    assert stages.status_code == 200
    assert "Découvrir" in text(stages)
    assert moderation.status_code == 200
    assert "Un récit à modérer." in text(moderation)
    assert created.status_code == 302
    assert PublicActor.objects.filter(name="Ville de Lyon").exists()


@pytest.mark.django_db
def test_our_page_listings_still_work_beside_modeladmin(admin_client, portal):
    make_guide(portal.guides, "Guide listé dans l'admin")

    response = admin_client.get(reverse("numerique_ouvert_guides:index"))

    assert response.status_code == 200
    assert "Guide listé dans l'admin" in text(response)
