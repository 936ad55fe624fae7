"""GraphML export and import of support networks, for Gephi, Cytoscape and yEd.

GraphML holds only plain values, so the graph of
[`to_networkx`][grace_support.graph.to_networkx] is flattened:

- graph: ``ego``, ``needs`` (comma-separated), ``schema_version``, and
  ``collected_on`` (``YYYY-MM-DD``) when set;
- nodes: ``kind`` (``ego`` or ``alter``), ``name`` when known, and each attribute
  as ``attr.<name>``;
- ego-alter edges: ``kind="relationship"``, ``role`` and ``category`` and
  ``closeness`` when known, one boolean per support type the person gives
  (``emotional``, ...) and one per type the ego gives them (``gives_emotional``,
  ...), ``contact``, ``last_contact`` (``YYYY-MM-DD``), ``strain``, and each
  attribute as ``rel.<name>``;
- alter-alter edges: ``kind="tie"``, ``weight``, and each tie attribute as
  ``tie.<name>``.

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
from datetime import date
from typing import TYPE_CHECKING, Any

import networkx as nx

from grace_support._xml import safe_xml_root
from grace_support.errors import DocumentError, Problem
from grace_support.graph import RELATIONSHIP_KEYS, from_networkx, to_networkx
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = ["from_graphml", "to_graphml"]

_TYPES = [t.value for t in SupportType]
_LISTS = ("supports", "gives")


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

    def flat(data: dict[str, Any], prefix: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == "attributes":
                out |= {
                    f"{prefix}{k}": float(v) if f"{prefix}{k}" in widen else v
                    for k, v in value.items()
                    if v is not None
                }
            elif key == "supports":
                out |= {t: t in value for t in _TYPES}
            elif key == "gives":
                out |= {f"gives_{t}": t in value for t in _TYPES}
            elif isinstance(value, date):
                out[key] = value.isoformat()
            else:
                out[key] = str(value) if isinstance(value, str) else value  # enums to plain text
        return out

    graph = to_networkx(network)
    ego = network.ego.id
    out = nx.Graph(ego=ego, needs=",".join(network.needs), schema_version=network.schema_version)
    if network.collected_on is not None:
        out.graph["collected_on"] = network.collected_on.isoformat()
    for node, data in graph.nodes(data=True):
        out.add_node(node, kind="ego" if node == ego else "alter", **flat(data, "attr."))
    for a, b, data in graph.edges(data=True):
        out.add_edge(a, b, **flat(data, "tie." if data["kind"] == "tie" else "rel."))
    return "\n".join(nx.generate_graphml(out, named_key_ids=True)) + "\n"


def from_graphml(source: str | bytes, *, source_name: str | None = None) -> SupportNetwork:
    """A validated network from GraphML written by `to_graphml` (or shaped like it).

    Args:
        source: The GraphML text or bytes.
        source_name: A name for the source in error messages (e.g. the file name).

    Raises:
        MissingExtraError: defusedxml is not installed.
        DocumentError: The XML is unsafe (a DTD or entities) or malformed, is a
            Network Canvas export (the message points to
            ``importers.read_network_canvas_graphml``), or the network it describes
            breaks a rule of the document.
    """
    data = source.encode("utf-8") if isinstance(source, str) else source
    name = source_name or "GraphML"
    root = safe_xml_root(data, source=name, feature="from_graphml()")
    if _is_network_canvas(root):
        raise DocumentError(
            [
                Problem(
                    "(document)",
                    "is a Network Canvas export, not a support network; read it with"
                    " grace_support.importers.read_network_canvas_graphml and a"
                    " NetworkCanvasMapping",
                )
            ],
            source=name,
        )
    graph = nx.parse_graphml(data, force_multigraph=False)
    if graph.is_directed():
        graph = nx.Graph(graph)
    return _unflatten(graph, name)


_NC_NAMESPACE = "http://schema.networkcanvas.com/xmlns"


def _is_network_canvas(root: Any) -> bool:
    """Whether the XML is a Network Canvas export (its namespace or its fixed keys)."""
    for element in root.iter():
        if any(str(name).startswith(f"{{{_NC_NAMESPACE}}}") for name in element.attrib):
            return True
        if str(element.tag).endswith("}key") and element.get("attr.name") == "networkCanvasUUID":
            return True
    return False


def _unflatten(graph: Any, name: str) -> SupportNetwork:
    plain = nx.Graph(ego=graph.graph.get("ego"), schema_version=graph.graph.get("schema_version"))
    if graph.graph.get("needs") is not None:
        needs = str(graph.graph["needs"])
        plain.graph["needs"] = [t for t in needs.split(",") if t]
    if graph.graph.get("collected_on") is not None:
        plain.graph["collected_on"] = graph.graph["collected_on"]
    for node, data in graph.nodes(data=True):
        attrs = {k.removeprefix("attr."): v for k, v in data.items() if k.startswith("attr.")}
        plain.add_node(
            node,
            **({"name": data["name"]} if "name" in data else {}),
            **({"attributes": attrs} if attrs else {}),
        )
    ego = graph.graph.get("ego")
    for a, b, data in graph.edges(data=True):
        if ego not in (a, b):  # between two alters: a tie
            tie: dict[str, Any] = {"weight": data["weight"]} if "weight" in data else {}
            tie_attrs = {k.removeprefix("tie."): v for k, v in data.items() if k.startswith("tie.")}
            if tie_attrs:
                tie["attributes"] = tie_attrs
            plain.add_edge(a, b, **tie)
            continue
        edge = {k: data[k] for k in RELATIONSHIP_KEYS if k in data and k not in _LISTS}
        edge["supports"] = [t for t in _TYPES if data.get(t)]
        edge["gives"] = [t for t in _TYPES if data.get(f"gives_{t}")]
        attrs = {k.removeprefix("rel."): v for k, v in data.items() if k.startswith("rel.")}
        if attrs:
            edge["attributes"] = attrs
        plain.add_edge(a, b, **edge)
    try:
        return from_networkx(plain)
    except DocumentError as error:
        raise DocumentError(error.problems, source=name) from None
