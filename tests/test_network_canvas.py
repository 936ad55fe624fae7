"""Importing Network Canvas CSV exports (several interviews, as the exporter writes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from grace_support import DocumentError, SupportType, assess
from grace_support.importers import NetworkCanvasMapping, read_network_canvas_csv

if TYPE_CHECKING:
    from pathlib import Path

MAPPING = NetworkCanvasMapping.model_validate(
    {
        "node_types": ["Person"],
        "role": "relationship",
        "role_values": {"support_group": "peer", "counselor": "therapist"},
        "supports": "support",
        "support_values": {
            "listen": "emotional",
            "help": "practical",
            "advice": "informational",
            "been_there": "peer",
        },
        "closeness": "closeness",
        "closeness_values": {"1": "inner", "2": "middle", "3": "outer"},
        "contact": "contact",
        "strain": "conflict",
        "strain_values": {"0": "none", "1": "some", "2": "high"},
        "attributes": ["age"],
        "ego_attributes": ["gender"],
    }
)

EGO_HEADER = (
    "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,networkCanvasProtocolName,"
    "sessionStart,sessionFinish,sessionExported,gender"
)
NODE_HEADER = (
    "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,age,"
    "relationship_friend,relationship_sibling,relationship_support_group,relationship_counselor,"
    "support_listen,support_help,support_advice,support_been_there,closeness,contact,conflict,"
    "layout_x,layout_y"
)
EDGE_HEADER = (
    "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,"
    "networkCanvasSourceUUID,networkCanvasTargetUUID,since"
)


def write(folder: Path, name: str, header: str, rows: list[str]) -> None:
    (folder / name).write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode())


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """Two interviews as separate files, written the way the exporter writes them."""
    write(
        tmp_path,
        "P01_s1_ego.csv",
        EGO_HEADER,
        ["e-1,P01,s1,Support,2026-01-01,2026-01-01,2026-01-02,woman"],
    )
    write(
        tmp_path,
        "P01_s1_attributeList_Person.csv",
        NODE_HEADER,
        [
            '1,e-1,u1,"Ana, my friend",34,true,false,false,false,'
            "true,true,false,false,1,weekly,0,0.1,0.2",
            "2,e-1,u2,Jo,41,false,true,false,false,true,false,false,false,2,lost_touch,2,0.5,0.5",
            "3,e-1,u3,Group,,false,false,true,false,false,false,false,true,3,weekly,,0.7,0.1",
            "4,e-1,u4,Ms R,,false,false,false,true,true,false,true,false,2,biweekly,0,,",
        ],
    )
    write(
        tmp_path,
        "P01_s1_edgeList_Knows.csv",
        EDGE_HEADER,
        ["1,1,2,e-1,x1,u1,u2,2010", "2,3,4,e-1,x2,u3,u4,"],
    )
    write(tmp_path, "P01_s1_edgeList_Family.csv", EDGE_HEADER, ["1,1,2,e-1,x3,u1,u2,"])
    write(
        tmp_path,
        "P02_s9_ego.csv",
        EGO_HEADER,
        ["e-2,P02,s9,Support,2026-02-01,2026-02-01,2026-02-02,man"],
    )
    write(
        tmp_path,
        "P02_s9_attributeList_Person.csv",
        NODE_HEADER,
        [
            "5,e-2,v1,Sam,29,true,false,false,false,false,false,false,false,1,daily,0,,",
        ],
    )
    write(
        tmp_path,
        "P02_s9_attributeList_Place.csv",
        "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name",
        ["6,e-2,v2,Library"],
    )
    write(tmp_path, "P02_s9_edgeList.csv", EDGE_HEADER, [])
    return tmp_path


def test_reads_every_interview(export: Path) -> None:
    first, second = read_network_canvas_csv(export, MAPPING)
    assert first.ego.id == "P01"
    assert first.ego.attributes == {"gender": "woman"}
    assert [p.id for p in first.people] == ["n1", "n2", "n3", "n4"]
    assert first.person("n1").name == "Ana, my friend"
    assert first.person("n1").attributes == {"age": 34}
    ana, jo, group, counselor = first.relationships
    assert (ana.role, ana.closeness, ana.contact) == ("friend", "inner", "weekly")
    assert ana.supports == (SupportType.EMOTIONAL, SupportType.PRACTICAL)
    assert (jo.role, jo.strain, jo.is_dormant) == ("sibling", "high", True)
    assert (group.role, group.supports) == ("peer", (SupportType.PEER,))
    assert counselor.role == "therapist"
    assert first.ties == (("n1", "n2"), ("n3", "n4"))  # two edge types, one tie
    assert second.ego.id == "P02"
    assert [p.id for p in second.people] == ["n5"]  # only Person nodes


def test_assessments_make_sense(export: Path) -> None:
    first, second = read_network_canvas_csv(export, MAPPING)
    codes = [f.code.value for f in assess(first, as_of="2026-11-25").findings]
    assert "strained-tie" in codes
    assert "dormant-tie" in codes
    assert "missing-support" not in codes
    second_codes = [f.code.value for f in assess(second, as_of="2026-11-25").findings]
    assert second_codes[:4] == ["missing-support"] * 4
    assert "small-network" in second_codes


def test_merged_export(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Support_ego.csv",
        EGO_HEADER,
        [
            "e-1,P01,s1,Support,,,2026-01-02,",
            "e-2,P01,s2,Support,,,2026-03-02,",
        ],
    )
    write(
        tmp_path,
        "Support_attributeList_Person.csv",
        NODE_HEADER,
        [
            "1,e-1,u1,A,,true,false,false,false,true,false,false,false,1,,,,",
            "2,e-2,u2,B,,true,false,false,false,true,false,false,false,2,,,,",
        ],
    )
    first, second = read_network_canvas_csv(tmp_path, MAPPING)
    assert (first.ego.id, second.ego.id) == ("P01", "P01-2")  # one case, two sessions
    assert [p.id for p in second.people] == ["n2"]


def test_errors_name_file_row_and_column(export: Path) -> None:
    (export / "P01_s1_attributeList_Person.csv").write_text(
        NODE_HEADER + "\n" + "1,e-1,u1,A,,true,false,false,false,true,false,false,false,7,,,,\n"
    )
    with pytest.raises(DocumentError) as caught:
        read_network_canvas_csv(export, MAPPING)
    assert (
        caught.value.problems[0].location
        == "P01_s1_attributeList_Person.csv row 2, column closeness"
    )


def test_two_roles_chosen(export: Path) -> None:
    (export / "P01_s1_attributeList_Person.csv").write_text(
        NODE_HEADER + "\n" + "1,e-1,u1,A,,true,true,false,false,true,false,false,false,1,,,,\n"
    )
    with pytest.raises(
        DocumentError, match=r"row 2, column relationship_\*: has more than one option"
    ):
        read_network_canvas_csv(export, MAPPING)


def test_folder_without_exports(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no Network Canvas"):
        read_network_canvas_csv(tmp_path, MAPPING)
