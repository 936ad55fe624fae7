"""Cohorts at scale: a Parquet dataset of many networks, and measures computed column-wise.

Needs the ``cohort`` extra (pyarrow, polars and numpy):
``pip install 'grace-support[cohort]'``; measuring on a Dask cluster also needs the
``dask`` extra.

- [`write_dataset`][grace_support.cohort.write_dataset] stores networks (or tables,
  or an import result) as a dataset: a folder of Parquet files of the long tables
  of [`to_tables`][grace_support.tables.to_tables], in parts that each hold whole egos;
- [`synthesize`][grace_support.cohort.synthesize] writes a synthetic cohort straight
  to a dataset, a million networks in seconds, and
  [`synthesize_follow_up`][grace_support.cohort.synthesize_follow_up] the next wave
  of the same egos;
- [`validate`][grace_support.cohort.validate] checks a dataset with the rules of the
  network document, column by column;
- [`read_networks`][grace_support.cohort.read_networks] yields its networks one by one;
- [`measure`][grace_support.cohort.measure] gives one row per ego with every measure
  of [`measures_table`][grace_support.tables.measures_table] and the number of
  findings of each code, the same values as [`assess`][grace_support.assess];
- [`changes`][grace_support.cohort.changes] compares two waves of a cohort: one row
  per ego in both, the same values as
  [`change_table`][grace_support.change.change_table];
- [`summary`][grace_support.cohort.summary] summarises either table by group, with
  survey weights and bootstrap intervals.
- [`shared_people`][grace_support.cohort.shared_people] finds the people (a
  clinician, a peer worker) named in several egos' networks, by a person attribute
  such as a provider id, under keyed hashes.

Examples:
    >>> import tempfile
    >>> from grace_support import cohort
    >>> from grace_support.synthetic import cohort as synthetic_cohort
    >>> folder = tempfile.mkdtemp()
    >>> path = cohort.write_dataset(synthetic_cohort(50, seed=1), f"{folder}/study")
    >>> table = cohort.measure(path, as_of="2026-11-25")
    >>> table.height, table["size"][0], table["finding_count_missing_support"][0]
    (50, 8, 0)
    >>> next(cohort.read_networks(path))
    SupportNetwork(ego='ego0000', people=8, ties=4)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from grace_support._input import GUARD_FRAMES, guarded
from grace_support.cohort._kernel import FINDING_COLUMNS, OUTPUT_COLUMNS
from grace_support.cohort._layout import (
    PART_ROWS,
    chunks,
    networks_to_arrow,
    rows,
    write_parts,
)
from grace_support.cohort._summary import summary
from grace_support.cohort._synth import synthesize, synthesize_follow_up
from grace_support.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

    import polars as pl
    import pyarrow as pa
    from distributed import Client

    from grace_support.assessment import Settings
    from grace_support.importers import ImportResult
    from grace_support.network import SupportNetwork
    from grace_support.tables import Tables

__all__ = [
    "FINDING_COLUMNS",
    "OUTPUT_COLUMNS",
    "DatasetSummary",
    "changes",
    "measure",
    "read_networks",
    "shared_people",
    "summary",
    "synthesize",
    "synthesize_follow_up",
    "validate",
    "write_dataset",
]


class DatasetSummary(NamedTuple):
    """What [`validate`][grace_support.cohort.validate] found in a valid dataset."""

    parts: int
    """Number of parts."""
    egos: int
    """Number of egos (networks)."""
    alters: int
    """Number of ego-alter relationships."""
    ties: int
    """Number of alter-alter ties."""
    egos_without_alters: int = 0
    """Egos who named no one (every structural measure but ego betweenness is null)."""
    egos_with_one_alter: int = 0
    """Egos who named one person (density and hierarchy are null)."""


def _networks(source: Any) -> Iterable[SupportNetwork]:
    from grace_support.importers import ImportResult  # noqa: PLC0415
    from grace_support.tables import Tables, from_tables  # noqa: PLC0415

    if isinstance(source, ImportResult):
        return source.networks
    if isinstance(source, Tables):
        return from_tables(*source)
    if isinstance(source, (str, bytes)) or not isinstance(source, Iterable):
        raise TypeError("source must be a dataset path, Tables, an ImportResult or networks")
    return source


@guarded()
def write_dataset(
    source: Tables | ImportResult | Iterable[SupportNetwork],
    path: str | os.PathLike[str],
    *,
    part_size: int = PART_ROWS,
) -> Path:
    """Store networks as a Parquet dataset (see [the cohort page](../cohort.md)).

    Args:
        source: The networks, their tables (validated on the way), or an import result
            (its valid networks).
        path: The dataset folder. It must be new, empty, or an existing dataset
            (which is replaced); the dataset appears there whole or not at all.
        part_size: The most egos in one part.

    Returns:
        The dataset folder.

    Raises:
        MissingExtraError: pyarrow or polars is not installed.
        DocumentError: The tables break a rule of the network document.
        FileExistsError: `path` exists and is not a dataset or an empty folder.
        InputError: The folder cannot be written (no permission, a full disk, ...).
        ValueError: An attribute has a built-in column's name, or `part_size` < 1.
    """
    from grace_support.cohort._layout import pyarrow  # noqa: PLC0415

    pyarrow()
    if part_size < 1:
        raise ValueError("part_size must be at least 1")
    networks = _networks(source)
    failure: str | None = None
    try:
        return write_parts(path, (networks_to_arrow(c) for c in chunks(networks, part_size)))
    except FileExistsError:
        raise
    except OSError as error:  # named by the folder, with the system's reason
        failure = f"cannot be written: {(error.strerror or 'an operating system error').lower()}"
    raise InputError(failure, source=str(path))


@guarded()
def validate(path: str | os.PathLike[str]) -> DatasetSummary:
    """Check every part of a dataset against the rules of the network document.

    The checks are column-wise over each part: ids (shape, unique across the ego and
    their alters, ego ids unique in the dataset), references (every alter and tie
    names an ego of its part, every tie two of that ego's alters, never the ego),
    ties (no self-ties, no repeats in either direction), vocabulary (role,
    closeness, contact, strain), column types, names and attribute names.

    Returns:
        How many parts, egos, alters and ties the dataset holds, and how many egos
        named no one or one person (where some measures are undefined; see the
        [structure measures](../measures/structure.md)).

    Raises:
        InputError: The folder is not a dataset, or a file cannot be read.
        DocumentError: Every problem found, each naming the part file, table, row
            (from 0 in that file) and column, never a value.
    """
    from grace_support.cohort._run import SeenEgos, open_dataset, read_part  # noqa: PLC0415
    from grace_support.cohort._validate import validate_part  # noqa: PLC0415
    from grace_support.errors import DocumentError, Problem  # noqa: PLC0415

    dataset = open_dataset(path)
    problems: list[Problem] = []
    seen = SeenEgos()
    counts = [0, 0, 0, 0, 0]
    for index in range(dataset.parts):
        tables = read_part(dataset, index)
        found = validate_part(index, tables)
        if not found:
            found = seen.problems(index, tables["egos"])
        problems += found
        for i, table in enumerate(("egos", "alters", "ties")):
            counts[i] += tables[table].num_rows
        if not found:
            none, one = _small_egos(tables)
            counts[3] += none
            counts[4] += one
    if problems:
        raise DocumentError(problems, source=str(dataset.path))
    return DatasetSummary(dataset.parts, *counts)


def _small_egos(tables: dict[str, pa.Table]) -> tuple[int, int]:
    """How many egos of a (valid) part named no one, and how many named one person."""
    from grace_support._extras import require  # noqa: PLC0415

    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")
    alters = tables["alters"].column("ego_id")
    if tables["alters"].num_rows == 0:
        return tables["egos"].num_rows, 0
    sizes = pc.value_counts(alters.combine_chunks().cast("string")).field("counts")
    named = len(sizes)
    one = int(pc.sum(pc.equal(sizes, 1)).as_py() or 0)
    return tables["egos"].num_rows - named, one


@guarded()
def read_networks(path: str | os.PathLike[str]) -> Iterator[SupportNetwork]:
    """The networks of a dataset, validated, one at a time (one part in memory).

    Raises:
        InputError: The folder is not a dataset, or a file cannot be read.
        DocumentError: A part breaks a rule (raised when that part is reached;
            run [`validate`][grace_support.cohort.validate] first to check them all).
    """
    from grace_support.cohort._run import SeenEgos, checked_part, open_dataset  # noqa: PLC0415
    from grace_support.documents import network_from_data  # noqa: PLC0415
    from grace_support.errors import DocumentError  # noqa: PLC0415
    from grace_support.importers._tables import _where, resolved  # noqa: PLC0415

    dataset = open_dataset(path)
    seen = SeenEgos()
    for index in range(dataset.parts):
        tables = checked_part(dataset, index, seen)
        egos, alters, ties = (rows(tables[t]) for t in ("egos", "alters", "ties"))
        alters_of: dict[str, list[int]] = {}
        for i, row in enumerate(alters):
            alters_of.setdefault(row["ego_id"], []).append(i)
        ties_of: dict[str, list[int]] = {}
        for i, row in enumerate(ties):
            ties_of.setdefault(row["ego_id"], []).append(i)
        for ego_row, ego in enumerate(egos):
            mine, my_ties = alters_of.get(ego["ego_id"], []), ties_of.get(ego["ego_id"], [])
            document = _recorded(
                ego, [alters[i] for i in mine], [ties[i] for i in my_ties], dataset.version
            )
            problems = []
            try:
                network = network_from_data(document)
            except DocumentError as error:
                problems = [
                    _located(
                        _where(resolved(p, document), ego_row, mine, my_ties), p.message, index
                    )
                    for p in error.problems
                ]
            if problems:  # raised outside the handler: no chain
                raise DocumentError(problems, source=str(dataset.path))
            yield network


def _recorded(
    ego: dict[str, Any], alters: list[dict[str, Any]], ties: list[dict[str, Any]], version: int
) -> dict[str, Any]:
    """The network document of one ego's rows, by the meaning of the dataset's layout.

    Layout 2 is read as the tables of `to_tables` are (network document 3: four
    missing support flags or a missing strain are "not recorded", and the ego
    columns say what the interview asked). In layout 1 a missing value meant none,
    and nothing about what was asked was kept.
    """
    from grace_support.importers._tables import _document  # noqa: PLC0415

    document = _document(ego, alters, ties)
    if version < 2:
        document.pop("schema_version", None)  # an absent field means none, as it did
    return document


def _located(place: tuple[str, int, str | None], message: str, index: int) -> Any:
    """A problem at a table's row; an attribute column is named by kind, never by its name."""
    from grace_support.cohort._layout import ALTER_COLUMNS, EGO_COLUMNS, TIE_COLUMNS  # noqa: PLC0415
    from grace_support.errors import Problem  # noqa: PLC0415

    table, row, column = place
    builtin = {"egos": EGO_COLUMNS, "alters": ALTER_COLUMNS, "ties": TIE_COLUMNS}[table]
    if column is not None and column not in builtin and column != "need_*":
        column = "(an attribute column)"
    where = f"{table} row {row}" + (f", column {column}" if column else "")
    return Problem(where, message, source=f"{table}/part-{index:05d}.parquet")


def _settings(settings: Settings | Mapping[str, Any] | None) -> Settings:
    from grace_support.assessment import Settings  # noqa: PLC0415

    return settings if isinstance(settings, Settings) else Settings.model_validate(settings or {})


def _as_of(as_of: date | str | None) -> date | None:
    from grace_support.network import parse_day  # noqa: PLC0415

    if as_of is None:
        return None
    try:
        return parse_day(as_of)
    except ValueError as error:
        raise ValueError(f"as_of {error}") from None


def _batches(
    source: Any,
    as_of: date | None,
    settings: Settings,
    client: Client | None,
    ego_columns: tuple[str, ...] = (),
) -> tuple[int, Iterator[pl.DataFrame]]:
    """How many batches there will be (0 when unknown), and the measured batches in order."""
    from grace_support.cohort import _run  # noqa: PLC0415

    if isinstance(source, (str, os.PathLike)):
        dataset = _run.open_dataset(source)
        if client is None:

            def local() -> Iterator[pl.DataFrame]:
                seen = _run.SeenEgos()
                for index in range(dataset.parts):
                    tables = _run.checked_part(dataset, index, seen)
                    yield _run.measure_arrow(
                        tables,
                        as_of,
                        settings,
                        index,
                        ego_columns=ego_columns,
                        recorded=dataset.version >= 2,
                    )

            return dataset.parts, local()
        futures = [
            client.submit(
                _run.measure_file_part,
                str(dataset.path.resolve()),
                i,
                as_of,
                settings,
                ego_columns=ego_columns,
                version=dataset.version,
                pure=False,
            )
            for i in range(dataset.parts)
        ]
        return dataset.parts, _run.iterate(futures)
    # Each part with the position of its first network, so that errors name networks[i].
    parts = (
        (networks_to_arrow(chunk), number * PART_ROWS)
        for number, chunk in enumerate(chunks(_networks(source), PART_ROWS))
    )
    if client is None:
        return 0, (
            _run.measure_arrow(t, as_of, settings, offset=at, ego_columns=ego_columns)
            for t, at in parts
        )

    def remote() -> Iterator[pl.DataFrame]:
        futures = [
            client.submit(
                _run.measure_arrow,
                t,
                as_of,
                settings,
                offset=at,
                ego_columns=ego_columns,
                pure=False,
            )
            for t, at in parts
        ]
        yield from _run.iterate(futures)

    return 0, remote()


def measured_batches(
    source: Any,
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    client: Client | None = None,
    ego_columns: Sequence[str] = (),
) -> tuple[int, Iterator[pl.DataFrame]]:
    """`measure`, one batch (part) at a time: the number of batches (0 if unknown) and them.

    The command line uses this to show progress; `measure` is the public way in.
    """
    from grace_support.cohort._layout import polars  # noqa: PLC0415

    polars()
    chosen = _ego_columns(ego_columns)
    return _batches(source, _as_of(as_of), _settings(settings), client, chosen)


def _ego_columns(names: Sequence[str]) -> tuple[str, ...]:
    if isinstance(names, str):
        raise TypeError("ego_columns must be a list of column names, not one name")
    chosen = tuple(names)
    for name in chosen:
        if not isinstance(name, str):
            raise TypeError("ego_columns must be column names (text)")
        if name in OUTPUT_COLUMNS:
            raise ValueError(f"ego_columns: {name!r} is already a column of the measures table")
    if len(set(chosen)) != len(chosen):
        raise ValueError("ego_columns names a column twice")
    return chosen


def _empty() -> pl.DataFrame:
    from grace_support.assessment import Settings  # noqa: PLC0415
    from grace_support.cohort import _run  # noqa: PLC0415

    return _run.measure_arrow(_run.empty_tables(), date(2000, 1, 1), Settings())


@overload
def measure(
    source: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    client: Client | None = None,
    ego_columns: Sequence[str] = (),
    out: None = None,
) -> pl.DataFrame: ...
@overload
def measure(
    source: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    client: Client | None = None,
    ego_columns: Sequence[str] = (),
    out: str | os.PathLike[str],
) -> None: ...
@guarded()
def measure(
    source: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    client: Client | None = None,
    ego_columns: Sequence[str] = (),
    out: str | os.PathLike[str] | None = None,
) -> pl.DataFrame | None:
    """One row per ego: every measure of `measures_table`, and a count per finding code.

    The columns are exactly those of
    [`measures_table`][grace_support.tables.measures_table], then
    ``finding_count_<code>`` for each [`FindingCode`][grace_support.FindingCode]
    (dashes as underscores, e.g. ``finding_count_missing_support``). Every value
    equals what [`assess`][grace_support.assess] gives for that network on that day
    with those settings; ``null`` where it gives ``None``.

    Args:
        source: A dataset folder (validated part by part as it is read), tables,
            an import result, or networks.
        as_of: The day to judge on (a ``date`` or ``YYYY-MM-DD``). When omitted, each
            network's ``collected_on`` day, or today for one without it (as ``assess``).
        settings: The thresholds of the findings (``Settings`` or a mapping of its
            fields); the defaults when omitted.
        client: A ``dask.distributed.Client``: the parts are measured on its
            workers (which need grace-support with the ``cohort`` extra, and the
            dataset folder at the same path). The result is the same table.
        ego_columns: Ego attributes to carry into the table after the measures (a
            design weight, a group): columns of the egos table, or attributes of the
            networks' egos (``null`` where a network has none).
        out: Write the table here instead of returning it: Parquet, or CSV when the
            name ends in ``.csv``; one part at a time, so memory stays bounded
            however big the dataset. The file appears whole or not at all.

    Returns:
        A polars ``DataFrame`` in the order of the egos, or ``None`` with `out`.

    Raises:
        MissingExtraError: pyarrow or polars is not installed.
        InputError: The dataset folder or one of its files cannot be read.
        DocumentError: The dataset breaks a rule of the network document.
        ValueError: ``as_of`` is not a day, or a setting is out of range; an
            ego column is a measure's name, or missing from a part of a dataset.
        TypeError: `ego_columns` is not a list of names.
        AsOfError: ``as_of`` is earlier than a recorded ``collected_on`` or
            ``last_contact``, as [`assess`][grace_support.assess] refuses it; the
            problems name the table, row and column (and the part's file).

    Version changed:
        0.2.0: ``ego_columns``.
    """
    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._layout import polars  # noqa: PLC0415
    from grace_support.cohort._run import _as_frame  # noqa: PLC0415

    pl = polars()
    _, batches = measured_batches(
        source, as_of=as_of, settings=settings, client=client, ego_columns=ego_columns
    )
    if out is None:
        found = list(batches)
        if not found:
            empty = _empty()
            return empty.hstack([pl.Series(c, [], pl.String) for c in ego_columns])
        return _as_frame(pl.concat(found, how="vertical_relaxed"))
    writer = _run.ResultWriter(out)
    try:
        for batch in batches:
            writer.write(batch)
        writer.commit(_empty())
    except BaseException:
        writer.abort()
        raise
    return None


class ChangeBatches:
    """`changes`, one batch (pair of parts) at a time; the command line shows its progress.

    Iterating gives the batches' rows; after the last, the days of ``as_of`` are
    checked against every compared ego (an `AsOfError` then). ``ordered`` says
    whether the batches, one after another, are sorted by ``ego_id``.
    """

    def __init__(self, found: Any, client: Client | None) -> None:
        self._plan = found
        self._client = client
        self.total: int = found.count
        self.ordered: bool = found.ordered
        self.stacklevel = 4
        """Where the generator warning points: the caller of `changes` by default."""

    def __iter__(self) -> Iterator[pl.DataFrame]:
        from grace_support.change import warn_generator_changed  # noqa: PLC0415
        from grace_support.cohort._changes import results  # noqa: PLC0415
        from grace_support.errors import AsOfError  # noqa: PLC0415

        found = self._plan
        problems = found.problems
        changed = 0
        try:
            for result in results(found, self._client):
                for side in (0, 1):
                    problems[side].extend(result.problems[side])
                changed += int(result.frame["generator_changed"].sum())
                yield result.frame
        finally:
            if found.cleanup is not None:
                found.cleanup()
        for side, wave in enumerate((found.before, found.after)):
            if problems[side]:
                raise AsOfError(problems[side], source=wave.path)
        if changed:  # some egos' waves used different name generators or caps
            warn_generator_changed(changed, stacklevel=self.stacklevel)


def changed_batches(
    before: Any,
    after: Any,
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    match: Any = None,
    client: Client | None = None,
) -> ChangeBatches:
    """`changes` as batches (see `ChangeBatches`); `changes` is the public way in."""
    from grace_support.change import _days_pair  # noqa: PLC0415
    from grace_support.cohort._changes import match_frame, open_wave, plan  # noqa: PLC0415
    from grace_support.cohort._layout import polars  # noqa: PLC0415

    polars()
    days = (None, None) if as_of is None else _days_pair(as_of)
    chosen = _settings(settings)
    pairs = None if match is None else match_frame(match)
    waves = open_wave(before, "before"), open_wave(after, "after")
    found = plan(*waves, as_of=days, settings=chosen, match=pairs)
    return ChangeBatches(found, client)


@overload
def changes(
    before: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    after: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    match: Any = None,
    client: Client | None = None,
    out: None = None,
) -> pl.DataFrame: ...
@overload
def changes(
    before: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    after: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    match: Any = None,
    client: Client | None = None,
    out: str | os.PathLike[str],
) -> None: ...
@guarded()
def changes(
    before: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    after: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    match: Any = None,
    client: Client | None = None,
    out: str | os.PathLike[str] | None = None,
) -> pl.DataFrame | None:
    """How each ego's network changed between two waves: `change_table`, column-wise.

    One row per ego present in both waves, sorted by ``ego_id``; egos of one wave
    only are left out. The columns begin with exactly those of
    [`change_table`][grace_support.change.change_table] (``ego_id``; the counts
    ``kept`` ... ``support_types_lost``; ``alter_jaccard`` and ``tie_jaccard``;
    ``coverage_before`` and ``coverage_after``; ``delta_<measure>`` for every
    numeric measure; ``findings_resolved``, ``findings_new`` and
    ``findings_persisting``; ``change_type``, ``turnover``, ``stability`` and the
    boolean ``generator_changed``), and every one of their values equals what it gives
    (and so what [`compare`][grace_support.change.compare] gives for that ego):
    counts and whole-number deltas as integers, shares and other deltas as floats,
    ``null`` where ``change_table`` has a missing value. Then:

    - ``before_finding_count_<code>`` and ``after_finding_count_<code>``: each
      wave's findings of each code, as [`measure`][grace_support.cohort.measure]
      counts them;
    - ``circle_<from>_to_<to>`` for the states ``inner``, ``middle``, ``outer``,
      ``unrecorded`` (closeness not recorded) and ``none`` (not named in that
      wave): how many people made that move. ``circle_middle_to_inner`` counts kept
      people who moved in; ``circle_outer_to_none`` people of the outer circle no
      longer named; ``circle_none_to_inner`` people newly named in the inner circle.

    The waves are compared part by part, with memory bounded by the part size:
    directly, pair of parts by pair of parts, when every ego of both waves is in
    the same part number in both (as
    [`synthesize_follow_up`][grace_support.cohort.synthesize_follow_up] writes
    them); otherwise both waves are first split by ranges of ego id into a
    temporary folder (one more pass over both). Pairs are compared in worker
    processes, one per core, when the waves hold 20,000 egos or more.

    Args:
        before: The earlier wave: a dataset folder (validated part by part as it is
            read), tables, an import result, or networks.
        after: The later wave, in any of the same forms.
        as_of: The days to judge the waves on, ``(before_day, after_day)``. When
            omitted, each network is judged on its own ``collected_on`` day (today
            for one without it), as ``compare`` does. Only ``dormant-tie`` depends
            on the day.
        settings: The thresholds of the findings (``Settings`` or a mapping of its
            fields); the defaults when omitted.
        match: People the interviewer gave a new id: a table (polars, pandas or
            Arrow) with the columns ``ego_id``, ``before_id`` and ``after_id``, one
            row per person, as ``compare``'s ``match`` for each ego. People not in
            it are matched by their id.
        client: A ``dask.distributed.Client``: the pairs of parts are compared on
            its workers (which need grace-support with the ``cohort`` extra, and
            the dataset folders at the same paths). The result is the same table.
        out: Write the table here instead of returning it: Parquet, or CSV when the
            name ends in ``.csv``; part by part. The file appears whole or not at all.

    Returns:
        A polars ``DataFrame``, or ``None`` with `out`.

    Warns:
        GeneratorChangedWarning: Once, with the number of egos whose two waves
            record different name generators or caps on names (``generator``,
            ``max_names``); those rows have ``generator_changed`` true.

    Raises:
        MissingExtraError: pyarrow or polars is not installed.
        InputError: A dataset folder or one of its files cannot be read.
        DocumentError: A dataset breaks a rule of the network document (two egos
            with one id included).
        AsOfError: A day of `as_of` is earlier than a ``collected_on`` or
            ``last_contact`` recorded for an ego of both waves, as ``compare``
            refuses it; the problems name the wave's dataset folder and part file
            with the table, row and column, or, for networks, the network and field
            (``after[3].relationships[1].last_contact``).
        TypeError: `match` is not a table.
        ValueError: ``as_of`` is not a pair of days; a setting is out of range;
            two networks given to one side are of the same ego (the message names
            the side and both positions, as ``before[3] ... before[1]``, never an
            id); or a row of `match` is incomplete, repeats a person, names someone
            not in that ego's network, or maps two people to one (the message names
            the row).

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> def wave(*people: str) -> SupportNetwork:
        ...     return SupportNetwork.build("sam", [
        ...         (p, Relationship(person=p, role="friend", supports=["emotional"]))
        ...         for p in people
        ...     ])
        >>> table = changes([wave("jo", "al")], [wave("jo", "kim")])
        >>> table.select("ego_id", "kept", "gained", "lost", "alter_jaccard").row(0)
        ('sam', 1, 1, 1, 0.3333333333333333)
        >>> table.select("circle_unrecorded_to_none", "circle_none_to_unrecorded").row(0)
        (1, 1)

    Version changed:
        0.2.0: part by part with bounded memory, in worker processes or on Dask
        (``client``); ``match``; the wave finding counts and circle moves.
    """
    from grace_support.cohort._layout import polars  # noqa: PLC0415

    pl = polars()
    batches = changed_batches(
        before, after, as_of=as_of, settings=settings, match=match, client=client
    )
    batches.stacklevel = 4 + GUARD_FRAMES  # the caller of changes (a guarded entry point)
    if out is None:
        found = list(batches)
        frame = pl.concat(found) if found else _empty_changes()
        return frame if batches.ordered else frame.sort("ego_id")
    batches.stacklevel = 5 + GUARD_FRAMES  # through write_sorted
    write_sorted(batches, out, ordered=batches.ordered)
    return None


def _empty_changes() -> pl.DataFrame:
    from grace_support.assessment import Settings  # noqa: PLC0415
    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._changes import compare_parts  # noqa: PLC0415

    empty = _run.empty_tables()
    return compare_parts(empty, empty, as_of=(None, None), settings=Settings())


def write_sorted(
    batches: Iterable[pl.DataFrame], out: str | os.PathLike[str], *, ordered: bool
) -> int:
    """Write change batches to `out` (Parquet or CSV), sorted by ``ego_id``; the row count.

    Batches already in order are written as they come; otherwise they go to a
    temporary Parquet file first, which is then sorted into `out`.
    """
    from pathlib import Path  # noqa: PLC0415

    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._layout import polars  # noqa: PLC0415

    pl = polars()
    target = Path(out)
    first = _run.ResultWriter(
        target if ordered else target.with_name(f".{target.name}.unsorted.parquet")
    )
    rows = 0
    try:
        for batch in batches:
            first.write(batch)
            rows += batch.height
        first.commit(_empty_changes())
    except BaseException:
        first.abort()
        raise
    if ordered:
        return rows
    try:
        final = _run.ResultWriter(target)
        try:
            final.write(pl.read_parquet(first.out).sort("ego_id"))
            final.commit(_empty_changes())
        except BaseException:
            final.abort()
            raise
    finally:
        first.out.unlink(missing_ok=True)
    return rows


@guarded()
def shared_people(
    dataset: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    key: str,
    secret: bytes | str | None = None,
    names: bool = False,
    min_egos: int = 2,
) -> pl.DataFrame:
    """The people named in several egos' networks: who carries the support of many.

    In a clinic's cohort the same clinician or peer worker is named by many
    clients. `key` is the name of a person attribute that identifies the same
    person across egos (a provider id, say); people without it are left out. One
    row per key value named by at least `min_egos` egos, most egos first:

    - ``person_key``: HMAC-SHA256 of the key value (as text) with `secret`, as 64
      hex digits. A plain hash of a name or an id can be reversed by trying a list
      of them; a keyed hash cannot without the secret. The same secret gives the
      same ``person_key`` in every run, so tables can be joined; without one, a
      random secret is drawn for this call, and the keys mean nothing outside it;
    - ``key``: the raw key value, only with ``names=True``;
    - ``n_egos``: the egos whose network names this person (two alters of one ego
      with the same key count once);
    - ``n_egos_emotional``, ``n_egos_practical``, ``n_egos_informational``,
      ``n_egos_peer``: of those egos, how many record this person giving that
      kind of support (a relationship whose supports were not recorded counts in
      none of them).

    Args:
        dataset: A dataset folder, tables, an import result, or networks. Of a
            dataset only the alters' ``ego_id``, the key and the support columns are
            read (run [`validate`][grace_support.cohort.validate] to check the rest).
        key: The person attribute that identifies someone across egos.
        secret: The key of the HMAC (bytes, or text as UTF-8); keep it as safe as
            the data. ``None`` draws a random one for this call.
        names: Add the raw key values as column ``key``. They identify people:
            keep such a table with the data, never in logs or shared reports.
        min_egos: The fewest egos a person must be named by to be listed.

    Returns:
        A polars ``DataFrame``.

    Raises:
        MissingExtraError: pyarrow or polars is not installed.
        InputError: The dataset folder or one of its files cannot be read.
        DocumentError: The key column holds something other than text, numbers or
            true/false (the problem names the file and column, never a value).
        ValueError: `key` is not a person attribute's name (a built-in column or a
            relationship attribute), `secret` is empty, or `min_egos` is below 1. A
            key that no one in the dataset has gives an empty table.

    Examples:
        >>> from grace_support import Person, Relationship, SupportNetwork
        >>> def client(ego: str, *providers: str) -> SupportNetwork:
        ...     return SupportNetwork.build(ego, [
        ...         (Person(id=f"p{i}", attributes={"provider_id": p}),
        ...          Relationship(person=f"p{i}", role="therapist", supports=["informational"]))
        ...         for i, p in enumerate(providers)])
        >>> networks = [client("ana", "dr-1"), client("ben", "dr-1", "pw-7"), client("cy", "pw-8")]
        >>> table = shared_people(networks, key="provider_id", secret=b"clinic secret")
        >>> table.select("n_egos", "n_egos_informational").row(0)
        (2, 2)
        >>> len(table["person_key"][0]), "key" in table.columns
        (64, False)
        >>> shared_people(networks, key="provider_id", names=True)["key"].to_list()
        ['dr-1']

    Version added:
        0.2.0
    """
    from grace_support.cohort._layout import polars  # noqa: PLC0415
    from grace_support.cohort._shared import (  # noqa: PLC0415
        _file_parts,
        _network_parts,
        check_key,
        secret_bytes,
        shared_frame,
    )

    polars()
    chosen = check_key(key)
    if isinstance(min_egos, bool) or not isinstance(min_egos, int) or min_egos < 1:
        raise ValueError("min_egos must be a whole number, at least 1")
    hmac_key = secret_bytes(secret)
    if isinstance(dataset, (str, os.PathLike)):
        parts = _file_parts(dataset, chosen)
    else:
        parts = _network_parts(dataset)
    return shared_frame(parts, key=chosen, secret=hmac_key, names=names, min_egos=min_egos)


def arrow_parts(networks: Iterable[SupportNetwork]) -> Iterator[dict[str, pa.Table]]:
    """Networks as Arrow tables, one part (``PART_ROWS`` egos) at a time."""
    return (networks_to_arrow(chunk) for chunk in chunks(networks, PART_ROWS))
