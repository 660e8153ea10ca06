"""Demo events: the event index, upcoming events dated relative to today, and the past ones."""

from __future__ import annotations

from numerique_ouvert.events.models import EventIndexPage, EventPage

from ..builder import Demo, get_or_create_page
from ..streams import bullets, callout, paragraph
from .past_events import build_past_events
from .schedule import banner, organiser, session, upcoming_event

EXAMPLE_MISSION = "Mission numérique ouvert du ministère de l'Exemple"


def build_events(demo: Demo) -> dict[str, EventPage]:
    index = get_or_create_page(
        demo.log, demo.home, EventIndexPage, "evenements", title="Événements",
        show_in_menus=True,
        intro="Rencontres, ateliers et webinaires de la communauté du numérique ouvert. Les "
              "prochains rendez-vous d'abord, puis les comptes rendus de ceux qui ont eu lieu.",
    )
    demo.indexes["events"] = index
    build_past_events(demo, index)
    build_upcoming_events(demo, index)
    return demo.events


def build_upcoming_events(demo: Demo, index: EventIndexPage) -> None:
    stage = demo.stage
    upcoming_event(
        demo, index, "webinaire", "webinaire-publier-son-premier-depot", days=21,
        hours=((11, 0), (12, 0)), format="webinaire",
        title="Webinaire : publier son premier dépôt de code",
        tagline="Une heure pour savoir quoi vérifier avant d'ouvrir un dépôt : licence, "
                "secrets, documentation, publiccode.yml.",
        online_url="https://visio.example.org/numerique-ouvert/publier-son-depot",
        organisers=[organiser(EXAMPLE_MISSION)],
        image=banner(demo, "webinaire publier son dépôt", "Webinaire : ouvrir son code", 5),
        stages=demo.stage_list("ouvrir"), tags=["licence", "publiccode.yml", "webinaire"],
        description=[paragraph(
            "Vous allez publier le code d'un projet de votre administration ? Ce webinaire "
            "passe en revue, exemples à l'appui, les vérifications à faire avant :",
            bullets("choisir une licence autorisée ;", "nettoyer l'historique des secrets ;",
                    "écrire un README utile et un publiccode.yml."),
            "Quarante minutes de présentation, vingt minutes de questions.")],
        programme=[
            session((11, 0), (11, 40), "Les étapes d'une publication réussie",
                    stage=stage("ouvrir"), fmt="webinaire", speakers=EXAMPLE_MISSION),
            session((11, 40), (12, 0), "Questions et réponses", fmt="webinaire"),
        ],
    )
    upcoming_event(
        demo, index, "atelier", "atelier-deployer-un-logiciel-libre", days=42,
        hours=((9, 30), (12, 30)), deadline_days=7, format="atelier",
        title="Atelier : déployer un logiciel libre dans son service",
        tagline="Une matinée en petits groupes pour préparer un déploiement, à partir des "
                "retours d'expérience de services qui l'ont fait.",
        venue_name="Ministère de l'Exemple, salle Condorcet",
        venue_address="1 place de l'Exemple", venue_city="Paris",
        registration_url="https://inscriptions.example.org/atelier-deployer",
        organisers=[organiser(EXAMPLE_MISSION)],
        image=banner(demo, "atelier déployer", "Atelier : utiliser", 1),
        stages=demo.stage_list("utiliser"), tags=["déploiement", "atelier"],
        description=[
            paragraph("Apportez un projet de déploiement, même à l'état d'idée : chaque groupe "
                      "repart avec une feuille de route et des contacts."),
            callout("Places limitées", "Vingt participants au plus, pour que chacun puisse "
                    "parler de son projet. Inscription jusqu'à une semaine avant l'atelier."),
        ],
        programme=[
            session((9, 30), (10, 0), "Tour de table et projets des participants",
                    fmt="atelier"),
            session((10, 0), (11, 45), "Travail en groupes : de l'essai au service en "
                    "production", stage=stage("utiliser"), fmt="atelier"),
            session((11, 45), (12, 30), "Mise en commun", fmt="atelier"),
        ],
    )
    upcoming_event(
        demo, index, "rno-2", "rencontres-du-numerique-ouvert-deuxieme-edition", days=120,
        hours=((9, 0), (17, 30)), deadline_days=14, format="rencontre",
        title="Rencontres du Numérique Ouvert : deuxième édition",
        tagline="La communauté se retrouve : une plénière le matin, puis un atelier pour chaque "
                "étape du parcours.",
        venue_name="Centre de conférences", venue_city="Paris",
        online_url="https://visio.example.org/numerique-ouvert/rencontres-pleniere",
        registration_url="https://inscriptions.example.org/rencontres",
        organisers=[organiser(EXAMPLE_MISSION)],
        image=banner(demo, "Rencontres deuxième édition", "Rencontres du Numérique Ouvert", 0),
        stages=list(demo.stages.values()), tags=["communauté", "parcours", "rencontres"],
        description=[paragraph(
            "Après une première édition consacrée à faire connaissance, la deuxième met le "
            "travail en commun au centre : chaque atelier part des sujets que les participants "
            "avaient soulevés. La plénière du matin est aussi retransmise en ligne.")],
        programme=[
            session((9, 0), (9, 30), "Accueil"),
            session((9, 30), (11, 0), "Plénière : ce qui a changé depuis la première édition",
                    fmt="conference"),
            *(session((14, 0), (16, 0), f"Atelier « {s.name} »", stage=s, fmt="atelier")
              for s in demo.stage_list("decouvrir", "utiliser", "promouvoir", "cooperer",
                                       "ouvrir")),
            session((16, 30), (17, 30), "Clôture et suites", fmt="rencontre"),
        ],
    )
    upcoming_event(
        demo, index, "annule", "master-class-gouvernance-des-communs", days=60,
        hours=((14, 0), (16, 30)), format="master-class", status="cancelled",
        title="Master-class : la gouvernance des communs",
        tagline="Annulée : une nouvelle date sera annoncée sur cette page.",
        venue_name="Maison de l'Exemple", venue_city="Lyon",
        organisers=[organiser(EXAMPLE_MISSION)],
        image=banner(demo, "master-class gouvernance", "Master-class : coopérer", 2),
        stages=demo.stage_list("cooperer"), tags=["gouvernance", "master-class"],
        description=[paragraph(
            "Cette master-class devait explorer comment une administration prend sa place dans "
            "la gouvernance d'un commun sans la dominer. Elle est annulée ; les personnes "
            "inscrites ont été prévenues.")],
    )
