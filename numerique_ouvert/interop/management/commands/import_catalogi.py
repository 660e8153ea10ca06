"""``import_catalogi``: SILL / Catalogi JSON exports -> software commons (see docs/interop.md)."""

from django.utils.translation import gettext_lazy as _

from ...catalogi import DEFAULT_DETAIL_URL, DEFAULT_ORIGIN, CatalogiImporter
from ..base import ImportCommand


class Command(ImportCommand):
    help = _("Importe un export JSON du SILL ou de Catalogi (sill.json, catalogi.json v1 ou v2, "
             "compiledData) : fichier, dossier ou adresse http(s).")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--catalogue", default=DEFAULT_ORIGIN,
            help=_("nom court du catalogue, préfixe des clés (« sill » : sill:123) ; deux "
                   "catalogues différents ne se mélangent pas"))
        parser.add_argument(
            "--detail-url", default=DEFAULT_DETAIL_URL,
            help=_("adresse de la fiche d'un logiciel dans le catalogue, {id} remplacé par son "
                   "identifiant"))

    def handle(self, *args, **options):
        self.importer_options = {"origin": options["catalogue"],
                                 "detail_url": options["detail_url"]}
        return super().handle(*args, **options)

    # ImportCommand.handle() calls self.importer_class(): a method here, so the importer gets the
    # command's options.
    def importer_class(self):
        return CatalogiImporter(**getattr(self, "importer_options", {}))
