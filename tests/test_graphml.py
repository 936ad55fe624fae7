"""GraphML export and safe import."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import assume, given, settings

from grace_support import Attributes, DocumentError, MissingExtraError, Person, SupportNetwork
from grace_support.demo import example_network
from grace_support.graphml import from_graphml, to_graphml
from grace_support.synthetic import cohort
from tests.helpers import net, rel
from tests.property.strategies import networks
from tests.test_tables import without_null_attributes


def test_round_trip_of_example_and_cohort() -> None:
    for network in (example_network(), *cohort(10, seed=9), net()):
        assert from_graphml(to_graphml(network)) == network


def xml_trouble(network: SupportNetwork) -> bool:
    texts = [network.ego.name, *(p.name for p in network.people)]
    for attributes in (
        network.ego.attributes,
        *(p.attributes for p in network.people),
        *(r.attributes for r in network.relationships),
        *(t.attributes for t in network.ties),
    ):
        texts += [v for v in attributes.values() if isinstance(v, str)]
    return any(t is not None and any(c < " " and c not in "\t\n" for c in t) for t in texts)


@settings(max_examples=40)
@given(networks(max_people=6))
def test_round_trip_of_any_network(network: SupportNetwork) -> None:
    assume(not xml_trouble(network))
    if mixed_types(network):
        with pytest.raises(DocumentError, match="different types"):
            to_graphml(network)
    else:
        assert from_graphml(to_graphml(network)) == without_null_attributes(network)


def mixed_types(network: SupportNetwork) -> bool:
    kinds: dict[str, set[type]] = {}
    groups = [("attr.", network.ego.attributes), *(("attr.", p.attributes) for p in network.people)]
    groups += [("rel.", r.attributes) for r in network.relationships]
    groups += [("tie.", t.attributes) for t in network.ties]
    for prefix, attributes in groups:
        for key, value in attributes.items():
            if value is not None:
                kinds.setdefault(prefix + key, set()).add(type(value))
    return any(len(t) > 1 and t != {int, float} for t in kinds.values())


def test_mixed_attribute_types() -> None:
    ints_and_floats = net(
        rel("a", attributes=Attributes({"x": 1})), rel("b", attributes=Attributes({"x": 2.5}))
    )
    back = from_graphml(to_graphml(ints_and_floats))
    assert back == ints_and_floats
    mixed = net(
        rel("a", attributes=Attributes({"x": 1})), rel("b", attributes=Attributes({"x": "one"}))
    )
    with pytest.raises(DocumentError) as caught:
        to_graphml(mixed)
    assert [p.location for p in caught.value.problems] == ["rel.x"]


def test_control_characters_are_refused_by_place() -> None:
    network = net(rel("a")).with_person(Person(id="b", name="Bo\x1bSecret"), rel("b"))
    with pytest.raises(DocumentError) as caught:
        to_graphml(network)
    assert [p.location for p in caught.value.problems] == ["people[1].name"]
    assert "Secret" not in str(caught.value)


def test_written_graphml_is_flat_and_readable_by_networkx() -> None:
    network = net(rel("a", supports=["peer"], attributes=Attributes({"years": 3}))).with_person(
        Person(id="b", name="Bo", attributes=Attributes({"age_group": "18-25"})), rel("b")
    )
    graph = nx.parse_graphml(to_graphml(network))
    assert graph.graph["ego"] == "ego"
    assert graph.nodes["b"] == {"kind": "alter", "name": "Bo", "attr.age_group": "18-25"}
    edge = graph.edges["ego", "a"]
    assert edge["peer"] is True
    assert edge["emotional"] is False
    assert edge["rel.years"] == 3
    assert edge["category"] == "friend"


def test_graph_from_another_tool_without_kinds() -> None:
    graph = nx.Graph(ego="me")
    graph.add_edge("me", "a", role="friend", closeness="inner", emotional=True)
    graph.add_edge("me", "b", role="sibling", closeness="middle")
    graph.add_edge("a", "b")
    network = from_graphml("\n".join(nx.generate_graphml(graph)))
    assert network.ties == (("a", "b"),)
    assert network.relationship("a").supports == ("emotional",)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">
<node id="&lol2;"/></graph></graphml>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">
<node id="&secret;"/></graph></graphml>"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_unsafe_xml_is_refused(text: str) -> None:
    with pytest.raises(DocumentError, match="DTD or entities, which are refused"):
        from_graphml(text, source_name="upload.graphml")


def test_malformed_xml() -> None:
    with pytest.raises(DocumentError, match="not well-formed XML") as caught:
        from_graphml("<graphml><graph>", source_name="bad.graphml")
    assert caught.value.source == "bad.graphml"


def test_bad_network_in_graphml_names_the_place() -> None:
    graph = nx.Graph(ego="me")
    graph.add_edge("me", "a", role="pal", closeness="inner")
    with pytest.raises(DocumentError) as caught:
        from_graphml("\n".join(nx.generate_graphml(graph)), source_name="x.graphml")
    assert caught.value.problems[0].location == "relationships[0].role"
    assert caught.value.source == "x.graphml"


def test_missing_defusedxml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "defusedxml", None)
    monkeypatch.setitem(sys.modules, "defusedxml.ElementTree", None)
    with pytest.raises(MissingExtraError, match="graphml"):
        from_graphml(to_graphml(net()))
