"""Networks with every feature of document version 2 round-trip through every format:
JSON, tables, GraphML, networkx (nested and flat), and networkx's own GraphML and GEXF
writers on the flat graph."""

from __future__ import annotations

import io
import math

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings

from grace_support import Attributes, SupportNetwork, Tie, parse_network
from grace_support.graph import from_networkx, to_networkx
from grace_support.graphml import from_graphml, to_graphml
from tests.property.strategies import networks


def without_nulls(network: SupportNetwork) -> SupportNetwork:
    """Flat forms (tables, GraphML, flat graphs) cannot hold a null attribute: drop them."""

    def clean(attributes: Attributes) -> Attributes:
        return Attributes({k: v for k, v in attributes.items() if v is not None})

    return SupportNetwork.model_validate(
        {
            "collected_on": network.collected_on,
            "ego": network.ego.model_copy(update={"attributes": clean(network.ego.attributes)}),
            "needs": network.needs,
            "people": [
                p.model_copy(update={"attributes": clean(p.attributes)}) for p in network.people
            ],
            "relationships": [
                r.model_copy(update={"attributes": clean(r.attributes)})
                for r in network.relationships
            ],
            "ties": [
                Tie(t[0], t[1], weight=t.weight, attributes=clean(t.attributes))
                for t in network.ties
            ],
        }
    )


def has_control_characters(network: SupportNetwork) -> bool:
    texts: list[object] = [network.ego.name, *(p.name for p in network.people)]
    groups = [network.ego.attributes, *(p.attributes for p in network.people)]
    groups += [r.attributes for r in network.relationships]
    groups += [t.attributes for t in network.ties]
    for attributes in groups:
        texts += list(attributes.values())
    return any(
        isinstance(t, str) and any((c < " " and c not in "\t\n") or c == "\r" for c in t)
        for t in texts
    )


def mixes_types(network: SupportNetwork) -> bool:
    """Whether one attribute name has values of types GraphML cannot give one type."""
    kinds: dict[str, set[type]] = {}
    groups = [("attr.", network.ego.attributes)]
    groups += [("attr.", p.attributes) for p in network.people]
    groups += [("rel.", r.attributes) for r in network.relationships]
    groups += [("tie.", t.attributes) for t in network.ties]
    for prefix, attributes in groups:
        for key, value in attributes.items():
            if value is not None:
                kinds.setdefault(prefix + key, set()).add(type(value))
    return any(len(t) > 1 and t != {int, float} for t in kinds.values())


def has_text_xml_cannot_hold(network: SupportNetwork) -> bool:
    """Whether some text has characters XML cannot carry (lone surrogates, U+FFFE, U+FFFF)."""
    values: list[object] = [network.ego.name, *(p.name for p in network.people)]
    for attributes in (
        network.ego.attributes,
        *(p.attributes for p in network.people),
        *(r.attributes for r in network.relationships),
        *(t.attributes for t in network.ties),
    ):
        values += list(attributes.values())
    return any(
        isinstance(v, str) and any("\ud800" <= c <= "\udfff" or c in "\ufffe\uffff" for c in v)
        for v in values
    )


@given(networks())
def test_json_round_trip_keeps_every_v2_feature(network: SupportNetwork) -> None:
    text = network.to_json()
    back = parse_network(text)
    assert back == network
    assert back.to_json() == text
    assert [t.weight for t in back.ties] == [t.weight for t in network.ties]
    assert [t.attributes for t in back.ties] == [t.attributes for t in network.ties]
    assert back.collected_on == network.collected_on


@given(networks())
def test_json_lines_round_trip(network: SupportNetwork) -> None:
    line = network.to_json(indent=None)
    assert "\n" not in line
    assert parse_network(line) == network


@given(networks())
def test_nested_networkx_round_trip(network: SupportNetwork) -> None:
    assert from_networkx(to_networkx(network)) == network


@given(networks())
def test_flat_networkx_holds_only_scalars_and_round_trips(network: SupportNetwork) -> None:
    graph = to_networkx(network, flat=True)
    scalars = (str, int, float, bool)
    assert all(isinstance(v, scalars) for v in graph.graph.values())
    for _, data in graph.nodes(data=True):
        assert all(isinstance(v, scalars) for v in data.values())
    for _, _, data in graph.edges(data=True):
        assert all(isinstance(v, scalars) for v in data.values())
    assert SupportNetwork.from_networkx(graph) == without_nulls(network)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(networks(max_people=6))
def test_flat_graph_through_networkx_write_graphml(network: SupportNetwork) -> None:
    assume(not has_control_characters(network))
    assume(not has_text_xml_cannot_hold(network))
    buffer = io.BytesIO()
    nx.write_graphml(network.to_networkx(flat=True), buffer)
    graph = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert SupportNetwork.from_networkx(graph) == without_nulls(network)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(networks(max_people=6))
def test_flat_graph_is_writable_as_gexf(network: SupportNetwork) -> None:
    assume(not has_control_characters(network))
    assume(not has_text_xml_cannot_hold(network))
    assume(not mixes_types(network))
    buffer = io.BytesIO()
    nx.write_gexf(network.to_networkx(flat=True), buffer)
    graph = nx.read_gexf(io.BytesIO(buffer.getvalue()))
    assert graph.number_of_nodes() == len(network.people) + 1
    assert graph.number_of_edges() == len(network.people) + len(network.ties)
    for tie in network.ties:
        assert math.isclose(graph.edges[tie[0], tie[1]]["weight"], tie.weight, rel_tol=1e-6)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(networks(max_people=6))
def test_graphml_round_trip_keeps_every_v2_feature(network: SupportNetwork) -> None:
    assume(not has_control_characters(network))
    assume(not has_text_xml_cannot_hold(network))
    assume(not mixes_types(network))
    assert from_graphml(to_graphml(network)) == without_nulls(network)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(networks(max_people=6))
def test_tables_round_trip_keeps_every_v2_feature(network: SupportNetwork) -> None:
    pytest.importorskip("pandas")
    from grace_support.tables import from_tables, to_tables

    tables = to_tables([network])
    for frame in tables:
        for column, dtype in frame.dtypes.items():
            if str(dtype) == "object":  # only an attribute mixing text and numbers
                values = {type(v) for v in frame[column] if v is not None}
                assert len(values) > 1, column
    (back,) = from_tables(*tables)
    assert back == without_nulls(network)
