"""read_egor: the same small study in every egor layout; hostile files give named problems.

The fixtures in tests/data/egor/ are our own: two egos (3 and 2 alters), written in
each layout egor reads, with the emotional-support column coded differently in each
(yes/no, TRUE/FALSE, 1/0, t/f, ...), a weight-0 tie, an ``NA`` cell and R row names.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from grace_support import (
    SCHEMA_VERSION,
    DocumentError,
    InputError,
    SupportNetwork,
    network_from_data,
)
from grace_support import measures as m
from grace_support.importers import DroppedDataWarning, EgorLayout, ImportResult, read_egor

# The shared fixtures hold one weight-0 tie; with errors="raise" it is reported by a
# DroppedDataWarning (tested below), which the other tests here do not look at.
pytestmark = pytest.mark.filterwarnings("ignore::grace_support.importers.DroppedDataWarning")

DATA = Path(__file__).parent / "data" / "egor"
MAPPING = {"rel": "role", "close": "closeness", "emo": "emotional"}
LAYOUTS: list[EgorLayout] = ["folder", "three-files", "one-file", "two-files", "egoweb", "openeddi"]
SECRET = "Private Person"


def source(layout: str) -> Path:
    return DATA / layout / "study.csv" if layout == "one-file" else DATA / layout


LONG = ("folder", "three-files", "egoweb", "openeddi")
"""The layouts in which every row of a ties file is a tie (egor keeps weight-0 rows)."""


def expected(layout: str = "one-file") -> tuple[SupportNetwork, ...]:
    def alter(i: str, sex: str, age: int | None, role: str, close: str, emo: bool) -> Any:
        attributes: dict[str, Any] = {"sex": sex} | ({"age": age} if age is not None else {})
        person = {"id": f"a{i}", "attributes": attributes}
        relationship = {
            "person": f"a{i}",
            "role": role,
            "closeness": close,
            "supports": ["emotional"] if emo else [],
        }
        return person, relationship

    def network(ego: str, sex: str, age: int, alters: list[Any], ties: list[Any]) -> Any:
        return network_from_data(
            {
                # version 3: the study asked who gives emotional support (the one support
                # column), nothing about what the ego gives, and no strain: not recorded
                "schema_version": 3,
                "support_types_asked": ["emotional"],
                "gives_types_asked": [],
                # one file: three alter column blocks, the most names the study took
                **({"max_names": 3} if layout == "one-file" else {}),
                "ego": {"id": ego, "attributes": {"sex": sex, "age": age, "netsize": len(alters)}},
                "people": [p for p, _ in alters],
                "relationships": [r for _, r in alters],
                "ties": ties,
            }
        )

    first = [
        alter("1", "m", 35, "friend", "inner", True),
        alter("2", "w", None, "sibling", "middle", False),
        alter("3", "w", 52, "therapist", "outer", True),
    ]
    second = [
        alter("1", "w", 28, "friend", "inner", True),
        alter("2", "m", 44, "coworker", "outer", False),
    ]
    zero = [{"between": ["a2", "a3"], "attributes": {"weight": 0}}] if layout in LONG else []
    return (
        network("1", "w", 30, first, [["a1", "a2"], ["a1", "a3"], *zero]),
        network("2", "m", 41, second, [["a1", "a2"]]),
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_same_networks(layout: EgorLayout) -> None:
    networks = read_egor(source(layout), columns=MAPPING, layout=layout)
    assert networks == expected(layout)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_layout_is_detected(layout: str) -> None:
    result = read_egor(source(layout), columns=MAPPING, errors="collect")
    assert result.networks == expected(layout)
    assert result.problems == ()


def test_layout_of_listed_files_is_detected() -> None:
    files = [DATA / "egoweb" / n for n in ("egos.csv", "alters.csv", "edges.csv")]
    assert read_egor(files, columns=MAPPING) == expected("egoweb")
    two = [DATA / "two-files" / "egos.csv", DATA / "two-files" / "alters.csv"]
    assert read_egor(two, columns=MAPPING) == expected("two-files")
    three = [DATA / "three-files" / n for n in ("egos.csv", "alters.csv", "edges.csv")]
    assert read_egor(three, columns=MAPPING) == expected("three-files")


@pytest.mark.parametrize("layout", ["one-file", "two-files"])
def test_wide_zero_cells_are_no_tie_and_listed(layout: str) -> None:
    result = read_egor(source(layout), columns=MAPPING, errors="collect")
    (dropped,) = result.dropped
    assert "is 0: no tie" in dropped.message
    assert dropped.source is not None
    assert dropped.location == "line 2, column X2.to.3"
    assert result.problems == ()
    assert not result.ok


@pytest.mark.parametrize("layout", LONG)
def test_long_layouts_keep_weight_zero_rows_as_egor_does(layout: str) -> None:
    result = read_egor(source(layout), columns=MAPPING, errors="collect")
    assert result.ok
    tie = result.networks[0].tie("a2", "a3")
    assert tie is not None
    assert (tie.weight, dict(tie.attributes)) == (1.0, {"weight": 0})


@pytest.mark.filterwarnings("error::grace_support.importers.DroppedDataWarning")
def test_wide_zero_cells_warn_with_errors_raise() -> None:
    with pytest.warns(DroppedDataWarning, match="1 thing left out") as caught:
        networks = read_egor(source("one-file"), columns=MAPPING)
    assert networks == read_egor(source("one-file"), columns=MAPPING, errors="collect").networks
    assert "is 0: no tie" in str(caught[0].message)


def test_a_separate_mapping_per_file() -> None:
    per_file = {"alters": MAPPING, "egos": {"age": "age_years"}}
    first, _ = read_egor(DATA / "folder", columns=per_file)
    assert first.ego.attributes == {"sex": "w", "age_years": 30, "netsize": 3}
    assert first.person("a1").attributes == {"sex": "m", "age": 35}


def write(folder: Path, files: dict[str, str], *, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text.encode(encoding))
    return folder


GOOD_ALTERS = "alterID;rel;close;emo\n1;friend;inner;yes\n2;sibling;outer;no\n"


def study(tmp_path: Path, **changes: str) -> Path:
    files = {
        "egos.csv": "egoID;sex\n1;w\n2;m\n",
        "alters_1.csv": GOOD_ALTERS,
        "edges_1.csv": "Source;Target\n1;2\n",
        "alters_2.csv": GOOD_ALTERS,
    }
    files |= {name.replace("__", "."): text for name, text in changes.items()}
    return write(tmp_path / "study", files)


@pytest.mark.parametrize(
    ("changes", "source_file", "location", "message"),
    [
        (
            {"alters_1__csv": f"alterID;rel;close;emo\n1;friend;inner;{SECRET}\n"},
            "alters_1.csv",
            "line 2, column emo",
            "is not true or false",
        ),
        (
            {"alters_1__csv": "alterID;rel;close;emo\n1;friend;inner;yes;extra\n"},
            "alters_1.csv",
            "line 2",
            "more cells than the header",
        ),
        (
            {"alters_1__csv": "alterID;rel;close\n1;friend;inner\n1;sibling;outer\n"},
            "alters_1.csv",
            "line 3, column alterID",
            "repeats an alter id",
        ),
        (
            {"edges_1__csv": "Source;Target\n1;7\n"},
            "edges_1.csv",
            "line 2, column Target",
            "names no alter",
        ),
        (
            {"egos__csv": "egoID;sex\n1;w\n1;m\n2;m\n"},
            "egos.csv",
            "line 3, column egoID",
            "second row",
        ),
        (
            {"alters_1__csv": "alterID;rel;close\n1;pal;inner\n2;friend;inner\n"},
            "alters_1.csv",
            "line 2, column rel",
            "Input should be",
        ),
        (
            {"edges_1__csv": "Source;Target;weight\n1;2;-1\n"},
            "edges_1.csv",
            "line 2, column weight",
            "weight",
        ),
    ],
)
def test_hostile_files_give_named_problems_in_both_modes(
    tmp_path: Path, changes: dict[str, str], source_file: str, location: str, message: str
) -> None:
    folder = study(tmp_path, **changes)
    mapping = {"rel": "role", "close": "closeness", "emo": "emotional"}
    result = read_egor(folder, columns=mapping, errors="collect")
    assert isinstance(result, ImportResult)
    assert [n.ego.id for n in result.networks] == ["2"]  # ego 1 is left out, ego 2 is kept
    found = [p for p in result.problems if p.location == location]
    assert found, result.problems
    assert found[0].source == str(folder / source_file)
    assert message in found[0].message
    with pytest.raises(DocumentError) as caught:
        read_egor(folder, columns=mapping)
    assert location in str(caught.value)
    for text in (str(caught.value), repr(caught.value.problems), repr(result)):
        assert SECRET not in text
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


def test_orphan_files_and_rows_are_problems(tmp_path: Path) -> None:
    folder = study(tmp_path, alters_9__csv=GOOD_ALTERS)
    result = read_egor(folder, columns=MAPPING, errors="collect")
    assert [p.source for p in result.problems] == [str(folder / "alters_9.csv")]
    assert "not in the egos file" in result.problems[0].message
    assert len(result.networks) == 2
    three = write(
        tmp_path / "three",
        {
            "egos.csv": "egoID,sex\n1,w\n",
            "alters.csv": "egoID,alterID,rel,close\n1,1,friend,inner\n5,1,friend,inner\n",
            "edges.csv": "egoID,Source,Target\n6,1,2\n",
        },
    )
    result = read_egor(three, columns=MAPPING, errors="collect")
    assert [(p.source, p.location) for p in result.problems] == [
        (str(three / "alters.csv"), "line 3, column egoID"),
        (str(three / "edges.csv"), "line 2, column egoID"),
    ]
    assert [n.ego.id for n in result.networks] == ["1"]


def test_undecodable_bytes_name_file_and_line(tmp_path: Path) -> None:
    folder = study(tmp_path)
    (folder / "alters_2.csv").write_bytes(b"alterID;rel;close\n1;friend;inner\n2;sibling;\xff\n")
    result = read_egor(folder, columns=MAPPING, errors="collect")
    assert [n.ego.id for n in result.networks] == ["1"]
    (problem,) = result.problems
    assert (problem.source, problem.location) == (str(folder / "alters_2.csv"), "line 3")


def test_other_encodings_and_a_byte_order_mark(tmp_path: Path) -> None:
    latin = write(
        tmp_path / "latin",
        {
            "egos.csv": "egoID;ville\n1;Montréal\n",
            "alters_1.csv": "alterID;rel;close\n1;friend;inner\n",
        },
        encoding="latin-1",
    )
    (network,) = read_egor(latin, columns=MAPPING, encoding="latin-1")
    assert network.ego.attributes["ville"] == "Montréal"
    bom = write(
        tmp_path / "bom",
        {
            "egos.csv": "\ufeffegoID,sex\n1,w\n",
            "alters_1.csv": "\ufeffalterID,rel,close\n1,friend,inner\n",
        },
    )
    (network,) = read_egor(bom, columns=MAPPING)
    assert network.ego.attributes == {"sex": "w"}


@pytest.mark.parametrize(
    ("sep", "text", "value"),
    [
        (";", "alterID;rel;close;score\n1;friend;inner;0,25\n", 0.25),
        (",", "alterID,rel,close,score\n1,friend,inner,0.25\n", 0.25),
        ("\t", "alterID\trel\tclose\tscore\n1\tfriend\tinner\t0.25\n", 0.25),
        (";", "alterID;rel;close;score\n1;friend;inner;0.25\n", 0.25),
    ],
)
def test_separator_and_decimal_mark_are_detected(
    tmp_path: Path, sep: str, text: str, value: float
) -> None:
    folder = write(tmp_path / "s", {"egos.csv": f"egoID{sep}sex\n1{sep}w\n", "alters_1.csv": text})
    (network,) = read_egor(folder, columns=MAPPING)
    assert network.person("a1").attributes["score"] == value


def test_r_logicals_become_booleans_and_na_is_no_value(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "r",
        {
            "egos.csv": "egoID,smoker\n1,TRUE\n",
            "alters_1.csv": (
                "alterID,rel,close,lives_near\n1,friend,inner,FALSE\n2,friend,inner,NA\n"
            ),
        },
    )
    (network,) = read_egor(folder, columns=MAPPING)
    assert network.ego.attributes == {"smoker": True}
    assert network.person("a1").attributes == {"lives_near": False}
    assert network.person("a2").attributes == {}


def test_bad_arguments_are_value_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="errors must be"):
        read_egor(DATA / "folder", errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="layout must be one of"):
        read_egor(DATA / "folder", layout="wide")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="cannot tell the egor layout"):
        read_egor(write(tmp_path / "empty", {"notes.csv": "a\n1\n"}))
    with pytest.raises(ValueError, match="columns maps"):
        read_egor(DATA / "folder", columns={"rel": 3})


def test_unreadable_egos_file_is_one_problem(tmp_path: Path) -> None:
    folder = write(tmp_path / "x", {"egos.csv": 'egoID,sex\n1,"w\n', "alters_1.csv": GOOD_ALTERS})
    result = read_egor(folder, columns=MAPPING, errors="collect")
    assert result.networks == ()
    assert result.problems[0].source == str(folder / "egos.csv")


def test_egoweb_without_an_egos_file_takes_the_ego_columns_before_the_alter_id(
    tmp_path: Path,
) -> None:
    folder = write(
        tmp_path / "ew",
        {
            "alters.csv": (
                "EgoID,sex,Alter.Number,rel,close\n1,w,1,friend,inner\n1,w,2,peer,outer\n"
            ),
            "edges.csv": "EgoID,Alter.1.Number,Alter.2.Number,weight\n1,1,2,1\n",
        },
    )
    (network,) = read_egor(folder, columns=MAPPING, layout="egoweb")
    assert network.ego.attributes == {"sex": "w"}
    assert network.person("a1").attributes == {}
    assert network.ties == (("a1", "a2"),)


def test_no_role_or_closeness_is_invented(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "bare", {"egos.csv": "egoID\n1\n", "alters_1.csv": "alterID,sex\n1,m\n"}
    )
    result = read_egor(folder, errors="collect")
    if SCHEMA_VERSION < 2:  # document v1 requires them: a problem, never a guess
        assert {p.location for p in result.problems} == {
            "line 2, field role",
            "line 2, field closeness",
        }
    else:
        (network,) = result.networks
        relationship = network.relationship("a1")
        assert relationship.role is None
        assert relationship.closeness is None


needs_v2 = pytest.mark.skipif(SCHEMA_VERSION < 2, reason="weighted ties need document v2")


@needs_v2
def test_tie_weights_and_tie_attributes_are_kept(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "w",
        {
            "egos.csv": "egoID;sex\n1;w\n",
            "alters_1.csv": "alterID;rel;close\n1;friend;inner\n2;friend;inner\n3;peer;outer\n",
            "edges_1.csv": "Source;Target;weight;kind\n1;2;0,5;work\n2;3;2;NA\n1;3;0;x\n",
        },
    )
    result = read_egor(folder, columns=MAPPING, errors="collect")
    (network,) = result.networks
    document = network.to_document()
    assert document["ties"] == [
        {"between": ["a1", "a2"], "weight": 0.5, "attributes": {"kind": "work"}},
        # a weight-0 row is a tie in egor's long layouts; the 0 is kept as its attribute
        {"between": ["a1", "a3"], "attributes": {"kind": "x", "weight": 0}},
        {"between": ["a2", "a3"], "weight": 2},
    ]
    assert result.ok


@needs_v2
def test_wide_layouts_keep_weights(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("egoID;netsize;rel.1;rel.2;X1.to.2\n1;2;friend;peer;2,5\n")
    (network,) = read_egor(path, columns={"rel": "role"})
    assert network.to_document()["ties"] == [{"between": ["a1", "a2"], "weight": 2.5}]


def test_composition_measures_on_imported_alter_attributes() -> None:
    # worked by hand from the fixture: ego 1 (sex w) has alters m, w, w
    first, second = read_egor(DATA / "folder", columns=MAPPING)
    assert m.composition(first, "sex") == {"m": 1 / 3, "w": 2 / 3}
    # E-I: E = 1 (m differs from w), I = 2 -> (1 - 2) / 3
    assert m.ei_index(first, "sex") == pytest.approx(-1 / 3)
    # IQV with K = 2 observed: Blau = 1 - (1/9 + 4/9) = 4/9; IQV = (4/9) / (1/2) = 8/9
    assert m.iqv(first, "sex") == pytest.approx(8 / 9)
    # entropy in bits, as egor's alts_diversity_entropy
    bits = -(1 / 3) * math.log2(1 / 3) - (2 / 3) * math.log2(2 / 3)
    assert m.entropy(first, "sex", base=2) == pytest.approx(bits)
    # ego 2 (m): alters w, m -> E = 1, I = 1 -> 0
    assert m.ei_index(second, "sex") == 0.0
    assert m.missing_count(first, "age") == 1


def test_one_file_numbered_ego_columns_stay_the_egos_when_mapped(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text(
        "egoID,q_1,q_2,rel.1,close.1,rel.2,close.2,X1.to.2\n1,3,4,friend,inner,peer,outer,1\n"
    )
    columns = {"egos": {"q_1": "q_1", "q_2": "q_2"}, "alters": MAPPING}
    (network,) = read_egor(path, columns=columns)
    assert network.ego.attributes == {"q_1": 3, "q_2": 4}
    assert [p.id for p in network.people] == ["a1", "a2"]
    assert network.ties == (("a1", "a2"),)
    # without the mapping, q_1/q_2 read as alter variables: a third party is never guessed
    unmapped = read_egor(path, columns=MAPPING)[0]
    assert unmapped.person("a1").attributes == {"q": 3}


def test_one_file_slots_beyond_netsize_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("egoID;netsize;rel.1;close.1;rel.2;close.2\n1;1;friend;inner;peer;outer\n")
    result = read_egor(path, columns=MAPPING, errors="collect")
    (network,) = result.networks
    assert [p.id for p in network.people] == ["a1"]
    (dropped,) = result.dropped
    assert (dropped.location, dropped.source) == ("line 2, alter 2", str(path))


def test_a_missing_source_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_egor(tmp_path / "nowhere")


@needs_v2
def test_gives_and_collected_on_can_be_mapped(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "g",
        {
            "egos.csv": "egoID,interviewed\n1,2026-03-04\n",
            "alters_1.csv": "alterID,emo,helped\n1,yes,Y\n2,no,nope\n",
        },
    )
    columns = {
        "egos": {"interviewed": "collected_on"},
        "alters": {"emo": "emotional", "helped": "gives_practical"},
    }
    result = read_egor(folder, columns=columns, errors="collect")
    assert [(p.source, p.location) for p in result.problems] == [
        (str(folder / "alters_1.csv"), "line 3, column helped")
    ]
    folder.joinpath("alters_1.csv").write_text("alterID,emo,helped\n1,yes,Y\n2,no,\n")
    (network,) = read_egor(folder, columns=columns)
    assert str(network.collected_on) == "2026-03-04"
    assert [str(t) for t in network.relationship("a1").gives or ()] == ["practical"]
    assert network.relationship("a2").gives == ()
    folder.joinpath("egos.csv").write_text("egoID,interviewed\n1,March\n")
    result = read_egor(folder, columns=columns, errors="collect")
    assert [(p.source, p.location) for p in result.problems] == [
        (str(folder / "egos.csv"), "line 2, column interviewed")
    ]


def test_egor32_shaped_folder_without_any_mapping(tmp_path: Path) -> None:
    # as egor's example data: attributes only, weights with decimal commas
    folder = write(
        tmp_path / "e32",
        {
            "egos_32.csv": '"egoID";"sex";"age"\n1;"m";"56 - 65"\n',
            "alters_1.csv": '"alterID";"sex";"age.years"\n1;"m";48\n2;"w";5\n3;"w";35\n',
            "edges_1.csv": '"Source";"Target";"weight"\n1;2;1\n2;3;0,333333333333333\n',
        },
    )
    result = read_egor(folder, errors="collect")
    assert result.ok
    (network,) = result.networks
    if SCHEMA_VERSION >= 2:
        assert {r.role for r in network.relationships} == {None}
        assert network.tie("a2", "a3").weight == pytest.approx(1 / 3)
        # ego m; alters m, w, w: E = 2, I = 1, so (2 - 1) / 3
        assert m.ei_index(network, "sex") == pytest.approx(1 / 3)


def test_strain_none_is_a_value_not_a_missing_cell(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s", {"egos.csv": "egoID\n1\n", "alters_1.csv": "alterID,str\n1,none\n2,high\n"}
    )
    (network,) = read_egor(folder, columns={"str": "strain"})
    assert [str(r.strain) for r in network.relationships] == ["none", "high"]
