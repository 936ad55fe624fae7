"""Fuzz: GraphML, Network Canvas and table readers raise documented errors only, cleanly.

The tests go through the public readers, so they keep holding when a reader is
rewritten: whatever the input, the only exception is the documented one, and the
planted marker is in no part of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grace_support import DocumentError, network_from_data
from grace_support.graphml import from_graphml, to_graphml
from grace_support.importers import (
    NetworkCanvasMapping,
    read_network_canvas_csv,
    read_network_canvas_graphml,
)
from tests.fuzz._leaks import MARKER, assert_clean, assert_no_chain

if TYPE_CHECKING:
    from pathlib import Path

# Dropped self-loops and repeated edges are reported by a documented warning.
pytestmark = pytest.mark.filterwarnings("ignore::grace_support.importers.DroppedDataWarning")

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

NETWORK = network_from_data(
    {
        "schema_version": 1,
        "ego": {"id": "ego", "name": f"{MARKER} Ego", "attributes": {"note": MARKER, "n": 3}},
        "people": [
            {"id": "ana", "name": f"{MARKER} Ana", "attributes": {"note": f"{MARKER}!", "n": 4}},
            {"id": "jo", "name": f"{MARKER} Jo"},
        ],
        "relationships": [
            {"person": "ana", "role": "friend", "closeness": "inner", "supports": ["emotional"]},
            {"person": "jo", "role": "sibling", "closeness": "outer", "contact": "weekly"},
        ],
        "ties": [["ana", "jo"]],
    }
)
GRAPHML = to_graphml(NETWORK)
H = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'

GRAPHML_CASES = {
    "wrong-type": H + '<key id="d0" for="node" attr.name="attr.n" attr.type="int"/>'
    '<graph edgedefault="undirected"><node id="a"><data key="d0">@</data></node></graph></graphml>',
    "unknown-key": H + '<graph edgedefault="undirected"><node id="a"><data key="zz">@</data>'
    "</node></graph></graphml>",
    "hyperedge": H + '<graph edgedefault="undirected"><node id="@"/><hyperedge>'
    '<endpoint node="@"/></hyperedge></graph></graphml>',
    # directed GraphML is read (as undirected ties); the same directed edge twice is not
    "directed-repeat": re.sub(
        r'(<edge source="[^"]+" target="[^"]+")',
        r"\1 />\1",
        GRAPHML.replace('edgedefault="undirected"', 'edgedefault="directed"'),
        count=1,
    ),
    "group": H + '<graph edgedefault="undirected"><node id="@"><graph edgedefault="undirected">'
    '<node id="@::b"/></graph></node></graph></graphml>',
    "duplicate-node": GRAPHML.replace('<node id="ana">', '<node id="ana" /><node id="ana">', 1),
    "duplicate-edge": GRAPHML.replace("</graph>", '<edge source="jo" target="ana" /></graph>'),
    "bogus-encoding": '<?xml version="1.0" encoding="@"?>' + H + "</graphml>",
    "schema-version": re.sub(r'schema_version">\d<', 'schema_version">@<', GRAPHML),
    "big-integer": GRAPHML.replace(">4</data>", ">99999999999999999999</data>"),
    "long-type": GRAPHML.replace('attr.type="long"', 'attr.type="@"'),
    "not-graphml": "<@/>",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(GRAPHML_CASES))
def test_graphml_regressions(name: str) -> None:
    text = GRAPHML_CASES[name].replace("@", MARKER)
    with pytest.raises(DocumentError) as caught:
        from_graphml(text)
    assert_clean(caught.value)
    assert_no_chain(caught.value)
    with pytest.raises(DocumentError):
        from_graphml(text.encode("utf-8"))


def test_graphml_round_trip_still_works() -> None:
    assert from_graphml(GRAPHML) == NETWORK
    assert from_graphml(b"\xef\xbb\xbf" + GRAPHML.encode()) == NETWORK


def test_graphml_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        from_graphml(3)  # type: ignore[arg-type]


@FUZZ
@given(
    start=st.integers(0, len(GRAPHML)),
    length=st.integers(0, 40),
    insert=st.sampled_from(["", "<", ">", '"', "&", MARKER, "<node id='x'/>", "\x00", "é"])
    | st.text(max_size=8),
)
@example(start=0, length=0, insert="\ufeff")
def test_graphml_with_any_edit(start: int, length: int, insert: str) -> None:
    text = GRAPHML[:start] + insert + GRAPHML[start + length :]
    try:
        from_graphml(text)
    except DocumentError as error:
        assert_clean(error)
        assert_no_chain(error)


@FUZZ
@given(data=st.binary(max_size=200))
def test_graphml_with_any_bytes(data: bytes) -> None:
    try:
        from_graphml(data)
    except DocumentError as error:
        assert_clean(error)


# -- Network Canvas --------------------------------------------------------------------------

MAPPING = NetworkCanvasMapping.model_validate(
    {
        "node_types": ["Person"],
        "role": "relationship",
        "supports": "support",
        "support_values": {"listen": "emotional"},
        "closeness": "closeness",
        "closeness_values": {"1": "inner", "2": "middle"},
        "attributes": ["age"],
    }
)
EGO = ["networkCanvasEgoUUID,networkCanvasCaseID", "e-1,P01"]
NODES = [
    "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,age,relationship,support_listen,closeness",
    f'1,e-1,u1,"{MARKER} Ana",34,friend,true,1',
    f"2,e-1,u2,{MARKER} Jo,41,sibling,false,2",
]
EDGES = ["edgeID,from,to,networkCanvasEgoUUID,networkCanvasSourceUUID,networkCanvasTargetUUID"]
EDGES += ["1,1,2,e-1,u1,u2"]


def write_export(folder: Path, nodes: list[str] | None = None) -> None:
    (folder / "P01_ego.csv").write_text("\n".join(EGO) + "\n", encoding="utf-8")
    (folder / "P01_attributeList_Person.csv").write_text(
        "\n".join(nodes or NODES) + "\n", encoding="utf-8"
    )
    (folder / "P01_edgeList_Knows.csv").write_text("\n".join(EDGES) + "\n", encoding="utf-8")


def test_network_canvas_export_reads(tmp_path: Path) -> None:
    write_export(tmp_path)
    (network,) = read_network_canvas_csv(tmp_path, MAPPING)
    assert len(network.people) == 2


@FUZZ
@given(
    row=st.integers(1, 2),
    column=st.integers(0, 7),
    value=st.sampled_from(["", "x", "-1", "1e999", '"', "true", MARKER, "\x00"])
    | st.text(max_size=10).map(lambda s: s + MARKER),
)
def test_network_canvas_csv_with_any_cell(
    tmp_path_factory: pytest.TempPathFactory, row: int, column: int, value: str
) -> None:
    folder = tmp_path_factory.mktemp("nc")
    nodes = list(NODES)
    cells = nodes[row].split(",")
    cells[column] = '"' + value.replace('"', '""') + '"'
    nodes[row] = ",".join(cells)
    write_export(folder, nodes)
    try:
        read_network_canvas_csv(folder, MAPPING)
    except DocumentError as error:
        assert_clean(error)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\xff\xfe" + MARKER.encode(), id="not-utf8"),
        pytest.param(b"", id="empty"),
        pytest.param(b'a,b\n"' + MARKER.encode() * 20000 + b'"\n', id="cell-over-128k"),
        pytest.param(b"a,b\n1,\x002\n", id="nul"),
    ],
)
def test_network_canvas_csv_file_regressions(tmp_path: Path, content: bytes) -> None:
    write_export(tmp_path)
    (tmp_path / "P01_attributeList_Person.csv").write_bytes(content)
    try:
        read_network_canvas_csv(tmp_path, MAPPING)
    except DocumentError as error:
        assert_clean(error)


@pytest.mark.parametrize("target", ["missing", "file"])
def test_network_canvas_folder_that_cannot_be_read(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "nowhere"
    if target == "file":
        folder.write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError):
        read_network_canvas_csv(folder, MAPPING)


NC_GRAPHML = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    '<key id="k0" attr.name="name" attr.type="string" for="node"/>'
    '<key id="k1" attr.name="relationship" attr.type="string" for="node"/>'
    '<key id="k2" attr.name="closeness" attr.type="string" for="node"/>'
    '<key id="t" attr.name="networkCanvasType" attr.type="string" for="all"/>'
    '<graph edgedefault="undirected">'
    '<node id="1"><data key="t">Person</data><data key="k0">@ Ana</data>'
    '<data key="k1">friend</data><data key="k2">1</data></node>'
    '<node id="2"><data key="t">Person</data><data key="k0">@ Jo</data>'
    '<data key="k1">sibling</data><data key="k2">2</data></node>'
    '<edge id="1" source="1" target="2"><data key="t">Knows</data></edge>'
    "</graph></graphml>"
)


@FUZZ
@given(
    start=st.integers(0, len(NC_GRAPHML)),
    length=st.integers(0, 30),
    insert=st.sampled_from(["", "<", '"', MARKER, "<node id='@'/>", "x"]) | st.text(max_size=6),
)
@example(
    start=NC_GRAPHML.index('id="1"') + 4, length=1, insert="@"
)  # a node id that is not a number
def test_network_canvas_graphml_with_any_edit(
    tmp_path_factory: pytest.TempPathFactory, start: int, length: int, insert: str
) -> None:
    path = tmp_path_factory.mktemp("ncg") / "export.graphml"
    text = NC_GRAPHML[:start] + insert + NC_GRAPHML[start + length :]
    path.write_text(text.replace("@", MARKER), encoding="utf-8")
    try:
        read_network_canvas_graphml(path, MAPPING)
    except DocumentError as error:
        assert_clean(error)


# -- tables ------------------------------------------------------------------------------------

EGOS_CSV = f"ego_id,name\ne1,{MARKER} Ego\n"
ALTERS_CSV = f"ego_id,alter_id,name,role,closeness,emotional\ne1,a1,{MARKER} A,friend,inner,true\n"
TIES_CSV = "ego_id,alter_a,alter_b\n"


@FUZZ
@given(
    which=st.sampled_from(["egos", "alters", "ties"]),
    start=st.integers(0, 80),
    insert=st.sampled_from(["", ",", '"', "\n", MARKER, "\x00", "\ufeff"]) | st.text(max_size=8),
)
def test_read_three_files_with_any_edit(
    tmp_path_factory: pytest.TempPathFactory, which: str, start: int, insert: str
) -> None:
    from grace_support.tables import read_three_files

    folder = tmp_path_factory.mktemp("three")
    texts = {"egos": EGOS_CSV, "alters": ALTERS_CSV, "ties": TIES_CSV}
    texts[which] = texts[which][:start] + insert + texts[which][start:]
    for name, text in texts.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        read_three_files(folder / "egos.csv", folder / "alters.csv", folder / "ties.csv")
    except DocumentError as error:
        assert_clean(error)


@pytest.mark.parametrize("problem", ["missing", "folder", "empty", "not-utf8", "huge-cell"])
def test_read_three_files_regressions(tmp_path: Path, problem: str) -> None:
    from grace_support.tables import read_three_files

    for name, text in (("egos", EGOS_CSV), ("alters", ALTERS_CSV), ("ties", TIES_CSV)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    target = tmp_path / "alters.csv"
    if problem == "missing":
        target.unlink()
    elif problem == "folder":
        target.unlink()
        target.mkdir()
    elif problem == "empty":
        target.write_bytes(b"")
    elif problem == "not-utf8":
        target.write_bytes(b"ego_id\n\xff" + MARKER.encode())
    else:
        target.write_bytes(b'ego_id,name\ne1,"' + MARKER.encode() * 20000 + b'"\n')
    with pytest.raises(DocumentError) as caught:
        read_three_files(tmp_path / "egos.csv", target, tmp_path / "ties.csv")
    assert_clean(caught.value)


@FUZZ
@given(
    column=st.sampled_from(["ego_id", "alter_id", "name", "role", "closeness", "emotional"]),
    value=st.none()
    | st.integers()
    | st.floats()
    | st.booleans()
    | st.text(max_size=10).map(lambda s: s + MARKER),
)
def test_from_tables_with_any_cell(column: str, value: Any) -> None:
    pd = pytest.importorskip("pandas")
    from grace_support.tables import from_tables

    egos = pd.DataFrame([{"ego_id": "e1", "name": f"{MARKER} Ego"}])
    row = {
        "ego_id": "e1",
        "alter_id": "a1",
        "name": f"{MARKER} A",
        "role": "friend",
        "closeness": "inner",
        "emotional": True,
    }
    row[column] = value
    alters = pd.DataFrame([row])
    try:
        from_tables(egos, alters)
    except DocumentError as error:
        assert_clean(error)
