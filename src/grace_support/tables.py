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

A missing value (``None``, ``NaN``, ``NaT``) is the same as an unset one, so an
attribute explicitly set to null does not survive a trip through tables.
[`measures_table`][grace_support.tables.measures_table] gives one row per ego with
every measure of [`assess`][grace_support.assess], the same numbers.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from grace_support._extras import require
from grace_support.assessment import Settings, assess
from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, Problem
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
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


def _pandas() -> Any:
    return require("pandas", extra="pandas", feature="grace_support.tables")


def _frame(pdm: Any, rows: list[dict[str, Any]], builtin: Sequence[str]) -> pd.DataFrame:
    extra = list(dict.fromkeys(k for row in rows for k in row if k not in builtin))
    frame = pdm.DataFrame(rows, columns=[*builtin, *extra])
    for column in extra:  # keep Python values (an int stays an int next to a missing value)
        frame[column] = pdm.Series([row.get(column) for row in rows], dtype=object)
    return cast("pd.DataFrame", frame)


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
                    **{t.value: t in rel.supports for t in SupportType},
                    "closeness": rel.closeness.value if rel.closeness else None,
                    "contact": rel.contact.value if rel.contact else None,
                    "last_contact": rel.last_contact,
                    "strain": rel.strain.value,
                    **{f"gives_{t.value}": t in rel.gives for t in SupportType},
                }
                | _checked(person.attributes, ALTER_COLUMNS, number)
                | {f"{REL_PREFIX}{k}": v for k, v in rel.attributes.items()}
            )
        ties += [
            {"ego_id": ego, "alter_a": tie[0], "alter_b": tie[1], "weight": tie.weight}
            | _checked(tie.attributes, TIE_COLUMNS, number)
            for tie in network.ties
        ]
    alter_frame = _frame(pdm, alters, ALTER_COLUMNS)
    alter_frame["last_contact"] = pdm.to_datetime(alter_frame["last_contact"])
    ego_frame = _frame(pdm, egos, EGO_COLUMNS)
    ego_frame["collected_on"] = pdm.to_datetime(ego_frame["collected_on"])
    tie_frame = _frame(pdm, ties, TIE_COLUMNS)
    tie_frame["weight"] = tie_frame["weight"].astype("float64")
    return Tables(ego_frame, alter_frame, tie_frame)


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


def _records(frame: pd.DataFrame, table: str, required: Sequence[str]) -> list[dict[str, Any]]:
    pdm = _pandas()
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DocumentError([Problem(f"{table} table", f"has no column {missing[0]!r}")])
    return [
        {str(k): _plain(pdm, v) for k, v in row.items()} for row in frame.to_dict(orient="records")
    ]


def from_tables(
    egos: pd.DataFrame, alters: pd.DataFrame, ties: pd.DataFrame | None = None
) -> tuple[SupportNetwork, ...]:
    """Validated networks from egos, alters and ties tables (see the module docs).

    Extra columns in egos and alters are attributes (``rel.`` ones on the
    relationship); ``category`` is derived from ``role`` and ignored on the way in.

    Raises:
        DocumentError: A table lacks a column, or a row breaks a rule of the network
            document. Each problem names the table, the row (its position, from 0)
            and the column, e.g. ``alters row 7, column role``.
    """
    _pandas()
    ego_rows = _records(egos, "egos", ("ego_id",))
    alter_rows = _records(alters, "alters", ("ego_id", "alter_id"))
    tie_rows = _records(ties, "ties", TIE_COLUMNS[:3]) if ties is not None else []
    alters_of: dict[Any, list[int]] = {}
    for index, row in enumerate(alter_rows):
        alters_of.setdefault(row["ego_id"], []).append(index)
    ties_of: dict[Any, list[int]] = {}
    for index, row in enumerate(tie_rows):
        ties_of.setdefault(row["ego_id"], []).append(index)
    unknown = set(alters_of) - {row["ego_id"] for row in ego_rows}
    if unknown:
        first = min(alters_of[e][0] for e in unknown)
        raise DocumentError([Problem(f"alters row {first}, column ego_id", "names no ego in egos")])
    networks = []
    for ego_index, ego in enumerate(ego_rows):
        mine, my_ties = alters_of.get(ego["ego_id"], []), ties_of.get(ego["ego_id"], [])
        document = _document(ego, [alter_rows[i] for i in mine], [tie_rows[i] for i in my_ties])
        try:
            networks.append(network_from_data(document))
        except DocumentError as error:
            raise DocumentError(
                [_where(p, ego_index, mine, my_ties) for p in error.problems], source="tables"
            ) from None
    return tuple(networks)


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
            | {"supports": [t for t in _TYPES if row.get(t)]}
            | {"gives": [t for t in _TYPES if row.get(f"gives_{t}")]}
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
        document["needs"] = [t for t in _TYPES if ego.get(f"need_{t}")]
    if ego.get("collected_on") is not None:
        document["collected_on"] = ego["collected_on"]
    return document


_PATH = re.compile(
    r"^(people|relationships|ties)\[(\d+)\](?:\.([A-Za-z_]+))?(?:\.(.+?))?(?:\[\d+\])*"
)
_FIELD_COLUMNS = {"id": "alter_id", "person": "alter_id", "supports": "supports"}


def _where(problem: Problem, ego_row: int, alter_rows: list[int], tie_rows: list[int]) -> Problem:
    match = _PATH.match(problem.location)
    if match is None:  # the ego, or needs
        field = problem.location.split(".")[-1].split("[")[0]
        column = {"ego": "ego_id", "id": "ego_id", "needs": "need_*"}.get(field, field)
        return Problem(f"egos row {ego_row}, column {column}", problem.message)
    part, index, field, rest = match.group(1), int(match.group(2)), match.group(3), match.group(4)
    if part == "ties":
        return Problem(f"ties row {tie_rows[index]}", problem.message)
    if field == "attributes" and rest:
        name = rest.split(" (")[0]
        column = f"{REL_PREFIX}{name}" if part == "relationships" else name
    else:
        column = _FIELD_COLUMNS.get(field or "", field or "alter_id")
    return Problem(f"alters row {alter_rows[index]}, column {column}", problem.message)


def measures_table(
    networks: Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per ego with every measure of [`assess`][grace_support.assess].

    Nested measures are flattened: ``support_count_<type>``, ``role_count_<category>``,
    and booleans ``missing_support_<type>`` and ``single_provider_<type>``. Every
    value is exactly what ``assess`` gives for that network on that day.
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


def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    sep: str = ",",
    decimal: str = ".",
    alter_prefix: str = "",
) -> tuple[SupportNetwork, ...]:
    """Networks from egor's "three files" layout: egos, alters and alter-alter edges as CSV.

    Args:
        egos: The egos file (one row per ego).
        alters: The alters file (one row per ego-alter relationship).
        ties: The alter-alter edges file.
        columns: Renames from the files' column names to ours, e.g. egor's
            ``{"egoID": "ego_id", "alterID": "alter_id", "Source": "alter_a",
            "Target": "alter_b"}``. The alters must end up with ``role`` and
            ``closeness`` columns (and may have the others of the alters table).
        sep: The field separator (``;`` for files written by R's ``write.csv2``).
        decimal: The decimal mark (``,`` for ``write.csv2``).
        alter_prefix: Put before every alter id. egor's alter ids restart at 1 for
            each ego and can equal the ego's id, which a network document does not
            allow; ``alter_prefix="a"`` turns alter ``1`` into ``a1``.

    Raises:
        DocumentError: As [`from_tables`][grace_support.tables.from_tables] raises it.
    """
    pdm = _pandas()
    rename = dict(columns or {})
    ids = {"ego_id": str, "alter_id": str, "alter_a": str, "alter_b": str}
    dtype = {source: str for source, target in rename.items() if target in ids} | ids

    def read(path: str | PathLike[str]) -> pd.DataFrame:
        frame = pdm.read_csv(path, sep=sep, decimal=decimal, dtype=dtype).rename(columns=rename)
        for column in ("alter_id", "alter_a", "alter_b"):
            if alter_prefix and column in frame.columns:
                frame[column] = alter_prefix + frame[column].astype(str)
        return cast("pd.DataFrame", frame)

    return from_tables(read(egos), read(alters), read(ties))
