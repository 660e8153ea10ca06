"""French vocabulary of the benchmark's content: titles, short bodies, tags, public actors.

Titles are combinations of word lists, numbered so that every one of 10 000 items of a type gets
a distinct title; bodies draw sentences that talk about free software and digital commons, so
that the search pages find many (but not all) items. Everything is derived from a seeded
``random.Random``: two runs with the same N build the same site.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Sequence

TAGS = [
    "logiciel libre", "communs numériques", "interopérabilité", "open data", "sécurité",
    "souveraineté", "accessibilité", "éco-conception", "mutualisation", "licences",
    "gouvernance", "contribution", "API", "cartographie", "identité numérique", "cloud",
    "bureautique", "messagerie", "visioconférence", "formation", "achat public",
    "collectivités", "santé", "éducation", "recherche", "archives", "données personnelles",
    "intelligence artificielle", "DevOps", "documentation",
]

GUIDE_ACTIONS = [
    "Choisir", "Publier", "Auditer", "Documenter", "Déployer", "Financer", "Maintenir",
    "Mutualiser", "Migrer vers", "Évaluer", "Sécuriser", "Animer", "Ouvrir", "Contribuer à",
    "Former ses équipes à", "Acheter", "Héberger", "Traduire", "Tester", "Archiver",
    "Présenter", "Piloter", "Gouverner", "Promouvoir", "Valoriser",
]
GUIDE_OBJECTS = [
    "une licence libre", "le code source d'un service public", "une suite bureautique libre",
    "un commun numérique", "une API publique", "un jeu de données ouvert",
    "une messagerie instantanée", "un outil de visioconférence", "un logiciel métier",
    "une forge publique", "un annuaire de services", "un système d'information géographique",
    "une plateforme de formulaires", "un outil de gestion de projet", "une documentation",
    "un socle d'hébergement", "un poste de travail libre", "un référentiel d'interopérabilité",
    "une bibliothèque de composants", "un outil de cartographie", "une solution d'archivage",
    "un logiciel de gestion électronique de documents", "un tableur collaboratif",
    "un outil de sondage", "un wiki interne", "un système de tickets",
    "un environnement de développement", "une base de connaissances",
    "un service d'authentification", "un outil d'analyse d'audience",
]
GUIDE_CONTEXTS = [
    "dans un ministère", "dans une collectivité", "dans un établissement public",
    "en équipe projet", "avec un prestataire", "pas à pas", "en dix questions",
    "sans budget dédié", "avec la communauté", "à l'échelle d'un réseau",
    "dans un service déconcentré", "avec ses utilisateurs", "en mode produit",
    "dans un hôpital", "dans une université",
]

EVENT_THEMES = [
    "contribuer à un commun numérique", "publier son code source", "les licences libres",
    "l'open data en pratique", "la souveraineté numérique", "les logiciels libres au bureau",
    "la mutualisation entre administrations", "l'accessibilité des services publics",
    "l'éco-conception des services", "la gouvernance des communs", "l'achat de logiciels libres",
    "la sécurité des logiciels libres", "les API de l'État", "la cartographie libre",
    "l'identité numérique", "la messagerie de l'État", "le poste de travail libre",
    "l'intelligence artificielle ouverte", "la documentation contributive",
    "les forges publiques", "l'interopérabilité", "le cloud souverain",
    "les données de la recherche", "l'archivage numérique", "la formation des agents",
    "les communautés du libre", "les marchés publics", "les logiciels métiers partagés",
    "les données personnelles", "le design des services publics",
]
CITIES = [
    "Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux", "Strasbourg",
    "Rennes", "Montpellier", "Grenoble", "Dijon", "Rouen", "Orléans", "Clermont-Ferrand",
    "Besançon", "Metz", "Poitiers", "Ajaccio", "Pointe-à-Pitre", "Saint-Denis", "Nancy",
    "Caen", "Amiens", "Limoges",
]
VENUES = ["Maison du numérique", "Préfecture", "Hôtel de région", "Médiathèque",
          "Campus universitaire", "Tiers-lieu", "Centre de conférences", "Mairie"]

COMMUN_PREFIXES = [
    "Géo", "Data", "Libre", "Open", "Mutu", "Civi", "Agora", "Carto", "Docu", "Forma",
    "Archi", "Cadas", "Terri", "Santé", "Edu", "Cité", "Pub", "Régi", "Démo", "Inter",
    "Signa", "Formu", "Budg", "Mobi", "Eco", "Nume", "Ressou", "Conta", "Agen", "Proje",
    "Vélo", "Bio", "Socle", "Pivo", "Bâti", "Cons", "Pilo", "Sirè", "Accès", "Juri",
]
COMMUN_SUFFIXES = [
    "lib", "kit", "base", "commun", "data", "lab", "doc", "flow", "stat", "map", "form",
    "net", "zone", "hub", "pad", "scope", "sphère", "ligne", "point", "pratic", "pilote",
    "plan", "note", "sens", "fab", "park", "trace", "link", "pack", "box",
]
COMMUN_DOMAINS = [
    "", " Territoires", " Santé", " Éducation", " Agents", " Citoyens", " Collectivités",
    " Recherche", " Culture", " Mobilités",
]
LICENCES = [
    "AGPL-3.0-or-later", "EUPL-1.2", "MIT", "Apache-2.0", "GPL-3.0-or-later", "CECILL-2.1",
    "LGPL-3.0-or-later", "MPL-2.0", "etalab-2.0", "CC-BY-SA-4.0", "ODbL-1.0",
    "MIT OR Apache-2.0",
]

ACTORS = [
    ("Direction interministérielle du numérique", "DINUM", "ministry"),
    ("Ministère de l'Éducation nationale", "MENJ", "ministry"),
    ("Ministère de l'Intérieur", "MI", "ministry"),
    ("Ministère de la Culture", "MC", "ministry"),
    ("Ministère des Armées", "MINARM", "ministry"),
    ("Ministère de la Justice", "MJ", "ministry"),
    ("Ministère de la Transition écologique", "MTE", "ministry"),
    ("Ministère de l'Économie et des Finances", "MEF", "ministry"),
    ("Ministère du Travail", "MT", "ministry"),
    ("Ministère de la Santé", "MS", "ministry"),
    ("Ministère de l'Agriculture", "MASA", "ministry"),
    ("Ministère de l'Enseignement supérieur", "MESR", "ministry"),
    ("Institut national de l'information géographique et forestière", "IGN", "operator"),
    ("Institut national de la statistique", "Insee", "operator"),
    ("Agence nationale de la cohésion des territoires", "ANCT", "operator"),
    ("Agence nationale de la sécurité des systèmes d'information", "ANSSI", "operator"),
    ("Centre national de la recherche scientifique", "CNRS", "operator"),
    ("Institut national de recherche en informatique", "Inria", "operator"),
    ("Caisse nationale d'allocations familiales", "CNAF", "operator"),
    ("France Travail", "", "operator"),
    ("Région Occitanie", "", "local"),
    ("Région Bretagne", "", "local"),
    ("Département de la Gironde", "", "local"),
    ("Département du Nord", "", "local"),
    ("Ville de Lyon", "", "local"),
    ("Ville de Grenoble", "", "local"),
    ("Métropole de Lille", "", "local"),
    ("Eurométropole de Strasbourg", "", "local"),
    ("Commission européenne", "", "european"),
    ("Gouvernement de la Bavière", "", "european"),
    ("Adullact", "", "association"),
    ("OpenStreetMap France", "OSM-FR", "association"),
    ("April", "", "association"),
    ("Framasoft", "", "association"),
    ("Fondation Wikimédia France", "", "association"),
    ("Open Knowledge Foundation", "OKF", "association"),
    ("Coopérative Libre", "", "company"),
    ("Société des logiciels ouverts", "", "company"),
    ("Réseau des territoires numériques", "", "other"),
    ("Collectif des communs publics", "", "other"),
]
PROGRAMMES = ["Accélérateur d'initiatives citoyennes", "Fonds pour les communs numériques",
              "Programme Incubateur de l'État", "Mission logiciels libres",
              "Appel à projets France Relance"]

FIRST_NAMES = ["Camille", "Dominique", "Claire", "Karim", "Sophie", "Julien", "Nadia", "Thomas",
               "Élodie", "Mathieu", "Inès", "Yann", "Léa", "Hugo", "Fatou", "Pierre"]
LAST_NAMES = ["Martin", "Bernard", "Durand", "Lefebvre", "Moreau", "Laurent", "Nguyen",
              "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert"]
ROLE_TITLES = ["cheffe de projet", "architecte SI", "développeur", "DSI adjoint",
               "chargée de mission numérique", "administrateur systèmes", "agent d'accueil",
               "responsable achats", "data scientist", "directrice de projet"]

SENTENCES = [
    "Les logiciels libres permettent aux administrations de maîtriser leurs systèmes "
    "d'information et de mutualiser leurs développements.",
    "Un commun numérique est une ressource partagée, gérée par une communauté qui en fixe les "
    "règles d'usage et de contribution.",
    "Publier le code source d'un service public renforce la transparence de l'action publique.",
    "Le choix d'une licence libre se fait dès le début du projet, avec les équipes juridiques.",
    "L'interopérabilité garantit que les données circulent entre les services sans dépendre "
    "d'un seul fournisseur.",
    "La communauté se réunit chaque mois pour prioriser les évolutions et relire les "
    "contributions.",
    "Les agents peuvent signaler un problème ou proposer une amélioration sur la forge publique.",
    "Plusieurs collectivités utilisent déjà cet outil et partagent leurs retours d'expérience.",
    "La documentation est rédigée en français et enrichie par les utilisateurs.",
    "Un comité de pilotage associe les administrations qui financent le commun.",
    "Les données ouvertes sont publiées sous licence ouverte et mises à jour chaque semaine.",
    "La sécurité du logiciel est auditée régulièrement par des experts indépendants.",
    "Le marché public prévoit la contribution des correctifs au projet amont.",
    "Les logiciels libres réduisent la dépendance aux éditeurs et facilitent la réversibilité.",
    "L'hébergement est assuré sur un cloud qualifié, dans le respect des données personnelles.",
    "Des ateliers de prise en main sont proposés aux nouveaux utilisateurs.",
    "Le projet suit une démarche d'éco-conception pour limiter son empreinte environnementale.",
    "L'accessibilité du service a été évaluée selon le référentiel général d'amélioration de "
    "l'accessibilité.",
    "Chaque version est accompagnée de notes de publication et d'un guide de migration.",
    "La gouvernance ouverte permet à toute administration de rejoindre le projet.",
    "Les contributions externes sont relues par au moins deux mainteneurs.",
    "Une feuille de route publique présente les évolutions des prochains mois.",
    "Le retour d'expérience montre des économies importantes sur les licences propriétaires.",
    "Les équipes ont formé plus de deux cents agents en un an.",
]
HEADINGS = ["Pour commencer", "Contexte", "Les étapes", "Bonnes pratiques", "Points de vigilance",
            "Ressources", "Retours d'expérience", "Pour aller plus loin"]


def numbered(base: str, index: int, combinations: int) -> str:
    """``base`` as is for the first round of combinations, then "base (2)", "base (3)"…"""
    round_number = index // combinations
    return base if round_number == 0 else f"{base} ({round_number + 1})"


def guide_title(index: int) -> str:
    """A distinct guide title for each index: every (action, object, context) once, then again
    with a number."""
    actions, objects, contexts = len(GUIDE_ACTIONS), len(GUIDE_OBJECTS), len(GUIDE_CONTEXTS)
    base = (f"{GUIDE_ACTIONS[index % actions]} {GUIDE_OBJECTS[(index // actions) % objects]} "
            f"{GUIDE_CONTEXTS[(index // (actions * objects)) % contexts]}")
    return numbered(base, index, actions * objects * contexts)


def event_title(index: int, format_label: str) -> str:
    themes, cities = len(EVENT_THEMES), len(CITIES)
    theme = EVENT_THEMES[index % themes]
    city = CITIES[(index // themes) % cities]
    return numbered(f"{format_label} : {theme} à {city}", index, themes * cities)


def commun_name(index: int) -> str:
    prefixes, suffixes, domains = len(COMMUN_PREFIXES), len(COMMUN_SUFFIXES), len(COMMUN_DOMAINS)
    word = (COMMUN_PREFIXES[index % prefixes]
            + COMMUN_SUFFIXES[(index // prefixes) % suffixes])
    domain = COMMUN_DOMAINS[(index // (prefixes * suffixes)) % domains]
    return numbered(word + domain, index, prefixes * suffixes * domains)


def sentences(rng: random.Random, count: int) -> str:
    return " ".join(rng.sample(SENTENCES, count))


def paragraph(rng: random.Random, count: int = 3) -> str:
    """Rich text HTML of a paragraph block."""
    return f"<p>{sentences(rng, count)}</p>"


def body_stream(rng: random.Random, *, headings: int = 1) -> list[dict]:
    """The raw data of a short ``ContentStreamBlock`` value: heading and paragraph pairs."""
    stream = []
    for heading in rng.sample(HEADINGS, headings):
        stream.append(block("heading", {"text": heading, "level": "h2", "anchor": ""}))
        stream.append(block("paragraph", paragraph(rng, rng.randint(2, 4))))
    return stream


def block(block_type: str, value) -> dict:
    """One StreamField child in Wagtail's stored JSON form."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def pick_some(rng: random.Random, items: Sequence, low: int, high: int) -> list:
    """Between ``low`` and ``high`` distinct items."""
    return rng.sample(list(items), rng.randint(low, high))


def rng_for(purpose: str, seed: int = 0) -> random.Random:
    """A random generator per purpose: a change to one builder does not reshuffle the others."""
    return random.Random(f"{seed}:{purpose}")


def stream_json(stream: list[dict]) -> str:
    """A StreamField value as stored JSON: Wagtail keeps it raw, unparsed, until it is read."""
    return json.dumps(stream, ensure_ascii=False)
