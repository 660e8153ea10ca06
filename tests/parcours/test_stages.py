"""The parcours stages: the five created by the data migration, and editing them as snippets in
the admin (they are content: editors rename and reword them)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from wagtail.test.utils.form_data import rich_text

from numerique_ouvert.parcours.models import ParcoursStage
from tests.admin import snippet_url
from tests.html import soup, text

create_stages = importlib.import_module(
    "numerique_ouvert.parcours.migrations.0002_create_stages").create_stages


@pytest.mark.django_db
def test_migration_creates_the_five_stages_in_parcours_order():
    names = list(ParcoursStage.objects.order_by("sort_order").values_list("name", flat=True))
    assert names == ["Découvrir", "Utiliser", "Promouvoir", "Coopérer", "Ouvrir"]


@pytest.mark.django_db
def test_migrated_stages_have_a_description_an_icon_and_a_colour():
    for stage in ParcoursStage.objects.all():
        assert stage.short_description
        assert stage.icon.startswith("fr-icon-")
        assert stage.badge_class == f"fr-badge--{stage.colour}"
    assert ParcoursStage.objects.values("colour").distinct().count() == 5


@pytest.mark.django_db
def test_running_the_data_migration_again_keeps_the_editors_wording():
    ParcoursStage.objects.filter(slug="decouvrir").update(name="Comprendre")

    create_stages(apps, None)

    assert ParcoursStage.objects.count() == 5
    assert ParcoursStage.objects.get(slug="decouvrir").name == "Comprendre"


@pytest.mark.django_db
def test_stage_listing_in_the_admin_shows_every_stage(admin_client):
    response = admin_client.get(snippet_url(ParcoursStage, "list"))

    assert response.status_code == 200
    listed = text(response)
    for name in ("Découvrir", "Utiliser", "Promouvoir", "Coopérer", "Ouvrir"):
        assert name in listed


def stage_form(stage: ParcoursStage, **changes) -> dict:
    data = {
        "name": stage.name, "slug": stage.slug, "short_description": stage.short_description,
        "description": rich_text(stage.description or "<p></p>"), "colour": stage.colour,
        "icon": stage.icon,
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_editor_renames_a_stage_through_the_admin(admin_client):
    stage = ParcoursStage.objects.get(slug="promouvoir")
    url = snippet_url(ParcoursStage, "edit", stage.pk)
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url, stage_form(
        stage, name="Convaincre", description=rich_text("<p>Parler à sa hiérarchie.</p>")))

    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.name == "Convaincre"
    assert "Parler à sa hiérarchie." in stage.description


@pytest.mark.django_db
def test_stage_icon_that_is_not_a_dsfr_icon_is_refused_in_the_admin(admin_client):
    stage = ParcoursStage.objects.get(slug="ouvrir")
    response = admin_client.post(snippet_url(ParcoursStage, "edit", stage.pk),
                                 stage_form(stage, icon="<script>"))

    assert response.status_code == 200
    assert "Nom d'icône DSFR attendu" in text(response)
    stage.refresh_from_db()
    assert stage.icon == "fr-icon-git-branch-line"


@pytest.mark.django_db
def test_renamed_stage_appears_on_the_home_page(client, portal):
    ParcoursStage.objects.filter(slug="cooperer").update(name="Faire ensemble")

    overview = soup(client.get(portal.home.url)).find("section", class_="portal-parcours")

    assert "Faire ensemble" in overview.get_text()
    assert "Coopérer" not in overview.get_text()


@pytest.mark.django_db
def test_stage_created_in_code_without_a_sort_order_does_not_break_pages_showing_it(client,
                                                                                   portal):
    # An integrator's data migration or a shell may create a stage without numbering it
    # (Orderable.sort_order is nullable); the pages placed on it must still render.
    from tests.factories import get_stages, make_guide

    evaluer = ParcoursStage.objects.create(name="Évaluer", slug="evaluer",
                                           short_description="Mesurer ses progrès.")
    assert evaluer.sort_order is None
    guide = make_guide(portal.guides, stages=[evaluer, *get_stages("ouvrir")])

    response = client.get(guide.url)

    assert response.status_code == 200
    assert "Évaluer" in text(response)
