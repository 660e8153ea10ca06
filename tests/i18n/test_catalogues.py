"""The translation catalogues are complete, compiled, and the check catches what is not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "check_messages.py"
PACKAGE_LOCALE = ROOT / "numerique_ouvert" / "core" / "locale"

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext missing")


def run_check(*locale_dirs: Path) -> subprocess.CompletedProcess:
    args = [arg for path in locale_dirs for arg in ("--locale-dir", str(path))]
    return subprocess.run([sys.executable, str(SCRIPT), "check", *args], capture_output=True,
                          text=True)


def test_committed_catalogues_pass_the_check():
    result = run_check(PACKAGE_LOCALE, ROOT / "example_site" / "locale")
    assert result.returncode == 0, result.stderr


def test_the_english_catalogue_translates_every_entry():
    po = polib.pofile(str(PACKAGE_LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 600
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()


def test_the_shipped_mo_translates_the_interface_into_english():
    with translation.override("en"):
        assert gettext("Rechercher dans le portail") == "Search the portal"
    with translation.override("fr"):
        assert gettext("Rechercher dans le portail") == "Rechercher dans le portail"


def copy_of_catalogues(tmp_path: Path) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(PACKAGE_LOCALE, copy)
    return copy


def test_a_fuzzy_entry_fails_the_check(tmp_path):
    copy = copy_of_catalogues(tmp_path)
    po_path = copy / "en" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    entry = po.find("Rechercher dans le portail")
    entry.flags.append("fuzzy")
    po.save()

    result = run_check(copy)

    assert result.returncode == 1
    assert "'Rechercher dans le portail' is fuzzy" in result.stderr
    # The .mo no longer matches what the .po compiles to (fuzzy entries are left out).
    assert "django.mo is stale" in result.stderr


def test_a_missing_translation_and_a_stale_mo_fail_the_check(tmp_path):
    copy = copy_of_catalogues(tmp_path)
    po_path = copy / "en" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    po.find("Rechercher dans le portail").msgstr = ""
    po.save()

    result = run_check(copy)

    assert result.returncode == 1
    assert "'Rechercher dans le portail' is not translated" in result.stderr
    assert "django.mo is stale" in result.stderr


def test_a_placeholder_that_differs_fails_the_check(tmp_path):
    copy = copy_of_catalogues(tmp_path)
    po_path = copy / "en" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    po.find("Relu le %(date)s").msgstr = "Reviewed on %(day)s"
    po.save()

    result = run_check(copy)

    assert result.returncode == 1
    assert "msgfmt --check fails" in result.stderr
