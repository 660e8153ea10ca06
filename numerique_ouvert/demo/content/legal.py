"""Bodies of the pages every public site must have: accessibility, legal notice, personal data, sitemap.

They are templates for the administration that runs the portal: what only it can know is left
as a visible ``[à compléter]`` placeholder rather than made up.
"""

from __future__ import annotations

from wagtail.models import Page

from ..streams import Block, bullets, callout, heading, page_link, paragraph

TODO = "<strong>[à compléter]</strong>"


def accessibility_body() -> list[Block]:
    """A draft RGAA accessibility statement, with the sections the law requires."""
    return [
        callout("Brouillon à compléter",
                "Cette déclaration est un modèle. Remplacez chaque mention " + TODO + " par les "
                "informations de votre administration, une fois l'audit du site réalisé, puis "
                "retirez cet encadré."),
        paragraph(
            f"Le ministère de l'Exemple veille à ce que ce portail puisse être consulté par toutes "
            f"et tous, y compris avec une technologie d'assistance, comme le prévoit l'article 47 "
            f"de la loi du 11 février 2005. Cette déclaration porte sur le site {TODO} "
            f"(adresse du portail)."),
        heading("État de conformité"),
        paragraph(
            "Au regard du référentiel général d'amélioration de l'accessibilité (RGAA), "
            "version 4.1, ce portail est <strong>partiellement conforme</strong>.",
            f"L'audit réalisé le {TODO} par {TODO} montre que {TODO} % des critères applicables "
            f"sont respectés."),
        heading("Contenus non accessibles"),
        heading("Non-conformités relevées", "h3"),
        paragraph(f"Listez ici les critères non respectés et les pages concernées : {TODO}"),
        heading("Dérogations pour charge disproportionnée", "h3"),
        paragraph(f"Le cas échéant, indiquez les contenus concernés et la raison : {TODO}"),
        heading("Contenus non soumis à l'obligation", "h3"),
        paragraph(f"Par exemple des documents bureautiques publiés avant le 23 septembre 2018 "
                  f"ou des contenus de tiers que l'administration ne maîtrise pas : {TODO}"),
        heading("Établissement de cette déclaration"),
        paragraph(
            f"Déclaration établie le {TODO}, à partir de l'audit cité plus haut.",
            "Technologies sur lesquelles repose l'accessibilité du site :",
            bullets("HTML", "CSS (système de design de l'État)", "JavaScript"),
            f"Outils, navigateurs et technologies d'assistance utilisés pour vérifier : {TODO}",
        ),
        heading("Retour d'information et contact"),
        paragraph(
            "Vous n'arrivez pas à consulter un contenu ou à utiliser un service de ce portail ? "
            "Signalez-le-nous : nous vous répondrons et vous proposerons une autre façon d'obtenir "
            "l'information.",
            bullets(f"par courriel : {TODO}", f"par courrier : {TODO}"),
        ),
        heading("Voies de recours"),
        paragraph(
            "Si vous nous avez signalé un défaut d'accessibilité et que notre réponse ne vous "
            "satisfait pas, vous pouvez vous adresser au Défenseur des droits :",
            bullets(
                "par le formulaire de contact de son site ;",
                "en rencontrant l'un de ses délégués dans votre département ;",
                "par courrier, gratuitement, à l'adresse : Défenseur des droits, Libre réponse "
                "71120, 75342 Paris CEDEX 07.",
            ),
        ),
    ]


def legal_notice_body() -> list[Block]:
    return [
        callout("Modèle à compléter",
                "Les mentions " + TODO + " sont à remplacer par celles de l'administration qui "
                "publie le portail."),
        heading("Éditeur du site"),
        paragraph(f"Ministère de l'Exemple, {TODO} (adresse postale).",
                  f"Directeur ou directrice de la publication : {TODO}."),
        heading("Hébergement"),
        paragraph(f"{TODO} (nom, adresse et téléphone de l'hébergeur)."),
        heading("Réutiliser les contenus"),
        paragraph(
            "Sauf mention contraire, les textes de ce portail peuvent être réutilisés librement "
            "sous licence ouverte Etalab 2.0, à condition d'en citer la source.",
            "Les images de démonstration sont générées automatiquement et ne représentent "
            "personne."),
        heading("Liens vers d'autres sites"),
        paragraph("Ce portail renvoie vers les sites des communs numériques et des événements "
                  "qu'il présente ; leur contenu relève de la responsabilité de leurs éditeurs."),
    ]


def personal_data_body() -> list[Block]:
    """The editors' part of the "Données personnelles" page; the page adds by itself what each
    enabled feature keeps, why and for how long (PersonalDataPage)."""
    return [
        paragraph(
            "Ce portail ne demande de données personnelles que lorsque vous témoignez. Se situer "
            "sur le parcours est anonyme : la carte ne garde ni nom, ni heure, ni adresse IP.",
            "Le détail ci-dessous est produit par le portail lui-même, avec les durées de "
            "conservation réellement appliquées : il reste exact quand une fonctionnalité est "
            "activée ou désactivée."),
        paragraph(f"Délégué ou déléguée à la protection des données : {TODO}."),
    ]


def sitemap_body(home: Page, sections: list[Page], utility: list[Page]) -> list[Block]:
    """Links to the home page, each installed feature's index, then the utility pages."""
    return [
        paragraph(
            "Les grandes rubriques du portail :",
            bullets(page_link(home, "Accueil"), *(page_link(page) for page in sections)),
            "Informations sur le site :",
            bullets(*(page_link(page) for page in utility)),
        ),
    ]
