"""Geometry of the map's SVG: numbers only. The template ``map_svg.html`` draws it, so every
text (stage names typed by editors) goes through Django's escaping.

Columns are the stages, rows the three roles; in each cell one bar per capacity, with its
colour, its pattern and its number, so that colour never carries the information alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from numerique_ouvert.parcours.models import ParcoursCapacity

from .aggregate import MapData

# The seed's yellow, red and blue, from the DSFR palette (yellow-tournesol main-731,
# red-marianne main-472, blue-france sun-113), each with its own pattern; bars have a dark
# outline so that the light yellow keeps a 3:1 contrast with the background.
CAPACITY_STYLES = {
    ParcoursCapacity.OWN_NAME: {"colour": "#c8aa39", "pattern": "solid",
                                "legend": _("jaune, uni")},
    ParcoursCapacity.PROJECT: {"colour": "#e1000f", "pattern": "stripes",
                               "legend": _("rouge, rayures obliques")},
    ParcoursCapacity.EXPERT: {"colour": "#000091", "pattern": "dots",
                              "legend": _("bleu, pois")},
}

LABEL_WIDTH = 150
COLUMN_WIDTH = 190
HEADER_HEIGHT = 64
BAR_HEIGHT = 24
BAR_GAP = 6
ROW_PADDING = 12
ROW_HEIGHT = 3 * BAR_HEIGHT + 2 * BAR_GAP + 2 * ROW_PADDING
CELL_PADDING = 12
NUMBER_ROOM = 44  # room right of the longest bar for its number
LEGEND_LINE = 28
MARGIN = 16


@dataclass
class Bar:
    x: float
    y: float
    width: float
    count: int
    capacity: str
    capacity_label: str
    fill: str
    stage_slug: str
    role: str

    @property
    def text_x(self) -> float:
        return self.x + self.width + 6

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT - 7


@dataclass
class Column:
    x: float
    centre: float
    lines: list[str]
    stage: object


@dataclass
class RoleRow:
    y: float
    label_y: float
    label: str


@dataclass
class LegendItem:
    y: float
    fill: str
    label: str
    detail: str


@dataclass
class Layout:
    width: float
    height: float
    columns: list[Column] = field(default_factory=list)
    rows: list[RoleRow] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)
    patterns: list[dict] = field(default_factory=list)
    grid_bottom: float = 0
    grid_right: float = 0
    legend_top: float = 0

    # Dimensions the template needs.
    label_width = LABEL_WIDTH
    header_height = HEADER_HEIGHT
    bar_height = BAR_HEIGHT
    margin = MARGIN


def split_label(name: str, width: int = 18) -> list[str]:
    """A stage name on two lines at most, cut between words (SVG text does not wrap)."""
    words, lines, current = str(name).split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width and len(lines) < 1:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return lines


def layout(data: MapData, id_prefix: str) -> Layout:
    """Positions of every element of the map of ``data``; ``id_prefix`` keeps the pattern ids
    of the page unique."""
    stages, roles, capacities = data.stages, data.roles, data.capacities
    width = MARGIN * 2 + LABEL_WIDTH + COLUMN_WIDTH * max(len(stages), 1)
    grid_top = MARGIN + HEADER_HEIGHT
    grid_bottom = grid_top + ROW_HEIGHT * len(roles)
    legend_top = grid_bottom + 24
    height = legend_top + LEGEND_LINE * (len(capacities) + 1) + MARGIN
    result = Layout(width=width, height=height, grid_bottom=grid_bottom,
                    grid_right=width - MARGIN, legend_top=legend_top)

    fills = {}
    for capacity in capacities:
        style = CAPACITY_STYLES[capacity]
        pattern_id = f"{id_prefix}-{capacity.value}"
        fills[capacity.value] = f"url(#{pattern_id})"
        result.patterns.append({"id": pattern_id, "colour": style["colour"],
                                "kind": style["pattern"]})

    longest = max((data.count(s, r, c) for s in stages for r in roles for c in capacities),
                  default=0)
    bar_room = COLUMN_WIDTH - 2 * CELL_PADDING - NUMBER_ROOM
    for i, stage in enumerate(stages):
        x = MARGIN + LABEL_WIDTH + COLUMN_WIDTH * i
        result.columns.append(Column(x=x, centre=x + COLUMN_WIDTH / 2,
                                     lines=split_label(stage.name), stage=stage))
    for j, role in enumerate(roles):
        y = grid_top + ROW_HEIGHT * j
        result.rows.append(RoleRow(y=y, label_y=y + ROW_HEIGHT / 2 + 5, label=role.label))
        for column in result.columns:
            for k, capacity in enumerate(capacities):
                count = data.count(column.stage, role, capacity)
                length = bar_room * count / longest if longest else 0
                result.bars.append(Bar(
                    x=column.x + CELL_PADDING,
                    y=y + ROW_PADDING + k * (BAR_HEIGHT + BAR_GAP),
                    # A bar of one stays visible next to a bar of two hundred.
                    width=round(max(length, 3) if count else 0, 1),
                    count=count, capacity=capacity.value, capacity_label=capacity.label,
                    fill=fills[capacity.value], stage_slug=column.stage.slug,
                    role=role.value))
    for k, capacity in enumerate(capacities):
        result.legend.append(LegendItem(
            y=legend_top + LEGEND_LINE * (k + 1), fill=fills[capacity.value],
            label=capacity.label, detail=CAPACITY_STYLES[capacity]["legend"]))
    return result
