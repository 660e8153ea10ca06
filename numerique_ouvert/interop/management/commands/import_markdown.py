"""``import_markdown``: Markdown files with YAML front matter -> guide pages (docs/interop.md)."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from ...markdown import MarkdownImporter
from ...sources import is_url
from ..base import ImportCommand


class Command(ImportCommand):
    help = _("Importe des guides Markdown avec front matter YAML : fichier, dossier (récursif) "
             "ou adresse http(s). Les images citées sont lues à côté des fichiers.")

    def handle(self, *args, **options):
        local = [Path(arg).resolve() for arg in options["sources"] if not is_url(arg)]
        folders = [path if path.is_dir() else path.parent for path in local]
        self.image_root = Path(os.path.commonpath(folders)) if folders else None
        return super().handle(*args, **options)

    # ImportCommand.handle() calls self.importer_class(): a method here, so the importer reads
    # images only under the folder(s) given on the command line.
    def importer_class(self):
        return MarkdownImporter(image_root=getattr(self, "image_root", None))
