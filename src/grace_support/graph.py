"""The networkx view of a support network, and the way back.

The [`SupportNetwork`][grace_support.SupportNetwork] model is the one source of
truth; a graph is derived from it on demand, and every call returns a fresh graph
that the caller owns. This module imports networkx, which is slow to import, so
``import grace_support`` does not import it.

The graph is undirected:

- ``graph.graph`` holds ``ego`` (the ego's id), ``needs`` and ``schema_version``;
- each node is a person id; a node has a ``name`` attribute when the person has one,
  and an ``attributes`` dict when the person has study variables;
- each ego-person edge carries the relationship: ``kind="relationship"``, ``role``,
  ``category``, ``supports`` (a tuple), ``closeness``, ``strain``, and ``contact``
  and ``last_contact`` and ``attributes`` (a dict) when set;
- each person-person edge is a tie: ``kind="tie"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, Problem

if TYPE_CHECKING:
    from grace_support.network import Person, SupportNetwork

__all__ = ["from_networkx", "to_networkx"]

RELATIONSHIP_KEYS = (
    "role", "supports", "gives", "closeness", "contact", "last_contact", "strain",
)  # fmt: skip
"""The relationship fields an ego-person edge carries (besides ``attributes``)."""


def to_networkx(network: SupportNetwork) -> nx.Graph:
    """Build a fresh undirected graph of the ego, the people and their ties.

    Args:
        network: The support network.

    Returns:
        A new ``networkx.Graph``; changing it never changes the network.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", role="sibling", supports=["emotional"],
        ...                         closeness="inner")),
        ...     ("al", Relationship(person="al", role="friend", closeness="outer")),
        ... ], ties=[("jo", "al")])
        >>> graph = to_networkx(net)
        >>> sorted(sorted(edge) for edge in graph.edges())
        [['al', 'jo'], ['al', 'sam'], ['jo', 'sam']]
        >>> graph.edges["sam", "jo"]["supports"]
        (<SupportType.EMOTIONAL: 'emotional'>,)
    """
    graph = nx.Graph(ego=network.ego.id, needs=network.needs, schema_version=network.schema_version)
    if network.collected_on is not None:
        graph.graph["collected_on"] = network.collected_on
    for person in (network.ego, *network.people):
        graph.add_node(person.id, **_person_data(person))
    for relationship in network.relationships:
        attributes: dict[str, Any] = {"kind": "relationship"}
        if relationship.category is not None:
            attributes["category"] = relationship.category
        for key in RELATIONSHIP_KEYS:
            value = getattr(relationship, key)
            if value is not None:
                attributes[key] = value
        if relationship.attributes:
            attributes["attributes"] = relationship.attributes.to_dict()
        graph.add_edge(network.ego.id, relationship.person, **attributes)
    for tie in network.ties:
        data: dict[str, Any] = {"kind": "tie", "weight": tie.weight}
        if tie.attributes:
            data["attributes"] = tie.attributes.to_dict()
        graph.add_edge(tie[0], tie[1], **data)
    return graph


def from_networkx(graph: nx.Graph, *, ego: str | None = None) -> SupportNetwork:
    """Read a support network from an undirected graph shaped like `to_networkx`'s.

    Every node other than the ego is a person; every edge at the ego is the
    relationship to that person (its attributes as in `to_networkx`; others are
    ignored); every other edge is a tie.

    Args:
        graph: An undirected ``networkx.Graph`` with string node ids.
        ego: The ego's node; defaults to ``graph.graph["ego"]``.

    Returns:
        The validated network.

    Raises:
        DocumentError: The graph is directed or a multigraph, the ego is unknown, or
            the network it describes breaks a rule (the problem names the place in
            the equivalent document, e.g. ``relationships[1].role``).

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", role="sibling", closeness="inner"))])
        >>> from_networkx(to_networkx(net)) == net
        True
    """
    source = "networkx graph"
    if graph.is_directed() or graph.is_multigraph():
        raise DocumentError(
            [Problem("(graph)", "must be an undirected nx.Graph (not directed, not a multigraph)")],
            source=source,
        )
    ego_id = ego if ego is not None else graph.graph.get("ego")
    if ego_id is None or ego_id not in graph:
        raise DocumentError(
            [
                Problem(
                    "(graph)", "the ego node is not in the graph; pass ego=... or set graph['ego']"
                )
            ],
            source=source,
        )
    document: dict[str, Any] = {
        "ego": _person_document(ego_id, graph.nodes[ego_id]),
        "people": [
            _person_document(node, data) for node, data in graph.nodes(data=True) if node != ego_id
        ],
        "relationships": [
            {"person": other}
            | {k: data[k] for k in (*RELATIONSHIP_KEYS, "attributes") if data.get(k) is not None}
            for other, data in graph.adj[ego_id].items()
        ],
        "ties": [
            _tie_document(a, b, data)
            for a, b, data in graph.edges(data=True)
            if ego_id not in (a, b)
        ],
    }
    if "needs" in graph.graph:
        document["needs"] = list(graph.graph["needs"])
    if graph.graph.get("collected_on") is not None:
        document["collected_on"] = graph.graph["collected_on"]
    return network_from_data(document, source=source)


def _tie_document(a: Any, b: Any, data: dict[str, Any]) -> Any:
    weight, attributes = data.get("weight", 1.0), data.get("attributes")
    if weight == 1 and not attributes:
        return [a, b]
    document: dict[str, Any] = {"between": [a, b], "weight": weight}
    if attributes:
        document["attributes"] = attributes
    return document


def _person_data(person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if person.name is not None:
        data["name"] = person.name
    if person.attributes:
        data["attributes"] = person.attributes.to_dict()
    return data


def _person_document(node: Any, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": node} | {k: data[k] for k in ("name", "attributes") if data.get(k) is not None}
