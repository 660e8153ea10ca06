"""The example ministry's ``load_demo``: the package's demo plus one of its own hybrid events."""

from __future__ import annotations

from numerique_ouvert.demo.builder import Report, get_or_create_page, paragraph
from numerique_ouvert.demo.content.events import at, upcoming_day
from numerique_ouvert.demo.management.commands.load_demo import Command as DemoCommand

from ...models import HybridEventPage


class Command(DemoCommand):
    def build(self, report: Report) -> dict:
        built = super().build(report)
        events = built.get("events")
        if events:
            index = events["rno"].get_parent()
            day = upcoming_day(30)
            stages = built["stages"]
            get_or_create_page(
                index, HybridEventPage, "table-ronde-hybride-achats-et-communs", report,
                title="Table ronde hybride : acheter des services autour des communs",
                tagline="Comment les marchés publics peuvent financer support et contributions.",
                start=at(day, 14), end=at(day, 16), format="table-ronde",
                venue_name="Ministère de l'Exemple, salle Condorcet", venue_city="Paris",
                online_url="https://webinaire.example.org/achats-et-communs",
                venue_accessibility="Salle de plain-pied, boucle magnétique, interprétation en "
                                    "langue des signes sur demande une semaine avant.",
                replay_url="https://video.example.org/achats-et-communs",
                stages=[stages["cooperer"], stages["promouvoir"]], tags=["achat public"],
                description=[paragraph("Juristes et acheteurs partagent leurs clauses types.")],
            )
        return built


