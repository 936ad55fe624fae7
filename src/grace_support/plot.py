"""Plots: an egogram, support coverage, measures across networks, and change over time.

``change_types_chart`` counts the kinds of change (stasis, expansion, shedding,
substitution) across egos.

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
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

from grace_support._extras import require
from grace_support.assessment.models import NotRecordedField
from grace_support.vocabulary import Closeness, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import date

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from grace_support import _egogram
    from grace_support.assessment.models import Assessment
    from grace_support.change import NetworkChange, Timeline
    from grace_support.network import SupportNetwork
    from grace_support.settings import Settings

__all__ = [
    "CIRCLE_STYLE",
    "SUPPORT_STYLE",
    "change_distributions",
    "change_types_chart",
    "circle_transitions",
    "convoy",
    "coverage_chart",
    "egogram",
    "findings_by_wave",
    "findings_chart",
    "measure_distributions",
    "timeline",
]

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


def _pyplot() -> Any:
    return require("matplotlib.pyplot", extra="plot", feature="grace_support.plot")


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new_ax = _pyplot().subplots(figsize=size, layout="constrained")
    return new_ax  # type: ignore[no-any-return]


def egogram(
    network: SupportNetwork,
    *,
    ax: Axes | None = None,
    labels: Literal["id", "name"] | None = "id",
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> Axes:
    """Draw an egogram: the ego at the centre, people by closeness and role category.

    The circles are the inner, middle and outer circles (always drawn, even when
    empty; a dashed "not recorded" circle is added for people whose closeness was
    not recorded); the sectors are the role categories that have people in them,
    each as wide as its number of people needs. Each person is a grey dot marked
    with one small shape per kind of support they give (see ``SUPPORT_STYLE``). A
    dashed line to the ego means the person is not in touch on the day judged on
    ([`in_touch`][grace_support.touch.in_touch]); a thick vermilion line
    means high strain (dotted for some strain). Blue lines join people who know
    each other.

    The layout (computed once, shared with the SVG of the HTML report) keeps every
    label and node clear of every other, and the title, the drawing and the legend
    all inside the figure, so a plain ``fig.savefig(path)`` cuts nothing off.

    Args:
        network: The network.
        ax: Axes to draw on; a new figure sized to the drawing when omitted. The
            drawing is scaled to fit the Axes.
        labels: Label people by ``"id"`` (default), ``"name"``, or not at all (``None``).
        as_of: The day judged on (who is in touch): ``collected_on``, else today.
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Returns:
        The Axes.
    """
    plt = _pyplot()
    from matplotlib.lines import Line2D  # noqa: PLC0415
    from matplotlib.patches import Circle  # noqa: PLC0415

    from grace_support import _egogram as eg  # noqa: PLC0415

    geo = eg.layout(network, labels=labels, as_of=as_of, settings=settings)
    if ax is None:
        figure = plt.figure(figsize=(geo.width / 72, geo.height / 72))
        ax = figure.add_axes((0.0, 0.0, 1.0, (geo.height - eg.TITLE_BAND) / geo.height))
        scale = 1.0
    else:
        figure = ax.get_figure(root=True)
        assert figure is not None  # an Axes always belongs to a figure
        box = ax.get_position()
        w_pt = box.width * figure.get_figwidth() * 72
        h_pt = box.height * figure.get_figheight() * 72
        scale = min(w_pt / geo.width, h_pt / (geo.height - eg.TITLE_BAND))
    grey = OKABE_ITO["grey"]
    for name, radius in geo.rings:
        ax.add_patch(
            Circle(
                (geo.cx, geo.cy),
                radius,
                fill=False,
                color=grey,
                lw=0.8 * scale,
                ls="--" if name == eg.NOT_RECORDED else "-",
            )
        )
    outer = geo.rings[-1][1]
    for angle in geo.spokes:
        ax.plot(
            [geo.cx, geo.cx + outer * math.cos(angle)],
            [geo.cy, geo.cy + outer * math.sin(angle)],
            color=grey,
            lw=0.5 * scale,
            ls=":",
        )
    for label in geo.sector_labels:
        ax.text(
            label.x, label.y, label.text, ha="center", va="center",
            fontsize=eg.SECTOR_SIZE * scale, color="#333333",
        )  # fmt: skip
    where = {i.person: (i.x, i.y) for i in geo.items}
    for a, b in geo.ties:
        (xa, ya), (xb, yb) = where[a], where[b]
        ax.plot([xa, xb], [ya, yb], color=OKABE_ITO["sky"], lw=1.6 * scale, zorder=1)
    for item in geo.items:
        _line_to_ego(ax, item, (geo.cx, geo.cy), scale)
    for item in geo.items:
        ax.scatter(
            [item.x], [item.y], s=(eg.NODE * scale) ** 2, color="#DDDDDD",
            edgecolors="#333333", linewidths=0.8 * scale, zorder=3,
        )  # fmt: skip
        for support in item.supports:
            dx, dy = eg.MARK_DIRECTIONS[support]
            colour, marker = SUPPORT_STYLE[support]
            ax.scatter(
                [item.x + dx * eg.MARK_OFFSET], [item.y + dy * eg.MARK_OFFSET],
                s=(eg.MARK * scale) ** 2, color=colour, marker=marker,
                edgecolors="black", linewidths=0.4 * scale, zorder=4,
            )  # fmt: skip
        if item.label:
            ax.text(
                item.x, item.y - eg.MARK_OFFSET - eg.MARK / 2 - 1, item.label,
                ha="center", va="top", fontsize=eg.LABEL_SIZE * scale, zorder=5,
            )  # fmt: skip
    ax.scatter([geo.cx], [geo.cy], s=(18 * scale) ** 2, color="black", marker="*", zorder=5)
    handles = [
        Line2D(
            [], [], ls="", marker=marker, color=colour, markeredgecolor="black",
            label=f"{support.value} support",
        )
        for support, (colour, marker) in SUPPORT_STYLE.items()
    ] + [
        Line2D([], [], color="#777777", ls="--", label="not in touch"),
        Line2D([], [], color=OKABE_ITO["vermilion"], lw=2.6, label="high strain"),
        Line2D([], [], color=OKABE_ITO["vermilion"], lw=1.2, ls=":", label="some strain"),
        Line2D([], [], color=OKABE_ITO["sky"], lw=1.6, label="know each other"),
    ]  # fmt: skip
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, geo.legend_top / (geo.height - eg.TITLE_BAND)),
        ncol=geo.legend_columns,
        frameon=False,
        fontsize=eg.LEGEND_SIZE * scale,
    )
    ax.set_xlim(0, geo.width)
    ax.set_ylim(0, geo.height - eg.TITLE_BAND)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(geo.title, fontsize=eg.TITLE_SIZE * scale)
    return ax


def _line_to_ego(ax: Axes, item: _egogram.Item, centre: tuple[float, float], scale: float) -> None:
    """The ego-person line: dashed when not in touch, vermilion when strained."""
    xs, ys = [centre[0], item.x], [centre[1], item.y]
    style = "--" if item.dormant else "-"
    if item.strain is Strain.HIGH:
        ax.plot(xs, ys, color=OKABE_ITO["vermilion"], lw=2.6 * scale, ls=style, zorder=2)
    elif item.strain is Strain.SOME:
        ax.plot(xs, ys, color=OKABE_ITO["vermilion"], lw=1.2 * scale, ls=":", zorder=2)
    else:
        ax.plot(xs, ys, color="#777777", lw=0.9 * scale, ls=style, zorder=2)


def coverage_chart(assessment: Assessment, *, ax: Axes | None = None) -> Axes:
    """Bars of how many people give each kind of support, with gaps marked.

    Each bar has its support type's colour and a hatch pattern; a needed type with
    nobody giving it is labelled "missing", one with a single person "only one". A
    type with no count has no bar: "not asked" when the interview did not ask about
    it, else "not recorded".
    """
    ax = _axes(ax, (7, 3.2))
    counts = assessment.measures.support_counts.model_dump()
    unasked = {
        t
        for entry in assessment.not_recorded
        if entry.field is NotRecordedField.SUPPORT_TYPES_ASKED
        for t in entry.support_types
    }
    types = list(SupportType)
    hatches = ["//", "..", "xx", "\\\\"]
    for i, support in enumerate(types):
        colour, _ = SUPPORT_STYLE[support]
        count = counts[support.value]
        if count is None:
            note = "not asked" if support in unasked else "not recorded"
            ax.text(0.1, i, note, va="center", fontsize=9)
            continue
        ax.barh(i, count, color=colour, hatch=hatches[i], edgecolor="black")
        note = (
            "missing"
            if support in assessment.measures.missing_support_types
            else "only one"
            if support in assessment.measures.single_provider_types
            else ""
        )
        if note:
            ax.text(count + 0.1, i, note, va="center", fontsize=9)
    ax.set_yticks(range(len(types)), [t.value for t in types])
    ax.invert_yaxis()
    ax.set_xlabel("people in touch who give it")
    ax.set_ylabel("kind of support")
    top = max([*(n for n in counts.values() if n is not None), 1])
    ax.set_xlim(0, top + 1.5)
    ax.set_xticks(range(top + 2))
    ax.set_title(f"Support coverage, {assessment.as_of.isoformat()}")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


_BAR: dict[str, Any] = {"color": OKABE_ITO["blue"], "edgecolor": "white"}

DEFAULT_MEASURES = (
    "active_size", "support_types_covered", "support_evenness",
    "role_iqv", "top_provider_share", "density",
)  # fmt: skip
"""The measures `measure_distributions` draws by default."""


def _table_columns(table: Any) -> dict[str, list[Any]] | None:
    """A polars or pandas table as lists of plain values (missing as ``None``), else ``None``."""
    if hasattr(table, "schema") and hasattr(table, "to_dict") and hasattr(table, "height"):
        columns: dict[str, list[Any]] = table.to_dict(as_series=False)  # polars
        return columns
    if hasattr(table, "columns") and hasattr(table, "to_dict") and hasattr(table, "iloc"):
        found: dict[str, list[Any]] = {}
        for name in table.columns:  # pandas: NaN (and NA) are missing values
            values = table[name].astype(object).where(table[name].notna(), None).tolist()
            found[str(name)] = values
        return found
    return None


def measure_distributions(
    assessments: Iterable[Assessment] | Any, *, measures: Sequence[str] = DEFAULT_MEASURES
) -> Figure:
    """Histograms of measures across many networks, one panel per measure.

    Args:
        assessments: Assessments, or the table of
            [`cohort.measure`][grace_support.cohort.measure] (polars or pandas): its
            columns are read directly, so nothing is assessed again.
        measures: The measures (table columns) to draw.

    Undefined values (``None``, or missing in a table) are left out of each panel,
    and the panel says how many were.

    Raises:
        ValueError: A table has no column for one of `measures`.

    Version changed:
        0.2.0: reads the table of ``cohort.measure``.
    """
    plt = _pyplot()
    columns = _table_columns(assessments)
    if columns is not None:
        for name in measures:
            if name not in columns:
                raise ValueError(f"the table has no column {name!r}")
        count = len(next(iter(columns.values()), []))
        rows = [{name: columns[name][i] for name in measures} for i in range(count)]
    else:
        rows = [a.measures.model_dump() for a in assessments]
    per_line = 3
    lines = math.ceil(len(measures) / per_line)
    figure, axes = plt.subplots(lines, per_line, figsize=(4 * per_line, 3 * lines), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, name in zip(flat, measures, strict=False):
        values = [r[name] for r in rows if r[name] is not None]
        whole = all(isinstance(v, int) and not isinstance(v, bool) for v in values)
        if whole and values:
            low, high = min(values), max(values)
            # one bin per whole number, centred on it
            ax.hist(values, bins=[v - 0.5 for v in range(low, high + 2)], **_BAR)
            ax.set_xticks(range(low, high + 1, max(1, (high - low) // 10 + 1)))
        else:
            ax.hist([float(v) for v in values], bins=12, **_BAR)
        undefined = len(rows) - len(values)
        ax.set_title(name + (f" ({undefined} undefined)" if undefined else ""), fontsize=10)
        ax.set_xlabel(name)
        ax.set_ylabel("networks")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for ax in flat[len(measures) :]:
        ax.axis("off")
    figure.suptitle(f"Measures across {len(rows):,} networks")
    figure.tight_layout()
    return figure  # type: ignore[no-any-return]


DEFAULT_TIMELINE_MEASURES = (
    "active_size", "inner_circle_size", "support_types_covered", "top_provider_share",
)  # fmt: skip
"""The measures [`timeline`][grace_support.plot.timeline] draws by default."""

_LINE_STYLES = [
    (OKABE_ITO["blue"], "o", "-"),
    (OKABE_ITO["vermilion"], "s", "--"),
    (OKABE_ITO["green"], "^", "-."),
    (OKABE_ITO["purple"], "D", ":"),
    (OKABE_ITO["orange"], "v", "-"),
    (OKABE_ITO["sky"], "P", "--"),
]

CIRCLE_STYLE: dict[Closeness | None, tuple[str, str, float]] = {
    Closeness.INNER: (OKABE_ITO["vermilion"], "o", 150),
    Closeness.MIDDLE: (OKABE_ITO["blue"], "s", 110),
    Closeness.OUTER: (OKABE_ITO["sky"], "^", 100),
    None: ("white", "D", 80),
}
"""The colour, marker shape and size of each circle in [`convoy`][grace_support.plot.convoy];
``None`` is closeness not recorded (a hollow diamond)."""


def timeline(timeline: Timeline, measures: Sequence[str] = DEFAULT_TIMELINE_MEASURES) -> Figure:
    """Measures across the waves of a timeline, one panel per measure.

    Each panel is a line with a marker at each wave's ``collected_on`` date; the
    panels differ in colour, marker shape and line style, so they read without
    colour. An undefined value (``None``) leaves a gap.

    Args:
        timeline: The interviews of one ego.
        measures: Measure names as in
            [`numeric_measures`][grace_support.change.numeric_measures], e.g.
            ``"size"`` or ``"support_counts.peer"``.

    Raises:
        ValueError: A name is not a numeric measure.
    """
    from grace_support.change import numeric_measures  # noqa: PLC0415

    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    values = [numeric_measures(a) for a in timeline.assessments()]
    for name in measures:
        if name not in values[0]:
            raise ValueError(f"{name!r} is not a numeric measure of the assessment")
    columns = min(2, max(len(measures), 1))
    rows = max(math.ceil(len(measures) / columns), 1)
    figure, axes = plt.subplots(
        rows, columns, figsize=(5 * columns, 2.8 * rows), squeeze=False, sharex=True
    )
    flat = [ax for row in axes for ax in row]
    days = list(timeline.days)
    for number, (ax, name) in enumerate(zip(flat, measures, strict=False)):
        colour, marker, style = _LINE_STYLES[number % len(_LINE_STYLES)]
        points = [math.nan if v[name] is None else v[name] for v in values]
        ax.plot(days, points, color=colour, marker=marker, ls=style, lw=1.8, markersize=7)
        known = [x for v in values if (x := v[name]) is not None]
        if all(isinstance(v, int) for v in known):  # counts: whole numbers from 0
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max([*known, 1]) * 1.15)
        ax.set_title(name, fontsize=10)
        ax.set_xticks(days, [d.isoformat() for d in days], rotation=30, ha="right", fontsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for ax in flat[len(measures) :]:
        ax.axis("off")
    figure.suptitle(f"Measures across {len(days)} interviews")
    figure.tight_layout()
    return figure  # type: ignore[no-any-return]


def convoy(
    timeline: Timeline,
    *,
    ax: Axes | None = None,
    labels: Literal["id", "name"] | None = "id",
) -> Axes:
    """Each person's circle across the waves: who stayed, moved, joined and left.

    One row per person (in order of first appearance, closest first), one column
    per interview. The circle is shown by shape *and* colour (see
    ``CIRCLE_STYLE``); a grey line joins a person's interviews; "joined" marks a
    person's first interview after the first, and a black cross marks the first
    interview in which they were no longer named.

    Args:
        timeline: The interviews of one ego (people are matched by id).
        ax: Axes to draw on; a new figure when omitted.
        labels: Label rows by ``"id"`` (default), ``"name"`` (the latest known
            name), or not at all (``None``).

    Returns:
        The Axes.
    """
    from matplotlib.lines import Line2D  # noqa: PLC0415

    waves = timeline.networks
    first: dict[str, tuple[int, int]] = {}
    label: dict[str, str] = {}
    circles: dict[str, dict[int, Closeness | None]] = {}
    order = [Closeness.INNER, Closeness.MIDDLE, Closeness.OUTER]
    for wave, network in enumerate(waves):
        for person, rel in network.alters:
            closeness = getattr(rel, "closeness", None)
            rank = order.index(closeness) if closeness in order else len(order)
            first.setdefault(person.id, (wave, rank))
            label[person.id] = person.id if labels == "id" else person.label
            circles.setdefault(person.id, {})[wave] = closeness
    people = sorted(first, key=lambda pid: (*first[pid], pid))
    ax = _axes(ax, (1.6 + 1.4 * len(waves), 1.2 + 0.38 * max(len(people), 1)))
    last = len(waves) - 1
    for row, pid in enumerate(people):
        present = sorted(circles[pid])
        for a, b in pairwise(present):
            if b == a + 1:
                ax.plot([a, b], [row, row], color="#888888", lw=1.2, zorder=1)
        for wave in present:
            closeness = circles[pid][wave]
            colour, marker, size = CIRCLE_STYLE[closeness]
            ax.scatter(
                [wave], [row], s=size, color=colour, marker=marker,
                edgecolors="black", linewidths=0.7, zorder=3,
            )  # fmt: skip
        if present[0] > 0:
            ax.annotate("joined", (present[0], row), xytext=(0, 8), textcoords="offset points",
                        ha="center", fontsize=7)  # fmt: skip
        for wave in range(present[0] + 1, last + 1):
            if wave not in circles[pid] and wave - 1 in circles[pid]:
                ax.scatter([wave], [row], s=70, color="black", marker="x", zorder=3)
    ax.set_yticks(range(len(people)), [label[p] for p in people] if labels else [])
    ax.set_ylim(len(people) - 0.5, -0.7)
    ax.set_xticks(range(len(waves)), [d.isoformat() for d in timeline.days], fontsize=8)
    ax.set_xlim(-0.5, last + 0.5)
    handles = [
        Line2D([], [], ls="", marker=marker, color=colour, markeredgecolor="black",
               markersize=8, label=f"{c.value} circle" if c else "closeness not recorded")
        for c, (colour, marker, _) in CIRCLE_STYLE.items()
    ] + [Line2D([], [], ls="", marker="x", color="black", label="no longer named")]  # fmt: skip
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8
    )
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title("Circles across interviews")
    return ax


def _finding_shares(table: dict[str, list[Any]], prefix: str) -> tuple[list[float], int]:
    """The share of rows with each finding code, from ``<prefix>finding_count_<code>``."""
    from grace_support.assessment.models import FindingCode  # noqa: PLC0415

    shares = []
    count = len(next(iter(table.values()), []))
    for code in FindingCode:
        name = f"{prefix}finding_count_{code.value.replace('-', '_')}"
        if name not in table:
            raise ValueError(f"the table has no column {name!r}")
        known = [v for v in table[name] if v is not None]
        shares.append(sum(v > 0 for v in known) / len(known) if known else 0.0)
    return shares, count


def findings_chart(assessments: Iterable[Assessment] | Any, *, ax: Axes | None = None) -> Axes:
    """Bars of the share of egos with each finding code (every code shown, in order).

    Args:
        assessments: The assessments of many networks, or the table of
            [`cohort.measure`][grace_support.cohort.measure] (polars or pandas; its
            ``finding_count_<code>`` columns are read).
        ax: Axes to draw on; a new figure when omitted.

    Returns:
        The Axes.

    Raises:
        ValueError: A table has no ``finding_count_<code>`` column for a code.

    Version changed:
        0.2.0: reads the table of ``cohort.measure``.
    """
    from grace_support.assessment.models import FindingCode  # noqa: PLC0415

    codes = list(FindingCode)
    columns = _table_columns(assessments)
    if columns is not None:
        shares, count = _finding_shares(columns, "")
    else:
        chosen = list(assessments)
        count = len(chosen)
        shares = [
            sum(code in a.finding_codes() for a in chosen) / len(chosen) if chosen else 0.0
            for code in codes
        ]
    ax = _axes(ax, (7, 3.6))
    ax.barh(range(len(codes)), shares, color=OKABE_ITO["blue"], edgecolor="black")
    ax.set_yticks(range(len(codes)), [c.value for c in codes])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of egos with this finding")
    ax.set_ylabel("finding")
    ax.set_title(f"Findings across {count:,} networks")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _change_columns(table: Any, names: Sequence[str]) -> dict[str, list[Any]]:
    columns = _table_columns(table)
    if columns is None:
        raise TypeError("table must be the polars or pandas table of cohort.changes")
    for name in names:
        if name not in columns:
            raise ValueError(f"the table has no column {name!r}")
    return columns


def change_distributions(table: Any) -> Figure:
    """Histograms of the people kept, lost and newly named per ego, side by side.

    Args:
        table: The table of [`cohort.changes`][grace_support.cohort.changes]
            (polars or pandas; its ``kept``, ``lost`` and ``gained`` columns).

    Raises:
        ValueError: A column is missing.

    Version added:
        0.2.0
    """
    plt = _pyplot()
    panels = (("kept", "named both times"), ("lost", "no longer named"), ("gained", "newly named"))
    columns = _change_columns(table, [name for name, _ in panels])
    figure, axes = plt.subplots(1, 3, figsize=(12, 3.4), sharey=True, squeeze=False)
    styles = (
        (OKABE_ITO["blue"], None),
        (OKABE_ITO["vermilion"], "//"),
        (OKABE_ITO["green"], ".."),
    )
    count = 0
    for ax, (name, words), (colour, hatch) in zip(axes[0], panels, styles, strict=True):
        values = [int(v) for v in columns[name] if v is not None]
        count = len(columns[name])
        high = max([*values, 0])
        ax.hist(
            values, bins=[v - 0.5 for v in range(high + 2)], color=colour, hatch=hatch,
            edgecolor="white",
        )  # fmt: skip
        ax.set_xticks(range(0, high + 1, max(1, high // 10 + 1)))
        ax.set_title(f"{name}: people {words}", fontsize=10)
        ax.set_xlabel(f"people {name} per ego")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[0][0].set_ylabel("egos")
    figure.suptitle(f"Who was kept, lost and newly named, across {count:,} egos")
    figure.tight_layout()
    return figure  # type: ignore[no-any-return]


def circle_transitions(table: Any, *, ax: Axes | None = None) -> Axes:
    """A matrix of how many people moved from each circle to each, summed over egos.

    Rows are the circle in the first wave, columns in the second; ``not named``
    is a person absent from that wave (so its row is the people newly named, and
    its column the people no longer named), ``not recorded`` a circle that was not
    recorded. Each cell is shaded by its count (darker is more) and labelled with it,
    so it reads without colour.

    Args:
        table: The table of [`cohort.changes`][grace_support.cohort.changes]
            (polars or pandas; its ``circle_<from>_to_<to>`` columns).
        ax: Axes to draw on; a new figure when omitted.

    Raises:
        ValueError: A column is missing.

    Version added:
        0.2.0
    """
    from grace_support.cohort._changes import CIRCLE_STATES  # noqa: PLC0415

    labels = ["inner", "middle", "outer", "not recorded", "not named"]
    names = [
        f"circle_{a}_to_{b}"
        for a in CIRCLE_STATES
        for b in CIRCLE_STATES
        if not (a == "none" and b == "none")
    ]
    columns = _change_columns(table, names)
    size = len(CIRCLE_STATES)
    matrix = [[0] * size for _ in range(size)]
    for i, a in enumerate(CIRCLE_STATES):
        for j, b in enumerate(CIRCLE_STATES):
            if a == "none" and b == "none":
                continue
            matrix[i][j] = sum(int(v) for v in columns[f"circle_{a}_to_{b}"] if v is not None)
    ax = _axes(ax, (6.4, 5.2))
    top = max(max(row) for row in matrix) or 1
    ax.imshow(matrix, cmap="Blues", vmin=0, vmax=top)
    for i in range(size):
        for j in range(size):
            if i == size - 1 and j == size - 1:
                ax.text(j, i, "-", ha="center", va="center", fontsize=9, color="#555555")
                continue
            value = matrix[i][j]
            ax.text(
                j, i, f"{value:,}", ha="center", va="center", fontsize=9,
                color="white" if value > top * 0.6 else "black",
            )  # fmt: skip
    ax.set_xticks(range(size), labels, rotation=20, ha="right")
    ax.set_yticks(range(size), labels)
    ax.set_xlabel("circle at the second interview")
    ax.set_ylabel("circle at the first interview")
    ax.set_title("Moves between circles (people, all egos)")
    return ax


def findings_by_wave(table: Any, *, ax: Axes | None = None) -> Axes:
    """Paired bars of the share of egos with each finding code, first and second wave.

    Args:
        table: The table of [`cohort.changes`][grace_support.cohort.changes]
            (polars or pandas; its ``before_finding_count_<code>`` and
            ``after_finding_count_<code>`` columns).
        ax: Axes to draw on; a new figure when omitted.

    Raises:
        ValueError: A column is missing.

    Version added:
        0.2.0
    """
    from grace_support.assessment.models import FindingCode  # noqa: PLC0415

    columns = _table_columns(table)
    if columns is None:
        raise TypeError("table must be the polars or pandas table of cohort.changes")
    before, count = _finding_shares(columns, "before_")
    after, _ = _finding_shares(columns, "after_")
    codes = list(FindingCode)
    ax = _axes(ax, (7.5, 4.2))
    places = range(len(codes))
    ax.barh([p - 0.2 for p in places], before, height=0.4, color=OKABE_ITO["sky"],
            edgecolor="black", label="first interview")  # fmt: skip
    ax.barh([p + 0.2 for p in places], after, height=0.4, color=OKABE_ITO["blue"],
            edgecolor="black", hatch="//", label="second interview")  # fmt: skip
    ax.set_yticks(list(places), [c.value for c in codes])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of egos with this finding")
    ax.set_ylabel("finding")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title(f"Findings at each interview, {count:,} egos")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def change_types_chart(changes: Iterable[NetworkChange] | Any, *, ax: Axes | None = None) -> Axes:
    """Bars of how many egos had each kind of change: stasis, expansion, shedding, substitution.

    The kinds are those of [`ChangeType`][grace_support.change.ChangeType] (Small,
    Pamphile and McMahan 2015); every kind is shown, in that order, with its count
    and share. Each bar has its own hatch as well as its colour.

    Args:
        changes: Changes from [`compare`][grace_support.change.compare] or
            `Timeline.changes`, or a table with a ``change_type`` column
            (`change_table`, or `cohort.changes`).
        ax: Axes to draw on; a new figure when omitted.

    Returns:
        The Axes.

    Version added:
        0.2.0
    """
    from grace_support.change import ChangeType  # noqa: PLC0415

    table: Any = changes
    columns = getattr(table, "columns", None)
    if columns is not None and "change_type" in list(columns):
        kinds = [str(v) for v in table["change_type"].to_list()]
    else:
        kinds = [c.change_type.value for c in changes]
    order = list(ChangeType)
    counts = [kinds.count(kind.value) for kind in order]
    total = len(kinds)
    colours = [OKABE_ITO[c] for c in ("grey", "green", "orange", "blue")]
    hatches = ["", "//", "..", "xx"]
    ax = _axes(ax, (6, 3.4))
    bars = ax.bar(range(len(order)), counts, color=colours, edgecolor="black")
    for bar, hatch in zip(bars, hatches, strict=True):
        bar.set_hatch(hatch)
    for i, count in enumerate(counts):
        share = f" ({count / total:.0%})" if total else ""
        ax.annotate(f"{count}{share}", (i, count), ha="center", va="bottom", xytext=(0, 2),
                    textcoords="offset points")  # fmt: skip
    ax.set_xticks(range(len(order)), [kind.value for kind in order])
    ax.set_ylabel("egos")
    ax.set_xlabel("kind of change in who is named")
    ax.set_title(f"Kinds of change across {total} egos")
    ax.set_ylim(0, max([*counts, 1]) * 1.15)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax
