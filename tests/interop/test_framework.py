"""The import framework (run_import) with a minimal importer: transactions, idempotence, drafts,
three-way merge with the editor's changes, limits and sources."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from wagtail.models import Page, Revision

from numerique_ouvert.communs.models import CommunPage, PublicActor
from numerique_ouvert.interop.base import (
    Importer,
    ImportFileError,
    Item,
    Problem,
    run_import,
)
from numerique_ouvert.interop.models import ImportRecord
from numerique_ouvert.interop.sources import Source, read_sources


class JsonCommonsImporter(Importer):
    """A list of {"id", "title", "website", "actors"} objects: enough to drive run_import."""

    format = "test-json"
    patterns = ("*.json",)
    page_model = CommunPage

    def parse(self, source):
        data = json.loads(source.content)
        problems = [Problem(source.name, f"[{i}].title", "obligatoire")
                    for i, entry in enumerate(data) if not entry.get("title")]
        if problems:
            raise ImportFileError(source.name, problems)
        return [Item(key=entry["id"], page_model=CommunPage,
                     fields={"title": entry["title"], "website": entry.get("website", ""),
                             "description": [{"type": "paragraph",
                                              "value": f"<p>{entry.get('text', '')}</p>"}]},
                     tags=entry.get("tags", []),
                     actors=[(name, "uses") for name in entry.get("actors", [])])
                for entry in data]


def source(entries, name="communs.json") -> Source:
    return Source(name, json.dumps(entries).encode())


def run(entries, portal, **options):
    options.setdefault("dry_run", False)
    options.setdefault("publish", False)
    return run_import(JsonCommonsImporter(), [source(entries)], parent=portal.communs, **options)


ENTRY = {"id": "a", "title": "Alpha", "website": "https://alpha.example", "text": "Texte",
         "tags": ["carto"], "actors": ["Ministère A"]}


def counts():
    return (Page.objects.count(), PublicActor.objects.count(), Revision.objects.count(),
            ImportRecord.objects.count())


def test_new_pages_are_drafts_with_their_relations(portal):
    report = run([ENTRY], portal)
    assert [r.key for r in report.created] == ["a"]
    page = CommunPage.objects.get(title="Alpha")
    assert not page.live and page.website == "https://alpha.example"
    assert [t.name for t in page.tags.all()] == ["carto"]
    assert [(r.actor.name, r.relation) for r in page.actor_relations.all()] == [("Ministère A", "uses")]
    assert page.get_parent().pk == portal.communs.pk


def test_publish_option_publishes_new_pages(portal):
    run([ENTRY], portal, publish=True)
    assert CommunPage.objects.get(title="Alpha").live


def test_importing_twice_creates_and_updates_nothing(portal):
    run([ENTRY], portal)
    before = counts()
    report = run([ENTRY], portal)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 1)
    assert counts() == before


def test_a_changed_source_updates_the_fields_the_editor_left_alone(portal):
    run([ENTRY], portal, publish=True)
    report = run([{**ENTRY, "website": "https://alpha.example/v2"}], portal, publish=True)
    assert report.updated[0].fields == ("website",)
    assert CommunPage.objects.get(title="Alpha").website == "https://alpha.example/v2"


def test_an_update_of_a_live_page_without_publish_waits_in_a_draft(portal):
    run([ENTRY], portal, publish=True)
    report = run([{**ENTRY, "website": "https://alpha.example/v2"}], portal)
    page = CommunPage.objects.get(title="Alpha")
    assert page.live and page.website == "https://alpha.example"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().website == "https://alpha.example/v2"
    assert "brouillon" in report.updated[0].note


def test_editor_change_is_kept_and_conflict_reported(portal):
    run([ENTRY], portal, publish=True)
    page = CommunPage.objects.get(title="Alpha")
    page.website = "https://edited.example"
    page.save_revision().publish()
    report = run([{**ENTRY, "website": "https://alpha.example/v2", "text": "Nouveau"}], portal,
                 publish=True)
    page.refresh_from_db()
    assert page.website == "https://edited.example"
    assert [(c.field, c.editor_value, c.incoming_value) for c in report.conflicts] == [
        ("website", "https://edited.example", "https://alpha.example/v2")]
    assert report.updated[0].fields == ("description",)  # the editor left that one alone


def test_editor_change_survives_a_reimport_of_the_same_source(portal):
    run([ENTRY], portal, publish=True)
    page = CommunPage.objects.get(title="Alpha")
    page.website = "https://edited.example"
    page.save_revision().publish()
    report = run([ENTRY], portal, publish=True)
    assert not report.conflicts and len(report.unchanged) == 1
    page.refresh_from_db()
    assert page.website == "https://edited.example"


def test_a_bad_file_writes_nothing(portal):
    before = counts()
    report = run([ENTRY, {"id": "b", "title": ""}], portal)
    assert report.rejected == [Problem("communs.json", "[1].title", "obligatoire")]
    assert counts() == before


def test_a_page_refused_on_save_rolls_the_whole_file_back(portal):
    before = counts()
    report = run([ENTRY, {"id": "b", "title": "Bêta", "website": "pas une adresse"}], portal)
    assert report.rejected_sources == ["communs.json"]
    assert any("website" in p.path for p in report.rejected)
    assert counts() == before


def test_duplicate_keys_are_rejected(portal):
    report = run([ENTRY, ENTRY], portal)
    assert report.rejected[0].path == "[1]"
    assert not CommunPage.objects.exists()


def test_dry_run_reports_and_writes_nothing(portal):
    before = counts()
    report = run([ENTRY], portal, dry_run=True)
    assert report.dry_run and [r.key for r in report.created] == ["a"]
    assert counts() == before


@override_settings(NUMERIQUE_OUVERT={"INTEROP_MAX_ITEMS": 1})
def test_too_many_items_rejects_the_file(portal):
    report = run([ENTRY, {**ENTRY, "id": "b", "title": "B"}], portal)
    assert "2 éléments" in report.rejected[0].message
    assert not CommunPage.objects.exists()


@override_settings(NUMERIQUE_OUVERT={"INTEROP_MAX_FILE_BYTES": 50})
def test_too_large_file_is_rejected(portal, tmp_path):
    (tmp_path / "big.json").write_text(json.dumps([ENTRY]))
    sources = read_sources(str(tmp_path), ("*.json",))
    assert len(sources[0].content) == 51  # read up to the limit, not the whole file
    report = run_import(JsonCommonsImporter(), sources, parent=portal.communs, dry_run=False,
                        publish=False)
    assert "taille maximale" in report.rejected[0].message
    assert not CommunPage.objects.exists()


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(ImportFileError) as error:
        read_sources(str(tmp_path / "absent.json"), ("*.json",))
    assert "n’existe pas" in error.value.problems[0].message


def test_a_deleted_page_is_created_again(portal):
    run([ENTRY], portal)
    CommunPage.objects.get(title="Alpha").delete()
    report = run([ENTRY], portal)
    assert len(report.created) == 1
