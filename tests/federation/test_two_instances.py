"""Federation between two real instances: A, the example site with its demo content served by
runserver; B, this test database. B pulls A's commons and events through A's API."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.events.models import EventPage
from numerique_ouvert.federation.models import FederatedReference, FederationSource
from tests.html import soup

pytestmark = [pytest.mark.federation, pytest.mark.django_db]


def api_total(instance, page_type: str) -> int:
    url = f"{instance.base_url}/api/v2/pages/?type={page_type}&limit=1"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)["meta"]["total_count"]


def sync(url, portal, *extra) -> str:
    from io import StringIO

    out = StringIO()
    call_command("sync_instance", url, "--name", "Portail A", "--parent-communs",
                 str(portal.communs.pk), "--parent-events", str(portal.events.pk), *extra,
                 stdout=out, stderr=StringIO())
    return out.getvalue()


def report() -> dict:
    return FederationSource.objects.get().last_report


@pytest.fixture
def expected(instance_a):
    return {"communs": api_total(instance_a, "numerique_ouvert_communs.CommunPage"),
            "events": api_total(instance_a, "numerique_ouvert_events.EventPage")}


def test_sync_creates_attributed_references_of_every_commun_and_event(
        instance_a, portal, expected, client):
    assert expected["communs"] > 3 and expected["events"] > 3  # several pages of results
    sync(instance_a.base_url, portal)

    assert report()["complete"] and report()["errors"] == []
    assert report()["created"] == expected["communs"] + expected["events"]
    assert CommunPage.objects.child_of(portal.communs).live().count() == expected["communs"]
    # The ministry's hybrid events become events of this portal.
    assert EventPage.objects.child_of(portal.events).live().count() == expected["events"]

    reference = FederatedReference.objects.filter(kind="communs").select_related("page").first()
    assert reference.remote_url.startswith("http") and reference.page.specific.tagline
    response = client.get(reference.page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one('link[rel="canonical"]')["href"] == reference.remote_url
    attribution = html.select_one(".portal-attribution")
    assert "Publié par Portail A" in attribution.get_text(" ", strip=True)
    assert attribution.select_one("a")["href"] == reference.remote_url
    # Listed with the portal's own commons.
    listing = soup(client.get(portal.communs.url))
    assert reference.page.title in listing.get_text()

    # B's API says where its copy comes from: a third portal will not take it for B's own.
    api = client.get("/api/v2/pages/?type=numerique_ouvert_communs.CommunPage&fields=*"
                     "&limit=20").json()
    marks = {item["id"]: item["meta"]["federated_from"] for item in api["items"]}
    assert marks[reference.page_id] == {"name": "Portail A", "url": instance_a.base_url,
                                        "html_url": reference.remote_url}


def test_a_second_sync_changes_nothing(instance_a, portal, expected):
    sync(instance_a.base_url, portal)
    revisions = Revision.objects.count()
    pages = Page.objects.count()

    sync(instance_a.base_url, portal)

    assert report()["complete"]
    assert report()["created"] == report()["updated"] == report()["withdrawn"] == 0
    assert report()["unchanged"] == expected["communs"] + expected["events"]
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages


def test_changes_and_withdrawals_at_the_source_reach_the_references_hidden_ones_stay_hidden(
        instance_a, portal, admin_client):
    sync(instance_a.base_url, portal)
    changed, withdrawn, hidden = (FederatedReference.objects.filter(kind="communs")
                                  .order_by("remote_id").select_related("page")[:3])
    response = admin_client.post(f"/admin/federation/references/{hidden.page_id}/hide/")
    assert response.status_code == 302
    hidden.refresh_from_db()
    assert hidden.hidden and not hidden.page.specific.live

    instance_a.shell(
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={changed.remote_id}).specific\n"
        "page.tagline = 'Accroche changée sur A'\n"
        "page.save_revision().publish()\n"
        f"Page.objects.get(pk={withdrawn.remote_id}).specific.unpublish()\n"
        f"hidden = Page.objects.get(pk={hidden.remote_id}).specific\n"
        "hidden.tagline = 'Changée aussi'\n"
        "hidden.save_revision().publish()\n")
    republished = False
    try:
        sync(instance_a.base_url, portal)
        assert report()["updated"] == 1 and report()["withdrawn"] == 1
        assert report()["kept_hidden"] == 1
        changed.page.refresh_from_db()
        assert changed.page.specific.tagline == "Accroche changée sur A"
        assert changed.page.live
        withdrawn.refresh_from_db()
        assert withdrawn.withdrawn and not Page.objects.get(pk=withdrawn.page_id).live
        hidden.refresh_from_db()
        page = Page.objects.get(pk=hidden.page_id)
        assert hidden.hidden and not page.live
        # Its content follows the source, in a draft, for the day it is shown again.
        assert page.get_latest_revision_as_object().tagline == "Changée aussi"

        instance_a.shell("from wagtail.models import Page\n"
                         f"Page.objects.get(pk={withdrawn.remote_id}).specific"
                         ".save_revision().publish()\n")
        republished = True
        sync(instance_a.base_url, portal)
        assert report()["restored"] == 1
        assert Page.objects.get(pk=withdrawn.page_id).live

        response = admin_client.post(f"/admin/federation/references/{hidden.page_id}/show/")
        assert response.status_code == 302
        hidden.refresh_from_db()
        assert not hidden.hidden and Page.objects.get(pk=hidden.page_id).live
    finally:  # the other tests expect A as it was
        if not republished:
            instance_a.shell("from wagtail.models import Page\n"
                             f"Page.objects.get(pk={withdrawn.remote_id}).specific"
                             ".save_revision().publish()\n")


class FlakyProxy(BaseHTTPRequestHandler):
    """Forwards to instance A, but answers 500 the first time the second page of results is
    asked for: a source that fails in the middle of a sync."""

    target = ""
    failed: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        if "offset=3" in self.path and not FlakyProxy.failed:
            FlakyProxy.failed.append(self.path)
            self.send_response(500)
            self.end_headers()
            return
        try:
            with urllib.request.urlopen(self.target + self.path, timeout=10) as response:
                status, body = response.status, response.read()
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, body, content_type = error.code, error.read(), "text/plain"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def flaky_source(instance_a):
    FlakyProxy.target = instance_a.base_url
    FlakyProxy.failed = []
    server = ThreadingHTTPServer(("127.0.0.1", 8311), FlakyProxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:8311"
    server.shutdown()
    server.server_close()


def test_an_interrupted_sync_resumes_where_it_stopped_without_duplicates(
        flaky_source, portal, expected):
    with pytest.raises(CommandError):
        sync(flaky_source, portal)
    source = FederationSource.objects.get()
    assert FlakyProxy.failed and "500" in source.last_report["interrupted"]
    assert not source.last_report["complete"] and source.last_synced_at is None
    assert source.cursor == {"run": source.cursor["run"], "kind": "communs", "offset": 3}
    assert FederatedReference.objects.count() == 3  # the first page of results was kept

    sync(flaky_source, portal)

    source.refresh_from_db()
    assert source.last_report["resumed"] and source.last_report["complete"]
    assert source.cursor == {}
    total = expected["communs"] + expected["events"]
    assert source.last_report["created"] == total - 3
    assert FederatedReference.objects.count() == total
    assert Page.objects.child_of(portal.communs).count() == expected["communs"]


def test_pages_the_source_federates_itself_are_not_copied(instance_a, portal, expected):
    """A page that A shows as a reference of another portal is left out: no ping-pong."""
    instance_a.shell(
        "from numerique_ouvert.communs.models import CommunPage\n"
        "from numerique_ouvert.federation.models import FederatedReference, FederationSource\n"
        # A French page: the API lists the default language's tree, the English demo tree holds its
        # translations (created last).
        "page = CommunPage.objects.live().filter(locale__language_code='fr').order_by('-pk').first()\n"
        "source = FederationSource.objects.create(name='Portail C', base_url='https://c.example.org')\n"
        "FederatedReference.objects.create(page=page, source=source, kind='communs', remote_id=1,\n"
        "    remote_type='numerique_ouvert_communs.CommunPage', remote_url='https://c.example.org/x/')\n"
        "page.save_revision().publish()  # as a sync would: the API's caches are renewed\n")
    try:
        sync(instance_a.base_url, portal)
        assert report()["skipped_federated"] == 1
        assert CommunPage.objects.child_of(portal.communs).count() == expected["communs"] - 1
    finally:
        instance_a.shell("from numerique_ouvert.federation.models import FederationSource\n"
                         "FederationSource.objects.all().delete()\n")


def test_a_reference_is_not_edited_copied_moved_or_deleted_in_the_admin(
        instance_a, portal, admin_client):
    sync(instance_a.base_url, portal)
    reference = FederatedReference.objects.filter(kind="events").first()
    for action in ("edit", "copy", f"move/{portal.home.pk}/confirm", "delete"):
        response = admin_client.get(f"/admin/pages/{reference.page_id}/{action}/", follow=True)
        assert response.redirect_chain, action
        assert response.redirect_chain[-1][0] == f"/admin/pages/{portal.events.pk}/", action
        text = " ".join(str(message) for message in response.context["messages"])
        assert "Portail A" in text, action
    response = admin_client.post(f"/admin/pages/{reference.page_id}/delete/")
    assert Page.objects.filter(pk=reference.page_id).exists()
