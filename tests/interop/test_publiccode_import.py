"""publiccode.yml import: mapping, validation with key paths, versions, real files."""

from __future__ import annotations

import pytest

from numerique_ouvert.communs.models import CommunPage
from numerique_ouvert.interop.base import ImportFileError
from numerique_ouvert.interop.publiccode import PubliccodeImporter
from numerique_ouvert.interop.sources import Source

from .publiccode_helpers import REAL_FILES, counts, fixture, import_sources

MINIMAL = """\
publiccodeYmlVersion: {version}
name: Minimal
url: https://git.example.org/minimal
platforms: web
developmentStatus: beta
softwareType: library
description:
  en:
    shortDescription: A minimal example.
    longDescription: "{long}"
    features: [One feature]
legal:
  license: MIT
maintenance:
  type: none
localisation:
  localisationReady: {ready}
  availableLanguages: [en]
"""


def minimal(version='"0"', ready="false", **extra) -> Source:
    text = MINIMAL.format(version=version, long="x" * 160, ready=ready)
    return Source("minimal.yml", text.encode())


def parse(source):
    return PubliccodeImporter().parse(source)


def test_every_mapped_key_lands_on_the_commun(portal):
    report = import_sources([fixture("cartolibre.yml")], portal)
    assert len(report.created) == 1 and not report.rejected
    page = CommunPage.objects.get()
    assert page.title == "CartoLibre" and page.kind == "software" and page.status == "stable"
    # French first (fr-FR counts), even though English comes first in the file.
    assert page.tagline == "Des cartes pour les collectivités."
    assert page.source_repository == "https://Forge.Example.ORG/collectivites/cartolibre.git/"
    assert page.website == "https://cartolibre.example.org"
    assert page.licence == "AGPL-3.0-or-later"
    assert page.software_version == "2.4" and page.release_date.isoformat() == "2025-03-14"
    assert page.platforms == ["web", "linux"]
    assert page.categories == ["geographic-information-systems", "data-visualization"]
    assert page.maintenance_type == "community" and page.logo_url == "img/logo.svg"
    assert page.carrying_structure == "Association des collectivités cartographes"
    assert sorted((r.actor.name, r.relation) for r in page.actor_relations.all()) == [
        ("Agence nationale de la cohésion des territoires", "funds"),
        ("Association des collectivités cartographes", "contributes"),
        ("Région Occitanie", "uses"), ("Ville de Lyon", "uses")]
    assert [(c.name, c.email) for c in page.private_contacts.all()] == [
        ("Camille Martin", "camille.martin@example.org")]
    blocks = [(b.block_type, b.value.source if hasattr(b.value, "source") else b.value)
              for b in page.description]
    assert blocks[2] == ("paragraph", "<ul><li>import de fichiers GeoJSON</li><li>export en PDF</li></ul>")
    assert blocks[3][0] == "heading"


def test_html_in_descriptions_is_escaped_never_stored(portal):
    import_sources([fixture("cartolibre.yml")], portal)
    page = CommunPage.objects.get()
    html = page.description[1].value.source
    assert "&lt;b&gt;simple&lt;/b&gt; &amp; sans" in html and "<b>" not in html


def test_identity_is_the_normalised_repository_url():
    item = parse(fixture("cartolibre.yml"))[0]
    assert item.key == "https://forge.example.org/collectivites/cartolibre"


def test_warnings_for_quirks_that_do_not_reject_the_file():
    item = parse(fixture("cartolibre.yml"))[0]
    paths = {w.path for w in item.warnings}
    # A float version, an awesome-codegouvfr extra key, a number as version, a lowercase licence;
    # the country section "it" is silently ignored.
    assert paths == {"publiccodeYmlVersion", "awesomeScore", "softwareVersion", "legal.license"}


@pytest.mark.parametrize("version", ['"0"', "'0.2'", '"0.2.2"', '"0.3"', "0.4", '"0.4"', "0.5",
                                     "0.5.0", "'0.5.0'", '"0.7"', "0"])
def test_every_version_the_reference_parser_accepts(version):
    assert parse(minimal(version=version))[0].fields["title"] == "Minimal"


@pytest.mark.parametrize("version", ['"1"', '"0.6"', '"2.3.1"', "true"])
def test_unknown_versions_are_refused(version):
    with pytest.raises(ImportFileError) as error:
        parse(minimal(version=version))
    assert [p.path for p in error.value.problems] == ["publiccodeYmlVersion"]


@pytest.mark.parametrize("value", ["yes", "no", "on", "off"])
def test_yaml_1_1_booleans_are_text_as_in_yaml_1_2(value):
    with pytest.raises(ImportFileError) as error:
        parse(minimal(ready=value))
    assert [p.path for p in error.value.problems] == ["localisation.localisationReady"]


def test_invalid_file_lists_every_problem_with_its_key_path_and_writes_nothing(portal):
    before = counts()
    report = import_sources([fixture("invalid.yml")], portal)
    assert {p.path for p in report.rejected} == {
        "url", "releaseDate", "platforms", "categories[0]", "developmentStatus",
        "description.fr.longDescription", "description", "legal.license",
        "maintenance.contacts", "localisation.localisationReady"}
    assert all(p.source == "invalid.yml" and p.message for p in report.rejected)
    assert counts() == before


def test_not_yaml_and_not_utf8_are_clear_errors():
    with pytest.raises(ImportFileError) as error:
        parse(Source("bad.yml", b"name: [unclosed"))
    assert "YAML" in error.value.problems[0].message and "ligne" in error.value.problems[0].path
    with pytest.raises(ImportFileError) as error:
        parse(Source("latin1.yml", "name: été".encode("latin-1")))
    assert "UTF-8" in error.value.problems[0].message
    with pytest.raises(ImportFileError) as error:
        parse(Source("list.yml", b"- a\n- b\n"))
    assert error.value.problems[0].path == ""


def test_python_tags_are_never_executed():
    with pytest.raises(ImportFileError):
        parse(Source("evil.yml", b"name: !!python/object/apply:os.system ['true']\n"))


def test_importing_twice_changes_nothing(portal):
    import_sources([fixture("cartolibre.yml")], portal)
    before = counts()
    report = import_sources([fixture("cartolibre.yml")], portal)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 1)
    assert counts() == before


def test_editor_change_then_changed_source_is_a_reported_conflict(portal):
    import_sources([fixture("cartolibre.yml")], portal)
    page = CommunPage.objects.get()
    page.tagline = "Accroche réécrite par l'éditeur."
    page.save_revision().publish()
    changed = fixture("cartolibre.yml").content.replace(
        b"Des cartes pour les collectivit", b"Cartes libres pour les collectivit").replace(
        b"softwareVersion: 2.4", b'softwareVersion: "2.5"')
    report = import_sources([Source("cartolibre.yml", changed)], portal)
    page.refresh_from_db()
    assert page.tagline == "Accroche réécrite par l'éditeur." and page.software_version == "2.5"
    assert [(c.field, c.editor_value) for c in report.conflicts] == [
        ("tagline", "Accroche réécrite par l'éditeur.")]


def test_dry_run_writes_nothing(portal):
    before = counts()
    report = import_sources([fixture("cartolibre.yml")], portal, dry_run=True)
    assert len(report.created) == 1 and counts() == before


# Real files (/work/shared/data/publiccode): each either imports, or is refused for a violation
# of the standard that italia/publiccode-parser-go reports too (see docs/interop.md).
REFUSED = {
    "AI-Riksarkivet__htrflow.yml": {"maintenance.contacts"},
    "Aitema-gmbh__ratsinformationssystem.yml": {"categories[0]", "maintenance.type"},
    "CS78-open__chiaro-referto.yml": {"categories[0]", "categories[1]", "description.it",
                                      "description", "maintenance", "localisation"},
    "CodeForBaltimore__Bmore-Responsive.yml": {"categories[0]", "developmentStatus",
                                               "localisation.localisationReady"},
    "GouvernementFR__dsfr.yml": {"platforms", "fundedBy[0].uri", "developmentStatus", "description"},
    "numerique-gouv__django-dsfr.yml": {"roadmap", "platforms", "fundedBy[0].uri",
                                        "developmentStatus", "softwareType", "description",
                                        "maintenance.contacts[0].name", "localisation"},
    "numerique-gouv__sites-faciles.yml": {"description"},
    "open-formulieren__open-forms.yml": {"maintenance.contractors[0].until"},
}


@pytest.mark.skipif(not REAL_FILES.is_dir(), reason="shared sample files absent")
def test_real_files_import_or_are_refused_for_a_real_violation(portal):
    files = sorted(REAL_FILES.glob("*.yml"))
    assert len(files) >= 27
    for path in files:
        source = Source(path.name, path.read_bytes())
        report = import_sources([source], portal, dry_run=True)
        assert {p.path for p in report.rejected} == REFUSED.get(path.name, set()), path.name
        if path.name not in REFUSED:
            assert len(report.created) == 1, path.name
