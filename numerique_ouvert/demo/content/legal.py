"""Bodies of the pages every public site must have: legal notice, personal data, sitemap (the
accessibility statement has fields of its own: ``core.models.accessibility``).

They are templates for the administration that runs the portal: what only it can know is left
as a visible ``[à compléter]`` placeholder rather than made up.
"""

from __future__ import annotations

from wagtail.models import Page

from ..streams import Block, bullets, callout, heading, page_link, paragraph

TODO = "<strong>[à compléter]</strong>"


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
