"""Networks as tables, in the egor convention (egos, alters, alter-alter ties).

Needs the ``pandas`` extra: ``pip install 'grace-support[pandas]'``.

**egos** has one row per ego: ``ego_id``, ``name``, ``need_emotional``,
``need_practical``, ``need_informational``, ``need_peer`` (booleans),
``collected_on`` (a datetime; missing when not recorded), then one column per ego
attribute.

**alters** has one row per ego-alter relationship: ``ego_id``, ``alter_id``, ``name``,
``role``, ``category``, one boolean column per support type the person gives
(``emotional``, ``practical``, ``informational``, ``peer``), ``closeness``,
``contact``, ``last_contact`` (a datetime), ``strain``, one boolean column per
support type the ego gives them (``gives_emotional``, ...); then one column per
person attribute (its name) and per relationship attribute (``rel.`` and its name).
A role or closeness that is not recorded is a missing value.

**ties** has one row per alter-alter tie: ``ego_id``, ``alter_a``, ``alter_b``,
``weight``; then one column per tie attribute (its name).

Every column has one dtype: pandas ``string`` for ids and text, nullable
``boolean`` for flags, ``datetime64[ns]`` for days, ``float64`` for ``weight``;
an attribute column is ``boolean``, ``Int64``, ``Float64`` (whole numbers next to
fractions) or ``string``, and ``object`` only when it mixes text and numbers.
A missing value (``None``, ``NaN``, ``NaT``, ``NA``) is the same as an unset one, so
an attribute explicitly set to null does not survive a trip through tables.
[`measures_table`][grace_support.tables.measures_table] gives one row per ego with
every measure of [`assess`][grace_support.assess], the same numbers.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast, overload

from grace_support._extras import require
from grace_support._input import DEFAULT_MAX_BYTES, source_name
from grace_support.assessment import Settings, assess
from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, InputError, Problem
from grace_support.importers._result import ErrorMode, ImportResult, check_errors_mode, finish
from grace_support.importers._values import strict_bool
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from os import PathLike

    import pandas as pd

    from grace_support.network import SupportNetwork

__all__ = [
    "Tables",
    "composition_table",
    "from_tables",
    "measures_table",
    "read_three_files",
    "to_tables",
]

_TYPES = [t.value for t in SupportType]
EGO_COLUMNS = ("ego_id", "name", *(f"need_{t}" for t in _TYPES), "collected_on")
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


class Tables(NamedTuple):
    """The three tables of a set of networks."""

    egos: pd.DataFrame
    alters: pd.DataFrame
    ties: pd.DataFrame


def _flags(types: tuple[SupportType, ...] | None, prefix: str) -> dict[str, bool | None]:
    """One column per support type: given or not, or null when it was not recorded."""
    if types is None:
        return {f"{prefix}{t.value}": None for t in SupportType}
    return {f"{prefix}{t.value}": t in types for t in SupportType}


def _pandas() -> Any:
    return require("pandas", extra="pandas", feature="grace_support.tables")


_DATES = ("collected_on", "last_contact")
_FLOATS = ("weight",)


def _builtin_dtype(column: str) -> str:
    """The one dtype of a built-in column."""
    if column in _DATES:
        return "datetime64[ns]"
    if column in _FLOATS:
        return "float64"
    if column in _TYPES or column.startswith(("need_", "gives_")):
        return "boolean"
    return "string"


def _attribute_dtype(values: list[Any]) -> str:
    """One dtype for an attribute column: nullable boolean, Int64, Float64 or string.

    Whole numbers next to fractions become Float64 (equal values); a column mixing
    other kinds (text and numbers, say) is the one case left as ``object``.
    """
    kinds = {type(v) for v in values if v is not None}
    if not kinds or kinds == {str}:
        return "string"
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "Int64"
    if kinds <= {int, float}:
        return "Float64"
    return "object"


def _frame(pdm: Any, rows: list[dict[str, Any]], builtin: Sequence[str]) -> pd.DataFrame:
    extra = list(dict.fromkeys(k for row in rows for k in row if k not in builtin))
    columns: dict[str, Any] = {}
    for column in builtin:
        values = [row.get(column) for row in rows]
        dtype = _builtin_dtype(column)
        if dtype.startswith("datetime"):
            columns[column] = pdm.to_datetime(pdm.Series(values, dtype=object)).astype(dtype)
        else:
            columns[column] = pdm.Series(values, dtype=dtype)
    for column in extra:
        values = [row.get(column) for row in rows]
        dtype = _attribute_dtype(values)
        if dtype == "Float64":
            values = [None if v is None else float(v) for v in values]
        columns[column] = pdm.Series(values, dtype=dtype)
    return cast("pd.DataFrame", pdm.DataFrame(columns, columns=[*builtin, *extra]))


def to_tables(networks: Iterable[SupportNetwork]) -> Tables:
    """The egos, alters and ties tables of the networks (see the module docs).

    Raises:
        MissingExtraError: pandas is not installed.
        ValueError: An attribute's name is the name of a built-in column.
    """
    pdm = _pandas()
    egos: list[dict[str, Any]] = []
    alters: list[dict[str, Any]] = []
    ties: list[dict[str, Any]] = []
    for number, network in enumerate(networks):
        ego = network.ego.id
        egos.append(
            {"ego_id": ego, "name": network.ego.name}
            | {f"need_{t}": t in network.needs for t in SupportType}
            | {"collected_on": network.collected_on}
            | _checked(network.ego.attributes, EGO_COLUMNS, number)
        )
        for person, rel in network.alters:
            alters.append(
                {
                    "ego_id": ego,
                    "alter_id": person.id,
                    "name": person.name,
                    "role": rel.role.value if rel.role else None,
                    "category": rel.category.value if rel.category else None,
                    **_flags(rel.supports, ""),
                    "closeness": rel.closeness.value if rel.closeness else None,
                    "contact": rel.contact.value if rel.contact else None,
                    "last_contact": rel.last_contact,
                    "strain": rel.strain.value if rel.strain else None,
                    **_flags(rel.gives, "gives_"),
                }
                | _checked(person.attributes, ALTER_COLUMNS, number)
                | {f"{REL_PREFIX}{k}": v for k, v in rel.attributes.items()}
            )
        ties += [
            {"ego_id": ego, "alter_a": tie[0], "alter_b": tie[1], "weight": tie.weight}
            | _checked(tie.attributes, TIE_COLUMNS, number)
            for tie in network.ties
        ]
    return Tables(
        _frame(pdm, egos, EGO_COLUMNS),
        _frame(pdm, alters, ALTER_COLUMNS),
        _frame(pdm, ties, TIE_COLUMNS),
    )


def _checked(attributes: Mapping[str, Any], builtin: Sequence[str], number: int) -> dict[str, Any]:
    clash = [name for name in attributes if name in builtin or name.startswith(REL_PREFIX)]
    if clash:
        raise ValueError(
            f"network {number}: the attribute {clash[0]!r} has the name of a built-in column"
        )
    return dict(attributes)


def _plain(pdm: Any, value: Any) -> Any:
    """A table cell as a plain Python value; missing cells (None, NaN, NaT, NA) become None."""
    if value is None or (pdm.api.types.is_scalar(value) and pdm.isna(value)):
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes, date)):
        return value.item()  # numpy scalars
    return value


class _Missing(Exception):  # noqa: N818 (internal signal, never raised to users)
    def __init__(self, problem: Problem) -> None:
        super().__init__("missing column")
        self.problem = problem


def _records(frame: pd.DataFrame, table: str, required: Sequence[str]) -> list[dict[str, Any]]:
    pdm = _pandas()
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise _Missing(Problem(f"{table} table", f"has no column {missing[0]!r}"))
    return [
        {str(k): _plain(pdm, v) for k, v in row.items()} for row in frame.to_dict(orient="records")
    ]


def _table_row(table: str, index: int) -> tuple[str | None, str]:
    return None, f"{table} row {index}"


@overload
def from_tables(
    egos: pd.DataFrame,
    alters: pd.DataFrame,
    ties: pd.DataFrame | None = ...,
    *,
    errors: Literal["raise"] = ...,
) -> tuple[SupportNetwork, ...]: ...
@overload
def from_tables(
    egos: pd.DataFrame,
    alters: pd.DataFrame,
    ties: pd.DataFrame | None = ...,
    *,
    errors: Literal["collect"],
) -> ImportResult: ...
def from_tables(
    egos: pd.DataFrame,
    alters: pd.DataFrame,
    ties: pd.DataFrame | None = None,
    *,
    errors: ErrorMode = "raise",
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Validated networks from egos, alters and ties tables (see the module docs).

    Extra columns in egos and alters are attributes (``rel.`` ones on the
    relationship); ``category`` is derived from ``role`` and ignored on the way in.
    Support and need columns are read strictly as booleans (``true``/``false``,
    ``yes``/``no``, ``y``/``n``, ``t``/``f``, ``1``/``0`` in any case, or real
    booleans; blank is false): ``"False"`` or ``"no"`` is false, and anything else
    is a problem.

    Nothing vanishes: an alters or ties row naming an ego that is not in egos, a
    second egos row for the same ego, a repeated alter id and a tie naming an
    unknown alter are all problems.

    Args:
        egos: One row per ego.
        alters: One row per ego-alter relationship.
        ties: One row per alter-alter tie, or ``None`` for none.
        errors: ``"raise"`` (the default) returns the networks or raises one
            ``DocumentError`` listing every problem; ``"collect"`` returns an
            [`ImportResult`][grace_support.importers.ImportResult] with the valid
            networks and a problem for each one left out.

    Raises:
        DocumentError: With ``errors="raise"``: a table lacks a column, or a row
            breaks a rule of the network document. Each problem names the table, the
            row (its position, from 0) and the whole column name, e.g.
            ``alters row 7, column role``.
    """
    mode = check_errors_mode(errors)
    _pandas()
    try:
        ego_rows = _records(egos, "egos", ("ego_id",))
        alter_rows = _records(alters, "alters", ("ego_id", "alter_id"))
        tie_rows = _records(ties, "ties", TIE_COLUMNS[:3]) if ties is not None else []
    except _Missing as missing:
        result = finish([], [missing.problem], errors=mode, source="tables")
    else:
        result = _build(ego_rows, alter_rows, tie_rows, where=_table_row, errors=mode)
    return result.networks if mode == "raise" else result


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
            for p in error.problems:
                table, index, at = _where(p, ego_index, mine, my_ties)
                problems.append(problem(table, index, at, p.message))
    return finish(networks, problems, errors=errors, source=source)


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
    """Read a support or need cell strictly, in place; the problem's message if it is not one."""
    try:
        row[column] = bool(strict_bool(row[column]))
    except ValueError as error:
        return str(error)
    return None


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
        "ego": person(ego, "ego_id", EGO_COLUMNS),
        "people": [person(row, "alter_id", ALTER_COLUMNS) for row in alters],
        "relationships": [
            {"person": row["alter_id"]}
            | {"supports": [t for t in _TYPES if row.get(t) is True]}
            | {"gives": [t for t in _TYPES if row.get(f"gives_{t}") is True]}
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
    return document


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


def measures_table(
    networks: Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per ego with every measure of [`assess`][grace_support.assess].

    Nested measures are flattened: ``support_count_<type>``,
    ``support_given_count_<type>``, ``role_count_<category>``, and booleans
    ``missing_support_<type>`` and ``single_provider_<type>``. Every value is exactly
    what ``assess`` gives for that network on that day.
    """
    pdm = _pandas()
    rows = []
    for network in networks:
        result = assess(network, as_of=as_of, settings=settings)
        measures = result.measures.model_dump(mode="json")
        row: dict[str, Any] = {"ego_id": network.ego.id}
        for name, value in measures.items():
            if name == "support_counts":
                row |= {f"support_count_{k}": v for k, v in value.items()}
            elif name == "support_given_counts":
                row |= {f"support_given_count_{k}": v for k, v in value.items()}
            elif name == "role_counts":
                row |= {f"role_count_{k}": v for k, v in value.items()}
            elif name in ("missing_support_types", "single_provider_types"):
                prefix = "missing_support" if name.startswith("missing") else "single_provider"
                row |= {f"{prefix}_{t}": t in value for t in _TYPES}
            else:
                row[name] = value
        row["findings"] = len(result.findings)
        rows.append(row)
    return cast("pd.DataFrame", pdm.DataFrame(rows))


def composition_table(
    networks: Iterable[SupportNetwork],
    attribute: str,
    *,
    k: int | None = None,
    entropy_base: float = math.e,
    active_only: bool = False,
) -> pd.DataFrame:
    """The composition measures of one alter attribute, one row per ego.

    Columns: ``ego_id``, ``share_<value>`` for every value seen in any network (0.0
    where absent, as egor's ``composition`` fills), ``richness``, ``entropy``,
    ``blau``, ``iqv`` (with ``k`` as in [`iqv`][grace_support.measures.iqv]),
    ``ei_index`` and ``missing``. Each value is what the function of the same name in
    [`grace_support.measures`][grace_support.measures] gives for that network.
    """
    from grace_support import measures as m  # noqa: PLC0415

    pdm = _pandas()
    rows = []
    for network in networks:
        shares = m.composition(network, attribute, active_only=active_only)
        row: dict[str, Any] = {"ego_id": network.ego.id}
        rows.append(
            row
            | {f"share_{value}": share for value, share in shares.items()}
            | {
                "richness": m.richness(network, attribute, active_only=active_only),
                "entropy": m.entropy(
                    network, attribute, base=entropy_base, active_only=active_only
                ),
                "blau": m.blau(network, attribute, active_only=active_only),
                "iqv": m.iqv(network, attribute, k=k, active_only=active_only),
                "ei_index": m.ei_index(network, attribute),
                "missing": m.missing_count(network, attribute, active_only=active_only),
            }
        )
    frame = pdm.DataFrame(rows)
    share_columns = sorted(c for c in frame.columns if c.startswith("share_"))
    frame[share_columns] = frame[share_columns].fillna(0.0)
    fixed = ["ego_id", *share_columns]
    rest = [c for c in frame.columns if c not in fixed]
    return cast("pd.DataFrame", frame[fixed + rest])


@overload
def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = ...,
    sep: str = ...,
    decimal: str = ...,
    alter_prefix: str = ...,
    encoding: str = ...,
    errors: Literal["raise"] = ...,
    max_bytes: int = ...,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = ...,
    sep: str = ...,
    decimal: str = ...,
    alter_prefix: str = ...,
    encoding: str = ...,
    errors: Literal["collect"],
    max_bytes: int = ...,
) -> ImportResult: ...
def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    sep: str = ",",
    decimal: str = ".",
    alter_prefix: str = "",
    encoding: str = "utf-8",
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Networks from egor's "three files" layout: egos, alters and alter-alter edges as CSV.

    The columns are those of the tables (see the module docs), after renaming with
    ``columns``. For egor's own column names, mappings and weighted ties, see
    [`read_egor`][grace_support.importers.read_egor].

    Args:
        egos: The egos file (one row per ego).
        alters: The alters file (one row per ego-alter relationship).
        ties: The alter-alter edges file.
        columns: Renames from the files' column names to ours, e.g. egor's
            ``{"egoID": "ego_id", "alterID": "alter_id", "Source": "alter_a",
            "Target": "alter_b"}``.
        sep: The field separator (``;`` for files written by R's ``write.csv2``).
        decimal: The decimal mark (``,`` for ``write.csv2``).
        alter_prefix: Put before every alter id. egor's alter ids restart at 1 for
            each ego and can equal the ego's id, which a network document does not
            allow; ``alter_prefix="a"`` turns alter ``1`` into ``a1``.
        encoding: The files' encoding; UTF-8 may start with a byte order mark.
        errors: ``"raise"`` or ``"collect"``, as for
            [`from_tables`][grace_support.tables.from_tables].
        max_bytes: The largest file accepted (64 MiB by default).

    Raises:
        InputError: With ``errors="raise"``: a file cannot be read (missing, a
            folder, not permitted) or is larger than ``max_bytes``.
        DocumentError: With ``errors="raise"``: a file cannot be decoded, a
            row has more or fewer cells than the header, or a row breaks a rule.
            Each problem names the file, the row (the header is row 1) and the column.
    """
    from grace_support.importers._values import parse_cell  # noqa: PLC0415

    mode = check_errors_mode(errors)
    rename = dict(columns or {})
    ids = {"ego_id", "alter_id", "alter_a", "alter_b"}
    names = {"egos": source_name(egos), "alters": source_name(alters), "ties": source_name(ties)}
    numbers: dict[str, list[int]] = {}
    headers: dict[str, list[str]] = {}
    records: dict[str, list[dict[str, Any]]] = {}
    problems: list[Problem] = []
    for table, path in (("egos", egos), ("alters", alters), ("ties", ties)):
        read = _csv_table(
            path, name=names[table], encoding=encoding, max_bytes=max_bytes, sep=sep, mode=mode
        )
        if isinstance(read, Problem):
            problems.append(read)
            continue
        header, rows = read
        headers[table] = [rename.get(c, c) for c in header]
        header = [rename.get(c, c) for c in header]
        numbers[table] = [number for number, _ in rows]
        records[table] = []
        for number, cells in rows:
            if len(cells) != len(header):
                more = "more" if len(cells) > len(header) else "fewer"
                problems.append(
                    Problem(
                        f"row {number}",
                        f"has {more} cells than the header has columns",
                        source=names[table],
                    )
                )
            records[table].append(
                {
                    c: (
                        None
                        if (v := cells[i] if i < len(cells) else None) is None
                        else (v.strip() or None)
                        if c in ids
                        else parse_cell(v, decimal=decimal)
                    )
                    for i, c in enumerate(header)
                }
            )
        for column in ("alter_id", "alter_a", "alter_b"):
            for record in records[table]:
                if alter_prefix and record.get(column) is not None:
                    record[column] = alter_prefix + str(record[column])
    required = {"egos": ("ego_id",), "alters": ("ego_id", "alter_id"), "ties": TIE_COLUMNS[:3]}
    for table, needed in required.items():
        if table in headers and (missing := [c for c in needed if c not in headers[table]]):
            problems.append(Problem("row 1", f"has no column {missing[0]!r}", source=names[table]))
    if problems:
        return _done(finish([], problems, errors=mode, source=names["egos"]), mode)

    def where(table: str, index: int) -> tuple[str | None, str]:
        return names[table], f"row {numbers[table][index]}"

    result = _build(
        records["egos"],
        records["alters"],
        records["ties"],
        where=where,
        errors=mode,
        source=names["egos"],
    )
    return _done(result, mode)


def _csv_table(
    path: str | PathLike[str], *, name: str, encoding: str, max_bytes: int, sep: str, mode: str
) -> tuple[list[str], list[tuple[int, list[str]]]] | Problem:
    """A CSV file's header and numbered rows, or the problem that stops it being read."""
    from grace_support._input import read_text  # noqa: PLC0415
    from grace_support.importers._values import split_csv  # noqa: PLC0415

    try:
        header, rows = split_csv(read_text(path, encoding=encoding, max_bytes=max_bytes), sep=sep)
    except InputError as error:
        if mode == "raise":
            raise  # a file that cannot be read at all: InputError, as documented
        return Problem("(file)", error.problems[0].message, source=name)
    except DocumentError as error:
        return Problem(error.problems[0].location, error.problems[0].message, source=name)
    except ValueError as error:
        return Problem("(file)", str(error), source=name)
    if not header:
        return Problem("(file)", "is empty (no header row)", source=name)
    return header, rows


def _done(result: ImportResult, mode: ErrorMode) -> tuple[SupportNetwork, ...] | ImportResult:
    return result.networks if mode == "raise" else result
