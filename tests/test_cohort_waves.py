"""Two waves at scale: the follow-up wave, changes part by part, match, summaries, pictures."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grace_support import FindingCode, SupportNetwork, assess
from grace_support.change import change_table, compare
from grace_support.cli import main
from grace_support.cohort import _changes as changes_module
from grace_support.cohort import (
    changes,
    measure,
    read_networks,
    summary,
    synthesize,
    synthesize_follow_up,
    validate,
    write_dataset,
)
from grace_support.cohort._changes import CIRCLE_STATES
from grace_support.tables import to_tables
from tests.test_cohort_changes import assert_equal, waves

if TYPE_CHECKING:
    from pathlib import Path

pl = pytest.importorskip("polars")
np = pytest.importorskip("numpy")
pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def two_waves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("waves")
    networks = list(read_networks(synthesize(folder / "s", 600, seed=11)))
    first = write_dataset(networks, folder / "wave1", part_size=200)  # three parts
    second = synthesize_follow_up(first, folder / "wave2", seed=12)
    return first, second


# -- the follow-up wave ----------------------------------------------------------------------


def test_the_follow_up_holds_the_same_egos_in_the_same_parts(two_waves: tuple[Path, Path]) -> None:
    first, second = two_waves
    summary_first, summary_second = validate(first), validate(second)
    assert summary_second.parts == summary_first.parts == 3
    assert summary_second.egos == summary_first.egos
    for index in range(3):
        old = pl.read_parquet(first / "egos" / f"part-{index:05d}.parquet")["ego_id"]
        new = pl.read_parquet(second / "egos" / f"part-{index:05d}.parquet")["ego_id"]
        assert old.to_list() == new.to_list()
    days = pl.read_parquet(second / "egos" / "*.parquet")["collected_on"].unique().to_list()
    assert [d.isoformat() for d in days] == ["2027-11-25"]  # a year after the reference day


def test_the_follow_up_is_reproducible(two_waves: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_waves
    again = synthesize_follow_up(first, tmp_path / "again", seed=12)
    other = synthesize_follow_up(first, tmp_path / "other", seed=13)
    for table in ("egos", "alters", "ties"):
        name = f"{table}/part-00001.parquet"
        assert (again / name).read_bytes() == (second / name).read_bytes()
    assert (other / "alters/part-00001.parquet").read_bytes() != (
        second / "alters/part-00001.parquet"
    ).read_bytes()


def test_changes_over_the_follow_up_agree_with_change_table(two_waves: tuple[Path, Path]) -> None:
    first, second = two_waves
    table = changes(first, second)
    sample_before = list(itertools.islice(read_networks(first), 0, 600, 7))
    sample_after = list(itertools.islice(read_networks(second), 0, 600, 7))
    want = change_table(sample_before, sample_after)
    got = table.filter(pl.col("ego_id").is_in(want["ego_id"].tolist()))
    assert_equal(got, want)
    # Every kind of change the follow-up draws happens somewhere.
    for column in ("kept", "lost", "gained", "closer", "further", "ties_gained", "ties_lost"):
        assert table[column].sum() > 0, column
    assert int(table["support_types_gained"].sum()) + int(table["support_types_lost"].sum()) > 0


def test_the_follow_up_refuses_bad_arguments(two_waves: tuple[Path, Path], tmp_path: Path) -> None:
    first, _ = two_waves
    with pytest.raises(ValueError, match="seed"):
        synthesize_follow_up(first, tmp_path / "x", seed=-1)
    with pytest.raises(Exception, match="not a cohort dataset"):
        synthesize_follow_up(tmp_path / "nowhere", tmp_path / "y", seed=1)
    assert not (tmp_path / "x").exists()


# -- changes part by part, in other processes, repartitioned ----------------------------------


def same(got: Any, want: Any) -> None:
    """Equal tables; floats to 1e-12 (people in another order sum in another order)."""
    assert got.columns == want.columns
    assert got.schema == want.schema
    for column in got.columns:
        if got.schema[column] == pl.Float64:
            a, b = got[column].to_numpy(), want[column].to_numpy()
            assert np.allclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True), column
        else:
            assert got[column].to_list() == want[column].to_list(), column


def test_worker_processes_and_repartitioning_give_the_same_table(
    two_waves: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_waves
    expected = changes(first, second)
    assert expected["ego_id"].is_sorted()
    monkeypatch.setattr(changes_module, "PARALLEL_MIN_EGOS", 0)
    assert changes(first, second).equals(expected)  # three pairs of parts, two processes
    # Parts that do not line up (another part size, egos in another order): repartitioned.
    shuffled = list(read_networks(second))[::-1]
    other = write_dataset(shuffled, tmp_path / "other", part_size=250)
    same(changes(first, other), expected)
    for name in ("c.parquet", "c.csv"):
        changes(first, other, out=tmp_path / name)
    same(pl.read_parquet(tmp_path / "c.parquet"), expected)
    assert pl.read_csv(tmp_path / "c.csv")["ego_id"].to_list() == expected["ego_id"].to_list()
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(cohort=waves())
def test_wave_finding_counts_and_circle_moves(
    cohort: tuple[list[SupportNetwork], list[SupportNetwork]],
) -> None:
    """Each wave's findings as assess gives them; moves counted person by person."""
    before, after = cohort
    table = changes(before, after, as_of=("2027-12-31", "2027-12-31"))
    old = {n.ego.id: n for n in before}
    new = {n.ego.id: n for n in after}
    for row in table.iter_rows(named=True):
        a, b = old[row["ego_id"]], new[row["ego_id"]]
        for wave, network in (("before", a), ("after", b)):
            counts = Counter(f.code for f in assess(network, as_of="2027-12-31").findings)
            for code in FindingCode:
                column = f"{wave}_finding_count_{code.value.replace('-', '_')}"
                assert row[column] == counts[code], column

        def state(network: SupportNetwork, person: str) -> str:
            if person not in {p.id for p in network.people}:
                return "none"
            closeness = network.relationship(person).closeness
            return "unrecorded" if closeness is None else closeness.value

        moves = Counter((state(a, p), state(b, p)) for p in {p.id for p in (*a.people, *b.people)})
        for x in CIRCLE_STATES:
            for y in CIRCLE_STATES:
                if x == y == "none":
                    continue
                assert row[f"circle_{x}_to_{y}"] == moves[(x, y)], (x, y)


# -- match: people given a new id --------------------------------------------------------------


def test_match_renames_people_as_compare_does() -> None:
    from tests.test_cohort_changes import rel, wave

    ana = rel("ana", "friend", ["emotional"], "inner")
    ben = rel("ben", "sibling", ["practical"], "middle")
    before = wave("2026-08-01", ana, ben, ties=[("ana", "ben")])
    ana2 = rel("ana2", "friend", ["emotional"], "middle")
    after = wave("2026-11-01", ana2, ben, ties=[("ana2", "ben")])
    other = wave("2026-08-01", rel("ana", "friend", [], "outer"), ties=[], ego="zed")
    match = pl.DataFrame({"ego_id": ["sam"], "before_id": ["ana"], "after_id": ["ana2"]})
    table = changes([before, other], [after, other], match=match)
    want = compare(before, after, match={"ana": "ana2"})
    sam = table.row(0, named=True)
    assert (sam["kept"], sam["gained"], sam["lost"]) == (2, 0, 0)
    assert (sam["further"], sam["tie_jaccard"]) == (1, 1.0)
    assert sam["kept"] == len(want.kept)
    assert sam["findings_persisting"] == len(want.findings_persisting)
    assert table.row(1, named=True)["kept"] == 1  # zed: nobody renamed
    unmatched = changes([before], [after]).row(0, named=True)
    assert (unmatched["kept"], unmatched["gained"], unmatched["lost"]) == (1, 1, 1)
    pandas_match = match.to_pandas()
    assert changes([before], [after], match=pandas_match).equals(
        changes([before], [after], match=match)
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("qq7", "nobody", "ana2")], r"^match row 0: its before_id names no one"),
        ([("qq7", "ana", "nobody")], r"^match row 0: its after_id names no one"),
        (
            [("qq7", "ana", "ana2"), ("qq7", "ben", "ana2")],
            r"^match rows 0 and 1 name the same after",
        ),
        (
            [("qq7", "ana", "ana2"), ("qq7", "ana", "ben")],
            r"^match rows 0 and 1 name the same before",
        ),
        ([("qq7", "ana", "ben")], r"^match row 0: two people of one ego's before network map"),
        ([("qq7", None, "ana2")], r"^match row 0: a value is missing"),
    ],
)
def test_bad_match_rows_are_named_by_row_never_by_id(rows: list[Any], message: str) -> None:
    from tests.test_cohort_changes import rel, wave

    before = wave(
        "2026-08-01",
        rel("ana", "friend", [], "inner"),
        rel("ben", "friend", [], "inner"),
        ties=[],
        ego="qq7",
    )
    after = wave(
        "2026-11-01",
        rel("ana2", "friend", [], "inner"),
        rel("ben", "friend", [], "inner"),
        ties=[],
        ego="qq7",
    )
    match = pl.DataFrame(rows, schema=["ego_id", "before_id", "after_id"], orient="row")
    with pytest.raises(ValueError, match=message) as error:
        changes([before], [after], match=match)
    for secret in ("qq7", "ana", "ben", "nobody"):
        assert secret not in str(error.value)


def test_match_must_be_a_table() -> None:
    with pytest.raises(TypeError, match="match must be a table"):
        changes([], [], match={"ana": "ana2"})
    with pytest.raises(ValueError, match="match has no column after_id"):
        changes([], [], match=pl.DataFrame({"ego_id": [], "before_id": []}))


# -- summaries ---------------------------------------------------------------------------------


SMALL = {
    "group": ["a", "a", "a", "b", "b"],
    "size": [0, 2, 4, 6, 8],
    "density": [None, 1.0, 0.5, 0.2, None],
    "finding_count_small_network": [1, 1, 0, 0, 2],
    "weight": [1.0, 3.0, 0.0, 2.0, 2.0],
}


def test_weighted_summary_by_hand() -> None:
    """Every number below was worked out by hand from SMALL."""
    table = summary(pl.DataFrame(SMALL), by="group", weights="weight")
    assert table["group"].to_list() == ["a", "b"]
    a, b = table.rows(named=True)
    assert a["n"] == 3  # the ego who named no one (size 0) is counted
    # size in a: values 0, 2, 4 with weights 1, 3, 0: mean 6/4; deviations -1.5, 0.5, 2.5;
    # sum w d^2 = 2.25 + 0.75 + 0 = 3, over 4, times 3/2 = 1.125.
    assert a["size_mean"] == pytest.approx(1.5)
    assert a["size_sd"] == pytest.approx(math.sqrt(1.125))
    # cumulative weight shares 0.25, 1.0, 1.0: q25 -> 0, median and q75 -> 2
    assert (a["size_q25"], a["size_median"], a["size_q75"]) == (0.0, 2.0, 2.0)
    # density (nulls left out): 1.0 and 0.5 with weights 3 and 0: mean 1.0
    assert a["density_mean"] == pytest.approx(1.0)
    # small-network: egos 1 and 2 (weights 1 and 3) of a total weight of 4
    assert a["small_network_share"] == pytest.approx(1.0)
    assert b["size_mean"] == pytest.approx(7.0)
    assert b["size_sd"] == pytest.approx(math.sqrt(2.0))  # 2*(1+1)/4 * 2/1
    assert b["density_sd"] is None  # one value: no spread
    assert b["small_network_share"] == pytest.approx(0.5)


@settings(max_examples=25, deadline=None)
@given(
    values=st.lists(st.one_of(st.none(), st.integers(0, 30)), min_size=1, max_size=40),
    weight=st.floats(0.1, 100, allow_nan=False),
)
def test_equal_weights_give_the_unweighted_summary(values: list[int | None], weight: float) -> None:
    frame = pl.DataFrame(
        {"size": values, "w": [weight] * len(values)}, schema={"size": pl.Int64, "w": pl.Float64}
    )
    weighted = summary(frame, weights="w").drop("n")
    plain = summary(frame.drop("w"))
    assert weighted.columns == plain.drop("n").columns
    for column in weighted.columns:
        a, b = weighted[column][0], plain[column][0]
        assert (a is None) == (b is None), column
        if a is not None:
            assert a == pytest.approx(b, rel=1e-9, abs=1e-9), column
    known = np.asarray([v for v in values if v is not None], dtype=float)
    if len(known):
        assert plain["size_mean"][0] == pytest.approx(known.mean())
        quartiles = np.quantile(known, [0.25, 0.5, 0.75], method="inverted_cdf")
        assert [plain[f"size_{q}"][0] for q in ("q25", "median", "q75")] == list(quartiles)
    if len(known) >= 2:
        assert plain["size_sd"][0] == pytest.approx(known.std(ddof=1), abs=1e-9)


def test_bootstrap_intervals_are_seeded_and_surround_the_estimate() -> None:
    rng = np.random.default_rng(3)
    frame = pl.DataFrame({"size": rng.poisson(7, 300), "w": rng.uniform(0.5, 2, 300)})
    first = summary(frame, weights="w", ci=0.95, replicates=200, seed=4)
    again = summary(frame, weights="w", ci=0.95, replicates=200, seed=4)
    other = summary(frame, weights="w", ci=0.95, replicates=200, seed=5)
    assert first.equals(again)
    assert not first.equals(other)
    for stat in ("mean", "sd", "median"):
        low, mid, high = (first[f"size_{stat}{s}"][0] for s in ("_ci_low", "", "_ci_high"))
        assert low <= mid <= high, stat
    assert first["size_mean_ci_high"][0] - first["size_mean_ci_low"][0] < 1.0


def test_summary_of_measure_and_changes_tables(two_waves: tuple[Path, Path]) -> None:
    first, second = two_waves
    measured = measure(first, ego_columns=["gender"])
    found = summary(measured, by="gender")
    assert found["n"].sum() == measured.height
    assert "size_mean" in found.columns
    assert "missing_support_share" in found.columns
    assert "ego_id_mean" not in found.columns
    compared = changes(first, second)
    changed = summary(compared)
    for kind in ("stasis", "expansion", "shedding", "substitution"):
        share = (compared["change_type"] == kind).mean()
        assert changed[f"change_type_{kind}_share"][0] == pytest.approx(share), kind
    assert {"kept_mean", "before_dormant_tie_share", "after_dormant_tie_share"} <= set(
        changed.columns
    )
    assert summary(measured.to_pandas(), by="gender").equals(found)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"by": "nope"}, "by names no column of the table"),
        ({"weights": "group"}, "not numeric"),
        ({"ci": 1.5}, "ci must be"),
        ({"replicates": 0}, "replicates"),
        ({"measures": ["group"]}, "not numeric"),
    ],
)
def test_bad_summary_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        summary(pl.DataFrame(SMALL), **options)
    with pytest.raises(ValueError, match="missing, negative"):
        summary(pl.DataFrame(SMALL).with_columns(weight=pl.lit(-1.0)), weights="weight")
    with pytest.raises(TypeError):
        summary([1, 2, 3])


# -- measure(ego_columns=) ----------------------------------------------------------------------


def test_ego_columns_are_carried_into_the_table(two_waves: tuple[Path, Path]) -> None:
    first, _ = two_waves
    table = measure(first, ego_columns=["age_group", "gender"])
    egos = pl.read_parquet(first / "egos" / "*.parquet")
    assert table.columns[-2:] == ["age_group", "gender"]
    assert table["gender"].to_list() == egos["gender"].to_list()
    with pytest.raises(ValueError, match=r"ego_columns\[0\] names no column of the egos table"):
        measure(first, ego_columns=["weight"])
    with pytest.raises(ValueError, match="already a column"):
        measure(first, ego_columns=["size"])
    with pytest.raises(TypeError):
        measure(first, ego_columns="gender")


# -- the command line ----------------------------------------------------------------------------


def test_command_line_follow_up_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = str(tmp_path / "w1")
    second = str(tmp_path / "w2")
    assert main(["cohort", "synth", "50", "--seed", "1", "--out", first]) == 0
    assert main(["cohort", "synth", "--follow-up", first, "--seed", "2", "--out", second]) == 0
    assert "next wave" in capsys.readouterr().out
    assert main(["cohort", "synth", "5", "--follow-up", first, "--seed", "2", "--out", second]) == 2
    assert "no N" in capsys.readouterr().err
    assert main(["cohort", "synth", "--seed", "2", "--out", second]) == 2
    assert "needs N" in capsys.readouterr().err
    table = str(tmp_path / "m.parquet")
    assert main(["cohort", "measure", first, "--out", table]) == 0
    capsys.readouterr()
    assert main(["cohort", "summary", table]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == summary(pl.read_parquet(table)).write_csv()
    target = str(tmp_path / "s.parquet")
    assert (
        main(["cohort", "summary", table, "--ci", "0.9", "--replicates", "50", "--out", target])
        == 0
    )
    assert pl.read_parquet(target).equals(summary(pl.read_parquet(table), ci=0.9, replicates=50))
    assert main(["cohort", "summary", table, "--by", "nope"]) == 2
    err = capsys.readouterr().err
    assert "by names no column of the table" in err
    assert "nope" not in err  # a column name is the analyst's: never echoed
    assert main(["cohort", "summary", str(tmp_path / "none.parquet")]) == 3


def test_errors_come_before_any_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken later part: measure and changes print nothing on standard output."""
    networks = list(read_networks(synthesize(tmp_path / "s", 30, seed=3)))
    good = write_dataset(networks, tmp_path / "good", part_size=10)
    bad = write_dataset(networks, tmp_path / "bad", part_size=10)
    broken = pl.read_parquet(bad / "alters" / "part-00002.parquet").with_columns(
        role=pl.lit("wizard")
    )
    broken.write_parquet(bad / "alters" / "part-00002.parquet")
    for args in (["cohort", "measure", str(bad)], ["cohort", "changes", str(good), str(bad)]):
        assert main(args) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert "part-00002" in err


# -- dataset layout 2: not recorded, asked (network document 3) --------------------------------


def _recorded_network() -> SupportNetwork:
    from grace_support import Relationship

    return SupportNetwork.build(
        "sam",
        [
            (
                "a",
                Relationship.model_validate(
                    {"person": "a", "supports": None, "strain": None, "role": "friend"}
                ),
            ),
            (
                "b",
                Relationship.model_validate(
                    {"person": "b", "supports": ["emotional"], "gives": None}
                ),
            ),
            ("c", Relationship.model_validate({"person": "c", "supports": [], "strain": "high"})),
        ],
        ties=[("a", "b")],
        ties_asked=["a", "b"],
        support_types_asked=["emotional", "peer"],
        gives_types_asked=[],
        generator="persnet",
        max_names=10,
        collected_on="2026-08-01",
    )


def test_layout_2_keeps_what_was_not_recorded_and_what_was_asked(tmp_path: Path) -> None:
    import json

    network = _recorded_network()
    path = write_dataset([network], tmp_path / "d")
    assert json.loads((path / "cohort.json").read_text())["version"] == 2
    (back,) = read_networks(path)
    assert back == network
    assert back.relationships[0].supports is None
    assert back.relationships[0].strain is None
    assert back.relationships[1].gives is None
    assert back.relationships[2].supports == ()
    assert back.ties_asked == ("a", "b")
    assert back.gives_types_asked == ()
    egos = pl.read_parquet(path / "egos" / "part-00000.parquet")
    columns = ("support_types_asked", "gives_types_asked", "ties_asked", "generator", "max_names")
    # the cells of to_tables: JSON list text, missing for the default
    assert egos.select(columns).row(0) == (
        '["emotional", "peer"]',
        "[]",
        '["a", "b"]',
        "persnet",
        10,
    )
    tables_row = to_tables([network]).egos.iloc[0]
    assert [tables_row[c] for c in columns] == list(egos.select(columns).row(0))


def test_layout_1_datasets_still_read_with_their_old_meaning(tmp_path: Path) -> None:
    """In layout 1 a missing strain or support column meant none, and still does."""
    import json

    path = write_dataset([_recorded_network()], tmp_path / "old")
    manifest = json.loads((path / "cohort.json").read_text())
    (path / "cohort.json").write_text(json.dumps(manifest | {"version": 1}))
    for table in ("egos", "alters"):
        file = path / table / "part-00000.parquet"
        frame = pl.read_parquet(file)
        frame.drop([c for c in frame.columns if c in {
            "support_types_asked", "gives_types_asked", "ties_asked", "generator", "max_names"
        }]).write_parquet(file)  # fmt: skip
    (back,) = read_networks(path)
    assert back.relationships[0].supports == ()
    assert back.relationships[0].strain is not None
    assert back.relationships[0].strain.value == "none"
    assert back.ties_asked is None
    assert validate(path).egos == 1
    from tests.cohort_helpers import assert_same, expected_rows

    # measured with the old meaning too: supports and strain none, nothing unknown
    measured = measure(path, as_of="2026-11-25")
    assert_same(measured, expected_rows([back], as_of="2026-11-25"))
    assert measured.row(0, named=True)["support_unknown_count"] == 0
    assert measured.row(0, named=True)["strain_unknown_count"] == 0
    assert_equal(changes(path, path), change_table([back], [back]))
    (path / "cohort.json").write_text(json.dumps(manifest | {"version": 3}))
    with pytest.raises(Exception, match="version this release cannot read"):
        validate(path)


@pytest.mark.parametrize(
    ("table", "column", "value", "message"),
    [
        ("egos", "support_types_asked", '["emotional", "hugs"]', "must be a JSON list of support"),
        ("egos", "gives_types_asked", '["peer", "peer"]', "must be a JSON list of support"),
        ("egos", "ties_asked", '["a", "zz"]', "not among this ego's alters"),
        ("egos", "ties_asked", "a b", "must be a JSON list of ids"),
        ("egos", "generator", "bad\nlabel", "must be 1-64 letters"),
        ("egos", "max_names", 0, "from 1 to 100000"),
    ],
)
def test_layout_2_columns_are_checked(
    table: str, column: str, value: Any, message: str, tmp_path: Path
) -> None:
    path = write_dataset([_recorded_network()], tmp_path / "d")
    file = path / table / "part-00000.parquet"
    frame = pl.read_parquet(file)
    frame.with_columns(pl.lit(value, dtype=frame.schema[column]).alias(column)).write_parquet(file)
    with pytest.raises(Exception, match=message) as error:
        validate(path)
    assert f"column {column}" in str(error.value)
    assert str(value) not in str(error.value) or str(value) == "0"


def test_a_tie_to_someone_whose_ties_were_not_asked_is_refused(tmp_path: Path) -> None:
    path = write_dataset([_recorded_network()], tmp_path / "d")
    file = path / "ties" / "part-00000.parquet"
    pl.read_parquet(file).with_columns(alter_b=pl.lit("c")).write_parquet(file)
    with pytest.raises(Exception, match="ties were not asked") as error:
        validate(path)
    assert "ties row 0, column alter_b" in str(error.value)
    assert "sam" not in str(error.value)


def test_changes_of_unrecorded_fields_equal_compare(tmp_path: Path) -> None:
    """Support recorded in one wave only is no change; a strain recorded in one wave only is."""
    from grace_support import Relationship

    before = _recorded_network()
    after = SupportNetwork.build(
        "sam",
        [
            (
                "a",
                Relationship.model_validate(
                    {"person": "a", "supports": ["practical"], "strain": "none", "role": "friend"}
                ),
            ),
            (
                "b",
                Relationship.model_validate(
                    {"person": "b", "supports": ["emotional"], "gives": ["peer"]}
                ),
            ),
            ("c", Relationship.model_validate({"person": "c", "supports": [], "strain": "high"})),
        ],
        collected_on="2026-11-01",
    )
    want = change_table([before], [after])
    assert_equal(changes([before], [after]), want)
    old = write_dataset([before], tmp_path / "w1")
    new = write_dataset([after], tmp_path / "w2")
    assert_equal(changes(old, new), want)
    assert want["alter_changes"].tolist() == [1]  # a's strain: not recorded, then none


@pytest.mark.parametrize("asked", [None, ["a", "b"], ["a", "b", "c"], [], ["c"]])
def test_structure_is_over_the_asked_people_as_assess_computes_it(
    asked: list[str] | None, tmp_path: Path
) -> None:
    from grace_support import Relationship
    from tests.cohort_helpers import assert_same, expected_rows

    ties = [("a", "b")] if asked is None or {"a", "b"} <= set(asked) else []
    network = SupportNetwork.build(
        "sam",
        [
            (
                p,
                Relationship.model_validate(
                    {"person": p, "role": "friend", "supports": ["emotional"]}
                ),
            )
            for p in "abcd"
        ],
        ties=ties,
        ties_asked=asked,
        collected_on="2026-08-01",
    )
    others = [SupportNetwork.build("zed", collected_on="2026-08-01")]
    networks = [network, *others]
    want = expected_rows(networks)
    assert_same(measure(networks), want)
    assert_same(measure(write_dataset(networks, tmp_path / "d")), want)
