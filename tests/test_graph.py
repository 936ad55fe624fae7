"""The networkx view and the way back."""

from __future__ import annotations

import networkx as nx
import pytest

from grace_support import DocumentError, SupportNetwork, SupportType
from grace_support.demo import example_network
from tests.helpers import net, rel


def test_to_networkx_shape_and_attributes() -> None:
    network = example_network()
    graph = network.to_networkx()
    assert graph.graph["ego"] == "maria"
    assert graph.number_of_nodes() == 7
    assert graph.number_of_edges() == 6 + 3
    assert graph.nodes["ana"]["name"] == "Ana"
    edge = graph.edges["maria", "rosa"]
    assert edge["kind"] == "relationship"
    assert edge["role"] == "parent"
    assert edge["category"] == "family"
    assert edge["strain"] == "high"
    assert "last_contact" not in edge
    assert graph.edges["ana", "carlos"] == {"kind": "tie", "weight": 1.0}


def test_graph_is_fresh_each_time() -> None:
    network = example_network()
    graph = network.to_networkx()
    graph.add_edge("ana", "jamie")
    graph.nodes["ana"]["name"] = "changed"
    assert network.to_networkx().number_of_edges() == 9
    assert network.person("ana").name == "Ana"


def test_round_trip() -> None:
    network = example_network()
    assert SupportNetwork.from_networkx(network.to_networkx()) == network


def test_round_trip_empty_network_and_needs() -> None:
    network = net(needs=["peer"])
    back = SupportNetwork.from_networkx(network.to_networkx())
    assert back == network
    assert back.needs == (SupportType.PEER,)


def test_from_networkx_with_explicit_ego_and_plain_graph() -> None:
    graph = nx.Graph()
    graph.add_edge("me", "a", role="friend", closeness="inner", supports=["emotional"], weight=3)
    graph.add_edge("me", "b", role="therapist", closeness="middle")
    graph.add_edge("a", "b")
    network = SupportNetwork.from_networkx(graph, ego="me")
    assert [p.id for p in network.people] == ["a", "b"]
    assert network.relationship("a").supports == (SupportType.EMOTIONAL,)
    assert network.ties == (("a", "b"),)


@pytest.mark.parametrize(
    ("graph", "ego", "fragment"),
    [
        (nx.DiGraph([("e", "a")]), "e", "undirected"),
        (nx.MultiGraph([("e", "a")]), "e", "undirected"),
        (nx.Graph([("e", "a")]), None, "ego node"),
        (nx.Graph([("e", "a")]), "zz", "ego node"),
    ],
)
def test_from_networkx_rejects_bad_graphs(graph: nx.Graph, ego: str | None, fragment: str) -> None:
    with pytest.raises(DocumentError, match=fragment):
        SupportNetwork.from_networkx(graph, ego=ego)


def test_from_networkx_names_the_place_of_a_bad_relationship() -> None:
    graph = nx.Graph()
    graph.add_edge("me", "a", role="pal", closeness="inner")
    with pytest.raises(DocumentError) as caught:
        SupportNetwork.from_networkx(graph, ego="me")
    assert caught.value.source == "networkx graph"
    assert caught.value.problems[0].location == "relationships[0].role"


def test_relationship_without_attributes_has_role_and_closeness_unknown() -> None:
    network = SupportNetwork.from_networkx(nx.Graph([("me", "a")]), ego="me")
    relationship = network.relationship("a")
    assert (relationship.role, relationship.closeness, relationship.supports) == (None, None, ())


def test_tie_endpoints_are_people() -> None:
    network = net(rel("a"), rel("b"), ties=[("b", "a")])
    graph = network.to_networkx()
    assert graph.has_edge("a", "b")
