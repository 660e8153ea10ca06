"""Demo commons with their governance, public actors, support programme and uses."""

from __future__ import annotations

from numerique_ouvert.communs.models import (
    CommunActorRelation,
    CommunIndexPage,
    CommunPage,
    PublicActor,
    SupportProgramme,
)

from ..builder import Report, get_or_create_object, get_or_create_page, paragraph, rich
from ..images import get_or_create_image

ACTORS = {
    "dinum": ("Direction interministérielle du numérique", "DINUM", "ministry"),
    "anct": ("Agence nationale de la cohésion des territoires", "ANCT", "operator"),
    "ademe": ("Agence de la transition écologique", "ADEME", "operator"),
    "ign": ("Institut national de l'information géographique et forestière", "IGN", "operator"),
    "menj": ("Ministère de l'Éducation nationale", "MENJ", "ministry"),
    "travail": ("Ministère du Travail", "", "ministry"),
    "sdis07": ("Service départemental d'incendie et de secours de l'Ardèche", "SDIS 07", "local"),
}

# name, slug, kind, status, licence, website, repository, structure, tagline, stages,
# featured, accelerator, actor relations, uses
COMMUNS = [
    ("Open Food Facts", "open-food-facts", "data", "stable", "AGPL-3.0-only",
     "https://world.openfoodfacts.org", "https://github.com/openfoodfacts",
     "Association Open Food Facts",
     "Une base de données ouverte des produits alimentaires, enrichie par ses utilisateurs.",
     ["utiliser", "cooperer"], True, True,
     [("ademe", "contributes", "Données d'impact environnemental"), ("dinum", "funds", "")],
     [("Étiqueter l'impact carbone", "ADEME", 2023,
       "Les données ouvertes de composition servent de base au calcul de l'impact des "
       "produits.")]),
    ("PrimTux", "primtux", "software", "stable", "GPL-3.0-or-later", "https://primtux.fr", "",
     "Association PrimTux",
     "Un environnement libre pour les élèves de 3 à 10 ans, qui redonne vie aux vieux "
     "ordinateurs.", ["utiliser"], True, True,
     [("menj", "uses", "Écoles pilotes")],
     [("Des postes reconditionnés pour une école rurale", "Une circonscription du premier "
       "degré", 2024, "Une dizaine d'ordinateurs anciens équipés de PrimTux ont rejoint la "
       "classe informatique.")]),
    ("uMap", "umap", "software", "stable", "WTFPL", "https://umap-project.org",
     "https://github.com/umap-project/umap", "Communauté OpenStreetMap",
     "Créer en quelques minutes des cartes personnalisées sur fond OpenStreetMap et les "
     "intégrer à un site.", ["utiliser", "cooperer"], True, True,
     [("anct", "hosts", "Instance pour les agents publics"), ("dinum", "funds", ""),
      ("ign", "uses", "")],
     [("Cartographier les lieux de médiation numérique", "ANCT", 2023,
       "Les agents publient des cartes de lieux sans passer par un développeur.")]),
    ("Pyronear", "pyronear", "software", "beta", "Apache-2.0", "https://pyronear.org",
     "https://github.com/pyronear", "Association Pyronear",
     "Détecter tôt les départs de feu de forêt grâce à des caméras et à l'apprentissage "
     "automatique.", ["cooperer", "ouvrir"], True, True,
     [("sdis07", "uses", "Expérimentation en Ardèche")],
     [("Une alerte avant les pompiers", "SDIS de l'Ardèche", 2022,
       "Lors d'un été d'expérimentation, le dispositif a repéré un départ de feu plusieurs "
       "heures avant le premier signalement.")]),
    ("La Ressourcerie", "la-ressourcerie", "documentation", "beta", "AGPL-3.0-only", "", "",
     "Ministère du Travail",
     "Un lieu de partage des ressources numériques de la sphère travail, interopérable avec "
     "api.gouv.fr.", ["cooperer", "ouvrir"], False, False,
     [("travail", "hosts", ""), ("dinum", "contributes", "Format de fiches partagé")], []),
    ("Tchap", "tchap", "software", "stable", "AGPL-3.0-only", "", "", "DINUM",
     "La messagerie instantanée des agents publics, fondée sur le protocole ouvert Matrix.",
     ["utiliser"], False, False, [("dinum", "hosts", "")], []),
    ("Démarches simplifiées", "demarches-simplifiees", "software", "stable", "AGPL-3.0-only",
     "", "", "DINUM",
     "Dématérialiser un formulaire administratif sans développement.", ["utiliser", "ouvrir"],
     False, False, [("dinum", "hosts", "")], []),
]


def build_communs(home, stages: dict, report: Report) -> dict[str, CommunPage]:
    index = get_or_create_page(
        home, CommunIndexPage, "communs", report, title="Communs numériques", show_in_menus=True,
        intro="Les communs sur lesquels s'appuient les administrations : qui les porte, comment "
              "y contribuer et ce qu'en font les services publics.",
    )
    actors = {key: get_or_create_object(PublicActor, {"name": name}, report, acronym=acronym,
                                        kind=kind)
              for key, (name, acronym, kind) in ACTORS.items()}
    accelerator = get_or_create_object(
        SupportProgramme, {"name": "Accélérateur d'initiatives citoyennes"}, report,
        description="Programme de la DINUM et de la DITP qui accompagne des projets de la "
                    "société civile au service de l'intérêt général.")
    communs = {}
    for position, (name, slug, kind, status, licence, website, repository, structure, tagline,
                   stage_keys, featured, accelerated, relations, uses) in enumerate(COMMUNS):
        def attach(page, relations=relations, accelerated=accelerated):
            for order, (actor, relation, note) in enumerate(relations):
                page.actor_relations.add(CommunActorRelation(
                    actor=actors[actor], relation=relation, note=note, sort_order=order))
            if accelerated:
                page.support_programmes.add(accelerator)
            page.save()

        initials = "".join(word[0] for word in name.split()[:2]).upper()
        communs[slug] = get_or_create_page(
            index, CommunPage, slug, report, title=name, tagline=tagline, kind=kind,
            status=status, licence=licence, website=website, source_repository=repository,
            carrying_structure=structure, featured=featured,
            logo=get_or_create_image(f"Logo : {name}", kind="logo", index=position,
                                     text=initials),
            description=[paragraph(tagline, "Cette fiche de démonstration résume le commun ; "
                                   "consultez son site pour les informations à jour.")],
            uses=[("use", {"title": t, "administration": a, "year": y, "story": rich(s),
                           "link": ""}) for t, a, y, s in uses],
            stages=[stages[k] for k in stage_keys], tags=[kind, "communs"],
            after_create=attach,
        )
    return communs
