"""SILL / Catalogi JSON import: shape detection, validation with index paths, all or nothing,
idempotence, and every real export of /work/shared/data/catalogi (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.interop.base import ImportFileError, run_import
from numerique_ouvert.interop.catalogi import CatalogiImporter, detect_shape, read_catalogue
from numerique_ouvert.interop.models import ImportRecord
from numerique_ouvert.interop.sources import Source

REAL = Path("/work/shared/data/catalogi")

V1 = [{
    "id": 12, "name": "Grist", "description": "Tableur collaboratif",
    "referencedSinceTime": 1700000000000, "updateTime": 1710000000000,
    "dereferencing": None, "isStillInObservation": False, "license": "apache-2.0",
    "operatingSystems": {"linux": True}, "runtimePlatforms": ["cloud"],
    "categories": ["Bureautique"], "image": None, "keywords": ["tableur", "données"],
    "customAttributes": None, "serviceProviders": [],
    "softwareExternalData": {"url": "https://www.getgrist.com",
                             "codeRepositoryUrl": "https://github.com/gristlabs/grist-core",
                             "description": {"fr": "Tableur et base de données", "en": "Sheets"}},
    "similarExternalSoftwares": [], "latestVersion": {"semVer": "1.1.9",
                                                      "publicationTime": 1709251200000},
    "userAndReferentCountByOrganization": {"DINUM": {"userCount": 3, "referentCount": 1},
                                           "ANCT": {"userCount": 1, "referentCount": 0}},
    "hasExpertReferent": True,
    "instances": [{"id": 5, "organization": "DINUM", "targetAudience": "Agents de l'État",
                   "publicUrl": "https://grist.numerique.gouv.fr"}],
}, {
    "id": 13, "name": "Nextcloud", "description": "Partage de fichiers",
    "referencedSinceTime": 1600000000000, "updateTime": 1610000000000,
    "isStillInObservation": True, "license": "AGPL-3.0-or-later", "keywords": [],
    "categories": [], "latestVersion": None, "userAndReferentCountByOrganization": {},
    "hasExpertReferent": False, "instances": [],
}]

V2 = [{
    "id": 12, "name": "Grist", "description": {"fr": "Tableur collaboratif", "en": "Sheets"},
    "image": None, "latestVersion": {"version": "1.2.0", "releaseDate": "2024-10-01"},
    "addedTime": "2023-11-14T22:13:20.000Z", "updateTime": "2024-03-09T16:00:00.000Z",
    "applicationCategories": ["Bureautique"], "keywords": ["tableur"],
    "operatingSystems": {}, "runtimePlatforms": ["cloud"], "customAttributes": None,
    "programmingLanguages": ["TypeScript"], "authors": [],
    "userAndReferentCountByOrganization": {"DINUM": {"userCount": 4, "referentCount": 2}},
    "similarSoftwares": [{"externalId": "Q1", "sourceSlug": "wikidata", "name": "X",
                          "description": "", "isLibreSoftware": True, "isInCatalogi": True,
                          "softwareId": 13}],
    "url": "https://www.getgrist.com", "codeRepositoryUrl": "https://github.com/gristlabs/grist-core",
    "license": "Apache-2.0", "externalId": "Q123", "sourceSlug": "wikidata",
}]

ETALAB = [{"id": "1", "i": "7zip", "st": "R", "l": "LGPL-2.0-only", "f": "Compression",
           "fr-desc": "Archiveur", "en-desc": "Archiver", "website": "https://www.7-zip.org/",
           "sources": "", "v-": "19", "v+": "", "co": "72", "u": "**Poste** agent", "p": "",
           "si": "", "frama": None},
          {"id": "2", "i": "Outil", "st": "O", "l": "N/A", "f": "", "v-": "", "v+": "",
           "co": "", "u": "", "p": "", "si": "1"}]


def src(data, name="catalogi.json") -> Source:
    return Source(name, json.dumps(data).encode())


def run(data, portal, **options):
    options.setdefault("dry_run", False)
    options.setdefault("publish", False)
    return run_import(CatalogiImporter(), [src(data)], parent=portal.communs, **options)


def state():
    return (CommunPage.objects.count(), Revision.objects.count(), ImportRecord.objects.count())


@pytest.mark.parametrize(("data", "shape"), [
    (V1, "v1"), (V2, "v2"), (ETALAB, "etalab"), ({"catalog": [], "services": []}, "compiled"),
    ({"softwares": []}, None), ([{"foo": 1}], None), ("text", None), (42, None),
])
def test_shape_is_detected(data, shape):
    assert detect_shape(data) == shape


def test_unknown_shape_is_rejected_with_a_clear_message():
    with pytest.raises(ImportFileError) as error:
        CatalogiImporter().parse(src({"softwares": []}))
    assert "n'est pas un export du SILL ou de Catalogi" in error.value.problems[0].message


def test_invalid_json_names_line_and_column():
    with pytest.raises(ImportFileError) as error:
        CatalogiImporter().parse(Source("x.json", b'[{"id": 1,\n "name": }]'))
    assert error.value.problems[0].path.startswith("ligne 2")


def test_v1_maps_fields_uses_counts_and_actors(portal):
    report = run(V1, portal)
    assert len(report.created) == 2 and report.ok
    grist = CommunPage.objects.get(title="Grist")
    assert grist.licence == "Apache-2.0"  # SPDX-normalised from "apache-2.0"
    assert grist.tagline == "Tableur collaboratif"
    assert grist.website == "https://www.getgrist.com"
    assert grist.source_repository == "https://github.com/gristlabs/grist-core"
    assert sorted(t.name for t in grist.tags.all()) == ["Bureautique", "données", "tableur"]
    use = grist.uses[0].value
    assert use["administration"] == "DINUM" and use["link"] == "https://grist.numerique.gouv.fr"
    assert sorted(r.actor.name for r in grist.actor_relations.all()) == ["ANCT", "DINUM"]
    assert not grist.live  # drafts unless --publish
    assert CommunPage.objects.get(title="Nextcloud").status == "beta"
    assert ImportRecord.objects.filter(key="sill:12").exists()
    assert grist.catalogue_url == "https://code.gouv.fr/sill/detail?id=12"
    assert grist.catalogue_id == "12"
    assert (grist.catalogue_user_count, grist.catalogue_referent_count) == (4, 1)
    assert grist.software_version == "1.1.9"
    assert grist.release_date.isoformat() == "2024-03-01"
    assert grist.platforms == ["web", "linux"]


def test_second_import_changes_nothing(portal):
    run(V1, portal)
    before = state()
    report = run(V1, portal)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 2)
    assert state() == before


def test_v2_updates_the_v1_page_of_the_same_catalogue_id(portal):
    run(V1, portal)
    report = run(V2, portal)
    assert len(report.created) == 0 and [r.key for r in report.updated] == ["sill:12"]
    grist = CommunPage.objects.get(title="Grist")
    assert grist.get_latest_revision_as_object().tagline == "Tableur collaboratif"


def test_two_catalogues_do_not_collide(portal):
    run(V1, portal)
    other = CatalogiImporter(origin="catalogue-region")
    report = run_import(other, [src(V1)], parent=portal.communs, dry_run=False, publish=False)
    assert len(report.created) == 2
    assert ImportRecord.objects.filter(key="catalogue-region:12").exists()


def test_etalab_v0_shape(portal):
    report = run(ETALAB, portal)
    assert report.ok and len(report.created) == 2
    page = CommunPage.objects.get(title="7zip")
    assert page.licence == "LGPL-2.0-only" and page.website == "https://www.7-zip.org/"
    assert "<b>Poste</b>" in str(page.description[-1].value)  # Markdown usage notes
    outil = CommunPage.objects.get(title="Outil")
    assert outil.licence == "" and outil.status == "beta"


def test_bad_item_rejects_the_whole_file_with_every_problem(portal):
    bad = json.loads(json.dumps(V1))
    bad[1]["name"] = ""
    bad[1]["keywords"] = "tableur"
    bad[0]["instances"][0]["organization"] = None
    bad.append({"name": "Sans id", "referencedSinceTime": 1, "license": 3})
    before = state()
    report = run(bad, portal)
    paths = {p.path for p in report.rejected}
    assert {"[1].name", "[1].keywords", "[0].instances[0].organization", "[2].id",
            "[2].license"} <= paths
    assert state() == before
    assert report.rejected_sources == ["catalogi.json"]


def test_duplicate_ids_are_rejected(portal):
    report = run([V1[0], V1[0]], portal)
    assert any(p.path == "[1].id" for p in report.rejected)
    assert CommunPage.objects.count() == 0


def test_non_spdx_licence_is_a_warning_with_its_path(portal):
    data = json.loads(json.dumps(V1))
    data[0]["license"] = "Licence maison"
    report = run(data, portal)
    assert report.ok
    assert [w.path for w in report.warnings if "licence" in w.message.lower()] == ["[0].license"]
    assert CommunPage.objects.get(title="Grist").licence == ""


def test_dry_run_writes_nothing(portal):
    before = state()
    report = run(V1, portal, dry_run=True)
    assert len(report.created) == 2
    assert state() == before


def test_command_imports_and_reports(portal, tmp_path, capsys):
    path = tmp_path / "catalogi.json"
    path.write_text(json.dumps(V2))
    call_command("import_catalogi", str(path), "--catalogue", "sill")
    out = capsys.readouterr().out
    assert "1 créé(s)" in out
    assert ImportRecord.objects.get(format="catalogi").key == "sill:12"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": 1}]))
    with pytest.raises(CommandError):
        call_command("import_catalogi", str(bad))


REAL_FILES = sorted(REAL.glob("*.json")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason="/work/shared/data/catalogi absent")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_every_real_export_imports_and_reimports_unchanged(portal, path):
    content = path.read_bytes()
    shape, software, problems, _warnings = read_catalogue(content)
    assert shape and not problems
    importer = CatalogiImporter()
    report = run_import(importer, [Source(path.name, content)], parent=portal.communs,
                        dry_run=False, publish=False)
    assert report.ok, report.rejected[:5]
    assert len(report.created) == len(software)
    before = state()
    again = run_import(importer, [Source(path.name, content)], parent=portal.communs,
                       dry_run=False, publish=False)
    assert (len(again.created), len(again.updated)) == (0, 0)
    assert state() == before
