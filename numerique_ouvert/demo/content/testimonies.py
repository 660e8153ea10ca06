"""Demo testimonies: published ones (approved, with consent), some awaiting moderation, one refused.

Names are fictional. Contact addresses use the reserved example.org domain; they are for
moderators only, and the demo's tests check that they never reach a public page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from numerique_ouvert.testimonies.models import ModerationStatus, Testimony, TestimonyIndexPage

from ..builder import Demo, get_or_create_page

APPROVED, SUBMITTED, REJECTED = (ModerationStatus.APPROVED, ModerationStatus.SUBMITTED,
                                 ModerationStatus.REJECTED)


@dataclass(frozen=True)
class Story:
    text: str
    status: str
    about: str | None = None  # a Demo.find() key: the event, commun or guide it is about
    author_name: str = ""
    role_title: str = ""
    organisation: str = ""
    parcours_role: str = ""
    capacity: str = ""
    stages: tuple[str, ...] = ()
    contact_email: str = ""
    # When it was received: a date (testimonies about a past event) or a number of days ago.
    received: datetime.date | int = 30


STORIES = [
    Story("À l'atelier « Utiliser », j'ai découvert qu'une autre direction déployait le même "
          "outil que nous. Depuis, nous partageons nos scripts d'installation et nos notes de "
          "mise à jour.", APPROVED, "events:rno", "Claire M.", "Cheffe de projet SI",
          "Direction régionale", "pratiquant", "project", ("utiliser",),
          received=datetime.date(2025, 11, 14)),
    Story("L'atelier sur les communs m'a donné les mots pour défendre notre projet devant ma "
          "direction : gouvernance partagée, financement, posture de l'administration.",
          APPROVED, "events:rno", "Karim B.", "Chargé de mission numérique",
          "Ministère de l'Exemple", "ambassadeur", "project", ("promouvoir", "ouvrir"),
          received=datetime.date(2025, 11, 15)),
    Story("Voir la carte du parcours se remplir en direct m'a permis de repérer, en quelques "
          "minutes, les personnes avec qui je voulais parler.", APPROVED, "events:rno",
          role_title="Développeuse", organisation="Un opérateur de l'État",
          parcours_role="pratiquant", capacity="expert", stages=("cooperer",),
          received=datetime.date(2025, 11, 17)),
    Story("Nous publions la carte de nos permanences avec uMap. Aucun développement, et les "
          "collègues des antennes la mettent à jour eux-mêmes.", APPROVED, "communs:umap",
          "Sophie L.", "Chargée de communication", "Une préfecture", "sympathisant",
          "own_name", ("utiliser",), received=200),
    Story("Grâce à PrimTux, les vieux ordinateurs de l'école ont repris du service, et les "
          "élèves trouvent des activités à leur niveau.", APPROVED, "communs:primtux",
          "Thomas R.", "Professeur des écoles", "Éducation nationale", "pratiquant",
          "own_name", ("utiliser",), received=150),
    Story("Le guide sur la publication du code nous a évité une erreur de licence et nous a "
          "fait découvrir publiccode.yml.", APPROVED, "guides:publier", "Nadia F.",
          "Architecte logicielle", "Ministère de l'Exemple", "ambassadeur", "expert",
          ("ouvrir",), contact_email="nadia.f@example.org", received=90),
    Story("Contribuer aux données d'Open Food Facts avec mon équipe a été la meilleure "
          "introduction aux communs que je connaisse.", APPROVED, "communs:open-food-facts",
          "Léa V.", "Data scientist", "Une agence publique", "pratiquant", "expert",
          ("cooperer",), received=60),
    Story("Serait-il possible d'organiser un atelier en région ? Beaucoup de collègues ne "
          "peuvent pas se déplacer à Paris.", SUBMITTED, "events:rno", "Julien P.",
          "Technicien informatique", "Une collectivité", "sympathisant", "own_name",
          ("decouvrir",), contact_email="julien.p@example.org", received=5),
    Story("Le guide « Contribuer à un commun numérique » m'a aidé à convaincre mon service de "
          "remonter nos corrections au projet.", SUBMITTED, "guides:contribuer", "Marc D.",
          "Administrateur systèmes", "Un service déconcentré", "pratiquant", "project",
          ("cooperer",), received=3),
    Story("Très belle journée, merci aux organisateurs et aux facilitateurs.", SUBMITTED,
          "events:rno", "Anne D.", parcours_role="pratiquant", capacity="project", received=2),
    Story("Découvrez notre offre exceptionnelle de licences à prix cassés !", REJECTED,
          contact_email="promo@example.org", received=10),
]


def build_testimonies(demo: Demo) -> None:
    demo.indexes["testimonies"] = get_or_create_page(
        demo.log, demo.home, TestimonyIndexPage, "temoignages", title="Témoignages",
        show_in_menus=True,
        intro="Des agents racontent ce que le numérique ouvert a changé dans leur travail. "
              "Chaque témoignage est relu avant publication, et publié seulement avec "
              "l'accord de son auteur ou de son autrice.",
    )
    label = Testimony._meta.verbose_name_plural
    for story in STORIES:
        # A testimony has no name or slug: its text is its key.
        if Testimony.objects.filter(text=story.text).exists():
            demo.log.count(label, created=False)
            continue
        if isinstance(story.received, datetime.date):
            received = datetime.datetime.combine(story.received, datetime.time(10),
                                                 tzinfo=datetime.UTC)
        else:
            received = timezone.now() - datetime.timedelta(days=story.received)
        testimony = Testimony(
            text=story.text, status=story.status, author_name=story.author_name,
            role_title=story.role_title, organisation=story.organisation,
            parcours_role=story.parcours_role, capacity=story.capacity,
            consent_to_publish=story.status != REJECTED, contact_email=story.contact_email,
            related_page=demo.find(story.about) if story.about else None,
            submitted_at=received,
        )
        if story.status == APPROVED:  # moderated a day after it was received
            testimony.published_at = testimony.submitted_at + datetime.timedelta(days=1)
        testimony.stages.set(demo.stage_list(*story.stages))  # kept until save (modelcluster)
        testimony.full_clean()
        testimony.save()
        demo.log.count(label, created=True)
