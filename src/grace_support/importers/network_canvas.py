"""Network Canvas exports (CSV and GraphML) to support networks.

Network Canvas writes, per interview (or for all interviews when sessions are
merged), an ego file (``*_ego.csv``), one attribute list per node type
(``*_attributeList_<Type>.csv``) and one edge list per edge type
(``*_edgeList_<Type>.csv``); or one GraphML file with one ``<graph>`` per
interview. Network Canvas has no ego-alter edge: what the relationship is (role,
support, closeness) is recorded as node variables, and a
[`NetworkCanvasMapping`][grace_support.importers.NetworkCanvasMapping] says which
variable means what. Columns are matched by name, never by position. The page
"Importing Network Canvas exports" in the docs has the whole mapping table.

Variable encodings (as the exporter writes them): a categorical variable becomes
one ``<variable>_<option>`` column of ``true``/``false`` per option (so support types
chosen in one multi-select arrive as several booleans); a layout variable becomes
``<variable>_x`` and ``<variable>_y`` (``_X``/``_Y`` in GraphML), normalised to
0..1 across the sociogram's width and height; any other variable is one
``<variable>`` column with its raw value; ``null`` is an empty cell.

Examples:
    >>> mapping = NetworkCanvasMapping(
    ...     role="relationship", supports="support", closeness_from_layout="circles",
    ... )
    >>> mapping.rings, mapping.skewed
    (3, True)
    >>> sociogram_ring(0.5, 0.5), sociogram_ring(0.5, 0.9), sociogram_ring(0.0, 0.0)
    (1, 3, 4)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self, overload

from pydantic import Field, model_validator

from grace_support._input import DEFAULT_MAX_BYTES, column_label, guarded, read_bytes, whole_number
from grace_support._model import FrozenModel
from grace_support._xml import safe_xml_root
from grace_support.documents import network_from_data
from grace_support.errors import (
    DocumentError,
    InputError,
    Problem,
    validated,
)
from grace_support.importers._common import (
    attribute_name_ok,
    check_mode,
    complete,
    read_csv_rows,
    strict_bool,
)
from grace_support.importers._values import parse_cell
from grace_support.network import SCHEMA_VERSION
from grace_support.vocabulary import Closeness, Contact, Role, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Callable
    from os import PathLike

    from grace_support.importers._result import ErrorMode, ImportResult
    from grace_support.network import SupportNetwork

__all__ = [
    "NetworkCanvasMapping",
    "read_network_canvas_csv",
    "read_network_canvas_graphml",
    "ring_radii",
    "sociogram_ring",
]


class NetworkCanvasMapping(FrozenModel):
    """Which Network Canvas variables mean role, supports, closeness, contact and strain.

    Categorical variables (``role``, ``supports``, and ``contact``/``strain`` when they
    are categorical) are read from their ``<variable>_<option>`` columns; other
    variables from their ``<variable>`` column. Each ``*_values`` mapping turns the
    protocol's option or value into ours; without one, the value must already be
    ours (e.g. a role option ``friend``); a value mapped to ``None`` (a skip, refused
    or don't-know code, such as ``"-1": None``) is not recorded for that person.
    ``role``, ``closeness``, ``supports``, ``contact`` and ``strain`` may be left out
    when the protocol has no such variable: they are then not recorded for anyone
    (and with no ``supports``, the network says no kinds of support were asked).

    Closeness comes either from a variable (``closeness``) or from where each person
    was placed on a sociogram of concentric circles (``closeness_from_layout``, the
    layout variable); see [`sociogram_ring`][grace_support.importers.sociogram_ring]
    for how a position becomes a ring, and ``ring_values`` for how a ring becomes
    a circle of closeness.
    """

    node_types: tuple[str, ...] | None = None
    """Node types (file suffixes) that are people. When not given: the export's one node
    type; else the type named ``Person`` (any case); else the reader refuses and lists
    the types found. ``()`` means every node type. Nodes of other types are never people:
    they are counted in ``ImportResult.dropped`` by type (or kept as counts, see
    ``count_node_types``)."""
    count_node_types: tuple[str, ...] = ()
    """Node types that are not people (``Venue``) whose number in each interview is kept
    as the ego attribute ``<Type>_count`` (``Venue_count: 2``) instead of being listed
    in ``ImportResult.dropped``; the nodes' own variables are not kept."""
    edge_types: tuple[str, ...] = ()
    """Edge types (file suffixes) that are ties between people; empty means every type."""
    name: str | None = "name"
    """The node variable with the person's name, if any."""
    role: str | None = None
    """The categorical node variable whose options are roles, if any."""
    role_values: dict[str, Role | None] = Field(default_factory=dict)
    """Protocol option -> our role."""
    supports: str | None = None
    """The categorical (multi-select) node variable whose options are support types."""
    support_values: dict[str, SupportType | None] = Field(default_factory=dict)
    """Protocol option -> our support type."""
    closeness: str | None = None
    """The node variable for closeness (ordinal, or categorical), if any."""
    closeness_values: dict[str, Closeness | None] = Field(default_factory=dict)
    """Protocol value -> our circle of closeness."""
    closeness_from_layout: str | None = None
    """The sociogram's layout variable, when closeness is where people were placed."""
    rings: int = Field(default=3, ge=1, le=12)
    """How many concentric circles the sociogram drew (Network Canvas's default is 3)."""
    skewed: bool = True
    """Whether the circles were skewed toward the centre (Network Canvas's default)."""
    layout_aspect_ratio: float = Field(default=1.0, gt=0, allow_inf_nan=False)
    """The sociogram's width over its height; 1.0 treats the layout as square."""
    ring_values: dict[int, Closeness] = Field(default_factory=dict)
    """Ring number (1 = innermost; ``rings + 1`` = outside every circle) -> our circle."""
    contact: str | None = None
    """The node variable for contact frequency, if any."""
    contact_values: dict[str, Contact | None] = Field(default_factory=dict)
    """Protocol value -> our contact frequency."""
    strain: str | None = None
    """The node variable for strain, if any."""
    strain_values: dict[str, Strain | None] = Field(default_factory=dict)
    """Protocol value -> our strain."""
    attributes: tuple[str, ...] = ()
    """Node variables to keep as person attributes (study variables)."""
    ego_attributes: tuple[str, ...] = ()
    """Ego variables to keep as ego attributes."""
    multi_select: tuple[str, ...] = ()
    """Categorical variables in ``attributes``/``ego_attributes`` that allow several options:
    each becomes one boolean attribute per option, ``<variable>_<option>``."""

    @model_validator(mode="after")
    def _one_closeness(self) -> Self:
        if self.closeness and self.closeness_from_layout:
            raise ValueError("give closeness or closeness_from_layout, not both")
        for ring in self.ring_values:
            if not 1 <= ring <= self.rings + 1:
                raise ValueError("ring_values keys are ring numbers from 1 to rings + 1")
        return self

    def circle_of_ring(self, ring: int) -> Closeness:
        """Our circle of closeness for a ring number (1 = innermost).

        Unless ``ring_values`` says otherwise: the innermost ring is ``inner``; the
        outermost ring and anywhere outside every circle are ``outer``; every ring
        in between is ``middle``. So three rings give inner, middle, outer; two give
        inner, outer; five give inner, middle, middle, middle, outer; with one ring,
        inside it is ``inner`` and outside it ``outer``.

        Examples:
            >>> m = NetworkCanvasMapping(closeness_from_layout="pos", rings=5)
            >>> [m.circle_of_ring(r).value for r in range(1, 7)]
            ['inner', 'middle', 'middle', 'middle', 'outer', 'outer']
        """
        if ring in self.ring_values:
            return self.ring_values[ring]
        if ring == 1:
            return Closeness.INNER
        if ring >= self.rings:
            return Closeness.OUTER
        return Closeness.MIDDLE


def ring_radii(rings: int = 3, *, skewed: bool = True) -> tuple[float, ...]:
    """The radii of Network Canvas's concentric circles, innermost first, outermost 1.0.

    Network Canvas draws ``n`` circles in a square of side 100 centred on the
    sociogram. Unskewed, radius ``k`` (``k = 1..n``) is ``k/n`` of the outer radius
    (equal steps). Skewed toward the centre (its default), each radius is the
    weighted mean, three parts to one, of the equal-area radius ``sqrt(k/n)`` and
    the equal-step radius ``k/n``. Here radii are fractions of the outer radius.

    Examples:
        >>> [round(r, 4) for r in ring_radii(3)]
        [0.5163, 0.779, 1.0]
        >>> [round(r, 4) for r in ring_radii(4, skewed=False)]
        [0.25, 0.5, 0.75, 1.0]
    """
    if rings < 1:
        raise ValueError("rings must be at least 1")
    if not skewed:
        return tuple(k / rings for k in range(1, rings + 1))
    return tuple((3 * math.sqrt(k / rings) + k / rings) / 4 for k in range(1, rings + 1))


def sociogram_ring(
    x: float, y: float, *, rings: int = 3, skewed: bool = True, aspect_ratio: float = 1.0
) -> int:
    """Which ring a sociogram position falls in: 1 = innermost, ``rings + 1`` = outside.

    Network Canvas stores a position as ``x`` and ``y`` from 0 to 1 across the
    sociogram's width and height, and draws its circles around the centre
    (0.5, 0.5) with the outermost circle's radius half the shorter side. With the
    width ``aspect_ratio`` times the height, a position's distance from the centre
    in units of that outer radius is ``sqrt((dx * a)^2 + dy^2) / (min(a, 1) / 2)``
    with ``dx = x - 0.5``, ``dy = y - 0.5``, ``a = aspect_ratio``. The ring is the
    first whose radius ([`ring_radii`][grace_support.importers.ring_radii]) is at
    least that distance, so a position exactly on a circle belongs to the inner side.

    Examples:
        >>> sociogram_ring(0.5, 0.5 + 0.25), sociogram_ring(0.5, 0.5 + 0.26)
        (1, 2)
        >>> sociogram_ring(0.9, 0.5), sociogram_ring(0.9, 0.5, aspect_ratio=16 / 9)
        (3, 4)
    """
    a = aspect_ratio
    distance = math.hypot((x - 0.5) * a, y - 0.5) / (min(a, 1.0) / 2)
    for number_, radius in enumerate(ring_radii(rings, skewed=skewed), start=1):
        if distance <= radius + 1e-12:
            return number_
    return rings + 1


# -- rows --------------------------------------------------------------------------------------


@dataclass
class _Row:
    """One CSV row or GraphML element, with its file and place for messages."""

    file: str
    line: int
    data: dict[str, str]
    unit: str = "line"
    kind: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def place(self) -> str:
        return f"{self.file} {self.unit} {self.line}"

    def where(self, column: str) -> str:
        return f"{self.place}, column {column_label(column, list(self.data))}"

    def value(self, column: str) -> str | None:
        value = self.data.get(column)
        return value if value not in (None, "") else None

    def options(self, variable: str) -> list[tuple[str, str]]:
        """(option, column) for each ``<variable>_<option>`` column, in file order."""
        prefix = f"{variable}_"
        return [(k[len(prefix) :], k) for k in self.data if k.startswith(prefix)]

    def flag(self, column: str) -> bool:
        """A true/false option column, read strictly; a bad cell is a problem (false)."""
        try:
            return bool(strict_bool(self.data.get(column)))
        except ValueError as error:
            self.problems.append(Problem(self.where(column), str(error)))
            return False

    def chosen(self, variable: str) -> list[str]:
        """The options of a categorical variable that are true in this row."""
        return [option for option, column in self.options(variable) if self.flag(column)]


_EGO = re.compile(r"_ego\.csv$", re.IGNORECASE)
_NODES = re.compile(r"_attributeList(?:_(\w+))?\.csv$")
_EDGES = re.compile(r"_edgeList(?:_(\w+))?\.csv$")
_EDGE_FIXED = frozenset(
    {"edgeID", "from", "to", "networkCanvasEgoUUID", "networkCanvasUUID",
     "networkCanvasSourceUUID", "networkCanvasTargetUUID", "networkCanvasType", "label"}
)  # fmt: skip
_REQUIRED = {
    "ego": ("networkCanvasEgoUUID",),
    "node": ("nodeID", "networkCanvasEgoUUID", "networkCanvasUUID"),
    "edge": ("networkCanvasEgoUUID", "networkCanvasSourceUUID", "networkCanvasTargetUUID"),
}


def _id(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")
    return cleaned[:128] or "ego"


@dataclass
class _Interview:
    ego: _Row
    ego_id: str
    people: list[_Row] = field(default_factory=list)
    others: set[str] = field(default_factory=set)  # uuids of nodes of other types
    edges: list[_Row] = field(default_factory=list)
    nodes: list[_Row] = field(default_factory=list)  # every node, before people are chosen
    other_counts: dict[str, int] = field(default_factory=dict)  # node type -> count
    ties_listed: bool = True  # False: the export has no edge list (no ties were asked)


def _people_types(interviews: list[_Interview], mapping: NetworkCanvasMapping) -> set[str] | None:
    """The node types that are people (``None``: every type), by the rule of ``node_types``.

    Raises:
        ValueError: ``node_types`` is not given and the export has several node types,
            none named Person (the message lists them: type names are the protocol's).
    """
    if mapping.node_types is not None:
        return set(mapping.node_types) or None
    found = sorted({row.kind for i in interviews for row in i.nodes if row.kind})
    if len(found) <= 1:
        return None
    person = [kind for kind in found if kind.lower() == "person"]
    if len(person) == 1:
        return set(person)
    raise ValueError(
        f"the export has several node types ({', '.join(found)}) and none is named Person; "
        "give node_types (the types that are people)"
    )


def _choose_people(
    interviews: list[_Interview], mapping: NetworkCanvasMapping
) -> list[tuple[_Interview, Problem]]:
    """Put each interview's nodes among its people or its other nodes; what was left out."""
    types = _people_types(interviews, mapping)
    left_out: list[tuple[_Interview, Problem]] = []
    for interview in interviews:
        for row in interview.nodes:
            if types is None or row.kind in types:
                interview.people.append(row)
            else:
                interview.others.add(row.value("networkCanvasUUID") or "")
                interview.other_counts[row.kind] = interview.other_counts.get(row.kind, 0) + 1
        for kind, count in sorted(interview.other_counts.items()):
            if kind in mapping.count_node_types:
                continue
            nodes = "node" if count == 1 else "nodes"
            left_out.append(
                (
                    interview,
                    Problem(
                        interview.ego.place,
                        f"{count} {nodes} of type {kind or '(none)'} left out: not people "
                        "(see node_types and count_node_types)",
                    ),
                )
            )
    return left_out


# -- readers -----------------------------------------------------------------------------------


@overload
def read_network_canvas_csv(
    folder: str | PathLike[str],
    mapping: NetworkCanvasMapping | Mapping[str, Any],
    *,
    encoding: str = "utf-8",
    errors: Literal["raise"] = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_network_canvas_csv(
    folder: str | PathLike[str],
    mapping: NetworkCanvasMapping | Mapping[str, Any],
    *,
    encoding: str = "utf-8",
    errors: Literal["collect"],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportResult: ...
@guarded()
def read_network_canvas_csv(
    folder: str | PathLike[str],
    mapping: NetworkCanvasMapping | Mapping[str, Any],
    *,
    encoding: str = "utf-8",
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Read every interview in a folder of Network Canvas CSV exports.

    Works with one set of files per interview and with merged ("unified")
    exports: rows are grouped by ``networkCanvasEgoUUID``. Each ego id is the case
    id (made safe as an id; a repeated case gets ``-2``, ``-3``, ...); each person's id
    is ``n`` and the node id. Node and edge rows whose ``networkCanvasEgoUUID``
    names no interview in the ego files are problems, never skipped. The people
    are the nodes of ``mapping.node_types`` (when not given: the one node type, or
    the one named Person); other nodes are counted in ``dropped`` by type. Each
    network records only what the mapping gives (version 3), the kinds of support
    the ``supports`` variable asks about, and no ties asked when the folder has no
    edge list.

    Args:
        folder: The folder with the exported CSV files.
        mapping: Which variables mean what: a ``NetworkCanvasMapping``, or a mapping
            of its fields (validated as one).
        encoding: The files' text encoding (UTF-8, with or without a byte order mark,
            by default).
        errors: ``"raise"`` (the default) or ``"collect"``; see
            [`ImportResult`][grace_support.importers.ImportResult].
        max_bytes: The largest file accepted.

    Returns:
        With ``errors="raise"``, the networks in ego-file and row order (self-loops
        and repeated edges left out are reported with a
        [`DroppedDataWarning`][grace_support.importers.DroppedDataWarning]); with
        ``"collect"``, an ``ImportResult`` with the valid networks, a problem for
        each thing that kept a network or row out, and what was dropped.

    Raises:
        DocumentError: With ``errors="raise"``, listing every problem. Problems
            name the file, the line (the header is line 1) and the column.
        InputError: The folder or a file cannot be read at all.
        ValueError: ``node_types`` is not given and the export has several node
            types, none named Person (the message lists them).
        TypeError: ``mapping`` is not a ``NetworkCanvasMapping`` or a mapping of
            its fields (one that breaks its rules is a ``DocumentError`` with source
            ``mapping``).
    """
    mode = check_mode(errors)
    mapping = _checked_mapping(mapping)
    root = Path(folder)
    if not root.is_dir():
        raise InputError("cannot be read: it is not a folder", source=str(root))
    files = sorted(p for p in root.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    problems: list[Problem] = []
    rows: dict[str, list[_Row]] = {"ego": [], "node": [], "edge": []}
    for path in files:
        kind, type_ = _kind(path.name)
        if kind is None:
            continue
        header, found, file_problems = read_csv_rows(path, encoding=encoding, max_bytes=max_bytes)
        problems += file_problems
        missing = [c for c in _REQUIRED[kind] if header and c not in header]
        if missing:
            problems += [Problem(f"{path.name}, column {c}", "is missing") for c in missing]
            continue
        rows[kind] += [_Row(path.name, n, data, kind=type_) for n, data in found]
    if not any(_EGO.search(p.name) for p in files):
        problems.append(Problem(str(root), "has no Network Canvas *_ego.csv file"))
    interviews = _interviews(rows, mapping, problems)
    listed = any(
        kind == "edge" and (not mapping.edge_types or type_ in mapping.edge_types)
        for kind, type_ in map(_kind, (p.name for p in files))
    )
    for interview in interviews:
        interview.ties_listed = listed
    networks, dropped = _build_all(interviews, mapping, problems)
    return complete(networks, problems, errors=mode, source=str(root), dropped=dropped)


def _checked_mapping(mapping: object) -> NetworkCanvasMapping:
    """The mapping, validated when given as a plain mapping of its fields."""
    if isinstance(mapping, NetworkCanvasMapping):
        return mapping
    if not isinstance(mapping, Mapping):
        raise TypeError("mapping must be a NetworkCanvasMapping (or a mapping of its fields)")
    return validated(NetworkCanvasMapping.model_validate, dict(mapping), source="mapping")


def _kind(name: str) -> tuple[str | None, str]:
    if _EGO.search(name):
        return "ego", ""
    if match := _NODES.search(name):
        return "node", match.group(1) or ""
    if match := _EDGES.search(name):
        return "edge", match.group(1) or ""
    return None, ""


def _interviews(
    rows: dict[str, list[_Row]], mapping: NetworkCanvasMapping, problems: list[Problem]
) -> list[_Interview]:
    by_uuid: dict[str, _Interview] = {}
    interviews: list[_Interview] = []
    used: dict[str, int] = {}
    for ego in rows["ego"]:
        uuid = ego.value("networkCanvasEgoUUID")
        if uuid is None:
            problems.append(Problem(ego.where("networkCanvasEgoUUID"), "is empty"))
            continue
        if uuid in by_uuid:
            problems.append(
                Problem(
                    ego.where("networkCanvasEgoUUID"),
                    f"repeats the interview of {by_uuid[uuid].ego.place}; left out",
                )
            )
            continue
        case = _id(ego.value("networkCanvasCaseID") or uuid)
        used[case] = used.get(case, 0) + 1
        interview = _Interview(ego, case if used[case] == 1 else f"{case}-{used[case]}")
        by_uuid[uuid] = interview
        interviews.append(interview)
    for kind in ("node", "edge"):
        for row in rows[kind]:
            interview_ = by_uuid.get(row.value("networkCanvasEgoUUID") or "")
            if interview_ is None:
                problems.append(
                    Problem(
                        row.where("networkCanvasEgoUUID"),
                        "names no interview in the ego files; this row was not imported",
                    )
                )
            elif kind == "node":
                interview_.nodes.append(row)
            elif not mapping.edge_types or row.kind in mapping.edge_types:
                interview_.edges.append(row)
    return interviews


_GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
_NC = "{http://schema.networkcanvas.com/xmlns}"


@overload
def read_network_canvas_graphml(
    path: str | PathLike[str],
    mapping: NetworkCanvasMapping | Mapping[str, Any],
    *,
    errors: Literal["raise"] = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_network_canvas_graphml(
    path: str | PathLike[str],
    mapping: NetworkCanvasMapping | Mapping[str, Any],
    *,
    errors: Literal["collect"],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportResult: ...
@guarded()
def read_network_canvas_graphml(
    path: str | PathLike[str],
    mapping: NetworkCanvasMapping | Mapping[str, Any],
    *,
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Read every interview (one ``<graph>`` each) in a Network Canvas GraphML export.

    Keys are resolved through the ``<key>`` table (Network Canvas uses variable UUIDs
    as key ids and the variable's name as ``attr.name``), layout suffixes ``_X``/``_Y``
    are read as ``_x``/``_y``, and edge types lose their non-word characters as in
    the CSV file names, so the same mapping gives the same networks as for CSV.
    Needs the ``graphml`` extra: files with a DTD or entities are refused.

    Args:
        path: The ``.graphml`` file.
        mapping: Which variables mean what: a ``NetworkCanvasMapping``, or a mapping
            of its fields (validated as one).
        errors: ``"raise"`` (the default) or ``"collect"``.
        max_bytes: The largest file accepted.

    Returns:
        As for [`read_network_canvas_csv`][grace_support.importers.read_network_canvas_csv].

    Raises:
        MissingExtraError: defusedxml is not installed.
        InputError: The file cannot be read.
        DocumentError: With ``errors="raise"``: the file is unsafe or malformed, or
            an interview has problems. Problems name the file, the node or edge, and
            the variable.
        TypeError: ``mapping`` is not a ``NetworkCanvasMapping`` or a mapping of
            its fields.
    """
    mode = check_mode(errors)
    mapping = _checked_mapping(mapping)
    file = Path(path)
    data = read_bytes(file, max_bytes=max_bytes)
    try:
        root = safe_xml_root(data, source=file.name, feature="read_network_canvas_graphml()")
    except DocumentError as error:
        if mode == "raise":
            raise
        unreadable = [Problem(f"{file.name} {p.location}", p.message) for p in error.problems]
        return complete([], unreadable, errors=mode, source=file.name)
    names = {
        key.get("id"): _layout_suffix(key.get("attr.name") or key.get("id") or "")
        for key in root.iter(f"{_GRAPHML}key")
    }

    declared: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    for key in root.iter(f"{_GRAPHML}key"):
        for domain in declared if key.get("for", "all") == "all" else [key.get("for")]:
            if domain in declared:
                declared[domain][names[key.get("id")]] = ""

    def data_of(element: Any, domain: str) -> dict[str, str]:
        # GraphML leaves out null values: every declared key is a column, empty by default.
        return declared[domain] | {
            str(names.get(d.get("key"), d.get("key"))): d.text or ""
            for d in element.findall(f"{_GRAPHML}data")
        }

    used: dict[str, int] = {}
    interviews = [
        _graph_interview(
            graph, number_, file=file.name, data_of=data_of, mapping=mapping, used=used
        )
        for number_, graph in enumerate(root.iter(f"{_GRAPHML}graph"), start=1)
    ]
    problems: list[Problem] = []
    networks, dropped = _build_all(interviews, mapping, problems)
    return complete(networks, problems, errors=mode, source=file.name, dropped=dropped)


def _graph_interview(
    graph: Any,
    number_: int,
    *,
    file: str,
    data_of: Callable[[Any, str], dict[str, str]],
    mapping: NetworkCanvasMapping,
    used: dict[str, int],
) -> _Interview:
    """One ``<graph>`` as an interview: the ego row, the people, the edges."""
    ego_data = data_of(graph, "graph")
    uuid = ego_data.get("networkCanvasUUID") or f"graph-{number_}"
    ego_data |= {"networkCanvasEgoUUID": uuid}
    for attribute in ("sessionStartTime", "sessionFinishTime"):
        if graph.get(f"{_NC}{attribute}"):
            ego_data.setdefault(attribute, str(graph.get(f"{_NC}{attribute}")))
    case = _id(str(graph.get(f"{_NC}caseId") or uuid))
    used[case] = used.get(case, 0) + 1
    ego = _Row(file, number_, ego_data, unit="graph")
    interview = _Interview(ego, case if used[case] == 1 else f"{case}-{used[case]}")
    uuid_of: dict[str, str] = {}
    for node in graph.findall(f"{_GRAPHML}node"):
        node_data = data_of(node, "node") | {"nodeID": str(node.get("id") or "")}
        uuid_of[node_data["nodeID"]] = node_data.get("networkCanvasUUID") or node_data["nodeID"]
        node_data["networkCanvasUUID"] = uuid_of[node_data["nodeID"]]
        kind = re.sub(r"\W", "", node_data.get("networkCanvasType", ""))
        interview.nodes.append(_Row(file, _line(node.get("id")), node_data, "node", kind))
    for edge in graph.findall(f"{_GRAPHML}edge"):
        edge_data = data_of(edge, "edge")
        kind = re.sub(r"\W", "", edge_data.get("networkCanvasType", ""))
        if mapping.edge_types and kind not in mapping.edge_types:
            continue
        source, target = str(edge.get("source") or ""), str(edge.get("target") or "")
        edge_data |= {
            "from": source,
            "to": target,
            "networkCanvasSourceUUID": uuid_of.get(source, ""),
            "networkCanvasTargetUUID": uuid_of.get(target, ""),
        }
        interview.edges.append(_Row(file, _line(edge.get("id")), edge_data, "edge", kind))
    return interview


def _layout_suffix(name: str) -> str:
    """GraphML writes layout coordinates as ``<name>_X``/``_Y``; CSV as ``_x``/``_y``."""
    return name[:-2] + name[-2:].lower() if name.endswith(("_X", "_Y")) else name


def _line(identifier: str | None) -> int:
    whole = whole_number(identifier) if identifier and identifier.isdigit() else None
    return whole if whole is not None and whole >= 0 else 0


# -- one interview -----------------------------------------------------------------------------


def _build_all(
    interviews: list[_Interview], mapping: NetworkCanvasMapping, problems: list[Problem]
) -> tuple[list[SupportNetwork], list[Problem]]:
    left_out = _choose_people(interviews, mapping)
    networks: list[SupportNetwork] = []
    dropped: list[Problem] = []
    for interview in interviews:
        network, own_problems, own_dropped = _network(interview, mapping)
        problems += own_problems
        if network is not None:
            networks.append(network)
            dropped += [item for owner, item in left_out if owner is interview] + own_dropped
    return networks, dropped


def _variables(
    row: _Row, variables: tuple[str, ...], mapping: NetworkCanvasMapping
) -> dict[str, Any]:
    """The requested variables of a row as attributes: one per variable, or per option."""
    out: dict[str, Any] = {}

    def put(name: str, value: Any, column: str) -> None:
        if not attribute_name_ok(name):
            row.problems.append(
                Problem(
                    row.where(column),
                    "cannot be an attribute name (a letter or _ first, then letters, digits,"
                    " _ . -; at most 64)",
                )
            )
        elif value is not None:
            out[name] = value

    for variable in variables:
        if variable in row.data:
            put(variable, parse_cell(row.value(variable)), variable)
        elif f"{variable}_x" in row.data and f"{variable}_y" in row.data:
            for axis in ("x", "y"):
                put(f"{variable}_{axis}", _coordinate(row, f"{variable}_{axis}"), variable)
        elif options := row.options(variable):
            if variable in mapping.multi_select:
                for option, column in options:
                    put(f"{variable}_{option}", row.flag(column), column)
                continue
            chosen = [option for option, column in options if row.flag(column)]
            if len(chosen) > 1:
                row.problems.append(
                    Problem(
                        row.where(f"{variable}_*"),
                        "has more than one option chosen (name the variable in multi_select"
                        " to keep one true/false attribute per option)",
                    )
                )
            elif chosen:
                put(variable, parse_cell(chosen[0]), f"{variable}_{chosen[0]}")
        else:
            row.problems.append(Problem(row.where(variable), "is not in this file"))
    return out


def _coordinate(row: _Row, column: str) -> float | None:
    text = row.value(column)
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        row.problems.append(Problem(row.where(column), "is not a number"))
        return None
    if not 0.0 <= value <= 1.0:
        row.problems.append(Problem(row.where(column), "is outside the sociogram (0 to 1)"))
        return None
    return value


def _mapped(row: _Row, variable: str, values: dict[str, Any]) -> Any:
    """A mapped value from a ``<variable>`` column, or from one chosen option.

    ``None`` when nothing was chosen or the value maps to ``None`` (not recorded).
    """
    raw = row.value(variable)
    if raw is None and variable not in row.data:
        options = row.options(variable)
        if not options:
            row.problems.append(Problem(row.where(variable), "is not in this file"))
            return None
        chosen = [option for option, column in options if row.flag(column)]
        if len(chosen) > 1:
            row.problems.append(
                Problem(row.where(f"{variable}_*"), "has more than one option chosen")
            )
            return None
        raw = chosen[0] if chosen else None
    if raw is None:
        return None
    return values.get(raw, raw)


def _supports(row: _Row, mapping: NetworkCanvasMapping) -> list[str] | None:
    """The support types chosen; ``None`` when an option mapped to ``None`` was chosen."""
    chosen = [mapping.support_values.get(o, o) for o in row.chosen(mapping.supports or "")]
    found = [value for value in chosen if value is not None]
    return sorted(set(found)) if len(found) == len(chosen) else None


def _support_types_asked(interview: _Interview, mapping: NetworkCanvasMapping) -> list[str] | None:
    """The kinds of support the protocol's support variable offers (``None``: all four).

    No support variable: none were asked. Otherwise the options found in the file,
    as mapped; options that are not a kind of support of ours (or map to ``None``)
    ask about nothing here.
    """
    if not mapping.supports:
        return []
    options = {o for row in interview.people for o, _ in row.options(mapping.supports)}
    if not options:
        return None
    ours = {t.value for t in SupportType}
    asked = {mapping.support_values.get(o, o) for o in options}
    return [t for t in ours if t in asked] if not ours <= asked else None


def _layout_ring(row: _Row, mapping: NetworkCanvasMapping) -> int | None:
    variable = mapping.closeness_from_layout or ""
    if f"{variable}_x" not in row.data or f"{variable}_y" not in row.data:
        row.problems.append(Problem(row.where(f"{variable}_x"), "is not in this file"))
        return None
    x, y = _coordinate(row, f"{variable}_x"), _coordinate(row, f"{variable}_y")
    if x is None or y is None:
        return None
    return sociogram_ring(
        x, y, rings=mapping.rings, skewed=mapping.skewed, aspect_ratio=mapping.layout_aspect_ratio
    )


def _relationship(row: _Row, pid: str, mapping: NetworkCanvasMapping) -> dict[str, Any]:
    relationship: dict[str, Any] = {"person": pid}
    if mapping.role and (role := _mapped(row, mapping.role, mapping.role_values)) is not None:
        relationship["role"] = role
    if mapping.closeness:
        value = _mapped(row, mapping.closeness, mapping.closeness_values)
        if value is not None:
            relationship["closeness"] = value
    elif mapping.closeness_from_layout:
        ring = _layout_ring(row, mapping)
        if ring is not None:
            relationship["closeness"] = mapping.circle_of_ring(ring).value
            relationship["attributes"] = {"sociogram_ring": ring}
    if mapping.supports:
        if row.options(mapping.supports):
            if (supports := _supports(row, mapping)) is not None:
                relationship["supports"] = supports
        else:
            row.problems.append(Problem(row.where(f"{mapping.supports}_*"), "is not in this file"))
    for name, variable, values in (
        ("contact", mapping.contact, mapping.contact_values),
        ("strain", mapping.strain, mapping.strain_values),
    ):
        if variable and (value := _mapped(row, variable, values)) is not None:
            relationship[name] = value
    return relationship


def _tie(pair: list[str], attributes: dict[str, Any]) -> Any:
    return {"between": pair, "attributes": attributes} if attributes else pair


def _network(
    interview: _Interview, mapping: NetworkCanvasMapping
) -> tuple[SupportNetwork | None, list[Problem], list[Problem]]:
    ego = interview.ego
    people: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    rows: list[_Row] = []
    pid_of: dict[str, str] = {}  # node uuid -> person id
    first_row: dict[str, _Row] = {}
    extra: list[Problem] = []
    for node in interview.people:
        uuid = node.value("networkCanvasUUID") or ""
        node_id = node.value("nodeID") or ""
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,120}", node_id):
            extra.append(Problem(node.where("nodeID"), "is not a node id (letters and digits)"))
            continue
        if uuid in first_row:
            extra.append(
                Problem(
                    node.where("networkCanvasUUID"),
                    f"repeats the person of {first_row[uuid].place}",
                )
            )
            continue
        first_row[uuid] = node
        pid = f"n{node_id}"
        pid_of[uuid] = pid
        person: dict[str, Any] = {"id": pid}
        if mapping.name and node.value(mapping.name):
            person["name"] = node.value(mapping.name)
        if attributes := _variables(node, mapping.attributes, mapping):
            person["attributes"] = attributes
        people.append(person)
        relationships.append(_relationship(node, pid, mapping))
        rows.append(node)
    ties, tie_rows, dropped = _ties(interview, rows, pid_of, extra)
    ego_data = _ego_data(interview, mapping)
    problems = [p for row in (ego, *rows) for p in row.problems]
    later = [p for row in interview.edges for p in row.problems] + extra
    pairs = list(ties)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,  # a field the mapping does not give: not recorded
        "ego": ego_data,
        "people": people,
        "relationships": relationships,
        "ties": [_tie(sorted(pair), ties[pair]) for pair in pairs],
        "gives_types_asked": [],  # Network Canvas protocols map no "gives" variable
    }
    if (asked := _support_types_asked(interview, mapping)) is not None:
        document["support_types_asked"] = asked
    if not interview.ties_listed:
        document["ties_asked"] = []
    if (day := _day(ego)) is not None:
        document["collected_on"] = day
    try:
        network = network_from_data(document)
    except DocumentError as error:
        located = [
            _where(p, ego, rows, [tie_rows[pair] for pair in pairs], mapping)
            for p in error.problems
        ]
        return None, problems + located + later, dropped
    problems += later
    return (None, problems, dropped) if problems else (network, [], dropped)


def _ego_data(interview: _Interview, mapping: NetworkCanvasMapping) -> dict[str, Any]:
    """The ego: its id, its variables, and the counts of other node types asked for."""
    ego = interview.ego
    ego_data: dict[str, Any] = {"id": interview.ego_id}
    ego_attributes = _variables(ego, mapping.ego_attributes, mapping)
    for kind in mapping.count_node_types:
        name = f"{kind}_count"
        if attribute_name_ok(name):
            ego_attributes[name] = interview.other_counts.get(kind, 0)
        else:
            ego.problems.append(
                Problem(ego.place, f"count_node_types: {name} cannot be an attribute name")
            )
    if ego_attributes:
        ego_data["attributes"] = ego_attributes
    return ego_data


def _ties(
    interview: _Interview, rows: list[_Row], pid_of: dict[str, str], extra: list[Problem]
) -> tuple[dict[frozenset[str], dict[str, Any]], dict[frozenset[str], _Row], list[Problem]]:
    """One tie per pair of people, with every edge type (and its variables) as attributes.

    Self-loops, repeated edges (same pair, same type) and edges to nodes of a type
    the mapping leaves out are dropped, each named; an edge to no known node is a
    problem.
    """
    ties: dict[frozenset[str], dict[str, Any]] = {}
    tie_rows: dict[frozenset[str], _Row] = {}
    seen: dict[tuple[frozenset[str], str], _Row] = {}
    dropped: list[Problem] = []
    id_of = {node.value("nodeID") or "": node.value("networkCanvasUUID") or "" for node in rows}
    for edge in interview.edges:
        ends = [
            (edge.value(end) or id_of.get(edge.value(fallback) or "", ""), end)
            for end, fallback in (
                ("networkCanvasSourceUUID", "from"),
                ("networkCanvasTargetUUID", "to"),
            )
        ]
        if any(uuid in interview.others and uuid not in pid_of for uuid, _ in ends):
            dropped.append(
                Problem(edge.place, "joins a node of a type the mapping leaves out; left out")
            )
            continue
        if unknown := [end for uuid, end in ends if uuid not in pid_of]:
            extra += [Problem(edge.where(e), "names no person in this interview") for e in unknown]
            continue
        a, b = pid_of[ends[0][0]], pid_of[ends[1][0]]
        pair = frozenset((a, b))
        if a == b:
            dropped.append(Problem(edge.place, "joins a person to themselves; left out"))
        elif (pair, edge.kind) in seen:
            dropped.append(
                Problem(
                    edge.place,
                    f"repeats {seen[pair, edge.kind].place} (same two people, same edge type);"
                    " left out",
                )
            )
        else:
            seen[pair, edge.kind] = edge
            tie_rows.setdefault(pair, edge)
            _edge_attributes(edge, ties.setdefault(pair, {}))
    return ties, tie_rows, dropped


def _edge_attributes(edge: _Row, attributes: dict[str, Any]) -> None:
    """``type.<Type>: true`` and each edge variable as ``<Type>.<variable>``."""
    prefix = f"{edge.kind}." if edge.kind else ""
    if edge.kind:
        attributes[f"type.{edge.kind}"] = True
    for column in edge.data:
        if column in _EDGE_FIXED:
            continue
        name = f"{prefix}{column}"
        if not attribute_name_ok(name):
            edge.problems.append(Problem(edge.where(column), "cannot be a tie attribute name"))
        elif (value := parse_cell(edge.value(column))) is not None:
            attributes[name] = value


def _day(ego: _Row) -> str | None:
    for column in ("sessionStart", "sessionStartTime", "sessionFinish", "sessionFinishTime"):
        text = ego.value(column) or ""
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            return text[:10]
    return None


_COLUMN = {"id": "nodeID", "person": "nodeID", "name": "name"}


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
    part, index, name = match.group(1), int(match.group(2)), match.group(3) or "id"
    if part == "ties":
        return Problem(tie_rows[index].place, problem.message)
    if name == "closeness" and mapping.closeness_from_layout:
        column = f"{mapping.closeness_from_layout}_x"
    elif name in ("role", "closeness", "contact", "strain", "supports"):
        column = getattr(mapping, name) or name
    elif name == "name":
        column = mapping.name or "name"
    else:
        column = _COLUMN.get(name, name)
    return Problem(rows[index].where(column), problem.message)
