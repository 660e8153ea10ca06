"""Only moderators moderate: the "Modérateurs" group, created by a migration, holds exactly the
moderation permissions; editors, even with the model's change permission, see neither the menu
item nor the queue and can approve by no route."""

from __future__ import annotations

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from wagtail.models import ModelLogEntry

from numerique_ouvert.testimonies.models import ModerationStatus, Testimony
from tests.admin import snippet_url
from tests.factories import make_guide, make_testimony
from tests.html import soup, text

pytestmark = pytest.mark.django_db

MODERATION_PERMISSIONS = {
    ("numerique_ouvert_testimonies", codename) for codename in (
        "add_testimony", "change_testimony", "delete_testimony", "view_testimony",
        "moderate_testimony")
} | {("wagtailadmin", "access_admin")}


def member_of(group_name: str, username: str, *extra_codenames: str) -> User:
    """An active user with an address, in ``group_name``, plus ``extra_codenames`` of her own."""
    user = User.objects.create_user(username, f"{username}@example.gouv.fr", "x")
    user.groups.add(Group.objects.get(name=group_name))
    for codename in extra_codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def menu_urls(response) -> set[str]:
    """URLs of the admin sidebar's menu items (rendered as JSON for Wagtail's React sidebar)."""
    urls = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str):
                urls.add(node["url"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(soup(response).select_one("#wagtail-sidebar-props").string))
    return urls


def bulk_url(action: str, *testimonies) -> str:
    ids = "&".join(f"id={t.pk}" for t in testimonies)
    return (reverse("wagtail_bulk_action", args=["numerique_ouvert_testimonies", "testimony",
                                                 action])
            + f"?{ids}&next={snippet_url(Testimony, 'list')}")


# --- The group -----------------------------------------------------------------------------------


def group_permissions(name: str = "Modérateurs") -> set[tuple[str, str]]:
    return set(Group.objects.get(name=name).permissions.values_list("content_type__app_label",
                                                                    "codename"))


def test_the_moderators_group_has_exactly_the_moderation_permissions():
    # Nothing on pages, images or other snippets: moderating gives no right over the content.
    assert group_permissions() == MODERATION_PERMISSIONS


def test_the_group_migration_is_idempotent_and_reversible():
    migration = importlib.import_module(
        "numerique_ouvert.testimonies.migrations.0003_moderators_group")
    migration.create_group(apps, None)
    assert Group.objects.filter(name="Modérateurs").count() == 1
    assert group_permissions() == MODERATION_PERMISSIONS

    migration.remove_group(apps, None)
    assert not Group.objects.filter(name="Modérateurs").exists()
    migration.create_group(apps, None)
    assert group_permissions() == MODERATION_PERMISSIONS


# --- Editors -------------------------------------------------------------------------------------


@pytest.fixture
def waiting(portal):
    return make_testimony("Récit en attente de décision.", page=make_guide(portal.guides),
                          status=ModerationStatus.SUBMITTED)


@pytest.fixture(params=["editor", "editor_with_change_permission"])
def editor(request, client):
    extra = ("change_testimony", "view_testimony") if request.param.endswith("permission") else ()
    user = member_of("Editors", "redacteur", *extra)
    client.force_login(user)
    return user


def refused(response) -> bool:
    """Wagtail's answers to a missing permission: 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def test_editors_see_neither_the_menu_item_nor_the_queue(client, editor, waiting):
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert dashboard.status_code == 200
    list_url = snippet_url(Testimony, "list")
    assert list_url not in menu_urls(dashboard)
    assert "Témoignages à modérer" not in text(dashboard)
    assert list_url not in dashboard.content.decode()
    assert refused(client.get(list_url))
    assert refused(client.get(list_url, {"status": "submitted"}))
    assert refused(client.get(snippet_url(Testimony, "edit", waiting.pk)))


def test_editors_cannot_approve_by_any_route(client, editor, waiting):
    single = client.post(snippet_url(Testimony, "approve", waiting.pk))
    bulk = client.post(bulk_url("approve", waiting))
    edit_form = client.post(snippet_url(Testimony, "edit", waiting.pk), {
        "text": waiting.text, "status": "approved", "consent_to_publish": "on"})

    assert refused(single)
    assert refused(edit_form)
    assert bulk.status_code in (302, 403)
    assert Testimony.objects.get(pk=waiting.pk).status == ModerationStatus.SUBMITTED
    assert not ModelLogEntry.objects.filter(object_id=str(waiting.pk)).exists()


def test_the_control_user_with_the_moderation_permission_does_see_the_menu(client, waiting):
    """The same checks pass for a moderator: the refusals above come from the permission."""
    client.force_login(member_of("Modérateurs", "moderatrice"))

    dashboard = client.get(reverse("wagtailadmin_home"))

    assert snippet_url(Testimony, "list") in menu_urls(dashboard)
    assert client.get(snippet_url(Testimony, "list")).status_code == 200
    assert client.get(snippet_url(Testimony, "edit", waiting.pk)).status_code == 200
