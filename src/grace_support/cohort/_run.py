"""Reading parts, measuring them (here or on Dask workers), writing the results."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grace_support._extras import require
from grace_support._input import check_output, loads_json, read_bytes
from grace_support.cohort._columns import read_table
from grace_support.cohort._kernel import measure_part
from grace_support.cohort._layout import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    READ_VERSIONS,
    TABLES,
    builtin_schema,
    part_path,
    pyarrow,
)
from grace_support.cohort._validate import MAX_ROWS_PER_CHECK, validate_part
from grace_support.errors import AsOfError, DocumentError, InputError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

    import polars as pl
    import pyarrow as pa

    from grace_support.assessment import Settings


MANIFEST_MAX_BYTES = 1024 * 1024
"""A dataset's ``cohort.json`` is refused when larger than this."""


@dataclass(frozen=True, slots=True)
class Dataset:
    """An opened dataset: its folder and number of parts."""

    path: Path
    parts: int
    version: int = FORMAT_VERSION
    """The layout version (see ``_layout.FORMAT_VERSION``)."""

    def files(self, index: int) -> dict[str, Path]:
        """The three files of part `index`."""
        return {table: part_path(self.path, table, index) for table in TABLES}


def open_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Open a dataset folder by its ``cohort.json``.

    Raises:
        InputError: The folder or its ``cohort.json`` is missing or not a dataset's.
    """
    folder = Path(path)
    manifest = folder / MANIFEST
    data: Any = None
    # A regular file of at most 1 MiB: a FIFO or /dev/zero is refused unread.
    with contextlib.suppress(DocumentError):
        data = loads_json(read_bytes(manifest, max_bytes=MANIFEST_MAX_BYTES))
    if data is None:  # raised outside the handler: no chain holding the manifest's bytes
        raise InputError(
            f"is not a cohort dataset (no readable {MANIFEST}); write one with "
            "grace_support.cohort.write_dataset or synthesize",
            source=str(folder),
        )
    parts = data.get("parts") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(parts, int)
        or isinstance(parts, bool)
        or parts < 0
    ):
        raise InputError(f"is not a cohort dataset ({MANIFEST} is not ours)", source=str(folder))
    version = data.get("version")
    if version not in READ_VERSIONS or isinstance(version, bool):
        raise InputError(
            "is a cohort dataset of a version this release cannot read", source=str(folder)
        )
    return Dataset(folder, parts, version)


def read_part(dataset: Dataset, index: int, *, columns: bool = True) -> dict[str, pa.Table]:
    """The three Arrow tables of one part.

    Raises:
        InputError: A file is missing or is not Parquet.
    """
    tables = {}
    for table, file in dataset.files(index).items():
        name = str(file.relative_to(dataset.path.parent))
        try:
            regular = stat.S_ISREG(os.stat(file).st_mode)
        except (OSError, ValueError):
            regular = False
        if not regular:  # a FIFO would block the Parquet reader forever
            raise InputError("cannot be read: it is missing or not a regular file", source=name)
        failed = False
        try:
            tables[table] = read_table(file)
        except (OSError, ValueError, pyarrow().ArrowException):
            failed = True
        if failed:  # raised outside the handler: no chain
            raise InputError("cannot be read as a Parquet file", source=name)
    return tables


class SeenEgos:
    """The ego ids of the parts read so far, to find an ego_id used in two parts."""

    def __init__(self) -> None:
        self.ids: list[pa.Array] = []

    def problems(self, index: int, egos: pa.Table) -> list[Problem]:
        """An ego_id already used in an earlier part, row by row; then remembers these ids."""
        pa = pyarrow()
        pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
        column = egos.column("ego_id").combine_chunks().cast(pa.string())
        found: list[Problem] = []
        if self.ids:
            again = pc.is_in(column, value_set=pa.concat_arrays(self.ids))
            rows = again.to_numpy(zero_copy_only=False).nonzero()[0][:MAX_ROWS_PER_CHECK]
            found = [
                Problem(
                    f"egos row {row}, column ego_id",
                    "is already the id of an ego in an earlier part; every ego_id must be unique",
                    source=f"egos/part-{index:05d}.parquet",
                )
                for row in rows.tolist()
            ]
        self.ids.append(column)
        return found


def checked_part(dataset: Dataset, index: int, seen: SeenEgos | None = None) -> dict[str, pa.Table]:
    """One part, validated (ego ids also unique across parts when `seen` is given).

    Raises:
        DocumentError: The part breaks a rule; every problem is listed.
    """
    tables = read_part(dataset, index)
    problems = validate_part(index, tables)
    if seen is not None and not problems:
        problems = seen.problems(index, tables["egos"])
    if problems:
        raise DocumentError(problems, source=str(dataset.path))
    return tables


_RECORDED_DAYS = (("egos", "collected_on"), ("alters", "last_contact"))


def check_as_of(
    tables: dict[str, pa.Table], as_of: date | None, index: int | None, offset: int | None = None
) -> None:
    """Refuse an `as_of` earlier than a recorded day, as ``assess`` does.

    Raises:
        AsOfError: Each row with a later ``collected_on`` or ``last_contact``: by
            table, row and column (and part file) for part `index` of a dataset, or,
            for networks given in Python (`offset`: the position of the part's first
            network), by the network's place, ``networks[4].relationships[1].last_contact``.
    """
    if as_of is None:
        return
    pa = pyarrow()
    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
    day = pa.scalar(as_of, type=pa.date32())
    problems: list[Problem] = []
    for table, column in _RECORDED_DAYS:
        if column not in tables[table].column_names:  # an optional column left out
            continue
        values = pc.cast(tables[table].column(column), pa.date32(), safe=False)
        later = pc.fill_null(pc.greater(values, day), False).combine_chunks()
        rows = later.to_numpy(zero_copy_only=False).nonzero()[0][:MAX_ROWS_PER_CHECK].tolist()
        if offset is not None:
            problems.extend(_network_places(tables, table, column, rows, offset))
            continue
        source = None if index is None else f"{table}/part-{index:05d}.parquet"
        problems.extend(
            Problem(f"{table} row {row}, column {column}", "is later than as_of", source=source)
            for row in rows
        )
    if problems:
        raise AsOfError(problems)


def _network_places(
    tables: dict[str, pa.Table], table: str, column: str, rows: list[int], offset: int
) -> list[Problem]:
    """The problems of `rows` named by network: ``networks[i].collected_on`` and the like.

    Runs only when there is something to report: it reads the id columns into Python.
    """
    egos = tables["egos"].column("ego_id").to_pylist()
    if table == "egos":
        return [
            Problem(f"networks[{offset + row}].{column}", "is later than as_of") for row in rows
        ]
    position = {ego: i for i, ego in reversed(list(enumerate(egos)))}  # first occurrence
    owners = tables["alters"].column("ego_id").to_pylist()
    problems = []
    for row in rows:
        first = row
        while first > 0 and owners[first - 1] == owners[row]:  # a network's alters are together
            first -= 1
        where = f"networks[{offset + position[owners[row]]}].relationships[{row - first}].{column}"
        problems.append(Problem(where, "is later than as_of"))
    return problems


def measure_arrow(
    tables: dict[str, pa.Table],
    as_of: date | None,
    settings: Settings,
    index: int | None = None,
    *,
    offset: int | None = None,
    ego_columns: tuple[str, ...] = (),
    recorded: bool = True,
) -> pl.DataFrame:
    """The measures of one part's (valid) Arrow tables, then the chosen `ego_columns`.

    `recorded`: whether missing values mean "not recorded" (dataset layout 2 and
    networks given in Python) rather than none (layout 1).

    Raises:
        AsOfError: `as_of` is earlier than a recorded day (see `check_as_of`).
        ValueError: A part of a dataset (`index` given) has no column of `ego_columns`.
    """
    check_as_of(tables, as_of, index, offset)
    frame = measure_part(
        tables["egos"],
        tables["alters"],
        tables["ties"],
        as_of=as_of,
        settings=settings,
        recorded=recorded,
    )
    if not ego_columns:
        return frame
    return frame.hstack(ego_frame(tables["egos"], ego_columns, index).get_columns())


def ego_frame(egos: pa.Table, names: tuple[str, ...], index: int | None) -> pl.DataFrame:
    """The columns `names` of an egos table (JSON text decoded), as polars columns.

    Raises:
        ValueError: A part of a dataset (`index` given) has no such column. (Networks
            given in Python that lack an attribute get a column of nulls.)
    """
    from grace_support.cohort._layout import column_values, polars  # noqa: PLC0415

    pl = polars()
    columns = []
    for position, name in enumerate(names):
        if name not in egos.column_names:
            if index is not None:  # the analyst's column name is named by its place only
                raise ValueError(
                    f"ego_columns[{position}] names no column of the egos table "
                    f"(egos/part-{index:05d}.parquet)"
                )
            columns.append(pl.Series(name, [None] * egos.num_rows, dtype=pl.String))
            continue
        field = egos.schema.field(name)
        if field.metadata and field.metadata.get(b"grace_support.encoding") == b"json":
            columns.append(pl.Series(name, [str(v) for v in column_values(egos, name)]))
        else:
            columns.append(
                pl.from_arrow(egos.column(name).cast(_plain_type(field.type))).alias(name)
            )
    return _as_frame(pl.DataFrame(columns))


def _as_frame(frame: Any) -> pl.DataFrame:
    """`frame`, typed (polars is imported lazily, so its results are ``Any`` here)."""
    return frame  # type: ignore[no-any-return]


def _plain_type(kind: Any) -> Any:
    pa = pyarrow()
    return kind.value_type if pa.types.is_dictionary(kind) else kind


def measure_file_part(
    path: str,
    index: int,
    as_of: date | None,
    settings: Settings,
    *,
    check: bool = True,
    ego_columns: tuple[str, ...] = (),
    version: int = FORMAT_VERSION,
) -> pl.DataFrame:
    """Measure part `index` of the dataset at `path` (what a Dask worker runs).

    `version` is the dataset's layout version (from its manifest).
    """
    dataset = Dataset(Path(path), index + 1, version)
    tables = checked_part(dataset, index) if check else read_part(dataset, index)
    return measure_arrow(
        tables, as_of, settings, index, ego_columns=ego_columns, recorded=version >= 2
    )


# -- writing results ------------------------------------------------------------------------


class ResultWriter:
    """Writes result frames to Parquet or CSV, batch by batch, then moves the file into place."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        check_output(out)  # a device, a FIFO or a folder is never replaced
        self.out = Path(out)
        self.csv = self.out.suffix.lower() == ".csv"
        self.out.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{self.out.name}.", dir=self.out.parent)
        os.close(handle)
        self.tmp = Path(name)
        self.writer: Any = None
        self.schema: Any = None
        self.stream: Any = None

    def write(self, frame: pl.DataFrame) -> None:
        """Append one batch of rows."""
        if self.csv:
            if self.stream is None:
                self.stream = self.tmp.open("wb")
                frame.write_csv(self.stream, include_header=True)
            else:
                frame.write_csv(self.stream, include_header=False)
            return
        pq = require("pyarrow.parquet", extra="cohort", feature="grace_support.cohort")
        table = frame.to_arrow()
        if self.writer is None:
            self.schema = table.schema
            self.writer = pq.ParquetWriter(self.tmp, self.schema)
        self.writer.write_table(table.cast(self.schema))

    def commit(self, empty: pl.DataFrame) -> None:
        """Finish the file and move it to `out`."""
        if self.writer is None and self.stream is None:
            self.write(empty)
        if self.stream is not None:
            self.stream.close()
        if self.writer is not None:
            self.writer.close()
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        """Remove the temporary file."""
        try:
            if self.stream is not None:
                self.stream.close()
            if self.writer is not None:
                self.writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def empty_tables() -> dict[str, pa.Table]:
    """Three empty tables with the built-in columns."""
    return {table: builtin_schema(table).empty_table() for table in TABLES}


def iterate(futures: list[Any]) -> Iterator[pl.DataFrame]:
    """The results of Dask futures in submission order, each released once read."""
    for future in futures:
        result = future.result()
        future.release()
        yield result
