"""Demo guides, one or more per stage of the parcours."""

from __future__ import annotations

import datetime

from numerique_ouvert.guides.models import GuideIndexPage, GuidePage

from ..builder import (
    Report,
    accordion,
    callout,
    code,
    get_or_create_page,
    heading,
    image_block,
    paragraph,
    quote,
    table,
)
from ..images import get_or_create_image

OWNER = "Pôle numérique ouvert du ministère de l'Exemple"


def build_guides(home, stages: dict, report: Report) -> dict[str, GuidePage]:
    index = get_or_create_page(
        home, GuideIndexPage, "guides", report, title="Guides", show_in_menus=True,
        intro="Des fiches pratiques, écrites et relues par des agents, pour chaque étape du "
              "parcours du numérique ouvert.",
    )
    illustration = get_or_create_image("Illustration : une équipe autour d'un tableau", index=5,
                                       text="Travailler ensemble")
    guides = {}
    guides["comprendre"] = get_or_create_page(
        index, GuidePage, "comprendre-le-numerique-ouvert", report,
        title="Comprendre le numérique ouvert dans l'administration",
        tagline="D'où vient la politique de l'État en faveur du logiciel libre et des communs, "
                "et ce qu'elle change au quotidien.",
        image=get_or_create_image("Bannière : comprendre", index=0, text="Découvrir"),
        owner_name=OWNER, last_reviewed=datetime.date(2025, 12, 1),
        propose_change_url="https://example.org/guides/comprendre/modifier",
        stages=[stages["decouvrir"]], tags=["stratégie", "histoire", "valeurs"],
        body=[
            heading("Une politique ancienne et assumée"),
            paragraph("Depuis une dizaine d'années, l'État publie ses codes sources, recommande "
                      "des logiciels libres et soutient des communs numériques. Une circulaire "
                      "d'avril 2021 a donné un cadre à cette politique, et un pôle dédié "
                      "accompagne aujourd'hui les administrations."),
            heading("Trois mots à distinguer", "h3"),
            table("Vocabulaire du numérique ouvert", [
                ["Terme", "Ce qu'il désigne"],
                ["Logiciel libre", "Un logiciel que chacun peut utiliser, étudier, modifier et "
                                   "redistribuer."],
                ["Open source", "La même idée vue sous l'angle de la méthode de développement."],
                ["Commun numérique", "Une ressource partagée, produite par une communauté et "
                                     "gouvernée par des règles explicites."],
            ]),
            heading("Ce que l'on y gagne", "h3"),
            paragraph("Maîtrise des outils, sécurité, économies et mutualisation entre services : "
                      "les bénéfices se cumulent quand plusieurs administrations partagent le "
                      "même outil."),
            quote("Un commun coûte moins cher qu'un équivalent commercial, et il résiste mieux "
                  "parce qu'une communauté le fait vivre.", "Une cheffe de projet à la DINUM"),
            image_block(illustration, "Une équipe d'agents discute devant un tableau blanc.",
                        "Le numérique ouvert se construit à plusieurs."),
        ],
    )
    guides["choisir"] = get_or_create_page(
        index, GuidePage, "choisir-un-logiciel-libre", report,
        title="Choisir et déployer un logiciel libre",
        tagline="Repérer les solutions déjà utilisées par l'État, les évaluer, puis les "
                "déployer sans réinventer la roue.",
        image=get_or_create_image("Bannière : utiliser", index=2, text="Utiliser"),
        owner_name=OWNER, last_reviewed=datetime.date(2026, 3, 15),
        propose_change_url="https://example.org/guides/choisir/modifier",
        stages=[stages["utiliser"]], tags=["SILL", "déploiement", "achat public"],
        body=[
            heading("Commencer par chercher"),
            paragraph("Avant de lancer un projet, regardez ce qui existe : le socle "
                      "interministériel de logiciels libres recense les outils recommandés, "
                      "et d'autres administrations les utilisent déjà."),
            callout("Astuce", "Contactez les référents d'un logiciel dans le socle : ils "
                    "partagent volontiers leur expérience de déploiement."),
            heading("Évaluer une solution"),
            accordion(
                ("La communauté est-elle active ?", "Regardez la fréquence des versions, le "
                 "nombre de contributeurs et la réactivité sur le forum."),
                ("Qui porte le projet ?", "Une fondation, une association, une entreprise ou "
                 "une administration : chacune offre des garanties différentes."),
                ("Existe-t-il un support ?", "Des prestataires proposent souvent un support "
                 "professionnel, mobilisable par les marchés publics."),
            ),
            heading("Installer et tester", "h3"),
            paragraph("Une maquette sur un poste ou un serveur de test suffit souvent pour "
                      "convaincre. Voici par exemple comment lancer un service en local :"),
            code("bash", "python -m venv .venv\n. .venv/bin/activate\npip install mon-outil\n"
                         "mon-outil serve --port 8000"),
        ],
        after_create=lambda page: None,
    )
    guides["convaincre"] = get_or_create_page(
        index, GuidePage, "convaincre-sa-hierarchie", report,
        title="Convaincre sa hiérarchie",
        tagline="Des arguments et des exemples pour porter un projet libre ou un commun "
                "auprès de sa direction.",
        image=get_or_create_image("Bannière : promouvoir", index=3, text="Promouvoir"),
        owner_name=OWNER, last_reviewed=datetime.date(2026, 1, 20),
        stages=[stages["promouvoir"]], tags=["argumentaire", "financement"],
        body=[
            heading("Partir des besoins du service"),
            paragraph("Une direction se laisse rarement convaincre par des principes seuls : "
                      "montrez ce que l'outil résout, ce qu'il coûte et qui l'utilise déjà."),
            heading("Les arguments qui portent"),
            table("Arguments et preuves à apporter", [
                ["Argument", "Preuve utile"],
                ["Souveraineté", "Le code et les données restent maîtrisés par l'administration."],
                ["Coût", "Comparaison sur cinq ans, support compris."],
                ["Mutualisation", "Liste des administrations utilisatrices."],
            ]),
            callout("Un allié : le financement interministériel", "Des appels à projets "
                    "financent la mutualisation d'outils entre ministères."),
        ],
    )
    guides["contribuer"] = get_or_create_page(
        index, GuidePage, "contribuer-a-un-commun", report,
        title="Contribuer à un commun numérique",
        tagline="Signaler un problème, améliorer la documentation, financer une "
                "fonctionnalité : toutes les façons d'y participer.",
        image=get_or_create_image("Bannière : coopérer", index=4, text="Coopérer"),
        owner_name=OWNER, last_reviewed=datetime.date(2026, 5, 4),
        propose_change_url="https://example.org/guides/contribuer/modifier",
        stages=[stages["cooperer"]], tags=["contribution", "gouvernance"],
        body=[
            heading("Lire les règles du commun"),
            paragraph("Chaque commun publie ses règles de gouvernance et de contribution. "
                      "Lisez-les avant tout : elles disent qui décide et comment proposer."),
            heading("Contribuer sans coder", "h3"),
            paragraph("Tester, traduire, documenter, animer un forum : ces contributions "
                      "comptent autant que le code."),
            heading("Contribuer du code", "h3"),
            code("bash", "git clone https://example.org/commun.git\ngit switch -c ma-correction\n"
                         "# modifier, tester, puis proposer une demande de fusion"),
            quote("L'État doit apprendre à être un membre parmi d'autres dans la gouvernance "
                  "d'un commun.", "Un participant aux Rencontres du Numérique Ouvert"),
        ],
    )
    guides["ouvrir"] = get_or_create_page(
        index, GuidePage, "publier-son-code-source", report,
        title="Publier le code source de son projet",
        tagline="Choisir une licence, préparer le dépôt et décrire son projet avec "
                "publiccode.yml.",
        image=get_or_create_image("Bannière : ouvrir", index=1, text="Ouvrir"),
        owner_name=OWNER, last_reviewed=datetime.date(2026, 6, 30),
        stages=[stages["ouvrir"], stages["cooperer"]], tags=["licence", "publiccode.yml"],
        body=[
            heading("Choisir une licence"),
            paragraph("Les licences utilisables par l'administration sont fixées par décret ; "
                      "les plus courantes sont MIT, Apache 2.0, EUPL et AGPL."),
            heading("Décrire le projet"),
            paragraph("Un fichier publiccode.yml à la racine du dépôt permet aux catalogues de "
                      "référencer le logiciel automatiquement :"),
            code("yaml", 'publiccodeYmlVersion: "0.4"\nname: mon-projet\n'
                         "url: https://example.org/mon-projet.git\nlegal:\n  license: MIT\n"),
            callout("À ne pas oublier", "Retirez mots de passe et données personnelles de "
                    "l'historique avant la publication."),
        ],
    )
    get_or_create_page(
        index, GuidePage, "animer-une-communaute", report, publish=False,
        title="Animer une communauté d'utilisateurs (brouillon)",
        tagline="Un guide en cours d'écriture : visible des seuls éditeurs.",
        owner_name=OWNER, stages=[stages["cooperer"]],
        body=[paragraph("Plan à compléter : canaux de discussion, rendez-vous réguliers, "
                        "accueil des nouveaux venus.")],
    )
    return guides


def link_guides(guides: dict, related: dict) -> None:
    """Point guides to commons and events once they exist (related pages are page choosers)."""
    for key, targets in related.items():
        guide = guides.get(key)
        if guide is None or guide.related_pages:
            continue
        guide.related_pages = [("page", page) for page in targets if page is not None]
        guide.save_revision().publish()
