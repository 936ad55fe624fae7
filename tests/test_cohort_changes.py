"""`cohort.changes`: two waves of a cohort compared column-wise, equal to `change_table`."""

from __future__ import annotations

import math
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grace_support.cohort as cohort_module
from grace_support import (
    AsOfError,
    DocumentError,
    Person,
    Relationship,
    Settings,
    SupportNetwork,
    network_from_data,
)
from grace_support.change import change_table, compare
from grace_support.cli import main
from grace_support.cohort import changes, measure, read_networks, write_dataset
from grace_support.cohort._changes import EXTRA_COLUMNS
from grace_support.cohort._layout import write_parts
from grace_support.tables import to_tables
from tests.property.strategies import days, network_pairs, networks, settings_strategy

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pandas as pd
    from polars import DataFrame

pl = pytest.importorskip("polars")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

DAYS = ("2026-08-01", "2026-11-01")
later_days = st.dates(min_value=date(2026, 8, 1), max_value=date(2027, 12, 31))
"""Days after every day the strategies record: an as_of pair that is never refused."""


_KINDS = {"change_type": pl.String, "generator_changed": pl.Boolean}
"""The columns of cohort.changes that are not numbers."""


def _missing(value: object) -> bool:
    """None, NaN, or pandas' <NA> (of an Int64 column)."""
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or type(value).__name__ == "NAType"
    )


def assert_equal(got: DataFrame, want: pd.DataFrame) -> None:
    """Same columns in the same order, same rows; ints exactly, floats to 1e-12, nulls equal.

    The columns of `change_table` come first, then the extra columns of `cohort.changes`.
    """
    assert got.columns == [*want.columns, *EXTRA_COLUMNS]
    assert got.height == len(want)
    for column in got.columns[1 : len(want.columns)]:  # integers stay integers, as in change_table
        kind = want[column].dtype.kind
        expected = {"i": pl.Int64, "f": pl.Float64}.get(kind)
        if expected is not None and len(want):
            assert got.schema[column] == expected, (column, got.schema[column])
        assert got.schema[column] == _KINDS.get(column, got.schema[column]), column
        assert got.schema[column] in (pl.Int64, pl.Float64, pl.String, pl.Boolean), column
    for row, expected_row in zip(
        got.iter_rows(named=True), want.to_dict(orient="records"), strict=True
    ):
        for key, value in expected_row.items():
            column, actual = str(key), row[str(key)]
            if _missing(value):
                assert actual is None, (column, actual)
            elif isinstance(value, float):
                assert isinstance(actual, float), (column, actual)
                assert math.isclose(actual, value, rel_tol=1e-12, abs_tol=1e-12), (column, actual)
            else:
                assert actual == value, (row["ego_id"], column, actual, value)
                python_type = {"ego_id": str, "change_type": str, "generator_changed": bool}
                assert isinstance(actual, python_type.get(column, int)), (column, actual)


def assert_equal_or_refused(got: Callable[[], DataFrame], want: Callable[[], pd.DataFrame]) -> None:
    """Equal tables, or both refuse the days (an as_of before a day recorded in a network)."""
    try:
        expected = want()
    except AsOfError:
        with pytest.raises(AsOfError) as refused:
            got()
        assert refused.value.problems
        assert all(p.message == "is later than as_of" for p in refused.value.problems)
        return
    assert_equal(got(), expected)


def _plain(network: SupportNetwork) -> SupportNetwork:
    """The network without study attributes (they play no part in a change)."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "attributes"}
        if isinstance(node, list):
            return [strip(item) for item in node]
        return node

    return network_from_data(strip(network.to_document()))


@st.composite
def waves(draw: st.DrawFn) -> tuple[list[SupportNetwork], list[SupportNetwork]]:
    """Two waves of a cohort: egos in both (people kept, gained and lost), and egos in one.

    Version-2 and version-3 networks: fields not recorded, kinds and ties asked.
    """
    pairs = draw(
        st.lists(
            network_pairs(max_people=6) | network_pairs(max_people=6, v3=True),
            max_size=5,
            unique_by=lambda p: p[0].ego.id,
        )
    )
    taken = {before.ego.id for before, _ in pairs}
    alone = draw(
        st.lists(
            (networks(max_people=4) | networks(max_people=4, v3=True)).filter(
                lambda n: n.ego.id not in taken
            ),
            max_size=3,
            unique_by=lambda n: n.ego.id,
        )
    )
    sides = [draw(st.booleans()) for _ in alone]
    before = [b for b, _ in pairs] + [n for n, first in zip(alone, sides, strict=True) if first]
    after = [a for _, a in pairs] + [n for n, first in zip(alone, sides, strict=True) if not first]
    return draw(st.permutations(before)), draw(st.permutations(after))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    cohort=waves(),
    as_of=st.none() | st.tuples(later_days, later_days) | st.tuples(days, days),
    chosen=st.none() | settings_strategy,
)
def test_changes_equal_change_table(
    cohort: tuple[list[SupportNetwork], list[SupportNetwork]],
    as_of: tuple[Any, Any] | None,
    chosen: Settings | None,
) -> None:
    before, after = cohort
    assert_equal_or_refused(
        lambda: changes(before, after, as_of=as_of, settings=chosen),
        lambda: change_table(before, after, as_of=as_of, settings=chosen),
    )


@settings(
    max_examples=20,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(cohort=waves(), part_size=st.integers(1, 3))
def test_changes_of_datasets_and_tables_equal_change_table(
    cohort: tuple[list[SupportNetwork], list[SupportNetwork]], part_size: int, tmp_path: Path
) -> None:
    before, after = ([_plain(n) for n in side] for side in cohort)
    old = write_dataset(before, tmp_path / "before", part_size=part_size)
    new = write_dataset(after, tmp_path / "after", part_size=part_size)
    for as_of in (DAYS, None):
        want = partial(change_table, before, after, as_of=as_of)
        assert_equal_or_refused(partial(changes, old, new, as_of=as_of), want)
        assert_equal_or_refused(partial(changes, to_tables(before), new, as_of=as_of), want)


# -- a worked example (every number below was worked out by hand) ------------------------------


def wave(
    day: str, *relationships: Relationship, ties: list[tuple[str, str]], ego: str = "sam"
) -> SupportNetwork:
    """One interview of `ego` on `day`."""
    return SupportNetwork.build(
        Person(id=ego),
        [(Person(id=r.person), r) for r in relationships],
        ties=ties,
        collected_on=day,
    )


def rel(person: str, role: str, supports: list[str], closeness: str, **more: Any) -> Relationship:
    return Relationship.model_validate(
        {"person": person, "role": role, "supports": supports, "closeness": closeness} | more
    )


def sam_before() -> SupportNetwork:
    return wave(
        "2026-08-01",
        rel("ana", "friend", ["emotional", "practical"], "inner", contact="weekly",
            last_contact="2026-06-01"),
        rel("ben", "sibling", ["practical"], "middle", contact="monthly"),
        rel("cy", "coworker", [], "outer", contact="monthly", strain="high"),
        rel("dee", "parent", ["emotional"], "middle"),
        ties=[("ana", "ben"), ("ben", "cy"), ("cy", "dee")],
    )  # fmt: skip


def sam_after() -> SupportNetwork:
    return wave(
        "2026-11-01",
        rel("ana", "friend", ["emotional", "practical"], "middle", contact="weekly",
            last_contact="2026-06-01"),
        rel("ben", "sibling", ["practical", "emotional"], "inner", contact="weekly"),
        rel("cy", "coworker", [], "outer", contact="monthly", strain="high"),
        rel("fay", "peer", ["peer"], "middle", contact="weekly"),
        ties=[("ben", "ana"), ("ana", "cy"), ("cy", "fay")],
    )  # fmt: skip


def test_worked_example() -> None:
    before = [
        sam_before(),
        wave("2026-08-01", ties=[], ego="zed"),
        wave("2026-08-01", ties=[], ego="only-before"),
    ]
    after = [
        wave("2026-11-01", ties=[], ego="only-after"),
        wave("2026-11-01", rel("p", "friend", [], "inner"), ties=[], ego="zed"),
        sam_after(),
    ]
    table = changes(before, after)  # each wave judged on its own collected_on day
    assert table["ego_id"].to_list() == ["sam", "zed"]
    sam = table.row(0, named=True)
    # ana, ben and cy kept; fay gained; dee lost.
    assert (sam["kept"], sam["gained"], sam["lost"]) == (3, 1, 1)
    # ana moved out (inner -> middle), ben in (middle -> inner) and got closer in
    # contact and support; cy is as before.
    assert (sam["alter_changes"], sam["closer"], sam["further"]) == (2, 1, 1)
    # Among kept people, ana-cy is new and ben-cy went; cy-dee went with dee.
    assert (sam["ties_gained"], sam["ties_lost"]) == (1, 1)
    assert sam["alter_jaccard"] == pytest.approx(3 / 5)  # 3 kept of 5 people
    assert sam["tie_jaccard"] == pytest.approx(1 / 5)  # ana-ben of 5 ties in all
    # Peer support arrived with fay; nothing went.
    assert (sam["support_types_gained"], sam["support_types_lost"]) == (1, 0)
    assert (sam["coverage_before"], sam["coverage_after"]) == (2, 3)
    assert (sam["delta_size"], sam["delta_support_counts.peer"]) == (0, 1)
    # ana is in touch at the first interview (last contact 61 days before) and not
    # at the second (153 days, more than 90): emotional support from ana and dee,
    # then from ben only.
    assert sam["delta_support_counts.emotional"] == -1
    assert sam["delta_active_size"] == -1  # ana, ben, cy, dee; then ben, cy, fay
    # Resolved: no peer support. New: over-reliance on ben (2 of the 3 kinds given
    # by people in touch), one provider only of emotional and practical support
    # (ben) and of peer support (fay), and ana not in touch. Persisting: no
    # informational support, cy's strain, no professional.
    assert (sam["findings_resolved"], sam["findings_new"], sam["findings_persisting"]) == (1, 5, 3)
    zed = table.row(1, named=True)
    assert (zed["kept"], zed["gained"], zed["lost"], zed["alter_jaccard"]) == (0, 1, 0, 0.0)
    assert zed["tie_jaccard"] is None
    assert_equal(table, change_table(before, after))


@pytest.mark.parametrize(
    ("as_of", "options", "expected"),
    [
        (DAYS, None, (1, 5, 3)),  # the same days as the waves' own
        # ana: 92 days at the first too, so not in touch in either wave: one provider
        # of emotional (dee, then ben) and of practical support (ben) both times
        (("2026-09-01", "2026-11-01"), None, (1, 2, 6)),
        (None, {"dormant_after_days": 200}, (1, 1, 3)),  # ana in touch both times
        (None, Settings(small_network_size=5), (1, 5, 4)),  # 4 in touch, then 3
    ],
)
def test_days_and_settings(
    as_of: tuple[str, str] | None, options: Any, expected: tuple[int, int, int]
) -> None:
    table = changes([sam_before()], [sam_after()], as_of=as_of, settings=options)
    row = table.row(0, named=True)
    assert (row["findings_resolved"], row["findings_new"], row["findings_persisting"]) == expected
    assert_equal(table, change_table([sam_before()], [sam_after()], as_of=as_of, settings=options))


def test_findings_match_by_what_they_are_about() -> None:
    """Over-reliance on a different person, and strain with someone else, are new findings."""
    heavy = ["emotional", "practical", "informational"]
    before = wave(
        "2026-08-01",
        rel("ana", "friend", heavy, "outer", strain="high"),
        rel("ben", "friend", ["peer"], "outer"),
        ties=[],
    )
    after = wave(
        "2026-11-01",
        rel("ana", "friend", ["peer"], "outer"),
        rel("ben", "friend", heavy, "outer", strain="high"),
        ties=[],
    )
    row = changes([before], [after]).row(0, named=True)
    change = compare(before, after)
    codes = sorted(f.code.value for f in change.findings_new)
    assert codes == ["over-reliance", "strained-tie"]
    assert row["findings_new"] == len(change.findings_new)
    assert row["findings_resolved"] == len(change.findings_resolved)
    assert row["findings_persisting"] == len(change.findings_persisting)
    assert row["alter_changes"] == 2


def test_empty_waves_and_output_files(tmp_path: Path) -> None:
    table = changes([], [])
    assert table.height == 0
    assert table.columns == [*change_table([], []).columns, *EXTRA_COLUMNS]
    assert table.schema["kept"] == pl.Int64
    assert table.schema["alter_jaccard"] == pl.Float64
    assert table.schema["delta_density"] == pl.Float64
    assert table.schema["delta_size"] == pl.Int64
    assert changes([sam_before()], []).height == 0
    path = write_dataset([sam_before()], tmp_path / "before")
    for name in ("changes.parquet", "changes.csv"):
        assert changes(path, [sam_after()], out=tmp_path / name) is None
    expected = changes([sam_before()], [sam_after()])
    assert pl.read_parquet(tmp_path / "changes.parquet").equals(expected)
    again = pl.read_csv(tmp_path / "changes.csv")
    assert again.columns == expected.columns
    assert again["findings_new"].to_list() == expected["findings_new"].to_list()


def _minimal_part(
    alters: list[tuple[str, str]], ties: list[tuple[str, str, str]], **more: Any
) -> Any:
    """A part as another tool may write it: only the required columns, and `more`."""
    pa = pytest.importorskip("pyarrow")

    def text(values: list[str]) -> Any:
        return pa.array(values, pa.string())

    columns = {"ego_id": text([a[0] for a in alters]), "alter_id": text([a[1] for a in alters])}
    return {
        "egos": pa.table({"ego_id": text(["e1", "e2"])}),
        "alters": pa.table(columns | more),
        "ties": pa.table(
            {
                name: text([t[i] for t in ties])
                for i, name in enumerate(("ego_id", "alter_a", "alter_b"))
            }
        ),
    }


def test_datasets_with_only_the_required_columns(tmp_path: Path) -> None:
    """Absent columns, and columns of nothing but missing values, read as unset."""
    pa = pytest.importorskip("pyarrow")
    before = write_parts(
        tmp_path / "w1",
        [_minimal_part([("e1", "x"), ("e1", "y"), ("e2", "z")], [("e1", "y", "x")])],
    )
    after = write_parts(
        tmp_path / "w2",
        [
            _minimal_part(
                [("e1", "x"), ("e1", "w"), ("e2", "z")],
                [("e1", "x", "w")],
                closeness=pa.nulls(3, pa.string()),
                peer=pa.nulls(3),
                strain=pa.array([None, "high", None], pa.string()),
            )
        ],
    )
    assert measure(before, as_of=DAYS[0]).height == 2  # no collected_on, no last_contact
    table = changes(before, after, as_of=DAYS)
    assert table.select("kept", "alter_changes", "ties_gained", "ties_lost").rows() == [
        (1, 0, 0, 0),
        (1, 0, 0, 0),
    ]
    assert_equal(
        table, change_table(list(read_networks(before)), list(read_networks(after)), as_of=DAYS)
    )


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("side", ["before", "after"])
def test_a_repeated_ego_names_the_side_and_positions_never_the_id(side: str) -> None:
    networks = [wave("2026-08-01", ties=[], ego=e) for e in ("secret-a", "secret-b", "secret-a")]
    other = [wave("2026-08-01", ties=[], ego="secret-a")]
    arguments = (networks, other) if side == "before" else (other, networks)
    with pytest.raises(ValueError, match=rf"^{side}\[2\] is of the same ego as {side}\[0\]$") as e:
        changes(*arguments)
    assert "secret" not in str(e.value)
    assert e.value.__cause__ is None
    assert e.value.__suppress_context__ or e.value.__context__ is None


def test_a_repeated_ego_in_a_dataset_is_a_document_error(tmp_path: Path) -> None:
    ones = [wave("2026-08-01", ties=[], ego="secret-a") for _ in range(2)]
    path = write_dataset(ones, tmp_path / "twice", part_size=1)
    with pytest.raises(DocumentError) as e:
        changes(path, [])
    assert "secret" not in str(e.value)
    assert "egos/part-00001.parquet" in str(e.value)


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2026-08-01", r"as_of must be a pair of days: \(before, after\)"),
        (("2026-08-01",), r"as_of must be a pair of days"),
        (("2026-08-01", "first of May"), r"^as_of\[1\] "),
    ],
)
def test_bad_days(as_of: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        changes([sam_before()], [sam_after()], as_of=as_of)


def test_bad_sources_and_settings(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="source must be"):
        changes(5, [])  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="small_network_size"):
        changes([], [], settings={"small_network_size": -1})
    with pytest.raises(Exception, match="not a cohort dataset"):
        changes(tmp_path / "nowhere", [])


def test_a_day_before_a_recorded_day_is_refused_as_compare_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error names the wave, table, row and column, never a day or an id."""
    early = ("2026-08-01", "2026-10-01")  # before the second interview (2026-11-01)
    with pytest.raises(AsOfError):
        change_table([sam_before()], [sam_after()], as_of=early)
    with pytest.raises(AsOfError) as refused:
        changes([sam_before()], [sam_after()], as_of=early)
    assert [str(p) for p in refused.value.problems] == [
        "after[0].collected_on: is later than as_of"
    ]
    assert "2026" not in str(refused.value)
    assert "sam" not in str(refused.value)
    # Only egos in both waves are compared, so only they can be refused.
    assert changes([sam_before()], [wave("2026-11-01", ties=[], ego="x")], as_of=early).height == 0
    old = write_dataset([sam_before()], tmp_path / "w1")
    new = write_dataset([sam_after()], tmp_path / "w2")
    with pytest.raises(AsOfError) as refused:
        changes(old, new, as_of=("2026-05-01", "2026-11-01"))  # ana's last contact: June
    assert refused.value.source == str(old)
    assert [str(p) for p in refused.value.problems] == [
        f"{old}/egos/part-00000.parquet: egos row 0, column collected_on: is later than as_of",
        f"{old}/alters/part-00000.parquet: alters row 0, column last_contact: is later than as_of",
    ]
    # Networks given in Python: each place is the network's, counted across parts.
    before = [wave("2026-05-01", ties=[], ego=f"e{i}") for i in range(3)]
    before.append(
        wave(
            "2026-05-01",
            rel("ana", "friend", [], "inner", last_contact="2026-04-01"),
            rel("jo", "friend", [], "inner", last_contact="2026-06-01"),
            ties=[],
            ego="e3",
        )
    )
    after = [wave("2026-11-01", ties=[], ego=f"e{i}") for i in range(4)]
    monkeypatch.setattr(cohort_module, "PART_ROWS", 2)  # e3 is in the second part
    with pytest.raises(AsOfError) as refused:
        changes(before, after, as_of=("2026-05-15", "2026-11-01"))
    assert [str(p) for p in refused.value.problems] == [
        "before[3].relationships[1].last_contact: is later than as_of"
    ]
    # Without as_of each network is judged on its own day, as assess() judges it: a last
    # contact later than collected_on is not refused (assess(network) does not refuse it).
    odd = wave("2026-05-01", rel("ana", "friend", [], "inner", last_contact="2026-06-01"), ties=[])
    assert_equal(changes([odd], [sam_after()]), change_table([odd], [sam_after()]))


# -- command line ----------------------------------------------------------------------------


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = str(write_dataset([sam_before()], tmp_path / "w1"))
    new = str(write_dataset([sam_after()], tmp_path / "w2"))
    expected = changes(old, new, as_of=("2026-08-01", "2026-12-01"))
    assert main(["cohort", "changes", old, new, "--as-of", "2026-08-01", "2026-12-01"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == expected.write_csv()
    target = str(tmp_path / "c.parquet")
    arguments = ["cohort", "changes", old, new, "--setting", "small_network_size=5"]
    assert main([*arguments, "--out", target]) == 0
    assert "1 networks" in capsys.readouterr()[0]
    assert pl.read_parquet(target).equals(changes(old, new, settings={"small_network_size": 5}))
    for bad, status, words in (
        (["--out", "c.txt"], 2, ".parquet or .csv"),
        (["--setting", "small_network_size=-1"], 2, "--setting"),
    ):
        assert main(["cohort", "changes", old, new, *bad]) == status
        assert words in capsys.readouterr()[1]
    with pytest.raises(SystemExit) as exit_status:  # argparse's own usage error
        main(["cohort", "changes", old, new, "--as-of", "2026-08-01"])
    assert exit_status.value.code == 2
    assert "--as-of" in capsys.readouterr()[1]
    assert main(["cohort", "changes", old, str(tmp_path / "nowhere")]) == 3
    assert "not a cohort dataset" in capsys.readouterr()[1]
