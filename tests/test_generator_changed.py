"""Waves interviewed with different name generators or caps: a documented warning."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import pytest

from grace_support.change import Timeline, change_table, compare, generators_differ
from grace_support.errors import GeneratorChangedWarning
from tests.helpers import net, rel

if TYPE_CHECKING:
    from pathlib import Path

    from grace_support import SupportNetwork

DAYS = ("2026-08-01", "2026-11-01")


def _wave(ego: str = "sam7", day: str | None = None, **recorded: Any) -> SupportNetwork:
    network = net(rel("a"), rel("b"), ego=ego)
    return network.model_copy(update={"collected_on": day, **recorded})


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        pytest.param({}, {}, False, id="neither-recorded"),
        pytest.param({"generator": "up-to-6"}, {"generator": "up-to-6"}, False, id="same"),
        pytest.param({"generator": "up-to-6"}, {"generator": "exactly-6"}, True, id="generator"),
        pytest.param({"max_names": 6}, {"max_names": 15}, True, id="cap"),
        pytest.param({"generator": "gss"}, {}, False, id="one-side-not-recorded"),
        pytest.param(
            {"generator": "gss", "max_names": 5}, {"generator": "gss"}, False, id="cap-one-side"
        ),
    ],
)
def test_compare_warns_when_generators_differ(
    before: dict[str, Any], after: dict[str, Any], changed: bool
) -> None:
    old, new = _wave(**before), _wave(**after)
    assert generators_differ(old, new) is changed
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        change = compare(old, new, as_of=DAYS)
    assert change.generator_changed is changed
    found = [w for w in caught if issubclass(w.category, GeneratorChangedWarning)]
    assert len(found) == (1 if changed else 0)
    if changed:
        message = str(found[0].message)
        assert "sam7" not in message  # no ids, no labels
        assert "exactly" not in message
        assert "up-to" not in message
        assert found[0].filename == __file__  # points at the caller


def test_change_table_warns_once_with_the_count() -> None:
    pytest.importorskip("pandas")
    before = [_wave(e, generator="up-to-6") for e in ("e1", "e2", "e3")]
    after = [_wave("e1", generator="exactly-6"), _wave("e2", generator="exactly-6"), _wave("e3")]
    with pytest.warns(GeneratorChangedWarning, match="2 egos") as caught:
        table = change_table(before, after, as_of=DAYS)
    assert len(caught) == 1
    assert table["generator_changed"].tolist() == [True, True, False]


def test_timeline_changes_warn_once() -> None:
    timeline = Timeline(
        [
            _wave(day="2026-01-01", max_names=6),
            _wave(day="2026-04-01", max_names=10),
            _wave(day="2026-07-01", max_names=6),
        ]
    )
    with pytest.warns(GeneratorChangedWarning, match="2 pairs") as caught:
        changes = timeline.changes()
    assert len(caught) == 1
    assert [c.generator_changed for c in changes] == [True, True]


def test_cohort_changes_has_the_column_and_warns_once(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    from grace_support import cohort
    from grace_support.cohort._layout import networks_to_arrow, write_parts

    def dataset(name: str, labels: list[str | None]) -> str:
        networks = [_wave(f"e{i}") for i in range(len(labels))]
        tables = networks_to_arrow(networks)
        egos = tables["egos"]  # the generator column (dataset layout 2), set by hand
        at = egos.column_names.index("generator")
        tables["egos"] = egos.set_column(at, "generator", pa.array(labels, pa.string()))
        return str(write_parts(tmp_path / name, [tables]))

    before = dataset("before", ["up-to-6", "up-to-6", None])
    after = dataset("after", ["exactly-6", "up-to-6", "exactly-6"])
    with pytest.warns(GeneratorChangedWarning, match="one ego") as caught:
        table = cohort.changes(before, after, as_of=DAYS)
    assert len(caught) == 1
    assert caught[0].filename == __file__  # points at the caller
    assert table["generator_changed"].to_list() == [True, False, False]
    plain = cohort.changes([_wave("e0")], [_wave("e0")], as_of=DAYS)
    assert plain["generator_changed"].to_list() == [False]


def test_generator_changed_at_pairs_rows() -> None:
    """The row-wise form, for code that pairs two parts' egos by row."""
    pa = pytest.importorskip("pyarrow")
    from grace_support.cohort._changes import generator_changed_at

    before = pa.table(
        {
            "ego_id": ["a", "b", "c", "d"],
            "generator": ["gss", "gss", None, "gss"],
            "max_names": pa.array([5, 5, 5, None], pa.int64()),
        }
    )
    after = pa.table({"ego_id": ["d", "c", "b", "a"], "generator": ["gss", "x", "gss", "y"]})
    # pairs a-a, b-b, c-c, d-d: a's generator differs; b same; c not recorded before; d same
    changed = generator_changed_at(before, after, [0, 1, 2, 3], [3, 2, 1, 0])
    assert changed.tolist() == [True, False, False, False]
