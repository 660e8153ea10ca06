"""Create the five stages of the parcours du numérique ouvert. Editors may then reword them."""

from django.db import migrations

STAGES = [
    ("decouvrir", "Découvrir", "fr-icon-compass-3-line", "blue-ecume",
     "Comprendre le numérique ouvert dans l'administration : son histoire, sa stratégie, "
     "ses valeurs et ce qu'il change concrètement."),
    ("utiliser", "Utiliser", "fr-icon-tools-line", "green-emeraude",
     "Adopter des logiciels libres pour mieux maîtriser, sécuriser et mutualiser ses "
     "systèmes d'information."),
    ("promouvoir", "Promouvoir", "fr-icon-megaphone-line", "yellow-tournesol",
     "Convaincre sa hiérarchie et son environnement professionnel de s'engager dans le "
     "numérique ouvert."),
    ("cooperer", "Coopérer", "fr-icon-team-line", "orange-terre-battue",
     "Travailler avec l'écosystème du logiciel libre et des communs numériques."),
    ("ouvrir", "Ouvrir", "fr-icon-git-branch-line", "purple-glycine",
     "Partager ses propres projets logiciels pour favoriser la mutualisation, la "
     "transparence et la contribution."),
]


def create_stages(apps, schema_editor):
    ParcoursStage = apps.get_model("numerique_ouvert_parcours", "ParcoursStage")
    for order, (slug, name, icon, colour, short) in enumerate(STAGES):
        # get_or_create: never overwrite stages an editor already reworded.
        ParcoursStage.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "icon": icon, "colour": colour,
                      "short_description": short, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("numerique_ouvert_parcours", "0001_initial")]

    operations = [migrations.RunPython(create_stages, migrations.RunPython.noop)]
