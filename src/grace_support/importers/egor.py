r"""egor's file layouts to support networks, with nothing lost and nothing invented.

[`read_egor`][grace_support.importers.read_egor] reads the layouts that egor (the
R package for ego-centred networks) reads and writes:

| ``layout`` | what it is | egor's reader |
|---|---|---|
| ``"folder"`` | egos file, ``alters_<ego>.csv``, ``edges_<ego>.csv`` | ``read_egonet`` |
| ``"three-files"`` | egos, alters, alter-alter ties (with ego ids) | ``threefiles_to_egor`` |
| ``"one-file"`` | one row per ego; ``sex.1``, ``X1.to.2`` columns | ``onefile_to_egor`` |
| ``"two-files"`` | egos with ``X1.to.2`` columns; long alters | ``twofiles_to_egor`` |
| ``"egoweb"`` | EgoWeb 2.0: (egos,) alters, edges | ``read_egoweb`` |
| ``"openeddi"`` | ``*responses*``, ``*namedetails*``, ``*nameties*`` | ``read_openeddi`` |

The id columns are egor's: ``egoID`` (or ``.egoID``) for the ego, ``alterID`` (or
``.altID``) for the alter, ``Source``/``Target`` (or ``.srcID``/``.tgtID``) for a tie;
EgoWeb's ``EgoID``, ``Alter.Number``, ``Alter.1.Number``, ``Alter.2.Number``;
openeddi's ``puid``, ``nameid``, ``targetid``. ``weight`` is the tie's weight.

- **Attributes.** Every ego and alter column that is not mapped becomes an
  attribute of that name (numbers stay numbers, ``TRUE``/``FALSE`` become
  booleans, a blank or ``NA`` cell is no value). Other columns of a ties file
  become attributes of the tie.
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
- **Ties.** A tie of weight 0 is no tie, as in egor: it is left out and listed in
  ``ImportResult.dropped``, as are a tie from an alter to itself and a second tie
  between the same two alters. A blank weight is an unweighted tie.
- **Ids.** egor's alter ids restart at 1 in each network and may equal the ego's
  id, which a network document does not allow; every alter id is written with
  ``alter_prefix`` before it (``"a"``: alter ``3`` becomes ``a3``).
- **Files.** Separator (``,``, ``;``, tab, ``|``) and decimal mark (``,`` with
  ``;``, as R's ``write.csv2`` writes) are detected when not given. An R row-name
  column (a first column with an empty name, which pandas calls ``Unnamed: 0``)
  is ignored.

Examples:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "egos.csv").write_text("egoID;sex\n1;w\n")
    >>> _ = (folder / "alters_1.csv").write_text(
    ...     'alterID;sex;rel\n1;m;"friend"\n2;w;sibling\n3;w;peer\n')
    >>> _ = (folder / "edges_1.csv").write_text("Source;Target;weight\n1;2;0,5\n2;3;0\n")
    >>> result = read_egor(folder, columns={"rel": "role"}, errors="collect")
    >>> (network,) = result.networks
    >>> [p.id for p in network.people], network.ego.attributes["sex"]
    (['a1', 'a2', 'a3'], 'w')
    >>> network.tie("a1", "a2").weight, network.relationship("a1").closeness
    (0.5, None)
    >>> [str(item) for item in result.dropped]  # doctest: +ELLIPSIS
    ['.../edges_1.csv: row 3, column weight: a tie of weight 0 is no tie (as in egor); left out']
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
_LOGICAL = {"TRUE": True, "FALSE": False, "True": True, "False": False}


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
        raise _UnreadableError([Problem("row 1", "has no column names", source=name)])
    if (twice := first_duplicate(columns)) is not None:
        where = f"row 1, column {column_label(twice, columns)}"
        raise _UnreadableError([Problem(where, "is named twice", source=name)])
    if "" in columns:
        where = f"row 1, column {columns.index('') + skip + 1}"
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
    return Origin(table.source, f"row {number}", columns)


def _text(value: str | None) -> str | None:
    return None if value is None or is_missing(value) else value.strip()


def _attribute(value: str | None, decimal: str) -> Any:
    if value is not None and value.strip() in _LOGICAL:
        return _LOGICAL[value.strip()]
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
        where = f"row {self.number}, column {column_label(self.column, self.table.header)}"
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
    if kind == "alters":
        if out.supports or any(t in _TYPES or t == "supports" for t in table.fields.values()):
            out.relationship["supports"] = list(dict.fromkeys(out.supports))
        if out.gives:
            out.relationship["gives"] = list(dict.fromkeys(out.gives))
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
        raise _UnreadableError([Problem("row 1", "has no ego id column", source=table.source)])
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
                [Problem("row 1", f"has no {_WORDS[wanted]} column", table.source)]
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
                alter = f"(row {number})"
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
                [Problem("row 1", f"has no {_WORDS[wanted]} column", table.source)]
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
) -> list[TieRow]:
    ties = []
    for column, (i, j) in dyads.items():
        value = cells.get(column)
        if is_missing(value):
            continue
        origin = Origin(
            table.source,
            f"row {number}",
            {"source": column, "target": column, "weight": column, "between": column},
        )
        weight = parse_number(value or "", decimal=table.decimal)
        problems = []
        if weight is None or weight < 0:
            problems.append(origin.problem("is not a tie weight (a number, 0 or more)", "weight"))
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


def _one_file(
    table: _Table, options: _Options
) -> tuple[list[EgoRow], list[AlterRow], list[TieRow], list[Problem], list[Problem]]:
    dyads = _dyad_columns(table)
    # numbered columns mapped on the egos file (questionnaire items q_1, q_2...) stay the ego's
    ego_mapped = set(_mapping_for("egos", options.columns)) if _per_file(options.columns) else set()
    slots = _slot_columns(table, set(dyads) | ego_mapped)
    mapping = _mapping_for("alters", options.columns)
    ego_table = _Table(table.source, [], table.rows, table.decimal, ragged=table.ragged)
    ego_table.fields = {c: t for c, t in table.fields.items() if c not in dyads and c not in slots}
    ego_table.header = list(ego_table.fields)
    egos, sizes, problems = _egos(ego_table)
    alters: list[AlterRow] = []
    ties: list[TieRow] = []
    dropped: list[Problem] = []
    numbers = sorted({n for _, n in slots.values()})
    id_column = ego_table.column("ego_id") or ""
    with_id = [(n, c) for n, c in table.rows if _text(c.get(id_column)) is not None]
    for (number, cells), ego in zip(with_id, egos, strict=True):
        netsize = sizes.get(ego.ego_id)
        for slot in numbers:
            columns = [c for c, (_, n) in slots.items() if n == slot]
            slot_table = _Table(table.source, columns, [], table.decimal)
            slot_table.fields = {c: mapping.get(slots[c][0], slots[c][0]) for c in columns}
            filled = any(not is_missing(cells.get(c)) for c in columns)
            if netsize is not None and slot > netsize:
                if filled:
                    dropped.append(
                        Problem(
                            f"row {number}, alter {slot}",
                            "lies beyond the network size (netsize) and is left out, as in egor",
                            source=table.source,
                        )
                    )
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
        ties += _wide_ties(table, number, cells, ego.ego_id, dyads=dyads, options=options)
    return egos, alters, ties, problems, dropped


def _two_files(
    egos_table: _Table, alters_table: _Table, options: _Options
) -> tuple[list[EgoRow], list[AlterRow], list[TieRow], list[Problem]]:
    dyads = _dyad_columns(egos_table)
    ego_only = _Table(egos_table.source, [], egos_table.rows, egos_table.decimal)
    ego_only.ragged = egos_table.ragged
    ego_only.fields = {c: t for c, t in egos_table.fields.items() if c not in dyads}
    ego_only.header = list(ego_only.fields)
    egos, _, problems = _egos(ego_only)
    alters, more = _alters(alters_table, options)
    ties: list[TieRow] = []
    id_column = ego_only.column("ego_id") or ""
    for number, cells in egos_table.rows:
        ego_id = _text(cells.get(id_column))
        if ego_id is not None:
            ties += _wide_ties(egos_table, number, cells, ego_id, dyads=dyads, options=options)
    return egos, alters, ties, problems + more


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


_PER_EGO = re.compile(r"^alters_(.+)\.csv$", re.IGNORECASE)


def _detect(paths: Sequence[Path], options: _Options) -> EgorLayout:
    if len(paths) == 1 and paths[0].is_dir():
        return _detect_folder(paths[0], options)
    if len(paths) == 1:
        return "one-file"
    headers = [_header(p, options) for p in paths]
    every = {c for h in headers for c in h}
    layout: EgorLayout | None = None
    if "Alter.Number" in every or "Alter.1.Number" in every:
        layout = "egoweb"
    elif "nameid" in every and "targetid" in every:
        layout = "openeddi"
    elif len(paths) == 3:
        layout = "three-files"
    elif len(paths) == 2 and any(_DYAD.match(c) for c in headers[0]):
        layout = "two-files"
    if layout is None:
        raise ValueError("cannot tell the egor layout of these files; give layout=")
    return layout


def _detect_folder(folder: Path, options: _Options) -> EgorLayout:
    names = [p.name.lower() for p in _csvs(folder)]
    if any("namedetails" in n for n in names) and any("nameties" in n for n in names):
        return "openeddi"
    per_ego = [p for p in _csvs(folder) if _PER_EGO.match(p.name)]
    subfolders = any(p.is_dir() and p.name.lower().startswith("alters") for p in folder.iterdir())
    if subfolders or len(per_ego) > 1:
        return "folder"
    if not per_ego and not any(n.startswith("alters") for n in names):
        raise ValueError("cannot tell the egor layout of this folder; give layout=")
    alters = per_ego[0] if per_ego else _one(_csvs(folder), r"^alters", "alters", folder)
    header = _header(alters, options)
    if "Alter.Number" in header:
        return "egoweb"
    if not any(name in header for name in _EGOR_IDS["ego_id"]):
        return "folder"
    if not any(n.startswith(("edges", "ties")) for n in names):
        egos = [p for p in _csvs(folder) if p.name.lower().startswith("egos")]
        if len(egos) == 1 and any(_DYAD.match(c) for c in _header(egos[0], options)):
            return "two-files"
    return "three-files"


def _files(paths: Sequence[Path], layout: EgorLayout) -> tuple[Path | None, Path, Path | None]:
    """(egos, alters, ties) for the layouts of separate files."""
    if len(paths) == 1 and paths[0].is_dir():
        folder = paths[0]
        csvs = _csvs(folder)
        if layout == "openeddi":
            return (
                _one(csvs, "responses", "responses (egos)", folder),
                _one(csvs, "namedetails", "namedetails (alters)", folder),
                _one(csvs, "nameties", "nameties (ties)", folder),
            )
        egos = [p for p in csvs if p.name.lower().startswith("egos")]
        if layout == "egoweb" and not egos:
            return (
                None,
                _one(csvs, r"^alters", "alters", folder),
                _one(csvs, r"^(edges|ties)", "edges", folder),
            )
        return (
            _one(csvs, r"^egos", "egos", folder),
            _one(csvs, r"^alters", "alters", folder),
            _one(csvs, r"^(edges|ties)", "edges", folder) if layout != "two-files" else None,
        )
    if layout == "egoweb" and len(paths) == 2:
        return None, paths[0], paths[1]
    if layout == "two-files" and len(paths) == 2:
        return paths[0], paths[1], None
    if len(paths) == 3:
        return paths[0], paths[1], paths[2]
    raise ValueError(f"the {layout!r} layout takes a folder or its files (egos, alters, ties)")


def _per_ego_files(folder: Path) -> tuple[Path, dict[str, Path], dict[str, Path]]:
    """The egos file, and each ego's alters and edges files (``alters_<ego>.csv``...)."""
    csvs = _csvs(folder)
    alters: dict[str, Path] = {}
    edges: dict[str, Path] = {}
    for path in csvs:
        if match := _PER_EGO.match(path.name):
            alters[match.group(1)] = path
        elif match := re.match(r"^(?:edges|ties)_(.+)\.csv$", path.name, re.IGNORECASE):
            edges[match.group(1)] = path
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):  # egor's own alters_32/1.csv
        target = alters if sub.name.lower().startswith("alters") else None
        if sub.name.lower().startswith(("edges", "ties")):
            target = edges
        if target is not None:
            target |= {p.stem: p for p in _csvs(sub)}
    egos = _one([p for p in csvs if not _PER_EGO.match(p.name)], r"^egos", "egos", folder)
    return egos, alters, edges


def _read_folder(
    folder: Path, options: _Options
) -> tuple[list[EgoRow], list[AlterRow], list[TieRow], list[Problem]]:
    egos_path, alter_files, edge_files = _per_ego_files(folder)
    egos, _, problems = _egos(_load(egos_path, "egos", options))
    known = {ego.ego_id for ego in egos}
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
    return egos, alters, ties, problems


def _natural(text: str) -> tuple[int, int | str]:
    whole = whole_number(text) if text.isascii() and text.isdigit() else None
    return (0, whole) if whole is not None else (1, text)


def _read_layout(
    paths: Sequence[Path], layout: EgorLayout, options: _Options
) -> tuple[list[EgoRow], list[AlterRow], list[TieRow], list[Problem], list[Problem]]:
    if layout == "folder":
        if len(paths) != 1 or not paths[0].is_dir():
            raise ValueError("the 'folder' layout takes one folder")
        return (*_read_folder(paths[0], options), [])
    if layout == "one-file":
        if len(paths) != 1 or paths[0].is_dir():
            raise ValueError("the 'one-file' layout takes one file")
        return _one_file(_load(paths[0], "egos", options), options)
    egos_path, alters_path, ties_path = _files(paths, layout)
    if layout == "two-files":
        assert egos_path is not None
        return (
            *_two_files(_load(egos_path, "egos", options), _load(alters_path, "alters", options),
                        options),
            [],
        )  # fmt: skip
    alters_table = _load(alters_path, "alters", options)
    if egos_path is None:  # EgoWeb without an egos file: ego columns come before the alter id
        egos, problems = _egos_from_alters(alters_table)
    else:
        egos, _, problems = _egos(_load(egos_path, "egos", options))
    alters, more = _alters(alters_table, options)
    assert ties_path is not None
    ties, most = _ties(_load(ties_path, "ties", options), options)
    return egos, alters, ties, problems + more + most, []


def _egos_from_alters(table: _Table) -> tuple[list[EgoRow], list[Problem]]:
    """EgoWeb's merged file: the columns before the alter id are the ego's (read_egoweb)."""
    alter_column = table.column("alter_id")
    if alter_column is None:
        raise _UnreadableError([Problem("row 1", "has no alter id column", table.source)])
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
    sep: str | None = ...,
    decimal: str | None = ...,
    columns: Mapping[str, Any] | None = ...,
    encoding: str = ...,
    errors: Literal["raise"] = ...,
    layout: EgorLayout | None = ...,
    alter_prefix: str = ...,
    max_bytes: int = ...,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_egor(
    source: str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    sep: str | None = ...,
    decimal: str | None = ...,
    columns: Mapping[str, Any] | None = ...,
    encoding: str = ...,
    errors: Literal["collect"],
    layout: EgorLayout | None = ...,
    alter_prefix: str = ...,
    max_bytes: int = ...,
) -> ImportResult: ...
@guarded()
def read_egor(
    source: str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    sep: str | None = None,
    decimal: str | None = None,
    columns: Mapping[str, Any] | None = None,
    encoding: str = "utf-8",
    errors: ErrorMode = "raise",
    layout: EgorLayout | None = None,
    alter_prefix: str = "a",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Read ego-centred networks in one of egor's layouts (see the module docs).

    Args:
        source: A folder (``"folder"``, ``"three-files"``, ``"egoweb"``,
            ``"openeddi"``), one file (``"one-file"``), or the files in the order
            egos, alters, ties (``"three-files"``, ``"openeddi"``; ``"egoweb"``
            also takes alters and edges alone; ``"two-files"`` takes egos and
            alters).
        sep: The field separator; detected from each file's header when ``None``.
        decimal: The decimal mark; ``,`` when the separator is ``;`` (R's
            ``write.csv2``) unless the numbers say otherwise, else ``.``.
        columns: Which file columns mean which field (see the module docs); one
            mapping for every file, or ``{"egos": ..., "alters": ..., "ties": ...}``.
        encoding: The files' text encoding; UTF-8 may start with a byte order mark.
        errors: ``"raise"`` (the default) returns the networks or raises one
            ``DocumentError`` listing every problem; ``"collect"`` returns an
            [`ImportResult`][grace_support.importers.ImportResult].
        layout: The layout; detected from the files when ``None`` (a folder of
            ``alters_<ego>.csv`` files, openeddi's file names, EgoWeb's id
            columns, one file, or egos with ``X1.to.2`` tie columns plus alters).
        alter_prefix: Put before every alter id (see the module docs).
        max_bytes: The largest file accepted.

    Returns:
        The networks in the order of the egos (``errors="raise"``; ties left out,
        such as weight-0 ties, are reported with a ``DroppedDataWarning``), or the
        ``ImportResult`` (``errors="collect"``), whose ``dropped`` lists them.

    Raises:
        InputError: A source does not exist (a kind of ``DocumentError``).
        DocumentError: With ``errors="raise"``: a file cannot be read or a row
            breaks a rule. Each problem names the file, the row (the header is
            row 1) and the column, never a value.
        ValueError: ``errors``, ``layout`` or ``columns`` is not a valid choice, or
            the layout cannot be told from the files.
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
    chosen = layout or _detect(paths, options)
    options.alter_prefix = alter_prefix
    options.ids = dict(_IDS.get(chosen, _EGOR_IDS))
    name = source_name(paths[0]) if len(paths) == 1 else source_name(paths[0].parent)
    try:
        egos, alters, ties, problems, dropped = _read_layout(paths, chosen, options)
    except _UnreadableError as error:
        return complete([], error.problems, errors=mode, source=name)
    networks, more, dropped_ties = assemble(egos, alters, ties)
    # weight-0 ties and the like: ImportResult.dropped, or a DroppedDataWarning with "raise"
    return complete(
        networks, [*problems, *more], errors=mode, source=name, dropped=[*dropped, *dropped_ties]
    )


def _options(
    sep: str | None, decimal: str | None, columns: Mapping[str, Any], encoding: str, max_bytes: int
) -> _Options:
    if sep is not None and (len(sep) != 1 or sep in '"\r\n'):
        raise ValueError("sep must be one character (not a quote or a line break)")
    if decimal is not None and decimal not in (".", ","):
        raise ValueError('decimal must be "." or ","')
    return _Options(sep, decimal, encoding, max_bytes, columns, "", dict(_EGOR_IDS))
