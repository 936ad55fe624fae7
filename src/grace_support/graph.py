"""The networkx view of a support network, and the way back.

The [`SupportNetwork`][grace_support.SupportNetwork] model is the one source of
truth; a graph is derived from it on demand, and every call returns a fresh graph
that the caller owns. This module imports networkx, which is slow to import, so
``import grace_support`` does not import it.

The graph is undirected. By default (the *nested* form) it keeps Python values:

- ``graph.graph`` holds ``ego`` (the ego's id), ``needs`` (a tuple),
  ``schema_version``, and ``collected_on`` (a date) when set;
- each node is a person id; a node has a ``name`` attribute when the person has one,
  and an ``attributes`` dict when the person has study variables;
- each ego-person edge carries the relationship: ``kind="relationship"``,
  ``supports`` and ``gives`` (tuples), ``strain``; ``role``, ``category`` and
  ``closeness`` when known; ``contact``, ``last_contact`` and ``attributes`` (a
  dict) when set;
- each person-person edge is a tie: ``kind="tie"``, ``weight`` (a float), and
  ``attributes`` (a dict) when the tie has any.

With ``flat=True`` every graph, node and edge attribute is a plain scalar (text, a
number or a boolean), so networkx's own ``write_graphml`` and ``write_gexf`` can
write it:

- graph: ``ego``, ``schema_version``, ``needs`` (the types, comma-separated, in
  declared order; empty text when none), ``collected_on`` (``YYYY-MM-DD``) when set;
- nodes: ``kind`` (``ego`` or ``alter``), ``name`` when known, and each attribute
  as ``attr.<name>``;
- ego-person edges: ``kind``, ``role``, ``category`` and ``closeness`` when known,
  one boolean per support type the person gives (``supports_emotional``, ...) and
  per type the ego gives them (``gives_emotional``, ...), ``contact`` and
  ``last_contact`` (``YYYY-MM-DD``) when set, ``strain``, and each attribute as
  ``rel.<name>``;
- ties: ``kind``, ``weight``, and each attribute as ``tie.<name>``.

Scalars cannot be null, so attributes whose value is null are left out of the
flat form. [`from_networkx`][grace_support.graph.from_networkx] reads either form.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

import networkx as nx

from grace_support.errors import DocumentError, Problem, validated
from grace_support.network import SupportNetwork
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Mapping

    from grace_support.network import Person, Relationship, Tie

__all__ = ["FLAT_PREFIXES", "from_networkx", "to_networkx"]

RELATIONSHIP_KEYS = (
    "role", "supports", "gives", "closeness", "contact", "last_contact", "strain",
)  # fmt: skip
"""The relationship fields an ego-person edge carries (besides ``attributes``)."""

FLAT_PREFIXES = {"person": "attr.", "relationship": "rel.", "tie": "tie."}
"""The prefix of attribute names in the flat form, for people, relationships and ties."""

_TYPES = [t.value for t in SupportType]
_LISTS = ("supports", "gives")


def to_networkx(network: SupportNetwork, *, flat: bool = False) -> nx.Graph:
    """Build a fresh undirected graph of the ego, the people and their ties.

    Args:
        network: The support network.
        flat: Give only scalar attributes (see the module docs), so that
            ``nx.write_graphml`` and ``nx.write_gexf`` can write the graph.

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
        >>> flat = to_networkx(net, flat=True)
        >>> flat.edges["sam", "jo"]["supports_emotional"], flat.edges["al", "jo"]["weight"]
        (True, 1.0)
    """
    if flat:
        return _flat_graph(network)
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


def _flat_graph(network: SupportNetwork) -> nx.Graph:
    graph = nx.Graph(
        ego=network.ego.id,
        schema_version=network.schema_version,
        needs=",".join(network.needs),
    )
    if network.collected_on is not None:
        graph.graph["collected_on"] = network.collected_on.isoformat()
    for person in (network.ego, *network.people):
        data: dict[str, Any] = {"kind": "ego" if person.id == network.ego.id else "alter"}
        if person.name is not None:
            data["name"] = person.name
        graph.add_node(person.id, **data, **_flat_attributes(person.attributes, "attr."))
    for relationship in network.relationships:
        graph.add_edge(network.ego.id, relationship.person, **_flat_relationship(relationship))
    for tie in network.ties:
        graph.add_edge(tie[0], tie[1], **_flat_tie(tie))
    return graph


def _flat_relationship(relationship: Relationship) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": "relationship"}
    for key in ("role", "category", "closeness"):
        value = getattr(relationship, key)
        if value is not None:
            data[key] = value.value
    data |= {f"supports_{t}": t in relationship.supports for t in _TYPES}
    data |= {f"gives_{t}": t in relationship.gives for t in _TYPES}
    if relationship.contact is not None:
        data["contact"] = relationship.contact.value
    if relationship.last_contact is not None:
        data["last_contact"] = relationship.last_contact.isoformat()
    data["strain"] = relationship.strain.value
    return data | _flat_attributes(relationship.attributes, "rel.")


def _flat_tie(tie: Tie) -> dict[str, Any]:
    return {"kind": "tie", "weight": tie.weight} | _flat_attributes(tie.attributes, "tie.")


def _flat_attributes(attributes: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {f"{prefix}{k}": v for k, v in attributes.items() if v is not None}


def from_networkx(graph: nx.Graph, *, ego: str | None = None) -> SupportNetwork:
    """Read a support network from an undirected graph shaped like `to_networkx`'s.

    Every node other than the ego is a person; every edge at the ego is the
    relationship to that person; every other edge is a tie. Both forms of
    `to_networkx` are read, also mixed: a relationship's support types come from
    ``supports`` (a list), else from ``supports_<type>`` booleans (or bare
    ``<type>`` booleans, as older GraphML files have them); the types the ego gives
    from ``gives`` or ``gives_<type>``; attributes from an ``attributes`` dict
    and from the prefixed names (``attr.``, ``rel.``, ``tie.``). Other attributes,
    such as ``kind`` and ``category``, are ignored.

    Args:
        graph: An undirected ``networkx.Graph`` with string node ids.
        ego: The ego's node; defaults to ``graph.graph["ego"]``.

    Returns:
        The validated network.

    Raises:
        DocumentError: The graph is directed or a multigraph, the ego is unknown, a
            support flag is not true or false, or the network it describes breaks a
            rule (the problem names the place in the equivalent document, e.g.
            ``relationships[1].role``).

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", role="sibling", closeness="inner"))])
        >>> from_networkx(to_networkx(net)) == net == from_networkx(to_networkx(net, flat=True))
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
    problems: list[Problem] = []
    relationships = []
    for i, (other, data) in enumerate(graph.adj[ego_id].items()):
        relationships.append(_relationship_document(other, data, f"relationships[{i}]", problems))
    ties = []
    for a, b, data in graph.edges(data=True):
        if ego_id not in (a, b):
            ties.append(_tie_document(a, b, data))
    if problems:
        raise DocumentError(problems, source=source)
    document: dict[str, Any] = {
        "ego": _person_document(ego_id, graph.nodes[ego_id]),
        "people": [
            _person_document(node, data) for node, data in graph.nodes(data=True) if node != ego_id
        ],
        "relationships": relationships,
        "ties": ties,
    }
    needs = graph.graph.get("needs")
    if isinstance(needs, str):
        document["needs"] = [t.strip() for t in needs.split(",") if t.strip()]
    elif needs is not None:
        document["needs"] = list(needs)
    collected_on = graph.graph.get("collected_on")
    if collected_on is not None:
        document["collected_on"] = collected_on
    return validated(SupportNetwork.model_validate, document, source=source)


def _attributes(data: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    nested = data.get("attributes")
    found = dict(nested) if isinstance(nested, dict) else {}
    found |= {k.removeprefix(prefix): v for k, v in data.items() if k.startswith(prefix)}
    return found


def _flag(value: Any) -> bool | None:
    """A support flag: True/False (or 1/0 as some tools write them); None for anything else."""
    if value is True or value is False:
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    return None


def _types(data: Mapping[str, Any], field: str, where: str, problems: list[Problem]) -> Any:
    if data.get(field) is not None:
        value = data[field]
        return [str(t) for t in value] if isinstance(value, list | tuple) else value
    chosen = []
    for t in _TYPES:
        for key in (f"{field}_{t}", t) if field == "supports" else (f"{field}_{t}",):
            if key in data:
                flag = _flag(data[key])
                if flag is None:
                    problems.append(Problem(where, f"{key} must be true or false"))
                elif flag:
                    chosen.append(t)
                break
    return chosen


def _relationship_document(
    other: Any, data: Mapping[str, Any], where: str, problems: list[Problem]
) -> dict[str, Any]:
    document: dict[str, Any] = {"person": other}
    for key in RELATIONSHIP_KEYS:
        if key in _LISTS:
            document[key] = _types(data, key, where, problems)
        elif data.get(key) is not None:
            value = data[key]
            document[key] = value.value if isinstance(value, StrEnum) else value
    if attributes := _attributes(data, "rel."):
        document["attributes"] = attributes
    return document


def _tie_document(a: Any, b: Any, data: Mapping[str, Any]) -> Any:
    weight = data.get("weight", 1.0)
    attributes = _attributes(data, "tie.")
    if weight == 1 and not isinstance(weight, bool) and not attributes:
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


def _person_document(node: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = {"id": node}
    if data.get("name") is not None:
        document["name"] = data["name"]
    if attributes := _attributes(data, "attr."):
        document["attributes"] = attributes
    return document
