"""The demo's parcours map: the map page, and where the participants of the Rencontres du
Numérique Ouvert 2025 stood (a plausible set shaped like the seed's account: few came in their
own name, few stood at "Découvrir", few called themselves sympathisants), plus a few positions
sent from the portal outside any event."""

from __future__ import annotations

import datetime
import random

from numerique_ouvert.parcours_map.models import ParcoursMapPage, ParcoursPosition

from .builder import Demo, get_or_create_page

MAP_INTRO = (
    "Où en sont les agents avec le numérique ouvert ? Chacun se situe, anonymement, sur les "
    "étapes du parcours, avec son rôle et la raison de sa venue : la carte montre qui est où, "
    "pour que chacun repère ses pairs."
)
RNO_PARTICIPANTS = 120
PORTAL_POSITIONS = 18

# Relative weights, from the report of the day.
STAGE_WEIGHTS = {"decouvrir": 1, "utiliser": 6, "promouvoir": 5, "cooperer": 5, "ouvrir": 4}
ROLE_WEIGHTS = {"pratiquant": 6, "sympathisant": 1, "ambassadeur": 4}
CAPACITY_WEIGHTS = {"own_name": 1, "project": 5, "expert": 3}


def build_parcours_map(demo: Demo) -> ParcoursMapPage:
    """The map page under the home page, and its demo positions (created once: each has a
    fixed submission key, so a second run finds them all)."""
    page = get_or_create_page(demo.log, demo.home, ParcoursMapPage, "carte-du-parcours",
                              title="Carte du parcours", intro=MAP_INTRO)
    demo.indexes["parcours_map"] = page
    event = demo.find("events:rno")
    if event is not None:
        _positions(demo, page, event, "rno-2025", RNO_PARTICIPANTS,
                   timezone_day(event.start))
    _positions(demo, page, None, "portail", PORTAL_POSITIONS, datetime.date(2025, 12, 1))
    return page


def timezone_day(moment: datetime.datetime) -> datetime.date:
    from django.utils import timezone

    return timezone.localtime(moment).date()


def _positions(demo: Demo, page, event, prefix: str, count: int, day: datetime.date) -> None:
    stages = [demo.stages[slug] for slug in STAGE_WEIGHTS if slug in demo.stages]
    if not stages:
        return
    keys = [f"demo-{prefix}-{n:03d}" for n in range(count)]
    existing = set(ParcoursPosition.objects.filter(submission_key__in=keys)
                   .values_list("submission_key", flat=True))
    rng = random.Random(prefix)  # the same demo on every machine
    label = ParcoursPosition._meta.verbose_name_plural
    for key in keys:
        # Drawn for every key, stored or not, so that a partial run completes the same set.
        chosen = _draw_stages(rng, stages)
        role = _weighted(rng, ROLE_WEIGHTS)
        capacity = _weighted(rng, CAPACITY_WEIGHTS)
        if key in existing:
            demo.log.count(label, created=False)
            continue
        position = ParcoursPosition.objects.create(
            map_page=page, event=event, role=role, capacity=capacity, created_on=day,
            submission_key=key)
        position.stages.set(chosen)
        demo.log.count(label, created=True)


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _draw_stages(rng: random.Random, stages: list) -> list:
    """One to three stages, each person's next to one another (people stand on a stretch of
    the parcours, rarely on scattered stages)."""
    weights = [STAGE_WEIGHTS.get(stage.slug, 1) for stage in stages]
    first = rng.choices(range(len(stages)), weights=weights)[0]
    span = rng.choices((1, 2, 3), weights=(5, 3, 1))[0]
    return stages[first:first + span]
