"""manage.py import_publiccode: a file, a folder, --dry-run, --parent, --publish, the report and
the exit status."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from numerique_ouvert.communs.models import CommunPage

from .publiccode_helpers import FIXTURES, counts


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_publiccode", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_file_becomes_a_draft_commun_with_a_report_and_progress(portal):
    out, err = run(str(FIXTURES / "cartolibre.yml"))
    assert "1 créé(s)" in out and "CartoLibre" in out
    assert "1/1" in err  # the progress bar
    page = CommunPage.objects.get()
    assert not page.live and page.get_parent().pk == portal.communs.pk


def test_dry_run_writes_nothing(portal):
    before = counts()
    out, _err = run(str(FIXTURES / "cartolibre.yml"), "--dry-run")
    assert out.startswith("Simulation") and counts() == before


def test_publish_and_parent_by_url_path(portal):
    run(str(FIXTURES / "cartolibre.yml"), "--publish", "--parent", portal.communs.url)
    assert CommunPage.objects.get().live


def test_a_folder_with_a_bad_file_imports_the_good_one_and_exits_non_zero(portal, tmp_path):
    shutil.copy(FIXTURES / "cartolibre.yml", tmp_path / "publiccode.yml")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "invalid.yml", tmp_path / "sub" / "publiccode.yml")
    with pytest.raises(CommandError) as error:
        run(str(tmp_path))
    assert error.value.returncode == 1
    assert CommunPage.objects.count() == 1


def test_a_missing_path_is_reported(portal, tmp_path):
    with pytest.raises(CommandError):
        run(str(tmp_path / "absent.yml"))
    assert not CommunPage.objects.exists()


def test_unknown_parent_is_a_clear_error(portal):
    with pytest.raises(CommandError, match="Page parente introuvable"):
        run(str(FIXTURES / "cartolibre.yml"), "--parent", "999999")
