"""Which Network Canvas nodes are people when ``node_types`` is not given, and where the others go.

The exports here are written by hand in the exporter's shape (see
docs/importing-network-canvas.md): R34-like interviews with Person nodes and Venue
nodes ("grindR", "Home") that must never become people.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from grace_support.cli import main
from grace_support.importers import (
    NetworkCanvasMapping,
    read_network_canvas_csv,
    read_network_canvas_graphml,
    read_networks,
)

if TYPE_CHECKING:
    from pathlib import Path

EGO = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,sessionStart,zip"
NODES = "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,code"
EDGES = (
    "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,"
    "networkCanvasSourceUUID,networkCanvasTargetUUID"
)


def write(path: Path, lines: list[str]) -> None:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())


def export(folder: Path, person_type: str = "Person", *, venues: bool = True) -> Path:
    folder.mkdir(exist_ok=True)
    write(folder / "c1_s1_ego.csv", [EGO, "e1,c1,s1,2026-05-01T10:00:00Z,02143"])
    write(
        folder / f"c1_s1_attributeList_{person_type}.csv",
        [NODES, "1,e1,u1,Ana,007", "2,e1,u2,Jo,12"],
    )
    if venues:
        write(
            folder / "c1_s1_attributeList_Venue.csv",
            [NODES, "3,e1,u3,grindR,", "4,e1,u4,Home,"],
        )
    write(folder / "c1_s1_edgeList_Knows.csv", [EDGES, "1,1,2,e1,x1,u1,u2"])
    if venues:
        write(folder / "c1_s1_edgeList_Goes.csv", [EDGES, "2,1,3,e1,x2,u1,u3"])
    return folder


@pytest.mark.parametrize("person_type", ["Person", "person", "PERSON"])
def test_the_type_named_person_is_chosen_and_the_others_are_counted(
    tmp_path: Path, person_type: str
) -> None:
    result = read_network_canvas_csv(
        export(tmp_path, person_type), NetworkCanvasMapping(), errors="collect"
    )
    (network,) = result.networks
    assert [p.name for p in network.people] == ["Ana", "Jo"]
    assert [str(d) for d in result.dropped] == [
        "c1_s1_ego.csv line 2: 2 nodes of type Venue left out: not people (see node_types and"
        " count_node_types)",
        "c1_s1_edgeList_Goes.csv line 2: joins a node of a type the mapping leaves out; left out",
    ]
    assert result.problems == ()


def test_one_node_type_is_the_people(tmp_path: Path) -> None:
    (network,) = read_network_canvas_csv(
        export(tmp_path, "Alter", venues=False), NetworkCanvasMapping()
    )
    assert [p.name for p in network.people] == ["Ana", "Jo"]


def test_several_types_and_no_person_is_refused_listing_the_types(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"node types \(Alter, Venue\).*give node_types"):
        read_network_canvas_csv(export(tmp_path, "Alter"), NetworkCanvasMapping())


def test_an_empty_tuple_still_means_every_type(tmp_path: Path) -> None:
    (network,) = read_network_canvas_csv(export(tmp_path), NetworkCanvasMapping(node_types=()))
    assert [p.name for p in network.people] == ["Ana", "Jo", "grindR", "Home"]


def test_venues_may_be_kept_as_a_count_on_the_ego(tmp_path: Path) -> None:
    mapping = NetworkCanvasMapping(count_node_types=("Venue", "Clinic"))
    result = read_network_canvas_csv(export(tmp_path), mapping, errors="collect")
    (network,) = result.networks
    assert network.ego.attributes["Venue_count"] == 2
    assert network.ego.attributes["Clinic_count"] == 0  # asked for, none in this interview
    assert [d.message for d in result.dropped] == [
        "joins a node of a type the mapping leaves out; left out"
    ]


def test_a_leading_zero_code_stays_text(tmp_path: Path) -> None:
    """Issue 26: one cell parser; ZIP codes and ids keep their leading zero."""
    mapping = NetworkCanvasMapping(attributes=("code",), ego_attributes=("zip",))
    (network,) = read_network_canvas_csv(export(tmp_path, venues=False), mapping)
    assert network.ego.attributes["zip"] == "02143"
    assert network.person("n1").attributes["code"] == "007"
    assert network.person("n2").attributes["code"] == 12


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
 xmlns:nc="http://schema.networkcanvas.com/xmlns">
<key id="t" attr.name="networkCanvasType" attr.type="string" for="all"/>
<key id="u" attr.name="networkCanvasUUID" attr.type="string" for="all"/>
<key id="nm" attr.name="name" attr.type="string" for="node"/>
<graph edgedefault="undirected" nc:caseId="c1" nc:sessionUUID="s1">
<data key="u">e1</data>
<node id="1"><data key="t">Person</data><data key="u">u1</data><data key="nm">Ana</data></node>
<node id="2"><data key="t">Person</data><data key="u">u2</data><data key="nm">Jo</data></node>
<node id="3"><data key="t">Venue</data><data key="u">u3</data><data key="nm">Home</data></node>
<edge id="1" source="1" target="2"><data key="t">Knows</data></edge>
</graph>
</graphml>
"""


def test_graphml_follows_the_same_rule(tmp_path: Path) -> None:
    path = tmp_path / "export.graphml"
    path.write_text(GRAPHML)
    result = read_network_canvas_graphml(path, NetworkCanvasMapping(), errors="collect")
    (network,) = result.networks
    assert [p.name for p in network.people] == ["Ana", "Jo"]
    assert [d.message for d in result.dropped] == [
        "1 node of type Venue left out: not people (see node_types and count_node_types)"
    ]


def test_the_command_line_needs_no_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    code = main(["import", "network-canvas-csv", str(export(tmp_path / "x")), "--out", str(out),
                 "--errors", "collect"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0
    assert "2 nodes of type Venue left out" in err
    assert [len(n.people) for n in read_networks(out)] == [2]


def test_the_command_line_names_the_mapping_when_the_types_are_unclear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = export(tmp_path / "x", "Alter")
    out = tmp_path / "out.jsonl"
    code = main(["import", "network-canvas-csv", str(folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "node_types" in err
    assert "--mapping" in err
    assert not out.exists()
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"node_types": ["Alter"]}))
    code = main(["import", "network-canvas-csv", str(folder), "--out", str(out),
                 "--mapping", str(mapping), "--errors", "collect"])  # fmt: skip
    assert code == 0
