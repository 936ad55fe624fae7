"""The dataset layout: folders, file names, column types, and networks to Arrow and back.

A dataset is a folder::

    DATASET/
      cohort.json                 what this is: format, version, number of parts and rows
      egos/part-00000.parquet     one row per ego
      alters/part-00000.parquet   one row per ego-alter relationship
      ties/part-00000.parquet     one row per alter-alter tie

Part ``k`` of the three tables holds the same egos, whole: every alter and tie of an
ego is in the part that holds the ego. The columns are those of
[`to_tables`][grace_support.tables.to_tables]; attribute columns keep one Parquet
type each (text, whole number, number or true/false), and a column whose values mix
types holds them as JSON text (marked in the column's metadata).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from grace_support._extras import require
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    import pyarrow as pa

    from grace_support.network import SupportNetwork

FORMAT: Final = "grace-support cohort"
"""The ``format`` written in ``cohort.json``."""
FORMAT_VERSION: Final = 2
"""The version of the dataset layout this release writes.

Version 2 (network document version 3) adds the ego columns of the tables of
`to_tables`: ``support_types_asked``, ``gives_types_asked`` and ``ties_asked`` (JSON
list text; missing: the default, all four kinds or everyone), ``generator`` and
``max_names``. In version 2 a missing ``strain``, or all four support (or ``gives_``)
columns missing, mean not recorded; in version 1 they mean none, as before. Both
are read.
"""
READ_VERSIONS: Final = (1, 2)
"""The layout versions this release reads."""
MANIFEST: Final = "cohort.json"
TABLES: Final = ("egos", "alters", "ties")
PART_ROWS: Final = 100_000
"""The number of egos in each part that ``write_dataset`` and ``synthesize`` write."""
JSON_ENCODING: Final = b"grace_support.encoding"
"""Field metadata key: ``json`` when an attribute column holds JSON text."""

TYPES: Final = tuple(t.value for t in SupportType)
NEED_COLUMNS: Final = tuple(f"need_{t}" for t in TYPES)
GIVES_COLUMNS: Final = tuple(f"gives_{t}" for t in TYPES)
ASKED_COLUMNS: Final = ("support_types_asked", "gives_types_asked", "ties_asked")
EGO_COLUMNS: Final = (
    "ego_id", "name", *NEED_COLUMNS, "collected_on", *ASKED_COLUMNS, "generator", "max_names",
)  # fmt: skip
ALTER_COLUMNS: Final = (
    "ego_id", "alter_id", "name", "role", "category", *TYPES,
    "closeness", "contact", "last_contact", "strain", *GIVES_COLUMNS,
)  # fmt: skip
TIE_COLUMNS: Final = ("ego_id", "alter_a", "alter_b", "weight")
REL_PREFIX: Final = "rel."


def pyarrow() -> Any:
    """The ``pyarrow`` module, or a `MissingExtraError` naming the ``cohort`` extra."""
    return require("pyarrow", extra="cohort", feature="grace_support.cohort")


def polars() -> Any:
    """The ``polars`` module, or a `MissingExtraError` naming the ``cohort`` extra."""
    return require("polars", extra="cohort", feature="grace_support.cohort")


def builtin_schema(table: str) -> pa.Schema:
    """The Arrow types of the built-in columns of one table."""
    pa = pyarrow()
    text, flag = pa.string(), pa.bool_()
    if table == "egos":
        return pa.schema(
            [
                ("ego_id", text),
                ("name", text),
                *((c, flag) for c in NEED_COLUMNS),
                ("collected_on", pa.date32()),
                *((c, text) for c in ASKED_COLUMNS),
                ("generator", text),
                ("max_names", pa.int64()),
            ]
        )
    if table == "alters":
        return pa.schema(
            [
                ("ego_id", text), ("alter_id", text), ("name", text), ("role", text),
                ("category", text), *((t, flag) for t in TYPES), ("closeness", text),
                ("contact", text), ("last_contact", pa.date32()), ("strain", text),
                *((c, flag) for c in GIVES_COLUMNS),
            ]
        )  # fmt: skip
    return pa.schema([*((c, text) for c in TIE_COLUMNS[:3]), ("weight", pa.float64())])


def part_name(index: int) -> str:
    """The file name of part `index`."""
    return f"part-{index:05d}.parquet"


def part_path(dataset: Path, table: str, index: int) -> Path:
    """The file of one table's part."""
    return dataset / table / part_name(index)


# -- networks to Arrow ---------------------------------------------------------------------


def _attribute_array(values: list[Any]) -> tuple[pa.Array, bool]:
    """One attribute column: its own Parquet type when the values agree, else JSON text."""
    pa = pyarrow()
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pa.array(values, pa.bool_()), False
    if kinds == {int} and all(v is None or -(2**63) <= v < 2**63 for v in values):
        return pa.array(values, pa.int64()), False
    if kinds == {float}:
        return pa.array(values, pa.float64()), False
    if kinds <= {str}:
        return pa.array(values, pa.string()), False
    return pa.array([None if v is None else json.dumps(v) for v in values], pa.string()), True


def _table(builtin: pa.Schema, columns: dict[str, list[Any]], rows: int) -> pa.Table:
    pa = pyarrow()
    arrays, fields = [], []
    for field in builtin:
        arrays.append(pa.array(columns.pop(field.name), field.type))
        fields.append(field)
    for name, values in columns.items():
        array, as_json = _attribute_array(values + [None] * (rows - len(values)))
        arrays.append(array)
        metadata = {JSON_ENCODING: b"json"} if as_json else None
        fields.append(pa.field(name, array.type, metadata=metadata))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _put(columns: dict[str, list[Any]], row: int, name: str, value: Any) -> None:
    column = columns.get(name)
    if column is None:
        column = columns[name] = []
    column += [None] * (row - len(column))
    column.append(value)


def networks_to_arrow(networks: Sequence[SupportNetwork]) -> dict[str, pa.Table]:
    """The egos, alters and ties tables of some networks, as Arrow tables.

    Raises:
        ValueError: An attribute's name is the name of a built-in column.
    """
    from grace_support.tables import _asked_cells  # noqa: PLC0415

    egos: dict[str, list[Any]] = {c: [] for c in EGO_COLUMNS}
    alters: dict[str, list[Any]] = {c: [] for c in ALTER_COLUMNS}
    ties: dict[str, list[Any]] = {c: [] for c in TIE_COLUMNS}
    alter_row = 0
    for number, network in enumerate(networks):
        ego = network.ego.id
        egos["ego_id"].append(ego)
        egos["name"].append(network.ego.name)
        for t, column in zip(SupportType, NEED_COLUMNS, strict=True):
            egos[column].append(t in network.needs)
        egos["collected_on"].append(network.collected_on)
        for column, cell in _asked_cells(network).items():  # as to_tables writes them
            egos[column].append(cell)
        for name, value in network.ego.attributes.items():
            _check_name(name, EGO_COLUMNS, number)
            _put(egos, number, name, value)
        for person, rel in network.alters:
            alters["ego_id"].append(ego)
            alters["alter_id"].append(person.id)
            alters["name"].append(person.name)
            alters["role"].append(rel.role.value if rel.role else None)
            alters["category"].append(rel.category.value if rel.category else None)
            for t in SupportType:  # null when not recorded
                alters[t.value].append(None if rel.supports is None else t in rel.supports)
            alters["closeness"].append(rel.closeness.value if rel.closeness else None)
            alters["contact"].append(rel.contact.value if rel.contact else None)
            alters["last_contact"].append(rel.last_contact)
            alters["strain"].append(rel.strain.value if rel.strain else None)
            for t, column in zip(SupportType, GIVES_COLUMNS, strict=True):
                alters[column].append(None if rel.gives is None else t in rel.gives)
            for name, value in person.attributes.items():
                _check_name(name, ALTER_COLUMNS, number)
                _put(alters, alter_row, name, value)
            for name, value in rel.attributes.items():
                _put(alters, alter_row, REL_PREFIX + name, value)
            alter_row += 1
        for tie in network.ties:
            ties["ego_id"].append(ego)
            ties["alter_a"].append(tie[0])
            ties["alter_b"].append(tie[1])
            ties["weight"].append(tie.weight)
            for name, value in tie.attributes.items():
                _check_name(name, TIE_COLUMNS, number)
                _put(ties, len(ties["ego_id"]) - 1, name, value)
    return {
        "egos": _table(builtin_schema("egos"), egos, len(networks)),
        "alters": _table(builtin_schema("alters"), alters, alter_row),
        "ties": _table(builtin_schema("ties"), ties, len(ties["ego_id"])),
    }


def _check_name(name: str, builtin: Sequence[str], number: int) -> None:
    if name in builtin or name.startswith(REL_PREFIX):
        raise ValueError(f"network {number}: an attribute has the name of a built-in column")


# -- Arrow to networks ---------------------------------------------------------------------


def column_values(table: pa.Table, name: str) -> list[Any]:
    """A column as Python values, JSON text decoded, NaN as missing."""
    field = table.schema.field(name)
    values: list[Any] = table.column(name).to_pylist()
    if field.metadata and field.metadata.get(JSON_ENCODING) == b"json":
        return [None if v is None else json.loads(v) for v in values]
    if field.type.id == pyarrow().float64().id:
        return [None if v is None or math.isnan(v) else v for v in values]
    return values


def rows(table: pa.Table) -> list[dict[str, Any]]:
    """The rows of a table as dicts of plain Python values."""
    columns = {name: column_values(table, name) for name in table.column_names}
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


# -- writing a dataset atomically ----------------------------------------------------------


class DatasetWriter:
    """Writes parts into a temporary folder, then moves it into place in one step."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.exists() and not (
            (self.path / MANIFEST).is_file()
            or (self.path.is_dir() and not any(self.path.iterdir()))
        ):
            raise FileExistsError(
                f"{self.path} exists and is not a cohort dataset; choose a new folder"
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", dir=self.path.parent))
        for table in TABLES:
            (self.tmp / table).mkdir()
        self.parts = 0
        self.counts = dict.fromkeys(TABLES, 0)

    def write_part(self, tables: dict[str, pa.Table]) -> None:
        """Write the next part (all three tables, holding the same egos)."""
        pq = require("pyarrow.parquet", extra="cohort", feature="grace_support.cohort")
        for table in TABLES:
            pq.write_table(tables[table], part_path(self.tmp, table, self.parts))
            self.counts[table] += tables[table].num_rows
        self.parts += 1

    def commit(self) -> Path:
        """Write the manifest and move the dataset into place."""
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "parts": self.parts,
            "rows": self.counts,
        }
        (self.tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        old = None
        if self.path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.old.", dir=self.path.parent))
            os.replace(self.path, old / "dataset")
        os.replace(self.tmp, self.path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return self.path

    def abort(self) -> None:
        """Remove everything written so far."""
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_parts(path: str | os.PathLike[str], parts: Iterable[dict[str, pa.Table]]) -> Path:
    """Write parts to a new dataset at `path` atomically (nothing half-written)."""
    writer = DatasetWriter(path)
    try:
        for tables in parts:
            writer.write_part(tables)
        return writer.commit()
    except BaseException:
        writer.abort()
        raise


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
