"""Shared by the publiccode.yml tests: fixture files and one-call imports."""

from __future__ import annotations

from pathlib import Path

from wagtail.models import Page, Revision

from numerique_ouvert.communs.models import CommunContact, PublicActor
from numerique_ouvert.interop.base import run_import
from numerique_ouvert.interop.models import ImportRecord
from numerique_ouvert.interop.publiccode import PubliccodeImporter
from numerique_ouvert.interop.sources import Source

FIXTURES = Path(__file__).parent / "fixtures" / "publiccode"
REAL_FILES = Path("/work/shared/data/publiccode")


def fixture(name: str) -> Source:
    return Source(name, (FIXTURES / name).read_bytes())


def import_sources(sources, portal, **options):
    options.setdefault("dry_run", False)
    options.setdefault("publish", True)
    return run_import(PubliccodeImporter(), list(sources), parent=portal.communs, **options)


def counts():
    return (Page.objects.count(), PublicActor.objects.count(), Revision.objects.count(),
            ImportRecord.objects.count(), CommunContact.objects.count())
