"""The base of the ``import_*`` commands: sources, options, progress on stderr and the report."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..base import Importer, ImportFileError, default_parent, run_import
from ..report import report_lines
from ..sources import read_sources


def find_parent(value: str) -> Page:
    """A page given by its id or its URL path ("/communs/")."""
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
    else:
        path = "/" + value.strip("/") + "/" if value.strip("/") else "/"
        candidates = list(Page.objects.filter(url_path__endswith=path).order_by("depth")[:20])
        page = next((p for p in candidates if p.get_url() == path),
                    candidates[0] if candidates else None)
    if page is None:
        raise CommandError(_("Page parente introuvable : %(value)s") % {"value": value})
    return page.specific


class ImportCommand(BaseCommand):
    """Subclasses set ``importer_class``; ``patterns`` defaults to the importer's."""

    importer_class: type[Importer]
    help = "Importe des fichiers (fichier, dossier ou adresse http(s))."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+",
                            help=_("fichiers, dossiers (parcourus récursivement) ou adresses http(s)"))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("tout vérifier et afficher le rapport sans rien enregistrer"))
        parser.add_argument("--parent", help=_("page parente des nouvelles pages : identifiant ou "
                                               "chemin (/communs/) ; par défaut la première qui convient"))
        parser.add_argument("--publish", action="store_true",
                            help=_("publier les pages créées ou mises à jour (sinon : brouillons)"))
        parser.add_argument("--user", help=_("identifiant de l'utilisateur à qui attribuer les révisions"))

    def handle(self, *args, **options):
        importer = self.importer_class()
        parent = find_parent(options["parent"]) if options["parent"] else None
        if parent is None and importer.page_model is not None:
            parent = default_parent(importer.page_model)
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(
                **{get_user_model().USERNAME_FIELD: options["user"]}).first()
            if user is None:
                raise CommandError(_("Utilisateur introuvable : %(user)s") % {"user": options["user"]})
        sources, unreadable = [], []
        for arg in options["sources"]:
            try:
                sources.extend(read_sources(arg, importer.patterns))
            except ImportFileError as error:
                unreadable.append(error)
        report = run_import(importer, sources, parent=parent, dry_run=options["dry_run"],
                            publish=options["publish"], user=user, progress=self.progress)
        for error in unreadable:
            report.rejected.extend(error.problems)
            report.rejected_sources.append(error.source)
        self.stderr.write("")
        for line in report_lines(report):
            self.stdout.write(line)
        if not report.ok:
            raise CommandError(_("%(count)d fichier(s) refusé(s) : rien n'a été écrit pour eux.")
                               % {"count": len(report.rejected_sources)}, returncode=1)

    def progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()
