"""What the parcours hub shows: per stage, the items of every enabled feature.

The features describe their items through ``FeatureAppConfig.parcours_items``; this module
narrows them to a stage. Queries stay constant: the overview counts every feature and stage in
one ``UNION ALL`` query; a stage page runs one query per feature (its first items and, by a
window function, their total) plus one for all card images. The counts and the ids of each
stage's first items are cached until the next publication (``queries.cached_listing``): then
each feature costs one query by primary key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Count, F, Value, Window
from django.http import Http404

from numerique_ouvert.core.features import parcours_sources
from numerique_ouvert.core.queries import (
    cached_listing,
    card_rows,
    items_in_order,
    listing_key,
    listing_url_of,
    prefetch_card_renditions,
    site_root_page,
)

from .stages import all_stages


@dataclass
class StageSummary:
    """A stage of the overview and how many items each feature places on it."""

    stage: Any
    url: str
    counts: list[tuple[str, int]] = field(default_factory=list)  # (label, count)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


@dataclass
class StageSection:
    """One feature's items on a stage page."""

    key: str
    heading: str
    template: str
    items: list
    total: int
    more_url: str = ""


def overview_context(hub, request) -> dict:
    stages = all_stages(request)
    sources = parcours_sources(request, site_root_page(request))

    def count() -> dict[tuple[str, str], int]:
        if not sources:
            return {}
        parts = [
            queryset.select_related(None).prefetch_related(None).order_by()
            .values(feature=Value(feature.feature_key, output_field=CharField()),
                    stage=F("stages__slug"))
            .annotate(n=Count("pk", distinct=True))
            for feature, queryset in sources
        ]
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        return {(row["feature"], row["stage"]): row["n"] for row in rows if row["stage"]}

    counts = cached_listing(
        listing_key("hub", hub.pk, *sorted(feature.feature_key for feature, _ in sources)), count)
    summaries = [
        StageSummary(stage=stage, url=hub.stage_url(stage), counts=[
            (feature.parcours_count_label(counts.get((feature.feature_key, stage.slug), 0)),
             counts.get((feature.feature_key, stage.slug), 0))
            for feature, _ in sources
        ])
        for stage in stages
    ]
    return {"stage_summaries": summaries}


def stage_context(hub, request, stage_slug: str) -> dict:
    stages = all_stages(request)
    position = next((i for i, s in enumerate(stages) if s.slug == stage_slug), None)
    if position is None:
        raise Http404
    stage = stages[position]
    sections = []
    cards = []
    for feature, queryset in parcours_sources(request, site_root_page(request)):
        on_stage = queryset.prefetch_related(None).filter(stages=stage)

        def first_items(on_stage=on_stage) -> tuple[list, int]:
            rows = list(on_stage.annotate(parcours_total=Window(Count("pk")))
                        .values_list("pk", "parcours_total")[: hub.items_per_section])
            return [pk for pk, _ in rows], (rows[0][1] if rows else 0)

        ids, total = cached_listing(
            listing_key("stage", hub.pk, feature.feature_key, stage.pk), first_items)
        # Read by primary key, without the stage join.
        items = items_in_order(card_rows(queryset.prefetch_related(None)), ids)
        if not items:
            continue
        for item in items:
            # Every card of the section belongs to this stage: no badges, no query for them.
            item._ordered_stages = []
        more_url = ""
        if hasattr(items[0], "path"):  # pages (testimonies are not)
            cards.extend(items)
            listing = listing_url_of(items[0], request)
            more_url = f"{listing}?etape={stage.slug}" if listing else ""
        sections.append(StageSection(
            key=feature.feature_key, heading=str(feature.parcours_heading or feature.feature_label),
            template=feature.parcours_item_template, items=items,
            total=total, more_url=more_url,
        ))
    prefetch_card_renditions(cards)
    hub._current_stage = stage
    return {
        "stage": stage,
        "stage_number": position + 1,
        "stages": [(s, hub.stage_url(s)) for s in stages],
        "previous_stage": (stages[position - 1], hub.stage_url(stages[position - 1]))
        if position > 0 else None,
        "next_stage": (stages[position + 1], hub.stage_url(stages[position + 1]))
        if position + 1 < len(stages) else None,
        "stage_sections": sections,
    }
