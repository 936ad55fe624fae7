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
refused before any XML parser expands anything. Directed GraphML (as Gephi and
other tools often write it) is read as undirected ties: a one-way edge is a tie,
and a reciprocal pair (``a -> b`` and ``b -> a``) becomes one tie whose weight is
the larger of the two (the first edge's other values are kept, and the second's
fill any it lacks); how many pairs were merged is reported (a
[`DroppedDataWarning`][grace_support.importers.DroppedDataWarning] from
`from_graphml`, a ``dropped`` line from ``grace-support import graphml``).

XML itself sets three limits: null attribute values cannot be written (GraphML
has no null), so they are left out; control characters cannot be written at all,
so `to_graphml` refuses text that has them; and XML parsers read a carriage
return as a line feed. GraphML also gives each attribute one type for the whole
file: whole numbers next to fractions are written as fractions (equal values),
other mixes are refused by name.

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

    Each node and each edge must be there once, with no nested graphs (yEd groups)
    and no hyperedges; a ``schema_version`` on the graph must be one this release
    reads. A directed graph is read as undirected ties (see the module docs); when
    reciprocal pairs were merged, a
    [`DroppedDataWarning`][grace_support.importers.DroppedDataWarning] says how many.

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
    network, merged = _read_graphml(source, source_name=source_name, ego=ego, max_bytes=max_bytes)
    if merged:
        import warnings  # noqa: PLC0415

        from grace_support.importers._common import DroppedDataWarning  # noqa: PLC0415

        warnings.warn(DroppedDataWarning(str(merged[0])), stacklevel=2)
    return network


def _read_graphml(
    source: str | bytes,
    *,
    source_name: str | None = None,
    ego: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, tuple[Problem, ...]]:
    """`from_graphml`, and what it merged (for readers that report it as ``dropped``)."""
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
    merged = 0
    if graph.is_directed():
        graph, merged = _undirected(graph)
    notes: tuple[Problem, ...] = ()
    if merged:
        pairs = "pair" if merged == 1 else "pairs"
        notes = (
            Problem(
                "(graphml)",
                f"{merged} reciprocal {pairs} of directed edges merged into one tie each "
                "(the larger weight kept)",
                source=name,
            ),
        )
    return _network(graph, name, ego), notes


def _undirected(graph: Any) -> tuple[Any, int]:
    """Directed edges as undirected ties: a reciprocal pair is one tie with the larger weight."""
    out = nx.Graph()
    out.graph.update(graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    merged = 0
    for a, b, data in graph.edges(data=True):
        if out.has_edge(a, b):
            merged += 1
            first = out.edges[a, b]
            weights = [w for w in (first.get("weight"), data.get("weight")) if w is not None]
            for key, value in data.items():
                first.setdefault(key, value)
            if weights:
                first["weight"] = max(weights)
        else:
            out.add_edge(a, b, **data)
    return out, merged


_NS = "{http://graphml.graphdrawing.org/xmlns}"


def _check_shape(root: Any, name: str) -> None:
    """Refuse what would be merged or dropped silently: repeats, groups, hyperedges."""
    problems: list[Problem] = []
    graphs = [el for el in root.iter() if _local(el.tag) == "graph"]
    if len(graphs) != 1:
        what = "has no graph" if not graphs else "has nested graphs (groups), which are refused"
        problems.append(Problem("(graphml)", what))
    directed = bool(graphs) and graphs[0].get("edgedefault", "directed") != "undirected"
    if any(_local(el.tag) == "hyperedge" for el in root.iter()):
        problems.append(Problem("(graphml)", "has hyperedges, which a network cannot hold"))
    nodes: set[str | None] = set()
    edges: set[Any] = set()
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
            ends = (el.get("source"), el.get("target"))
            one_way = directed and el.get("directed", "true") == "true"
            pair: Any = ends if one_way else frozenset(ends)
            if pair in edges or (not one_way and ends in edges):
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
