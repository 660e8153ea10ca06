"""Demo guides: one per stage of the parcours, plus a draft to show editors what a draft looks like."""

from __future__ import annotations

import datetime

from numerique_ouvert.guides.models import GuideIndexPage, GuidePage

from ..builder import Demo, get_or_create_page
from ..images import get_or_create_image
from . import guide_bodies

OWNER = "Mission numérique ouvert du ministère de l'Exemple"
# A form rather than "mailto:": the guide's contact_url is a URLField, which rejects mailto:.
CONTACT = "https://contact.example.org/numerique-ouvert"
# Where editors would keep the guides' sources (a fictional forge on a reserved domain).
FORGE = "https://forge.example.org/numerique-ouvert/guides/-/edit/main/"

# key, slug, title, tagline, stage slugs, tags, colour, last reviewed, body
GUIDES = [
    ("comprendre", "comprendre-le-numerique-ouvert",
     "Comprendre le numérique ouvert dans l'administration",
     "Logiciel libre, open source, communs numériques : les notions de base et l'histoire d'une "
     "politique publique qui concerne chaque agent.",
     ["decouvrir"], ["culture du libre", "stratégie", "communs"], 0,
     datetime.date(2026, 2, 9), guide_bodies.understand),
    ("choisir", "choisir-et-deployer-un-logiciel-libre",
     "Choisir et déployer un logiciel libre",
     "Repérer les solutions déjà utilisées par d'autres administrations, les évaluer, puis les "
     "déployer sans réinventer la roue.",
     ["utiliser"], ["SILL", "déploiement", "achat public"], 1,
     datetime.date(2026, 4, 14), guide_bodies.deploy),
    ("convaincre", "convaincre-sa-hierarchie", "Convaincre sa hiérarchie",
     "Des arguments, des preuves et une trame de note pour porter un projet libre ou un commun "
     "auprès de sa direction.",
     ["promouvoir"], ["argumentaire", "financement", "management"], 3,
     datetime.date(2026, 1, 20), guide_bodies.convince),
    ("contribuer", "contribuer-a-un-commun-numerique", "Contribuer à un commun numérique",
     "Signaler, documenter, financer, coder : toutes les façons de prendre part à un commun, et "
     "les précautions à prendre quand on est agent public.",
     ["cooperer"], ["contribution", "gouvernance", "communauté"], 2,
     datetime.date(2026, 5, 4), guide_bodies.contribute),
    ("publier", "publier-le-code-source-de-son-projet", "Publier le code source de son projet",
     "Choisir une licence, préparer le dépôt et décrire son logiciel avec publiccode.yml pour "
     "qu'il soit trouvé et réutilisé.",
     ["ouvrir", "cooperer"], ["licence", "publiccode.yml", "forge"], 5,
     datetime.date(2026, 6, 30), guide_bodies.publish),
]

# Guide key -> pages to read next, as Demo.find() keys; missing features are skipped.
RELATED = {
    "comprendre": ["guides:choisir", "events:rno", "communs:open-food-facts"],
    "choisir": ["communs:umap", "communs:primtux", "events:atelier", "guides:convaincre"],
    "convaincre": ["events:table-ronde", "communs:demarches-simplifiees", "guides:comprendre"],
    "contribuer": ["communs:open-food-facts", "communs:pyronear", "events:nec2023",
                   "guides:publier"],
    "publier": ["events:webinaire", "communs:la-ressourcerie", "guides:contribuer"],
}


def build_guides(demo: Demo) -> dict[str, GuidePage]:
    log = demo.log
    index = get_or_create_page(
        log, demo.home, GuideIndexPage, "guides", title="Guides", show_in_menus=True,
        intro="Des fiches pratiques, écrites et relues par des agents, pour avancer à chaque "
              "étape du parcours : comprendre, choisir, convaincre, contribuer, publier.",
    )
    demo.indexes["guides"] = index
    for key, slug, title, tagline, stages, tags, colour, reviewed, body in GUIDES:
        # The banner shows the guide's stage; its title (the lookup key) stays the guide's.
        stage = demo.stage(stages[0])
        label = stage.name if stage else title
        banner = get_or_create_image(
            log, f"Bannière : {title}", text=label, colour=colour,
            description=f"Bandeau abstrait au titre « {label} », avec cinq étapes reliées.")
        illustration = get_or_create_image(
            log, f"Illustration : {title}", text=title, colour=colour + 1,
            description=f"Illustration abstraite du guide « {title} ».")
        demo.guides[key] = get_or_create_page(
            log, index, GuidePage, slug, title=title, tagline=tagline, image=banner,
            owner_name=OWNER, contact_url=CONTACT, last_reviewed=reviewed,
            propose_change_url=f"{FORGE}{slug}.md", body=body(illustration),
            stages=demo.stage_list(*stages), tags=tags,
        )
    get_or_create_page(
        log, index, GuidePage, "animer-une-communaute-d-utilisateurs", publish=False,
        title="Animer une communauté d'utilisateurs",
        tagline="Brouillon : un guide en cours d'écriture, visible des seuls éditeurs.",
        owner_name=OWNER, contact_url=CONTACT, body=guide_bodies.draft_community(),
        stages=demo.stage_list("cooperer"), tags=["communauté"],
    )
    return demo.guides


def link_guides(demo: Demo) -> None:
    """Fill each guide's "related pages" once commons and events exist.

    Done only while a guide has none, so a second run (or an editor's choice) is left alone."""
    for key, targets in RELATED.items():
        guide = demo.guides.get(key)
        if guide is None or guide.related_pages:
            continue
        pages = [page for page in map(demo.find, targets) if page is not None]
        if pages:
            guide.related_pages = [("page", page) for page in pages]
            guide.save_revision().publish()
