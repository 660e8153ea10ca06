"""The portal's home page, its mandatory pages and its settings (branding, footer)."""

from __future__ import annotations

from wagtail.models import Page, Site

from numerique_ouvert.core.models import (
    AccessibilityStatementPage,
    ContentPage,
    PersonalDataPage,
    PortalHomePage,
    PortalSettings,
)
from numerique_ouvert.parcours.models import ParcoursPage

from ..builder import Demo, get_or_create_page
from ..images import get_or_create_image
from . import legal

HOME_SLUG = "numerique-ouvert"
HOME_INTRO = (
    "Guides pratiques, rendez-vous de la communauté, communs numériques et récits d'agents : "
    "tout ce qu'il faut pour avancer sur le parcours du numérique ouvert, de la découverte du "
    "logiciel libre à l'ouverture de ses propres projets."
)
# Label shown in the footer for the extra link, by the index page it points to.
FOOTER_LINK_LABELS = {"testimonies": "Témoigner", "events": "Agenda", "guides": "Guides pratiques",
                      "communs": "Communs numériques"}


def build_home(demo: Demo) -> PortalHomePage:
    """The portal home as root of the default site, in place of Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    current = site.root_page.specific if site else None
    if isinstance(current, PortalHomePage):  # a portal is already in place: build inside it
        demo.log.count(PortalHomePage._meta.verbose_name_plural, created=False)
        demo.home = current
        return current
    root = Page.get_first_root_node()
    home = get_or_create_page(
        demo.log, root, PortalHomePage, HOME_SLUG,
        title="Numérique ouvert", intro=HOME_INTRO, show_parcours=True,
        hero_image=get_or_create_image(
            demo.log, "Bannière : Numérique ouvert", text="Numérique ouvert", colour=0,
            description="Bandeau bleu au titre « Numérique ouvert », traversé par une ligne "
                        "reliant cinq étapes."),
    )
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                            site_name="Numérique ouvert")
    else:
        previous = site.root_page
        site.root_page = home
        site.site_name = site.site_name or "Numérique ouvert"
        site.save()
        if _is_wagtail_welcome_page(previous, site):
            previous.delete()
    demo.home = home
    return home


PARCOURS_INTRO = (
    "Où en êtes-vous avec le numérique ouvert ? Choisissez une étape : vous y trouverez les "
    "guides, les rendez-vous, les communs et les récits qui s'y rapportent."
)


def build_parcours(demo: Demo) -> ParcoursPage:
    """The parcours hub, first entry of the menu: one page per stage, built from the stages."""
    hub = get_or_create_page(demo.log, demo.home, ParcoursPage, "parcours",
                             title="Le parcours", intro=PARCOURS_INTRO, show_in_menus=True)
    demo.indexes["parcours"] = hub
    return hub


def _is_wagtail_welcome_page(page: Page, site: Site) -> bool:
    """Wagtail's initial migration creates a plain ``Page`` with no content under the root;
    anything else (a real page, a page with children, another site's root) is left alone."""
    return (page.depth == 2 and page.specific_class is Page and page.numchild == 0
            and not Site.objects.exclude(pk=site.pk).filter(root_page=page).exists())


def build_site_pages(demo: Demo) -> dict[str, Page]:
    """Accessibility, legal notice, personal data and sitemap pages, kept out of the menus."""
    home, log = demo.home, demo.log
    pages = {
        # A draft statement in the RGAA template: the sections only the administration can
        # fill in (audit, contact) say "À compléter" until an editor does.
        "accessibility": get_or_create_page(
            log, home, AccessibilityStatementPage, "accessibilite",
            title="Déclaration d'accessibilité",
            tagline="Ce que ce portail respecte du RGAA, ce qu'il ne respecte pas encore, et "
                    "comment nous signaler une difficulté.",
            entity_name="Le ministère de l'Exemple (fictif)",
            conformity_status="partial",
            technologies="HTML\nCSS (système de design de l'État)\nJavaScript",
            tools="Tests automatisés : axe-core dans Chromium, sur chaque type de page, en "
                  "modes clair et sombre"),
        "legal": get_or_create_page(
            log, home, ContentPage, "mentions-legales", title="Mentions légales",
            tagline="Qui publie ce portail, qui l'héberge et comment réutiliser ses contenus.",
            body=legal.legal_notice_body()),
        "personal_data": get_or_create_page(
            log, home, PersonalDataPage, "donnees-personnelles", title="Données personnelles",
            tagline="Ce que le portail garde quand vous témoignez, pourquoi, et vos droits.",
            controller="Ministère de l'Exemple (fictif), direction du numérique",
            rights_contact="Écrivez au délégué à la protection des données du ministère, en "
                           "citant le témoignage concerné. Adresse postale et formulaire de "
                           "contact : [à compléter].",
            body=legal.personal_data_body()),
    }
    sections = [demo.indexes[key] for key in ("parcours", "guides", "events", "communs",
                                              "testimonies")
                if key in demo.indexes]
    pages["sitemap"] = get_or_create_page(
        log, home, ContentPage, "plan-du-site", title="Plan du site",
        body=legal.sitemap_body(home, sections, list(pages.values())))
    demo.site_pages.update(pages)
    return pages


def build_settings(demo: Demo) -> PortalSettings:
    """Branding and footer of the default site; left alone once an administrator has set them."""
    site = Site.objects.get(root_page=demo.home)
    portal = PortalSettings.for_site(site)
    if portal.accessibility_page_id:
        demo.log.count(PortalSettings._meta.verbose_name_plural, created=False)
        return portal
    pages = demo.site_pages
    portal.brand_lines = "Ministère\nde l'Exemple"
    portal.site_title = "Numérique ouvert"
    portal.site_tagline = "Logiciels libres et communs numériques dans l'administration"
    portal.footer_description = (
        "Portail de démonstration de numerique-ouvert, publié par un ministère fictif : guides, "
        "événements, communs numériques et témoignages pour avancer ensemble sur le parcours du "
        "numérique ouvert.")
    portal.accessibility_status = "partial"
    portal.accessibility_page = pages["accessibility"]
    portal.legal_notice_page = pages["legal"]
    portal.personal_data_page = pages["personal_data"]
    portal.sitemap_page = pages["sitemap"]
    portal.footer_links = [("link", _footer_link(demo))]
    portal.save()
    demo.log.count(PortalSettings._meta.verbose_name_plural, created=True)
    return portal


def _footer_link(demo: Demo) -> dict:
    for key, label in FOOTER_LINK_LABELS.items():
        if key in demo.indexes:
            return {"label": label, "page": demo.indexes[key], "url": ""}
    return {"label": "Réutiliser les contenus", "page": demo.site_pages["legal"], "url": ""}
