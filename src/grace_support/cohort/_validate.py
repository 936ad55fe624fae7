"""Vectorised validation of one part of a dataset, with the rules of the network document.

Every id in a part is first numbered (one number per distinct text), so each rule
is a comparison of whole numpy arrays: ids unique, references known, ties between
two different alters of the ego, no repeats. Each problem names the table's part
file, the row (its position in that file, from 0) and the column, never the value
found there.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Final

from grace_support._extras import require
from grace_support._input import loads_json
from grace_support.cohort._columns import Codes, codes, distinct, id_numbers, member, np
from grace_support.cohort._layout import (
    ALTER_COLUMNS,
    EGO_COLUMNS,
    GIVES_COLUMNS,
    JSON_ENCODING,
    NEED_COLUMNS,
    REL_PREFIX,
    TIE_COLUMNS,
    TYPES,
    part_name,
    pyarrow,
)
from grace_support.errors import DocumentError, Problem
from grace_support.vocabulary import Closeness, Contact, Role, Strain

if TYPE_CHECKING:
    import pyarrow as pa

_ID: Final = re.compile(r"[A-Za-z0-9._-]{1,128}")
_ID_RULE: Final = "must be 1-128 letters, digits, '-', '_' or '.'"
_ATTRIBUTE_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,63}")
_VOCABULARY: Final = {
    "role": (frozenset(r.value for r in Role), "is not a known role"),
    "closeness": (
        frozenset(c.value for c in Closeness),
        "is not a known closeness (inner, middle, outer)",
    ),
    "contact": (frozenset(c.value for c in Contact), "is not a known contact frequency"),
    "strain": (frozenset(s.value for s in Strain), "is not a known strain (none, some, high)"),
}
_REQUIRED: Final = {
    "egos": ("ego_id",),
    "alters": ("ego_id", "alter_id"),
    "ties": TIE_COLUMNS[:3],
}
_ID_COLUMNS: Final = (
    ("egos", "ego_id"),
    ("alters", "ego_id"),
    ("alters", "alter_id"),
    ("ties", "ego_id"),
    ("ties", "alter_a"),
    ("ties", "alter_b"),
)
_BUILTIN: Final = {"egos": EGO_COLUMNS, "alters": ALTER_COLUMNS, "ties": TIE_COLUMNS}
MAX_ROWS_PER_CHECK: Final = 100
"""At most this many rows are listed for one check in one part (a count gives the rest)."""


class _Report:
    def __init__(self, part: int) -> None:
        self.part = part
        self.problems: list[Problem] = []

    def table(self, table: str, message: str) -> None:
        self.problems.append(Problem(f"{table} table", message, source=self.file(table)))

    def rows(self, table: str, bad: Any, column: str | None, message: str) -> None:
        """Report the rows where the boolean array `bad` is true."""
        found = np().flatnonzero(bad)
        if not len(found):
            return
        where = f", column {column}" if column else ""
        listed = found[:MAX_ROWS_PER_CHECK].tolist()
        self.problems += [
            Problem(f"{table} row {row}{where}", message, source=self.file(table)) for row in listed
        ]
        if len(found) > len(listed):
            self.problems.append(
                Problem(
                    f"{table} table{where}",
                    f"... and {len(found) - len(listed)} more rows with this problem",
                    source=self.file(table),
                )
            )

    def file(self, table: str) -> str:
        return f"{table}/{part_name(self.part)}"


def _is_text(kind: pa.DataType) -> bool:
    pa = pyarrow()
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(
        pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)
    )


def _builtin_type(name: str, kind: Any) -> tuple[bool, str]:
    """Whether a built-in column's type is right, and the rule (what it must hold)."""
    pa = pyarrow()
    empty = pa.types.is_null(kind)
    if name in ("last_contact", "collected_on"):
        return pa.types.is_date32(kind) or empty, "dates"
    if name == "weight":
        return pa.types.is_floating(kind) or pa.types.is_integer(kind) or empty, "numbers"
    if name in (*TYPES, *NEED_COLUMNS, *GIVES_COLUMNS):
        return pa.types.is_boolean(kind) or empty, "true/false"
    if name == "max_names":
        return pa.types.is_integer(kind) or empty, "whole numbers"
    return _is_text(kind), "text"


def _check_types(report: _Report, table: str, schema: pa.Schema) -> bool:
    """Column presence and types; False when the table cannot be checked further."""
    pa = pyarrow()
    ok = True
    for column in _REQUIRED[table]:
        if column not in schema.names:
            report.table(table, f"has no column {column!r}")
            ok = False
    if len(set(schema.names)) != len(schema.names):
        report.table(table, "has two columns with the same name")
        return False
    for number, field in enumerate(schema, start=1):
        name, kind = field.name, field.type
        if name in _BUILTIN[table]:
            good, rule = _builtin_type(name, kind)
            if not good:
                report.table(table, f"column {name} must hold {rule}")
                ok = False
            continue
        attribute = name.removeprefix(REL_PREFIX) if table == "alters" else name
        if not _ATTRIBUTE_NAME.fullmatch(attribute):
            report.table(
                table,
                f"column {number} (an attribute) has a name that is not a variable name "
                "(a letter or '_' first, then letters, digits, '_', '.', '-'; at most 64)",
            )
            ok = False
        if not (
            _is_text(kind)
            or pa.types.is_boolean(kind)
            or pa.types.is_integer(kind)
            or pa.types.is_floating(kind)
        ):
            report.table(
                table, f"column {number} (an attribute) must hold text, numbers or true/false"
            )
            ok = False
    return ok


_LARGEST_WHOLE: Final = 2**53
"""Whole numbers in attributes are from -2^53 to 2^53 (docs/errors.md)."""


def _check_attributes(report: _Report, table: str, arrow: pa.Table) -> None:
    pa = pyarrow()
    numpy = np()
    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
    for number, field in enumerate(arrow.schema, start=1):
        if field.name in _BUILTIN[table]:
            continue
        column = arrow.column(field.name)
        where = f"{number} (an attribute)"  # by position: the column's name is not echoed
        if pa.types.is_floating(field.type):
            values = numpy.asarray(column.fill_null(0.0), dtype=float)
            report.rows(
                table,
                numpy.isinf(values),
                where,
                "must be text, a whole or finite number, true/false, or empty",
            )
        elif pa.types.is_integer(field.type) and field.type.bit_width > 53:
            large = pc.greater(column, pa.scalar(_LARGEST_WHOLE, field.type))
            if pa.types.is_signed_integer(field.type):
                large = pc.or_(large, pc.less(column, pa.scalar(-_LARGEST_WHOLE, field.type)))
            report.rows(
                table,
                numpy.asarray(large.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool),
                where,
                "must be a whole number from -2^53 to 2^53 (write larger ones as text)",
            )
        elif field.metadata and field.metadata.get(JSON_ENCODING) == b"json":
            found = codes(column)
            report.rows(
                table,
                found.where({v for v in found.values if not _plain_json(v)}),
                where,
                "must be JSON text of one plain value (text, number, true/false)",
            )


def _plain_json(text: str) -> bool:
    try:
        value = loads_json(text)
    except DocumentError:
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return -_LARGEST_WHOLE <= value <= _LARGEST_WHOLE
    return value is None or isinstance(value, str | bool)


_FIRST_DAY: Final = -719162  # 0001-01-01, in days from 1970-01-01 (Arrow's date32)
_LAST_DAY: Final = 2932896  # 9999-12-31


def _check_days(report: _Report, table: str, arrow: pa.Table, column: str) -> None:
    """A date32 day outside the years 1-9999 (which Python's dates cannot hold)."""
    pa = pyarrow()
    if column not in arrow.column_names or not pa.types.is_date32(arrow.schema.field(column).type):
        return
    days = np().asarray(
        arrow.column(column).cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False)
    )
    report.rows(
        table, (days < _FIRST_DAY) | (days > _LAST_DAY), column, "must be a day in years 1-9999"
    )


def _check_names(report: _Report, table: str, arrow: pa.Table) -> None:
    """Names of 1-200 characters; and the recorded days (egos, alters) in years 1-9999."""
    _check_days(report, table, arrow, "collected_on" if table == "egos" else "last_contact")
    if "name" in arrow.column_names:
        found = codes(arrow.column("name"))
        report.rows(
            table,
            found.where({v for v in found.values if not 1 <= len(v) <= 200}),
            "name",
            "must be 1-200 characters when given",
        )


def _check_ids(report: _Report, table: str, found: Codes, column: str) -> None:
    numpy = np()
    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
    report.rows(table, found.codes < 0, column, "is empty")
    good = pc.match_substring_regex(found.dictionary, f"^{_ID.pattern}$")
    bad = numpy.append(~good.to_numpy(zero_copy_only=False).astype(bool), False)
    report.rows(table, bad[found.codes], column, _ID_RULE)


def _repeats(*keys: Any, width: int) -> Any:
    """True for each row whose keys (numbers from -1 to `width` - 2) equal an earlier row's."""
    numpy = np()
    count = len(keys[0])
    repeated = numpy.zeros(count, dtype=bool)
    if count < 2:
        return repeated
    if width ** len(keys) < 2**62:  # one number per row: one sort
        combined = keys[0] + 1
        for key in keys[1:]:
            combined = combined * width + (key + 1)
        order = numpy.argsort(combined, kind="stable")  # equal keys keep their row order
        ordered = combined[order]
        same = ordered[1:] == ordered[:-1]
    else:
        order = numpy.lexsort(keys[::-1])
        same = numpy.ones(count - 1, dtype=bool)
        for key in keys:
            ordered = key[order]
            same &= ordered[1:] == ordered[:-1]
    repeated[order[1:][same]] = True
    return repeated


def validate_part(part: int, tables: dict[str, pa.Table]) -> list[Problem]:  # noqa: PLR0915 - rule after rule
    """Every problem in one part of a dataset (its three tables), in table and row order."""
    numpy = np()
    report = _Report(part)
    ok = {name: _check_types(report, name, table.schema) for name, table in tables.items()}
    egos, alters, ties = tables["egos"], tables["alters"], tables["ties"]
    id_columns = [
        (table, column)
        for table, column in _ID_COLUMNS
        if ok[table] and column in tables[table].column_names
    ]
    found_ids = {key: codes(tables[key[0]].column(key[1])) for key in id_columns}
    numbered = dict(zip(found_ids, id_numbers(list(found_ids.values())), strict=True))
    width = max((int(v.max()) for v in numbered.values() if len(v)), default=0) + 2
    ego_known = numpy.zeros(0, dtype=numpy.int64)
    if ok["egos"]:
        _check_ids(report, "egos", found_ids["egos", "ego_id"], "ego_id")
        ego = numbered["egos", "ego_id"]
        report.rows(
            "egos",
            _repeats(ego, width=width) & (ego >= 0),
            "ego_id",
            "is already the id of an earlier ego; every ego_id must be unique",
        )
        ego_known = distinct(ego[ego >= 0])
        _check_asked(report, egos)
        _check_names(report, "egos", egos)
        _check_attributes(report, "egos", egos)
    alter_keys = None
    if ok["alters"]:
        _check_ids(report, "alters", found_ids["alters", "alter_id"], "alter_id")
        owner = numbered["alters", "ego_id"]
        alter = numbered["alters", "alter_id"]
        _check_names(report, "alters", alters)
        for column, (allowed, message) in _VOCABULARY.items():
            if column in alters.column_names:
                found = codes(alters.column(column))
                report.rows("alters", ~found.where(allowed) & (found.codes >= 0), column, message)
        _check_attributes(report, "alters", alters)
        if ok["egos"]:
            report.rows(
                "alters",
                ~member(owner, ego_known),
                "ego_id",
                "names no ego in egos (each part holds its egos whole)",
            )
        report.rows(
            "alters",
            (alter == owner) & (alter >= 0),
            "alter_id",
            "is the ego's id; every id must be unique",
        )
        report.rows(
            "alters",
            _repeats(owner, alter, width=width) & (alter >= 0),
            "alter_id",
            "is already the id of another alter of this ego; every id must be unique",
        )
        alter_keys = (owner, alter)
    if ok["ties"]:
        owner = numbered["ties", "ego_id"]
        if ok["egos"]:
            report.rows(
                "ties",
                ~member(owner, ego_known),
                "ego_id",
                "names no ego in egos (each part holds its egos whole)",
            )
        ends = {end: numbered["ties", end] for end in ("alter_a", "alter_b")}
        known_pairs = (
            distinct(alter_keys[0] * width + alter_keys[1])
            if alter_keys is not None
            else numpy.zeros(0, dtype=numpy.int64)
        )
        for end, person in ends.items():
            report.rows("ties", person < 0, end, "is empty")
            report.rows(
                "ties",
                (person == owner) & (person >= 0),
                end,
                "names the ego; ties join two people (the ego's links are the alters)",
            )
            if alter_keys is not None:
                report.rows(
                    "ties",
                    (person >= 0)
                    & (person != owner)
                    & ~member(owner * width + person, known_pairs),
                    end,
                    "names no one in this ego's alters",
                )
        if "weight" in ties.column_names:
            weight = ties.column("weight").cast(pyarrow().float64(), safe=False).fill_null(1.0)
            values = weight.to_numpy()
            report.rows(
                "ties",
                ~(numpy.isfinite(values) & (values > 0)),
                "weight",
                "must be a finite number greater than 0",
            )
        _check_attributes(report, "ties", ties)
        a, b = ends["alter_a"], ends["alter_b"]
        if ok["alters"] and ok["egos"]:
            _check_ties_asked(report, egos, alters, ties)
        report.rows("ties", (a == b) & (a >= 0), None, "joins a person to themselves")
        report.rows(
            "ties",
            _repeats(owner, numpy.minimum(a, b), numpy.maximum(a, b), width=width) & (a != b),
            None,
            "repeats an earlier tie of this ego (ties have no direction)",
        )
    return _ordered(report.problems)


def _asked_lists(egos: pa.Table) -> dict[int, list[Any] | None]:
    """Each ego row with a ``ties_asked`` cell: its ids, or ``None`` when not a list of ids."""
    if "ties_asked" not in egos.column_names:
        return {}
    found = codes(egos.column("ties_asked"))
    parsed: list[list[Any] | None] = []
    for value in found.values:
        try:
            ids = loads_json(value)
        except ValueError:
            parsed.append(None)
            continue
        good = isinstance(ids, list) and all(isinstance(i, str) and _ID.fullmatch(i) for i in ids)
        parsed.append(ids if good and len(set(ids)) == len(ids) else None)
    return {row: parsed[code] for row, code in enumerate(found.codes.tolist()) if code >= 0}


def _check_ties_asked(report: _Report, egos: pa.Table, alters: pa.Table, ties: pa.Table) -> None:
    """``ties_asked`` names the ego's alters, and ties join two of them."""
    numpy = np()
    lists = _asked_lists(egos)
    if not lists:
        return
    bad = numpy.zeros(egos.num_rows, dtype=bool)
    for row, ids in lists.items():
        bad[row] = ids is None
    report.rows(
        "egos", bad, "ties_asked", "must be a JSON list of ids, each once (or empty: no one)"
    )
    ego_ids = egos.column("ego_id").to_pylist()
    asked = {ego_ids[row]: set(ids) for row, ids in lists.items() if ids is not None}
    people: dict[Any, set[Any]] = {}
    for ego, person in zip(
        alters.column("ego_id").to_pylist(), alters.column("alter_id").to_pylist(), strict=True
    ):
        if ego in asked:
            people.setdefault(ego, set()).add(person)
    stranger = numpy.zeros(egos.num_rows, dtype=bool)
    for row, ids in lists.items():
        if ids is not None and not set(ids) <= people.get(ego_ids[row], set()):
            stranger[row] = True
    report.rows("egos", stranger, "ties_asked", "names someone who is not among this ego's alters")
    owners = ties.column("ego_id").to_pylist()
    for end in ("alter_a", "alter_b"):
        ends = ties.column(end).to_pylist()
        outside = numpy.asarray(
            [o in asked and e not in asked[o] for o, e in zip(owners, ends, strict=True)],
            dtype=bool,
        )
        report.rows(
            "ties",
            outside,
            end,
            "names someone whose ties were not asked (not in the ego's ties_asked); "
            "ties are recorded only between two asked people",
        )


_GENERATOR: Final = re.compile(r"[A-Za-z0-9 ._:/-]{1,64}")
_TYPE_NAMES: Final = frozenset(TYPES)


def _check_asked(report: _Report, egos: pa.Table) -> None:
    """The kinds of support asked about, the generator's label, the cap on names."""
    numpy = np()
    for column in ("support_types_asked", "gives_types_asked"):
        if column in egos.column_names:
            found = codes(egos.column(column))
            bad = {v for v in found.values if not _types_text(v)}
            report.rows(
                "egos",
                found.where(bad),
                column,
                "must be a JSON list of support types (emotional, practical, "
                "informational, peer), each once",
            )
    if "generator" in egos.column_names:
        found = codes(egos.column("generator"))
        bad = {v for v in found.values if not _GENERATOR.fullmatch(v)}
        report.rows(
            "egos", found.where(bad), "generator", "must be 1-64 letters, digits, spaces or ._:/-"
        )
    if "max_names" in egos.column_names:
        column = egos.column("max_names")
        if not pyarrow().types.is_null(column.type):
            values = numpy.asarray(column.fill_null(1).to_numpy(), dtype=numpy.int64)
            report.rows(
                "egos",
                (values < 1) | (values > 100_000),
                "max_names",
                "must be a whole number from 1 to 100000",
            )


def _types_text(value: str) -> bool:
    try:
        names = loads_json(value)
    except ValueError:
        return False
    return (
        isinstance(names, list)
        and all(isinstance(n, str) for n in names)
        and len(set(names)) == len(names)
        and set(names) <= _TYPE_NAMES
    )


_TABLE_ORDER: Final = {"egos": 0, "alters": 1, "ties": 2}


def _ordered(problems: list[Problem]) -> list[Problem]:
    def key(problem: Problem) -> tuple[int, int, str]:
        table, _, rest = problem.location.partition(" ")
        row = rest.removeprefix("row ").split(",")[0]
        return (_TABLE_ORDER.get(table, 3), int(row) if row.isdigit() else -1, problem.location)

    return sorted(problems, key=key)
