"""``manage.py load_demo``: a complete demo portal for every installed feature, idempotently."""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from numerique_ouvert.parcours.models import ParcoursStage

from ...builder import Report


class Command(BaseCommand):
    help = ("Crée un portail de démonstration complet (accueil, guides, événements, communs, "
            "témoignages) ; sans effet sur ce qui existe déjà.")

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="N'affiche pas le bilan.")

    def handle(self, *args, **options):
        report = Report()
        with transaction.atomic():
            self.build(report)
        if not options["quiet"]:
            self.stdout.write(self.style.SUCCESS("Démonstration prête :"))
            for line in report.lines():
                self.stdout.write(line)

    def build(self, report: Report) -> dict:
        """Build the demo; subclasses (a site's own command) extend the returned pages."""
        from ...content.site import build_home, build_settings, build_site_pages

        home = build_home(report)
        stages = {stage.slug: stage for stage in ParcoursStage.objects.all()}
        built: dict = {"home": home, "stages": stages}
        if apps.is_installed("numerique_ouvert.guides"):
            from ...content.guides import build_guides

            built["guides"] = build_guides(home, stages, report)
        if apps.is_installed("numerique_ouvert.events"):
            from ...content.events import build_events

            built["events"] = build_events(home, stages, report)
        if apps.is_installed("numerique_ouvert.communs"):
            from ...content.communs import build_communs

            built["communs"] = build_communs(home, stages, report)
        if "guides" in built:
            from ...content.guides import link_guides

            events, communs = built.get("events", {}), built.get("communs", {})
            guides = built["guides"]
            link_guides(guides, {
                "choisir": [communs.get("umap"), communs.get("primtux"), events.get("atelier")],
                "contribuer": [communs.get("open-food-facts"), guides.get("ouvrir")],
                "ouvrir": [events.get("webinaire"), guides.get("contribuer")],
                "comprendre": [events.get("rno"), guides.get("choisir")],
            })
        if apps.is_installed("numerique_ouvert.testimonies"):
            from ...content.testimonies import build_testimonies

            related = {**built.get("events", {}), **built.get("communs", {})}
            if "guides" in built:
                related["guide_ouvrir"] = built["guides"]["ouvrir"]
            build_testimonies(home, stages, related, report)
        build_settings(home, build_site_pages(home, report))
        return built
