"""The example ministry's ``load_demo``: the package's demo, plus one event of its own page type.

It shows how a site extends the demo: subclass the package's command, call ``super().build()``,
then add its own pages with the same idempotent helpers. Django picks this command over the
package's because ``example_site.ministry`` comes first in ``INSTALLED_APPS``.
"""

from __future__ import annotations

from numerique_ouvert.demo.builder import Demo
from numerique_ouvert.demo.content.schedule import banner, organiser, upcoming_event
from numerique_ouvert.demo.management.commands.load_demo import Command as DemoCommand
from numerique_ouvert.demo.streams import bullets, paragraph

from ...models import HybridEventPage


class Command(DemoCommand):
    def build(self, demo: Demo) -> None:
        super().build(demo)
        index = demo.indexes.get("events")
        if index is None:  # events left out of INSTALLED_APPS: nothing to add
            return
        upcoming_event(
            demo, index, "hybride", "table-ronde-achat-public-et-communs", days=30,
            hours=((14, 0), (16, 30)), model=HybridEventPage, format="table-ronde",
            title="Table ronde hybride : l'achat public au service des communs",
            tagline="Acheteurs et juristes partagent les clauses qui permettent de financer "
                    "support et contributions à des communs, sur place et en ligne.",
            venue_name="Ministère de l'Exemple, salle Condorcet",
            venue_address="1 place de l'Exemple", venue_city="Paris",
            online_url="https://visio.example.org/numerique-ouvert/achat-public-et-communs",
            venue_accessibility="Salle de plain-pied, accessible en fauteuil roulant.\n"
                                "Boucle à induction magnétique ; interprétation en langue des "
                                "signes sur demande, une semaine avant.",
            replay_url="https://video.example.org/numerique-ouvert/achat-public-et-communs",
            organisers=[organiser("Direction des achats du ministère de l'Exemple")],
            image=banner(demo, "table ronde achat public", "Achat public et communs", 3),
            stages=demo.stage_list("promouvoir", "cooperer"),
            tags=["achat public", "clausier", "hybride"],
            description=[paragraph(
                "Comment un marché public peut-il payer du support, des développements ou du "
                "temps de maintenance sur un commun ? Trois retours d'expérience, puis une "
                "discussion ouverte :",
                bullets("les clauses qui ont fonctionné ;", "celles qu'il faut éviter ;",
                        "l'idée d'un clausier partagé entre administrations."),
                "Le replay sera en ligne quelques jours après la table ronde.")],
        )
