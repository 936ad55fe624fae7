"""Networks as tables, in the egor convention (egos, alters, alter-alter ties).

Needs the ``pandas`` extra: ``pip install 'grace-support[pandas]'``.

**egos** has one row per ego: ``ego_id``, ``name``, ``need_emotional``,
``need_practical``, ``need_informational``, ``need_peer`` (booleans),
``collected_on`` (a datetime; missing when not recorded), what the interview asked
(``support_types_asked``, ``gives_types_asked``, ``ties_asked``: a JSON list as
text, such as ``["emotional"]`` or ``[]``, missing for the default of all four kinds
or everyone), ``generator`` (text) and ``max_names`` (a whole number), then one
column per ego attribute.

**alters** has one row per ego-alter relationship: ``ego_id``, ``alter_id``, ``name``,
``role``, ``category``, one boolean column per support type the person gives
(``emotional``, ``practical``, ``informational``, ``peer``), ``closeness``,
``contact``, ``last_contact`` (a datetime), ``strain``, one boolean column per
support type the ego gives them (``gives_emotional``, ...); then one column per
person attribute (its name) and per relationship attribute (``rel.`` and its name).
A role, closeness, contact or strain that is not recorded is a missing value, and
so are all four support flags (or all four ``gives_`` flags) of a person whose
supports (or gives) were not recorded; a missing flag next to recorded ones is false.

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

import json
import math
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast, overload

from grace_support._extras import require
from grace_support._input import guarded
from grace_support.assessment import Settings, assess
from grace_support.errors import Problem
from grace_support.importers._result import ErrorMode, ImportResult, check_errors_mode, finish
from grace_support.importers._tables import (
    _ASKED,
    _TYPES,
    ALTER_COLUMNS,
    EGO_COLUMNS,
    REL_PREFIX,
    TIE_COLUMNS,
    _build,
)
from grace_support.importers.three_files import read_three_files
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

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
_GIVES = tuple(f"gives_{t}" for t in _TYPES)
_FLOATS = ("weight",)


def _builtin_dtype(column: str) -> str:
    """The one dtype of a built-in column."""
    if column in _DATES:
        return "datetime64[ns]"
    if column in _FLOATS:
        return "float64"
    if column == "max_names":
        return "Int64"
    if column in _TYPES or column.startswith("need_") or column in _GIVES:
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
            | _asked_cells(network)
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


def _asked_cells(network: SupportNetwork) -> dict[str, Any]:
    """What the interview asked, as ego-table cells (missing: the default)."""
    every = tuple(SupportType)
    cells: dict[str, Any] = {
        key: None if getattr(network, key) == every else json.dumps(list(getattr(network, key)))
        for key in _ASKED[:2]
    }
    asked = network.ties_asked
    cells["ties_asked"] = None if asked is None else json.dumps(list(asked), ensure_ascii=False)
    return cells | {"generator": network.generator, "max_names": network.max_names}


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
    if isinstance(value, list | tuple | dict | set | frozenset | bytearray):
        return _NOT_PLAIN  # a cell holding a container: refused by validation, by place
    return value


class _NotPlain:
    """A cell that holds a list, a dict, ...: hashable, and refused by every field's rule."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<not a plain value>"


_NOT_PLAIN = _NotPlain()


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
@guarded()
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
        result = finish([], [missing.problem], errors=mode, source="tables", study=True)
    else:
        result = _build(ego_rows, alter_rows, tie_rows, where=_table_row, errors=mode)
    return result.networks if mode == "raise" else result


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
    what ``assess`` gives for that network on that day. Counts that may be null (a
    kind of support not asked, nothing recorded: ``support_count_<type>``,
    ``support_given_count_<type>``, ``support_types_covered``,
    ``regular_contact_size``, ``strained_count``) are pandas ``Int64`` columns, with
    ``<NA>`` for null.
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
    frame = pdm.DataFrame(rows)
    # Counts that may be null (not asked, nothing recorded) stay whole numbers: Int64.
    nullable = [
        c
        for c in frame.columns
        if c in _NULLABLE_COUNTS or c.startswith(("support_count_", "support_given_count_"))
    ]
    if nullable:
        frame = frame.astype(dict.fromkeys(nullable, "Int64"))
    return cast("pd.DataFrame", frame)


_NULLABLE_COUNTS = frozenset(
    {
        "regular_contact_size", "support_types_covered", "strained_count",
        "inner_circle_size", "role_richness", "professional_count",
    }
)  # fmt: skip
"""The measures that are counts and may be null (nothing recorded to rest on)."""


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
