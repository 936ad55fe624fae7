"""People named in several egos' networks, found by a person attribute: `shared_people`.

Each part's alters are read (only the columns needed), reduced to one row per key
value and ego (egos are whole in a part, so no pair spans two parts), then the
parts are summed per key value. Key values are turned into ``person_key``, an
HMAC-SHA256 with the analyst's secret, only for the rows returned.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import TYPE_CHECKING, Any, Final

from grace_support._extras import require
from grace_support._input import loads_json
from grace_support.cohort._layout import (
    ALTER_COLUMNS,
    JSON_ENCODING,
    REL_PREFIX,
    TYPES,
    polars,
    pyarrow,
)
from grace_support.errors import DocumentError, InputError, Problem

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    import pyarrow as pa
    from polars import DataFrame, Series

SHARED_COUNT_COLUMNS: Final = tuple(f"n_egos_{t}" for t in TYPES)
"""The per-type columns of `shared_people`: egos each person is recorded giving that type."""


def secret_bytes(secret: bytes | str | None) -> bytes:
    """The HMAC key: the analyst's secret (text as UTF-8), or 32 random bytes when none."""
    if secret is None:
        return secrets.token_bytes(32)
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not isinstance(secret, bytes) or not secret:
        raise ValueError("secret must be non-empty bytes or text")
    return secret


def person_key(value: str, secret: bytes) -> str:
    """The HMAC-SHA256 of a key value's text with `secret`, as 64 hex digits."""
    return hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()


def key_text(value: Any) -> str:
    """A key value as text: text as it is, true/false, numbers as Python writes them."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def check_key(key: object) -> str:
    """`key` names a person attribute (not a built-in column, not a relationship's)."""
    if not isinstance(key, str) or not key:
        raise ValueError("key must be the name of a person attribute, e.g. key='provider_id'")
    if key in ALTER_COLUMNS or key.startswith(REL_PREFIX):
        raise ValueError(
            "key must name a person attribute (a study variable of the people), "
            "not a built-in column or a relationship attribute"
        )
    return key


def _file_parts(path: str | os.PathLike[str], key: str) -> Iterator[tuple[str | None, pa.Table]]:
    """Each part's alters with only the columns `shared_people` reads, and its file."""
    from grace_support.cohort import _run  # noqa: PLC0415

    pq = require("pyarrow.parquet", extra="cohort", feature="grace_support.cohort.shared_people")
    dataset = _run.open_dataset(path)
    for index in range(dataset.parts):
        file = dataset.files(index)["alters"]
        source = str(file.relative_to(dataset.path.parent))
        try:
            schema = pq.read_schema(file)
            wanted = [c for c in ("ego_id", key, *TYPES) if c in schema.names]
            table = pq.read_table(file, columns=wanted, read_dictionary=[key, "ego_id"])
        except (OSError, ValueError, pyarrow().ArrowException):
            raise InputError("cannot be read as a Parquet file", source=source) from None
        yield source, table


def _network_parts(source: Any) -> Iterator[tuple[str | None, pa.Table]]:
    from grace_support.cohort import _networks, arrow_parts  # noqa: PLC0415

    for tables in arrow_parts(_networks(source)):
        yield None, tables["alters"]


_BAD: Final = object()


def _json_cell(value: Any) -> Any:
    """A JSON-encoded cell's value, or `_BAD` (the error, which holds the text, is dropped)."""
    try:
        return loads_json(value)
    except DocumentError:
        return _BAD


def _key_column(table: pa.Table, key: str, source: str | None) -> Series:
    """The key column as text (null where not recorded)."""
    pl = polars()
    pa = pyarrow()
    field = table.schema.field(key)
    column = table.column(key)
    # The key is the analyst's attribute name: a problem names its column by place.
    where = f"alters, column {table.schema.get_field_index(key) + 1} (an attribute)"
    if field.metadata and field.metadata.get(JSON_ENCODING) == b"json":
        values = []
        for row, value in enumerate(column.to_pylist()):
            decoded_value = None if value is None else _json_cell(value)
            if value is not None and decoded_value is _BAD:
                raise DocumentError(
                    [Problem(f"{where}, row {row}", "must be JSON text of one plain value")],
                    source=source,
                )
            values.append(None if value is None else key_text(decoded_value))
        decoded: Series = pl.Series(key, values, dtype=pl.String)
        return decoded
    kind = field.type
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    if not (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_integer(kind)
        or pa.types.is_boolean(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_null(kind)
    ):
        raise DocumentError(
            [Problem(where, "must hold text, numbers or true/false")], source=source
        )
    if pa.types.is_floating(kind):  # as Python writes a float (1.0, not 1)
        values = [None if v is None else key_text(float(v)) for v in column.to_pylist()]
        numbers: Series = pl.Series(key, values, dtype=pl.String)
        return numbers
    if pa.types.is_null(kind):
        nulls: Series = pl.Series(key, [None] * len(column), dtype=pl.String)
        return nulls
    series: Series = pl.from_arrow(column.cast(pa.string())).cast(pl.String).alias(key)
    return series


def part_pairs(table: pa.Table, key: str, source: str | None) -> DataFrame | None:
    """One row per key value and ego of one part: ``key``, ``ego_id``, a flag per type."""
    pl = polars()
    if key not in table.column_names or table.num_rows == 0:
        return None
    column = table.column(key)
    if column.null_count:  # only the people who have the key are read further
        table = table.filter(column.is_valid())
    frame = pl.DataFrame(
        {
            "key": _key_column(table, key, source),
            "ego_id": pl.from_arrow(table.column("ego_id")).cast(pl.String),
        }
    )
    flags = []
    for t in TYPES:
        if t in table.column_names:
            flags.append(
                pl.from_arrow(table.column(t)).cast(pl.Boolean).fill_null(value=False).alias(t)
            )
        else:
            flags.append(pl.Series(t, [False] * table.num_rows, dtype=pl.Boolean))
    frame = frame.with_columns(flags).filter(pl.col("key").is_not_null())
    # Two alters of one ego with the same key count once for that ego.
    pairs: DataFrame = frame.group_by("key", "ego_id").agg(pl.col(t).any() for t in TYPES)
    return pairs


def shared_frame(
    parts: Iterator[tuple[str | None, pa.Table]],
    *,
    key: str,
    secret: bytes,
    names: bool,
    min_egos: int,
) -> DataFrame:
    """The rows of `shared_people` from the parts' alters tables."""
    pl = polars()
    found = []
    for source, table in parts:
        pairs = part_pairs(table, key, source)
        if pairs is not None:
            found.append(
                pairs.group_by("key").agg(
                    pl.len().cast(pl.Int64).alias("n_egos"),
                    *(pl.col(t).sum().cast(pl.Int64).alias(f"n_egos_{t}") for t in TYPES),
                )
            )
    schema = {"key": pl.String, "n_egos": pl.Int64, **dict.fromkeys(SHARED_COUNT_COLUMNS, pl.Int64)}
    totals = (
        pl.concat(found).group_by("key").agg(pl.all().sum())
        if found
        else pl.DataFrame(schema=schema)
    )
    shared = totals.filter(pl.col("n_egos") >= min_egos)
    keys = shared["key"].to_list()
    shared = shared.with_columns(
        pl.Series("person_key", [person_key(k, secret) for k in keys], dtype=pl.String)
    )
    columns = ["person_key", *(["key"] if names else []), "n_egos", *SHARED_COUNT_COLUMNS]
    result: DataFrame = shared.sort(["n_egos", "person_key"], descending=[True, False])
    return result.select(columns)
