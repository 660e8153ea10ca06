"""The SILL/Catalogi and Markdown importers through the admin's import screen: offered in the
format list, dry-run report, confirmation; an uploaded Markdown file never reads images from disk."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.guides.models import GuidePage
from numerique_ouvert.interop.base import IMPORTERS
from numerique_ouvert.interop.models import PendingImport

from .test_catalogi import V1
from .test_markdown import GUIDE

URL = reverse("numerique_ouvert_interop_import")


def test_both_formats_are_registered_and_offered(admin_client, portal):
    assert {"catalogi", "markdown"} <= set(IMPORTERS)
    body = admin_client.get(URL).content.decode()
    assert 'value="catalogi"' in body and 'value="markdown"' in body


def test_catalogi_upload_dry_run_then_confirm(admin_client, portal):
    upload = SimpleUploadedFile("catalogi.json", json.dumps(V1).encode(), "application/json")
    response = admin_client.post(URL, {"format": "catalogi", "file": upload,
                                       "parent": portal.communs.pk})
    assert response.status_code == 200
    assert "Grist" in response.content.decode()
    assert CommunPage.objects.count() == 0
    pending = PendingImport.objects.get()
    admin_client.post(URL, {"token": pending.token})
    assert sorted(CommunPage.objects.values_list("title", flat=True)) == ["Grist", "Nextcloud"]


def test_markdown_upload_reports_its_problems_and_reads_no_image(admin_client, portal, tmp_path):
    (tmp_path / "chat.png").write_bytes(b"not read")
    text = GUIDE + f"\n![Chat]({tmp_path}/chat.png)\n"
    upload = SimpleUploadedFile("guide.md", text.encode(), "text/markdown")
    response = admin_client.post(URL, {"format": "markdown", "file": upload,
                                       "parent": portal.guides.pk})
    body = response.content.decode()
    assert "Publier un logiciel libre" in body and "introuvable" in body
    admin_client.post(URL, {"token": PendingImport.objects.get().token})
    assert GuidePage.objects.count() == 1 and get_image_model().objects.count() == 0
    bad = SimpleUploadedFile("bad.md", b"---\ntitle: [\n---\ntexte\n", "text/markdown")
    response = admin_client.post(URL, {"format": "markdown", "file": bad,
                                       "parent": portal.guides.pk})
    assert "YAML invalide" in response.content.decode()
    assert GuidePage.objects.count() == 1
