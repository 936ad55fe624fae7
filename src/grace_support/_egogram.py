"""The geometry of an egogram, computed once and drawn twice (matplotlib and SVG).

Everything is in points (1/72 inch) with the origin at the bottom left and y up,
so the matplotlib drawing and the SVG (which flips y) share the same numbers.

The layout guarantees, by construction and by checking every pair of boxes:

- every person is an *item*: a node, up to four support marks around it and an
  optional label under it; no two items' boxes overlap, so no label overlaps
  another label and no node covers a label or another node;
- sectors are the role categories that have people (plus "not recorded" when a
  role is missing); a sector's angle grows with its number of people, and empty
  sectors take no room;
- the circles (inner, middle, outer, plus "not recorded" when a closeness is
  missing) are always drawn, even when empty;
- sector labels sit outside the outer circle and overlap nothing;
- the title, the drawing and the legend all fit inside ``width`` x ``height``.

Text widths are estimated generously from a per-character table (wider than DejaVu
Sans, matplotlib's default font), so rendered text stays inside its box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from grace_support.vocabulary import Closeness, Contact, RoleCategory, Strain, SupportType

if TYPE_CHECKING:
    from grace_support.network import Relationship, SupportNetwork

__all__ = ["NOT_RECORDED", "Box", "Geometry", "Item", "layout", "text_width"]

NOT_RECORDED = "not recorded"
"""The sector and circle of people whose role or closeness was not recorded."""

LABEL_SIZE = 8.0
"""Font size of people's labels, in points."""
SECTOR_SIZE = 10.0
"""Font size of sector labels."""
LEGEND_SIZE = 9.0
"""Font size of the legend."""
TITLE_SIZE = 12.0
"""Font size of the title."""
NODE = 12.0
"""Diameter of a person's node."""
MARK = 6.0
"""Size of a support mark."""
MARK_OFFSET = 9.5
"""Distance from a node's centre to the centre of each support mark."""
PAD = 3.0
"""Gap kept around every box."""
MARGIN = 12.0
"""Space between the drawing and the edge of the figure."""
TITLE_BAND = 30.0
"""Height of the strip above the drawing that holds the title."""

# directions of the four support marks around a node: up, right, down, left
MARK_DIRECTIONS: dict[SupportType, tuple[float, float]] = {
    SupportType.EMOTIONAL: (0.0, 1.0),
    SupportType.PRACTICAL: (1.0, 0.0),
    SupportType.INFORMATIONAL: (0.0, -1.0),
    SupportType.PEER: (-1.0, 0.0),
}

_NARROW = set("iljtfrI.,;:'!|() -")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float) -> float:
    """A generous estimate of the width of ``text`` at font ``size`` (points)."""
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.45
        elif char in _WIDE:
            em += 1.05
        elif char.isascii() and char.isupper():
            em += 0.82
        elif char.isascii():
            em += 0.68
        else:
            em += 1.1
    return em * size + 1.0


def text_height(size: float) -> float:
    """A generous estimate of the height of one line of text at ``size``."""
    return 1.3 * size


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle, in points."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area."""
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def grown(self, by: float) -> Box:
        """The box with ``by`` points added on every side."""
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)


@dataclass(frozen=True)
class Item:
    """One person as drawn: where, how, and the box they occupy."""

    person: str
    label: str | None
    x: float
    y: float
    sector: str
    ring: str
    supports: tuple[SupportType, ...]
    dormant: bool
    strain: Strain | None

    def box(self) -> Box:
        """The box of the node, its support marks and its label."""
        return _item_box(self.x, self.y, self.label)


@dataclass(frozen=True)
class SectorLabel:
    """A sector's name, placed outside the outer circle."""

    text: str
    x: float
    y: float

    def box(self) -> Box:
        """The box of the text (centred on x, y)."""
        w, h = text_width(self.text, SECTOR_SIZE), text_height(SECTOR_SIZE)
        return Box(self.x - w / 2, self.y - h / 2, self.x + w / 2, self.y + h / 2)


@dataclass(frozen=True)
class Geometry:
    """Where everything of an egogram goes, in points."""

    width: float
    height: float
    cx: float
    cy: float
    title: str
    rings: tuple[tuple[str, float], ...]
    """Each circle's name and radius, inner first."""
    spokes: tuple[float, ...]
    """Angles (radians) of the lines between sectors (none with one sector)."""
    sector_labels: tuple[SectorLabel, ...]
    items: tuple[Item, ...]
    ties: tuple[tuple[str, str], ...]
    legend_top: float
    """The y of the top of the legend area."""
    legend_columns: int

    def item(self, person: str) -> Item:
        """The item of one person."""
        return next(i for i in self.items if i.person == person)

    def boxes(self) -> list[Box]:
        """Every item's and sector label's box (for checks)."""
        return [i.box() for i in self.items] + [s.box() for s in self.sector_labels]


LEGEND_ENTRIES: tuple[str, ...] = (
    *(f"{t.value} support" for t in SupportType),
    "dormant (lost touch)",
    "high strain",
    "some strain",
    "know each other",
)
"""The legend's entries, in order (four support marks, then the lines)."""


def _item_box(x: float, y: float, label: str | None) -> Box:
    reach = MARK_OFFSET + MARK / 2
    half = reach
    bottom = y - reach
    if label:
        half = max(half, text_width(label, LABEL_SIZE) / 2)
        bottom = y - reach - 1 - text_height(LABEL_SIZE)
    return Box(x - half, bottom, x + half, y + reach).grown(PAD / 2)


def _category(rel: Relationship) -> str:
    category = rel.category
    return NOT_RECORDED if category is None else category.value


def _ring(rel: Relationship) -> str:
    return NOT_RECORDED if rel.closeness is None else rel.closeness.value


def layout(  # noqa: PLR0915
    network: SupportNetwork, *, labels: Literal["id", "name"] | None = "id"
) -> Geometry:
    """Compute the egogram of a network.

    Args:
        network: The network.
        labels: Label people by ``"id"`` (default), ``"name"``, or not at all.

    Returns:
        The geometry, in points.
    """
    relationships = list(network.relationships)
    people = {p.id: p for p in network.people}

    def label_of(person: str) -> str | None:
        if labels == "id":
            return person
        if labels == "name":
            return people[person].label
        return None

    sectors = [c.value for c in RoleCategory if any(_category(r) == c.value for r in relationships)]
    if any(_category(r) == NOT_RECORDED for r in relationships):
        sectors.append(NOT_RECORDED)
    rings = [c.value for c in Closeness]
    if any(_ring(r) == NOT_RECORDED for r in relationships):
        rings.append(NOT_RECORDED)

    # each sector's angle grows with its number of people (with a floor), clockwise from the top
    weight = {s: max(2.0, sum(_category(r) == s for r in relationships)) for s in sectors}
    total = sum(weight.values()) or 1.0
    spans: dict[str, tuple[float, float]] = {}
    start = math.pi / 2
    for s in sectors:
        span = 2 * math.pi * weight[s] / total
        spans[s] = (start - span, start)
        start -= span

    placed: list[Box] = [Box(-16, -16, 16, 16)]  # the ego's star
    items: list[Item] = []
    ring_radii: list[tuple[str, float]] = []
    step = 6.0
    radius = 40.0
    for ring in rings:
        ring_start = radius
        ring_end = ring_start + 20.0
        for sector in sectors:
            group = sorted(
                (r for r in relationships if _category(r) == sector and _ring(r) == ring),
                key=lambda r: r.person,
            )
            r_lane = ring_start
            while group:
                fitted = _fit_lane(group, spans[sector], r_lane, placed, label_of)
                if not fitted:
                    r_lane += step
                    continue
                for rel, (x, y) in zip(group, fitted, strict=False):
                    item = Item(
                        person=rel.person,
                        label=label_of(rel.person),
                        x=x,
                        y=y,
                        sector=sector,
                        ring=ring,
                        supports=tuple(rel.supports or ()),
                        dormant=rel.contact is Contact.LOST_TOUCH,
                        strain=rel.strain,
                    )
                    items.append(item)
                    placed.append(item.box())
                    ring_end = max(ring_end, _far(item.box()) + 4.0)
                group = group[len(fitted) :]
                r_lane += step
        ring_radii.append((ring, ring_end))
        radius = ring_end + 4.0

    outer = ring_radii[-1][1]
    sector_labels = _sector_labels(sectors, spans, outer) if len(sectors) > 0 else []
    reach = max([outer, *(_far(s.box()) for s in sector_labels)]) + MARGIN

    columns = 3
    entry_w = max(text_width(e, LEGEND_SIZE) for e in LEGEND_ENTRIES) + 40
    body = 2 * reach
    width = max(body, columns * entry_w + 2 * MARGIN)
    rows = math.ceil(len(LEGEND_ENTRIES) / columns)
    legend_h = rows * LEGEND_SIZE * 2.0 + 2 * MARGIN
    height = legend_h + body + TITLE_BAND
    cx, cy = width / 2, legend_h + reach

    def shift(x: float, y: float) -> tuple[float, float]:
        return x + cx, y + cy

    moved = tuple(
        Item(
            person=i.person,
            label=i.label,
            x=shift(i.x, i.y)[0],
            y=shift(i.x, i.y)[1],
            sector=i.sector,
            ring=i.ring,
            supports=i.supports,
            dormant=i.dormant,
            strain=i.strain,
        )
        for i in sorted(items, key=lambda i: i.person)
    )
    ego_title = network.ego.label if labels == "name" else network.ego.id
    return Geometry(
        width=width,
        height=height,
        cx=cx,
        cy=cy,
        title=f"Support network of {ego_title}",
        rings=tuple(ring_radii),
        spokes=tuple(spans[s][1] for s in sectors) if len(sectors) > 1 else (),
        sector_labels=tuple(SectorLabel(s.text, s.x + cx, s.y + cy) for s in sector_labels),
        items=moved,
        ties=tuple(sorted((a, b) for a, b in network.ties)),
        legend_top=legend_h - MARGIN,
        legend_columns=columns,
    )


def _far(box: Box) -> float:
    """The distance from the centre to the farthest corner of a box."""
    return max(math.hypot(x, y) for x in (box.x0, box.x1) for y in (box.y0, box.y1))


def _fit_lane(
    group: list[Relationship],
    span: tuple[float, float],
    radius: float,
    placed: list[Box],
    label_of: object,
) -> list[tuple[float, float]]:
    """Positions for as many of ``group`` as fit on one arc, spread evenly over the sector."""
    lo, hi = span
    for count in range(len(group), 0, -1):
        positions = []
        boxes = []
        for k in range(count):
            angle = lo + (hi - lo) * (k + 0.5) / count
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            positions.append((x, y))
            boxes.append(_item_box(x, y, label_of(group[k].person)))  # type: ignore[operator]
        if _free(boxes, placed):
            return positions
    return []


def _free(boxes: list[Box], placed: list[Box]) -> bool:
    for n, box in enumerate(boxes):
        if any(box.overlaps(other) for other in placed):
            return False
        if any(box.overlaps(other) for other in boxes[n + 1 :]):
            return False
    return True


def _sector_labels(
    sectors: list[str], spans: dict[str, tuple[float, float]], outer: float
) -> list[SectorLabel]:
    result: list[SectorLabel] = []
    for sector in sectors:
        lo, hi = spans[sector]
        angle = (lo + hi) / 2
        w, h = text_width(sector, SECTOR_SIZE), text_height(SECTOR_SIZE)
        c, s = math.cos(angle), math.sin(angle)
        r = outer + 6 + abs(c) * w / 2 + abs(s) * h / 2
        label = SectorLabel(sector, r * c, r * s)
        while any(label.box().grown(2).overlaps(other.box()) for other in result):
            r += 4
            label = SectorLabel(sector, r * c, r * s)
        result.append(label)
    return result
