"""Network Canvas CSV exports to support networks.

Network Canvas writes, per interview (or for all interviews when sessions are
merged), an ego file (``*_ego.csv``), one attribute list per node type
(``*_attributeList_<Type>.csv``) and one edge list per edge type
(``*_edgeList_<Type>.csv``). Network Canvas has no ego-alter edge: what the
relationship is (role, support, closeness) is recorded as node variables, and a
[`NetworkCanvasMapping`][grace_support.importers.NetworkCanvasMapping] says which
variable means what. Columns are matched by name, never by position.

Variable encodings (as the exporter writes them): a categorical variable becomes
one ``<variable>_<option>`` column of ``true``/``false`` per option (so support types
chosen in one multi-select arrive as several booleans); any other variable is one
``<variable>`` column with its raw value; ``null`` is an empty cell.

Examples:
    >>> mapping = NetworkCanvasMapping(
    ...     role="relationship", supports="support", closeness="closeness",
    ...     closeness_values={"1": "inner", "2": "middle", "3": "outer"},
    ... )
    >>> mapping.supports
    'support'
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from grace_support._input import DEFAULT_MAX_BYTES, decode, read_bytes
from grace_support._model import FrozenModel
from grace_support._xml import safe_xml_root
from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, InputError, Problem
from grace_support.vocabulary import Closeness, Contact, Role, Strain, SupportType

if TYPE_CHECKING:
    from os import PathLike

    from grace_support.network import SupportNetwork

__all__ = ["NetworkCanvasMapping", "read_network_canvas_csv", "read_network_canvas_graphml"]


class NetworkCanvasMapping(FrozenModel):
    """Which Network Canvas variables mean role, supports, closeness, contact and strain.

    Categorical variables (``role``, ``supports``, and ``contact``/``strain`` when they
    are categorical) are read from their ``<variable>_<option>`` columns; other
    variables from their ``<variable>`` column. Each ``*_values`` mapping turns the
    protocol's option or value into ours; without one, the value must already be
    ours (e.g. a role option ``friend``).
    """

    node_types: tuple[str, ...] = ()
    """Node types (file suffixes) that are people; empty means every node type."""
    edge_types: tuple[str, ...] = ()
    """Edge types (file suffixes) that are ties between people; empty means every type."""
    name: str | None = "name"
    """The node variable with the person's name, if any."""
    role: str
    """The categorical node variable whose options are roles."""
    role_values: dict[str, Role] = Field(default_factory=dict)
    """Protocol option -> our role."""
    supports: str | None = None
    """The categorical (multi-select) node variable whose options are support types."""
    support_values: dict[str, SupportType] = Field(default_factory=dict)
    """Protocol option -> our support type."""
    closeness: str
    """The node variable for closeness (ordinal, or categorical)."""
    closeness_values: dict[str, Closeness] = Field(default_factory=dict)
    """Protocol value -> our circle of closeness."""
    contact: str | None = None
    """The node variable for contact frequency, if any."""
    contact_values: dict[str, Contact] = Field(default_factory=dict)
    """Protocol value -> our contact frequency."""
    strain: str | None = None
    """The node variable for strain, if any."""
    strain_values: dict[str, Strain] = Field(default_factory=dict)
    """Protocol value -> our strain."""
    attributes: tuple[str, ...] = ()
    """Node variables to keep as person attributes (study variables)."""
    ego_attributes: tuple[str, ...] = ()
    """Ego variables to keep as ego attributes."""


_EGO = re.compile(r"_ego\.csv$", re.IGNORECASE)
_NODES = re.compile(r"_attributeList(?:_(\w+))?\.csv$")
_EDGES = re.compile(r"_edgeList(?:_(\w+))?\.csv$")


def _rows(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[dict[str, str]]:
    text = decode(read_bytes(path, max_bytes=max_bytes), source=path.name)
    try:
        return list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error:  # a cell over the csv module's limit, a NUL; the error quotes nothing
        pass
    raise DocumentError(
        [Problem("(file)", "is not valid CSV (a cell may be too long)")], source=path.name
    )


def _id(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")
    return cleaned[:128] or "ego"


class _Row:
    """One CSV row (or GraphML element), with its file and place for error messages."""

    def __init__(self, path: Path, line: int, data: dict[str, str], unit: str = "row") -> None:
        self.path, self.line, self.data, self.unit = path, line, data, unit

    def where(self, column: str) -> str:
        return f"{self.path.name} {self.unit} {self.line}, column {column}"

    def value(self, column: str) -> str | None:
        value = self.data.get(column)
        return value if value not in (None, "") else None

    def chosen(self, variable: str) -> list[str]:
        """The options of a categorical variable that are ``true`` in this row."""
        prefix = f"{variable}_"
        return [
            k[len(prefix) :] for k, v in self.data.items() if k.startswith(prefix) and v == "true"
        ]


def _mapped(row: _Row, variable: str, values: dict[str, Any], categorical_ok: bool) -> Any:
    raw = row.value(variable)
    if raw is None and categorical_ok:
        chosen = row.chosen(variable)
        if len(chosen) > 1:
            raise DocumentError(
                [Problem(row.where(f"{variable}_*"), "has more than one option chosen")]
            )
        raw = chosen[0] if chosen else None
    if raw is None:
        return None
    return values.get(raw, raw)


def read_network_canvas_csv(
    folder: str | PathLike[str],
    mapping: NetworkCanvasMapping,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...]:
    """Read every interview in a folder of Network Canvas CSV exports.

    Works with one set of files per interview and with merged ("unified")
    exports: rows are grouped by ``networkCanvasEgoUUID``. Each ego id is the case
    id (made safe as an id; a repeated case gets ``-2``, ``-3``, ...); each person's id
    is ``n`` and the node id.

    Returns:
        The networks, one per ego row, in file and row order.

    Raises:
        InputError: The folder or a file cannot be read, or a file is larger than
            ``max_bytes`` (64 MiB by default).
        DocumentError: A file is not UTF-8 CSV, a needed column is missing, a value
            has no mapping, or an interview breaks a rule of the network document.
            Problems name the file, the row (counting the header as row 1) and the
            column.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError("cannot be read: it is not a folder", source=str(root))
    files = sorted(p for p in root.iterdir() if p.suffix.lower() == ".csv")
    egos = [
        _Row(p, n, r)
        for p in files
        if _EGO.search(p.name)
        for n, r in enumerate(_rows(p, max_bytes), 2)
    ]
    if not egos:
        raise DocumentError([Problem(str(root), "has no Network Canvas *_ego.csv file")])
    nodes: dict[str, list[_Row]] = {}
    for path in files:
        match = _NODES.search(path.name)
        if match and (not mapping.node_types or match.group(1) in mapping.node_types):
            for n, r in enumerate(_rows(path, max_bytes), 2):
                nodes.setdefault(r.get("networkCanvasEgoUUID", ""), []).append(_Row(path, n, r))
    edges: dict[str, list[_Row]] = {}
    for path in files:
        match = _EDGES.search(path.name)
        if match and (not mapping.edge_types or match.group(1) in mapping.edge_types):
            for n, r in enumerate(_rows(path, max_bytes), 2):
                edges.setdefault(r.get("networkCanvasEgoUUID", ""), []).append(_Row(path, n, r))
    return _networks(egos, nodes, edges, mapping)


def _networks(
    egos: list[_Row],
    nodes: dict[str, list[_Row]],
    edges: dict[str, list[_Row]],
    mapping: NetworkCanvasMapping,
) -> tuple[SupportNetwork, ...]:
    used: dict[str, int] = {}
    networks = []
    for ego in egos:
        uuid = ego.value("networkCanvasEgoUUID")
        if uuid is None:
            raise DocumentError([Problem(ego.where("networkCanvasEgoUUID"), "is empty")])
        case = _id(ego.value("networkCanvasCaseID") or uuid)
        used[case] = used.get(case, 0) + 1
        ego_id = case if used[case] == 1 else f"{case}-{used[case]}"
        networks.append(_network(ego, ego_id, nodes.get(uuid, []), edges.get(uuid, []), mapping))
    return tuple(networks)


_GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
_NC = "{http://schema.networkcanvas.com/xmlns}"


def read_network_canvas_graphml(
    path: str | PathLike[str],
    mapping: NetworkCanvasMapping,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...]:
    """Read every interview (one ``<graph>`` each) in a Network Canvas GraphML export.

    Keys are resolved through the ``<key>`` table (Network Canvas uses variable UUIDs
    as key ids and the variable's name as ``attr.name``), so the same mapping works
    as for CSV. Needs the ``graphml`` extra: files with a DTD or entities are refused.

    Raises:
        MissingExtraError: defusedxml is not installed.
        InputError: The file cannot be read or is larger than ``max_bytes``.
        DocumentError: The file is unsafe or malformed, or an interview breaks a rule.
            Problems name the file, the node or edge, and the variable.
    """
    file = Path(path)
    root = safe_xml_root(
        read_bytes(file, max_bytes=max_bytes),
        source=file.name,
        feature="read_network_canvas_graphml()",
    )
    names = {
        key.get("id"): key.get("attr.name") or key.get("id") for key in root.iter(f"{_GRAPHML}key")
    }

    def data_of(element: Any) -> dict[str, str]:
        return {
            str(names.get(d.get("key"), d.get("key"))): d.text or ""
            for d in element.findall(f"{_GRAPHML}data")
        }

    egos: list[_Row] = []
    nodes: dict[str, list[_Row]] = {}
    edges: dict[str, list[_Row]] = {}
    for number, graph in enumerate(root.iter(f"{_GRAPHML}graph"), start=1):
        ego_data = data_of(graph)
        uuid = ego_data.get("networkCanvasUUID") or f"graph-{number}"
        ego_data |= {
            "networkCanvasEgoUUID": uuid,
            "networkCanvasCaseID": str(graph.get(f"{_NC}caseId") or uuid),
        }
        egos.append(_Row(file, number, ego_data, unit="graph"))
        uuid_of: dict[str, str] = {}
        for node in graph.findall(f"{_GRAPHML}node"):
            data = data_of(node) | {"nodeID": str(node.get("id") or "")}
            uuid_of[data["nodeID"]] = data.get("networkCanvasUUID", data["nodeID"])
            if not mapping.node_types or data.get("networkCanvasType") in mapping.node_types:
                nodes.setdefault(uuid, []).append(
                    _Row(file, int(data["nodeID"]) if data["nodeID"].isdigit() else 0, data, "node")
                )
        for edge in graph.findall(f"{_GRAPHML}edge"):
            data = data_of(edge)
            if mapping.edge_types and data.get("networkCanvasType") not in mapping.edge_types:
                continue
            source, target = str(edge.get("source") or ""), str(edge.get("target") or "")
            data |= {
                "from": source,
                "to": target,
                "networkCanvasSourceUUID": uuid_of.get(source, ""),
                "networkCanvasTargetUUID": uuid_of.get(target, ""),
            }
            line = int(edge.get("id") or 0) if (edge.get("id") or "").isdigit() else 0
            edges.setdefault(uuid, []).append(_Row(file, line, data, "edge"))
    return _networks(egos, nodes, edges, mapping)


def _network(
    ego: _Row, ego_id: str, nodes: list[_Row], edges: list[_Row], mapping: NetworkCanvasMapping
) -> SupportNetwork:
    people: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    rows: list[_Row] = []
    node_ids: dict[str, str] = {}
    for node in nodes:
        pid = f"n{node.value('nodeID') or node.line}"
        node_ids[node.value("networkCanvasUUID") or pid] = pid
        person: dict[str, Any] = {"id": pid}
        if mapping.name and node.value(mapping.name):
            person["name"] = node.value(mapping.name)
        attributes = {
            a: _number(node.value(a)) for a in mapping.attributes if node.value(a) is not None
        }
        if attributes:
            person["attributes"] = attributes
        relationship: dict[str, Any] = {
            "person": pid,
            "role": _mapped(node, mapping.role, mapping.role_values, True),
            "closeness": _mapped(node, mapping.closeness, mapping.closeness_values, True),
        }
        if mapping.supports:
            relationship["supports"] = sorted(
                {mapping.support_values.get(o, o) for o in node.chosen(mapping.supports)}
            )
        for field, variable, values in (
            ("contact", mapping.contact, mapping.contact_values),
            ("strain", mapping.strain, mapping.strain_values),
        ):
            if variable and (value := _mapped(node, variable, values, True)) is not None:
                relationship[field] = value
        people.append(person)
        relationships.append(relationship)
        rows.append(node)
    ties: list[tuple[str, str]] = []
    tie_rows: list[_Row] = []
    for edge in edges:
        a = node_ids.get(edge.value("networkCanvasSourceUUID") or "", f"n{edge.value('from')}")
        b = node_ids.get(edge.value("networkCanvasTargetUUID") or "", f"n{edge.value('to')}")
        key = frozenset((a, b))
        if a != b and key not in {frozenset(t) for t in ties}:  # several edge types, one tie
            ties.append((a, b))
            tie_rows.append(edge)
    ego_data: dict[str, Any] = {"id": ego_id}
    ego_attributes = {
        a: _number(ego.value(a)) for a in mapping.ego_attributes if ego.value(a) is not None
    }
    if ego_attributes:
        ego_data["attributes"] = ego_attributes
    document = {"ego": ego_data, "people": people, "relationships": relationships, "ties": ties}
    try:
        return network_from_data(document)
    except DocumentError as error:
        raise DocumentError(
            [_where(p, ego, rows, tie_rows, mapping) for p in error.problems],
            source="Network Canvas",
        ) from None


def _number(value: str | None) -> str | int | float | bool | None:
    if value in ("true", "false"):
        return value == "true"
    for kind in (int, float):
        try:
            return kind(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    return value


_COLUMN = {"role": "role", "closeness": "closeness", "contact": "contact", "strain": "strain",
           "supports": "supports", "name": "name", "id": "nodeID", "person": "nodeID"}  # fmt: skip


def _where(
    problem: Problem,
    ego: _Row,
    rows: list[_Row],
    tie_rows: list[_Row],
    mapping: NetworkCanvasMapping,
) -> Problem:
    match = re.match(r"^(people|relationships|ties)\[(\d+)\](?:\.(\w+))?", problem.location)
    if match is None:
        return Problem(ego.where(problem.location), problem.message)
    part, index, field = match.group(1), int(match.group(2)), match.group(3) or "id"
    if part == "ties":
        tie = tie_rows[index]
        return Problem(f"{tie.path.name} {tie.unit} {tie.line}", problem.message)
    variable = getattr(mapping, _COLUMN.get(field, field), None) if field in _COLUMN else field
    column = variable if isinstance(variable, str) else _COLUMN.get(field, field)
    return Problem(rows[index].where(column), problem.message)
