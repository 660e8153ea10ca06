"""publiccode.yml export: valid against our validator, round trip, and the private contacts never
leave the admin (page, API, search, feeds, export)."""

from __future__ import annotations

import yaml
from django.urls import reverse

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.interop.publiccode import PubliccodeImporter, export_publiccode
from numerique_ouvert.interop.publiccode_schema import check_document
from numerique_ouvert.interop.sources import Source
from tests.factories import make_commun

from .publiccode_helpers import counts, fixture, import_sources

EMAIL = "camille.martin@example.org"


def imported_page(portal) -> CommunPage:
    import_sources([fixture("cartolibre.yml")], portal, publish=True)
    return CommunPage.objects.get()


def test_export_is_served_at_a_stable_url_linked_from_the_page(client, portal):
    page = imported_page(portal)
    url = f"/interop/communs/{page.pk}/publiccode.yml"
    assert page.publiccode_url == url
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/yaml")
    assert url in client.get(page.url).content.decode()


def test_export_is_valid_against_the_standard(portal):
    page = imported_page(portal)
    _clean, problems, warnings = check_document(yaml.safe_load(export_publiccode(page)), "export")
    assert problems == [] and warnings == []


def test_a_commun_written_in_the_admin_exports_a_valid_file(portal):
    page = make_commun(portal.communs, "Outil maison", maintenance_type="internal",
                       platforms=["web"])
    document = yaml.safe_load(export_publiccode(page))
    _clean, problems, _warnings = check_document(document, "export")
    assert problems == []
    # Contacts are mandatory for "internal": the carrying structure stands for them, no address.
    assert document["maintenance"]["contacts"] == [
        {"name": "Association des contributeurs", "affiliation": "Association des contributeurs"}]


def test_round_trip_import_export_import_changes_nothing(portal):
    page = imported_page(portal)
    exported = Source("export.yml", export_publiccode(page).encode())
    assert PubliccodeImporter().parse(exported)[0].key == PubliccodeImporter().parse(
        fixture("cartolibre.yml"))[0].key
    before = counts()
    report = import_sources([exported], portal)
    assert (len(report.created), len(report.updated), report.conflicts) == (0, 0, [])
    assert counts() == before
    assert [c.email for c in CommunPage.objects.get().private_contacts.all()] == [EMAIL]


def test_no_export_for_draft_pages_or_without_licence(client, portal):
    import_sources([fixture("cartolibre.yml")], portal, publish=False)
    draft = CommunPage.objects.get()
    assert client.get(f"/interop/communs/{draft.pk}/publiccode.yml").status_code == 404
    unlicensed = make_commun(portal.communs, "Sans licence", licence="")
    assert unlicensed.publiccode_url == ""
    assert client.get(f"/interop/communs/{unlicensed.pk}/publiccode.yml").status_code == 404


def test_private_contacts_are_never_published(client, portal):
    page = imported_page(portal)
    assert page.private_contacts.count() == 1
    places = {
        "page": client.get(page.url),
        "export": client.get(page.publiccode_url),
        "api detail": client.get(f"/api/v2/pages/{page.pk}/"),
        "api listing": client.get("/api/v2/pages/?type=numerique_ouvert_communs.CommunPage&fields=*"),
        "search": client.get("/recherche/?q=Camille"),
        "rss": client.get("/flux/rss/"),
        "atom": client.get("/flux/atom/"),
        "catalogue json": client.get(reverse("numerique_ouvert_interop_catalogue_json")),
        "catalogue dcat": client.get(reverse("numerique_ouvert_interop_catalogue_jsonld")),
    }
    for name, response in places.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        assert EMAIL not in body and "Camille Martin" not in body and "+33 1 23" not in body, name
    for name in ("api detail", "catalogue json", "catalogue dcat"):  # the checks did read the page
        assert "CartoLibre" in places[name].content.decode(), name


def test_private_contacts_are_not_in_the_search_index(portal):
    page = imported_page(portal)
    assert not CommunPage.objects.live().search("Camille")
    assert CommunPage.objects.live().search("CartoLibre")[0].pk == page.pk
