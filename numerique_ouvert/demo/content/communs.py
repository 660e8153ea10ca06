"""Demo commons with their governance, community channels, public actors, support programme and uses.

Only addresses the projects publish themselves are given; unknown ones are left blank.
"""

from __future__ import annotations

from typing import Any

from numerique_ouvert.communs.models import (
    CommunActorRelation,
    CommunIndexPage,
    CommunPage,
    PublicActor,
    SupportProgramme,
)

from ..builder import Demo, get_or_create_object, get_or_create_page
from ..images import get_or_create_image
from ..streams import paragraph, rich
from .communs_data import ACTORS, COMMUNS, Commun

ACCELERATOR = "Accélérateur d'initiatives citoyennes"


def build_communs(demo: Demo) -> dict[str, CommunPage]:
    log = demo.log
    index = get_or_create_page(
        log, demo.home, CommunIndexPage, "communs", title="Communs numériques",
        show_in_menus=True,
        intro="Des ressources numériques entretenues par des communautés et gouvernées par des "
              "règles explicites. Pour chacune : qui la porte, comment y contribuer, et ce "
              "qu'en font les administrations.",
    )
    demo.indexes["communs"] = index
    actors = {key: get_or_create_object(log, PublicActor, {"name": name}, acronym=acronym,
                                        kind=kind, website=website)
              for key, (name, acronym, kind, website) in ACTORS.items()}
    accelerator = get_or_create_object(
        log, SupportProgramme, {"name": ACCELERATOR},
        url="https://citoyens.transformation.gouv.fr/",
        description="Programme de la DINUM, mené avec la DITP, qui aide des initiatives "
                    "citoyennes d'intérêt général à grandir : expertise, mise en relation avec "
                    "les administrations et financement.")
    for position, commun in enumerate(COMMUNS):
        demo.communs[commun.slug] = get_or_create_page(
            log, index, CommunPage, commun.slug, **_fields(demo, commun, position),
            stages=demo.stage_list(*commun.stages), tags=commun.tags,
            after_create=_attach(commun, actors, accelerator),
        )
    return demo.communs


def _fields(demo: Demo, commun: Commun, position: int) -> dict[str, Any]:
    initials = "".join(word[0] for word in commun.name.replace("-", " ").split()[:2]).upper()
    return {
        "title": commun.name, "tagline": commun.tagline, "kind": commun.kind,
        "status": commun.status, "licence": commun.licence, "featured": commun.featured,
        "website": commun.website, "source_repository": commun.repository,
        "carrying_structure": commun.structure, "governance_url": commun.governance_url,
        "contribution_url": commun.contribution_url, "forum_url": commun.forum_url,
        "chat_url": commun.chat_url,
        "logo": get_or_create_image(
            demo.log, f"Logo : {commun.name}", text=initials, colour=position, logo=True,
            description=f"Logo de démonstration de {commun.name} : les initiales "
                        f"« {initials} » sur fond de couleur."),
        "description": [paragraph(*commun.description)],
        "uses": [("use", {"title": title, "administration": who, "year": year,
                          "story": rich(story), "link": ""})
                 for title, who, year, story in commun.uses],
    }


def _attach(commun: Commun, actors: dict[str, PublicActor], accelerator: SupportProgramme):
    """Actor relations and the support programme, added before the first revision."""
    def attach(page: CommunPage) -> None:
        for order, (actor, relation, note) in enumerate(commun.relations):
            page.actor_relations.add(CommunActorRelation(
                actor=actors[actor], relation=relation, note=note, sort_order=order))
        if commun.accelerated:
            page.support_programmes.add(accelerator)

    return attach
