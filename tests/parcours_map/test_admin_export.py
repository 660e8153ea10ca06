"""Editors download the positions as CSV through Wagtail's own listing export; nobody adds or
edits a position in the admin; the permission decides who sees the menu entry and the link."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from numerique_ouvert.parcours_map.models import ParcoursPosition
from tests.factories import make_event, make_map_page, make_position
from tests.html import text

pytestmark = pytest.mark.django_db

INDEX = "parcours_map_positions:index"


@pytest.fixture
def positions(portal):
    map_page = make_map_page(portal)
    event = make_event(portal.events, "Rencontres 2025", days_from_now=-3)
    make_position(map_page, ["utiliser", "ouvrir"], role="ambassadeur", capacity="expert",
                  event=event)
    make_position(map_page, ["decouvrir"], role="sympathisant", capacity="own_name")
    return {"map_page": map_page, "event": event}


def user_in(group_name: str | None) -> User:
    user = User.objects.create_user(f"agent-{group_name or 'aucun'}", password="x")
    # Wagtail's admin access, without which no admin view answers.
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def read_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_are_granted_view_and_delete_by_the_migration(group):
    codenames = set(Group.objects.get(name=group).permissions.filter(
        content_type__app_label="numerique_ouvert_parcours_map")
        .values_list("codename", flat=True))
    assert codenames == {"view_parcoursposition", "delete_parcoursposition"}


def test_editor_downloads_the_positions_as_csv(client, positions):
    client.force_login(user_in("Editors"))

    response = client.get(reverse(INDEX), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="positions-parcours.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert [(r["Événement"], r["Étapes"], r["Rôle"], r["Qualité"], r["Code du rôle"])
            for r in rows] == [
        ("", "Découvrir", "Sympathisant", "En son nom propre", "sympathisant"),
        ("Rencontres 2025", "Utiliser, Ouvrir", "Ambassadeur",
         "En tant qu'expert du numérique ouvert", "ambassadeur"),
    ]  # newest first
    assert len(rows) == ParcoursPosition.objects.count() == 2
    assert all(r["Carte"] == "Carte du parcours" for r in rows)


def test_csv_follows_the_listing_filters(client, positions):
    client.force_login(user_in("Editors"))

    response = client.get(reverse(INDEX), {"export": "csv", "event": positions["event"].pk})

    rows = read_csv(response)
    assert [(r["Événement"], r["Étapes"]) for r in rows] == [("Rencontres 2025", "Utiliser, Ouvrir")]


@pytest.mark.parametrize("export", ["csv", "xlsx", None])
def test_without_the_permission_no_listing_and_no_export(client, positions, export):
    client.force_login(user_in(None))

    response = client.get(reverse(INDEX), {"export": export} if export else {})

    assert response.status_code in (302, 403)
    assert not response.has_header("Content-Disposition")


def test_anonymous_visitors_are_sent_to_the_login(client, positions):
    response = client.get(reverse(INDEX), {"export": "csv"})

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_menu_entry_only_with_the_permission(client, positions):
    client.force_login(user_in("Editors"))
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(user_in(None))
    assert reverse(INDEX) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_nobody_adds_or_edits_a_position_not_even_a_superuser(admin_client, positions):
    position = ParcoursPosition.objects.first()
    listing = admin_client.get(reverse(INDEX))
    assert listing.status_code == 200
    add_url = reverse("parcours_map_positions:add")
    edit_url = reverse("parcours_map_positions:edit", args=[position.pk])
    assert add_url not in listing.content.decode()
    assert edit_url not in listing.content.decode()

    assert admin_client.get(add_url).status_code in (302, 403)
    assert admin_client.post(edit_url, {"role": "pratiquant", "capacity": "project"}
                             ).status_code in (302, 403)
    position.refresh_from_db()
    assert position.role != "pratiquant" or position.capacity != "project"


def test_editor_deletes_a_position(client, positions):
    client.force_login(user_in("Editors"))
    position = ParcoursPosition.objects.first()

    response = client.post(reverse("parcours_map_positions:delete", args=[position.pk]))

    assert response.status_code == 302
    assert not ParcoursPosition.objects.filter(pk=position.pk).exists()


def test_map_page_shows_the_csv_link_to_editors_only(client, positions):
    map_page = positions["map_page"]
    assert "Télécharger les données (CSV)" not in text(client.get(map_page.url))

    client.force_login(user_in("Editors"))
    response = client.get(map_page.url)

    assert "Télécharger les données (CSV)" in text(response)
    assert (reverse(INDEX) + f"?export=csv&amp;map_page={map_page.pk}"
            in response.content.decode())
    # And the link works: the map's positions, as CSV.
    export = client.get(reverse(INDEX), {"export": "csv", "map_page": map_page.pk})
    assert len(read_csv(export)) == 2
