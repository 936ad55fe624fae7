"""Columns of a part as numpy arrays: text as integer codes into its distinct values.

Text columns are read from Parquet as dictionaries, so a column of a million roles
is a million small integers and nineteen strings; every comparison with the
vocabulary is done once per distinct value, then looked up by code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from grace_support._extras import require
from grace_support.cohort._layout import pyarrow

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow as pa


def np() -> Any:
    """The numpy module (pyarrow needs it, so it comes with the ``cohort`` extra)."""
    return require("numpy", extra="cohort", feature="grace_support.cohort")


def read_table(file: Path, columns: list[str] | None = None) -> pa.Table:
    """Read one Parquet file (or some of its `columns`), keeping text columns dictionary-encoded."""
    pq = require("pyarrow.parquet", extra="cohort", feature="grace_support.cohort")
    schema = pq.read_schema(file)
    pa = pyarrow()
    text = [
        f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
    ]
    return pq.read_table(file, columns=columns, read_dictionary=text)


class Codes:
    """A text column as codes (``-1`` for missing) into its distinct values."""

    __slots__ = ("_values", "codes", "dictionary")

    def __init__(self, codes: Any, dictionary: pa.Array) -> None:
        self.codes = codes
        self.dictionary = dictionary
        self._values: list[str] | None = None

    @property
    def values(self) -> list[str]:
        """The distinct values, as Python text (converted once, when first asked for)."""
        if self._values is None:
            self._values = self.dictionary.to_pylist()
        return self._values

    def where(self, allowed: Any) -> Any:
        """A boolean array: the row's value is one of `allowed` (missing is not)."""
        numpy = np()
        table = numpy.asarray([v in allowed for v in self.values] + [False], dtype=bool)
        return table[self.codes]

    def mapped(self, lookup: dict[str, int], default: int = -1) -> Any:
        """The row's value looked up in `lookup` (`default` when absent or missing)."""
        numpy = np()
        table = numpy.asarray([lookup.get(v, default) for v in self.values] + [default])
        return table[self.codes]

    def positions_in(self, other: pa.Array) -> Any:
        """The position of each row's value among the text array `other` (``-1`` if absent)."""
        numpy = np()
        pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
        found = pc.index_in(self.dictionary, value_set=other)
        table = numpy.append(found.fill_null(-1).to_numpy(zero_copy_only=False), -1)
        return table.astype(numpy.int64)[self.codes]


def codes(column: pa.ChunkedArray | pa.Array) -> Codes:
    """A text column as `Codes` (plain or dictionary-encoded, any number of chunks)."""
    pa = pyarrow()
    numpy = np()
    if isinstance(column, pa.ChunkedArray):
        column = column.unify_dictionaries() if pa.types.is_dictionary(column.type) else column
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if pa.types.is_null(column.type):
        return Codes(numpy.full(len(column), -1, dtype=numpy.int64), pa.array([], pa.string()))
    if not pa.types.is_dictionary(column.type):
        column = column.dictionary_encode()
    indices = column.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(numpy.int64)
    return Codes(indices, column.dictionary.cast(pa.string()))


def id_numbers(columns: list[Codes]) -> list[Any]:
    """One number per distinct text across all `columns`: each column's rows as those numbers."""
    pa = pyarrow()
    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
    if not columns:
        return []
    universe = pc.unique(pa.concat_arrays([c.dictionary for c in columns]))
    return [c.positions_in(universe) for c in columns]


def flags(table: pa.Table, name: str, *, default: bool = False) -> Any:
    """A true/false column as a boolean array (missing as false; absent as `default`)."""
    numpy = np()
    if name not in table.column_names:
        return numpy.full(table.num_rows, default, dtype=bool)
    column = table.column(name)
    if pyarrow().types.is_null(column.type):  # a column of nothing but missing values
        return numpy.zeros(table.num_rows, dtype=bool)
    filled = column.fill_null(False) if column.null_count else column
    return filled.to_numpy().astype(bool)


def days(table: pa.Table, name: str) -> tuple[Any, Any]:
    """A date column as days since 1970-01-01, and where it is present."""
    numpy = np()
    pa = pyarrow()
    if name not in table.column_names:
        return numpy.zeros(table.num_rows, dtype=numpy.int64), numpy.zeros(table.num_rows, bool)
    column = table.column(name)
    if pa.types.is_null(column.type):
        return numpy.zeros(table.num_rows, dtype=numpy.int64), numpy.zeros(table.num_rows, bool)
    present = column.is_valid().to_numpy().astype(bool)
    values = column.cast(pa.int32()).fill_null(0).to_numpy().astype(numpy.int64)
    return values, present


def distinct(values: Any) -> Any:
    """The distinct values of an integer array, sorted (by sorting, which is fast)."""
    numpy = np()
    ordered = numpy.sort(values, kind="stable")
    if len(ordered) < 2:
        return ordered
    return ordered[numpy.concatenate(([True], ordered[1:] != ordered[:-1]))]


def member(values: Any, sorted_distinct: Any) -> Any:
    """A boolean array: each value is one of `sorted_distinct` (from `distinct`)."""
    numpy = np()
    if not len(sorted_distinct):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(sorted_distinct, values)
    return sorted_distinct[numpy.minimum(at, len(sorted_distinct) - 1)] == values


def groups(values: Any) -> tuple[Any, Any, Any]:
    """The distinct values (sorted), each value's group number, and each group's size."""
    numpy = np()
    order = numpy.argsort(values, kind="stable")
    ordered = values[order]
    starts = (
        numpy.concatenate(([True], ordered[1:] != ordered[:-1]))
        if len(ordered)
        else (numpy.zeros(0, dtype=bool))
    )
    number = numpy.cumsum(starts) - 1
    inverse = numpy.empty(len(values), dtype=numpy.int64)
    inverse[order] = number
    keys = ordered[starts]
    return keys, inverse, numpy.bincount(number, minlength=len(keys))
