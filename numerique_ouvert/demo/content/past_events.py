"""Past demo events, each with a programme or a description and a report (compte rendu).

Dates, places and themes come from public accounts of these events; the texts are the demo's own.
"""

from __future__ import annotations

import datetime

from numerique_ouvert.events.models import EventIndexPage, EventPage

from ..builder import Demo, get_or_create_page
from ..streams import bullets, callout, heading, paragraph, quote, table
from .schedule import at, banner, organiser, session

POLE = organiser("Pôle open source et communs numériques (DINUM)", "https://www.numerique.gouv.fr")
DINUM = organiser("Direction interministérielle du numérique (DINUM)",
                  "https://www.numerique.gouv.fr")
ANCT = organiser("Agence nationale de la cohésion des territoires (ANCT)",
                 "https://agence-cohesion-territoires.gouv.fr")
ACCELERATOR_URL = "https://citoyens.transformation.gouv.fr/"


def build_past_events(demo: Demo, index: EventIndexPage) -> None:
    log, stage = demo.log, demo.stage
    day = datetime.date(2025, 11, 13)
    demo.events["rno"] = get_or_create_page(
        log, index, EventPage, "rencontres-du-numerique-ouvert-2025",
        title="Rencontres du Numérique Ouvert 2025",
        tagline="Première édition : une journée pour que les agents qui font vivre le logiciel "
                "libre et les communs dans l'administration se rencontrent et se reconnaissent.",
        start=at(day, 9), end=at(day, 17, 30), format="rencontre",
        venue_name="Centre de conférences", venue_city="Paris", organisers=[POLE],
        image=banner(demo, "Rencontres du Numérique Ouvert 2025",
                     "Rencontres du Numérique Ouvert", 0),
        stages=list(demo.stages.values()), tags=["communauté", "parcours", "rencontres"],
        description=[paragraph(
            "Pour cette première édition, le pôle open source et communs numériques invite les "
            "agents publics qui pratiquent, soutiennent ou portent le numérique ouvert. Une "
            "journée entière, peu chargée à dessein :",
            bullets("la présentation de ce que le pôle propose à la communauté ;",
                    "des ateliers en cercle, sans support, organisés par étape du parcours ;",
                    "un temps pour se situer sur le parcours et repérer ses pairs ;",
                    "de longues pauses pour se parler."))],
        programme=[
            session((9, 0), (9, 30), "Accueil et café", room="Hall"),
            session((9, 30), (11, 0), "Plénière : l'offre du pôle open source et communs "
                    "numériques", stage=stage("decouvrir"), fmt="conference",
                    speakers="l'équipe du pôle", room="Amphithéâtre",
                    description="Le portail, la documentation contributive, le Socle "
                                "interministériel de logiciels libres et les rendez-vous de "
                                "la communauté."),
            session((11, 0), (12, 0), "Où en êtes-vous ? Se placer sur le parcours",
                    fmt="rencontre", room="Amphithéâtre",
                    description="Chacun se place sur les cinq étapes, avec son rôle "
                                "(pratiquant, sympathisant, ambassadeur) et la raison de sa "
                                "venue ; une visualisation en direct montre qui est où."),
            session((12, 0), (14, 0), "Déjeuner et espace de discussion", room="Hall"),
            session((14, 0), (15, 30), "Atelier : déployer des logiciels dans son "
                    "administration", stage=stage("utiliser"), fmt="atelier", room="Salle 1"),
            session((14, 0), (15, 30), "Atelier : coopérer avec les écosystèmes extérieurs à "
                    "l'administration", stage=stage("cooperer"), fmt="atelier", room="Salle 2"),
            session((14, 0), (15, 30), "Atelier : porter un commun numérique dans son "
                    "administration", stage=stage("ouvrir"), fmt="atelier", room="Salle 3"),
            session((16, 0), (17, 0), "Ce que disent les données : retour sur la carte du "
                    "parcours", fmt="rencontre", room="Amphithéâtre"),
            session((17, 0), (17, 30), "Clôture : et maintenant ?", room="Amphithéâtre"),
        ],
        report=[
            heading("Ce que l'on retient de la journée"),
            paragraph(
                "Le pari de cette première édition était de laisser du temps : peu "
                "d'interventions, de longues pauses, des ateliers où la parole circule. Il a "
                "fonctionné. Les participants sont venus avant tout pour trouver des collègues "
                "d'autres administrations qui travaillent sur les mêmes sujets, et les pauses "
                "ont été aussi animées que les ateliers."),
            heading("Un public déjà engagé", "h3"),
            paragraph(
                "La carte du parcours l'a montré au fil de la journée : presque personne ne "
                "s'est placé sur l'étape Découvrir, et les pratiquants et les ambassadeurs "
                "l'emportaient largement sur les sympathisants. La plupart venaient pour un "
                "projet ou en tant qu'experts ; rares étaient ceux venus en leur nom propre."),
            table("Les trois ateliers de l'après-midi", [
                ["Étape", "Sujet de l'atelier"],
                ["Utiliser", "Déployer des logiciels libres dans son administration"],
                ["Coopérer", "Travailler avec les écosystèmes extérieurs à l'administration"],
                ["Ouvrir", "Porter un commun numérique dans son administration"],
            ], first_col_is_header=True),
            heading("Trois sujets communs aux ateliers", "h3"),
            paragraph(bullets(
                "le financement interministériel des ressources partagées et, plus largement, "
                "leurs modèles économiques ;",
                "le partage de la gouvernance (ou des choix d'évolution) avec des acteurs "
                "extérieurs, et la posture de l'administration dans ce partage ;",
                "le soutien de l'institution et de la hiérarchie aux projets libres et aux "
                "communs.", ordered=True)),
            quote("Je repars avec une liste de collègues à rappeler, dans trois ministères "
                  "différents.", "Une participante, cheffe de projet"),
            callout("La suite se construit avec vous",
                    "Les idées recueillies dans l'espace de discussion (thèmes, canaux, formats) "
                    "servent à préparer les prochains rendez-vous. Vous étiez là ? Racontez-nous "
                    "une rencontre qui vous a marqué."),
        ],
    )
    demo.events["nec2023"] = get_or_create_page(
        log, index, EventPage, "numerique-en-communs-2023",
        title="Numérique en Commun[s] 2023",
        tagline="Sixième édition du rendez-vous du numérique d'intérêt général : trois jours de "
                "master-classes, d'ateliers et de démonstrations à Bordeaux.",
        start=at(datetime.date(2023, 10, 18), 9), end=at(datetime.date(2023, 10, 20), 17),
        format="rencontre", venue_name="Bordeaux Métropole", venue_city="Bordeaux",
        organisers=[ANCT, organiser("Bordeaux Métropole")],
        image=banner(demo, "Numérique en Commun[s] 2023", "Numérique en Commun[s] 2023", 6),
        stages=demo.stage_list("decouvrir", "cooperer"), tags=["communs", "territoires",
                                                              "master-class"],
        description=[paragraph(
            "Organisée par l'ANCT avec Bordeaux Métropole, cette édition rassemble médiateurs "
            "numériques, agents de l'État et des collectivités, élus, associations et "
            "spécialistes de la donnée autour de cinq thèmes :",
            bullets("données et territoires ;", "écologie et soutenabilité ;",
                    "communs numériques et souveraineté ;", "éthique et émancipation ;",
                    "médiation et compétences numériques."),
            "Des villes invitées de plusieurs continents prennent part aux échanges.")],
        programme=[
            session((10, 0), (11, 30), "Master-class : communs numériques et souveraineté",
                    stage=stage("cooperer"), fmt="master-class"),
            session((14, 0), (17, 0), "Démonstrations d'outils interministériels : Tchap, uMap, "
                    "Démarches simplifiées", stage=stage("utiliser"), fmt="autre"),
        ],
        report=[paragraph(
            "Trois jours de rencontres entre des mondes qui se croisent peu. Les démonstrations "
            "d'outils interministériels ont montré aux agents des collectivités ce qu'ils "
            "peuvent utiliser dès maintenant, et des porteurs de communs accompagnés par l'État, "
            "comme Pyronear, ont présenté leur projet à des élus de départements et de régions.")],
    )
    day = datetime.date(2023, 5, 10)
    demo.events["table-ronde"] = get_or_create_page(
        log, index, EventPage, "etat-et-communs-numeriques-2023",
        title="Table ronde : vers un État partenaire des communs numériques",
        tagline="Une après-midi d'échanges entre société civile et agents publics sur les "
                "coopérations possibles entre l'État et les communs.",
        start=at(day, 14), end=at(day, 18), format="table-ronde",
        venue_name="DINUM", venue_city="Paris",
        organisers=[DINUM, organiser("Accélérateur d'initiatives citoyennes", ACCELERATOR_URL)],
        image=banner(demo, "table ronde État et communs", "État et communs numériques", 2),
        stages=demo.stage_list("promouvoir", "cooperer"),
        tags=["Accélérateur d'initiatives citoyennes", "communs", "table ronde"],
        description=[paragraph(
            "Comment l'État peut-il soutenir des communs numériques sans les absorber ni les "
            "freiner ? Des intervenants de l'IGN, du ministère de l'Éducation nationale, de la "
            "DITP et de la société civile confrontent leurs expériences, autour du programme "
            "Accélérateur d'initiatives citoyennes.")],
        report=[
            paragraph(
                "Une centaine de personnes ont suivi les débats. Quelques idées sont revenues "
                "tout au long de l'après-midi :",
                bullets(
                    "communs, État et marché ne s'opposent pas : les communs ouvrent un espace "
                    "de coopération entre les deux ;",
                    "contribuer à des communs aide l'administration à reprendre la maîtrise de "
                    "ses outils, face aux risques cyber notamment ;",
                    "des communs qui ont fait leurs preuves, comme des plateformes de formation "
                    "bâties sur des logiciels libres, peuvent changer d'échelle ;",
                    "les producteurs de données publiques gagneraient à adopter les façons de "
                    "travailler des communs.")),
            callout("L'Accélérateur d'initiatives citoyennes",
                    "Mené par la DINUM avec la DITP, ce programme aide des initiatives "
                    "citoyennes d'intérêt général à trouver leur place auprès des "
                    "administrations.", ACCELERATOR_URL,
                    "Découvrir le programme"),
        ],
    )
    # The sources give the place and the two days, not the dates: these are approximate.
    demo.events["nec2021"] = get_or_create_page(
        log, index, EventPage, "nec-2021-design-et-communs",
        title="Numérique en Commun[s] 2021 : ateliers « Design et communs »",
        tagline="Trois ateliers pour mettre en commun les actions publiques en faveur des "
                "communs numériques.",
        start=at(datetime.date(2021, 10, 14), 9), end=at(datetime.date(2021, 10, 15), 17),
        format="atelier", venue_name="Château de la Mercerie", venue_city="Sud Charente",
        organisers=[ANCT, organiser("La MedNum"), organiser("inno³", "https://inno3.fr")],
        image=banner(demo, "NEC 2021 design et communs", "Design et communs", 4),
        stages=demo.stage_list("cooperer", "promouvoir"),
        tags=["référentiel", "clausier", "design"],
        description=[paragraph(
            "Dans le cadre de l'exploration « Design et communs », ces ateliers posent trois "
            "questions :",
            bullets("comment concevoir les services numériques publics avec les collectivités, "
                    "les médiateurs et les usagers ?",
                    "quels financements et quelles procédures pour des services partagés "
                    "d'intérêt général ?",
                    "comment faire connaître les communs aux agents, pour qu'ils puissent les "
                    "choisir, y contribuer ou les gérer ?"))],
        report=[
            paragraph(
                "Les ateliers ont d'abord permis de faire communauté, en rendant visibles les "
                "acteurs, leurs actions et leurs besoins. Les participants se sont accordés sur "
                "plusieurs chantiers :",
                bullets("un référentiel des actions publiques en faveur des communs et des "
                        "communs concernés ;",
                        "une carte des communs français et européens ;",
                        "un clausier pour faciliter le recours aux communs dans les marchés "
                        "publics ;",
                        "un annuaire de personnes-ressources prêtes à accompagner les projets ;",
                        "d'autres rencontres, nationales et régionales.")),
        ],
    )
