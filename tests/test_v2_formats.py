"""Version-2 fields in tables, networkx graphs (nested and flat) and GraphML."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from grace_support import (
    DocumentError,
    SupportNetwork,
    SupportType,
    network_from_data,
    parse_network,
)
from grace_support.graphml import from_graphml, to_graphml

ROOT = Path(__file__).parents[1]


def v2_network() -> SupportNetwork:
    return network_from_data(
        {
            "collected_on": "2026-04-05",
            "ego": {"id": "me"},
            "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "relationships": [
                {"person": "a", "role": "friend", "closeness": "inner", "gives": ["peer"]},
                {"person": "b", "supports": ["emotional"]},
                {"person": "c", "role": "therapist"},
            ],
            "ties": [
                {"between": ["a", "b"], "weight": 2.5, "attributes": {"met": "work", "years": 3}},
                ["b", "c"],
            ],
        }
    )


def test_docs_example_is_a_canonical_v3_document() -> None:
    text = (ROOT / "docs" / "snippets" / "network-example.json").read_text(encoding="utf-8")
    network = parse_network(text)
    assert network.schema_version == 3
    assert json.loads(network.to_json()) == json.loads(text)
    assert network.relationship("kai").role is None
    assert network.tie("kai", "ana").weight == 2.5


# -- networkx -------------------------------------------------------------------------------


def test_nested_graph_carries_v2_fields() -> None:
    graph = v2_network().to_networkx()
    assert graph.graph["collected_on"] == date(2026, 4, 5)
    assert graph.edges["a", "b"] == {
        "kind": "tie",
        "weight": 2.5,
        "attributes": {"met": "work", "years": 3},
    }
    assert graph.edges["b", "c"] == {"kind": "tie", "weight": 1.0}
    assert graph.edges["me", "a"]["gives"] == (SupportType.PEER,)
    assert "role" not in graph.edges["me", "b"]
    assert "category" not in graph.edges["me", "b"]
    assert "closeness" not in graph.edges["me", "c"]


def test_flat_graph_has_scalars_named_as_documented() -> None:
    graph = v2_network().to_networkx(flat=True)
    assert graph.graph == {
        "ego": "me",
        "schema_version": 3,
        "needs": "emotional,practical,informational,peer",
        "collected_on": "2026-04-05",
    }
    assert graph.nodes["me"] == {"kind": "ego"}
    a = graph.edges["me", "a"]
    assert (a["role"], a["category"], a["closeness"]) == ("friend", "friend", "inner")
    assert a["gives_peer"] is True
    assert a["supports_emotional"] is False
    assert "role" not in graph.edges["me", "b"]
    assert graph.edges["a", "b"] == {
        "kind": "tie",
        "weight": 2.5,
        "tie.met": "work",
        "tie.years": 3,
    }


def test_flat_graph_through_networkx_writers() -> None:
    network = v2_network()
    buffer = io.BytesIO()
    nx.write_graphml(network.to_networkx(flat=True), buffer)
    assert SupportNetwork.from_networkx(nx.read_graphml(io.BytesIO(buffer.getvalue()))) == network
    gexf = io.BytesIO()
    nx.write_gexf(network.to_networkx(flat=True), gexf)
    assert nx.read_gexf(io.BytesIO(gexf.getvalue())).number_of_edges() == 5


def test_nested_graph_cannot_be_written_by_networkx_but_flat_can() -> None:
    graph = v2_network().to_networkx()
    with pytest.raises(nx.NetworkXError):
        nx.write_graphml(graph, io.BytesIO())
    nx.write_graphml(v2_network().to_networkx(flat=True), io.BytesIO())


@pytest.mark.parametrize("flag", ["yes", "False", 2, None])
def test_flat_support_flags_are_read_strictly(flag: object) -> None:
    graph = nx.Graph(ego="me")
    graph.add_edge("me", "a", supports_emotional=flag)
    with pytest.raises(DocumentError) as caught:
        SupportNetwork.from_networkx(graph)
    assert [p.location for p in caught.value.problems] == ["relationships[0]"]
    assert "supports_emotional must be true or false" in caught.value.problems[0].message
    assert str(flag) not in caught.value.problems[0].message.replace("supports_emotional", "")


@pytest.mark.parametrize(
    ("flag", "expected"), [(True, True), (False, False), (1, True), (0, False)]
)
def test_flat_support_flags_accept_booleans_and_0_1(flag: object, expected: bool) -> None:
    graph = nx.Graph(ego="me")
    graph.add_edge("me", "a", supports_peer=flag, gives_emotional=flag)
    relationship = SupportNetwork.from_networkx(graph).relationship("a")
    assert relationship.provides(SupportType.PEER) is expected
    assert relationship.receives(SupportType.EMOTIONAL) is expected


# -- GraphML -------------------------------------------------------------------------------


def test_graphml_carries_v2_fields() -> None:
    network = v2_network()
    text = to_graphml(network)
    assert from_graphml(text) == network
    graph = nx.parse_graphml(text)
    assert graph.graph["collected_on"] == "2026-04-05"
    assert graph.edges["a", "b"]["weight"] == 2.5
    assert graph.edges["a", "b"]["tie.met"] == "work"
    assert graph.edges["me", "a"]["gives_peer"] is True


def test_from_graphml_takes_the_ego_its_error_message_advises() -> None:
    other_tool = nx.Graph()
    other_tool.add_edge("me", "a", role="friend")
    other_tool.add_edge("me", "b")
    other_tool.add_edge("a", "b", weight=3.0)
    text = "".join(nx.generate_graphml(other_tool))
    with pytest.raises(DocumentError, match=r"pass ego=\.\.\.") as caught:
        from_graphml(text, source_name="other.graphml")
    assert caught.value.source == "other.graphml"
    network = from_graphml(text, ego="me", source_name="other.graphml")
    assert network.ego.id == "me"
    assert network.relationship("a").role == "friend"
    assert network.relationship("b").role is None
    assert network.tie("a", "b").weight == 3.0
    with pytest.raises(DocumentError, match="ego node is not in the graph"):
        from_graphml(text, ego="nobody")


def test_graphml_refuses_mixed_tie_attribute_types_by_name() -> None:
    network = v2_network().with_tie("a", "c", attributes={"met": 5})
    with pytest.raises(DocumentError) as caught:
        to_graphml(network)
    assert [p.location for p in caught.value.problems] == ["tie.met"]


# -- tables --------------------------------------------------------------------------------


def test_tables_carry_v2_fields_with_one_dtype_per_column() -> None:
    pd = pytest.importorskip("pandas")
    from grace_support.tables import from_tables, to_tables

    network = v2_network()
    tables = to_tables([network])
    egos, alters, ties = tables
    assert str(egos["collected_on"].dtype) == "datetime64[ns]"
    assert egos["collected_on"].tolist() == [pd.Timestamp("2026-04-05")]
    assert str(alters["role"].dtype) == "string"
    assert alters["role"].isna().tolist() == [False, True, False]
    assert alters["closeness"].isna().tolist() == [False, True, True]
    assert str(alters["gives_peer"].dtype) == "boolean"
    assert alters["gives_peer"].tolist() == [True, False, False]
    assert str(alters["emotional"].dtype) == "boolean"
    assert list(ties.columns) == ["ego_id", "alter_a", "alter_b", "weight", "met", "years"]
    assert str(ties["weight"].dtype) == "float64"
    assert ties["weight"].tolist() == [2.5, 1.0]
    assert str(ties["met"].dtype) == "string"
    assert str(ties["years"].dtype) == "Int64"
    for frame in tables:
        assert "object" not in {str(dtype) for dtype in frame.dtypes}
    assert from_tables(*tables) == (network,)


def test_tables_without_weight_or_role_columns_read() -> None:
    pd = pytest.importorskip("pandas")
    from grace_support.tables import from_tables

    egos = pd.DataFrame({"ego_id": ["e"]})
    alters = pd.DataFrame({"ego_id": ["e", "e"], "alter_id": ["a", "b"]})
    ties = pd.DataFrame({"ego_id": ["e"], "alter_a": ["a"], "alter_b": ["b"]})
    (network,) = from_tables(egos, alters, ties)
    assert network.relationship("a").role is None
    assert network.ties == (("a", "b"),)


def test_tie_attribute_named_like_a_column_is_refused() -> None:
    pytest.importorskip("pandas")
    from grace_support.tables import to_tables

    network = v2_network().with_tie("a", "c", attributes={"weight": 5})
    with pytest.raises(ValueError, match="'weight' has the name of a built-in column"):
        to_tables([network])


def test_v1_tables_columns_still_read() -> None:
    pytest.importorskip("pandas")
    from grace_support.tables import from_tables, to_tables

    network = network_from_data(
        {
            "schema_version": 1,
            "ego": {"id": "e"},
            "people": [{"id": "a"}],
            "relationships": [{"person": "a", "role": "friend", "closeness": "inner"}],
        }
    )
    egos, alters, ties = to_tables([network])
    old_egos = egos.drop(columns=["collected_on"])
    old_alters = alters.drop(columns=[c for c in alters.columns if c.startswith("gives_")])
    old_ties = ties.drop(columns=["weight"])
    (read,) = from_tables(old_egos, old_alters, old_ties)
    # v1 tables had no gives_ columns: since version 3 a field with no column is not
    # recorded (None), where v1 meant "gives none"; everything else reads as before
    assert read.relationship("a").gives is None
    assert (
        read.model_copy(
            update={"relationships": (read.relationship("a").model_copy(update={"gives": ()}),)}
        )
        == network
    )
