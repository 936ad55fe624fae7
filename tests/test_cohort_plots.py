"""Cohort plots: one bin per whole number, every axis labelled, a findings chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import Rectangle

from grace_support import assess
from grace_support.assessment.models import FindingCode
from grace_support.plot import coverage_chart, findings_chart, measure_distributions
from grace_support.synthetic import cohort

if TYPE_CHECKING:
    from collections.abc import Iterator


def _bars(ax: Any) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


ASSESSMENTS = [assess(n, as_of="2026-11-25") for n in cohort(60, seed=3)]


def test_whole_number_measures_get_one_bin_per_integer() -> None:
    figure = measure_distributions(ASSESSMENTS, measures=["active_size", "support_evenness"])
    ax = figure.axes[0]
    values = [a.measures.active_size for a in ASSESSMENTS]
    edges = sorted({p.get_x() for p in _bars(ax)})
    assert [round(e, 6) for e in edges] == [v - 0.5 for v in range(min(values), max(values) + 1)]
    assert all(abs(p.get_width() - 1) < 1e-9 for p in _bars(ax))
    heights = {round(p.get_x() + 0.5): p.get_height() for p in _bars(ax)}
    for v in set(values):
        assert heights[v] == values.count(v)


def test_every_axis_is_labelled() -> None:
    figure = measure_distributions(ASSESSMENTS)
    for ax in figure.axes:
        if ax.axison:
            assert ax.get_xlabel()
            assert ax.get_ylabel()
    for ax in (coverage_chart(ASSESSMENTS[0]), findings_chart(ASSESSMENTS)):
        assert ax.get_xlabel()
        assert ax.get_ylabel()


def test_findings_chart_shows_the_share_of_egos_with_each_code() -> None:
    ax = findings_chart(ASSESSMENTS)
    widths = [p.get_width() for p in _bars(ax)]
    expected = [
        sum(code in a.finding_codes() for a in ASSESSMENTS) / len(ASSESSMENTS)
        for code in FindingCode
    ]
    assert widths == pytest.approx(expected)
    assert [t.get_text() for t in ax.get_yticklabels()] == [c.value for c in FindingCode]


def test_findings_chart_of_nothing() -> None:
    ax = findings_chart([])
    assert [p.get_width() for p in _bars(ax)] == [0.0] * len(FindingCode)


# -- the same pictures from the tables of cohort.measure and cohort.changes -------------------

pl = pytest.importorskip("polars")
TABLE = pytest.importorskip("grace_support.cohort").measure(cohort(60, seed=3), as_of="2026-11-25")


@pytest.mark.parametrize("kind", ["polars", "pandas"])
def test_measure_distributions_of_the_table_equal_those_of_assessments(kind: str) -> None:
    table = TABLE if kind == "polars" else TABLE.to_pandas()
    names = ["active_size", "support_evenness", "density"]
    from_table = measure_distributions(table, measures=names)
    from_assessments = measure_distributions(ASSESSMENTS, measures=names)
    for ax_table, ax_assessments in zip(from_table.axes, from_assessments.axes, strict=True):
        got = [v for p in _bars(ax_table) for v in (p.get_x(), p.get_height())]
        want = [v for p in _bars(ax_assessments) for v in (p.get_x(), p.get_height())]
        assert got == pytest.approx(want)
        assert ax_table.get_title() == ax_assessments.get_title()  # "(n undefined)" too


@pytest.mark.parametrize("kind", ["polars", "pandas"])
def test_findings_chart_of_the_table(kind: str) -> None:
    table = TABLE if kind == "polars" else TABLE.to_pandas()
    widths = [p.get_width() for p in _bars(findings_chart(table))]
    assert widths == pytest.approx([p.get_width() for p in _bars(findings_chart(ASSESSMENTS))])
    with pytest.raises(ValueError, match="no column"):
        measure_distributions(TABLE, measures=["nope"])
    with pytest.raises(ValueError, match="finding_count_"):
        findings_chart(TABLE.drop("finding_count_small_network"))


def _changes_table() -> Any:
    from grace_support.cohort import changes
    from grace_support.synthetic import follow_up

    first = cohort(40, seed=5)
    return changes(first, follow_up(first, seed=6))


def test_change_distributions_count_egos_by_people_kept_lost_and_gained() -> None:
    from grace_support.plot import change_distributions

    table = _changes_table()
    figure = change_distributions(table)
    for ax, column in zip(figure.axes, ("kept", "lost", "gained"), strict=True):
        values = table[column].to_list()
        heights = {round(p.get_x() + 0.5): p.get_height() for p in _bars(ax)}
        for v in set(values):
            assert heights[v] == values.count(v)
        assert sum(heights.values()) == len(values)
        assert ax.get_xlabel()
    assert figure.axes[0].get_ylabel() == "egos"


def test_circle_transitions_sum_the_moves_of_every_ego() -> None:
    from grace_support.plot import circle_transitions

    table = _changes_table()
    ax = circle_transitions(table.to_pandas())
    image = ax.get_images()[0].get_array()
    assert image is not None
    states = ["inner", "middle", "outer", "unrecorded", "none"]
    for i, a in enumerate(states):
        for j, b in enumerate(states):
            if a == b == "none":
                continue
            assert image[i][j] == table[f"circle_{a}_to_{b}"].sum()
    assert image[0][4] == sum(table["lost"]) - sum(
        table[f"circle_{a}_to_none"].sum() for a in states[1:4]
    )
    assert ax.get_xlabel()
    assert ax.get_ylabel()


def test_findings_by_wave_shows_each_waves_share() -> None:
    from grace_support.plot import findings_by_wave

    table = _changes_table()
    ax = findings_by_wave(table)
    bars = _bars(ax)
    half = len(FindingCode)
    for number, code in enumerate(FindingCode):
        name = code.value.replace("-", "_")
        for wave, bar in (("before", bars[number]), ("after", bars[half + number])):
            column = table[f"{wave}_finding_count_{name}"]
            assert bar.get_width() == pytest.approx((column > 0).mean())
    with pytest.raises(TypeError):
        findings_by_wave([1, 2])
