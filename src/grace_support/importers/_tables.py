"""The egos, alters and ties tables as rows, to validated networks: the part readers share.

[`from_tables`][grace_support.tables.from_tables] (pandas),
[`read_three_files`][grace_support.importers.read_three_files] (CSV files) and the
cohort's Parquet parts all read the library's three tables through `build` and
`table_document`, so a table means the same wherever it comes from. The columns are
described in [`grace_support.tables`][grace_support.tables]. Nothing here needs pandas.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, Problem
from grace_support.importers._result import ErrorMode, ImportResult, finish
from grace_support.importers._values import strict_bool
from grace_support.network import SCHEMA_VERSION
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["ALTER_COLUMNS", "EGO_COLUMNS", "REL_PREFIX", "TIE_COLUMNS"]

_TYPES = [t.value for t in SupportType]
_ASKED = ("support_types_asked", "gives_types_asked", "ties_asked")
EGO_COLUMNS = (
    "ego_id", "name", *(f"need_{t}" for t in _TYPES), "collected_on",
    *_ASKED, "generator", "max_names",
)  # fmt: skip
"""The built-in columns of the egos table."""
ALTER_COLUMNS = (
    "ego_id", "alter_id", "name", "role", "category", *_TYPES,
    "closeness", "contact", "last_contact", "strain", *(f"gives_{t}" for t in _TYPES),
)  # fmt: skip
"""The built-in columns of the alters table."""
TIE_COLUMNS = ("ego_id", "alter_a", "alter_b", "weight")
"""The built-in columns of the ties table (``weight`` may be left out on the way in)."""
REL_PREFIX = "rel."
"""The prefix of relationship-attribute columns in the alters table."""


def _build(
    ego_rows: list[dict[str, Any]],
    alter_rows: list[dict[str, Any]],
    tie_rows: list[dict[str, Any]],
    *,
    where: Callable[[str, int], tuple[str | None, str]],
    errors: ErrorMode,
    source: str = "tables",
) -> ImportResult:
    def problem(table: str, index: int, column: str | None, message: str) -> Problem:
        file, row = where(table, index)
        return Problem(f"{row}, column {column}" if column else row, message, source=file)

    problems: list[Problem] = []
    owners: dict[Any, int] = {}
    broken: set[int] = set()
    for index, row in enumerate(ego_rows):
        if row["ego_id"] in owners:
            problems.append(problem("egos", index, "ego_id", "is a second row for the same ego"))
            broken.add(owners[row["ego_id"]])
            continue
        owners[row["ego_id"]] = index
        for column in (f"need_{t}" for t in _TYPES):
            if column in row and (message := _boolean(row, column)):
                problems.append(problem("egos", index, column, message))
                broken.add(index)
    alters_of = _group(
        alter_rows, "alters", owners=owners, broken=broken, problems=problems, problem=problem
    )
    ties_of = _group(
        tie_rows, "ties", owners=owners, broken=broken, problems=problems, problem=problem
    )
    networks = []
    for ego_index, ego in enumerate(ego_rows):
        if owners.get(ego["ego_id"]) != ego_index or ego_index in broken:
            continue
        mine, my_ties = alters_of.get(ego_index, []), ties_of.get(ego_index, [])
        document = _document(ego, [alter_rows[i] for i in mine], [tie_rows[i] for i in my_ties])
        try:
            networks.append(network_from_data(document))
        except DocumentError as error:
            rows_of = {"egos": ego_rows, "alters": alter_rows, "ties": tie_rows}
            for p in error.problems:
                table, index, at = _where(resolved(p, document), ego_index, mine, my_ties)
                at = column_label(at, table, rows_of[table][index])
                problems.append(problem(table, index, at, p.message))
    return finish(networks, problems, errors=errors, source=source, study=True)


_KEY_TOKEN = re.compile(r"^(?P<head>.*?), (?:attribute|unknown field) (?P<n>\d+)(?P<tail>.*)$")
_STEP = re.compile(r"[^.\[\]]+|\[\d+\]")


def resolved(problem: Problem, document: Any) -> Problem:
    """The problem with a key named by position put back (only to find its column).

    The result is never shown: the column is then named by `column_label`.
    """
    match = _KEY_TOKEN.match(problem.location)
    if match is None:
        return problem
    node = document
    for step in _STEP.findall(match["head"]):
        key: str | int = int(step[1:-1]) if step.startswith("[") else step
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return problem
    keys = list(node) if isinstance(node, dict) else []
    number = int(match["n"])
    if not 1 <= number <= len(keys):
        return problem
    return Problem(f"{match['head']}.{keys[number - 1]}{match['tail']}", problem.message)


def column_label(column: str | None, table: str, row: dict[str, Any]) -> str | None:
    """A column as errors name it: a built-in one by its name, an attribute by position.

    An attribute column's name is the input's own word (often a name), so it is
    never echoed: ``7 (an attribute)``, the column's place in its table counted
    from 1.
    """
    builtin = {"egos": EGO_COLUMNS, "alters": ALTER_COLUMNS, "ties": TIE_COLUMNS}[table]
    if column is None or column in builtin:
        return column
    columns = list(row)
    if column in columns:
        return f"{columns.index(column) + 1} (an attribute)"
    return column  # not a column of the table: a field the library names (need_*, supports)


def _group(
    rows: list[dict[str, Any]],
    table: str,
    *,
    owners: dict[Any, int],
    broken: set[int],
    problems: list[Problem],
    problem: Callable[[str, int, str | None, str], Problem],
) -> dict[int, list[int]]:
    """Each ego's rows of the alters or ties table; orphans and bad booleans are problems."""
    rows_of: dict[int, list[int]] = {}
    flags = (*_TYPES, *(f"gives_{t}" for t in _TYPES)) if table == "alters" else ()
    for index, row in enumerate(rows):
        owner = owners.get(row["ego_id"])
        if owner is None:
            problems.append(problem(table, index, "ego_id", "names no ego in egos"))
            continue
        rows_of.setdefault(owner, []).append(index)
        for column in flags:
            if column in row and (message := _boolean(row, column)):
                problems.append(problem(table, index, column, message))
                broken.add(owner)
    return rows_of


def _boolean(row: dict[str, Any], column: str) -> str | None:
    """Read a support or need cell strictly, in place; the problem's message if it is not one.

    A missing cell stays missing (``None``): see `_flags_read`.
    """
    try:
        row[column] = strict_bool(row[column])
    except ValueError as error:
        return str(error)
    return None


def _flags_read(row: dict[str, Any], prefix: str) -> dict[str, list[str]]:
    """``{"supports": [...]}`` from the four flags, or ``{}`` when none was recorded.

    Every flag missing (or no flag column): not recorded. A missing flag beside
    recorded ones is false.
    """
    flags = [row.get(f"{prefix}{t}") for t in _TYPES]
    if all(flag is None for flag in flags):
        return {}
    key = "gives" if prefix else "supports"
    return {key: [t for t, flag in zip(_TYPES, flags, strict=True) if flag is True]}


def _asked_read(ego: dict[str, Any]) -> dict[str, Any]:
    """The asked fields of an ego row (JSON list text, or a list), ``generator``, ``max_names``."""
    fields: dict[str, Any] = {}
    for key in _ASKED:
        value = ego.get(key)
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = [value]  # not a JSON list: validation names the column
        if value is not None:
            fields[key] = list(value) if isinstance(value, list | tuple) else value
    return fields | {k: ego[k] for k in ("generator", "max_names") if ego.get(k) is not None}


def _document(
    ego: dict[str, Any], alters: list[dict[str, Any]], ties: list[dict[str, Any]]
) -> dict[str, Any]:
    def attributes(row: dict[str, Any], builtin: Sequence[str], prefix: str = "") -> dict[str, Any]:
        return {
            k.removeprefix(prefix): v
            for k, v in row.items()
            if k not in builtin
            and v is not None
            and (k.startswith(prefix) if prefix else not k.startswith(REL_PREFIX))
        }

    def person(row: dict[str, Any], id_column: str, builtin: Sequence[str]) -> dict[str, Any]:
        data: dict[str, Any] = {"id": row[id_column]}
        if row.get("name") is not None:
            data["name"] = row["name"]
        if attrs := attributes(row, builtin):
            data["attributes"] = attrs
        return data

    def tie(row: dict[str, Any]) -> Any:
        weight = row.get("weight")
        attrs = {k: v for k, v in row.items() if k not in TIE_COLUMNS and v is not None}
        if (weight is None or weight == 1) and not attrs:
            return [row["alter_a"], row["alter_b"]]
        return (
            {"between": [row["alter_a"], row["alter_b"]]}
            | ({} if weight is None else {"weight": weight})
            | ({"attributes": attrs} if attrs else {})
        )

    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,  # a missing field was not recorded
        "ego": person(ego, "ego_id", EGO_COLUMNS),
        "people": [person(row, "alter_id", ALTER_COLUMNS) for row in alters],
        "relationships": [
            {"person": row["alter_id"]}
            | _flags_read(row, "")
            | _flags_read(row, "gives_")
            | {
                k: row[k]
                for k in ("role", "closeness", "contact", "last_contact", "strain")
                if row.get(k) is not None
            }
            | ({"attributes": a} if (a := attributes(row, ALTER_COLUMNS, REL_PREFIX)) else {})
            for row in alters
        ],
        "ties": [tie(row) for row in ties],
    }
    if any(f"need_{t}" in ego for t in _TYPES):
        document["needs"] = [t for t in _TYPES if ego.get(f"need_{t}") is True]
    if ego.get("collected_on") is not None:
        document["collected_on"] = ego["collected_on"]
    return document | _asked_read(ego)


# A document path: the part, its index, then the field (attribute names may hold dots).
_PATH = re.compile(
    r"^(people|relationships|ties)\[(\d+)\](?:\[\d+\])*(?:\.([A-Za-z_]+))?(?:\[\d+\])*(?:\.(.+))?$"
)
_FIELD_COLUMNS = {"id": "alter_id", "person": "alter_id", "supports": "supports"}


def _where(
    problem: Problem, ego_row: int, alter_rows: list[int], tie_rows: list[int]
) -> tuple[str, int, str | None]:
    """The table, row and column of a validation problem (the whole column name)."""
    location = problem.location.removesuffix(" (the name)")
    match = _PATH.match(location)
    if match is None:  # the ego, or needs
        field = (
            location.removeprefix("ego.attributes.")
            if location.startswith("ego.attributes.")
            else location.split(".")[-1].split("[")[0]
        )
        column = {"ego": "ego_id", "id": "ego_id", "needs": "need_*"}.get(field, field)
        return "egos", ego_row, column
    part, index, field, rest = match.group(1), int(match.group(2)), match.group(3), match.group(4)
    if part == "ties":
        tie_column = rest if field == "attributes" else field if field == "weight" else None
        return "ties", tie_rows[index], tie_column
    if field == "attributes" and rest:
        column = f"{REL_PREFIX}{rest}" if part == "relationships" else rest
    else:
        column = _FIELD_COLUMNS.get(field or "", field or "alter_id")
    return "alters", alter_rows[index], column
