"""``manage.py create_portal``: the portal home, its parcours page and one listing per feature."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from numerique_ouvert.core.features import get_features
from numerique_ouvert.core.models import PortalHomePage


class Command(BaseCommand):
    """What an integrator would otherwise click in the admin (docs/installation.md, step 4).

    Idempotent: a site whose root page is already a portal home keeps it, and only the
    listings missing under it are added. Existing pages are never changed nor deleted.
    """

    help = ("Crée l'accueil du portail à la racine de l'arborescence, en fait la page racine du "
            "site par défaut (ou d'un nouveau site avec --hostname), puis ajoute sous lui la page "
            "du parcours et une liste par fonctionnalité installée et activée. Relancée, ne crée "
            "que ce qui manque.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--title", default=_("Numérique ouvert"),
                            help="Titre de l'accueil du portail (par défaut : « Numérique ouvert »).")
        parser.add_argument("--slug", help="Segment d'adresse de l'accueil (par défaut : tiré du titre).")
        parser.add_argument("--hostname",
                            help="Crée (ou complète) un site Wagtail pour ce nom d'hôte au lieu "
                                 "de changer la page racine du site par défaut.")
        parser.add_argument("--port", type=int, default=80, help="Port du site de --hostname (80).")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            site, home, created = self.get_or_create_home(options)
            listings = self.create_listings(home)
        message = (_("Accueil du portail « %(title)s » créé, page racine du site %(site)s.")
                   if created else
                   _("Accueil du portail « %(title)s » déjà en place, page racine du site %(site)s."))
        self.stdout.write(self.style.SUCCESS(
            message % {"title": home.title, "site": f"{site.hostname}:{site.port}"}))
        for page in listings:
            self.stdout.write(_("  créée : %(title)s (%(path)s)")
                              % {"title": page.title, "path": page.url_path})
        if not listings:
            self.stdout.write(_("  aucune page à ajouter."))

    def get_or_create_home(self, options: dict[str, Any]) -> tuple[Site, PortalHomePage, bool]:
        hostname = options["hostname"]
        if hostname:
            site = Site.objects.filter(hostname=hostname, port=options["port"]).first()
        else:
            site = Site.objects.filter(is_default_site=True).first()
        if site is not None and isinstance(site.root_page.specific, PortalHomePage):
            return site, site.root_page.specific, False

        root = Page.get_first_root_node()
        slug = options["slug"] or slugify(options["title"])
        taken = root.get_children().filter(slug=slug).first()
        if taken is not None:
            raise CommandError(
                _("Une page « %(title)s » porte déjà le segment « %(slug)s » à la racine de "
                  "l'arborescence : choisissez-en un autre avec --slug.")
                % {"title": taken.title, "slug": slug})
        home = PortalHomePage(title=options["title"], slug=slug)
        root.add_child(instance=home)
        home.save_revision().publish()

        if site is None:
            site = Site.objects.create(
                hostname=hostname or "localhost", port=options["port"], root_page=home,
                site_name=options["title"], is_default_site=not Site.objects.exists())
        else:
            # The previous root page stays in the tree (it may hold content): only the site
            # now starts at the portal home.
            site.root_page = home
            site.save()
        return site, home, True

    def create_listings(self, home: PortalHomePage) -> list[Page]:
        """The parcours page, then one listing per installed feature (in feature order) that may
        be created under the home page and is not there yet; all shown in the main menu."""
        candidates: list[tuple[type[Page], str]] = []
        if apps.is_installed("numerique_ouvert.parcours"):
            from numerique_ouvert.parcours.models import ParcoursPage

            candidates.append((ParcoursPage, _("Le parcours")))
        for feature in get_features():
            models = [model for model in feature.get_models() if _is_listing(model)]
            for model in models:
                title = feature.feature_label if len(models) == 1 else model._meta.verbose_name
                candidates.append((model, str(title)[:1].upper() + str(title)[1:]))

        existing = {child.specific_class for child in home.get_children()}
        created = []
        for model, title in candidates:
            # can_create_at also says no for a feature switched off on this site.
            if model in existing or not model.can_create_at(home):
                continue
            page = model(title=title, slug=_free_slug(home, slugify(title)), show_in_menus=True)
            home.add_child(instance=page)
            page.save_revision().publish()
            created.append(page)
        return created


def _is_listing(model: type) -> bool:
    """A concrete page type that may sit directly under the portal home."""
    return (issubclass(model, Page) and not model._meta.abstract and model.is_creatable
            and PortalHomePage in model.allowed_parent_page_models())


def _free_slug(parent: Page, slug: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
