"""Network Canvas exports come in whole: every person, tie and variable, or a named problem."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import pytest

from grace_support import DocumentError, SupportType
from grace_support.graphml import from_graphml
from grace_support.importers import (
    DroppedDataWarning,
    ImportResult,
    NetworkCanvasMapping,
    read_network_canvas_csv,
    read_network_canvas_graphml,
)

if TYPE_CHECKING:
    from pathlib import Path

EGO = (
    "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,sessionStart,"
    "mood,pets_cat,pets_dog"
)
NODES = (
    "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,rel_friend,rel_sibling,"
    "sup_listen,sup_help,near,lang_en,lang_es,group_a,group_b,stage"
)
EDGES = (
    "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,"
    "networkCanvasSourceUUID,networkCanvasTargetUUID,since"
)
MAPPING = NetworkCanvasMapping.model_validate(
    {
        "role": "rel",
        "supports": "sup",
        "support_values": {"listen": "emotional", "help": "practical"},
        "closeness": "near",
        "closeness_values": {"1": "inner", "2": "middle", "3": "outer"},
        "attributes": ["lang", "group", "stage"],
        "ego_attributes": ["mood", "pets"],
        "multi_select": ["lang", "pets"],
    }
)


def write(path: Path, lines: list[str]) -> None:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())


def person(n: int, ego: str = "e1", *, rel: str = "true,false", near: str = "1") -> str:
    return f"{n},{ego},u{n},P{n},{rel},true,false,{near},true,false,true,false,2"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(
        tmp_path / "c1_s1_ego.csv",
        [EGO, "e1,c1,s1,2026-05-01T10:00:00Z,4,true,false"],
    )
    write(
        tmp_path / "c1_s1_attributeList_Person.csv",
        [NODES, person(1), person(2), person(3, rel="false,true", near="3")],
    )
    write(
        tmp_path / "c1_s1_edgeList_Close.csv",
        [EDGES, "1,1,2,e1,x1,u1,u2,2019", "2,2,3,e1,x2,u2,u3,"],
    )
    write(tmp_path / "c1_s1_edgeList_Drug.csv", [EDGES, "3,1,2,e1,x3,u1,u2,2024"])
    return tmp_path


def test_every_person_tie_and_variable_arrives(folder: Path) -> None:
    (network,) = read_network_canvas_csv(folder, MAPPING)
    assert [p.id for p in network.people] == ["n1", "n2", "n3"]
    assert [r.role for r in network.relationships] == ["friend", "friend", "sibling"]
    assert network.relationship("n1").supports == (SupportType.EMOTIONAL,)
    assert network.relationship("n3").closeness == "outer"
    # multi-select: one boolean per option; single-select: the chosen option; ordinal: the value
    assert network.person("n1").attributes == {
        "lang_en": True, "lang_es": False, "group": "a", "stage": 2
    }  # fmt: skip
    assert network.ego.attributes == {"mood": 4, "pets_cat": True, "pets_dog": False}
    assert [tuple(t)[:2] for t in network.ties] == [("n1", "n2"), ("n2", "n3")]


def test_every_edge_type_and_its_variables_are_kept(folder: Path) -> None:
    (network,) = read_network_canvas_csv(folder, MAPPING)
    by_pair = {tuple(t.between): t.attributes for t in network.ties}
    assert by_pair[("n1", "n2")] == {
        "type.Close": True, "Close.since": 2019, "type.Drug": True, "Drug.since": 2024
    }  # fmt: skip
    assert by_pair[("n2", "n3")] == {"type.Close": True}


def test_two_options_of_a_single_select_variable(folder: Path) -> None:
    write(
        folder / "c1_s1_attributeList_Person.csv",
        [NODES, "1,e1,u1,P1,true,false,true,false,1,true,true,true,true,2"],
    )
    write(folder / "c1_s1_edgeList_Close.csv", [EDGES])
    write(folder / "c1_s1_edgeList_Drug.csv", [EDGES])
    with pytest.raises(DocumentError) as caught:
        read_network_canvas_csv(folder, MAPPING)
    assert [str(p) for p in caught.value.problems] == [
        "c1_s1_attributeList_Person.csv line 2, column group_*: has more than one option chosen"
        " (name the variable in multi_select to keep one true/false attribute per option)"
    ]


def test_a_requested_variable_that_is_not_there_is_a_problem(folder: Path) -> None:
    mapping = MAPPING.model_copy(update={"attributes": ("lang", "shoe_size")})
    result = read_network_canvas_csv(folder, mapping, errors="collect")
    assert result.networks == ()
    assert {str(p) for p in result.problems} == {
        f"c1_s1_attributeList_Person.csv line {n}, column shoe_size: is not in this file"
        for n in (2, 3, 4)
    }


def test_self_loops_and_repeated_edges_are_dropped_by_name(folder: Path) -> None:
    write(
        folder / "c1_s1_edgeList_Close.csv",
        [EDGES, "1,1,2,e1,x1,u1,u2,", "2,2,1,e1,x2,u2,u1,", "3,3,3,e1,x3,u3,u3,"],
    )
    result = read_network_canvas_csv(folder, MAPPING, errors="collect")
    assert len(result.networks) == 1  # the network keeps its place
    assert [str(p) for p in result.dropped] == [
        "c1_s1_edgeList_Close.csv line 3: repeats c1_s1_edgeList_Close.csv line 2 "
        "(same two people, same edge type); left out",
        "c1_s1_edgeList_Close.csv line 4: joins a person to themselves; left out",
    ]
    assert not result.ok
    with pytest.warns(DroppedDataWarning, match=r"2 things left out.*line 3.*line 4"):
        networks = read_network_canvas_csv(folder, MAPPING)
    assert networks == result.networks


def test_rows_whose_ego_is_missing_do_not_vanish(folder: Path) -> None:
    write(
        folder / "c1_s1_attributeList_Person.csv",
        [NODES, person(1), person(2), person(3), person(9, ego="e-gone")],
    )
    write(
        folder / "c1_s1_edgeList_Drug.csv", [EDGES, "3,1,2,e1,x3,u1,u2,", "4,9,1,e-gone,x4,u9,u1,"]
    )
    result = read_network_canvas_csv(folder, MAPPING, errors="collect")
    assert [p.id for p in result.networks[0].people] == ["n1", "n2", "n3"]
    assert [str(p) for p in result.problems] == [
        "c1_s1_attributeList_Person.csv line 5, column networkCanvasEgoUUID: names no interview"
        " in the ego files; this row was not imported",
        "c1_s1_edgeList_Drug.csv line 3, column networkCanvasEgoUUID: names no interview"
        " in the ego files; this row was not imported",
    ]
    with pytest.raises(DocumentError, match="2 problems"):
        read_network_canvas_csv(folder, MAPPING)


def test_one_bad_interview_does_not_fail_the_others(folder: Path) -> None:
    write(folder / "c2_s2_ego.csv", [EGO, "e2,c2,s2,,1,false,false"])
    write(folder / "c2_s2_attributeList_Person.csv", [NODES, person(4, "e2", near="9")])
    result = read_network_canvas_csv(folder, MAPPING, errors="collect")
    assert isinstance(result, ImportResult)
    assert [n.ego.id for n in result.networks] == ["c1"]
    assert [p.location for p in result.problems] == [
        "c2_s2_attributeList_Person.csv line 2, column near"
    ]


@pytest.mark.parametrize("cell", ["TRUE", "yes", "Y", "t", "1", "True"])
def test_booleans_read_strictly_true(folder: Path, cell: str) -> None:
    write(
        folder / "c1_s1_attributeList_Person.csv",
        [NODES, f"1,e1,u1,P1,{cell},false,false,false,1,false,false,false,false,"],
    )
    write(folder / "c1_s1_edgeList_Close.csv", [EDGES])
    write(folder / "c1_s1_edgeList_Drug.csv", [EDGES])
    (network,) = read_network_canvas_csv(folder, MAPPING)
    assert network.relationships[0].role == "friend"


@pytest.mark.parametrize("cell", ["maybe", "2", "yess", "on", "-"])
def test_bad_booleans_are_problems_naming_the_place(folder: Path, cell: str) -> None:
    write(
        folder / "c1_s1_attributeList_Person.csv",
        [NODES, f"1,e1,u1,P1,true,false,{cell},false,1,false,false,false,false,"],
    )
    write(folder / "c1_s1_edgeList_Close.csv", [EDGES])
    write(folder / "c1_s1_edgeList_Drug.csv", [EDGES])
    with pytest.raises(DocumentError) as caught:
        read_network_canvas_csv(folder, MAPPING)
    assert [str(p) for p in caught.value.problems] == [
        "c1_s1_attributeList_Person.csv line 2, column sup_listen: is not true or false "
        "(write true/false, yes/no, y/n, t/f or 1/0)"
    ]
    assert cell not in "".join(p.message for p in caught.value.problems)


def test_encodings(folder: Path) -> None:
    nodes = folder / "c1_s1_attributeList_Person.csv"
    text = nodes.read_text().replace("P1", "Zoë")
    nodes.write_bytes(text.encode("latin-1"))
    with pytest.raises(DocumentError) as caught:
        read_network_canvas_csv(folder, MAPPING)
    assert str(caught.value.problems[0]) == (
        "c1_s1_attributeList_Person.csv line 2: is not valid utf-8 text (the bytes cannot be"
        " decoded)"
    )  # then the edges, whose people could not be read
    (network,) = read_network_canvas_csv(folder, MAPPING, encoding="latin-1")
    assert network.person("n1").name == "Zoë"
    nodes.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # a byte order mark
    (network,) = read_network_canvas_csv(folder, MAPPING)
    assert network.person("n1").name == "Zoë"


def test_hostile_rows(folder: Path) -> None:
    write(
        folder / "c1_s1_attributeList_Person.csv",
        [NODES, person(1), person(2) + ",extra", person(3), person(3)],
    )
    write(
        folder / "c1_s1_ego.csv",
        [EGO, "e1,c1,s1,,4,true,false", "e1,c1,s1,,4,true,false", ",c9,s9,,,,"],
    )
    write(folder / "c1_s1_edgeList_Close.csv", [EDGES, "1,1,7,e1,x1,u1,u7,"])
    write(folder / "c1_s1_edgeList_Drug.csv", [EDGES])
    result = read_network_canvas_csv(folder, MAPPING, errors="collect")
    assert sorted(str(p) for p in result.problems) == sorted(
        [
            "c1_s1_attributeList_Person.csv line 3: has more cells than the header has columns",
            "c1_s1_ego.csv line 3, column networkCanvasEgoUUID: repeats the interview of"
            " c1_s1_ego.csv line 2; left out",
            "c1_s1_ego.csv line 4, column networkCanvasEgoUUID: is empty",
            "c1_s1_attributeList_Person.csv line 5, column networkCanvasUUID: repeats the person"
            " of c1_s1_attributeList_Person.csv line 4",
            "c1_s1_edgeList_Close.csv line 2, column networkCanvasTargetUUID: names no person in"
            " this interview",
        ]
    )
    assert result.networks == ()


def test_missing_columns_and_bad_mode(folder: Path) -> None:
    write(folder / "c1_s1_edgeList_Close.csv", ["edgeID,from,to", "1,1,2"])
    with pytest.raises(DocumentError, match=r"c1_s1_edgeList_Close.csv, column networkCanvas"):
        read_network_canvas_csv(folder, MAPPING)
    with pytest.raises(ValueError, match='errors must be "raise" or "collect"'):
        read_network_canvas_csv(folder, MAPPING, errors="ignore")  # type: ignore[call-overload]


def test_names_never_appear_in_errors(folder: Path) -> None:
    write(
        folder / "c1_s1_attributeList_Person.csv",
        [NODES, "1,e1,u1,Secret Name,true,false,bogus,false,7,true,true,false,true,2"],
    )
    with pytest.raises(DocumentError) as caught:
        read_network_canvas_csv(folder, MAPPING)
    text = str(caught.value) + repr(caught.value.args) + repr(caught.value.problems)
    assert "Secret" not in text
    assert "bogus" not in text
    assert caught.value.__cause__ is None


def test_edges_to_other_node_types_are_dropped_by_name(folder: Path) -> None:
    write(
        folder / "c1_s1_attributeList_Place.csv",
        ["nodeID,networkCanvasEgoUUID,networkCanvasUUID,name", "8,e1,u8,Library"],
    )
    write(folder / "c1_s1_edgeList_Drug.csv", [EDGES, "3,1,8,e1,x3,u1,u8,"])
    mapping = MAPPING.model_copy(update={"node_types": ("Person",)})
    result = read_network_canvas_csv(folder, mapping, errors="collect")
    assert [str(p) for p in result.dropped] == [
        "c1_s1_ego.csv line 2: 1 node of type Place left out: not people (see node_types and"
        " count_node_types)",
        "c1_s1_edgeList_Drug.csv line 2: joins a node of a type the mapping leaves out; left out",
    ]


def test_mapping_may_leave_out_role_closeness_and_supports(
    folder: Path,
) -> None:
    mapping = NetworkCanvasMapping(attributes=("stage",))
    (network,) = read_network_canvas_csv(folder, mapping)
    assert all(r.role is None and r.closeness is None for r in network.relationships)
    # not recorded, and the network says no kinds of support were asked
    assert all(r.supports is None and r.strain is None for r in network.relationships)
    assert (network.support_types_asked, network.gives_types_asked) == ((), ())


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
 xmlns:nc="http://schema.networkcanvas.com/xmlns">
<key id="t" attr.name="networkCanvasType" attr.type="string" for="all"/>
<key id="u" attr.name="networkCanvasUUID" attr.type="string" for="all"/>
<key id="r1" attr.name="rel_friend" attr.type="boolean" for="node"/>
<key id="n" attr.name="near" attr.type="int" for="node"/>
<graph edgedefault="undirected" nc:caseId="c1" nc:sessionUUID="s1">
<data key="u">e1</data>
<node id="1"><data key="t">Person</data><data key="u">u1</data><data key="r1">true</data>
<data key="n">1</data></node>
<node id="2"><data key="t">Person</data><data key="u">u2</data><data key="r1">true</data>
<data key="n">2</data></node>
<edge id="1" source="1" target="2"><data key="t">Close</data></edge>
<edge id="2" source="1" target="2"><data key="t">Close</data></edge>
<edge id="3" source="2" target="2"><data key="t">Close</data></edge>
</graph>
</graphml>
"""


def test_graphml_drops_by_name_and_collects(tmp_path: Path) -> None:
    path = tmp_path / "export.graphml"
    path.write_text(GRAPHML)
    mapping = NetworkCanvasMapping.model_validate(
        {"role": "rel", "closeness": "near", "closeness_values": {"1": "inner", "2": "middle"}}
    )
    result = read_network_canvas_graphml(path, mapping, errors="collect")
    assert [n.ego.id for n in result.networks] == ["c1"]
    assert [str(p) for p in result.dropped] == [
        "export.graphml edge 2: repeats export.graphml edge 1 (same two people, same edge type);"
        " left out",
        "export.graphml edge 3: joins a person to themselves; left out",
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_network_canvas_graphml(path, mapping)
    assert [w.category for w in caught] == [DroppedDataWarning]


def test_graphml_malformed_in_both_modes(tmp_path: Path) -> None:
    path = tmp_path / "broken.graphml"
    path.write_text("<graphml><graph>")
    mapping = NetworkCanvasMapping()
    with pytest.raises(DocumentError, match="not well-formed"):
        read_network_canvas_graphml(path, mapping)
    result = read_network_canvas_graphml(path, mapping, errors="collect")
    assert result.networks == ()
    assert "not well-formed" in result.problems[0].message


def test_from_graphml_points_network_canvas_files_to_their_reader() -> None:
    with pytest.raises(DocumentError, match="read_network_canvas_graphml"):
        from_graphml(GRAPHML, source_name="export.graphml")
