"""GraphML export and import of support networks, for Gephi, Cytoscape and yEd.

GraphML holds only plain values, so the graph written is the flat form of
[`to_networkx`][grace_support.graph.to_networkx] (``to_networkx(network,
flat=True)``):

- graph: ``ego``, ``needs`` (comma-separated), ``schema_version``, and
  ``collected_on`` (``YYYY-MM-DD``) when set;
- nodes: ``kind`` (``ego`` or ``alter``), ``name`` when known, and each attribute
  as ``attr.<name>``;
- ego-alter edges: ``kind="relationship"``, ``role``, ``category`` and
  ``closeness`` when known, one boolean per support type the person gives
  (``supports_emotional``, ...) and one per type the ego gives them
  (``gives_emotional``, ...), ``contact``, ``last_contact`` (``YYYY-MM-DD``),
  ``strain``, and each attribute as ``rel.<name>``;
- alter-alter edges: ``kind="tie"``, ``weight``, and each tie attribute as
  ``tie.<name>``.

Files written by earlier releases, with bare support-type booleans (``emotional``,
...) on relationship edges, are still read.

Reading needs the ``graphml`` extra (defusedxml): a file with a DTD or entities is
refused before any XML parser expands anything. XML itself sets three limits: null
attribute values cannot be written (GraphML has no null), so they are left out;
control characters cannot be written at all, so `to_graphml` refuses text that has
them; and XML parsers read a carriage return as a line feed. GraphML also gives
each attribute one type for the whole file: whole numbers next to fractions are
written as fractions (equal values), other mixes are refused by name.

Examples:
    >>> from grace_support.demo import example_network
    >>> text = to_graphml(example_network())
    >>> from_graphml(text) == example_network()
    True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import networkx as nx

from grace_support._xml import safe_xml_root
from grace_support.errors import DocumentError, Problem
from grace_support.graph import from_networkx, to_networkx

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = ["from_graphml", "to_graphml"]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_for_graphml(network: SupportNetwork) -> set[str]:
    """Refuse what GraphML cannot hold; return the attribute keys to write as floats.

    XML cannot hold control characters, and GraphML gives each attribute key one
    type across the whole file: whole numbers next to fractions are widened to
    floats (equal values), any other mix of types is refused.
    """
    problems: list[Problem] = []
    texts: list[tuple[str, object]] = [("ego.name", network.ego.name)]
    kinds: dict[str, set[str]] = {}
    places: list[tuple[str, str, dict[str, object]]] = [
        ("ego.attributes", "attr.", dict(network.ego.attributes))
    ]
    for i, person in enumerate(network.people):
        texts.append((f"people[{i}].name", person.name))
        places.append((f"people[{i}].attributes", "attr.", dict(person.attributes)))
    for i, rel in enumerate(network.relationships):
        places.append((f"relationships[{i}].attributes", "rel.", dict(rel.attributes)))
    for i, tie in enumerate(network.ties):
        places.append((f"ties[{i}].attributes", "tie.", dict(tie.attributes)))
    for where, prefix, attributes in places:
        for key, value in attributes.items():
            texts.append((f"{where}.{key}", value))
            if value is not None:
                kinds.setdefault(prefix + key, set()).add(type(value).__name__)
    problems += [
        Problem(where, "has a control character, which XML cannot hold")
        for where, value in texts
        if isinstance(value, str) and _NOT_XML.search(value)
    ]
    problems += [
        Problem(key, "has values of different types; GraphML gives an attribute one type")
        for key, types in kinds.items()
        if len(types) > 1 and types != {"int", "float"}
    ]
    if problems:
        raise DocumentError(problems, source="GraphML export")
    return {key for key, types in kinds.items() if types == {"int", "float"}}


def to_graphml(network: SupportNetwork) -> str:
    """The network as GraphML text (UTF-8 XML), flattened as the module docs describe.

    Raises:
        DocumentError: A name or attribute has a control character XML cannot hold,
            or an attribute has values of different types (each problem names the
            place, never the value).
    """
    widen = _check_for_graphml(network)
    graph = to_networkx(network, flat=True)
    if widen:
        for _, data in graph.nodes(data=True):
            _widen(data, widen)
        for _, _, data in graph.edges(data=True):
            _widen(data, widen)
    return "\n".join(nx.generate_graphml(graph, named_key_ids=True)) + "\n"


def _widen(data: dict[str, Any], keys: set[str]) -> None:
    for key in keys & data.keys():
        data[key] = float(data[key])


def from_graphml(
    source: str | bytes, *, source_name: str | None = None, ego: str | None = None
) -> SupportNetwork:
    """A validated network from GraphML written by `to_graphml` (or shaped like it).

    Args:
        source: The GraphML text or bytes.
        source_name: A name for the source in error messages (e.g. the file name).
        ego: The ego's node id, for files that do not name it in the graph's ``ego``
            attribute (as files from other tools do not).

    Raises:
        MissingExtraError: defusedxml is not installed.
        DocumentError: The XML is unsafe (a DTD or entities) or malformed, the ego
            is not found, or the network it describes breaks a rule of the document.

    Examples:
        >>> import networkx as nx
        >>> other_tool = "".join(nx.generate_graphml(nx.Graph([("me", "a"), ("me", "b")])))
        >>> from_graphml(other_tool, ego="me")
        SupportNetwork(ego='me', people=2, ties=0)
    """
    data = source.encode("utf-8") if isinstance(source, str) else source
    name = source_name or "GraphML"
    safe_xml_root(data, source=name, feature="from_graphml()")
    graph = nx.parse_graphml(data, force_multigraph=False)
    if graph.is_directed():
        graph = nx.Graph(graph)
    try:
        return from_networkx(graph, ego=ego)
    except DocumentError as error:
        raise DocumentError(error.problems, source=name) from None
