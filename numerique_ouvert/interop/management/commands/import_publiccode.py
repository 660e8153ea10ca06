"""manage.py import_publiccode: publiccode.yml files (a file, a folder, an http(s) URL) as commons."""

from numerique_ouvert.interop.management.base import ImportCommand
from numerique_ouvert.interop.publiccode import PubliccodeImporter


class Command(ImportCommand):
    help = ("Importe des fichiers publiccode.yml (fichier, dossier parcouru récursivement ou "
            "adresse http(s)) comme communs numériques, en brouillon sauf --publish.")
    importer_class = PubliccodeImporter
