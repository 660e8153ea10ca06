"""The sync against a small local stand-in of a source's API: validation, what is copied,
hiding, the command's errors. (The two-instance tests use the real example site.)"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.federation.models import FederatedReference, FederationSource
from numerique_ouvert.federation.sync import sync_source

from .fake_source import Server, commun

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake():
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def source(fake, portal):
    return FederationSource.objects.create(name="Source", base_url=fake.url,
                                           communs_parent=portal.communs)


def test_a_commun_is_copied_without_what_points_to_the_source_own_objects(fake, source):
    fake.pages[7] = commun(7, "Mon commun")
    report = sync_source(source)
    assert report.created == 1 and report.complete
    page = CommunPage.objects.get(federated_reference__remote_id=7)
    assert page.live and page.licence == "MIT" and page.tagline == "Accroche de Mon commun"
    assert [s.slug for s in page.stages.all()] == ["utiliser"]
    assert [t.name for t in page.tags.all()] == ["logiciel libre"]
    # The link to the source's own guide keeps its text; its image is left out.
    assert [block.block_type for block in page.description] == ["paragraph"]
    assert str(page.description[0].value) == "<p>Voir ce guide.</p>"


def test_a_bad_item_is_reported_and_skipped_the_others_are_synced(fake, source):
    fake.pages[1] = commun(1, "Bon")
    fake.pages[2] = commun(2, "Mauvais", kind={"value": "vaisseau", "label": "?"})
    fake.pages[3] = commun(3, "Licence", licence="pas une licence")
    report = sync_source(source)
    assert report.created == 1 and report.complete
    assert [(e["id"], e["field"]) for e in report.errors] == [(2, "kind"), (3, "licence")]
    assert "vaisseau" in report.errors[0]["reason"]
    assert list(FederatedReference.objects.values_list("remote_id", flat=True)) == [1]


def test_hidden_references_stay_hidden_until_shown_again(fake, source, admin_client):
    fake.pages[1] = commun(1, "Commun")
    sync_source(source)
    reference = FederatedReference.objects.get()
    page = reference.page
    # Wagtail's own "Dépublier" hides it too.
    page.specific.unpublish()
    reference.refresh_from_db()
    assert reference.hidden
    fake.pages[1] = commun(1, "Commun", tagline="Nouvelle accroche")
    report = sync_source(source)
    assert report.kept_hidden == 1 and report.updated == 0
    page.refresh_from_db()
    assert not page.live

    response = admin_client.post(f"/admin/federation/references/{page.pk}/show/")
    assert response.status_code == 302
    reference.refresh_from_db()
    page.refresh_from_db()
    assert not reference.hidden and page.live
    assert CommunPage.objects.get(pk=page.pk).tagline == "Nouvelle accroche"


def test_an_unchanged_listing_item_is_not_fetched_again(fake, source):
    fake.pages[1] = commun(1, "Commun")
    sync_source(source)
    fake.requests.clear()
    report = sync_source(source)
    assert report.unchanged == 1
    assert all(path.startswith("/api/v2/pages/?") for path in fake.requests)


def test_dry_run_reports_and_writes_nothing(fake, source):
    fake.pages[1] = commun(1, "Commun")
    report = sync_source(source, dry_run=True)
    assert report.created == 1 and report.dry_run
    assert not FederatedReference.objects.exists()
    assert not CommunPage.objects.filter(title="Commun").exists()


def test_loopback_is_refused_unless_allowed(fake, source):
    with override_settings(NUMERIQUE_OUVERT={"FETCH_ALLOWED_NETWORKS": []}):
        report = sync_source(source)
    assert not report.complete and "n’est pas publique" in report.interrupted
    assert not FederatedReference.objects.exists()


def test_the_command_says_what_is_wrong(fake, portal):
    with pytest.raises(CommandError, match="--parent-communs"):
        call_command("sync_instance", fake.url, stdout=StringIO())
    with pytest.raises(CommandError, match="http"):
        call_command("sync_instance", "ftp://example.org", stdout=StringIO())
    with pytest.raises(CommandError, match="type"):
        call_command("sync_instance", fake.url, "--parent-communs", str(portal.events.pk),
                     stdout=StringIO())
    assert not FederationSource.objects.exists()


def test_the_source_address_is_normalised_and_unique(fake, portal):
    fake.pages[1] = commun(1, "Commun")
    out = StringIO()
    call_command("sync_instance", fake.url + "/api/v2/", "--parent-communs", str(portal.communs.pk),
                 stdout=out)
    call_command("sync_instance", fake.url.upper().replace("HTTP", "http"), stdout=out)
    assert FederationSource.objects.get().base_url == fake.url
    assert "1 créée(s)" in out.getvalue()


def test_the_sources_screen_lists_reports_and_syncs(fake, source, admin_client):
    fake.pages[1] = commun(1, "Commun")
    listing = admin_client.get("/admin/numerique_ouvert_federation_sources/")
    assert listing.status_code == 200 and "Source" in listing.content.decode()
    url = f"/admin/federation/sources/{source.pk}/report/"
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 créée(s)" in html and "Synchroniser maintenant" in html
    assert Page.objects.filter(federated_reference__source=source).count() == 1


def test_deleting_a_source_deletes_its_references(fake, source):
    fake.pages[1] = commun(1, "Commun")
    sync_source(source)
    source.delete()
    assert not CommunPage.objects.filter(title="Commun").exists()


def test_the_explorer_offers_to_hide_a_reference(fake, source, portal, admin_client):
    fake.pages[1] = commun(1, "Commun")
    sync_source(source)
    page = FederatedReference.objects.get().page
    html = admin_client.get(f"/admin/pages/{portal.communs.pk}/").content.decode()
    assert f"/admin/federation/references/{page.pk}/hide/" in html
    admin_client.post(f"/admin/federation/references/{page.pk}/hide/")
    html = admin_client.get(f"/admin/pages/{portal.communs.pk}/").content.decode()
    assert f"/admin/federation/references/{page.pk}/show/" in html


def test_a_source_is_added_in_the_admin_with_its_address_checked(portal, admin_client):
    url = "/admin/numerique_ouvert_federation_sources/new/"
    refused = admin_client.post(url, {"name": "X", "base_url": "ftp://portail.example.gouv.fr",
                                      "enabled": "on", "communs_parent": portal.communs.pk})
    assert refused.status_code == 200 and not FederationSource.objects.exists()
    wrong_parent = admin_client.post(url, {"name": "X", "base_url": "https://portail.example.gouv.fr",
                                           "communs_parent": portal.events.pk})
    assert wrong_parent.status_code == 200 and not FederationSource.objects.exists()
    assert "Choisissez une page de type" in wrong_parent.content.decode()
    admin_client.post(url, {"name": "Portail X", "enabled": "on",
                            "base_url": "https://Portail.example.gouv.fr/api/v2/",
                            "communs_parent": portal.communs.pk})
    source = FederationSource.objects.get()
    assert source.base_url == "https://portail.example.gouv.fr"
    assert source.communs_parent_id == portal.communs.pk
