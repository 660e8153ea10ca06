"""``manage.py load_demo``: a complete demo portal for every installed feature, idempotently."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from ...builder import Demo


class Command(BaseCommand):
    """Builds the demo in one transaction; a site extends it by overriding :meth:`build`.

    A site's own app can ship a ``load_demo`` command that subclasses this one (Django runs the
    command of the app listed first in ``INSTALLED_APPS``); see ``example_site/ministry``.
    """

    help = ("Crée un portail de démonstration complet (accueil, guides, événements, communs, "
            "témoignages) pour les fonctionnalités installées ; ne duplique rien s'il est "
            "relancé.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="N'affiche pas le bilan.")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            demo = Demo.start()
            self.build(demo)
            # Once the French tree is complete (a site's own pages included): its English
            # translation under /en/, when the site translates its content.
            from ...content.english import build_english

            build_english(demo)
        if not options["quiet"]:
            title = "Démonstration chargée" if demo.log.total_created else "Démonstration déjà en place"
            self.stdout.write(self.style.SUCCESS(f"{title} :"))
            for line in demo.log.lines():
                self.stdout.write(line)

    def build(self, demo: Demo) -> None:
        """Each step adds its pages to ``demo``; features not installed are skipped, and so are
        the cross-links that would point to them."""
        from ...content import site

        site.build_home(demo)
        site.build_parcours(demo)
        if apps.is_installed("numerique_ouvert.guides"):
            from ...content.guides import build_guides

            build_guides(demo)
        if apps.is_installed("numerique_ouvert.events"):
            from ...content.events import build_events

            build_events(demo)
        if apps.is_installed("numerique_ouvert.communs"):
            from ...content.communs import build_communs

            build_communs(demo)
        if apps.is_installed("numerique_ouvert.guides"):
            from ...content.guides import link_guides

            link_guides(demo)
        if apps.is_installed("numerique_ouvert.testimonies"):
            from ...content.testimonies import build_testimonies

            build_testimonies(demo)
        if apps.is_installed("numerique_ouvert.parcours_map"):
            from ...parcours_map import build_parcours_map

            build_parcours_map(demo)
        site.build_site_pages(demo)
        site.build_settings(demo)
