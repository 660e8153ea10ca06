"""Demo home page, portal settings and the pages every portal needs (accessibility, legal…)."""

from __future__ import annotations

from wagtail.models import Page, Site

from numerique_ouvert.core.models import ContentPage, PortalHomePage, PortalSettings

from ..builder import Report, callout, get_or_create_page, heading, paragraph
from ..images import get_or_create_image

HOME_INTRO = (
    "Ce portail rassemble ce qu'il faut pour avancer dans le numérique ouvert : des guides "
    "pratiques, les prochains rendez-vous de la communauté, les communs numériques sur lesquels "
    "l'administration s'appuie et les récits des agents qui les font vivre."
)


def build_home(report: Report) -> PortalHomePage:
    """The portal home, made the root of the default site (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    home = PortalHomePage.objects.filter(depth=2).first()
    if home is None:
        home = PortalHomePage(
            title="Numérique ouvert", slug="numerique-ouvert", intro=HOME_INTRO,
            hero_image=get_or_create_image("Bannière du portail", index=0,
                                           text="Numérique ouvert"),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        report.count("accueils du portail", created=True)
    else:
        report.count("accueils du portail", created=False)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                                   site_name="Numérique ouvert")
    elif site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's initial "Welcome" page is a plain Page with no content: remove it.
        if type(previous.specific) is Page and previous.depth == 2 and not previous.numchild:
            previous.delete()
    return home


def build_site_pages(home: PortalHomePage, report: Report) -> dict[str, ContentPage]:
    pages = {}
    pages["accessibility"] = get_or_create_page(
        home, ContentPage, "accessibilite", report, title="Déclaration d'accessibilité",
        tagline="Brouillon à compléter par l'administration qui publie ce portail.",
        body=[
            callout("Modèle à compléter", "Les passages entre crochets sont à remplacer après "
                    "l'audit RGAA du site."),
            paragraph("[Nom de l'administration] s'engage à rendre ce portail accessible "
                      "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005."),
            heading("État de conformité"),
            paragraph("Ce portail est [totalement / partiellement / non] conforme au référentiel "
                      "général d'amélioration de l'accessibilité (RGAA), version 4.1."),
            heading("Résultats des tests"),
            paragraph("L'audit réalisé le [date] par [organisme] indique que [X] % des critères "
                      "applicables sont respectés."),
            heading("Contenus non accessibles"),
            paragraph("[Listez ici les non-conformités, les dérogations pour charge "
                      "disproportionnée et les contenus non soumis à l'obligation.]"),
            heading("Établissement de cette déclaration"),
            paragraph("Déclaration établie le [date]. Technologies utilisées : HTML, CSS, "
                      "JavaScript. Vérifications faites avec [outils et navigateurs]."),
            heading("Retour d'information et contact"),
            paragraph("Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez à "
                      "[adresse de contact] : nous vous proposerons une alternative accessible."),
            heading("Voies de recours"),
            paragraph("Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le "
                      "Défenseur des droits, en ligne, par courrier postal gratuit (Défenseur des "
                      "droits, Libre réponse 71120, 75342 Paris CEDEX 07) ou auprès de son "
                      "délégué dans votre région."),
        ],
    )
    pages["legal"] = get_or_create_page(
        home, ContentPage, "mentions-legales", report, title="Mentions légales",
        body=[
            heading("Éditeur"),
            paragraph("Ministère de l'Exemple, [adresse]. Directeur ou directrice de la "
                      "publication : [nom]."),
            heading("Hébergement"),
            paragraph("[Hébergeur, adresse, téléphone.]"),
            heading("Réutilisation des contenus"),
            paragraph("Sauf mention contraire, les textes de ce portail sont publiés sous licence "
                      "Etalab 2.0 ; son code source est libre (licence MIT)."),
        ],
    )
    pages["personal_data"] = get_or_create_page(
        home, ContentPage, "donnees-personnelles", report, title="Données personnelles",
        body=[
            heading("Ce que nous conservons"),
            paragraph("Quand vous témoignez, nous gardons votre texte, le nom que vous choisissez "
                      "d'afficher, votre fonction et votre organisation si vous les donnez, et "
                      "votre accord pour la publication."),
            paragraph("L'adresse électronique facultative sert uniquement aux modérateurs pour "
                      "vous répondre : elle n'est jamais publiée."),
            heading("Pourquoi et combien de temps"),
            paragraph("Ces informations servent à publier les témoignages que vous avez acceptés "
                      "de partager. Les témoignages refusés et les adresses de contact sont "
                      "supprimés après un délai fixé par l'administration du portail."),
            heading("Vos droits"),
            paragraph("Vous pouvez demander à consulter, corriger ou supprimer vos données en "
                      "écrivant à [adresse du délégué à la protection des données]."),
            heading("Cookies"),
            paragraph("Ce portail ne dépose aucun cookie de mesure d'audience ni de publicité ; "
                      "seul le choix du thème d'affichage est gardé dans votre navigateur."),
        ],
    )
    pages["sitemap"] = get_or_create_page(
        home, ContentPage, "plan-du-site", report, title="Plan du site",
        body=[paragraph(
            '<a href="/">Accueil</a>',
            "Guides, événements, communs numériques et témoignages sont accessibles depuis le "
            "menu principal ; chaque contenu indique les étapes du parcours auxquelles il se "
            "rattache.",
        )],
    )
    return pages


def build_settings(home: PortalHomePage, pages: dict[str, ContentPage]) -> None:
    site = Site.objects.get(root_page=home)
    portal = PortalSettings.for_site(site)
    if portal.pk and portal.accessibility_page_id:
        return  # already configured: keep the administrators' changes
    portal.brand_lines = "Ministère\nde l'Exemple"
    portal.site_title = "Numérique ouvert"
    portal.site_tagline = "Logiciels libres et communs numériques dans l'administration"
    portal.footer_description = ("Portail de démonstration de numerique-ouvert : un ministère "
                                 "fictif y présente guides, événements et communs numériques.")
    portal.accessibility_status = "partial"
    portal.accessibility_page = pages["accessibility"]
    portal.legal_notice_page = pages["legal"]
    portal.personal_data_page = pages["personal_data"]
    portal.sitemap_page = pages["sitemap"]
    portal.footer_links = [("link", {"label": "Réutiliser les contenus", "page": pages["legal"],
                                     "url": ""})]
    portal.save()
