"""The admin import screen, through the real Wagtail admin views: upload or URL, dry-run report,
confirmation, permissions."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.interop.models import PendingImport

from .publiccode_helpers import FIXTURES, counts

URL = reverse("numerique_ouvert_interop_import")
CARTOLIBRE = (FIXTURES / "cartolibre.yml").read_bytes()
PORTS = range(8210, 8250)  # this suite's share of the machine's ports


def user_in(group_name: str | None) -> User:
    user = User.objects.create_user(f"agent-{group_name or 'aucun'}", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client, portal):
    client.force_login(user_in("Editors"))
    return client


def upload(name: str, content: bytes):
    return SimpleUploadedFile(name, content, content_type="application/yaml")


def dry_run(client, content=CARTOLIBRE, name="cartolibre.yml", **data):
    return client.post(URL, {"format": "publiccode", "file": upload(name, content), **data})


def test_menu_item_and_form_for_editors(editor):
    assert URL in editor.get(reverse("wagtailadmin_home")).content.decode()
    response = editor.get(URL)
    assert response.status_code == 200
    assert 'name="format"' in response.content.decode()


def test_editor_without_add_permission_gets_403(client, portal):
    client.force_login(user_in(None))
    assert client.get(URL).status_code == 403
    assert dry_run(client).status_code == 403
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dry_run_shows_the_report_and_writes_no_page(editor):
    before = counts()
    response = dry_run(editor)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Seront créés (1)" in body and "CartoLibre" in body and "Confirmer l" in body
    assert counts() == before
    assert PendingImport.objects.count() == 1


def test_editors_cannot_publish_through_an_import(editor):
    response = dry_run(editor, publish="on")
    assert "droit de publier" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_confirmation_imports_what_the_dry_run_showed(client, portal):
    editor = client
    editor.force_login(user_in("Moderators"))
    dry_run(editor, publish="on")
    token = PendingImport.objects.get().token
    response = editor.post(URL, {"token": token})
    assert response.status_code == 200 and "Import terminé" in response.content.decode()
    page = CommunPage.objects.get()
    assert page.live and page.get_parent().pk == portal.communs.pk
    assert not PendingImport.objects.exists()
    # Confirming twice does nothing more.
    editor.post(URL, {"token": token})
    assert CommunPage.objects.count() == 1


def test_another_user_cannot_confirm_someone_elses_import(editor, client, portal):
    dry_run(editor)
    token = PendingImport.objects.get().token
    other = User.objects.create_user("autre", password="x")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other.groups.add(Group.objects.get(name="Editors"))
    client.force_login(other)
    response = client.post(URL, {"token": token})
    assert "expiré" in response.content.decode()
    assert not CommunPage.objects.exists()


def test_invalid_file_report_lists_key_paths_and_offers_no_confirmation(editor):
    before = counts()
    response = dry_run(editor, (FIXTURES / "invalid.yml").read_bytes(), "invalid.yml")
    body = response.content.decode()
    assert "legal.license" in body and "localisation.localisationReady" in body
    assert "Confirmer l" not in body
    assert counts() == before and not PendingImport.objects.exists()


@override_settings(NUMERIQUE_OUVERT={"INTEROP_MAX_FILE_BYTES": 100})
def test_too_large_upload_is_refused_on_the_form(editor):
    response = dry_run(editor)
    assert "au plus" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_file_or_url_is_required(editor):
    response = editor.post(URL, {"format": "publiccode"})
    assert "un fichier ou donnez une adresse" in response.content.decode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/publiccode.yml":
            self.send_response(200)
            self.send_header("Content-Type", "application/yaml")
            self.send_header("Content-Length", str(len(CARTOLIBRE)))
            self.end_headers()
            self.wfile.write(CARTOLIBRE)
        else:
            self.send_error(404)


@pytest.fixture
def local_server():
    for port in PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
        except OSError:
            continue
    else:
        pytest.skip("no free port in this suite's range")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_url_import_from_a_local_server(editor, local_server):
    with override_settings(NUMERIQUE_OUVERT={"FETCH_ALLOWED_NETWORKS": ["127.0.0.0/8"]}):
        response = editor.post(URL, {"format": "publiccode", "url": f"{local_server}/publiccode.yml"})
        assert "Seront créés (1)" in response.content.decode()
        editor.post(URL, {"token": PendingImport.objects.get().token})
    assert CommunPage.objects.get().title == "CartoLibre"


def test_url_to_loopback_is_refused_by_default(editor, local_server):
    response = editor.post(URL, {"format": "publiccode", "url": f"{local_server}/publiccode.yml"})
    assert "publique" in response.content.decode()
    assert not PendingImport.objects.exists()
