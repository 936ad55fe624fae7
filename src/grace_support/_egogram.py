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

import bisect
import math
import random
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from grace_support.touch import in_touch_ids
from grace_support.vocabulary import Closeness, RoleCategory, Strain, SupportType

if TYPE_CHECKING:
    from datetime import date

    from grace_support.network import Relationship, SupportNetwork
    from grace_support.settings import Settings

__all__ = ["NOT_RECORDED", "Box", "Geometry", "Item", "Labels", "layout", "text_width"]

NOT_RECORDED = "not recorded"
"""The sector and circle of people whose role or closeness was not recorded."""

LABEL_SIZE = 13.0
"""Font size of people's labels, in points (at least 11 CSS px on the page)."""
SECTOR_SIZE = 12.5
"""Font size of sector labels."""
LEGEND_SIZE = 12.5
"""Font size of the legend."""
TITLE_SIZE = 14.0
"""Font size of the title."""
SPOKE_CLEARANCE = 8.0
"""No other person's spoke (the line from the ego) passes this close to a node's centre."""
SPOKE_CHECK_LIMIT = 400
"""Up to this many people, no node sits on another person's spoke. Beyond it the
layout keeps only the no-overlap guarantee, so that it stays O(n log n)."""
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
    "not in touch",
    "high strain",
    "some strain",
    "know each other",
)
"""The legend's entries, in order (four support marks, then the lines)."""


_EXTENTS: dict[str | None, tuple[float, float, float]] = {}


def _extent(label: str | None) -> tuple[float, float, float]:
    """Half the width, the depth below the centre and the height above it of an item's box."""
    found = _EXTENTS.get(label)
    if found is None:
        reach = MARK_OFFSET + MARK / 2
        half, below = reach, reach
        if label:
            half = max(half, text_width(label, LABEL_SIZE) / 2)
            below = reach + 1 + text_height(LABEL_SIZE)
        found = (half + PAD / 2, below + PAD / 2, reach + PAD / 2)
        # numbers repeat from one drawing to the next; names are never kept
        if (label is None or label.isdigit()) and len(_EXTENTS) < 1 << 17:
            _EXTENTS[label] = found
    return found


def _item_box(x: float, y: float, label: str | None) -> Box:
    half, below, above = _extent(label)
    return Box(x - half, y - below, x + half, y + above)


def _category(rel: Relationship) -> str:
    category = rel.category
    return NOT_RECORDED if category is None else category.value


def _ring(rel: Relationship) -> str:
    return NOT_RECORDED if rel.closeness is None else rel.closeness.value


Labels = Literal["id", "name", "number"] | None
"""How people are labelled: by id, by name, by their number in the network, or not."""


class _Grid:
    """Placed boxes in a uniform grid: a new box is checked against its neighbours only."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        c = self.cell
        x0, x1 = math.floor(box.x0 / c), math.floor(box.x1 / c)
        y0, y1 = math.floor(box.y0 / c), math.floor(box.y1 / c)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def free(self, box: Box) -> bool:
        cells = self.cells
        return not any(
            box.overlaps(other) for key in self._keys(box) for other in cells.get(key, ())
        )


def layout(
    network: SupportNetwork,
    *,
    labels: Labels = "id",
    title: str | None = None,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> Geometry:
    """Compute the egogram of a network.

    The work is O(n log n) in the number of people n (ties aside): people are
    sorted once, each lane of an arc is tried a bounded number of times, and a box
    is checked only against the boxes in neighbouring cells of a grid.

    Args:
        network: The network.
        labels: Label people by ``"id"`` (default), ``"name"``, their number in the
            network (``"number"``: 1 for the first relationship; the HTML report
            lists the numbers under the drawing), or not at all.
        title: The title; by default "Support network of" the ego's name with
            ``labels="name"``, else "Support network" (never an id).
        as_of: The day judged on: a person not in touch on it
            ([`in_touch`][grace_support.touch.in_touch]) gets a dashed line; by
            default ``collected_on``, else today, as in ``assess``.
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Returns:
        The geometry, in points.
    """
    relationships = list(network.relationships)
    people = {p.id: p for p in network.people}
    numbers = {r.person: str(n) for n, r in enumerate(relationships, start=1)}
    touching = in_touch_ids(network, as_of=as_of, settings=settings)

    def label_of(person: str) -> str | None:
        if labels == "id":
            return person
        if labels == "name":
            return people[person].label
        if labels == "number":
            return numbers[person]
        return None

    category = {r.person: _category(r) for r in relationships}
    ring_of = {r.person: _ring(r) for r in relationships}
    in_sector = Counter(category.values())
    sectors = [c.value for c in RoleCategory if in_sector[c.value]]
    if in_sector[NOT_RECORDED]:
        sectors.append(NOT_RECORDED)
    rings = [c.value for c in Closeness]
    if NOT_RECORDED in ring_of.values():
        rings.append(NOT_RECORDED)

    # each sector's angle grows with its number of people (with a floor), clockwise from the top
    weight = {s: max(2.0, in_sector[s]) for s in sectors}
    total = sum(weight.values()) or 1.0
    spans: dict[str, tuple[float, float]] = {}
    start = math.pi / 2
    for s in sectors:
        span = 2 * math.pi * weight[s] / total
        spans[s] = (start - span, start)
        start -= span

    groups: dict[tuple[str, str], list[Relationship]] = {}
    for rel in sorted(relationships, key=lambda r: r.person):
        groups.setdefault((category[rel.person], ring_of[rel.person]), []).append(rel)
    label_text = {r.person: label_of(r.person) for r in relationships}
    widest = max([_item_box(0, 0, t).x1 * 2 for t in label_text.values()] + [40.0])
    grid = _Grid(cell=max(widest, 60.0))
    grid.add(Box(-16, -16, 16, 16))  # the ego's star
    if len(relationships) <= SPOKE_CHECK_LIMIT:
        placed, ring_radii = _fewest_crossings(
            sectors,
            rings=rings,
            spans=spans,
            groups=groups,
            cell=grid.cell,
            label_text=label_text,
            ties=[(a, b) for a, b in network.ties],
        )
    else:
        placed, ring_radii = _by_lanes(
            sectors,
            rings=rings,
            spans=spans,
            groups=groups,
            grid=grid,
            label_text=label_text,
            widest=widest,
        )
    items = [
        Item(
            person=rel.person,
            label=label_text[rel.person],
            x=x,
            y=y,
            sector=category[rel.person],
            ring=ring_of[rel.person],
            supports=tuple(rel.supports or ()),
            dormant=rel.person not in touching,
            strain=rel.strain,
        )
        for rel, x, y in placed
    ]

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

    moved = tuple(
        Item(
            person=i.person,
            label=i.label,
            x=i.x + cx,
            y=i.y + cy,
            sector=i.sector,
            ring=i.ring,
            supports=i.supports,
            dormant=i.dormant,
            strain=i.strain,
        )
        for i in sorted(items, key=lambda i: i.person)
    )
    if title is None:
        title = (
            f"Support network of {network.ego.label}"
            if labels == "name" and network.ego.name
            else "Support network"
        )
    return Geometry(
        width=width,
        height=height,
        cx=cx,
        cy=cy,
        title=title,
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


_Placed = list[tuple["Relationship", float, float]]
_Rings = list[tuple[str, float]]

_ORDERINGS = 8
"""How many orders of people around the circle a small network tries (the first: by id)."""
_ORDERINGS_UP_TO = 60
"""Up to this many people, the order with the fewest tie lines over a node is kept."""


def _fewest_crossings(
    sectors: list[str],
    *,
    rings: list[str],
    spans: dict[str, tuple[float, float]],
    groups: dict[tuple[str, str], list[Relationship]],
    cell: float,
    label_text: dict[str, str | None],
    ties: list[tuple[str, str]],
) -> tuple[_Placed, _Rings]:
    """`_by_slots` in the order (of a few) that puts the fewest nodes on tie lines."""
    tries = _ORDERINGS if ties and len(label_text) <= _ORDERINGS_UP_TO else 1
    best: tuple[int, _Placed, _Rings] | None = None
    for attempt in range(tries):
        grid = _Grid(cell=cell)
        grid.add(Box(-16, -16, 16, 16))  # the ego's star
        placed, ring_radii = _by_slots(
            sectors,
            rings=rings,
            spans=spans,
            groups=groups if attempt == 0 else _shuffled(groups, seed=attempt),
            grid=grid,
            label_text=label_text,
        )
        crossed = _tie_crossings(placed, ties) if tries > 1 else 0
        if best is None or crossed < best[0]:
            best = (crossed, placed, ring_radii)
        if crossed == 0:
            break
    assert best is not None
    return best[1], best[2]


def _shuffled(
    groups: dict[tuple[str, str], list[Relationship]], *, seed: int
) -> dict[tuple[str, str], list[Relationship]]:
    """The same groups, each in another (seeded, so repeatable) order."""
    rng = random.Random(seed)
    return {key: rng.sample(group, len(group)) for key, group in groups.items()}


def _tie_crossings(placed: _Placed, ties: list[tuple[str, str]]) -> int:
    """How many (tie line, node) pairs have the node on the line between two others."""
    where = {rel.person: (x, y) for rel, x, y in placed}
    points = list(where.items())
    crossed = 0
    for a, b in ties:
        (x1, y1), (x2, y2) = where[a], where[b]
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy or 1.0
        for person, (px, py) in points:
            if person in (a, b):
                continue
            t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
            if math.hypot(px - x1 - t * dx, py - y1 - t * dy) < NODE / 2 + 1:
                crossed += 1
    return crossed


def _slots(sector_groups: list[list[Relationship]]) -> list[list[int]]:
    """The slot (0..M-1, by angle) of each person of one sector, ring by ring.

    Each circle's people spread evenly over the sector, taking the free slot nearest
    to where they would sit alone, so that people of different circles do not line
    up on one spoke.
    """
    total = sum(len(g) for g in sector_groups)
    free = list(range(total))
    result = []
    for group in sector_groups:
        m = len(group)
        chosen = []
        for k in range(m):
            target = (k + 0.5) * total / m - 0.5
            at = bisect.bisect_left(free, target)
            options = [i for i in (at - 1, at) if 0 <= i < len(free)]
            best = min(options, key=lambda i: (abs(free[i] - target), free[i]))
            chosen.append(free.pop(best))
        result.append(chosen)
    return result


def _by_slots(
    sectors: list[str],
    *,
    rings: list[str],
    spans: dict[str, tuple[float, float]],
    groups: dict[tuple[str, str], list[Relationship]],
    grid: _Grid,
    label_text: dict[str, str | None],
) -> tuple[_Placed, _Rings]:
    """Every person at an angle of their own, as close to the centre as their box allows.

    Angles of neighbours differ by at least the smallest slot, and no node is closer
    to the centre than ``SPOKE_CLEARANCE / sin(slot)``: so no node sits on another
    person's spoke.
    """
    angle_of: dict[str, float] = {}
    smallest = math.pi
    for sector in sectors:
        lo, hi = spans[sector]
        sector_groups = [groups.get((sector, ring), []) for ring in rings]
        total = sum(len(g) for g in sector_groups)
        if not total:
            continue
        smallest = min(smallest, (hi - lo) / total)
        for group, slots in zip(sector_groups, _slots(sector_groups), strict=True):
            for rel, slot in zip(group, slots, strict=True):
                angle_of[rel.person] = hi - (hi - lo) * (slot + 0.5) / total
    floor = SPOKE_CLEARANCE / math.sin(min(smallest, math.pi / 2))
    placed: _Placed = []
    ring_radii: _Rings = []
    radius = 40.0
    for ring in rings:
        ring_start = radius
        ring_end = ring_start + 20.0
        for sector in sectors:
            group = sorted(groups.get((sector, ring), []), key=lambda r: -angle_of[r.person])
            for rel in group:
                angle = angle_of[rel.person]
                c, s = math.cos(angle), math.sin(angle)
                r = max(ring_start, floor)
                box = _item_box(r * c, r * s, label_text[rel.person])
                while not grid.free(box):
                    r += 3.0
                    box = _item_box(r * c, r * s, label_text[rel.person])
                grid.add(box)
                placed.append((rel, r * c, r * s))
                ring_end = max(ring_end, _far(box) + 4.0)
        ring_radii.append((ring, ring_end))
        radius = ring_end + 4.0
    return placed, ring_radii


def _by_lanes(
    sectors: list[str],
    *,
    rings: list[str],
    spans: dict[str, tuple[float, float]],
    groups: dict[tuple[str, str], list[Relationship]],
    grid: _Grid,
    label_text: dict[str, str | None],
    widest: float,
) -> tuple[_Placed, _Rings]:
    """Large networks: people in lanes (arcs) spread over their sector, O(n log n)."""
    extents = [_extent(label_text[r.person]) for group in groups.values() for r in group]
    # lanes this far apart never meet, whatever the angle: every box fits in a circle
    # of this diameter around its node
    diagonal = max(math.hypot(2 * h, b + a) for h, b, a in extents)
    clear = diagonal
    placed: _Placed = []
    ring_radii: _Rings = []
    step = 6.0
    radius = 40.0
    for ring in rings:
        ring_start = radius
        ring_end = ring_start + 20.0
        for sector in sectors:
            group = groups.get((sector, ring), [])
            r_lane = ring_start
            done = 0
            while done < len(group):
                rest = group[done:] if done else group
                fitted = _fit_lane(
                    rest,
                    spans[sector],
                    r_lane,
                    grid=grid,
                    label_text=label_text,
                    widest=widest,
                    diagonal=diagonal,
                )
                for rel, (x, y), box in zip(
                    rest, fitted, _boxes(rest, fitted, label_text), strict=False
                ):
                    grid.add(box)
                    placed.append((rel, x, y))
                    ring_end = max(ring_end, _far(box) + 4.0)
                done += len(fitted)
                # a lane just filled spans its sector: the next one starts clear of it
                r_lane += clear if fitted else step
        ring_radii.append((ring, ring_end))
        radius = ring_end + 4.0
    return placed, ring_radii


def _boxes(
    group: list[Relationship],
    positions: list[tuple[float, float]],
    label_text: dict[str, str | None],
) -> list[Box]:
    return [
        _item_box(x, y, label_text[r.person]) for r, (x, y) in zip(group, positions, strict=False)
    ]


_TRIES = 2
"""How many smaller counts a lane tries before it moves out (bounds the work per lane)."""


def _fit_lane(
    group: list[Relationship],
    span: tuple[float, float],
    radius: float,
    *,
    grid: _Grid,
    label_text: dict[str, str | None],
    widest: float,
    diagonal: float,
) -> list[tuple[float, float]]:
    """Positions for as many of ``group`` as fit on one arc, spread evenly over the sector.

    The count starts at what the arc can hold side by side (its length over the
    widest box) and is tried a few times smaller; the caller moves the lane out when
    nothing fits.
    """
    lo, hi = span
    # every box stays inside its sector's wedge: no box of another sector is met
    margin = math.asin(min(1.0, diagonal / 2 / radius))
    lo, hi = lo + margin, hi - margin
    if hi < lo:
        return []
    # neighbours on the arc at least this far apart never meet, whatever the angle
    spacing = max(widest + PAD, diagonal / math.sqrt(2) * 1.45)
    capacity = max(1, int((hi - lo) * radius / spacing))
    first = min(len(group), capacity)
    for count in range(first, max(0, first - _TRIES), -1):
        positions = []
        boxes: list[Box] = []
        for k in range(count):
            angle = hi - (hi - lo) * (k + 0.5) / count if count > 1 else (hi + lo) / 2
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            box = _item_box(x, y, label_text[group[k].person])
            if not grid.free(box) or any(box.overlaps(b) for b in (*boxes[-2:], *boxes[:1])):
                break
            positions.append((x, y))
            boxes.append(box)
        else:
            return positions
    return []


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
