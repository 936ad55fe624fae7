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

from grace_support._input import DEFAULT_MAX_BYTES, guarded, too_large
from grace_support._xml import safe_xml_root
from grace_support.errors import DocumentError, Problem
from grace_support.graph import from_networkx, to_networkx
from grace_support.network import SCHEMA_VERSION

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


@guarded()
def from_graphml(
    source: str | bytes,
    *,
    source_name: str | None = None,
    ego: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SupportNetwork:
    """A validated network from GraphML written by `to_graphml` (or shaped like it).

    The graph must be undirected, with each node and each edge once, no nested
    graphs (yEd groups) and no hyperedges; a ``schema_version`` on the graph must be
    one this release reads.

    Args:
        source: The GraphML text or bytes.
        source_name: A name for the source in error messages (e.g. the file name).
        ego: The ego's node id, for files that do not name it in the graph's ``ego``
            attribute (as files from other tools do not).
        max_bytes: The largest input accepted (64 MiB by default).

    Raises:
        MissingExtraError: defusedxml is not installed.
        InputError: The input is larger than ``max_bytes`` (a kind of DocumentError).
        DocumentError: The XML is unsafe (a DTD or entities) or malformed, is not
            GraphML of the shape above, is a Network Canvas export (the message
            points to ``importers.read_network_canvas_graphml``), the ego is not
            found, or the network it describes breaks a rule of the document. No
            other exception escapes, and none quotes a value.
        TypeError: ``source`` is neither text nor bytes.

    Examples:
        >>> import networkx as nx
        >>> other_tool = "".join(nx.generate_graphml(nx.Graph([("me", "a"), ("me", "b")])))
        >>> from_graphml(other_tool, ego="me")
        SupportNetwork(ego='me', people=2, ties=0)
    """
    if not isinstance(source, str | bytes):
        raise TypeError("from_graphml() takes GraphML as str or bytes")
    name = source_name or "GraphML"
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    if len(data) > max_bytes:
        raise too_large(max_bytes, source=name)
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
    _check_shape(root, name)
    problem = None
    try:
        graph = nx.parse_graphml(data, force_multigraph=False)
    except Exception:  # networkx raises many kinds, and they quote values
        problem = (
            "is not GraphML this reader understands (a value may not match the type its "
            "key declares, or a key is missing)"
        )
    if problem is not None:
        raise DocumentError([Problem("(graphml)", problem)], source=name)
    return _network(graph, name, ego)


_NS = "{http://graphml.graphdrawing.org/xmlns}"


def _check_shape(root: Any, name: str) -> None:
    """Refuse what would be merged or dropped silently: repeats, groups, hyperedges."""
    problems: list[Problem] = []
    graphs = [el for el in root.iter() if _local(el.tag) == "graph"]
    if len(graphs) != 1:
        what = "has no graph" if not graphs else "has nested graphs (groups), which are refused"
        problems.append(Problem("(graphml)", what))
    elif graphs[0].get("edgedefault", "directed") != "undirected" or any(
        el.get("directed") == "true" for el in root.iter() if _local(el.tag) == "edge"
    ):
        problems.append(Problem("(graphml)", 'must be undirected (edgedefault="undirected")'))
    if any(_local(el.tag) == "hyperedge" for el in root.iter()):
        problems.append(Problem("(graphml)", "has hyperedges, which a network cannot hold"))
    nodes: set[str | None] = set()
    edges: set[frozenset[str | None]] = set()
    node_number = edge_number = 0
    for el in root.iter():
        tag = _local(el.tag)
        if tag == "node":
            node_id = el.get("id")
            if node_id in nodes:
                problems.append(Problem(f"node {node_number + 1}", "repeats the id of a node"))
            nodes.add(node_id)
            node_number += 1
        elif tag == "edge":
            pair = frozenset((el.get("source"), el.get("target")))
            if pair in edges:
                problems.append(Problem(f"edge {edge_number + 1}", "repeats an edge"))
            edges.add(pair)
            edge_number += 1
    if problems:
        raise DocumentError(problems, source=name)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _check_version(graph: Any, name: str) -> None:
    version = graph.graph.get("schema_version")
    if version is not None and str(version) not in {"1", str(SCHEMA_VERSION)}:
        raise DocumentError(
            [
                Problem(
                    "(graph).schema_version",
                    "this release of grace-support reads schema_version 1 to "
                    f"{SCHEMA_VERSION} only",
                )
            ],
            source=name,
        )


def _network(graph: Any, name: str, ego: str | None) -> SupportNetwork:
    _check_version(graph, name)
    problems: tuple[Problem, ...]
    try:
        return from_networkx(graph, ego=ego)
    except DocumentError as error:
        problems = error.problems
    except Exception:  # e.g. a value of an unexpected type; never quoted
        problems = (Problem("(graphml)", "has values of a type this reader does not expect"),)
    raise DocumentError(problems, source=name)


_NC_NAMESPACE = "http://schema.networkcanvas.com/xmlns"


def _is_network_canvas(root: Any) -> bool:
    """Whether the XML is a Network Canvas export (its namespace or its fixed keys)."""
    for element in root.iter():
        if any(str(name).startswith(f"{{{_NC_NAMESPACE}}}") for name in element.attrib):
            return True
        if str(element.tag).endswith("}key") and element.get("attr.name") == "networkCanvasUUID":
            return True
    return False
