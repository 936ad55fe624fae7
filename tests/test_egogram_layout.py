"""The egogram stays readable: measured from the rendered text and marker extents."""

from __future__ import annotations

import io
import itertools
import math
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pytest
from matplotlib.collections import PathCollection
from matplotlib.transforms import Bbox

from grace_support import _egogram
from grace_support.demo import example_network
from grace_support.plot import egogram
from grace_support.vocabulary import Closeness, Role
from tests.report_networks import SIZES, empty, generated, star

if TYPE_CHECKING:
    from collections.abc import Iterator

    from matplotlib.axes import Axes

    from grace_support import SupportNetwork


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _bundled() -> list[SupportNetwork]:
    from pathlib import Path

    from grace_support.documents import read_network

    examples = sorted(Path(__file__).parents[1].joinpath("examples", "networks").glob("*.json"))
    return [example_network(), *(read_network(p) for p in examples)]


CASES: list[tuple[str, SupportNetwork]] = [
    *((f"generated-{n}", generated(n, seed=n)) for n in SIZES),
    *((f"generated-{n}-ids", generated(n, seed=100 + n, names=False)) for n in SIZES),
    *((f"star-{n}", star(n)) for n in SIZES),
    ("star-40-outer-professional", star(40, closeness=Closeness.OUTER, role=Role.THERAPIST)),
    ("empty", empty()),
]


def _extents(ax: Axes) -> tuple[list[tuple[str, Bbox]], list[Bbox]]:
    """Rendered boxes of the people's and sectors' labels, and of every marker."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
    markers: list[Bbox] = []
    for collection in ax.collections:
        if not isinstance(collection, PathCollection):
            continue
        # one marker per offset; its extent is the marker's size around the offset
        size = collection.get_sizes()[0] ** 0.5 * fig.dpi / 72
        for x, y in ax.transData.transform(collection.get_offsets()):
            markers.append(
                Bbox.from_extents(x - size / 2, y - size / 2, x + size / 2, y + size / 2)
            )
    return texts, markers


def _overlap(a: Bbox, b: Bbox) -> bool:
    return bool(a.x0 < b.x1 - 0.5 and b.x0 < a.x1 - 0.5 and a.y0 < b.y1 - 0.5 and b.y0 < a.y1 - 0.5)


def _check(network: SupportNetwork, labels: str | None) -> None:
    ax = egogram(network, labels=labels)  # type: ignore[arg-type]
    texts, markers = _extents(ax)
    for (ta, a), (tb, b) in itertools.combinations(texts, 2):
        assert not _overlap(a, b), f"labels {ta!r} and {tb!r} overlap"
    nodes = [m for m in markers if m.width > 10]  # person nodes and the ego, not support marks
    for marker in markers:
        for text, box in texts:
            assert not _overlap(marker, box), f"a marker covers the label {text!r}"
    for a, b in itertools.combinations(nodes, 2):
        assert not _overlap(a, b), "two nodes overlap"
    # everything, legend and title included, lies inside the figure
    fig = ax.figure
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    page = fig.bbox
    legend = ax.get_legend()
    assert legend is not None
    pieces = [legend.get_window_extent(renderer), ax.title.get_window_extent(renderer)]
    pieces += [box for _, box in texts] + markers
    for box in pieces:
        assert page.x0 - 0.5 <= box.x0
        assert box.x1 <= page.x1 + 0.5
        assert page.y0 - 0.5 <= box.y0
        assert box.y1 <= page.y1 + 0.5


@pytest.mark.parametrize(("name", "network"), CASES, ids=[c[0] for c in CASES])
def test_no_label_or_node_overlaps_and_everything_fits(name: str, network: SupportNetwork) -> None:
    _check(network, "id")


@pytest.mark.parametrize("labels", ["id", "name", None])
@pytest.mark.parametrize("network", _bundled(), ids=lambda n: n.ego.id)
def test_bundled_examples_stay_readable(network: SupportNetwork, labels: str | None) -> None:
    _check(network, labels)


@pytest.mark.parametrize("n", [6, 40])
def test_names_stay_readable(n: int) -> None:
    _check(generated(n, seed=7), "name")


def test_empty_circles_are_still_drawn_and_empty_sectors_take_no_room() -> None:
    geo = _egogram.layout(star(5, closeness=Closeness.OUTER))
    assert [name for name, _ in geo.rings] == ["inner", "middle", "outer"]
    radii = [r for _, r in geo.rings]
    assert radii == sorted(radii)
    assert len(set(radii)) == 3
    assert [s.text for s in geo.sector_labels] == ["friend"]
    assert geo.spokes == ()  # one sector: the whole circle, no dividing lines
    ax = egogram(star(5, closeness=Closeness.OUTER))
    assert len(ax.patches) == 3
    assert {t.get_text() for t in ax.texts} >= {"friend", "friend-00"}
    assert not {"family", "peer", "community", "professional"} & {t.get_text() for t in ax.texts}


def test_empty_network_draws_the_circles() -> None:
    ax = egogram(empty())
    assert len(ax.patches) == 3


def test_labels_are_ids_unless_names_are_asked_for() -> None:
    network = generated(6, seed=3)
    ids = {i.label for i in _egogram.layout(network).items}
    assert ids == {p.id for p in network.people}
    named = {i.label for i in _egogram.layout(network, labels="name").items}
    assert named == {p.label for p in network.people}
    assert {i.label for i in _egogram.layout(network, labels=None).items} == {None}
    assert _egogram.layout(network).title == "Support network"  # never an id
    assert _egogram.layout(network, labels="name").title == "Support network of Ego Person"
    numbers = {i.person: i.label for i in _egogram.layout(network, labels="number").items}
    assert numbers == {r.person: str(n) for n, r in enumerate(network.relationships, start=1)}


def test_plain_savefig_keeps_the_legend() -> None:
    ax = egogram(generated(18, seed=1))
    fig = ax.get_figure(root=True)
    assert fig is not None
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")  # no bbox_inches: nothing may fall outside
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    legend = ax.get_legend()
    assert legend is not None
    assert fig.bbox.contains(*legend.get_window_extent(renderer).min)
    assert fig.bbox.contains(*legend.get_window_extent(renderer).max)


def test_layout_boxes_never_overlap() -> None:
    for n in SIZES:
        geo = _egogram.layout(generated(n, seed=n), labels="name")
        for a, b in itertools.combinations(geo.boxes(), 2):
            assert not a.overlaps(b)


def test_layout_is_deterministic() -> None:
    assert _egogram.layout(generated(18)) == _egogram.layout(generated(18))
    assert _egogram.layout(generated(40, seed=3), labels="number") == _egogram.layout(
        generated(40, seed=3), labels="number"
    )


def test_drawing_on_given_axes_scales_to_fit() -> None:
    _, ax = plt.subplots(figsize=(4, 4))
    egogram(generated(18, seed=2), ax=ax)
    texts, _ = _extents(ax)
    for (_, a), (_, b) in itertools.combinations(texts, 2):
        assert not _overlap(a, b)


def _unrecorded() -> SupportNetwork:
    from grace_support import Person, Relationship
    from grace_support import SupportNetwork as Network

    people = [
        (Person(id=f"u{k}"), Relationship(person=f"u{k}", contact=None)) for k in range(5)
    ] + [(Person(id="f1"), Relationship(person="f1", role=Role.FRIEND))]
    return Network.build(Person(id="ego"), people)


def test_role_and_closeness_not_recorded_get_their_own_sector_and_circle() -> None:
    network = _unrecorded()
    geo = _egogram.layout(network)
    assert [name for name, _ in geo.rings][-1] == _egogram.NOT_RECORDED
    assert _egogram.NOT_RECORDED in {s.text for s in geo.sector_labels}
    _check(network, "id")


def test_html_report_of_unrecorded_roles_renders() -> None:
    from grace_support import assess
    from grace_support.report import render_html

    network = _unrecorded()
    assert "not recorded" in render_html(assess(network, as_of="2026-11-25"), network)


# -- the rendered SVG: spokes, tie lines and the size of text on the page ------------------

CONTENT_WIDTHS = {"desktop": 768.0, "print-a4": 687.9, "print-letter": 710.2}
"""CSS px the drawing may take: the page's 50rem less padding at 1280 px; A4 and Letter
less the 14 mm print margins (96 px per inch)."""

_NUMBER = r"(-?[0-9.]+)"


@dataclass
class _Shapes:
    """What the SVG draws: node centres, spokes, tie lines, text sizes and its width."""

    nodes: list[tuple[float, float]]
    spokes: list[tuple[float, ...]]
    ties: list[tuple[float, ...]]
    sizes: list[float]
    width: float


def _svg_shapes(svg: str) -> _Shapes:
    import re

    width = float(re.search(r'viewBox="0 0 ' + _NUMBER, svg).group(1))  # type: ignore[union-attr]
    nodes = [
        (float(x), float(y))
        for x, y in re.findall(
            r'<circle cx="' + _NUMBER + '" cy="' + _NUMBER + '" r="6.0" fill="#DDDDDD"', svg
        )
    ]
    lines = [
        (tuple(map(float, m[:4])), m[4])
        for m in re.findall(
            r'<line x1="' + _NUMBER + '" y1="' + _NUMBER + '" x2="' + _NUMBER + '" y2="'
            + _NUMBER + '" stroke="(#[0-9A-Fa-f]+)"',
            svg,
        )
    ]  # fmt: skip
    star = re.search(r'<text x="' + _NUMBER + '" y="' + _NUMBER + '"[^>]*>&#9733;', svg)
    assert star is not None
    cx, cy = float(star.group(1)), float(star.group(2)) - 7
    spokes = [  # lines from the ego to a person (sector dividers are #999999)
        c
        for c, colour in lines
        if abs(c[0] - cx) < 0.11 and abs(c[1] - cy) < 0.11 and colour != "#999999"
    ]
    ties = [c for c, colour in lines if colour == "#56B4E9" and c not in spokes]
    sizes = [float(s) for s in re.findall(r'<text [^>]*font-size="' + _NUMBER + '"', svg)]
    return _Shapes(nodes, spokes, ties, sizes, width)


def _distance(px: float, py: float, segment: tuple[float, ...]) -> float:
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return float(((px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2) ** 0.5)


def _on_line(node: tuple[float, ...], segment: tuple[float, ...]) -> bool:
    """Whether a node (not an end of the segment) is drawn on it."""
    ends = ((segment[0], segment[1]), (segment[2], segment[3]))
    if any(abs(node[0] - x) < 0.11 and abs(node[1] - y) < 0.11 for x, y in ends):
        return False
    return _distance(node[0], node[1], segment) < _egogram.NODE / 2


def _tie_crossings(svg: str) -> int:
    """How many (tie line, node) pairs have the node drawn on the line."""
    shapes = _svg_shapes(svg)
    return sum(_on_line(n, t) for t in shapes.ties for n in shapes.nodes)


def _readable_cases() -> list[tuple[str, SupportNetwork]]:
    from tests.report_networks import persnet_example

    cases = [(f"bundled-{n.ego.id}", n) for n in _bundled()]
    cases.append(("persnet", persnet_example()))
    cases += [(f"generated-{n}", generated(n, seed=n)) for n in range(1, 41)]
    cases.append(("star-40", star(40)))
    return cases


READABLE = _readable_cases()

# (tie line, node) pairs where a node sits on a tie line between two others, measured on
# this layout (none for the cases left out). Trying a few orders around the circle took
# the total from 110 to 58 (and PERSNET's from 6 to 0); a change that adds one fails.
TIE_CROSSINGS = {
    "generated-14": 1, "generated-17": 2, "generated-18": 2, "generated-23": 1,
    "generated-24": 1, "generated-25": 2, "generated-26": 3, "generated-27": 2,
    "generated-28": 2, "generated-29": 2, "generated-30": 2, "generated-31": 3,
    "generated-32": 2, "generated-33": 5, "generated-34": 7, "generated-35": 3,
    "generated-36": 3, "generated-37": 3, "generated-38": 4, "generated-39": 3,
    "generated-40": 5,
}  # fmt: skip


@pytest.mark.parametrize(("name", "network"), READABLE, ids=[c[0] for c in READABLE])
def test_no_node_on_another_persons_spoke(name: str, network: SupportNetwork) -> None:
    from grace_support.report import egogram_svg

    for labels in ("number", "id", "name"):
        shapes = _svg_shapes(egogram_svg(network, labels=labels))
        assert len(shapes.spokes) == len(network.people)
        for spoke in shapes.spokes:
            assert not any(_on_line(node, spoke) for node in shapes.nodes), (labels, spoke)


@pytest.mark.parametrize(("name", "network"), READABLE, ids=[c[0] for c in READABLE])
def test_text_is_at_least_11_css_px_on_screen_and_in_print(
    name: str, network: SupportNetwork
) -> None:
    from grace_support.report import egogram_svg

    shapes = _svg_shapes(egogram_svg(network, labels="number"))
    width = shapes.width
    for where, room in CONTENT_WIDTHS.items():
        scale = min(1.0, room / width)  # the page shrinks a wider drawing to fit
        assert min(shapes.sizes) * scale >= 11, where


@pytest.mark.parametrize(("name", "network"), READABLE, ids=[c[0] for c in READABLE])
def test_tie_lines_cross_no_more_nodes_than_before(name: str, network: SupportNetwork) -> None:
    from grace_support.report import egogram_svg

    assert _tie_crossings(egogram_svg(network, labels="number")) <= TIE_CROSSINGS.get(name, 0)


def test_a_single_role_network_spreads_over_the_whole_circle() -> None:
    from tests.report_networks import persnet_example

    geo = _egogram.layout(persnet_example(), labels="number")
    assert geo.spokes == ()  # one sector: the whole circle
    angles = sorted(math.atan2(i.y - geo.cy, i.x - geo.cx) % math.tau for i in geo.items)
    gaps = [b - a for a, b in itertools.pairwise([*angles, angles[0] + math.tau])]
    assert max(gaps) < math.tau / 4  # no quarter of the circle left empty
    assert min(gaps) > math.tau / 11 / 4  # and no two people crowded on one angle


def test_large_networks_keep_every_box_apart() -> None:
    """Past SPOKE_CHECK_LIMIT the layout uses lanes; boxes still never overlap."""
    network = generated(_egogram.SPOKE_CHECK_LIMIT + 100, seed=5, names=False)
    geo = _egogram.layout(network, labels="number")
    boxes = sorted(geo.boxes(), key=lambda b: b.x0)
    for n, box in enumerate(boxes):  # sweep: only boxes that start before this one ends
        for other in boxes[n + 1 :]:
            if other.x0 >= box.x1:
                break
            assert not box.overlaps(other)
    assert len(geo.items) == len(network.people)
