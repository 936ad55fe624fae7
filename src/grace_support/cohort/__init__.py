"""Cohorts at scale: a Parquet dataset of many networks, and measures computed column-wise.

Needs the ``cohort`` extra (pyarrow, polars and numpy):
``pip install 'grace-support[cohort]'``; measuring on a Dask cluster also needs the
``dask`` extra.

- [`write_dataset`][grace_support.cohort.write_dataset] stores networks (or tables,
  or an import result) as a dataset: a folder of Parquet files of the long tables
  of [`to_tables`][grace_support.tables.to_tables], in parts that each hold whole egos;
- [`synthesize`][grace_support.cohort.synthesize] writes a synthetic cohort straight
  to a dataset, a million networks in seconds;
- [`validate`][grace_support.cohort.validate] checks a dataset with the rules of the
  network document, column by column;
- [`read_networks`][grace_support.cohort.read_networks] yields its networks one by one;
- [`measure`][grace_support.cohort.measure] gives one row per ego with every measure
  of [`measures_table`][grace_support.tables.measures_table] and the number of
  findings of each code, the same values as [`assess`][grace_support.assess];
- [`changes`][grace_support.cohort.changes] compares two waves of a cohort: one row
  per ego in both, the same values as
  [`change_table`][grace_support.change.change_table];
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

from grace_support.cohort._kernel import FINDING_COLUMNS, OUTPUT_COLUMNS
from grace_support.cohort._layout import (
    PART_ROWS,
    chunks,
    networks_to_arrow,
    rows,
    write_parts,
)
from grace_support.cohort._synth import synthesize

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
    "synthesize",
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
        ValueError: An attribute has a built-in column's name, or `part_size` < 1.
    """
    from grace_support.cohort._layout import pyarrow  # noqa: PLC0415

    pyarrow()
    if part_size < 1:
        raise ValueError("part_size must be at least 1")
    networks = _networks(source)
    return write_parts(path, (networks_to_arrow(c) for c in chunks(networks, part_size)))


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
    from grace_support.importers._tables import _document, _where  # noqa: PLC0415

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
            document = _document(ego, [alters[i] for i in mine], [ties[i] for i in my_ties])
            try:
                yield network_from_data(document)
            except DocumentError as error:
                raise DocumentError(
                    [_located(_where(p, ego_row, mine, my_ties), index) for p in error.problems],
                    source=str(dataset.path),
                ) from None


def _located(problem: Any, index: int) -> Any:
    from grace_support.errors import Problem  # noqa: PLC0415

    table = problem.location.split(" ")[0]
    return Problem(problem.location, problem.message, source=f"{table}/part-{index:05d}.parquet")


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
    source: Any, as_of: date | None, settings: Settings, client: Client | None
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
                    yield _run.measure_arrow(tables, as_of, settings, index)

            return dataset.parts, local()
        futures = [
            client.submit(
                _run.measure_file_part, str(dataset.path.resolve()), i, as_of, settings, pure=False
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
        return 0, (_run.measure_arrow(t, as_of, settings, offset=at) for t, at in parts)

    def remote() -> Iterator[pl.DataFrame]:
        futures = [
            client.submit(_run.measure_arrow, t, as_of, settings, offset=at, pure=False)
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
) -> tuple[int, Iterator[pl.DataFrame]]:
    """`measure`, one batch (part) at a time: the number of batches (0 if unknown) and them.

    The command line uses this to show progress; `measure` is the public way in.
    """
    from grace_support.cohort._layout import polars  # noqa: PLC0415

    polars()
    return _batches(source, _as_of(as_of), _settings(settings), client)


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
    out: None = None,
) -> pl.DataFrame: ...
@overload
def measure(
    source: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    client: Client | None = None,
    out: str | os.PathLike[str],
) -> None: ...
def measure(
    source: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    client: Client | None = None,
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
        out: Write the table here instead of returning it: Parquet, or CSV when the
            name ends in ``.csv``; one part at a time, so memory stays bounded
            however big the dataset. The file appears whole or not at all.

    Returns:
        A polars ``DataFrame`` in the order of the egos, or ``None`` with `out`.

    Raises:
        MissingExtraError: pyarrow or polars is not installed.
        InputError: The dataset folder or one of its files cannot be read.
        DocumentError: The dataset breaks a rule of the network document.
        ValueError: ``as_of`` is not a day, or a setting is out of range.
        AsOfError: ``as_of`` is earlier than a recorded ``collected_on`` or
            ``last_contact``, as [`assess`][grace_support.assess] refuses it; the
            problems name the table, row and column (and the part's file).
    """
    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._layout import polars  # noqa: PLC0415

    pl = polars()
    _, batches = measured_batches(source, as_of=as_of, settings=settings, client=client)
    if out is None:
        found = list(batches)
        return pl.concat(found) if found else _empty()
    writer = _run.ResultWriter(out)
    try:
        for batch in batches:
            writer.write(batch)
        writer.commit(_empty())
    except BaseException:
        writer.abort()
        raise
    return None


@overload
def changes(
    before: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    after: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    out: None = None,
) -> pl.DataFrame: ...
@overload
def changes(
    before: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    after: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    out: str | os.PathLike[str],
) -> None: ...
def changes(
    before: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    after: str | os.PathLike[str] | Tables | ImportResult | Iterable[SupportNetwork],
    *,
    as_of: Sequence[date | str] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
    out: str | os.PathLike[str] | None = None,
) -> pl.DataFrame | None:
    """How each ego's network changed between two waves: `change_table`, column-wise.

    One row per ego present in both waves, sorted by ``ego_id``; egos of one wave
    only are left out. The columns, in order, are exactly those of
    [`change_table`][grace_support.change.change_table] (``ego_id``; the counts
    ``kept`` ... ``support_types_lost``; ``alter_jaccard`` and ``tie_jaccard``;
    ``coverage_before`` and ``coverage_after``; ``delta_<measure>`` for every
    numeric measure; ``findings_resolved``, ``findings_new`` and
    ``findings_persisting``; ``change_type``, ``turnover``, ``stability`` and the
    boolean ``generator_changed``), and every value equals what it gives (and so what
    [`compare`][grace_support.change.compare] gives for that ego): counts and
    whole-number deltas as integers, shares and other deltas as floats, ``null``
    where ``change_table`` has a missing value.

    People are matched by id (``compare`` without ``match``). Each wave is read
    part by part and measured with the engine of [`measure`][grace_support.cohort.measure];
    the columns a change needs of both waves' alters and ties (ids, qualities,
    support given each way) are held in memory together to be joined.

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
        out: Write the table here instead of returning it: Parquet, or CSV when the
            name ends in ``.csv``. The file appears whole or not at all.

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
        ValueError: ``as_of`` is not a pair of days; a setting is out of range; or
            two networks given to one side are of the same ego (the message names
            the side and both positions, as ``before[3] ... before[1]``, never an id).

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
    """
    from grace_support.change import _days_pair  # noqa: PLC0415
    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._changes import (  # noqa: PLC0415
        change_frame,
        common_egos,
        late_problems,
        read_side,
        source_parts,
    )
    from grace_support.cohort._layout import polars  # noqa: PLC0415
    from grace_support.errors import AsOfError  # noqa: PLC0415

    polars()
    days = (None, None) if as_of is None else _days_pair(as_of)
    chosen = _settings(settings)
    paths, sides = [], []
    for side, source, day in (("before", before, days[0]), ("after", after, days[1])):
        path, parts = source_parts(source)
        paths.append(path)
        sides.append(read_side(parts, side=side, as_of=day, settings=chosen))
    egos = common_egos(*sides)
    for name, path, side_read in zip(("before", "after"), paths, sides, strict=True):
        if problems := late_problems(side_read, egos, name, path):
            raise AsOfError(problems, source=path)
    frame = change_frame(sides[0], sides[1], egos)
    _warn_generators(frame)
    if out is None:
        return frame
    writer = _run.ResultWriter(out)
    try:
        writer.write(frame)
        writer.commit(frame)
    except BaseException:
        writer.abort()
        raise
    return None


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


def _warn_generators(frame: pl.DataFrame) -> None:
    """Warn once when some egos' two waves used different name generators or caps."""
    from grace_support.change import warn_generator_changed  # noqa: PLC0415

    if changed := int(frame["generator_changed"].sum()):
        warn_generator_changed(changed, stacklevel=4)


def arrow_parts(networks: Iterable[SupportNetwork]) -> Iterator[dict[str, pa.Table]]:
    """Networks as Arrow tables, one part (``PART_ROWS`` egos) at a time."""
    return (networks_to_arrow(chunk) for chunk in chunks(networks, PART_ROWS))
