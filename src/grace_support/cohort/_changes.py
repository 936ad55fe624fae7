"""Change between two waves of a cohort, column-wise: `change_table` with joins.

Each side is read once, part by part (validated as it is read): its measures and
finding keys come from the kernel, and the columns of its alters and ties that a
change reads are kept (ids, role, closeness, contact, strain, and the support
given each way as bit masks). Everything else is joins on ``(ego_id, alter_id)``
and on ties as ``(ego_id, min, max)`` pairs, then counts per ego.

[`change_table`][grace_support.change.change_table] (through
[`compare`][grace_support.change.compare]) is the definition; the property tests
hold every value here equal to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from grace_support.cohort._kernel import OUTPUT_COLUMNS, finding_keys, measure_part
from grace_support.cohort._layout import GIVES_COLUMNS, TYPES, polars
from grace_support.vocabulary import Closeness

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

    import pyarrow as pa
    from polars import DataFrame

    from grace_support.assessment import Settings

_TEXT: Final = ("role", "closeness", "contact", "strain")
"""The qualities of a relationship whose change makes an alter change (with the masks)."""
_RANK: Final = {c.value: i for i, c in enumerate(Closeness)}
_KEY: Final = ["ego_id", "alter_id"]
_TIE: Final = ["ego_id", "a", "b"]


@dataclass(frozen=True, slots=True)
class Side:
    """What a change reads of one wave: one frame per table, every part together."""

    measures: DataFrame
    """`cohort.measure`'s columns, one row per ego."""
    keys: DataFrame
    """``ego_id``, ``code``, ``subject``: one row per finding."""
    late: DataFrame
    """Rows with a day later than ``as_of``: ``ego_id``, ``part``, ``table``, ``row``,
    ``network``, ``relationship`` (see `_late`)."""
    alters: DataFrame
    """``ego_id``, ``alter_id``, the qualities, and ``supports`` and ``gives`` as bit masks."""
    ties: DataFrame
    """``ego_id``, ``a``, ``b``: each tie with ``a < b``."""
    generators: DataFrame
    """``ego_id``, ``generator``, ``max_names``: which name generator each ego's
    interview used (null where not recorded)."""


def _alters(table: pa.Table) -> DataFrame:
    pl = polars()
    present = set(table.column_names)
    frame: DataFrame = pl.from_arrow(table.select([c for c in table.column_names if c in _WANTED]))

    def text(name: str) -> Any:
        found = pl.col(name).cast(pl.String) if name in present else pl.lit(None, pl.String)
        return found.alias(name)

    def mask(names: tuple[str, ...]) -> Any:
        bits = [
            pl.col(n).cast(pl.Boolean).fill_null(value=False).cast(pl.Int64) * (1 << i)
            for i, n in enumerate(names)
            if n in present
        ]
        return pl.sum_horizontal(bits) if bits else pl.lit(0, pl.Int64)

    return frame.select(
        text("ego_id"),
        text("alter_id"),
        *(text(name) for name in _TEXT[:3]),
        text("strain").fill_null("none"),  # an unrecorded strain is "none", as in a network
        mask(TYPES).alias("supports"),
        mask(GIVES_COLUMNS).alias("gives"),
    )


_WANTED: Final = frozenset(("ego_id", "alter_id", *_TEXT, *TYPES, *GIVES_COLUMNS))


def _ties(table: pa.Table) -> DataFrame:
    pl = polars()
    frame: DataFrame = pl.from_arrow(table.select(["ego_id", "alter_a", "alter_b"])).select(
        pl.col("ego_id").cast(pl.String),
        pl.col("alter_a").cast(pl.String),
        pl.col("alter_b").cast(pl.String),
    )
    first = pl.col("alter_a") < pl.col("alter_b")
    return frame.select(
        "ego_id",
        pl.when(first).then(pl.col("alter_a")).otherwise(pl.col("alter_b")).alias("a"),
        pl.when(first).then(pl.col("alter_b")).otherwise(pl.col("alter_a")).alias("b"),
    )


_RECORDED_DAYS: Final = (("egos", "collected_on"), ("alters", "last_contact"))


def _late(
    tables: dict[str, pa.Table], as_of: date | None, index: int | None, offset: int
) -> DataFrame:
    """The rows with a recorded day later than `as_of`: where each is, kept for later.

    `compare` given an explicit `as_of` refuses a day before one recorded in the
    network (an `AsOfError`): a ``collected_on`` or a ``last_contact`` later than
    `as_of`. Without `as_of` each network is judged on its own day, as `assess`
    judges it, and nothing is refused. The rows (``ego_id``, ``part``, ``table``,
    ``row``, and the position of the network in its wave, ``network``, and of the
    relationship in its network, ``relationship``) are kept until the egos of both
    waves are known, as only egos in both are compared. `offset` is the number of
    networks in the wave's earlier parts.
    """
    pl = polars()
    schema = {
        "ego_id": pl.String,
        "part": pl.Int64,
        "table": pl.String,
        "row": pl.Int64,
        "network": pl.Int64,
        "relationship": pl.Int64,
    }
    empty: DataFrame = pl.DataFrame(schema=schema)
    if as_of is None:  # each network judged on its own day, as assess() does: nothing to refuse
        return empty
    frames = [empty]
    networks = (
        pl.from_arrow(tables["egos"].select(["ego_id"]))
        .select(pl.col("ego_id").cast(pl.String))
        .with_row_index("network")
        .select("ego_id", (pl.col("network").cast(pl.Int64) + offset).alias("network"))
        .unique("ego_id", keep="first", maintain_order=True)
    )
    for table, column in _RECORDED_DAYS:
        if column not in tables[table].column_names:
            continue
        rows = _days_frame(tables[table], column).with_row_index("row")
        if table == "alters":  # a network's relationships are its consecutive alter rows
            place = pl.int_range(pl.len()).over("ego_id").cast(pl.Int64)
        else:
            place = pl.lit(None, pl.Int64)
        rows = rows.with_columns(place.alias("relationship"))
        found = rows.filter(pl.col(column) > pl.lit(as_of, pl.Date)).join(
            networks, on="ego_id", how="left"
        )
        frames.append(
            found.select(
                "ego_id",
                pl.lit(index, pl.Int64).alias("part"),
                pl.lit(table, pl.String).alias("table"),
                pl.col("row").cast(pl.Int64),
                "network",
                "relationship",
            )
        )
    frame: DataFrame = pl.concat(frames)
    return frame


def _days_frame(table: pa.Table, column: str) -> DataFrame:
    """``ego_id`` and a date column of a table, as text and dates."""
    pl = polars()
    present = column in table.column_names
    frame: DataFrame = pl.from_arrow(table.select(["ego_id", column] if present else ["ego_id"]))
    return frame.select(
        pl.col("ego_id").cast(pl.String),
        (pl.col(column).cast(pl.Date) if present else pl.lit(None, pl.Date)).alias(column),
    )


def late_problems(side: Side, egos: DataFrame, name: str, path: str | None) -> list[Any]:
    """The `AsOfError` problems of one wave's compared egos (`egos`), at most 100 per file."""
    from grace_support.cohort._validate import MAX_ROWS_PER_CHECK  # noqa: PLC0415
    from grace_support.errors import Problem  # noqa: PLC0415

    pl = polars()
    rows = (
        side.late.with_row_index("order")
        .join(egos, on="ego_id", how="semi")
        .sort("order")
        .filter(pl.int_range(pl.len()).over("part", "table") < MAX_ROWS_PER_CHECK)
    )
    columns = dict(_RECORDED_DAYS)
    problems = []
    for part, table, row, network, relationship in rows.select(
        "part", "table", "row", "network", "relationship"
    ).iter_rows():
        if path is None:  # networks (or tables) given in Python: name the network's place
            inner = "" if table == "egos" else f".relationships[{relationship}]"
            where = f"{name}[{network}]{inner}.{columns[table]}"
            problems.append(Problem(where, "is later than as_of"))
        else:
            where = f"{table} row {row}, column {columns[table]}"
            source = f"{path}/{table}/part-{part:05d}.parquet"
            problems.append(Problem(where, "is later than as_of", source=source))
    return problems


def read_side(
    parts: Iterator[tuple[int | None, dict[str, pa.Table]]],
    *,
    side: str,
    as_of: date | None,
    settings: Settings,
) -> Side:
    """Measure and collect one wave's parts (each with its number in a dataset, or ``None``).

    Raises:
        ValueError: Two networks of the wave are of the same ego (the message names
            both positions, as ``before[3]``, never the id).
    """
    from grace_support.cohort._run import empty_tables  # noqa: PLC0415

    pl = polars()
    measures, keys, late, alters, ties, generators = [], [], [], [], [], []
    offset = 0
    for index, tables in parts:
        late.append(_late(tables, as_of, index, offset))
        offset += tables["egos"].num_rows
        egos, alter_table, tie_table = tables["egos"], tables["alters"], tables["ties"]
        measures.append(measure_part(egos, alter_table, tie_table, as_of=as_of, settings=settings))
        keys.append(finding_keys(egos, alter_table, tie_table, as_of=as_of, settings=settings))
        alters.append(_alters(alter_table))
        ties.append(_ties(tie_table))
        generators.append(_generators(egos))
    if not measures:
        parts = iter([(None, empty_tables())])
        return read_side(parts, side=side, as_of=as_of, settings=settings)
    result = Side(
        pl.concat(measures),
        pl.concat(keys),
        pl.concat(late),
        pl.concat(alters),
        pl.concat(ties),
        pl.concat(generators),
    )
    repeated = result.measures.select(pl.col("ego_id").is_first_distinct().not_().arg_true())
    if repeated.height:
        again = int(repeated.item(0, 0))
        first = result.measures.select(
            (pl.col("ego_id") == pl.col("ego_id").get(again)).arg_true().first()
        ).item()
        raise ValueError(f"{side}[{again}] is of the same ego as {side}[{first}]")
    return result


@cache
def table_columns() -> tuple[str, ...]:
    """The columns of `change_table`, in its order."""
    from grace_support.change import _table_columns  # noqa: PLC0415

    return tuple(_table_columns())


@cache
def delta_columns() -> tuple[tuple[str, str], ...]:
    """Each ``delta_<measure>`` column of `change_table` and the `measure` column it reads."""
    found = []
    for column in table_columns():
        if not column.startswith("delta_"):
            continue
        name = column.removeprefix("delta_")
        parent, _, key = name.partition(".")
        source = f"{parent.removesuffix('s')}_{key}" if key else name
        if source not in OUTPUT_COLUMNS:  # a new nested measure needs a name here
            raise RuntimeError(f"the cohort engine has no column for the measure {name}")
        found.append((column, source))
    return tuple(found)


def _per_ego(frame: DataFrame, name: str) -> DataFrame:
    pl = polars()
    return frame.group_by("ego_id").agg(pl.len().cast(pl.Int64).alias(name))


def common_egos(before: Side, after: Side) -> DataFrame:
    """The ``ego_id`` of every ego in both waves, sorted."""
    return (
        before.measures.select("ego_id")
        .join(after.measures.select("ego_id"), on="ego_id", how="inner")
        .sort("ego_id")
    )


def change_frame(before: Side, after: Side, egos: DataFrame) -> DataFrame:
    """The `change_table` columns for every ego of both waves (`egos`), sorted by ``ego_id``."""
    pl = polars()

    def common(frame: DataFrame) -> DataFrame:
        return frame.join(egos, on="ego_id", how="semi")

    old_alters, new_alters = common(before.alters), common(after.alters)
    old_ties, new_ties = common(before.ties), common(after.ties)
    kept = old_alters.join(new_alters, on=_KEY, how="inner", suffix="_after")
    changed = pl.any_horizontal(
        *(pl.col(n).ne_missing(pl.col(f"{n}_after")) for n in (*_TEXT, "supports", "gives"))
    )

    def rank(name: str) -> Any:
        return pl.col(name).replace_strict(_RANK, default=None, return_dtype=pl.Int64)

    moves = kept.select("ego_id", (rank("closeness_after") - rank("closeness")).alias("move"))

    def ends_in(ties: DataFrame, alters: DataFrame) -> DataFrame:
        """The ties both of whose people are among `alters` (of the same ego)."""
        ids = alters.select("ego_id", "alter_id")
        return ties.join(ids, left_on=["ego_id", "a"], right_on=_KEY, how="semi").join(
            ids, left_on=["ego_id", "b"], right_on=_KEY, how="semi"
        )

    old_keys, new_keys = common(before.keys), common(after.keys)
    key = ["ego_id", "code", "subject"]
    counts = [
        _per_ego(kept, "kept"),
        _per_ego(old_alters, "size_before"),
        _per_ego(new_alters, "size_after"),
        _per_ego(kept.filter(changed), "alter_changes"),
        _per_ego(moves.filter(pl.col("move") < 0), "closer"),
        _per_ego(moves.filter(pl.col("move") > 0), "further"),
        _per_ego(old_ties, "ties_before"),
        _per_ego(new_ties, "ties_after"),
        _per_ego(old_ties.join(new_ties, on=_TIE, how="semi"), "ties_common"),
        _per_ego(ends_in(old_ties, new_alters), "ties_kept_before"),
        _per_ego(ends_in(new_ties, old_alters), "ties_kept_after"),
        _per_ego(old_keys.join(new_keys, on=key, how="anti"), "findings_resolved"),
        _per_ego(new_keys.join(old_keys, on=key, how="anti"), "findings_new"),
        _per_ego(new_keys.join(old_keys, on=key, how="semi"), "findings_persisting"),
    ]
    frame = egos
    for count in counts:
        frame = frame.join(count, on="ego_id", how="left")
    frame = frame.with_columns(pl.exclude("ego_id").fill_null(0))

    covered = [f"support_count_{t}" for t in TYPES]
    delta_sources = dict.fromkeys(source for _, source in delta_columns())
    wanted = list(dict.fromkeys(["ego_id", *covered, "support_types_covered", *delta_sources]))
    sides = common(before.measures.select(wanted)).join(
        common(after.measures.select(wanted)), on="ego_id", how="inner", suffix="_after"
    )
    frame = frame.join(sides, on="ego_id", how="left")

    def share(part: str, whole: str) -> Any:
        return pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole)).otherwise(None)

    def types(old: bool, new: bool) -> Any:
        return pl.sum_horizontal(
            [((pl.col(c) > 0) == old) & ((pl.col(f"{c}_after") > 0) == new) for c in covered]
        ).cast(pl.Int64)

    alter_union = pl.col("size_before") + pl.col("size_after") - pl.col("kept")
    tie_union = pl.col("ties_before") + pl.col("ties_after") - pl.col("ties_common")
    columns: dict[str, Any] = {
        "ego_id": pl.col("ego_id"),
        "kept": pl.col("kept"),
        "gained": pl.col("size_after") - pl.col("kept"),
        "lost": pl.col("size_before") - pl.col("kept"),
        "alter_changes": pl.col("alter_changes"),
        "closer": pl.col("closer"),
        "further": pl.col("further"),
        "ties_gained": pl.col("ties_kept_after") - pl.col("ties_common"),
        "ties_lost": pl.col("ties_kept_before") - pl.col("ties_common"),
        "support_types_gained": types(old=False, new=True),
        "support_types_lost": types(old=True, new=False),
        "alter_jaccard": share("kept", "alter_union").cast(pl.Float64),
        "tie_jaccard": share("ties_common", "tie_union").cast(pl.Float64),
        "coverage_before": pl.col("support_types_covered"),
        "coverage_after": pl.col("support_types_covered_after"),
        **{
            column: pl.col(f"{source}_after") - pl.col(source) for column, source in delta_columns()
        },
        "findings_resolved": pl.col("findings_resolved"),
        "findings_new": pl.col("findings_new"),
        "findings_persisting": pl.col("findings_persisting"),
        **change_kind_columns(),
    }
    frame = frame.join(generator_changes(before, after, egos), on="ego_id", how="left")
    if tuple(columns) != table_columns():  # pragma: no cover - a column added to change_table only
        raise RuntimeError("cohort.changes has not caught up with the columns of change_table")
    return frame.with_columns(alter_union=alter_union, tie_union=tie_union).select(
        **{name: expr.alias(name) for name, expr in columns.items()}
    )


def change_kind_columns() -> dict[str, Any]:
    """The kind of change, as `change.change_kind` gives it, from `change_frame`'s counts.

    ``change_type``, ``turnover``, ``stability`` and ``generator_changed``.
    """
    pl = polars()
    gained = pl.col("size_after") - pl.col("kept")
    lost = pl.col("size_before") - pl.col("kept")
    union = pl.col("size_before") + pl.col("size_after") - pl.col("kept")
    jaccard = pl.col("kept") / union
    return {
        "change_type": pl.when((gained > 0) & (lost > 0))
        .then(pl.lit("substitution"))
        .when(gained > 0)
        .then(pl.lit("expansion"))
        .when(lost > 0)
        .then(pl.lit("shedding"))
        .otherwise(pl.lit("stasis")),
        "turnover": pl.when(union > 0).then(1 - jaccard).otherwise(None).cast(pl.Float64),
        "stability": pl.when(pl.col("size_before") > 0)
        .then(pl.col("kept") / pl.col("size_before"))
        .otherwise(None)
        .cast(pl.Float64),
        "generator_changed": pl.col("generator_changed").fill_null(value=False),
    }


GENERATOR_COLUMNS: Final = ("generator", "max_names")
"""The egos columns that say which name generator a wave used."""


def _generators(table: pa.Table) -> DataFrame:
    """``ego_id``, ``generator`` and ``max_names`` of one egos table (null when absent)."""
    pl = polars()
    present = set(table.column_names)
    frame: DataFrame = pl.from_arrow(
        table.select(["ego_id", *(c for c in GENERATOR_COLUMNS if c in present)])
    )
    return frame.select(
        pl.col("ego_id").cast(pl.String),
        (
            pl.col("generator").cast(pl.String)
            if "generator" in present
            else pl.lit(None, pl.String)
        ).alias("generator"),
        (
            pl.col("max_names").cast(pl.Int64) if "max_names" in present else pl.lit(None, pl.Int64)
        ).alias("max_names"),
    )


def generator_changed_at(
    before_egos: pa.Table, after_egos: pa.Table, before_rows: Any, after_rows: Any
) -> Any:
    """Per pair of ego rows (``before_rows[i]``, ``after_rows[i]``): whether they differ.

    The egos tables' ``generator`` and ``max_names`` are compared where both are
    recorded, as `change.generators_differ` compares two networks. For code that
    pairs the egos of two parts by row.
    """
    from grace_support.cohort._columns import np  # noqa: PLC0415

    numpy = np()
    old = _generators(before_egos)[numpy.asarray(before_rows, dtype=numpy.int64)]
    new = _generators(after_egos)[numpy.asarray(after_rows, dtype=numpy.int64)]
    changed = numpy.zeros(len(old), dtype=bool)
    for name in GENERATOR_COLUMNS:
        a, b = old[name], new[name]
        both = (a.is_not_null() & b.is_not_null()).to_numpy()
        differs = (a != b).fill_null(value=False).to_numpy()
        changed |= both & differs
    return changed


def generator_changes(before: Side, after: Side, egos: DataFrame) -> DataFrame:
    """``ego_id`` and ``generator_changed`` for every ego of both waves (`egos`).

    Only values recorded on both sides are compared, as `change.generators_differ`.
    """
    pl = polars()
    both = before.generators.join(egos, on="ego_id", how="semi").join(
        after.generators, on="ego_id", how="inner", suffix="_after"
    )

    def differs(name: str) -> Any:
        a, b = pl.col(name), pl.col(f"{name}_after")
        return (a.is_not_null() & b.is_not_null() & (a != b)).fill_null(value=False)

    return both.select(
        "ego_id", (differs("generator") | differs("max_names")).alias("generator_changed")
    )


def _file_parts(path: str | os.PathLike[str]) -> Iterator[tuple[int | None, dict[str, pa.Table]]]:
    from grace_support.cohort import _run  # noqa: PLC0415

    dataset = _run.open_dataset(path)
    seen = _run.SeenEgos()
    for index in range(dataset.parts):
        yield index, _run.checked_part(dataset, index, seen)


def source_parts(
    source: Any,
) -> tuple[str | None, Iterator[tuple[int | None, dict[str, pa.Table]]]]:
    """The dataset folder (``None`` for other sources) and the source's Arrow parts.

    A dataset's parts are validated as they are read and come with their number;
    tables, an import result or networks come as parts of ``PART_ROWS`` networks.
    """
    from grace_support.cohort import _networks, arrow_parts  # noqa: PLC0415

    if isinstance(source, (str, os.PathLike)):
        return str(source), _file_parts(source)
    return None, ((None, tables) for tables in arrow_parts(_networks(source)))
