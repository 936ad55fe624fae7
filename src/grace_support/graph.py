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
    graph.graph |= _recorded_fields(network, flat=False)
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
    graph.graph |= _recorded_fields(network, flat=True)
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
    # A field that was not recorded is left out (its flags too), as in the document.
    if relationship.supports is not None:
        data |= {f"supports_{t}": t in relationship.supports for t in _TYPES}
    if relationship.gives is not None:
        data |= {f"gives_{t}": t in relationship.gives for t in _TYPES}
    if relationship.contact is not None:
        data["contact"] = relationship.contact.value
    if relationship.last_contact is not None:
        data["last_contact"] = relationship.last_contact.isoformat()
    if relationship.strain is not None:
        data["strain"] = relationship.strain.value
    return data | _flat_attributes(relationship.attributes, "rel.")


_ASKED_TYPES = ("support_types_asked", "gives_types_asked")


def _recorded_fields(network: SupportNetwork, *, flat: bool) -> dict[str, Any]:
    """The optional network fields that are set (lists comma-joined when ``flat``)."""
    data: dict[str, Any] = {}
    for key in _ASKED_TYPES:
        value = getattr(network, key)
        if value != tuple(SupportType):
            data[key] = ",".join(value) if flat else value
    if network.ties_asked is not None:
        data["ties_asked"] = ",".join(network.ties_asked) if flat else network.ties_asked
    if network.generator is not None:
        data["generator"] = network.generator
    if network.max_names is not None:
        data["max_names"] = network.max_names
    return data


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
    document |= _network_fields(graph.graph)
    return validated(SupportNetwork.model_validate, document, source=source)


def _network_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The network-level fields a graph carries (lists may be comma-joined text)."""
    document: dict[str, Any] = {}
    version = data.get("schema_version")
    if version in (1, 2, 3) and not isinstance(version, bool):
        # A version-3 graph: a relationship without a field did not record it.
        document["schema_version"] = version
    for key in ("needs", *_ASKED_TYPES, "ties_asked"):
        value = data.get(key)
        if isinstance(value, str):
            document[key] = [t.strip() for t in value.split(",") if t.strip()]
        elif value is not None:
            document[key] = list(value)
    for key in ("generator", "max_names", "collected_on"):
        if data.get(key) is not None:
            document[key] = data[key]
    return document


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
    flagged = False
    for t in _TYPES:
        for key in (f"{field}_{t}", t) if field == "supports" else (f"{field}_{t}",):
            if key in data:
                flagged = True
                flag = _flag(data[key])
                if flag is None:
                    problems.append(Problem(where, f"{key} must be true or false"))
                elif flag:
                    chosen.append(t)
                break
    # No list and no flag at all: not recorded (None) in a version-3 graph, and the
    # old meaning, none, otherwise (see `from_networkx`).
    return chosen if flagged else None


def _relationship_document(
    other: Any, data: Mapping[str, Any], where: str, problems: list[Problem]
) -> dict[str, Any]:
    document: dict[str, Any] = {"person": other}
    for key in RELATIONSHIP_KEYS:
        if key in _LISTS:
            found = _types(data, key, where, problems)
            if found is not None:
                document[key] = found
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
