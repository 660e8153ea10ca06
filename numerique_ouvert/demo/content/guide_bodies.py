"""Bodies of the demo guides: each uses every content block but the embed, as a showcase."""

from __future__ import annotations

from typing import Any

from ..streams import (
    Block,
    accordion,
    bullets,
    callout,
    code,
    heading,
    image,
    link,
    paragraph,
    quote,
    table,
)

CODE_GOUV = link("https://code.gouv.fr", "code.gouv.fr")
SILL = link("https://code.gouv.fr/sill/", "Socle interministériel de logiciels libres")
JOINUP = link("https://joinup.ec.europa.eu", "Joinup")
PLAN_2021 = ("https://www.numerique.gouv.fr/publications/"
             "plan-action-logiciels-libres-communs-numeriques/")
PLAN_2021_LINK = link(PLAN_2021, "plan d'action")


def understand(picture: Any) -> list[Block]:
    return [
        heading("De quoi parle-t-on ?"),
        paragraph(
            "Le numérique ouvert réunit trois pratiques qui se renforcent l'une l'autre. Aucune "
            "n'est réservée aux informaticiens : juristes, acheteurs, chefs de projet et "
            "décideurs y ont chacun leur rôle.",
            bullets("<strong>publier</strong> les codes sources que l'administration produit ;",
                    "<strong>utiliser</strong> des logiciels libres, et les améliorer ;",
                    "<strong>coopérer</strong> avec d'autres pour entretenir des communs "
                    "numériques."),
        ),
        heading("Trois notions à ne pas confondre", "h3"),
        table("Logiciel libre, open source et commun numérique", [
            ["Notion", "En une phrase", "Un exemple"],
            ["Logiciel libre", "Sa licence garantit à chacun le droit de l'utiliser, de "
             "l'étudier, de le modifier et de le redistribuer.", "LibreOffice"],
            ["Open source", "Les mêmes licences, vues sous l'angle d'une méthode de "
             "développement ouverte aux contributions.", "Le noyau Linux"],
            ["Commun numérique", "Une ressource qu'une communauté variée entretient selon des "
             "règles qu'elle s'est données.", "Open Food Facts"],
        ], first_col_is_header=True),
        heading("Une politique publique construite pas à pas"),
        paragraph(
            "L'État encourage le logiciel libre dans ses services depuis le début des années "
            "2010. La loi pour une République numérique de 2016 a rangé les codes sources parmi "
            "les documents administratifs ; une circulaire d'avril 2021 a demandé aux "
            "administrations d'ouvrir codes et données et de mutualiser leurs outils ; un "
            f"{PLAN_2021_LINK} a suivi en novembre de la même année."),
        callout("Qui vous accompagne ?",
                "Depuis 2024, le pôle open source et communs numériques de la DINUM prend la "
                "suite de l'ancienne mission logiciels libres : il anime la "
                "communauté des agents et tient à jour des ressources partagées."),
        quote("On ne choisit pas le libre par principe : on le choisit parce qu'on garde la main "
              "sur ses outils et qu'on partage l'effort avec d'autres.",
              "Une architecte logicielle", "Rencontres du Numérique Ouvert 2025"),
        image(picture, "Bandeau abstrait bleu : cinq cercles reliés par une ligne, comme les "
              "étapes d'un parcours.", "Découvrir, utiliser, promouvoir, coopérer, ouvrir : les "
              "cinq étapes du parcours."),
        heading("Reconnaître un logiciel libre", "h3"),
        paragraph("Les projets libres indiquent leur licence dans un fichier LICENSE et, de plus "
                  "en plus, en tête de chaque fichier, sous une forme normalisée :"),
        code("text", "# SPDX-License-Identifier: EUPL-1.2"),
        accordion(
            ("Libre veut-il dire gratuit ?", "Non : la licence porte sur les libertés d'usage, "
             "pas sur le prix. Support, hébergement ou développements peuvent s'acheter."),
            ("Puis-je contribuer pendant mon temps de travail ?", "Oui, dans le cadre de vos "
             "missions et avec l'accord de votre hiérarchie. Le guide « Contribuer à un commun "
             "numérique » donne les précautions à prendre."),
            ("Par où commencer ?", f"Parcourez le {SILL}, les codes publiés sur {CODE_GOUV} et "
             f"le catalogue européen {JOINUP}, puis venez à un prochain événement."),
        ),
    ]


def deploy(picture: Any) -> list[Block]:
    return [
        heading("Commencer par ce qui existe"),
        paragraph(
            "Avant d'écrire un cahier des charges, vérifiez qu'une autre administration n'a pas "
            "déjà répondu au même besoin. Trois sources suffisent souvent :",
            bullets(f"le {SILL}, qui recense les logiciels recommandés et leurs référents ;",
                    f"{CODE_GOUV}, qui rassemble les codes publiés par le secteur public ;",
                    f"{JOINUP}, le catalogue européen des solutions publiques partagées."),
        ),
        callout("Astuce", "Chaque logiciel du socle a des référents dans les ministères. "
                "Écrivez-leur avant de vous lancer : ils connaissent les pièges du déploiement."),
        heading("Évaluer une solution"),
        table("Grille d'évaluation rapide", [
            ["Critère", "Question à se poser", "Où chercher la réponse"],
            ["Vitalité", "Des versions sortent-elles régulièrement ?", "Historique du dépôt"],
            ["Communauté", "Les questions reçoivent-elles des réponses ?", "Forum, tickets"],
            ["Gouvernance", "Qui décide des évolutions ?", "Fichiers GOVERNANCE, CONTRIBUTING"],
            ["Support", "Peut-on acheter une assistance ?", "Prestataires, marchés existants"],
            ["Sécurité", "Les failles sont-elles vite corrigées ?", "Politique de sécurité"],
        ], first_col_is_header=True),
        heading("Tester avant de décider", "h3"),
        paragraph("Une instance d'essai sur un poste suffit pour montrer l'outil à de vrais "
                  "utilisateurs. Avec un moteur de conteneurs, quelques lignes suffisent :"),
        code("bash", "# Lancer une instance d'essai, puis ouvrir http://localhost:8080\n"
                     "podman run --rm -p 8080:80 docker.io/library/nginx:stable\n"
                     "# Arrêter l'essai : Ctrl+C (le conteneur est supprimé)"),
        quote("Nous avons fait tester trois solutions pendant un mois par les agents du "
              "service ; le choix s'est imposé de lui-même.", "Un chef de bureau des systèmes "
              "d'information"),
        image(picture, "Bandeau abstrait vert : cercles translucides et ligne à cinq étapes.",
              "Un pilote avec des utilisateurs volontaires vaut mieux qu'un long comparatif."),
        heading("Déployer sans mauvaise surprise"),
        accordion(
            ("Prévoir l'exploitation", "Décidez dès le départ qui applique les mises à jour de "
             "sécurité et qui surveille le service."),
            ("Former les utilisateurs", "Des sessions courtes et une page d'aide interne valent "
             "mieux qu'un manuel de cent pages."),
            ("Remonter vos corrections", "Si vous corrigez un défaut, proposez la correction au "
             "projet : vous n'aurez pas à la maintenir seuls."),
        ),
    ]


def convince(picture: Any) -> list[Block]:
    return [
        heading("Parler le langage de sa direction"),
        paragraph(
            "Les principes convainquent rarement seuls. Une direction veut savoir quel problème "
            "l'outil résout, ce qu'il coûtera dans la durée, quels risques il réduit et qui "
            "l'utilise déjà. Préparez :",
            bullets("un besoin concret, exprimé par les utilisateurs ;",
                    "le coût complet sur plusieurs années, support et formation compris ;",
                    "deux ou trois administrations utilisatrices prêtes à témoigner."),
        ),
        heading("Les arguments qui portent"),
        table("Arguments et preuves à apporter", [
            ["Argument", "Ce qu'il faut montrer"],
            ["Maîtrise", "Le code, les données et les choix d'évolution restent accessibles."],
            ["Sécurité", "Le code peut être audité ; les correctifs ne dépendent pas d'un seul "
                         "fournisseur."],
            ["Mutualisation", "D'autres services partagent déjà l'effort de maintenance."],
            ["Coût", "Une comparaison honnête sur trois à cinq ans, support compris."],
            ["Attractivité", "Les équipes techniques aiment travailler sur des projets ouverts."],
        ], first_col_is_header=True),
        callout("Vous appliquez une orientation, pas une exception",
                "La politique de l'État encourage explicitement le logiciel libre et l'ouverture "
                "des codes : appuyez-vous sur ses textes.", PLAN_2021, "Lire le plan d'action"),
        heading("Une note courte, prête à adapter", "h3"),
        code("markdown", "# Note à l'attention de la directrice\n\n## Besoin\n"
                         "## Solution proposée\n## Qui l'utilise déjà\n"
                         "## Coût sur trois ans\n## Risques et parades\n## Décision attendue\n"),
        quote("Ce qui a convaincu ma directrice, ce n'est pas la philosophie du libre : c'est "
              "la liste des services qui utilisaient déjà l'outil.", "Un chargé de mission "
              "numérique"),
        image(picture, "Bandeau abstrait jaune : cercles translucides et ligne à cinq étapes.",
              "Convaincre, c'est d'abord répondre aux questions de sa hiérarchie."),
        heading("Anticiper les objections", "h3"),
        accordion(
            ("« Personne ne nous garantira le support »", "Des entreprises vendent du support "
             "sur la plupart des logiciels libres répandus ; les marchés publics permettent de "
             "l'acheter."),
            ("« Nos agents ne sauront pas s'en servir »", "Proposez un pilote avec un petit "
             "groupe volontaire et mesurez sa satisfaction avant d'élargir."),
            ("« C'est risqué juridiquement »", "Les licences libres sont des contrats "
             "reconnus ; les juristes de votre ministère peuvent vous aider à les lire."),
        ),
    ]


def contribute(picture: Any) -> list[Block]:
    return [
        heading("Qu'est-ce qu'un commun numérique ?"),
        paragraph(
            "Un commun numérique est une ressource (logiciel, données, documentation…) que des "
            "acteurs très différents produisent et entretiennent ensemble, selon des règles "
            "explicites sur qui décide et comment contribuer. La licence ne suffit donc pas : "
            "ce qui fait un commun, c'est sa communauté et sa gouvernance."),
        heading("Choisir sa façon de contribuer"),
        paragraph(
            "Toutes les contributions comptent, et la plupart ne demandent pas de programmer :",
            bullets("signaler un problème ou une donnée erronée ;",
                    "améliorer la documentation, ou la traduire ;",
                    "raconter l'usage qu'en fait votre administration ;",
                    "financer une fonctionnalité ou le temps d'un mainteneur ;",
                    "proposer une correction de code."),
        ),
        table("Qui fait quoi quand un service contribue", [
            ["Étape", "Qui s'en charge"],
            ["Repérer le besoin", "L'équipe qui utilise le commun"],
            ["Lire les règles de contribution", "Le ou la référente technique"],
            ["Valider la démarche", "La hiérarchie, avec un juriste si besoin"],
            ["Proposer la contribution", "L'agent, au nom du service"],
            ["Suivre la discussion jusqu'à l'intégration", "L'agent"],
        ]),
        callout("Lire les règles avant d'écrire",
                "Chaque commun explique comment il décide : guide de contribution, charte, "
                "comité. Les respecter est la meilleure façon d'être bien accueilli."),
        heading("Proposer une correction de code", "h3"),
        code("bash", "git clone https://forge.example.org/commun/projet.git\ncd projet\n"
                     "git switch -c corrige-libelle\n# … modifier, puis lancer les tests …\n"
                     'git commit -am "Corrige le libellé du formulaire"\n'
                     "git push origin corrige-libelle"),
        quote("L'État gagne à accepter d'être un membre parmi d'autres dans la gouvernance d'un "
              "commun : c'est ce qui le rend durable.", "Propos entendu dans un atelier "
              "« Coopérer »"),
        image(picture, "Bandeau abstrait violet : cercles translucides et ligne à cinq étapes.",
              "Un commun vit de contributions très variées."),
        accordion(
            ("À qui appartient ma contribution ?", "Faite dans le cadre de vos missions, elle "
             "relève en principe de votre employeur : vérifiez sous quel nom la proposer."),
            ("Et si elle est refusée ?", "C'est courant et ce n'est pas un échec : demandez "
             "pourquoi, ajustez, ou gardez l'amélioration de votre côté en attendant."),
            ("Comment trouver un commun auquel contribuer ?", "Commencez par ceux que votre "
             "service utilise déjà ; la rubrique Communs numériques en présente plusieurs."),
        ),
    ]


def publish(picture: Any) -> list[Block]:
    publiccode = link("https://yml.publiccode.tools", "sa spécification")
    licences = link("https://www.data.gouv.fr/fr/licences", "la liste publiée sur data.gouv.fr")
    return [
        heading("Pourquoi publier ?"),
        paragraph(
            "Un code source produit par une administration est un document administratif : le "
            "publier est la règle. C'est aussi le moyen de le faire réutiliser et améliorer :",
            bullets("transparence sur les traitements qui concernent le public ;",
                    "mutualisation avec d'autres administrations ;",
                    "qualité : un code lu par d'autres est mieux relu."),
        ),
        heading("Choisir une licence"),
        paragraph(f"Les licences qu'une administration peut employer sont fixées par décret ; "
                  f"consultez {licences}. Les plus courantes :"),
        table("Quelques licences autorisées", [
            ["Licence", "Identifiant SPDX", "Ce qu'elle implique"],
            ["MIT", "MIT", "Réutilisation libre, y compris dans un logiciel fermé"],
            ["Apache 2.0", "Apache-2.0", "Idem, avec une clause sur les brevets"],
            ["EUPL 1.2", "EUPL-1.2", "Les versions modifiées et diffusées restent libres"],
            ["GNU GPL v3", "GPL-3.0-or-later", "Idem, y compris pour les œuvres dérivées"],
        ], first_col_is_header=True),
        callout("Avant le premier envoi", "Vérifiez tout l'historique : mots de passe, jetons "
                "d'accès et données personnelles ne doivent jamais atteindre un dépôt public, "
                "même supprimés ensuite."),
        heading("Décrire le projet avec publiccode.yml", "h3"),
        paragraph(f"Placé à la racine du dépôt, ce fichier décrit le logiciel de façon "
                  f"normalisée ; les catalogues publics le lisent pour référencer votre projet "
                  f"(voir {publiccode}). Un exemple réduit :"),
        code("yaml", 'publiccodeYmlVersion: "0.4"\nname: Réservation de salles\n'
                     "url: https://forge.example.org/ministere/reservation-de-salles\n"
                     "developmentStatus: stable\nsoftwareType: standalone/web\n"
                     "description:\n  fr:\n"
                     "    shortDescription: Réserver les salles de réunion d'un service.\n"
                     "legal:\n  license: EUPL-1.2\nmaintenance:\n  type: internal\n"),
        quote("Publier nous a obligés à documenter ; deux mois plus tard, une autre direction "
              "utilisait notre outil.", "Une développeuse d'un service déconcentré"),
        image(picture, "Bandeau abstrait rouge : cercles translucides et ligne à cinq étapes.",
              "Ouvrir son code, c'est aussi s'ouvrir aux contributions."),
        accordion(
            ("Le dépôt", "Un README qui dit à quoi sert le projet et comment l'installer, un "
             "fichier LICENSE, un guide de contribution."),
            ("La sécurité", "Aucun secret dans l'historique, et une adresse pour signaler une "
             "faille."),
            ("Le référencement", f"Un publiccode.yml à jour ; le compte de votre organisation "
             f"déclaré pour que ses dépôts apparaissent sur {CODE_GOUV}."),
        ),
    ]


def draft_community() -> list[Block]:
    return [
        callout("Guide en cours d'écriture", "Ce brouillon n'est visible que des éditeurs ; "
                "complétez-le puis publiez-le."),
        heading("Les canaux de discussion"),
        paragraph("<strong>[à compléter]</strong> forum, messagerie, liste de diffusion : "
                  "lequel choisir selon la taille de la communauté ?"),
        heading("Accueillir les nouveaux venus"),
        paragraph("<strong>[à compléter]</strong>"),
    ]
