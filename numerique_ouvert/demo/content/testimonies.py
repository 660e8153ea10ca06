"""Demo testimonies: approved ones with consent, and some awaiting or refused moderation."""

from __future__ import annotations

from numerique_ouvert.testimonies.models import Testimony, TestimonyIndexPage

from ..builder import Report, get_or_create_page

# text, name, role title, organisation, parcours role, capacity, stages, related key, status
TESTIMONIES = [
    ("J'ai trouvé d'autres agents qui déploient les mêmes outils que nous : on s'échange "
     "maintenant nos scripts d'installation.", "Claire M.", "Cheffe de projet SI",
     "Direction régionale", "pratiquant", "project", ["utiliser"], "rno", "approved"),
    ("L'atelier sur les communs m'a donné les mots pour présenter notre projet à ma "
     "direction.", "Karim B.", "Chargé de mission", "Ministère de l'Exemple", "ambassadeur",
     "project", ["promouvoir", "ouvrir"], "rno", "approved"),
    ("Voir la carte du parcours se remplir en direct, c'était une belle façon de repérer qui "
     "travaille sur quoi.", "", "Développeuse", "Opérateur de l'État", "pratiquant", "expert",
     ["cooperer"], "rno", "approved"),
    ("Nous utilisons uMap pour publier la carte de nos permanences : aucun développement, et "
     "les collègues la mettent à jour eux-mêmes.", "Sophie L.", "Chargée de communication",
     "Préfecture", "sympathisant", "own_name", ["utiliser"], "umap", "approved"),
    ("PrimTux a donné une seconde vie aux ordinateurs de notre école.", "Thomas R.",
     "Professeur des écoles", "Éducation nationale", "pratiquant", "own_name", ["utiliser"],
     "primtux", "approved"),
    ("Le guide sur la publication du code nous a évité plusieurs erreurs de licence.",
     "Nadia F.", "Architecte logiciel", "Ministère de l'Exemple", "ambassadeur", "expert",
     ["ouvrir"], "guide_ouvrir", "approved"),
    ("Pourrait-on organiser un atelier en région ?", "Julien P.", "Technicien", "Collectivité",
     "sympathisant", "own_name", ["decouvrir"], "rno", "submitted"),
    ("Très bonne journée, merci aux organisateurs.", "Anne D.", "", "", "pratiquant",
     "project", [], "rno", "submitted"),
    ("Nous contribuons à Open Food Facts depuis un an et aimerions témoigner plus longuement.",
     "Léa V.", "Data scientist", "Agence publique", "pratiquant", "expert", ["cooperer"],
     "open-food-facts", "submitted"),
    ("Message publicitaire sans rapport.", "", "", "", "", "", [], None, "rejected"),
]


def build_testimonies(home, stages: dict, related: dict, report: Report) -> None:
    get_or_create_page(
        home, TestimonyIndexPage, "temoignages", report, title="Témoignages", show_in_menus=True,
        intro="Des agents racontent ce que le numérique ouvert a changé pour eux. Chaque "
              "témoignage est publié après relecture, avec l'accord de son auteur ou autrice.",
    )
    for (text, name, role_title, organisation, role, capacity, stage_keys, related_key,
         status) in TESTIMONIES:
        if Testimony.objects.filter(text=text).exists():
            report.count("témoignages", created=False)
            continue
        testimony = Testimony.objects.create(
            text=text, author_name=name, role_title=role_title, organisation=organisation,
            parcours_role=role, capacity=capacity, status=status,
            consent_to_publish=status != "rejected",
            related_page=related.get(related_key) if related_key else None,
            contact_email="lea.v@example.org" if name == "Léa V." else "",
        )
        testimony.stages.set([stages[k] for k in stage_keys])
        report.count("témoignages", created=True)
