"""Plots: an egogram of one network, support coverage, and measures across many networks.

Needs the ``plot`` extra: ``pip install 'grace-support[plot]'``. Every function
draws on the Axes it is given (or a new one) and returns it; nothing here calls
``plt.show()``. Colours are the Okabe-Ito palette, which stays distinct for people
with colour vision deficiency, and every colour is paired with a shape or a line
style, so the plots also read in greyscale.

By default people are labelled by id: a saved figure travels further than a
report, and names are personal health information. Pass ``labels="name"`` for a
figure meant for the person and their clinician.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

from grace_support._extras import require
from grace_support.vocabulary import Closeness, Contact, RoleCategory, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from grace_support.assessment.models import Assessment
    from grace_support.network import Relationship, SupportNetwork

__all__ = ["SUPPORT_STYLE", "coverage_chart", "egogram", "measure_distributions"]

OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermilion": "#D55E00", "purple": "#CC79A7", "grey": "#999999",
}  # fmt: skip
"""The Okabe-Ito colour-blind-safe palette."""

SUPPORT_STYLE: dict[SupportType, tuple[str, str]] = {
    SupportType.EMOTIONAL: (OKABE_ITO["vermilion"], "o"),
    SupportType.PRACTICAL: (OKABE_ITO["blue"], "s"),
    SupportType.INFORMATIONAL: (OKABE_ITO["green"], "^"),
    SupportType.PEER: (OKABE_ITO["purple"], "D"),
}
"""The colour and marker shape of each support type, used in every plot."""

_RING = {Closeness.INNER: 1.5, Closeness.MIDDLE: 2.6, Closeness.OUTER: 3.6}
"""The outer edge of each circle."""
_PLACE = {Closeness.INNER: 1.0, Closeness.MIDDLE: 2.05, Closeness.OUTER: 3.1}
"""Where people of each circle sit."""
_UNKNOWN_PLACE = 4.1
"""Where people whose closeness is not recorded sit: just outside the outer circle."""
_OFFSETS = [(0.0, 0.2), (0.2, 0.0), (0.0, -0.2), (-0.2, 0.0)]


def _place(closeness: Closeness | None) -> float:
    return _UNKNOWN_PLACE if closeness is None else _PLACE[closeness]


def _pyplot() -> Any:
    return require("matplotlib.pyplot", extra="plot", feature="grace_support.plot")


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new_ax = _pyplot().subplots(figsize=size)
    return new_ax  # type: ignore[no-any-return]


def egogram(
    network: SupportNetwork,
    *,
    ax: Axes | None = None,
    labels: Literal["id", "name"] | None = "id",
) -> Axes:
    """Draw an egogram: the ego at the centre, people by closeness and role category.

    The three circles are the inner, middle and outer circles; the five sectors are
    the role categories (plus a sixth, "role not recorded", when some role is
    unknown); people whose closeness is not recorded sit just outside the outer
    circle. Each person is a grey dot marked with one small shape per
    kind of support they give (see ``SUPPORT_STYLE``). A dashed line to the ego means
    the relationship is dormant; a thick vermilion line means high strain (dotted
    for some strain). Thin grey lines join people who know each other.

    Args:
        network: The network.
        ax: Axes to draw on; a new figure when omitted.
        labels: Label people by ``"id"`` (default), ``"name"``, or not at all (``None``).

    Returns:
        The Axes.
    """
    plt = _pyplot()
    from matplotlib.lines import Line2D  # noqa: PLC0415

    ax = _axes(ax, (7.5, 7.5))
    categories: list[RoleCategory | None] = list(RoleCategory)
    if any(r.category is None for r in network.relationships):
        categories.append(None)
    sector = 2 * math.pi / len(categories)
    for radius in _RING.values():
        ax.add_patch(plt.Circle((0, 0), radius, fill=False, color=OKABE_ITO["grey"], lw=0.8))
    for i, category in enumerate(categories):
        angle = math.pi / 2 - i * sector
        ax.plot(
            [0, 3.2 * math.cos(angle)],
            [0, 3.2 * math.sin(angle)],
            color=OKABE_ITO["grey"],
            lw=0.5,
            ls=":",
        )
        middle = angle - sector / 2
        ax.text(
            3.55 * math.cos(middle),
            3.55 * math.sin(middle),
            "role not recorded" if category is None else category.value,
            ha="center",
            va="center",
            fontsize=10,
            color="#333333",
        )
    position: dict[str, tuple[float, float]] = {}
    for i, category in enumerate(categories):
        # everyone in a sector gets an angle of their own, inner circle first
        group = sorted(
            (r for r in network.relationships if r.category is category),
            key=lambda r: _place(r.closeness),
        )
        start = math.pi / 2 - i * sector
        for j, rel in enumerate(group):
            angle = start - sector * (j + 1) / (len(group) + 1)
            radius = _place(rel.closeness)
            position[rel.person] = (radius * math.cos(angle), radius * math.sin(angle))
    for a, b in network.ties:
        (xa, ya), (xb, yb) = position[a], position[b]
        ax.plot([xa, xb], [ya, yb], color=OKABE_ITO["sky"], lw=1.6, zorder=1)
    for rel in network.relationships:
        _line_to_ego(ax, rel, position[rel.person])
    for person, rel in network.alters:
        x, y = position[rel.person]
        ax.scatter([x], [y], s=140, color="#DDDDDD", edgecolors="#333333", zorder=3)
        for (dx, dy), support in zip(_OFFSETS, SupportType, strict=True):
            if support in rel.supports:
                colour, marker = SUPPORT_STYLE[support]
                ax.scatter(
                    [x + dx],
                    [y + dy],
                    s=34,
                    color=colour,
                    marker=marker,
                    edgecolors="black",
                    linewidths=0.4,
                    zorder=4,
                )
        text = person.id if labels == "id" else person.label if labels == "name" else None
        if text:
            ax.annotate(
                text,
                (x, y),
                xytext=(0, -14),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                zorder=5,
            )
    ax.scatter([0], [0], s=260, color="black", marker="*", zorder=5)
    handles = [
        Line2D(
            [],
            [],
            ls="",
            marker=marker,
            color=colour,
            markeredgecolor="black",
            label=f"{support.value} support",
        )
        for support, (colour, marker) in SUPPORT_STYLE.items()
    ] + [
        Line2D([], [], color="#777777", ls="--", label="dormant (lost touch)"),
        Line2D([], [], color=OKABE_ITO["vermilion"], lw=2.6, label="high strain"),
        Line2D([], [], color=OKABE_ITO["vermilion"], lw=1.2, ls=":", label="some strain"),
        Line2D([], [], color=OKABE_ITO["sky"], lw=1.6, label="know each other"),
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9
    )
    ax.set_xlim(-4.8, 4.8)
    ax.set_ylim(-4.8, 4.8)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Support network of {network.ego.id if labels != 'name' else network.ego.label}")
    return ax


def _line_to_ego(ax: Axes, rel: Relationship, at: tuple[float, float]) -> None:
    """The ego-person line: dashed when dormant, vermilion when strained."""
    x, y = at
    style = "--" if rel.contact is Contact.LOST_TOUCH else "-"
    if rel.strain is Strain.HIGH:
        ax.plot([0, x], [0, y], color=OKABE_ITO["vermilion"], lw=2.6, ls=style, zorder=2)
    elif rel.strain is Strain.SOME:
        ax.plot([0, x], [0, y], color=OKABE_ITO["vermilion"], lw=1.2, ls=":", zorder=2)
    else:
        ax.plot([0, x], [0, y], color="#777777", lw=0.9, ls=style, zorder=2)


def coverage_chart(assessment: Assessment, *, ax: Axes | None = None) -> Axes:
    """Bars of how many people give each kind of support, with gaps marked.

    Each bar has its support type's colour and a hatch pattern; a needed type with
    nobody giving it is labelled "missing", one with a single person "only one".
    """
    ax = _axes(ax, (7, 3.2))
    counts = assessment.measures.support_counts.model_dump()
    types = list(SupportType)
    hatches = ["//", "..", "xx", "\\\\"]
    for i, support in enumerate(types):
        colour, _ = SUPPORT_STYLE[support]
        ax.barh(i, counts[support.value], color=colour, hatch=hatches[i], edgecolor="black")
        note = (
            "missing"
            if support in assessment.measures.missing_support_types
            else "only one"
            if support in assessment.measures.single_provider_types
            else ""
        )
        if note:
            ax.text(counts[support.value] + 0.1, i, note, va="center", fontsize=9)
    ax.set_yticks(range(len(types)), [t.value for t in types])
    ax.invert_yaxis()
    ax.set_xlabel("people in touch who give it")
    top = max([*counts.values(), 1])
    ax.set_xlim(0, top + 1.5)
    ax.set_xticks(range(top + 2))
    ax.set_title(f"Support coverage, {assessment.as_of.isoformat()}")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


DEFAULT_MEASURES = (
    "active_size", "support_types_covered", "support_evenness",
    "role_iqv", "top_provider_share", "density",
)  # fmt: skip
"""The measures `measure_distributions` draws by default."""


def measure_distributions(
    assessments: Iterable[Assessment], *, measures: Sequence[str] = DEFAULT_MEASURES
) -> Figure:
    """Histograms of measures across many assessments, one panel per measure.

    Undefined values (``None``) are left out of each panel, and the panel says how
    many were.
    """
    plt = _pyplot()
    rows = [a.measures.model_dump() for a in assessments]
    columns = 3
    lines = math.ceil(len(measures) / columns)
    figure, axes = plt.subplots(lines, columns, figsize=(4 * columns, 3 * lines), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, name in zip(flat, measures, strict=False):
        values = [r[name] for r in rows if r[name] is not None]
        ax.hist(values, bins=12, color=OKABE_ITO["blue"], edgecolor="white")
        undefined = len(rows) - len(values)
        ax.set_title(name + (f" ({undefined} undefined)" if undefined else ""), fontsize=10)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for ax in flat[len(measures) :]:
        ax.axis("off")
    figure.suptitle(f"Measures across {len(rows)} networks")
    figure.tight_layout()
    return figure  # type: ignore[no-any-return]
