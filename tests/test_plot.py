"""Plots: structure, accessibility choices and privacy defaults (looked at by eye too)."""

from __future__ import annotations

import sys

import matplotlib

matplotlib.use("Agg")

from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pytest

from grace_support import MissingExtraError, SupportType, assess
from grace_support.demo import example_network
from grace_support.plot import SUPPORT_STYLE, coverage_chart, egogram, measure_distributions
from grace_support.synthetic import cohort
from tests.helpers import net

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(autouse=True)
def _no_show(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("library code must not call plt.show()")

    monkeypatch.setattr(plt, "show", refuse)
    yield
    plt.close("all")


def texts(ax: object) -> list[str]:
    return [t.get_text() for t in ax.texts]  # type: ignore[attr-defined]


def test_egogram_draws_everyone_with_ids_by_default() -> None:
    network = example_network()
    ax = egogram(network)
    labels = texts(ax)
    assert {"ana", "carlos", "dr-lee", "rosa", "jamie", "sam"} <= set(labels)
    assert not {"Ana", "Maria", "Dr. Lee"} & set(labels)
    assert {"family", "friend", "community", "professional"} <= set(labels)
    assert "peer" not in labels  # an empty sector takes no room
    box = ax.get_legend()
    assert box is not None
    legend = [t.get_text() for t in box.get_texts()]
    assert legend[:4] == [f"{t.value} support" for t in SUPPORT_STYLE]
    assert "not in touch" in legend
    assert ax.get_title() == "Support network"  # a title never shows an id


def test_egogram_names_on_request_and_none() -> None:
    assert "Ana" in texts(egogram(example_network(), labels="name"))
    assert "ana" not in texts(egogram(example_network(), labels=None))


def test_support_styles_differ_in_colour_and_shape() -> None:
    colours = [c for c, _ in SUPPORT_STYLE.values()]
    shapes = [m for _, m in SUPPORT_STYLE.values()]
    assert len(set(colours)) == len(set(shapes)) == 4


def test_egogram_of_edge_cases() -> None:
    egogram(net())
    for network in cohort(5, seed=2):
        egogram(network, labels=None)


def test_coverage_chart_marks_gaps() -> None:
    ax = coverage_chart(assess(example_network(), as_of="2026-11-25"))
    assert "missing" in texts(ax)
    assert "only one" in texts(ax)
    # in touch on the day: ana, dr-lee, rosa, jamie (carlos's last contact is too old)
    assert [p.get_width() for p in ax.patches] == [3, 2, 1, 0]  # type: ignore[attr-defined]


def test_coverage_chart_says_not_asked_instead_of_a_bar() -> None:
    network = example_network().model_copy(
        update={"support_types_asked": (SupportType.EMOTIONAL, SupportType.PRACTICAL)}
    )
    ax = coverage_chart(assess(network, as_of="2026-11-25"))
    assert texts(ax).count("not asked") == 2
    assert [p.get_width() for p in ax.patches] == [3, 2]  # type: ignore[attr-defined]


def test_measure_distributions_has_a_panel_per_measure() -> None:
    results = [assess(n, as_of="2026-11-25") for n in (*cohort(30, seed=1), net())]
    figure = measure_distributions(results, measures=("active_size", "density"))
    titles = [ax.get_title() for ax in figure.axes if ax.get_title()]
    assert titles == ["active_size", "density (1 undefined)"]


def test_draws_on_given_axes() -> None:
    _, ax = plt.subplots()
    assert egogram(example_network(), ax=ax) is ax


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtraError, match="plot"):
        egogram(net())


def _heights(ax: Any) -> list[float]:
    from matplotlib.patches import Rectangle

    return [bar.get_height() for bar in ax.patches if isinstance(bar, Rectangle)]


def test_change_types_chart_counts_every_kind() -> None:
    from grace_support.change import compare
    from grace_support.plot import change_types_chart
    from tests.helpers import net, rel

    days = ("2026-08-01", "2026-11-01")
    a, ab, b = net(rel("a")), net(rel("a"), rel("b")), net(rel("b"))
    changes = [compare(a, a, as_of=days), compare(a, ab, as_of=days), compare(a, b, as_of=days)]
    changes.append(compare(a, b, as_of=days))
    ax = change_types_chart(changes)
    heights = _heights(ax)
    assert heights == [1, 1, 0, 2]  # stasis, expansion, shedding, substitution
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "stasis",
        "expansion",
        "shedding",
        "substitution",
    ]
    assert "2 (50%)" in [t.get_text() for t in ax.texts]
    pl = pytest.importorskip("polars")
    table = pl.DataFrame({"change_type": ["shedding", "shedding"]})
    heights = _heights(change_types_chart(table))
    assert heights == [0, 0, 2, 0]
    plt.close("all")
