"""Invariants of the network model for any generated network."""

from __future__ import annotations

from hypothesis import given

from grace_support import SupportNetwork, parse_network
from tests.property.strategies import networks


@given(networks())
def test_json_round_trip_is_identity(network: SupportNetwork) -> None:
    text = network.to_json()
    again = parse_network(text)
    assert again == network
    assert again.to_json() == text


@given(networks())
def test_networkx_round_trip_is_identity(network: SupportNetwork) -> None:
    graph = network.to_networkx()
    assert graph.number_of_nodes() == len(network.people) + 1
    assert graph.number_of_edges() == len(network.relationships) + len(network.ties)
    assert SupportNetwork.from_networkx(graph) == network


@given(networks())
def test_canonical_form_holds(network: SupportNetwork) -> None:
    assert all(a < b for a, b in network.ties)
    assert list(network.ties) == sorted(network.ties)
    assert len({p.id for p in network.people}) == len(network.people)
