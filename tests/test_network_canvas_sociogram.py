"""Closeness from where people were placed on a Network Canvas sociogram.

Network Canvas draws its concentric circles (``Radar`` in Interviewer and Fresco)
with radii, as fractions of the outermost one, of ``k/n`` (equal steps) or, skewed
toward the centre (its default), ``(3 * sqrt(k/n) + k/n) / 4``. The outermost
circle's radius is half the sociogram's height, and positions are stored from 0
to 1 across the width and height.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from grace_support import DocumentError
from grace_support.importers import (
    NetworkCanvasMapping,
    read_network_canvas_csv,
    read_network_canvas_graphml,
    ring_radii,
    sociogram_ring,
)

if TYPE_CHECKING:
    from pathlib import Path

EGO = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,sessionStart"
NODES = "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,kind_friend,circles_x,circles_y"


def export(folder: Path, positions: list[tuple[str, str]]) -> Path:
    """One interview whose people are placed at these (x, y) cells."""
    (folder / "c1_s1_ego.csv").write_text(f"{EGO}\r\ne1,c1,s1,2026-05-01T10:00:00Z\r\n")
    rows = [f"{n},e1,u{n},P{n},true,{x},{y}" for n, (x, y) in enumerate(positions, start=1)]
    (folder / "c1_s1_attributeList_Person.csv").write_text("\r\n".join([NODES, *rows]) + "\r\n")
    return folder


def mapping(**options: object) -> NetworkCanvasMapping:
    return NetworkCanvasMapping.model_validate(
        {"role": "kind", "closeness_from_layout": "circles", **options}
    )


def test_radii_are_network_canvas_s() -> None:
    # Skewed three rings: (3*sqrt(1/3) + 1/3)/4 and (3*sqrt(2/3) + 2/3)/4, worked by hand.
    assert ring_radii(3) == pytest.approx((0.516346, 0.779040, 1.0), abs=1e-6)
    assert ring_radii(3, skewed=False) == pytest.approx((1 / 3, 2 / 3, 1.0))
    assert ring_radii(1) == (1.0,)
    with pytest.raises(ValueError, match="at least 1"):
        ring_radii(0)


# Hand-placed positions for the default sociogram (three rings, skewed). The
# boundaries lie at 0.2582 (inner/middle) and 0.3895 (middle/outer) from the
# centre, and the outermost circle at 0.5 (half the height).
HAND_PLACED = [
    (("0.5", "0.5"), "inner", 1),  # the centre
    (("0.5", "0.755"), "inner", 1),  # just inside the first circle, below the centre
    (("0.5", "0.2405"), "middle", 2),  # just outside it, above
    (("0.745", "0.5"), "inner", 1),  # inside, to the right
    (("0.2385", "0.5"), "middle", 2),  # outside, to the left
    (("0.5", "0.885"), "middle", 2),  # just inside the second circle
    (("0.5", "0.105"), "outer", 3),  # just outside it
    (("0.78", "0.78"), "outer", 3),  # on the diagonal: 0.396 from the centre
    (("0.5", "0.999"), "outer", 3),  # at the edge of the outermost circle
    (("0.02", "0.03"), "outer", 4),  # in a corner, outside every circle
]


def test_hand_placed_positions(tmp_path: Path) -> None:
    (network,) = read_network_canvas_csv(
        export(tmp_path, [xy for xy, _, _ in HAND_PLACED]), mapping()
    )
    got = [(r.closeness, r.attributes["sociogram_ring"]) for r in network.relationships]
    assert got == [(circle, ring) for _, circle, ring in HAND_PLACED]


@pytest.mark.parametrize("skewed", [True, False])
@pytest.mark.parametrize("rings", [1, 2, 3, 4, 5, 7])
def test_each_side_of_every_ring_boundary(tmp_path: Path, rings: int, skewed: bool) -> None:
    positions: list[tuple[str, str]] = []
    expected: list[int] = []
    for k, radius in enumerate(ring_radii(rings, skewed=skewed), start=1):
        distance = radius / 2  # the outer circle's radius is half the side
        for side, ring in ((-0.002, k), (0.002, k + 1)):
            # alternate directions so every side of the circle is tried
            angle = 0.7 * k + (0.0 if side < 0 else 2.0)
            x = 0.5 + (distance + side) * math.cos(angle)
            y = 0.5 + (distance + side) * math.sin(angle)
            if 0 <= x <= 1 and 0 <= y <= 1:
                positions.append((f"{x:.6f}", f"{y:.6f}"))
                expected.append(ring)
    (network,) = read_network_canvas_csv(
        export(tmp_path, positions), mapping(rings=rings, skewed=skewed)
    )
    m = mapping(rings=rings)
    assert [r.attributes["sociogram_ring"] for r in network.relationships] == expected
    assert [r.closeness for r in network.relationships] == [m.circle_of_ring(r) for r in expected]


@pytest.mark.parametrize(
    ("rings", "circles"),
    [
        (1, ["inner", "outer"]),
        (2, ["inner", "outer", "outer"]),
        (3, ["inner", "middle", "outer", "outer"]),
        (4, ["inner", "middle", "middle", "outer", "outer"]),
        (5, ["inner", "middle", "middle", "middle", "outer", "outer"]),
    ],
)
def test_rings_to_circles_rule(rings: int, circles: list[str]) -> None:
    m = mapping(rings=rings)
    assert [m.circle_of_ring(r).value for r in range(1, rings + 2)] == circles


def test_ring_values_override_the_rule(tmp_path: Path) -> None:
    m = mapping(rings=4, ring_values={2: "inner", 5: "middle"})
    assert [m.circle_of_ring(r).value for r in range(1, 6)] == [
        "inner", "inner", "middle", "outer", "middle"
    ]  # fmt: skip
    with pytest.raises(ValidationError, match="ring numbers"):
        mapping(rings=3, ring_values={5: "inner"})


def test_closeness_and_layout_together_are_refused() -> None:
    with pytest.raises(ValidationError, match="not both"):
        mapping(closeness="closeness")


def test_aspect_ratio_of_a_wide_screen() -> None:
    # 0.2 of the width to the right: on a square canvas that is inside the first
    # circle; on a 16:9 screen it is 0.356 of the height, in the middle ring.
    assert sociogram_ring(0.7, 0.5) == 1
    assert sociogram_ring(0.7, 0.5, aspect_ratio=16 / 9) == 2
    # Up and down are measured in heights either way.
    assert sociogram_ring(0.5, 0.7) == sociogram_ring(0.5, 0.7, aspect_ratio=16 / 9) == 1
    # On a portrait canvas the outer circle is half the width.
    assert sociogram_ring(0.5, 0.95, aspect_ratio=0.5) == 4


@pytest.mark.parametrize(
    ("cell", "message"),
    [("1.2", "outside the sociogram"), ("-0.1", "outside the sociogram"), ("far", "not a number"),
     ("nan", "not a number")],
)  # fmt: skip
def test_positions_that_are_not_on_the_sociogram(tmp_path: Path, cell: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read_network_canvas_csv(export(tmp_path, [("0.5", cell)]), mapping())
    (problem,) = caught.value.problems
    assert problem.location == "c1_s1_attributeList_Person.csv line 2, column circles_y"
    assert message in problem.message
    assert cell not in str(caught.value)


def test_graphml_layout_gives_the_same_rings(tmp_path: Path) -> None:
    positions = [xy for xy, _, _ in HAND_PLACED]
    nodes = "".join(
        f'<node id="{n}"><data key="t">Person</data><data key="u">u{n}</data>'
        f'<data key="f">true</data><data key="x">{x}</data><data key="y">{y}</data></node>'
        for n, (x, y) in enumerate(positions, start=1)
    )
    path = tmp_path / "c1.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:nc="http://schema.networkcanvas.com/xmlns">'
        '<key id="t" attr.name="networkCanvasType" attr.type="string" for="all"/>'
        '<key id="u" attr.name="networkCanvasUUID" attr.type="string" for="all"/>'
        '<key id="f" attr.name="kind_friend" attr.type="boolean" for="node"/>'
        '<key id="x" attr.name="circles_X" attr.type="double" for="node"/>'
        '<key id="y" attr.name="circles_Y" attr.type="double" for="node"/>'
        f'<graph edgedefault="undirected" nc:caseId="c1">{nodes}</graph></graphml>'
    )
    (network,) = read_network_canvas_graphml(path, mapping())
    assert [r.closeness for r in network.relationships] == [c for _, c, _ in HAND_PLACED]


unit = st.floats(0, 1, allow_nan=False)


@given(unit, unit, st.integers(1, 8), st.booleans(), st.floats(0.25, 4))
def test_moving_outward_never_moves_inward(
    x: float, y: float, rings: int, skewed: bool, aspect: float
) -> None:
    ring = sociogram_ring(x, y, rings=rings, skewed=skewed, aspect_ratio=aspect)
    assert 1 <= ring <= rings + 1
    # halfway to the centre is never in a ring further out
    nearer = sociogram_ring(
        0.5 + (x - 0.5) / 2, 0.5 + (y - 0.5) / 2, rings=rings, skewed=skewed, aspect_ratio=aspect
    )
    assert nearer <= ring


def test_a_person_not_placed_has_no_closeness(tmp_path: Path) -> None:
    (network,) = read_network_canvas_csv(export(tmp_path, [("", ""), ("0.5", "0.5")]), mapping())
    unplaced, centre = network.relationships
    assert unplaced.closeness is None
    assert "sociogram_ring" not in unplaced.attributes
    assert centre.closeness == "inner"
    assert str(network.collected_on) == "2026-05-01"
