r"""egor's file layouts to support networks, with nothing lost and nothing invented.

[`read_egor`][grace_support.importers.read_egor] reads the layouts that egor (the
R package for ego-centred networks) reads and writes, given as egor's readers take
them:

| ``layout`` | what it is | egor's reader | weight-0 ties |
|---|---|---|---|
| ``"folder"`` | egos file, one alters and one edges file per ego | ``read_egonet`` | kept |
| ``"three-files"`` | egos, alters, alter-alter ties (ego ids) | ``threefiles_to_egor`` | kept |
| ``"one-file"`` | one row per ego; ``sex.1``, ``X1.to.2`` columns | ``onefile_to_egor`` | no tie |
| ``"two-files"`` | egos with ``X1.to.2`` columns; long alters | ``twofiles_to_egor`` | no tie |
| ``"egoweb"`` | EgoWeb 2.0: (egos,) alters, edges | ``read_egoweb`` | kept |
| ``"openeddi"`` | ``*responses*``, ``*namedetails*``, ``*nameties*`` | ``read_openeddi`` | kept |

The ``"folder"`` layout is egor's ``read_egonet(egos.file, alter.folder,
edge.folder)``: pass the three paths (``["egos_32.csv", "alters_32/",
"edges_32/"]``), where each folder holds one file per ego named by the ego's id
(``1.csv``); or one folder with ``alters_<ego>.csv`` and ``edges_<ego>.csv`` beside
the egos file. A folder that holds several studies (egor's ``extdata``) is read
when the names match one set (``egos_32.csv`` with ``alters_32/`` and
``edges_32/``); when more than one set matches, the error lists them.

The id columns are egor's: ``egoID`` (or ``.egoID``) for the ego, ``alterID`` (or
``.altID``) for the alter, ``Source``/``Target`` (or ``.srcID``/``.tgtID``) for a tie;
EgoWeb's ``EgoID``, ``Alter.Number``, ``Alter.1.Number``, ``Alter.2.Number``;
openeddi's ``puid``, ``nameid``, ``targetid``. ``weight`` is the tie's weight.

- **Attributes.** Every ego and alter column that is not mapped becomes an
  attribute of that name, read as every importer reads a cell (numbers stay
  numbers, ``TRUE``/``FALSE`` become booleans, a code with a leading zero stays
  text, a blank or ``NA`` cell is no value). Other columns of a ties file become
  attributes of the tie.
- **Mapping.** ``columns`` maps a file's column to one of our fields: ``role``,
  ``closeness``, ``contact``, ``last_contact``, ``strain``, ``name``, ``supports``
  (a list of support types in one cell) or a support type (``emotional``,
  ``practical``, ``informational``, ``peer``: a boolean column), ``gives_<type>``
  (the ego gives this person that support), ``need_<type>`` and ``collected_on``
  on the egos file, or the id fields ``ego_id``, ``alter_id``, ``source``,
  ``target``, ``weight``, ``netsize``. Mapping a column to any other name renames
  the attribute. A mapping of ``{"egos": {...}, "alters": {...}, "ties": {...}}``
  applies a separate mapping to each file. Role and closeness are never invented:
  when no column is mapped to them they are not recorded.
- **Booleans** are read strictly (see ``grace_support.importers``); a blank support
  or need cell is false.
- **Ties, as egor reads them.** In the long layouts (folder, three files, EgoWeb,
  openeddi) every row of a ties file is a tie, whatever its weight, as egor's
  ``threefiles_to_egor`` and ``read_egonet`` keep it. A weight of 0, which a tie
  here cannot carry, is kept as the tie's attribute ``weight`` (``0``) and the tie
  is unweighted; filter those ties if 0 means "do not know each other" in your
  study. In the wide layouts (one file, two files) a ``0`` cell is no tie, as
  egor's wide readers drop it, and is listed in ``ImportResult.dropped``; a blank
  or ``NA`` cell was not answered and is no tie. A tie from an alter to itself and
  a second tie between the same two alters are left out and listed. A blank
  weight is an unweighted tie.
- **Recorded, asked.** A person's ``supports``, ``gives`` and ``strain`` are not
  recorded when no column holds them. The network says which kinds of support
  were asked (those with a column; a ``supports`` list column: all four; none:
  ``[]``) and whose ties were asked (everyone; no edge files in the folder
  layout: no one; in the wide layouts, the alters the ``X<i>.to.<j>`` columns name).
  In the one-file layout, ``max_names`` is the number of alter column blocks (the
  most names the study took, egor's ``max.alters``).
- **Sizes.** An ego whose ``netsize`` is above 0 but who has no alter rows is a
  problem (the egos and alters files may not belong together), never an empty
  network.
- **Ids.** egor's alter ids restart at 1 in each network and may equal the ego's
  id, which a network document does not allow; every alter id is written with
  ``alter_prefix`` before it (``"a"``: alter ``3`` becomes ``a3``).
- **Files.** Separator (``,``, ``;``, tab, ``|``) and decimal mark (``,`` with
  ``;``, as R's ``write.csv2`` writes) are detected when not given. An R row-name
  column (a first column with an empty name, which pandas calls ``Unnamed: 0``)
  is ignored. Places are file lines (the header is line 1).

Examples:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "egos.csv").write_text("egoID;sex\n1;w\n")
    >>> _ = (folder / "alters_1.csv").write_text(
    ...     'alterID;sex;rel\n1;m;"friend"\n2;w;sibling\n3;w;peer\n')
    >>> _ = (folder / "edges_1.csv").write_text("Source;Target;weight\n1;2;0,5\n2;3;0\n")
    >>> (network,) = read_egor(folder, columns={"rel": "role"})
    >>> [p.id for p in network.people], network.ego.attributes["sex"]
    (['a1', 'a2', 'a3'], 'w')
    >>> network.tie("a1", "a2").weight, network.relationship("a1").closeness
    (0.5, None)
    >>> network.tie("a2", "a3").attributes["weight"]  # kept, as egor's read_egonet keeps it
    0
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args, overload

from grace_support._input import (
    DEFAULT_MAX_BYTES,
    column_label,
    guarded,
    read_text,
    source_name,
    whole_number,
)
from grace_support.errors import DocumentError, InputError, Problem
from grace_support.importers._common import complete
from grace_support.importers._result import ErrorMode, ImportResult, check_errors_mode
from grace_support.importers._study import AlterRow, EgoRow, Origin, TieRow, assemble
from grace_support.importers._values import (
    detect_decimal,
    detect_sep,
    first_duplicate,
    is_missing,
    parse_cell,
    parse_number,
    split_csv,
    strict_bool,
)
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from os import PathLike

    from grace_support.network import SupportNetwork

__all__ = ["LAYOUTS", "EgorLayout", "read_egor"]

EgorLayout = Literal["folder", "three-files", "one-file", "two-files", "egoweb", "openeddi"]
"""The egor layouts [`read_egor`][grace_support.importers.read_egor] reads."""
LAYOUTS: tuple[EgorLayout, ...] = get_args(EgorLayout)
"""Every layout name, in the order of the table above."""

_TYPES = tuple(t.value for t in SupportType)
_RELATIONSHIP_FIELDS = ("role", "closeness", "contact", "last_contact", "strain")
_DOCUMENT_FIELDS = ("collected_on",)
_ID_FIELDS = ("ego_id", "alter_id", "source", "target", "weight", "netsize")
_FIELDS = frozenset(
    {*_RELATIONSHIP_FIELDS, *_DOCUMENT_FIELDS, *_ID_FIELDS, "name", "supports", *_TYPES}
    | {f"need_{t}" for t in _TYPES}
    | {f"gives_{t}" for t in _TYPES}
)
_FILE_KEYS = ("egos", "alters", "ties")

# egor's ID.vars of each reader; the first name found in a file wins.
_EGOR_IDS: dict[str, tuple[str, ...]] = {
    "ego_id": (".egoID", "egoID"),
    "alter_id": (".altID", "alterID"),
    "source": (".srcID", "Source"),
    "target": (".tgtID", "Target"),
}
_IDS: dict[str, dict[str, tuple[str, ...]]] = {
    "egoweb": {
        "ego_id": ("EgoID",),
        "alter_id": ("Alter.Number",),
        "source": ("Alter.1.Number",),
        "target": ("Alter.2.Number",),
    },
    "openeddi": {
        "ego_id": ("puid",),
        "alter_id": ("nameid",),
        "source": ("nameid",),
        "target": ("targetid",),
    },
}
_ROW_NAMES = ("", "Unnamed: 0")
_DYAD = re.compile(r"^X?(\d+)[._ ]?to[._ ]?(\d+)$", re.IGNORECASE)
_SLOT = re.compile(r"^(.+?)[._](\d+)$")
_SKIP = "\x00skip"


class _UnreadableError(Exception):
    """A file that cannot be read at all; its problems go to the result."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("unreadable")
        self.problems = problems


@dataclass(slots=True)
class _Table:
    source: str
    header: list[str]
    rows: list[tuple[int, dict[str, str | None]]]
    decimal: str
    fields: dict[str, str] = field(default_factory=dict)  # column -> our field or attribute
    ragged: dict[int, str] = field(default_factory=dict)  # row -> problem

    def column(self, target: str) -> str | None:
        """The column mapped (or named) for a field."""
        return next((c for c, t in self.fields.items() if t == target), None)


@dataclass(slots=True)
class _Options:
    sep: str | None
    decimal: str | None
    encoding: str
    max_bytes: int
    columns: Mapping[str, Any]
    alter_prefix: str
    ids: dict[str, tuple[str, ...]]
    alter_fields: set[str] = field(default_factory=set)  # every field an alters column holds


# -- reading files ----------------------------------------------------------------------------


def _load(path: Path, kind: str, options: _Options) -> _Table:
    """Read one CSV file and assign each column its field."""
    name = source_name(path)
    try:
        text = read_text(path, encoding=options.encoding, max_bytes=options.max_bytes)
    except DocumentError as error:
        raise _UnreadableError(
            [Problem(p.location, p.message, source=error.source or name) for p in error.problems]
        ) from None
    sep = options.sep or detect_sep(text)
    decimal = options.decimal or detect_decimal(text, sep=sep)
    try:
        header, raw = split_csv(text, sep=sep)
    except ValueError as error:
        raise _UnreadableError([Problem("(file)", str(error), source=name)]) from None
    skip = 1 if header and header[0] in _ROW_NAMES else 0
    columns = header[skip:]
    if not columns:
        raise _UnreadableError([Problem("line 1", "has no column names", source=name)])
    if (twice := first_duplicate(columns)) is not None:
        where = f"line 1, column {column_label(twice, columns)}"
        raise _UnreadableError([Problem(where, "is named twice", source=name)])
    if "" in columns:
        where = f"line 1, column {columns.index('') + skip + 1}"
        raise _UnreadableError([Problem(where, "has no name", source=name)])
    table = _Table(name, columns, [], decimal)
    for number, cells in raw:
        if len(cells) != len(header):
            more = "more" if len(cells) > len(header) else "fewer"
            table.ragged[number] = f"has {more} cells than the header has columns"
        values = cells[skip:]
        table.rows.append(
            (number, {c: (values[i] if i < len(values) else None) for i, c in enumerate(columns)})
        )
    table.fields = _fields(columns, kind, options)
    if kind == "alters":
        options.alter_fields |= set(table.fields.values())
    return table


def _fields(columns: Sequence[str], kind: str, options: _Options) -> dict[str, str]:
    mapping = _mapping_for(kind, options.columns)
    fields: dict[str, str] = {}
    for wanted, names in options.ids.items():
        if kind == "egos" and wanted != "ego_id":
            continue
        if kind == "alters" and wanted not in ("ego_id", "alter_id"):
            continue
        if kind == "ties" and wanted == "alter_id":
            continue
        found = next((n for n in names if n in columns and n not in fields), None)
        if found is not None and wanted not in mapping.values():
            fields[found] = wanted
    if kind == "egos" and "netsize" in columns and "netsize" not in mapping.values():
        fields.setdefault("netsize", "netsize")
    if kind == "ties" and "weight" in columns and "weight" not in mapping.values():
        fields.setdefault("weight", "weight")
    fields |= {column: target for column, target in mapping.items() if column in columns}
    return {c: fields.get(c, c) for c in columns}


def _per_file(columns: Mapping[str, Any]) -> bool:
    """Whether ``columns`` is one mapping per file (``{"egos": {...}, "alters": {...}}``)."""
    return bool(columns) and all(
        k in _FILE_KEYS and not isinstance(v, str) for k, v in columns.items()
    )


def _mapping_for(kind: str, columns: Mapping[str, Any]) -> dict[str, str]:
    if _per_file(columns):
        return dict(columns.get(kind) or {})
    return dict(columns)


def _check_columns(columns: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check ``columns`` early: a typo must not be silently ignored."""
    if columns is None:
        return {}
    mappings = [columns.get(k) or {} for k in _FILE_KEYS] if _per_file(columns) else [columns]
    for mapping in mappings:
        for column, target in mapping.items():
            if not isinstance(column, str) or not isinstance(target, str) or not target:
                raise ValueError("columns maps a column name to a field name (both text)")
    return dict(columns)


# -- turning rows into records ----------------------------------------------------------------


def _origin(table: _Table, number: int, fields: Mapping[str, str] | None = None) -> Origin:
    columns = {t: c for c, t in table.fields.items()} if fields is None else dict(fields)
    for column, target in table.fields.items() if fields is None else ():
        if target not in _FIELDS:
            columns[f"attributes.{target}"] = column
    supports = [c for c, t in table.fields.items() if t in _TYPES or t == "supports"]
    if supports and fields is None:
        columns["supports"] = ", ".join(supports)
    needs = [c for c, t in table.fields.items() if t.startswith("need_")]
    if needs and fields is None:
        columns["needs"] = ", ".join(needs)
    columns.setdefault("id", columns.get("ego_id", ""))
    if "source" in columns and "target" in columns:
        columns.setdefault("between", f"{columns['source']}/{columns['target']}")
    return Origin(table.source, f"line {number}", columns)


def _text(value: str | None) -> str | None:
    return None if value is None or is_missing(value) else value.strip()


def _attribute(value: str | None, decimal: str) -> Any:
    return parse_cell(value, decimal=decimal)


@dataclass(slots=True)
class _Fields:
    """The document fields read from one row (by our field name)."""

    person: dict[str, Any] = field(default_factory=dict)
    relationship: dict[str, Any] = field(default_factory=dict)
    needs: list[str] | None = None
    ids: dict[str, str | None] = field(default_factory=dict)
    weight: float | None = None
    netsize: int | None = None
    tie_attributes: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    gives: list[str] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Cell:
    table: _Table
    number: int
    column: str
    value: str | None

    def problem(self, out: _Fields, message: str) -> None:
        where = f"line {self.number}, column {column_label(self.column, self.table.header)}"
        out.problems.append(Problem(where, message, source=self.table.source))


def _read_number(cell: _Cell, out: _Fields, target: str) -> None:
    if is_missing(cell.value):
        return
    number = parse_number(cell.value or "", decimal=cell.table.decimal)
    if target == "weight":
        if number is None or number < 0:
            cell.problem(out, "is not a weight (a number, 0 or more)")
        else:
            out.weight = number
        return
    if not isinstance(number, int) or number < 0:
        cell.problem(out, "is not a network size (a whole number, 0 or more)")
    else:
        out.netsize = number
    out.attributes["netsize"] = number if isinstance(number, int) else _text(cell.value)


def _read_flag(cell: _Cell, out: _Fields, target: str) -> None:
    try:
        chosen = strict_bool(cell.value)
    except ValueError as error:
        cell.problem(out, str(error))
        return
    if target.startswith("need_"):
        out.needs = out.needs if out.needs is not None else []
        if chosen:
            out.needs.append(target.removeprefix("need_"))
    elif chosen:
        chosen_list = out.gives if target.startswith("gives_") else out.supports
        chosen_list.append(target.removeprefix("gives_"))


def _read_text(cell: _Cell, out: _Fields, target: str) -> None:
    text = _text(cell.value)
    if text is None:
        return
    if target == "supports":
        out.supports += [t for t in re.split(r"[\s,;|]+", text) if t]
    elif target == "name":
        out.person["name"] = text
    elif target in _DOCUMENT_FIELDS:
        out.document[target] = text
    else:
        out.relationship[target] = text


def _read_cell(cell: _Cell, out: _Fields, target: str) -> None:
    if target in ("ego_id", "alter_id", "source", "target"):
        out.ids[target] = _text(cell.value)
    elif target in ("weight", "netsize"):
        _read_number(cell, out, target)
    elif target in _TYPES or target.startswith(("need_", "gives_")):
        _read_flag(cell, out, target)
    elif target in ("supports", "name", *_RELATIONSHIP_FIELDS, *_DOCUMENT_FIELDS):
        _read_text(cell, out, target)
    elif (attribute := _attribute(cell.value, cell.table.decimal)) is not None:
        out.attributes[target] = attribute


def _read_row(
    table: _Table, number: int, cells: Mapping[str, str | None], origin: Origin, kind: str
) -> _Fields:
    out = _Fields()
    if number in table.ragged:
        out.problems.append(origin.problem(table.ragged[number]))
    for column, target in table.fields.items():
        if target != _SKIP:
            _read_cell(_Cell(table, number, column, cells.get(column)), out, target)
    if kind == "alters":  # a field no column holds is not recorded (left out of the document)
        if out.supports or any(t in _TYPES or t == "supports" for t in table.fields.values()):
            out.relationship["supports"] = list(dict.fromkeys(out.supports))
        if out.gives or any(t.startswith("gives_") for t in table.fields.values()):
            out.relationship["gives"] = list(dict.fromkeys(out.gives))
    if kind == "ties" and out.weight == 0:  # a row is a tie in egor's long layouts
        out.weight = None
        out.attributes["weight"] = 0
    if out.attributes:
        if kind == "ties":
            out.tie_attributes = out.attributes
        else:
            out.person["attributes"] = out.attributes
    return out


def _egos(table: _Table) -> tuple[list[EgoRow], dict[str, int | None], list[Problem]]:
    """Ego records, each ego's netsize, and problems of rows without an ego id."""
    egos: list[EgoRow] = []
    sizes: dict[str, int | None] = {}
    problems: list[Problem] = []
    if table.column("ego_id") is None:
        raise _UnreadableError([Problem("line 1", "has no ego id column", source=table.source)])
    for number, cells in table.rows:
        origin = _origin(table, number)
        fields = _read_row(table, number, cells, origin, "egos")
        ego_id = fields.ids.get("ego_id")
        if ego_id is None:
            problems.append(origin.problem("has no ego id", "ego_id"))
            continue
        egos.append(
            EgoRow(ego_id, origin, fields.person, fields.needs, fields.problems, fields.document)
        )
        sizes.setdefault(ego_id, fields.netsize)
    return egos, sizes, problems


def _alters(
    table: _Table, options: _Options, *, ego_id: str | None = None
) -> tuple[list[AlterRow], list[Problem]]:
    """Alter records of a long alters table (all egos, or the one ego of a per-ego file)."""
    alters: list[AlterRow] = []
    problems: list[Problem] = []
    needed = ("alter_id",) if ego_id is not None else ("ego_id",)
    for wanted in needed:
        if table.column(wanted) is None:
            raise _UnreadableError(
                [Problem("line 1", f"has no {_WORDS[wanted]} column", table.source)]
            )
    counters: dict[str, int] = {}
    for number, cells in table.rows:
        origin = _origin(table, number)
        fields = _read_row(table, number, cells, origin, "alters")
        ego = fields.ids.get("ego_id") if ego_id is None else ego_id
        if ego_id is not None and table.column("ego_id") is not None:
            own = fields.ids.get("ego_id")
            if own is not None and own != ego_id:
                fields.problems.append(origin.problem("names another ego than the file", "ego_id"))
        if ego is None:
            problems.append(origin.problem("has no ego id", "ego_id"))
            continue
        counters[ego] = counters.get(ego, 0) + 1
        if table.column("alter_id") is None:  # egor numbers alters 1, 2, ... per ego
            alter = str(counters[ego])
        else:
            alter = fields.ids.get("alter_id")  # type: ignore[assignment]
            if alter is None:
                fields.problems.append(origin.problem("has no alter id", "alter_id"))
                alter = f"(line {number})"
        alters.append(
            AlterRow(
                ego,
                options.alter_prefix + alter,
                origin,
                fields.person,
                fields.relationship,
                fields.problems,
            )
        )
    return alters, problems


_WORDS = {"ego_id": "ego id", "alter_id": "alter id", "source": "source", "target": "target"}


def _ties(
    table: _Table, options: _Options, *, ego_id: str | None = None
) -> tuple[list[TieRow], list[Problem]]:
    """Tie records of a long ties table."""
    ties: list[TieRow] = []
    problems: list[Problem] = []
    for wanted in ("source", "target", *(() if ego_id is not None else ("ego_id",))):
        if table.column(wanted) is None:
            raise _UnreadableError(
                [Problem("line 1", f"has no {_WORDS[wanted]} column", table.source)]
            )
    for number, cells in table.rows:
        origin = _origin(table, number)
        fields = _read_row(table, number, cells, origin, "ties")
        ego = fields.ids.get("ego_id") if ego_id is None else ego_id
        if ego_id is not None and table.column("ego_id") is not None:
            own = fields.ids.get("ego_id")
            if own is not None and own != ego_id:
                fields.problems.append(origin.problem("names another ego than the file", "ego_id"))
        if ego is None:
            problems.append(origin.problem("has no ego id", "ego_id"))
            continue
        ends = []
        for end in ("source", "target"):
            value = fields.ids.get(end)
            if value is None:
                fields.problems.append(origin.problem("has no alter id", end))
                value = ""
            ends.append(options.alter_prefix + value)
        ties.append(
            TieRow(
                ego,
                ends[0],
                ends[1],
                origin,
                fields.weight,
                fields.tie_attributes,
                fields.problems,
            )
        )
    return ties, problems


_Read = tuple[
    list[EgoRow],
    list[AlterRow],
    list[TieRow],
    list[Problem],
    list[tuple[str, Problem]],
    dict[str, int | None],
]
"""Egos, alters, ties, problems, what was left out (with its ego) and each ego's netsize."""

# -- the wide layouts -------------------------------------------------------------------------


def _dyad_columns(table: _Table) -> dict[str, tuple[int, int]]:
    dyads = {}
    for column, target in table.fields.items():
        if target == column and (match := _DYAD.match(column)):
            dyads[column] = (int(match.group(1)), int(match.group(2)))
    return dyads


def _slot_columns(table: _Table, skip: set[str]) -> dict[str, tuple[str, int]]:
    """Alter columns ``<variable>.<n>``: a variable counts when it has two or more numbers."""
    found: dict[str, dict[int, str]] = {}
    for column in table.header:
        if column in skip or table.fields[column] in _ID_FIELDS:
            continue
        if match := _SLOT.match(column):
            found.setdefault(match.group(1), {})[int(match.group(2))] = column
    return {
        column: (stem, n)
        for stem, numbers in found.items()
        if len(numbers) >= 2
        for n, column in numbers.items()
    }


def _wide_ties(
    table: _Table,
    number: int,
    cells: Mapping[str, str | None],
    ego_id: str,
    *,
    dyads: Mapping[str, tuple[int, int]],
    options: _Options,
    dropped: list[tuple[str, Problem]],
) -> list[TieRow]:
    """The ties of one ego's ``X1.to.2`` cells; a 0 is no tie, as egor's wide readers read it."""
    ties = []
    for column, (i, j) in dyads.items():
        value = cells.get(column)
        if is_missing(value):
            continue
        origin = Origin(
            table.source,
            f"line {number}",
            {"source": column, "target": column, "weight": column, "between": column},
        )
        weight = parse_number(value or "", decimal=table.decimal)
        problems = []
        if weight is None or weight < 0:
            problems.append(origin.problem("is not a tie weight (a number, 0 or more)", "weight"))
        elif weight == 0:
            dropped.append(
                (ego_id, origin.problem("is 0: no tie, as egor's wide readers read it", "weight"))
            )
            continue
        ties.append(
            TieRow(
                ego_id,
                f"{options.alter_prefix}{i}",
                f"{options.alter_prefix}{j}",
                origin,
                weight,
                problems=problems,
            )
        )
    return ties


def _ask_wide(
    egos: Sequence[EgoRow], dyads: Mapping[str, tuple[int, int]], options: _Options
) -> None:
    """In the wide layouts, ties were asked among the alters the ``X<i>.to.<j>`` columns name.

    No such column: no ties were asked at all. Columns for alters 1 to 5 of 8 slots:
    ties were asked among the first 5.
    """
    asked = {f"{options.alter_prefix}{n}" for pair in dyads.values() for n in pair}
    for ego in egos:
        ego.ties_asked = asked


def _one_file(table: _Table, options: _Options) -> _Read:
    dyads = _dyad_columns(table)
    # numbered columns mapped on the egos file (questionnaire items q_1, q_2...) stay the ego's
    ego_mapped = set(_mapping_for("egos", options.columns)) if _per_file(options.columns) else set()
    slots = _slot_columns(table, set(dyads) | ego_mapped)
    mapping = _mapping_for("alters", options.columns)
    ego_table = _Table(table.source, [], table.rows, table.decimal, ragged=table.ragged)
    ego_table.fields = {c: t for c, t in table.fields.items() if c not in dyads and c not in slots}
    ego_table.header = list(ego_table.fields)
    egos, sizes, problems = _egos(ego_table)
    _ask_wide(egos, dyads, options)
    alters: list[AlterRow] = []
    ties: list[TieRow] = []
    dropped: list[tuple[str, Problem]] = []
    numbers = sorted({n for _, n in slots.values()})
    if numbers:  # the file has a column block per alter: the most names the study took
        for ego in egos:
            ego.document["max_names"] = numbers[-1]
    id_column = ego_table.column("ego_id") or ""
    with_id = [(n, c) for n, c in table.rows if _text(c.get(id_column)) is not None]
    for (number, cells), ego in zip(with_id, egos, strict=True):
        netsize = sizes.get(ego.ego_id)
        for slot in numbers:
            columns = [c for c, (_, n) in slots.items() if n == slot]
            slot_table = _Table(table.source, columns, [], table.decimal)
            slot_table.fields = {c: mapping.get(slots[c][0], slots[c][0]) for c in columns}
            options.alter_fields |= set(slot_table.fields.values())
            filled = any(not is_missing(cells.get(c)) for c in columns)
            if netsize is not None and slot > netsize:
                if filled:
                    where = f"line {number}, alter {slot}"
                    message = "lies beyond the network size (netsize) and is left out, as in egor"
                    dropped.append((ego.ego_id, Problem(where, message, source=table.source)))
                continue
            if netsize is None and not filled:
                continue
            origin = _origin(slot_table, number)
            fields = _read_row(slot_table, number, cells, origin, "alters")
            alters.append(
                AlterRow(
                    ego.ego_id,
                    f"{options.alter_prefix}{slot}",
                    origin,
                    fields.person,
                    fields.relationship,
                    fields.problems,
                )
            )
        ties += _wide_ties(
            table, number, cells, ego.ego_id, dyads=dyads, options=options, dropped=dropped
        )
    return egos, alters, ties, problems, dropped, sizes


def _two_files(egos_table: _Table, alters_table: _Table, options: _Options) -> _Read:
    dyads = _dyad_columns(egos_table)
    ego_only = _Table(egos_table.source, [], egos_table.rows, egos_table.decimal)
    ego_only.ragged = egos_table.ragged
    ego_only.fields = {c: t for c, t in egos_table.fields.items() if c not in dyads}
    ego_only.header = list(ego_only.fields)
    egos, sizes, problems = _egos(ego_only)
    _ask_wide(egos, dyads, options)
    alters, more = _alters(alters_table, options)
    ties: list[TieRow] = []
    dropped: list[tuple[str, Problem]] = []
    id_column = ego_only.column("ego_id") or ""
    for number, cells in egos_table.rows:
        ego_id = _text(cells.get(id_column))
        if ego_id is not None:
            ties += _wide_ties(
                egos_table, number, cells, ego_id, dyads=dyads, options=options, dropped=dropped
            )
    return egos, alters, ties, problems + more, dropped, sizes


# -- finding the files ------------------------------------------------------------------------


def _csvs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())


def _one(paths: Sequence[Path], pattern: str, what: str, folder: Path) -> Path:
    found = [p for p in paths if re.search(pattern, p.name, re.IGNORECASE)]
    if len(found) != 1:
        count = "no" if not found else "more than one"
        raise _UnreadableError(
            [Problem("(folder)", f"has {count} {what} file", source=source_name(folder))]
        )
    return found[0]


def _header(path: Path, options: _Options) -> list[str]:
    """The column names of a file (for telling layouts apart); empty when unreadable."""
    try:
        text = read_text(path, encoding=options.encoding, max_bytes=options.max_bytes)
    except DocumentError:
        return []
    first = text.split("\n", 1)[0]
    sep = options.sep or detect_sep(first)
    return [c.strip().strip('"') for c in first.split(sep)]


@dataclass(frozen=True, slots=True)
class _Sources:
    """Where one study's files are: the layout, and the egos, alters and ties sources.

    In the ``"folder"`` layout ``alters`` and ``ties`` are folders of one file per
    ego (egor's ``alters_32/1.csv``), or the same folder holding ``alters_<ego>.csv``
    and ``edges_<ego>.csv``.
    """

    layout: EgorLayout
    egos: Path | None
    alters: Path
    ties: Path | None

    def describe(self) -> str:
        parts = [p for p in (self.egos, self.alters, self.ties) if p is not None]
        return " + ".join(p.name + ("/" if p.is_dir() else "") for p in parts)


_PER_EGO = re.compile(r"^alters_(.+)\.csv$", re.IGNORECASE)
_PER_EGO_TIES = re.compile(r"^(?:edges|ties)_(.+)\.csv$", re.IGNORECASE)
_PARAMETER_HINT = "give layout= (or the files: egos, alters, ties)"


def _has_ego_id(path: Path, options: _Options) -> bool:
    header = _header(path, options)
    return any(n in header for n in (*_EGOR_IDS["ego_id"], *_IDS["egoweb"]["ego_id"]))


def _long_layout(alters: Path, options: _Options) -> EgorLayout:
    header = _header(alters, options)
    return "egoweb" if "Alter.Number" in header else "three-files"


def _resolve(paths: Sequence[Path], layout: EgorLayout | None, options: _Options) -> _Sources:
    """The study's layout and files, from what was given (as egor's readers take them)."""
    if len(paths) == 1 and paths[0].is_dir():
        return _resolve_folder(paths[0], layout, options)
    if len(paths) == 1:
        if layout not in (None, "one-file"):
            raise ValueError(f"the {layout!r} layout takes a folder or its files, not one file")
        return _Sources("one-file", None, paths[0], None)
    if any(p.is_dir() for p in paths):  # read_egonet(egos.file, alter.folder, edge.folder)
        if len(paths) != 3 or paths[0].is_dir() or not (paths[1].is_dir() and paths[2].is_dir()):
            raise ValueError(
                "give the egos file, the alters folder and the edges folder, in that order"
            )
        if layout not in (None, "folder"):
            raise ValueError(f"the {layout!r} layout takes files, not folders")
        return _Sources("folder", paths[0], paths[1], paths[2])
    chosen = layout or _detect_files(paths, options)
    if chosen == "one-file":
        raise ValueError("the 'one-file' layout takes one file")
    if chosen == "folder":
        raise ValueError(
            "the 'folder' layout takes a folder, or the egos file, the alters folder and "
            "the edges folder"
        )
    if chosen == "two-files" and len(paths) == 2:
        return _Sources(chosen, paths[0], paths[1], None)
    if len(paths) in (2, 3) and chosen != "two-files":
        ordered = _in_order(paths, chosen, options)
        if len(paths) == 2 and chosen == "egoweb":
            return _Sources(chosen, None, ordered[-2], ordered[-1])
        if len(paths) == 3:
            return _Sources(chosen, ordered[0], ordered[1], ordered[2])
    raise ValueError(f"the {chosen!r} layout takes a folder or its files (egos, alters, ties)")


_TIE_COLUMNS = {"Source", ".srcID", "Alter.1.Number", "targetid"}
_ALTER_COLUMNS = {"alterID", ".altID", "Alter.Number", "nameid"}


def _in_order(paths: Sequence[Path], layout: EgorLayout, options: _Options) -> list[Path]:
    """The files as egos, alters, ties, told apart by their id columns when they can be.

    egor's own readers take them in other orders (``read_egoweb(alter.file,
    edges.file, egos.file)``), so the order given counts only when the columns do
    not tell: the ties file has the tie ids, the alters file the alter id.
    """
    headers = [set(_header(p, options)) for p in paths]
    ties = [i for i, h in enumerate(headers) if h & _TIE_COLUMNS]
    alters = [i for i, h in enumerate(headers) if h & _ALTER_COLUMNS and i not in ties]
    if len(ties) != 1 or len(alters) != 1:
        return list(paths)
    rest = [i for i in range(len(paths)) if i not in (ties[0], alters[0])]
    return [paths[i] for i in rest] + [paths[alters[0]], paths[ties[0]]]


def _detect_files(paths: Sequence[Path], options: _Options) -> EgorLayout:
    headers = [_header(p, options) for p in paths]
    every = {c for h in headers for c in h}
    if "Alter.Number" in every or "Alter.1.Number" in every:
        return "egoweb"
    if "nameid" in every and "targetid" in every:
        return "openeddi"
    if len(paths) == 3:
        return "three-files"
    if len(paths) == 2 and any(_DYAD.match(c) for c in headers[0]):
        return "two-files"
    raise ValueError(f"cannot tell the egor layout of these files; {_PARAMETER_HINT}")


def _keyed(folder: Path, options: _Options) -> list[_Sources]:
    """Sets of files whose names match, as egor's example data pairs them.

    ``egos_32.csv`` with ``alters_32/`` and ``edges_32/`` (folders of one file per
    ego), or with ``alters_32.csv`` and ``edges_32.csv`` (one file each, with an ego
    id column).
    """
    entries = {p.name.lower(): p for p in folder.iterdir()}
    found: list[_Sources] = []
    for egos in _csvs(folder):
        stem = egos.stem
        if not stem.lower().startswith("egos"):
            continue
        key = stem[4:].lower()
        alters_dir = entries.get(f"alters{key}")
        ties_dir = entries.get(f"edges{key}") or entries.get(f"ties{key}")
        folders = [p for p in (alters_dir, ties_dir) if p is not None and p.is_dir()]
        if len(folders) == 2:
            found.append(_Sources("folder", egos, folders[0], folders[1]))
        alters = entries.get(f"alters{key}.csv")
        ties = entries.get(f"edges{key}.csv") or entries.get(f"ties{key}.csv")
        if alters is None or not alters.is_file() or not _has_ego_id(alters, options):
            continue  # alters_2.csv without an ego id is ego 2's file (the folder layout)
        if ties is not None and ties.is_file():
            found.append(_Sources(_long_layout(alters, options), egos, alters, ties))
        elif any(_DYAD.match(c) for c in _header(egos, options)):
            found.append(_Sources("two-files", egos, alters, None))
    return found


def _resolve_folder(folder: Path, layout: EgorLayout | None, options: _Options) -> _Sources:
    csvs = _csvs(folder)
    names = [p.name.lower() for p in csvs]
    if layout in (None, "openeddi") and (
        any("namedetails" in n for n in names) and any("nameties" in n for n in names)
    ):
        return _Sources(
            "openeddi",
            _one(csvs, "responses", "responses (egos)", folder),
            _one(csvs, "namedetails", "namedetails (alters)", folder),
            _one(csvs, "nameties", "nameties (ties)", folder),
        )
    if layout == "one-file":
        raise ValueError("the 'one-file' layout takes one file")
    sets = [s for s in _keyed(folder, options) if layout is None or s.layout == layout]
    if len(sets) == 1:
        return sets[0]
    if len(sets) > 1:
        listed = "; ".join(s.describe() for s in sets)
        raise ValueError(
            f"the folder holds more than one study ({listed}); give the files of one, "
            "or layout= when they differ in layout"
        )
    per_ego = [p for p in csvs if _PER_EGO.match(p.name) and not _has_ego_id(p, options)]
    subfolders = [p for p in folder.iterdir() if p.is_dir()]
    alters_dirs = [p for p in subfolders if p.name.lower().startswith("alters")]
    ties_dirs = [p for p in subfolders if p.name.lower().startswith(("edges", "ties"))]
    egos_files = [p for p in csvs if p.name.lower().startswith("egos") and p not in per_ego]
    if layout in (None, "folder") and (per_ego or alters_dirs):
        egos = _one(egos_files, r"^egos", "egos", folder)
        if per_ego:
            return _Sources("folder", egos, folder, folder)
        if len(alters_dirs) == 1 and len(ties_dirs) <= 1:
            return _Sources("folder", egos, alters_dirs[0], ties_dirs[0] if ties_dirs else None)
        raise ValueError(
            "the folder has more than one alters or edges folder; give the egos file, the "
            "alters folder and the edges folder"
        )
    if layout == "folder":
        raise ValueError("the folder has no alters_<ego>.csv files and no alters folder")
    return _resolve_files_in(folder, csvs, egos_files, layout, options)


def _resolve_files_in(
    folder: Path,
    csvs: Sequence[Path],
    egos_files: Sequence[Path],
    layout: EgorLayout | None,
    options: _Options,
) -> _Sources:
    """One egos, one alters and one edges file in a folder (their names need not match)."""
    alters_files = [p for p in csvs if p.name.lower().startswith("alters")]
    if not alters_files:
        raise ValueError(f"cannot tell the egor layout of this folder; {_PARAMETER_HINT}")
    alters = _one(alters_files, r"^alters", "alters", folder)
    ties_files = [p for p in csvs if p.name.lower().startswith(("edges", "ties"))]
    found = layout or _long_layout(alters, options)
    if found == "egoweb" and not egos_files:
        return _Sources("egoweb", None, alters, _one(ties_files, r".", "edges", folder))
    egos = _one(egos_files, r"^egos", "egos", folder)
    if found == "two-files" or (
        layout is None and not ties_files and any(_DYAD.match(c) for c in _header(egos, options))
    ):
        return _Sources("two-files", egos, alters, None)
    return _Sources(found, egos, alters, _one(ties_files, r".", "edges", folder))


def _per_ego_files(folder: Path, pattern: re.Pattern[str], *, own: bool) -> dict[str, Path]:
    """Each ego's file in a folder, by ego id.

    ``alters_<ego>.csv`` beside the other files, or (in a folder of its own, as
    egor's ``alters_32/1.csv``) every CSV file, the ego id being its name.
    """
    found: dict[str, Path] = {}
    for path in _csvs(folder):
        if match := pattern.match(path.name):
            found[match.group(1)] = path
        elif own:
            found[path.stem] = path
    return found


def _read_folder(
    sources: _Sources, options: _Options
) -> tuple[list[EgoRow], list[AlterRow], list[TieRow], list[Problem], dict[str, int | None]]:
    assert sources.egos is not None
    egos, sizes, problems = _egos(_load(sources.egos, "egos", options))
    shared = sources.alters == sources.ties
    alter_files = _per_ego_files(sources.alters, _PER_EGO, own=not shared)
    edge_files = _per_ego_files(sources.ties, _PER_EGO_TIES, own=not shared) if sources.ties else {}
    known = {ego.ego_id for ego in egos}
    if not edge_files:  # no edge list at all: no ties were asked
        for ego in egos:
            ego.ties_asked = set()
    alters: list[AlterRow] = []
    ties: list[TieRow] = []
    for ego_id in sorted(set(alter_files) | set(edge_files), key=_natural):
        for files, kind in ((alter_files, "alters"), (edge_files, "ties")):
            path = files.get(ego_id)
            if path is None:
                continue
            if ego_id not in known:
                problems.append(
                    Problem("(file)", "names an ego who is not in the egos file", source_name(path))
                )
                continue
            try:
                table = _load(path, kind, options)
                if kind == "alters":
                    rows, more = _alters(table, options, ego_id=ego_id)
                    alters += rows
                else:
                    tie_rows, more = _ties(table, options, ego_id=ego_id)
                    ties += tie_rows
            except _UnreadableError as error:  # this ego's network is left out
                origin = Origin(source_name(path), "(file)")
                alters.append(AlterRow(ego_id, "", origin, problems=error.problems))
                continue
            problems += more
    return egos, alters, ties, problems, sizes


def _natural(text: str) -> tuple[int, int | str]:
    whole = whole_number(text) if text.isascii() and text.isdigit() else None
    return (0, whole) if whole is not None else (1, text)


def _read_layout(sources: _Sources, options: _Options) -> _Read:
    """Egos, alters, ties, problems, dropped (the wide layouts) and each ego's netsize."""
    layout = sources.layout
    if layout == "folder":
        egos, alters, ties, problems, sizes = _read_folder(sources, options)
        return egos, alters, ties, problems, [], sizes
    if layout == "one-file":
        return _one_file(_load(sources.alters, "egos", options), options)
    if layout == "two-files":
        assert sources.egos is not None
        return _two_files(
            _load(sources.egos, "egos", options), _load(sources.alters, "alters", options), options
        )
    alters_table = _load(sources.alters, "alters", options)
    sizes = {}
    if sources.egos is None:  # EgoWeb without an egos file: ego columns come before the alter id
        egos, problems = _egos_from_alters(alters_table)
    else:
        egos, sizes, problems = _egos(_load(sources.egos, "egos", options))
    alters, more = _alters(alters_table, options)
    assert sources.ties is not None
    ties, most = _ties(_load(sources.ties, "ties", options), options)
    return egos, alters, ties, problems + more + most, [], sizes


def _egos_from_alters(table: _Table) -> tuple[list[EgoRow], list[Problem]]:
    """EgoWeb's merged file: the columns before the alter id are the ego's (read_egoweb)."""
    alter_column = table.column("alter_id")
    if alter_column is None:
        raise _UnreadableError([Problem("line 1", "has no alter id column", table.source)])
    position = table.header.index(alter_column)
    ego_columns = table.header[:position]
    ego_table = _Table(table.source, ego_columns, table.rows, table.decimal, ragged=table.ragged)
    ego_table.fields = {c: table.fields[c] for c in ego_columns}
    rows, _, problems = _egos(ego_table)
    egos: dict[str, EgoRow] = {}
    for ego in rows:
        first = egos.setdefault(ego.ego_id, ego)
        if first is not ego and (first.person != ego.person or first.needs != ego.needs):
            first.problems.append(ego.origin.problem("differs from the ego's first row"))
    for column in ego_columns:  # read once, as the ego's; not again as the alter's
        if table.fields[column] != "ego_id":
            table.fields[column] = _SKIP
    return list(egos.values()), problems


# -- the public reader ------------------------------------------------------------------------


@overload
def read_egor(
    source: str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    columns: Mapping[str, Any] | None = ...,
    sep: str | None = ...,
    decimal: str | None = ...,
    layout: EgorLayout | None = ...,
    alter_prefix: str | None = ...,
    encoding: str = ...,
    errors: Literal["raise"] = ...,
    max_bytes: int = ...,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_egor(
    source: str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    columns: Mapping[str, Any] | None = ...,
    sep: str | None = ...,
    decimal: str | None = ...,
    layout: EgorLayout | None = ...,
    alter_prefix: str | None = ...,
    encoding: str = ...,
    errors: Literal["collect"],
    max_bytes: int = ...,
) -> ImportResult: ...
@guarded()
def read_egor(
    source: str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    columns: Mapping[str, Any] | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    layout: EgorLayout | None = None,
    alter_prefix: str | None = None,
    encoding: str = "utf-8",
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Read ego-centred networks in one of egor's layouts (see the module docs).

    Args:
        source: What egor's readers take: a folder (any layout but one file; a
            folder of several studies is read when the names match one set), one
            file (``"one-file"``), the files in the order egos, alters, ties
            (``"three-files"``, ``"openeddi"``; ``"egoweb"`` also takes alters and
            edges alone; any order when their id columns tell them apart, as in
            ``read_egoweb(alter.file, edges.file, egos.file)``; ``"two-files"``
            takes egos and alters), or egor's
            ``read_egonet`` call: the egos file, the alters folder and the edges
            folder (``"folder"``).
        columns: Which file columns mean which field (see the module docs); one
            mapping for every file, or ``{"egos": ..., "alters": ..., "ties": ...}``.
        sep: The field separator; detected from each file's header when ``None``.
        decimal: The decimal mark; ``,`` when the separator is ``;`` (R's
            ``write.csv2``) unless the numbers say otherwise, else ``.``.
        layout: The layout; detected from the files when ``None`` (a folder of
            ``alters_<ego>.csv`` files or of alters and edges folders, openeddi's
            file names, EgoWeb's id columns, one file, or egos with ``X1.to.2`` tie
            columns plus alters).
        alter_prefix: Put before every alter id (``None``, the default: ``"a"``,
            since egor's alter ids restart at 1 in each network; see the module
            docs).
        encoding: The files' text encoding; UTF-8 may start with a byte order mark.
        errors: ``"raise"`` (the default) returns the networks or raises one
            ``DocumentError`` listing every problem; ``"collect"`` returns an
            [`ImportResult`][grace_support.importers.ImportResult].
        max_bytes: The largest file accepted.

    Returns:
        The networks in the order of the egos (``errors="raise"``; things left
        out, such as a wide layout's ``0`` cells, are reported with a
        ``DroppedDataWarning``), or the ``ImportResult`` (``errors="collect"``),
        whose ``dropped`` lists them. Every network is a version-3 document that
        records only what the files hold (see the module docs).

    Raises:
        InputError: A source does not exist (a kind of ``DocumentError``).
        DocumentError: With ``errors="raise"``: a file cannot be read or a row
            breaks a rule. Each problem names the file, the line (the header is
            line 1) and the column, never a value.
        ValueError: ``errors``, ``layout`` or ``columns`` is not a valid choice, the
            layout cannot be told from the files, or a folder holds more than one
            matching study (the message lists them).
    """
    mode = check_errors_mode(errors)
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}")
    if isinstance(source, str) or hasattr(source, "__fspath__"):
        paths = [Path(source)]
    else:
        paths = [Path(p) for p in source]
    if not paths:
        raise ValueError("give a folder or the files to read")
    for path in paths:
        if not path.exists():
            raise InputError("cannot be read: no such file or folder", source=source_name(path))
    mapping = _check_columns(columns)
    options = _options(sep, decimal, mapping, encoding, max_bytes)
    options.alter_prefix = "a" if alter_prefix is None else alter_prefix
    name = source_name(paths[0]) if len(paths) == 1 else source_name(paths[0].parent)
    try:
        sources = _resolve(paths, layout, options)
        options.ids = dict(_IDS.get(sources.layout, _EGOR_IDS))
        egos, alters, ties, problems, dropped, sizes = _read_layout(sources, options)
    except _UnreadableError as error:
        return complete([], error.problems, errors=mode, source=name)
    _check_sizes(egos, alters, sizes)
    networks, more, dropped_ties = assemble(
        egos, alters, ties, dropped=dropped, recorded=_asked(options.alter_fields)
    )
    # wide 0 cells and the like: ImportResult.dropped, or a DroppedDataWarning with "raise"
    return complete(networks, [*problems, *more], errors=mode, source=name, dropped=dropped_ties)


def _asked(fields: set[str]) -> dict[str, Any]:
    """The kinds of support the study asked about: those with a column (a list column: all).

    A study without support columns asked about none (``support_types_asked=[]``), and
    each person's ``supports`` is not recorded; the same for ``gives``.
    """
    asked: dict[str, Any] = {"gives_types_asked": [t for t in _TYPES if f"gives_{t}" in fields]}
    if "supports" not in fields:
        asked["support_types_asked"] = [t for t in _TYPES if t in fields]
    return asked


def _check_sizes(
    egos: Sequence[EgoRow], alters: Sequence[AlterRow], sizes: Mapping[str, int | None]
) -> None:
    """An ego whose netsize is above 0 but who has no alter rows is a problem, never empty."""
    with_alters = {alter.ego_id for alter in alters}
    for ego in egos:
        if sizes.get(ego.ego_id) and ego.ego_id not in with_alters:
            ego.problems.append(
                ego.origin.problem(
                    "is above 0, but no alter rows belong to this ego (do the egos and "
                    "alters files belong together?)",
                    "netsize",
                )
            )


def _options(
    sep: str | None, decimal: str | None, columns: Mapping[str, Any], encoding: str, max_bytes: int
) -> _Options:
    if sep is not None and (len(sep) != 1 or sep in '"\r\n'):
        raise ValueError("sep must be one character (not a quote or a line break)")
    if decimal is not None and decimal not in (".", ","):
        raise ValueError('decimal must be "." or ","')
    return _Options(sep, decimal, encoding, max_bytes, columns, "", dict(_EGOR_IDS))
