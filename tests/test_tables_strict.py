"""Tables read strictly: booleans, nothing vanishing, whole column names, both error modes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

pd = pytest.importorskip("pandas")

from grace_support import DocumentError, SupportType  # noqa: E402
from grace_support.importers import ImportResult  # noqa: E402
from grace_support.importers._values import strict_bool  # noqa: E402
from grace_support.tables import from_tables, read_three_files  # noqa: E402

if TYPE_CHECKING:
    from pathlib import Path

SECRET = "Private Person"


def alters(**columns: list[Any]) -> Any:
    base: dict[str, list[Any]] = {
        "ego_id": ["e1", "e1"],
        "alter_id": ["a", "b"],
        "role": ["friend", "sibling"],
        "closeness": ["inner", "outer"],
    }
    return pd.DataFrame(base | columns)


EGOS = pd.DataFrame({"ego_id": ["e1"]})


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["False", "no"], [False, False]),
        (["TRUE", "yes"], [True, True]),
        (["y", "N"], [True, False]),
        (["t", "F"], [True, False]),
        (["1", "0"], [True, False]),
        ([1, 0], [True, False]),
        ([True, False], [True, False]),
        ([1.0, 0.0], [True, False]),
        (["", None], [False, False]),
        ([float("nan"), pd.NA], [False, False]),
    ],
)
def test_support_columns_are_read_strictly(cells: list[Any], expected: list[bool]) -> None:
    (network,) = from_tables(EGOS, alters(emotional=cells))
    assert [network.relationship(a).provides(SupportType.EMOTIONAL) for a in ("a", "b")] == expected


def test_nullable_boolean_dtype() -> None:
    column = pd.array([True, pd.NA], dtype="boolean")
    (network,) = from_tables(EGOS, alters(peer=column))
    assert [network.relationship(a).provides(SupportType.PEER) for a in ("a", "b")] == [True, False]


@pytest.mark.parametrize("bad", ["maybe", SECRET, "2", 2, -1, 0.5, "yes please"])
def test_anything_else_is_a_problem_naming_table_row_and_column(bad: Any) -> None:
    frame = alters(emotional=["yes", bad])
    with pytest.raises(DocumentError) as caught:
        from_tables(EGOS, frame)
    (problem,) = caught.value.problems
    assert problem.location == "alters row 1, column emotional"
    assert "true or false" in problem.message
    if isinstance(bad, str) and len(bad) > 2:
        assert bad not in str(caught.value)
    result = from_tables(EGOS, frame, errors="collect")
    assert isinstance(result, ImportResult)
    assert result.networks == ()
    assert result.problems == (problem,)


def test_need_columns_are_strict_too() -> None:
    egos = pd.DataFrame(
        {"ego_id": ["e1", "e2"], "need_emotional": ["no", "perhaps"], "need_peer": ["Y", ""]}
    )
    result = from_tables(egos, alters(), errors="collect")
    (network,) = result.networks
    assert [str(t) for t in network.needs] == ["peer"]
    assert [p.location for p in result.problems] == ["egos row 1, column need_emotional"]


def test_nothing_vanishes() -> None:
    egos = pd.DataFrame({"ego_id": ["e1", "e2", "e2", "e3"]})
    frame = pd.DataFrame(
        {
            "ego_id": ["e1", "e9", "e3", "e3"],
            "alter_id": ["a", "b", "c", "c"],
            "role": ["friend"] * 4,
            "closeness": ["inner"] * 4,
        }
    )
    ties = pd.DataFrame({"ego_id": ["e1", "e8"], "alter_a": ["a", "a"], "alter_b": ["x", "b"]})
    result = from_tables(egos, frame, ties, errors="collect")
    assert result.networks == ()
    locations = {p.location for p in result.problems}
    assert locations == {
        "egos row 2, column ego_id",  # a second row for e2: e2 is left out
        "alters row 1, column ego_id",  # names no ego
        "ties row 1, column ego_id",  # names no ego
        "ties row 0",  # names an alter e1 does not have
        "alters row 3, column alter_id",  # a repeated alter id
    }


def test_error_locations_name_whole_column_names() -> None:
    frame = alters(**{"Unusual name": [1, 2], "rel.Also unusual": [1, 2]})
    with pytest.raises(DocumentError) as caught:
        from_tables(EGOS, frame)
    locations = {p.location for p in caught.value.problems}
    # An attribute column's name is the input's own word: named by its place, from 1.
    position = list(frame.columns).index("Unusual name") + 1
    assert f"alters row 0, column {position} (an attribute)" in locations
    assert f"alters row 0, column {position + 1} (an attribute)" in locations
    assert not any("nusual" in place for place in locations)
    egos = pd.DataFrame({"ego_id": ["e1"], "Ego column": ["x"]})
    with pytest.raises(DocumentError) as caught:
        from_tables(egos, alters())
    assert caught.value.problems[0].location == "egos row 0, column 2 (an attribute)"


def test_dotted_attribute_names_keep_every_dot() -> None:
    frame = alters(**{"age.years": [30, 31]})
    (network,) = from_tables(EGOS, frame)
    assert network.person("a").attributes == {"age.years": 30}


def test_errors_must_be_raise_or_collect() -> None:
    with pytest.raises(ValueError, match="errors must be"):
        from_tables(EGOS, alters(), errors="warn")  # type: ignore[call-overload]


def test_strict_bool_helper() -> None:
    assert strict_bool(" Yes ") is True
    assert strict_bool("NA") is None
    with pytest.raises(ValueError, match="true or false"):
        strict_bool("oui")


def write(tmp_path: Path, egos: str, alters_text: str, ties: str, **kwargs: Any) -> Any:
    for name, text in (("egos", egos), ("alters", alters_text), ("ties", ties)):
        (tmp_path / f"{name}.csv").write_bytes(text.encode(kwargs.pop("encoding", "utf-8")))
    return read_three_files(
        tmp_path / "egos.csv", tmp_path / "alters.csv", tmp_path / "ties.csv", **kwargs
    )


ALTERS = "ego_id,alter_id,role,closeness,emotional\ne1,a,friend,inner,no\ne2,b,peer,outer,yes\n"


def test_read_three_files_reads_booleans_strictly(tmp_path: Path) -> None:
    first, second = write(tmp_path, "ego_id\ne1\ne2\n", ALTERS, "ego_id,alter_a,alter_b\n")
    assert first.relationship("a").supports == ()
    assert [str(s) for s in second.relationship("b").supports] == ["emotional"]


def test_read_three_files_rows_with_extra_cells_are_problems(tmp_path: Path) -> None:
    ragged = ALTERS + f"e1,c,friend,inner,no,{SECRET}\n"
    result = write(
        tmp_path, "ego_id\ne1\ne2\n", ragged, "ego_id,alter_a,alter_b\n", errors="collect"
    )
    assert result.networks == ()
    (problem,) = result.problems
    assert (problem.source, problem.location) == (str(tmp_path / "alters.csv"), "line 4")
    assert "more cells" in problem.message


def test_read_three_files_names_file_row_and_column(tmp_path: Path) -> None:
    bad = ALTERS.replace("e2,b,peer,outer,yes", "e2,b,peer,outer,perhaps")
    result = write(tmp_path, "ego_id\ne1\ne2\n", bad, "ego_id,alter_a,alter_b\n", errors="collect")
    assert [n.ego.id for n in result.networks] == ["e1"]
    (problem,) = result.problems
    assert (problem.source, problem.location) == (
        str(tmp_path / "alters.csv"),
        "line 3, column emotional",
    )


def test_read_three_files_bad_encoding(tmp_path: Path) -> None:
    (tmp_path / "egos.csv").write_bytes(b"ego_id,town\ne1,Montr\xe9al\ne2,Lyon\n")
    (tmp_path / "alters.csv").write_text(ALTERS)
    (tmp_path / "ties.csv").write_text("ego_id,alter_a,alter_b\n")
    with pytest.raises(DocumentError) as caught:
        read_three_files(tmp_path / "egos.csv", tmp_path / "alters.csv", tmp_path / "ties.csv")
    (problem,) = caught.value.problems
    assert (problem.source, problem.location) == (str(tmp_path / "egos.csv"), "line 2")
    networks = read_three_files(
        tmp_path / "egos.csv", tmp_path / "alters.csv", tmp_path / "ties.csv", encoding="latin-1"
    )
    assert networks[0].ego.attributes["town"] == "Montréal"


def test_gives_columns_are_strict_too() -> None:
    (network,) = from_tables(EGOS, alters(gives_peer=["no", "Yes"]))
    assert [len(network.relationship(a).gives or ()) for a in ("a", "b")] == [0, 1]
    result = from_tables(EGOS, alters(gives_peer=["no", "often"]), errors="collect")
    assert [p.location for p in result.problems] == ["alters row 1, column gives_peer"]


def test_weighted_tie_problems_name_the_column() -> None:
    ties = pd.DataFrame({"ego_id": ["e1"], "alter_a": ["a"], "alter_b": ["b"], "weight": [-2.0]})
    with pytest.raises(DocumentError) as caught:
        from_tables(EGOS, alters(), ties)
    assert caught.value.problems[0].location == "ties row 0, column weight"
