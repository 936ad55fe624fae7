"""Cohort plots: one bin per whole number, every axis labelled, a findings chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import Rectangle

from grace_support import assess
from grace_support.assessment.models import FindingCode
from grace_support.plot import coverage_chart, findings_chart, measure_distributions
from grace_support.synthetic import cohort

if TYPE_CHECKING:
    from collections.abc import Iterator


def _bars(ax: object) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]  # type: ignore[attr-defined]


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
