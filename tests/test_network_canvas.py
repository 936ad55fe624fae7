"""Importing Network Canvas CSV exports (several interviews, as the exporter writes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from grace_support import DocumentError, SupportType, assess
from grace_support.importers import NetworkCanvasMapping, read_network_canvas_csv

if TYPE_CHECKING:
    from pathlib import Path

# The export holds a Place node, which is not a person: it is reported by a
# DroppedDataWarning (tested in test_network_canvas_node_types.py).
pytestmark = pytest.mark.filterwarnings("ignore::grace_support.importers.DroppedDataWarning")

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
    assert (jo.role, jo.strain, jo.contact) == ("sibling", "high", "lost_touch")
    assert (group.role, group.supports) == ("peer", (SupportType.PEER,))
    assert counselor.role == "therapist"
    assert [t.between for t in first.ties] == [("n1", "n2"), ("n3", "n4")]  # one tie a pair
    assert first.ties[0].attributes == {
        "type.Knows": True,
        "Knows.since": 2010,
        "type.Family": True,
    }
    assert first.ties[1].attributes == {"type.Knows": True}
    assert str(first.collected_on) == "2026-01-01"  # the day of sessionStart
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
        == "P01_s1_attributeList_Person.csv line 2, column closeness"
    )


def test_two_roles_chosen(export: Path) -> None:
    (export / "P01_s1_attributeList_Person.csv").write_text(
        NODE_HEADER + "\n" + "1,e-1,u1,A,,true,true,false,false,true,false,false,false,1,,,,\n"
    )
    with pytest.raises(
        DocumentError, match=r"line 2, column relationship_\*: has more than one option"
    ):
        read_network_canvas_csv(export, MAPPING)


def test_folder_without_exports(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no Network Canvas"):
        read_network_canvas_csv(tmp_path, MAPPING)


def nc_graphml(
    interviews: list[
        tuple[str, str, dict[str, str], list[dict[str, str]], list[tuple[str, str, str]]]
    ],
) -> str:
    """GraphML as Network Canvas writes it: UUID key ids, names in attr.name, null omitted."""
    names = sorted(
        {k for _, _, _, nodes, _ in interviews for node in nodes for k in node if k != "nodeID"}
    )
    ego_names = sorted({k for _, _, ego, _, _ in interviews for k in ego})
    keys = [
        f'<key id="k{i}" attr.name="{n}" attr.type="string" for="node"/>'
        for i, n in enumerate(names)
    ]
    keys += [
        f'<key id="g{i}" attr.name="{n}" attr.type="string" for="graph"/>'
        for i, n in enumerate(ego_names)
    ]
    keys += [
        '<key id="networkCanvasType" attr.name="networkCanvasType" attr.type="string" for="all"/>',
        '<key id="networkCanvasUUID" attr.name="networkCanvasUUID" attr.type="string" for="all"/>',
    ]
    graphs = []
    for case, ego_uuid, ego, nodes, edges in interviews:
        parts = [
            f'<graph edgedefault="undirected" nc:caseId="{case}">',
            f'<data key="networkCanvasUUID">{ego_uuid}</data>',
        ]
        parts += [f'<data key="g{ego_names.index(k)}">{v}</data>' for k, v in ego.items()]
        for node in nodes:
            parts.append(f'<node id="{node["nodeID"]}">')
            parts.append('<data key="networkCanvasType">Person</data>')
            parts += [
                f'<data key="k{names.index(k)}">{v}</data>'
                for k, v in node.items()
                if k != "nodeID" and v != ""
            ]
            parts.append("</node>")
        for n, (a, b, kind) in enumerate(edges, start=1):
            parts.append(
                f'<edge id="{n}" source="{a}" target="{b}">'
                f'<data key="networkCanvasType">{kind}</data></edge>'
            )
        parts.append("</graph>")
        graphs.append("\r\n".join(parts))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\r\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:nc="http://schema.networkcanvas.com/xmlns">\r\n'
        + "\r\n".join(keys)
        + "\r\n"
        + "\r\n".join(graphs)
        + "\r\n</graphml>\r\n"
    )


def nodes_from_csv(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {k: v for k, v in row.items() if k not in ("networkCanvasEgoUUID",)}
        | {"layout_X": row["layout_x"]}
        for row in rows
    ]


def test_graphml_gives_the_same_networks_as_csv(export: Path, tmp_path: Path) -> None:
    from grace_support.importers import read_network_canvas_graphml

    from_csv = read_network_canvas_csv(export, MAPPING)
    first = nodes_from_csv(export / "P01_s1_attributeList_Person.csv")
    second = nodes_from_csv(export / "P02_s9_attributeList_Person.csv")
    path = tmp_path / "export.graphml"
    path.write_text(
        nc_graphml(
            [
                (
                    "P01",
                    "e-1",
                    {"gender": "woman"},
                    first,
                    [("1", "2", "Knows"), ("3", "4", "Knows"), ("1", "2", "Family")],
                ),
                ("P02", "e-2", {"gender": "man"}, second, []),
            ]
        )
    )
    from_graphml = read_network_canvas_graphml(path, MAPPING)
    # This GraphML has no session times and no edge variables; all else is the same.
    for a, b in zip(from_graphml, from_csv, strict=True):
        assert (a.ego, a.people, a.relationships) == (b.ego, b.people, b.relationships)
        assert [(t.between, dict(t.attributes)) for t in a.ties] == [
            (t.between, {k: v for k, v in t.attributes.items() if k.startswith("type.")})
            for t in b.ties
        ]


def test_graphml_refuses_entities(tmp_path: Path) -> None:
    from grace_support.importers import read_network_canvas_graphml

    path = tmp_path / "bad.graphml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x "y">]><graphml>&x;</graphml>')
    with pytest.raises(DocumentError, match="refused for safety"):
        read_network_canvas_graphml(path, MAPPING)
