"""The aggregate a map shows: how many positions per stage, role and capacity, and how many
participants. Counted in two grouped queries, cached until a position or a stage changes.

Only these counts ever leave the database: no position is shown, exported publicly or
linkable to a person.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Count

from numerique_ouvert.core.cache import bump, cached
from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole
from numerique_ouvert.parcours.stages import all_stages

MAPS = "parcours_map"
# Bounds how late a process whose cache is not shared (local memory) shows a new position:
# with Redis or Memcached, ``bump`` reaches every process at once.
MAP_TIMEOUT = 15

ROLES = list(ParcoursRole)
CAPACITIES = list(ParcoursCapacity)


def invalidate_maps(**kwargs) -> None:
    bump(MAPS)


def count_positions(map_page_id: int, event_id: int | None) -> dict[str, Any]:
    """``{"counts": {(stage id, role, capacity): n}, "participants": n}`` from the database."""
    from .models import ParcoursPosition

    positions = ParcoursPosition.objects.filter(map_page_id=map_page_id)
    if event_id is not None:
        positions = positions.filter(event_id=event_id)
    rows = (positions.filter(stages__isnull=False).values("stages", "role", "capacity")
            .annotate(n=Count("pk")).order_by())
    return {
        "counts": {(row["stages"], row["role"], row["capacity"]): row["n"] for row in rows},
        "participants": positions.count(),
    }


@dataclass
class Row:
    """A line of the table: one role (or a total) at a stage, a count per capacity."""

    label: str
    role: str  # "" on a total line
    cells: list[tuple[str, int]]  # (capacity, count)

    @property
    def counts(self) -> list[int]:
        return [count for _, count in self.cells]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class StageRows:
    stage: Any
    rows: list[Row]
    total: Row


@dataclass
class MapData:
    """The counts of one map (the portal's, or one event's) over the current stages."""

    stages: list
    counts: dict[tuple[int, str, str], int]
    participants: int
    roles: list = field(default_factory=lambda: ROLES)
    capacities: list = field(default_factory=lambda: CAPACITIES)

    def count(self, stage, role: str, capacity: str) -> int:
        return self.counts.get((stage.pk, str(role), str(capacity)), 0)

    @cached_property
    def cells(self) -> list[dict[str, Any]]:
        """Every stage × role × capacity, zeros included, in parcours order."""
        return [
            {"stage": stage.slug, "role": role.value, "capacity": capacity.value,
             "count": self.count(stage, role, capacity)}
            for stage in self.stages for role in self.roles for capacity in self.capacities
        ]

    @property
    def total_placements(self) -> int:
        """Positions counted once per stage chosen (the sum of every cell)."""
        return sum(cell["count"] for cell in self.cells)

    @cached_property
    def version(self) -> str:
        """Changes whenever anything the map shows changes (counts, stage names or order): the
        live map replaces its drawing only then. The same in every process."""
        raw = json.dumps({"stages": [(s.slug, s.name) for s in self.stages],
                          "cells": self.cells, "participants": self.participants})
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    @cached_property
    def table(self) -> list[StageRows]:
        from django.utils.translation import gettext as _

        result = []
        for stage in self.stages:
            rows = [Row(role.label, role.value,
                        [(c.value, self.count(stage, role, c)) for c in self.capacities])
                    for role in self.roles]
            total = Row(_("Total"), "", [(c.value, sum(row.counts[i] for row in rows))
                                         for i, c in enumerate(self.capacities)])
            result.append(StageRows(stage, rows, total))
        return result

    @cached_property
    def capacity_totals(self) -> Row:
        from django.utils.translation import gettext as _

        return Row(_("Toutes les étapes"), "", [
            (c.value, sum(stage_rows.total.counts[i] for stage_rows in self.table))
            for i, c in enumerate(self.capacities)])


def map_data(map_page_id: int, event_id: int | None = None, request=None) -> MapData:
    """The aggregate of a map page (of one event if ``event_id``), from the cache when fresh."""
    found = cached(MAPS, f"{map_page_id}:{event_id or 0}",
                   lambda: count_positions(map_page_id, event_id), timeout=MAP_TIMEOUT)
    return MapData(stages=all_stages(request), counts=found["counts"],
                   participants=found["participants"])
