"""The cohort engine: datasets, validation, synthesis, and measures equal to `assess`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from grace_support import (
    Attributes,
    DocumentError,
    Person,
    Relationship,
    Settings,
    SupportNetwork,
    Tie,
    assess,
    network_from_data,
)
from grace_support.cohort import (
    OUTPUT_COLUMNS,
    DatasetSummary,
    changes,
    measure,
    read_networks,
    synthesize,
    validate,
    write_dataset,
)
from grace_support.errors import AsOfError, InputError
from grace_support.synthetic import cohort as synthetic_cohort
from tests.cohort_helpers import assert_measured_like_assess, assert_same, expected_rows
from tests.property.strategies import days, networks, settings_strategy

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

BUILTIN = {
    "ego_id", "alter_id", "alter_a", "alter_b", "name", "role", "category", "closeness",
    "contact", "last_contact", "strain", "weight", "collected_on", "emotional", "practical",
    "informational", "peer", "need_emotional", "need_practical", "need_informational",
    "need_peer", "gives_emotional", "gives_practical", "gives_informational", "gives_peer",
}  # fmt: skip

cohorts = st.lists(
    networks(max_people=8) | networks(max_people=8, v3=True),
    max_size=6,
    unique_by=lambda n: n.ego.id,
)
"""Cohorts of version-2 and version-3 networks (fields not recorded, kinds and ties asked)."""


def _clashes(network: SupportNetwork) -> bool:
    """An attribute named like a built-in column cannot go into the long tables."""
    names = set(network.ego.attributes)
    for person, relationship in network.alters:
        names |= set(person.attributes)
        del relationship
    for tie in network.ties:
        names |= set(tie.attributes)
    return bool(names & BUILTIN)


def _without_null_attributes(network: SupportNetwork) -> SupportNetwork:
    """As tables do, a dataset keeps no attribute that is explicitly null (null is unset)."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: (
                    {n: v for n, v in value.items() if v is not None}
                    if k == "attributes"
                    else strip(value)
                )
                for k, value in node.items()
                if not (k == "attributes" and all(v is None for v in value.values()))
            }
        if isinstance(node, list):
            return [strip(item) for item in node]
        return node

    return network_from_data(strip(network.to_document()))


def rel(person: str, **fields: Any) -> Relationship:
    return Relationship(person=person, **fields)


def one_alter() -> SupportNetwork:
    return SupportNetwork.build("ego", [("a", rel("a", role="friend", supports=["emotional"]))])


def no_ties() -> SupportNetwork:
    return SupportNetwork.build(
        "ego",
        [
            ("a", rel("a", role="therapist", closeness="inner", supports=["informational"])),
            ("b", rel("b", role="psychiatrist", contact="lost_touch", closeness="middle")),
        ],
    )


def every_finding() -> SupportNetwork:
    return SupportNetwork.build(
        "ego",
        [
            ("pro", rel("pro", role="therapist", supports=["emotional", "practical"],
                        closeness="inner", strain="high", last_contact="2026-10-01")),
            ("gone", rel("gone", role="friend", contact="lost_touch", closeness="inner")),
        ],
        ties=[("pro", "gone")],
        collected_on="2026-11-01",
    )  # fmt: skip


def unknown_values() -> SupportNetwork:
    return SupportNetwork.build(
        "ego",
        [
            ("a", rel("a", supports=["peer"], gives=["emotional"])),
            ("b", rel("b", role="therapist", contact=None, last_contact="2025-02-03")),
            ("c", rel("c", closeness="middle", contact="lost_touch")),
        ],
        ties=[("a", "b")],
    )


def weighted_ties() -> SupportNetwork:
    return SupportNetwork.build(
        "ego",
        [(p, rel(p, role="sibling", closeness="inner")) for p in ("a", "b", "c", "d")],
        ties=[
            Tie("a", "b", weight=2.5, attributes={"since": 1999}),
            Tie("c", "b", weight=0.25),
            ("a", "d"),
        ],
    )


judging_days = st.none() | days | st.dates(min_value=date(2026, 8, 1), max_value=date(2027, 12, 31))
"""Days to judge on: none (each network's own day), or any day, before or after those recorded
(an early one must be refused by both, as assess refuses it)."""


def not_recorded() -> SupportNetwork:
    """Version 3: kinds and ties partly asked, fields not recorded, a stale last contact."""
    return network_from_data(
        {
            "schema_version": 3,
            "collected_on": "2026-11-01",
            "ego": {"id": "ego"},
            "support_types_asked": ["emotional", "practical"],
            "gives_types_asked": [],
            "ties_asked": ["a", "b"],
            "people": [{"id": p} for p in "abcd"],
            "relationships": [
                {"person": "a", "role": "friend", "supports": ["emotional"], "strain": "none"},
                {"person": "b", "role": "therapist", "contact": "weekly", "strain": "high"},
                {"person": "c", "supports": [], "closeness": "inner", "contact": "monthly",
                 "last_contact": "2026-01-05"},
                {"person": "d", "supports": ["practical"], "contact": "lost_touch"},
            ],
            "ties": [["a", "b"]],
        }
    )  # fmt: skip


EDGE_CASES: dict[str, Callable[[], SupportNetwork]] = {
    "no alters": lambda: SupportNetwork.build("ego"),
    "no alters, no needs": lambda: SupportNetwork.build("ego", needs=[]),
    "one alter": one_alter,
    "no ties": no_ties,
    "every finding": every_finding,
    "unknown values": unknown_values,
    "weighted ties": weighted_ties,
    "not recorded": not_recorded,
}


@pytest.mark.parametrize("case", EDGE_CASES, ids=list(EDGE_CASES))
@pytest.mark.parametrize("as_of", [None, "2026-11-25", "2025-03-01"])
def test_edge_cases_equal_assess(case: str, as_of: str | None, tmp_path: Path) -> None:
    network = EDGE_CASES[case]()
    assert_measured_like_assess(lambda: measure([network], as_of=as_of), [network], as_of=as_of)
    path = write_dataset([network], tmp_path / "d")
    assert_measured_like_assess(lambda: measure(path, as_of=as_of), [network], as_of=as_of)


def test_not_recorded_case_by_hand() -> None:
    """Worked out by hand: b's supports are not recorded, c is not in touch (300 days)."""
    row = measure([not_recorded()]).row(0, named=True)
    assert (row["size"], row["active_size"], row["support_unknown_count"]) == (4, 2, 1)
    assert (row["support_count_emotional"], row["support_count_peer"]) == (1, None)
    assert row["missing_support_practical"] is False  # b's supports were not recorded
    assert (row["strained_count"], row["strain_unknown_count"]) == (1, 2)
    assert row["support_given_count_emotional"] is None  # no gives asked
    assert row["reciprocity"] is None
    assert row["density"] == 1.0  # a-b of the two asked
    assert row["finding_count_dormant_tie"] == 1  # c, inner, not in touch


def test_every_finding_case_raises_every_code() -> None:
    row = measure([every_finding()], settings={"small_network_size": 3}).row(0, named=True)
    counts = {c: row[c] for c in OUTPUT_COLUMNS if c.startswith("finding_count_")}
    assert counts.pop("finding_count_no_professional_care") == 0  # a therapist is there
    assert all(counts.values()), counts


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(cohort=cohorts, as_of=judging_days, chosen=st.none() | settings_strategy)
def test_measure_equals_assess(
    cohort: list[SupportNetwork], as_of: date | None, chosen: Settings | None
) -> None:
    assert_measured_like_assess(
        lambda: measure(cohort, as_of=as_of, settings=chosen),
        cohort,
        as_of=as_of,
        settings=chosen,
    )


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cohort=cohorts, as_of=judging_days, chosen=st.none() | settings_strategy)
def test_dataset_round_trip_and_measures(
    cohort: list[SupportNetwork], as_of: date | None, chosen: Settings | None, tmp_path: Path
) -> None:
    assume(not any(_clashes(n) for n in cohort))
    path = write_dataset(cohort, tmp_path / "round-trip", part_size=2)
    assert validate(path) == DatasetSummary(
        parts=(len(cohort) + 1) // 2,
        egos=len(cohort),
        alters=sum(len(n.people) for n in cohort),
        ties=sum(len(n.ties) for n in cohort),
        egos_without_alters=sum(not n.people for n in cohort),
        egos_with_one_alter=sum(len(n.people) == 1 for n in cohort),
    )
    assert list(read_networks(path)) == [_without_null_attributes(n) for n in cohort]
    assert_measured_like_assess(
        lambda: measure(path, as_of=as_of, settings=chosen),
        cohort,
        as_of=as_of,
        settings=chosen,
    )


def test_columns_are_the_measures_table_then_finding_counts() -> None:
    from grace_support.tables import measures_table

    columns = list(measures_table(synthetic_cohort(3, seed=1)).columns)
    assert list(OUTPUT_COLUMNS) == [
        *columns,
        "finding_count_missing_support",
        "finding_count_single_provider",
        "finding_count_over_reliance",
        "finding_count_strained_tie",
        "finding_count_dormant_tie",
        "finding_count_no_professional_care",
        "finding_count_no_personal_support",
        "finding_count_small_network",
    ]


def test_sources_tables_and_import_result(tmp_path: Path) -> None:
    from grace_support.importers import ImportResult
    from grace_support.tables import to_tables

    cohort = synthetic_cohort(20, seed=4)
    expected = expected_rows(cohort, as_of="2026-11-25")
    assert_same(measure(to_tables(cohort), as_of="2026-11-25"), expected)
    assert_same(measure(ImportResult(cohort), as_of="2026-11-25"), expected)
    path = write_dataset(to_tables(cohort), tmp_path / "from-tables")
    assert list(read_networks(path)) == list(cohort)


def test_out_streams_parquet_and_csv(tmp_path: Path) -> None:
    cohort = synthetic_cohort(30, seed=5)
    path = write_dataset(cohort, tmp_path / "d", part_size=7)
    frame = measure(path, as_of="2026-11-25")
    assert measure(path, as_of="2026-11-25", out=tmp_path / "m.parquet") is None
    assert pl.read_parquet(tmp_path / "m.parquet").equals(frame)
    measure(path, as_of="2026-11-25", out=tmp_path / "m.csv")
    assert pl.read_csv(tmp_path / "m.csv").columns == list(OUTPUT_COLUMNS)
    assert pl.read_csv(tmp_path / "m.csv").height == 30
    measure([], out=tmp_path / "empty.parquet")
    assert pl.read_parquet(tmp_path / "empty.parquet").columns == list(OUTPUT_COLUMNS)
    assert list(tmp_path.iterdir()).count(tmp_path / "m.parquet") == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_empty_sources() -> None:
    frame = measure([])
    assert frame.height == 0
    assert frame.columns == list(OUTPUT_COLUMNS)


def test_synthesize_is_reproducible_byte_for_byte(tmp_path: Path) -> None:
    first = synthesize(tmp_path / "a", 250, seed=11)
    second = synthesize(tmp_path / "b", 250, seed=11)
    other = synthesize(tmp_path / "c", 250, seed=12)

    def files(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
        }

    assert files(first) == files(second)
    assert files(first) != files(other)
    summary = validate(first)
    assert summary.egos == 250
    assert 6.0 < summary.alters / 250 < 8.0  # Poisson sizes around 7, as synthetic.cohort
    networks = list(read_networks(first))
    assert [n.ego.id for n in networks[:2]] == ["ego0000", "ego0001"]
    assert all(set(p.attributes) == {"age_group", "gender"} for n in networks for p in n.people)
    assert_same(measure(first, as_of="2026-11-25"), expected_rows(networks, as_of="2026-11-25"))


def test_synthesize_refuses_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="n must be"):
        synthesize(tmp_path / "x", -1, seed=1)
    with pytest.raises(ValueError, match="seed must be"):
        synthesize(tmp_path / "x", 3, seed=-1)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        synthesize(tmp_path / "notes", 3, seed=1)
    assert (tmp_path / "notes" / "keep.txt").read_text() == "mine"


def test_a_dataset_is_replaced_whole(tmp_path: Path) -> None:
    path = synthesize(tmp_path / "d", 5, seed=1)
    synthesize(path, 3, seed=2)
    assert validate(path).egos == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]


# -- bad datasets ----------------------------------------------------------------------------

SECRET = "Zelda-Secret"


def _edit(path: Path, table: str, change: Callable[[Any], Any]) -> None:
    file = path / table / "part-00000.parquet"
    pq.write_table(change(pq.read_table(file)), file)


def _set(table: Any, column: str, row: int, value: Any) -> Any:
    values = table.column(column).to_pylist()
    values[row] = value
    index = table.column_names.index(column)
    return table.set_column(
        index, table.schema.field(index), pa.array(values, table.schema.field(index).type)
    )


BAD: dict[str, tuple[str, Callable[[Any], Any], str, str]] = {
    "duplicate ego": (
        "egos",
        lambda t: _set(t, "ego_id", 1, "ego0000"),
        "egos row 1, column ego_id",
        "unique",
    ),
    "bad ego id": (
        "egos",
        lambda t: _set(t, "ego_id", 2, SECRET + " !"),
        "egos row 2, column ego_id",
        "letters",
    ),
    "long name": (
        "egos",
        lambda t: _set(t, "name", 0, SECRET * 30),
        "egos row 0, column name",
        "1-200",
    ),
    "unknown role": (
        "alters",
        lambda t: _set(t, "role", 3, SECRET),
        "alters row 3, column role",
        "role",
    ),
    "unknown closeness": (
        "alters",
        lambda t: _set(t, "closeness", 0, SECRET),
        "alters row 0, column closeness",
        "closeness",
    ),
    "unknown contact": (
        "alters",
        lambda t: _set(t, "contact", 1, SECRET),
        "alters row 1, column contact",
        "contact",
    ),
    "unknown strain": (
        "alters",
        lambda t: _set(t, "strain", 1, SECRET),
        "alters row 1, column strain",
        "strain",
    ),
    "alter is the ego": (
        "alters",
        lambda t: _set(t, "alter_id", 0, "ego0000"),
        "alters row 0, column alter_id",
        "ego's id",
    ),
    "duplicate alter": (
        "alters",
        lambda t: _set(t, "alter_id", 1, "a00"),
        "alters row 1, column alter_id",
        "unique",
    ),
    "alter of no ego": (
        "alters",
        lambda t: _set(t, "ego_id", 0, SECRET),
        "alters row 0, column ego_id",
        "names no ego",
    ),
    "empty alter id": (
        "alters",
        lambda t: _set(t, "alter_id", 2, None),
        "alters row 2, column alter_id",
        "empty",
    ),
    "tie to the ego": (
        "ties",
        lambda t: _set(t, "alter_b", 0, "ego0000"),
        "ties row 0, column alter_b",
        "names the ego",
    ),
    "tie to no one": (
        "ties",
        lambda t: _set(t, "alter_a", 0, SECRET),
        "ties row 0, column alter_a",
        "names no one",
    ),
    "self tie": (
        "ties",
        lambda t: _set(t, "alter_b", 0, t.column("alter_a")[0].as_py()),
        "ties row 0",
        "themselves",
    ),
    "repeated tie": ("ties", lambda t: pa.concat_tables([t, t.slice(0, 1)]), "ties row", "repeats"),
    "bad weight": (
        "ties",
        lambda t: _set(t, "weight", 0, -2.0),
        "ties row 0, column weight",
        "greater than 0",
    ),
    "missing column": (
        "alters",
        lambda t: t.drop_columns(["alter_id"]),
        "alters table",
        "no column 'alter_id'",
    ),
    "wrong type": (
        "alters",
        lambda t: t.set_column(
            t.column_names.index("emotional"), "emotional", pa.array(["yes"] * t.num_rows)
        ),
        "alters table",
        "true/false",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_datasets_name_the_place_never_the_value(case: str, tmp_path: Path) -> None:
    table, change, where, words = BAD[case]
    path = synthesize(tmp_path / "bad", 20, seed=3)
    _edit(path, table, change)
    for action in (validate, lambda p: list(read_networks(p)), measure):
        with pytest.raises(DocumentError) as caught:
            action(path)
        error = caught.value
        text = str(error)
        assert SECRET not in text
        assert SECRET not in repr(error.problems)
        assert error.__cause__ is None
        assert error.__context__ is None or error.__suppress_context__
        assert any(where in p.location and words in p.message for p in error.problems), text
        assert all(p.source and p.source.endswith(".parquet") for p in error.problems)


def test_a_folder_that_is_not_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a cohort dataset"):
        validate(tmp_path)
    (tmp_path / "cohort.json").write_text(json.dumps({"format": "something else"}))
    with pytest.raises(InputError, match="not ours"):
        measure(tmp_path)
    path = synthesize(tmp_path / "d", 3, seed=1)
    (path / "ties" / "part-00000.parquet").write_bytes(b"not parquet " + SECRET.encode())
    with pytest.raises(InputError, match="cannot be read") as caught:
        validate(path)
    assert SECRET not in str(caught.value)


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="as_of"):
        measure([], as_of="2026-13-45")
    with pytest.raises(ValueError, match="over_reliance_share"):
        measure([], settings={"over_reliance_share": 2})
    with pytest.raises(TypeError):
        write_dataset(42, tmp_path / "x")  # type: ignore[arg-type]
    clash = SupportNetwork.build(Person(id="e", attributes=Attributes({"need_peer": "x"})))
    with pytest.raises(ValueError, match="built-in column"):
        write_dataset([clash], tmp_path / "y")
    assert not (tmp_path / "y").exists()


def test_import_grace_support_loads_no_cohort_extra() -> None:
    code = (
        "import sys, grace_support, grace_support.cohort; "
        "print(sorted(m for m in ('polars', 'pyarrow', 'dask', 'distributed', 'numpy') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.dask
def test_dask_local_cluster_gives_the_same_table(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    path = synthesize(tmp_path / "d", 900, seed=8)
    # more parts than workers: three parts of 300 (write again with a small part size)
    networks = list(read_networks(path))
    path = write_dataset(networks, tmp_path / "parts", part_size=300)
    local = measure(path, as_of="2026-11-25", settings={"dormant_after_days": 45})
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # no fixed port: the test passes with 8787 taken
            scheduler_port=0,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = measure(
            path, as_of="2026-11-25", settings={"dormant_after_days": 45}, client=client
        )
        from_networks = measure(networks[:50], as_of="2026-11-25", client=client)
        measure(path, as_of="2026-11-25", client=client, out=tmp_path / "dask.parquet")
        # cohort.changes on the workers: the same table as in this process.
        compared = changes(path, path, client=client)
        # An error raised on a worker arrives whole: its type and the places it names.
        with pytest.raises(AsOfError) as refused:
            measure(path, as_of="2000-01-01", client=client)
    assert refused.value.problems
    assert refused.value.problems[0].source == "alters/part-00000.parquet"
    assert str(refused.value).startswith("as_of is earlier than a day recorded")
    assert remote.equals(local)
    assert_same(from_networks, expected_rows(networks[:50], as_of="2026-11-25"))
    assert pl.read_parquet(tmp_path / "dask.parquet").height == 900
    assert compared.equals(changes(path, path))


def test_an_early_as_of_names_the_network_given_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    import grace_support.cohort as cohort_module

    monkeypatch.setattr(cohort_module, "PART_ROWS", 2)  # the third network is in the second part
    networks = [SupportNetwork.build(f"e{i}") for i in range(2)]
    networks.append(
        SupportNetwork.build(
            "e2",
            [
                ("a", Relationship(person="a", last_contact=date(2026, 1, 1))),
                ("b", Relationship(person="b", last_contact=date(2026, 6, 1))),
            ],
            collected_on="2026-07-01",
        )
    )
    with pytest.raises(AsOfError) as refused:
        measure(networks, as_of="2026-03-01")
    assert [str(p) for p in refused.value.problems] == [
        "networks[2].collected_on: is later than as_of",
        "networks[2].relationships[1].last_contact: is later than as_of",
    ]
    with pytest.raises(AsOfError) as assessed:
        assess(networks[2], as_of="2026-03-01")
    assert [p.location for p in assessed.value.problems] == [
        "collected_on",
        "relationships[1].last_contact",
    ]
