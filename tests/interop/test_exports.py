"""Exports: the catalogue as Catalogi v2 JSON and DCAT-AP JSON-LD (valid RDF, constant queries,
only public live commons, no private contact), and guides as Markdown (round trip)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction, Revision

from numerique_ouvert.communs.models import CommunContact, CommunPage
from numerique_ouvert.guides.models import GuidePage
from numerique_ouvert.interop.base import run_import
from numerique_ouvert.interop.catalogi import CatalogiImporter, detect_shape
from numerique_ouvert.interop.markdown import MarkdownImporter
from numerique_ouvert.interop.models import ImportRecord
from numerique_ouvert.interop.sources import Source, read_sources
from tests.factories import make_actor, make_commun
from tests.query_counts import MAX_QUERIES

from .test_markdown import GUIDE

CATALOGUE = reverse("numerique_ouvert_interop_catalogue_json")
JSONLD = reverse("numerique_ouvert_interop_catalogue_jsonld")


def commons(portal, count: int):
    actor = make_actor("Ministère de la Culture")
    for index in range(count):
        page = make_commun(portal.communs, f"Logiciel {index}", actors=[(actor, "uses")],
                           website=f"https://logiciel{index}.example",
                           source_repository=f"https://git.example/l{index}",
                           software_version="1.0", platforms=["web", "linux"])
        page.tags.add("cartographie")
        CommunContact.objects.create(page=page, name="Agent secret",
                                     email="agent.prive@example.gouv.fr")
        page.save_revision().publish()


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", [CATALOGUE, JSONLD])
def test_catalogue_exports_cost_constant_queries(client, portal, url):
    commons(portal, 2)
    small = queries(client, url)
    commons_more = CommunPage.objects.count()
    for index in range(8):
        make_commun(portal.communs, f"Autre {index}").tags.add("x")
    assert CommunPage.objects.count() == commons_more + 8
    large = queries(client, url)
    assert large == small and large <= MAX_QUERIES


def test_catalogi_export_is_v2_and_reimports(client, portal):
    commons(portal, 2)
    hidden = make_commun(portal.communs, "Privé")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    make_commun(portal.communs, "Brouillon", live=False)
    response = client.get(CATALOGUE)
    assert response["Content-Type"].startswith("application/json")
    assert "agent.prive" not in response.content.decode()
    data = response.json()
    assert [entry["name"] for entry in data] == ["Logiciel 0", "Logiciel 1"]
    first = data[0]
    assert first["license"] == "AGPL-3.0-or-later" and first["keywords"] == ["cartographie"]
    assert first["latestVersion"]["version"] == "1.0"
    assert first["operatingSystems"] == {"linux": True} and first["runtimePlatforms"] == ["cloud"]
    assert first["userAndReferentCountByOrganization"] == {
        "Ministère de la Culture": {"userCount": 1, "referentCount": 0}}
    assert detect_shape(data) == "v2"
    # Another instance imports it as a catalogue of its own.
    report = run_import(CatalogiImporter(origin="autre-portail"),
                        [Source("catalogue.json", response.content)], parent=portal.communs,
                        dry_run=True, publish=False)
    assert report.ok and len(report.created) == 2


def test_dcat_export_is_valid_json_ld(client, portal):
    rdflib = pytest.importorskip("rdflib")
    commons(portal, 2)
    response = client.get(JSONLD)
    assert response["Content-Type"].startswith("application/ld+json")
    assert "agent.prive" not in response.content.decode()
    graph = rdflib.Graph().parse(data=response.content, format="json-ld")
    DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    ADMS = rdflib.Namespace("http://www.w3.org/ns/adms#")
    DOAP = rdflib.Namespace("http://usefulinc.com/ns/doap#")
    catalog = next(graph.subjects(rdflib.RDF.type, DCAT.Catalog))
    assets = set(graph.objects(catalog, DCAT.dataset))
    assert len(assets) == 2
    for asset in assets:
        assert (asset, rdflib.RDF.type, ADMS.Asset) in graph
        assert graph.value(asset, DCT.license) == rdflib.URIRef(
            "http://spdx.org/licenses/AGPL-3.0-or-later")
        assert str(graph.value(asset, DCAT.landingPage)).startswith("http://localhost/")
        repository = graph.value(asset, DOAP.repository)
        assert str(graph.value(repository, DOAP.location)).startswith("https://git.example/")
        assert str(graph.value(asset, DCAT.keyword)) == "cartographie"
        assert graph.value(asset, DCT.modified) is not None


def test_exports_follow_the_feature_switch(client, portal, settings):
    from numerique_ouvert.core.models import PortalSettings

    commons(portal, 1)
    portal_settings = PortalSettings.for_site(portal.site)
    portal_settings.features = {"communs": False, "guides": False}
    portal_settings.save()
    assert client.get(CATALOGUE).status_code == 404
    assert client.get(JSONLD).status_code == 404


ROUND_TRIP = GUIDE.replace("publish: false", "publish: true")


def _import(text: str, portal, name="publier-un-logiciel.md"):
    return run_import(MarkdownImporter(), [Source(name, text.encode())], parent=portal.guides,
                      dry_run=False, publish=True)


def test_markdown_round_trip(client, portal):
    report = _import(ROUND_TRIP, portal)
    assert report.ok
    page = GuidePage.objects.get()
    url = reverse("numerique_ouvert_interop_guide_markdown", args=[page.pk])
    exported = client.get(url)
    assert exported["Content-Type"].startswith("text/markdown")
    assert 'filename="publier-un-logiciel.md"' in exported["Content-Disposition"]
    text = exported.content.decode()
    assert text.startswith("---\ntitle: Publier un logiciel libre\n")
    before = (GuidePage.objects.count(), Revision.objects.count())
    # Imported again under another file name: the front matter's slug is the key.
    again = _import(text, portal, name="export.md")
    assert again.ok and (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 1)
    assert (GuidePage.objects.count(), Revision.objects.count()) == before
    assert client.get(url).content.decode() == text


def test_markdown_export_of_a_draft_or_other_page_is_404(client, portal):
    _import(GUIDE, portal)  # publish: false
    page = GuidePage.objects.get()
    assert client.get(reverse("numerique_ouvert_interop_guide_markdown",
                              args=[page.pk])).status_code == 404
    assert client.get(reverse("numerique_ouvert_interop_guide_markdown",
                              args=[portal.communs.pk])).status_code == 404


REAL = Path("/work/shared/data/markdown")


@pytest.mark.skipif(not REAL.is_dir(), reason="/work/shared/data/markdown absent")
def test_every_real_guide_round_trips(client, portal):
    importer = MarkdownImporter()
    sources = read_sources(str(REAL), importer.patterns)
    run_import(importer, sources, parent=portal.guides, dry_run=False, publish=True)
    exports = []
    for record in ImportRecord.objects.filter(format="markdown"):
        response = client.get(reverse("numerique_ouvert_interop_guide_markdown",
                                      args=[record.page_id]))
        assert response.status_code == 200, record.key
        exports.append(Source(f"{record.key}.md", response.content))
    assert len(exports) == len(sources)
    before = Revision.objects.count()
    report = run_import(importer, exports, parent=portal.guides, dry_run=False, publish=True)
    assert report.ok, report.rejected
    assert [(r.key, r.fields) for r in report.updated] == [] and len(report.unchanged) == len(exports)
    assert Revision.objects.count() == before
