"""Demo events: past ones with a programme and a report, upcoming ones relative to today."""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone

from numerique_ouvert.events.models import EventIndexPage, EventPage

from ..builder import Report, callout, get_or_create_page, heading, paragraph, quote
from ..images import get_or_create_image

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
POLE = {"name": "Pôle open source et communs numériques (DINUM)", "url": ""}
ANCT = {"name": "Agence nationale de la cohésion des territoires", "url": ""}


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def session(start, end, title, stage=None, fmt="", speakers="", room="", description=""):
    return ("session", {
        "start_time": datetime.time(*start), "end_time": datetime.time(*end) if end else None,
        "title": title, "format": fmt, "stage": stage,
        "speakers": speakers, "room": room, "description": description,
    })


def upcoming_day(days: int) -> datetime.date:
    return (timezone.localtime() + datetime.timedelta(days=days)).date()


def build_events(home, stages: dict, report: Report) -> dict[str, EventPage]:
    index = get_or_create_page(
        home, EventIndexPage, "evenements", report, title="Événements", show_in_menus=True,
        intro="Rencontres, ateliers et webinaires de la communauté du numérique ouvert, et les "
              "comptes rendus de ceux qui ont eu lieu.",
    )
    events = {}
    rno_day = datetime.date(2025, 11, 13)
    events["rno"] = get_or_create_page(
        index, EventPage, "rencontres-du-numerique-ouvert-2025", report,
        title="Premières Rencontres du Numérique Ouvert",
        tagline="Une journée pour faire connaissance, se situer sur le parcours et lancer une "
                "dynamique de communauté entre agents.",
        start=at(rno_day, 9), end=at(rno_day, 17, 30), format="rencontre",
        venue_name="Centre de conférences ministériel", venue_address="20 avenue de Ségur",
        venue_city="Paris", organisers=[("organiser", POLE)],
        image=get_or_create_image("Bannière : Rencontres 2025", index=0, text="RNO 2025"),
        stages=list(stages.values()), tags=["communauté", "rencontres"],
        description=[paragraph(
            "Une journée entière, volontairement peu chargée, pour que les agents qui "
            "travaillent sur le logiciel libre et les communs se rencontrent enfin.")],
        programme=[
            session((9, 0), (9, 30), "Accueil café", room="Hall"),
            session((9, 30), (11, 0), "Ce que propose le pôle : portail, documentation, socle "
                    "de logiciels et rencontres", stages["decouvrir"], "conference",
                    "L'équipe du pôle", "Amphithéâtre"),
            session((11, 0), (12, 30), "Se situer sur le parcours : visualisation en direct",
                    None, "rencontre", room="Amphithéâtre",
                    description="Chacun place son rôle et sa manière de venir sur les cinq "
                                "étapes ; la carte se remplit au fil de la matinée."),
            session((12, 30), (14, 0), "Déjeuner et discussions libres", room="Hall"),
            session((14, 0), (15, 30), "Atelier : déployer un logiciel dans son administration",
                    stages["utiliser"], "atelier", room="Salle 1"),
            session((14, 0), (15, 30), "Atelier : coopérer avec les écosystèmes extérieurs",
                    stages["cooperer"], "atelier", room="Salle 2"),
            session((14, 0), (15, 30), "Atelier : porter un commun numérique",
                    stages["ouvrir"], "atelier", room="Salle 3"),
            session((16, 0), (17, 30), "Mise en commun et suites à donner", None, "table-ronde",
                    room="Amphithéâtre"),
        ],
        report=[
            heading("Ce que la journée a montré"),
            paragraph("Les participants, déjà expérimentés pour la plupart, cherchaient surtout "
                      "des pairs : la carte du parcours a montré peu de profils « découverte » "
                      "et beaucoup de pratiquants et d'ambassadeurs.",
                      "La plupart venaient au titre d'un projet ou comme experts, peu en leur "
                      "nom propre."),
            heading("Trois sujets communs aux ateliers", "h3"),
            paragraph("Le financement interministériel des ressources partagées ; le partage de "
                      "la gouvernance avec des acteurs extérieurs ; le soutien de la hiérarchie "
                      "pour les projets innovants."),
            quote("J'ai enfin trouvé d'autres personnes qui se posent les mêmes questions que "
                  "moi.", "Une participante"),
            callout("Et maintenant ?", "Les pistes recueillies dans l'espace de discussion "
                    "serviront à choisir les thèmes et les formats des prochaines rencontres."),
        ],
    )
    events["nec2023"] = get_or_create_page(
        index, EventPage, "numerique-en-communs-2023", report,
        title="Numérique en Commun[s] 2023 à Bordeaux",
        tagline="Trois jours de master-classes, d'ateliers et de retours d'expérience sur les "
                "communs, les données et la médiation numérique.",
        start=at(datetime.date(2023, 10, 18), 9), end=at(datetime.date(2023, 10, 20), 17),
        format="rencontre", venue_name="Palais des congrès", venue_city="Bordeaux",
        organisers=[("organiser", ANCT)],
        image=get_or_create_image("Bannière : NEC 2023", index=3, text="NEC 2023"),
        stages=[stages["cooperer"], stages["decouvrir"]], tags=["communs", "territoires"],
        description=[paragraph("La sixième édition du rendez-vous annuel de la communauté, "
                               "avec des villes invitées du monde entier.")],
        report=[paragraph("Les master-classes sur les communs et la souveraineté ont fait salle "
                          "comble ; les supports sont à demander aux organisateurs.")],
    )
    events["table_ronde"] = get_or_create_page(
        index, EventPage, "etat-et-communs-numeriques", report,
        title="Table ronde : l'État partenaire des communs numériques",
        tagline="Une après-midi de débats entre agents publics et société civile autour de "
                "l'Accélérateur d'initiatives citoyennes.",
        start=at(datetime.date(2023, 5, 10), 14), end=at(datetime.date(2023, 5, 10), 18),
        format="table-ronde", venue_name="DINUM", venue_city="Paris",
        organisers=[("organiser", {"name": "DINUM", "url": ""})],
        image=get_or_create_image("Bannière : table ronde", index=4, text="Table ronde"),
        stages=[stages["promouvoir"], stages["cooperer"]], tags=["Accélérateur", "communs"],
        description=[paragraph("Comment l'État peut-il soutenir des communs sans les "
                               "absorber ? Des invités de l'IGN, de l'Éducation nationale et de "
                               "la transformation publique en débattent.")],
        report=[paragraph("Idée forte de l'après-midi : communs, État et marché ne s'opposent "
                          "pas, ils peuvent coopérer au service de l'intérêt général.")],
    )
    events["nec2021"] = get_or_create_page(
        index, EventPage, "ateliers-design-et-communs-2021", report,
        title="Ateliers « Design et communs » à NEC 2021",
        tagline="Mutualiser les actions publiques en faveur des communs numériques.",
        start=at(datetime.date(2021, 9, 29), 9), end=at(datetime.date(2021, 9, 30), 17),
        format="atelier", venue_name="Château de la Mercerie",
        venue_city="Magnac-Lavalette-Villars (Charente)",
        image=get_or_create_image("Bannière : NEC 2021", index=2, text="Design et communs"),
        stages=[stages["cooperer"]], tags=["référentiel", "clausier"],
        description=[paragraph("Trois ateliers pour recenser les actions publiques et les "
                               "besoins de coordination entre acteurs.")],
        report=[paragraph("Les participants ont demandé un référentiel des actions publiques "
                          "sur les communs, une cartographie des communs français et européens, "
                          "un clausier pour les marchés et un annuaire de personnes-ressources.")],
    )
    day = upcoming_day(21)
    events["webinaire"] = get_or_create_page(
        index, EventPage, "webinaire-publier-son-code", report,
        title="Webinaire : publier son code source en toute sérénité",
        tagline="Licences, secrets à retirer, publiccode.yml : une heure pour tout savoir.",
        start=at(day, 11), end=at(day, 12, 30), format="webinaire",
        online_url="https://webinaire.example.org/publier-son-code",
        organisers=[("organiser", POLE)],
        image=get_or_create_image("Bannière : webinaire", index=1, text="Webinaire"),
        stages=[stages["ouvrir"]], tags=["licence", "publiccode.yml"],
        description=[paragraph("Une présentation suivie de questions-réponses.")],
    )
    day = upcoming_day(42)
    events["atelier"] = get_or_create_page(
        index, EventPage, "atelier-deployer-un-logiciel-libre", report,
        title="Atelier : déployer un logiciel libre dans son service",
        tagline="Retours d'expérience et mise en pratique en petits groupes.",
        start=at(day, 9, 30), end=at(day, 12, 30), format="atelier",
        venue_name="Maison de la modernisation", venue_address="59 boulevard Vincent-Auriol",
        venue_city="Paris", registration_url="https://inscription.example.org/atelier",
        registration_deadline=at(day - datetime.timedelta(days=7), 18),
        organisers=[("organiser", POLE)],
        image=get_or_create_image("Bannière : atelier", index=2, text="Atelier"),
        stages=[stages["utiliser"]], tags=["déploiement"],
        description=[paragraph("Places limitées à vingt personnes.")],
    )
    day = upcoming_day(120)
    events["rno2"] = get_or_create_page(
        index, EventPage, "deuxiemes-rencontres-du-numerique-ouvert", report,
        title="Deuxièmes Rencontres du Numérique Ouvert",
        tagline="La communauté se retrouve pour une nouvelle journée d'ateliers par étape du "
                "parcours.",
        start=at(day, 9), end=at(day, 17, 30), format="rencontre",
        venue_name="Centre de conférences ministériel", venue_city="Paris",
        online_url="https://webinaire.example.org/rno-direct",
        organisers=[("organiser", POLE)],
        image=get_or_create_image("Bannière : Rencontres à venir", index=5, text="RNO"),
        stages=list(stages.values()), tags=["communauté", "rencontres"],
        description=[paragraph("Plénière retransmise en direct ; ateliers sur place.")],
    )
    day = upcoming_day(60)
    events["annule"] = get_or_create_page(
        index, EventPage, "master-class-gouvernance-des-communs", report,
        title="Master-class : la gouvernance des communs",
        tagline="Reportée à une date ultérieure ; nous vous tiendrons informés.",
        start=at(day, 14), end=at(day, 16), format="master-class", status="cancelled",
        venue_name="Salle du conseil", venue_city="Lyon",
        stages=[stages["cooperer"]], tags=["gouvernance"],
        description=[paragraph("Cette séance est annulée.")],
    )
    return events
