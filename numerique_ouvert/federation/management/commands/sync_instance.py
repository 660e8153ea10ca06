"""manage.py sync_instance URL | --all: pull the commons and events of other instances."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from numerique_ouvert.federation.models import FederationSource, normalise_base_url
from numerique_ouvert.federation.sync import sync_source


class Command(BaseCommand):
    help = ("Synchronise les communs et événements d’un autre portail numerique-ouvert (ou de "
            "toutes les sources actives avec --all) ; crée la source si elle n’existe pas.")

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="adresse du portail source")
        parser.add_argument("--all", action="store_true", help="toutes les sources actives")
        parser.add_argument("--name", help="nom de la source (à sa création)")
        parser.add_argument("--parent-communs", type=int, metavar="ID",
                            help="liste des communs sous laquelle créer les références")
        parser.add_argument("--parent-events", type=int, metavar="ID",
                            help="liste des événements sous laquelle créer les références")
        parser.add_argument("--dry-run", action="store_true",
                            help="montre ce qui serait fait, sans rien écrire")
        parser.add_argument("--full", action="store_true",
                            help="relit chaque page en entier, même inchangée dans la liste")

    def handle(self, *args, **options):
        if options["all"] == bool(options["url"]):
            raise CommandError("Donnez une adresse, ou --all.")
        if options["all"]:
            sources = list(FederationSource.objects.filter(enabled=True))
        else:
            sources = [self.source_for(options)]
        failed = False
        for source in sources:
            report = sync_source(source, dry_run=options["dry_run"], full=options["full"])
            self.stdout.write(report.summary())
            for note in report.notes:
                self.stdout.write(f"  {note}")
            for error in report.errors:
                self.stdout.write(f"  {error['kind']} #{error['id']} « {error['title']} » : "
                                  f"{error['field']} : {error['reason']}")
            if report.interrupted:
                failed = True
                self.stderr.write(f"  Interrompue : {report.interrupted} — relancez la commande "
                                  "pour reprendre.")
        if failed:
            raise CommandError("Au moins une synchronisation a été interrompue.")

    def source_for(self, options) -> FederationSource:
        try:
            base_url = normalise_base_url(options["url"])
        except ValidationError as error:
            raise CommandError(f"{options['url']} : {' '.join(error.messages)}") from error
        source = FederationSource.objects.filter(base_url=base_url).first()
        if source is None:
            source = FederationSource(base_url=base_url, name=options["name"] or base_url)
        elif options["name"]:
            source.name = options["name"]
        for option, field in (("parent_communs", "communs_parent"), ("parent_events", "events_parent")):
            if options[option] is not None:
                page = Page.objects.filter(pk=options[option]).first()
                if page is None:
                    raise CommandError(f"--{option.replace('_', '-')} {options[option]} : "
                                       "aucune page ne porte cet identifiant.")
                setattr(source, field, page)
        try:
            source.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(f"{k} : {' '.join(v)}"
                                         for k, v in error.message_dict.items())) from error
        if source.communs_parent_id is None and source.events_parent_id is None:
            raise CommandError("Choisissez où créer les références : --parent-communs ID et/ou "
                               "--parent-events ID (pages de liste de ce portail).")
        if not options["dry_run"] or source.pk:
            source.save()
        return source
