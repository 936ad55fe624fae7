"""Change between two waves of a cohort, column-wise: `change_table`, part by part.

The two waves are compared one pair of parts at a time, so memory is bounded by
the part size, not by the cohort:

- when every ego of both waves is in the same part number in both (as
  [`synthesize_follow_up`][grace_support.cohort.synthesize_follow_up] writes them,
  and as any two waves written from the same list of egos are), part *k* of the
  first wave is compared with part *k* of the second directly;
- otherwise both waves are first split by ego id into ranges ("repartitioned")
  into a temporary folder, so that each range holds whole egos of both waves,
  and the ranges are compared one by one.

Within a pair of parts, everything is numpy over whole columns: each ego in both
waves gets a number, each person a number (``ego * width + id``), so that kept
people are a sorted search of one array of numbers in another, ties the same with
pairs, and every count per ego is one ``numpy.bincount``. Findings are matched by
their keys (code and what they are about), as
[`compare`][grace_support.change.compare] matches them.

[`change_table`][grace_support.change.change_table] (through `compare`) is the
definition; the property tests hold every value here equal to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from grace_support._extras import require
from grace_support.assessment.models import FindingCode
from grace_support.cohort._columns import codes, flags, member, np
from grace_support.cohort._kernel import (
    OUTPUT_COLUMNS,
    Part,
    finding_keys,
    measure_part,
    part_from_arrow,
)
from grace_support.cohort._layout import GIVES_COLUMNS, TYPES, polars, pyarrow
from grace_support.vocabulary import Closeness, Contact, Role, Strain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

    import pyarrow as pa
    from polars import DataFrame

    from grace_support.assessment import Settings
    from grace_support.errors import Problem

_RANK: Final = {c.value: i for i, c in enumerate(Closeness)}
_ROLE: Final = {r.value: i for i, r in enumerate(Role)}
_CONTACT: Final = {c.value: i for i, c in enumerate(Contact)}
_STRAIN: Final = {s.value: i for i, s in enumerate(Strain)}
_NO_STRAIN: Final = _STRAIN[Strain.NONE.value]

CIRCLE_STATES: Final = ("inner", "middle", "outer", "unrecorded", "none")
"""The states of a person in one wave, for the circle transitions: their circle, a
circle not recorded, or ``none`` (not named in that wave)."""
_UNRECORDED: Final = 3
_ABSENT: Final = 4

CIRCLE_COLUMNS: Final = tuple(
    f"circle_{a}_to_{b}"
    for a in CIRCLE_STATES
    for b in CIRCLE_STATES
    if not (a == "none" and b == "none")
)
"""``circle_<before>_to_<after>``: how many people of an ego were in one state before
and another after (``circle_inner_to_none``: named in the inner circle, then no longer
named; ``circle_none_to_outer``: newly named, in the outer circle)."""

WAVE_FINDING_COLUMNS: Final = tuple(
    f"{wave}_finding_count_{c.value.replace('-', '_')}"
    for wave in ("before", "after")
    for c in FindingCode
)
"""``before_finding_count_<code>`` and ``after_finding_count_<code>``: each wave's
number of findings of each code (as `cohort.measure` counts them)."""

EXTRA_COLUMNS: Final = (*WAVE_FINDING_COLUMNS, *CIRCLE_COLUMNS)
"""The columns `cohort.changes` gives after those of `change_table`."""

PARALLEL_MIN_EGOS: Final = 20_000
"""Below this many egos (both waves together), parts are compared in this process."""


def _pc() -> Any:
    return require("pyarrow.compute", extra="cohort", feature="grace_support.cohort")


# -- the columns of change_table --------------------------------------------------------------


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


@cache
def measure_sources() -> tuple[str, ...]:
    """The `measure` columns a change reads of each wave (``<name>_after`` for the second)."""
    covered = [f"support_count_{t}" for t in TYPES]
    finding_counts = [c for c in OUTPUT_COLUMNS if c.startswith("finding_count_")]
    sources = [*covered, "support_types_covered", *(s for _, s in delta_columns())]
    return tuple(dict.fromkeys([*sources, *finding_counts]))


def change_frame(frame: DataFrame) -> DataFrame:
    """The columns of `cohort.changes` from the counts and both waves' measures of each ego.

    `frame` has ``ego_id``; the counts ``kept``, ``size_before``, ``size_after``,
    ``alter_changes``, ``closer``, ``further``, ``ties_before``, ``ties_after``,
    ``ties_common``, ``ties_kept_before``, ``ties_kept_after``,
    ``findings_resolved``, ``findings_new``, ``findings_persisting`` and the circle
    transitions; and each column of `measure_sources` for the first wave (its name)
    and the second (``<name>_after``).
    """
    pl = polars()
    covered = [f"support_count_{t}" for t in TYPES]

    def share(part: str, whole: str) -> Any:
        return pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole)).otherwise(None)

    def types(old: bool, new: bool) -> Any:
        # A kind not counted in either wave (null: not asked, nothing recorded) is
        # neither gained nor lost, as in `change.compare`.
        return pl.sum_horizontal(
            [
                (((pl.col(c) > 0) == old) & ((pl.col(f"{c}_after") > 0) == new)).fill_null(False)
                for c in covered
            ]
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
    if tuple(columns) != table_columns():  # pragma: no cover - a column added to change_table only
        raise RuntimeError("cohort.changes has not caught up with the columns of change_table")
    extra: dict[str, Any] = {
        **{f"before_{c}": pl.col(c) for c in OUTPUT_COLUMNS if c.startswith("finding_count_")},
        **{
            f"after_{c}": pl.col(f"{c}_after")
            for c in OUTPUT_COLUMNS
            if c.startswith("finding_count_")
        },
        **{c: pl.col(c) for c in CIRCLE_COLUMNS},
    }
    if tuple(extra) != EXTRA_COLUMNS:  # pragma: no cover - kept in step with EXTRA_COLUMNS
        raise RuntimeError("cohort.changes: the extra columns are out of step")
    return frame.with_columns(alter_union=alter_union, tie_union=tie_union).select(
        **{name: expr.alias(name) for name, expr in (columns | extra).items()}
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


# -- one pair of parts -------------------------------------------------------------------------


def _text(table: pa.Table, name: str) -> Any:
    pa = pyarrow()
    if name in table.column_names:
        return codes(table.column(name))
    return codes(pa.nulls(table.num_rows, pa.string()))


def _strings(column: Any) -> pa.Array:
    """A text column as one plain ``string`` array."""
    pa = pyarrow()
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if pa.types.is_dictionary(column.type):
        column = column.cast(pa.string())
    return column.cast(pa.string())


@dataclass(frozen=True, slots=True)
class _Wave:
    """One wave's part, numbered for the comparison."""

    owner: Any
    """Each alter's ego number among the egos of both waves (-1: an ego of one wave only)."""
    person: Any
    """Each alter's number in the part: ``ego * width + id`` (-1 for an ego of one wave)."""
    quality: Any
    """alters x 8: role, closeness, contact, strain, supports mask, gives mask, and
    whether the supports and the gives were recorded."""
    circle: Any
    """Each alter's state: 0 inner, 1 middle, 2 outer, 3 not recorded."""
    tie_owner: Any
    tie_a: Any
    tie_b: Any
    pair: Any
    """Each tie as one number (``None`` when the numbers would not fit in 63 bits)."""


def _mask(table: pa.Table, names: tuple[str, ...]) -> Any:
    numpy = np()
    bits = numpy.zeros(table.num_rows, dtype=numpy.int64)
    for i, name in enumerate(names):
        bits |= flags(table, name).astype(numpy.int64) << i
    return bits


def _known(table: pa.Table, names: tuple[str, ...]) -> Any:
    """Each row: whether any of the columns `names` holds a value (the kinds were recorded)."""
    numpy = np()
    pa = pyarrow()
    known = numpy.zeros(table.num_rows, dtype=bool)
    for name in names:
        if name in table.column_names and not pa.types.is_null(table.column(name).type):
            known |= table.column(name).is_valid().to_numpy(zero_copy_only=False).astype(bool)
    return known


def _wave(
    tables: dict[str, pa.Table],
    part: Part,
    number: Any,
    ids: pa.Array,
    *,
    fits: bool,
    recorded: bool,
) -> _Wave:
    """Number one wave's alters and ties: `number` maps each ego row to its common number.

    With `recorded` (network document 3, dataset layout 2), a missing strain and
    four missing support columns are "not recorded"; otherwise they are none.
    """
    numpy = np()
    alters, ties = tables["alters"], tables["ties"]
    width = len(ids)

    def owners(rows: Any) -> Any:
        return numpy.where(rows >= 0, number[rows], -1) if len(rows) else rows.astype(numpy.int64)

    owner = owners(part.ego)
    person_id = codes(alters.column("alter_id")).positions_in(ids)
    person = numpy.where(owner >= 0, owner * width + person_id, -1)
    closeness = _text(alters, "closeness").mapped(_RANK)
    strain = _text(alters, "strain").mapped(_STRAIN, default=-1 if recorded else _NO_STRAIN)
    everyone = numpy.ones(alters.num_rows, dtype=bool)
    quality = numpy.stack(
        [
            _text(alters, "role").mapped(_ROLE),
            closeness,
            _text(alters, "contact").mapped(_CONTACT),
            strain,
            _mask(alters, TYPES),
            _mask(alters, GIVES_COLUMNS),
            _known(alters, TYPES) if recorded else everyone,
            _known(alters, GIVES_COLUMNS) if recorded else everyone,
        ],
        axis=1,
    ).reshape(alters.num_rows, 8)
    tie_owner = owners(part.tie_ego)
    ends = [codes(ties.column(c)).positions_in(ids) for c in ("alter_a", "alter_b")]
    tie_a = numpy.where(tie_owner >= 0, tie_owner * width + numpy.minimum(*ends), -1)
    tie_b = numpy.where(tie_owner >= 0, tie_owner * width + numpy.maximum(*ends), -1)
    # one number per tie: (ego * width + a) * width + b, when it fits in 63 bits
    pair = tie_a * width + numpy.maximum(*ends) if fits else None
    return _Wave(
        owner=owner,
        person=person,
        quality=quality,
        circle=numpy.where(closeness >= 0, closeness, _UNRECORDED),
        tie_owner=tie_owner,
        tie_a=tie_a,
        tie_b=tie_b,
        pair=pair,
    )


def _find(keys: Any, wanted: Any) -> Any:
    """For each of `wanted`, its position in `keys` (distinct values), or -1."""
    numpy = np()
    if not len(keys):
        return numpy.full(len(wanted), -1, dtype=numpy.int64)
    order = numpy.argsort(keys, kind="stable")
    ordered = keys[order]
    at = numpy.minimum(numpy.searchsorted(ordered, wanted), len(ordered) - 1)
    return numpy.where(ordered[at] == wanted, order[at], -1)


def _count(owners: Any, egos: int, where: Any = None) -> Any:
    numpy = np()
    chosen = owners if where is None else owners[where]
    return numpy.bincount(chosen[chosen >= 0], minlength=egos).astype(numpy.int64)


def compare_parts(  # noqa: PLR0915 - one pass over the columns, step by step
    before: dict[str, pa.Table],
    after: dict[str, pa.Table],
    *,
    as_of: tuple[date | None, date | None],
    settings: Settings,
    match: DataFrame | None = None,
    recorded: tuple[bool, bool] = (True, True),
) -> DataFrame:
    """The rows of `cohort.changes` for the egos in both of two parts, sorted by ``ego_id``.

    Each ego of the two parts must be whole in them (every alter and tie of it).
    `recorded` says, for each wave, whether missing values mean "not recorded"
    (network document 3, dataset layout 2) rather than none (layout 1).

    Raises:
        ValueError: `match` names someone not in that ego's network, or maps two
            people to one (the message names the row of `match`).
    """
    numpy = np()
    pa = pyarrow()
    pc = _pc()
    pl = polars()
    old_ids = _strings(before["egos"].column("ego_id"))
    new_ids = _strings(after["egos"].column("ego_id"))
    where_after = pc.index_in(old_ids, value_set=new_ids)
    old_rows = numpy.flatnonzero(where_after.is_valid().to_numpy(zero_copy_only=False))
    new_rows = where_after.take(pa.array(old_rows, pa.int64())).to_numpy(zero_copy_only=False)
    ego_ids = old_ids.take(pa.array(old_rows, pa.int64()))
    order = pc.sort_indices(ego_ids).to_numpy(zero_copy_only=False)
    old_rows, new_rows = old_rows[order], new_rows[order].astype(numpy.int64)
    ego_ids = ego_ids.take(pa.array(order, pa.int64()))
    egos = len(old_rows)
    old_number = numpy.full(before["egos"].num_rows, -1, dtype=numpy.int64)
    old_number[old_rows] = numpy.arange(egos)
    new_number = numpy.full(after["egos"].num_rows, -1, dtype=numpy.int64)
    new_number[new_rows] = numpy.arange(egos)

    if match is not None:
        before = renamed(before, after, ego_ids, match)
    old_part = part_from_arrow(
        before["egos"], before["alters"], before["ties"], recorded=recorded[0]
    )
    new_part = part_from_arrow(after["egos"], after["alters"], after["ties"], recorded=recorded[1])
    old_measures = measure_part(
        before["egos"], before["alters"], before["ties"], as_of=as_of[0], settings=settings,
        part=old_part,
    )  # fmt: skip
    new_measures = measure_part(
        after["egos"], after["alters"], after["ties"], as_of=as_of[1], settings=settings,
        part=new_part,
    )  # fmt: skip
    ids = pc.unique(
        pa.concat_arrays(
            [
                codes(before["alters"].column("alter_id")).dictionary,
                codes(after["alters"].column("alter_id")).dictionary,
            ]
        )
    )
    fits = max(egos, 1) * max(len(ids), 1) ** 2 < 2**62
    old = _wave(before, old_part, old_number, ids, fits=fits, recorded=recorded[0])
    new = _wave(after, new_part, new_number, ids, fits=fits, recorded=recorded[1])

    # People: kept are the people of an ego named in both waves.
    old_in = old.person >= 0
    new_in = new.person >= 0
    partner = numpy.full(len(old.person), -1, dtype=numpy.int64)
    new_index = numpy.flatnonzero(new_in)
    found = _find(new.person[new_in], old.person[old_in])
    hit = found >= 0
    partner[numpy.flatnonzero(old_in)[hit]] = new_index[found[hit]]
    kept = partner >= 0
    was, now = old.quality[kept], new.quality[partner[kept]]
    owner = old.owner[kept]
    changed = (was[:, :4] != now[:, :4]).any(axis=1)
    for kinds, known in ((4, 6), (5, 7)):  # support either way: only where both recorded it
        both = (was[:, known] == 1) & (now[:, known] == 1)
        changed |= both & (was[:, kinds] != now[:, kinds])
    move = numpy.where((was[:, 1] >= 0) & (now[:, 1] >= 0), now[:, 1] - was[:, 1], 0)
    named_after = numpy.zeros(len(new.person), dtype=bool)
    named_after[partner[kept]] = True
    states = len(CIRCLE_STATES)
    transition = numpy.concatenate(
        [
            owner * states**2 + old.circle[kept] * states + new.circle[partner[kept]],
            (old.owner * states**2 + old.circle * states + _ABSENT)[old_in & ~kept],
            (new.owner * states**2 + _ABSENT * states + new.circle)[new_in & ~named_after],
        ]
    )
    moves = numpy.bincount(transition, minlength=egos * states**2).reshape(egos, states**2)

    # Ties: each a pair of person numbers, made one number by ranking the people.
    old_tie_in, new_tie_in = old.tie_owner >= 0, new.tie_owner >= 0
    if fits:
        old_pairs, new_pairs = old.pair[old_tie_in], new.pair[new_tie_in]
    else:  # rank the people first, so that a pair of ranks fits
        ends = numpy.concatenate(
            [
                old.tie_a[old_tie_in],
                old.tie_b[old_tie_in],
                new.tie_a[new_tie_in],
                new.tie_b[new_tie_in],
            ]
        )
        people, rank = numpy.unique(ends, return_inverse=True)
        count_old, count_new = int(old_tie_in.sum()), int(new_tie_in.sum())
        span = max(len(people), 1)
        old_pairs = rank[:count_old] * span + rank[count_old : 2 * count_old]
        new_pairs = (
            rank[2 * count_old : 2 * count_old + count_new] * span
            + rank[2 * count_old + count_new :]
        )
    old_tie_owner, new_tie_owner = old.tie_owner[old_tie_in], new.tie_owner[new_tie_in]
    common = member(old_pairs, numpy.sort(new_pairs))
    old_people, new_people = old.person[old_in], new.person[new_in]

    def among(ends_a: Any, ends_b: Any, people_of: Any) -> Any:
        known = numpy.sort(people_of)
        return member(ends_a, known) & member(ends_b, known)

    old_kept_ties = among(old.tie_a[old_tie_in], old.tie_b[old_tie_in], new_people)
    new_kept_ties = among(new.tie_a[new_tie_in], new.tie_b[new_tie_in], old_people)

    # Findings: matched by ego, code and what they are about.
    def keys(tables: dict[str, Any], number: Any, day: date | None, part: Any) -> DataFrame:
        found = finding_keys(
            tables["egos"], tables["alters"], tables["ties"], as_of=day, settings=settings,
            by_row=True, part=part,
        )  # fmt: skip
        rows = found["row"].to_numpy()
        return found.with_columns(
            row=pl.Series(number[rows] if len(rows) else rows, dtype=pl.Int64)
        ).filter(pl.col("row") >= 0)

    old_keys = keys(before, old_number, as_of[0], old_part)
    new_keys = keys(after, new_number, as_of[1], new_part)
    key = ["row", "code", "subject"]

    def per_ego(frame: DataFrame) -> Any:
        return _count(frame["row"].to_numpy(), egos)

    counts = {
        "ego_id": pl.from_arrow(ego_ids).cast(pl.String),
        "kept": _count(owner, egos),
        "size_before": _count(old.owner, egos),
        "size_after": _count(new.owner, egos),
        "alter_changes": _count(owner, egos, changed),
        "closer": _count(owner, egos, move < 0),
        "further": _count(owner, egos, move > 0),
        "ties_before": _count(old_tie_owner, egos),
        "ties_after": _count(new_tie_owner, egos),
        "ties_common": _count(old_tie_owner, egos, common),
        "ties_kept_before": _count(old_tie_owner, egos, old_kept_ties),
        "ties_kept_after": _count(new_tie_owner, egos, new_kept_ties),
        "findings_resolved": per_ego(old_keys.join(new_keys, on=key, how="anti")),
        "findings_new": per_ego(new_keys.join(old_keys, on=key, how="anti")),
        "findings_persisting": per_ego(new_keys.join(old_keys, on=key, how="semi")),
        **{
            f"circle_{a}_to_{b}": moves[:, i * states + j].astype(numpy.int64)
            for i, a in enumerate(CIRCLE_STATES)
            for j, b in enumerate(CIRCLE_STATES)
            if not (a == "none" and b == "none")
        },
    }
    counts["generator_changed"] = generator_changed_at(
        before["egos"], after["egos"], old_rows, new_rows
    )
    frame = pl.DataFrame(counts)
    sources = list(measure_sources())
    was_measured = old_measures.select(pl.col(sources).gather(old_rows))
    now_measured = new_measures.select(pl.col(sources).gather(new_rows))
    now_measured = now_measured.rename({s: f"{s}_after" for s in sources})
    # ``size_after`` is counted above already (the same number as the measure).
    now_measured = now_measured.drop([c for c in now_measured.columns if c in counts])
    frame = pl.concat([frame, was_measured, now_measured], how="horizontal")
    return change_frame(frame)


# -- match: people given a new id ------------------------------------------------------------


def match_frame(match: Any) -> DataFrame:
    """`match` as a polars frame of ``row``, ``ego_id``, ``before_id``, ``after_id`` (text).

    Raises:
        TypeError: `match` is not a table.
        ValueError: A column is missing, or a row is incomplete or repeats a person.
    """
    pl = polars()
    if isinstance(match, pl.DataFrame):
        frame = match
    elif type(match).__module__.startswith("pandas"):
        frame = pl.from_pandas(match)
    elif type(match).__module__.startswith("pyarrow"):
        frame = pl.from_arrow(match)
    else:
        raise TypeError(
            "match must be a table (polars, pandas or Arrow) of ego_id, before_id, after_id"
        )
    wanted = ("ego_id", "before_id", "after_id")
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise ValueError(f"match has no column {missing[0]}")
    try:
        frame = frame.select(pl.col(c).cast(pl.String) for c in wanted).with_row_index("row")
    except pl.exceptions.PolarsError:
        raise ValueError("match: ego_id, before_id and after_id must be text") from None
    empty = frame.filter(pl.any_horizontal(pl.col(c).is_null() for c in wanted))
    if empty.height:
        raise ValueError(f"match row {empty['row'][0]}: a value is missing")
    for columns, what in (
        (["ego_id", "before_id"], "before"),
        (["ego_id", "after_id"], "after"),
    ):
        again = frame.filter(pl.struct(columns).is_first_distinct().not_())
        if again.height:
            row = again.item(0, "row")
            first = frame.filter(
                (pl.col("ego_id") == again["ego_id"][0])
                & (pl.col(f"{what}_id") == again[f"{what}_id"][0])
            ).item(0, "row")
            raise ValueError(f"match rows {first} and {row} name the same {what} person of one ego")
    result: DataFrame = frame.with_columns(pl.col("row").cast(pl.Int64))
    return result


def renamed(
    before: dict[str, pa.Table], after: dict[str, pa.Table], egos: pa.Array, match: DataFrame
) -> dict[str, pa.Table]:
    """The first wave's part with people renamed by `match` (for the egos `egos` of both waves).

    Raises:
        ValueError: A row of `match` names someone not in that ego's network, or
            two people of one ego's first network would be one person.
    """
    pl = polars()
    pa = pyarrow()
    mine = match.join(pl.DataFrame({"ego_id": pl.from_arrow(egos)}), on="ego_id", how="semi")
    if not mine.height:
        return before

    def people(tables: dict[str, Any]) -> DataFrame:
        frame: DataFrame = pl.from_arrow(tables["alters"].select(["ego_id", "alter_id"]))
        return frame.select(pl.col("ego_id").cast(pl.String), pl.col("alter_id").cast(pl.String))

    old, new = people(before), people(after)
    for column, wave, name in (("before_id", old, "before"), ("after_id", new, "after")):
        nobody = mine.join(
            wave, left_on=["ego_id", column], right_on=["ego_id", "alter_id"], how="anti"
        )
        if nobody.height:
            row = nobody.select(pl.col("row").min()).item()
            raise ValueError(
                f"match row {row}: its {column} names no one in that ego's {name} network"
            )
    lookup = mine.select("ego_id", "before_id", "after_id", "row")
    targets = (
        old.with_row_index("at")
        .join(lookup, left_on=["ego_id", "alter_id"], right_on=["ego_id", "before_id"], how="left")
        .sort("at")
    )
    target = targets.select(pl.coalesce("after_id", "alter_id").alias("target"), "ego_id", "row")
    taken = target.join(
        new, left_on=["ego_id", "target"], right_on=["ego_id", "alter_id"], how="semi"
    )
    twice = taken.filter(pl.struct("ego_id", "target").is_duplicated())
    if twice.height:
        rows = twice["row"].drop_nulls()
        place = f"match row {min(rows.to_list())}" if len(rows) else "match"
        raise ValueError(
            f"{place}: two people of one ego's before network map to the same after person"
        )
    alters = before["alters"]
    position = alters.schema.get_field_index("alter_id")
    new_alters = alters.set_column(
        position,
        alters.schema.field(position).with_type(pa.string()),
        target["target"].to_arrow().cast(pa.string()),
    )

    ties = before["ties"]
    for column in ("alter_a", "alter_b"):
        ends: DataFrame = pl.from_arrow(ties.select(["ego_id", column])).select(
            pl.col("ego_id").cast(pl.String), pl.col(column).cast(pl.String)
        )
        named = (
            ends.with_row_index("at")
            .join(lookup, left_on=["ego_id", column], right_on=["ego_id", "before_id"], how="left")
            .sort("at")
        )
        value = named.select(pl.coalesce("after_id", column))
        at = ties.schema.get_field_index(column)
        ties = ties.set_column(
            at,
            ties.schema.field(at).with_type(pa.string()),
            value.to_series().to_arrow().cast(pa.string()),
        )
    return {"egos": before["egos"], "alters": new_alters, "ties": ties}


# -- where a day later than as_of is recorded ---------------------------------------------------

_RECORDED_DAYS: Final = (("egos", "collected_on"), ("alters", "last_contact"))


def late_rows(
    tables: dict[str, pa.Table], as_of: date | None, index: int | None, offset: int
) -> DataFrame:
    """The rows with a recorded day later than `as_of`: where each is.

    `compare` given an explicit `as_of` refuses a day before one recorded in the
    network (an `AsOfError`): a ``collected_on`` or a ``last_contact`` later than
    `as_of`. Without `as_of` each network is judged on its own day, as `assess`
    judges it, and nothing is refused. The rows (``ego_id``, ``part``, ``table``,
    ``row``, and the position of the network in its wave, ``network``, and of the
    relationship in its network, ``relationship``) are kept until it is known which
    egos are in both waves, as only they are compared. `offset` is the number of
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


def late_problems(late: DataFrame, egos: DataFrame, name: str, path: str | None) -> list[Problem]:
    """The `AsOfError` problems of one wave's compared egos (`egos`), at most 100 per file."""
    from grace_support.cohort._validate import MAX_ROWS_PER_CHECK  # noqa: PLC0415
    from grace_support.errors import Problem  # noqa: PLC0415

    pl = polars()
    rows = (
        late.with_row_index("order")
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


# -- a job: one pair of parts, here or on another process or machine --------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """One wave's share of a job: a dataset's part, or tables given directly.

    A dataset's part is read and checked where the job runs.
    """

    name: str
    """``before`` or ``after``."""
    path: str | None = None
    """The dataset folder, when the part is read from it."""
    index: int | None = None
    """The part's number in its dataset (or among the wave's parts of networks)."""
    tables: dict[str, Any] | None = None
    """The part's tables, when given directly."""
    offset: int = 0
    """The number of networks in the wave's earlier parts (to name a network's place)."""
    late: bool = True
    """Whether the job finds the rows with a day later than ``as_of``."""
    recorded: bool = True
    """Whether missing values mean "not recorded" (layout 2 and networks) or none (layout 1)."""


@dataclass(frozen=True, slots=True)
class Job:
    """Compare one part of each wave."""

    before: Piece
    after: Piece
    as_of: tuple[date | None, date | None]
    settings: Settings
    match: DataFrame | None = None


@dataclass(slots=True)
class Result:
    """What a job gives back: its rows, and the late days of each wave's compared egos."""

    frame: DataFrame
    problems: tuple[list[Problem], list[Problem]] = field(default_factory=lambda: ([], []))


def _tables(piece: Piece) -> dict[str, pa.Table]:
    from pathlib import Path  # noqa: PLC0415

    from grace_support.cohort import _run  # noqa: PLC0415

    if piece.tables is not None:
        return piece.tables
    if piece.path is None or piece.index is None:
        return _run.empty_tables()
    dataset = _run.Dataset(Path(piece.path), piece.index + 1)
    return _run.checked_part(dataset, piece.index)


CHUNK_EGOS: Final = 25_000
"""A pair of parts is compared this many egos at a time (less memory, the same rows)."""


def _chunks(
    before: dict[str, pa.Table], after: dict[str, pa.Table]
) -> Iterator[tuple[dict[str, pa.Table], dict[str, pa.Table]]]:
    """The pair of parts as pairs of smaller ones, in ``ego_id`` order, each with whole egos.

    The first wave's egos are cut into runs of `CHUNK_EGOS` in ``ego_id`` order; each
    run goes with the same egos of the second wave (egos of the second wave only are
    left out: nothing is compared for them).
    """
    numpy = np()
    pa = pyarrow()
    pc = _pc()
    old_ids = _strings(before["egos"].column("ego_id"))
    if len(old_ids) <= CHUNK_EGOS:
        yield before, after
        return
    new_ids = _strings(after["egos"].column("ego_id"))
    rank = numpy.empty(len(old_ids), dtype=numpy.int64)
    rank[pc.sort_indices(old_ids).to_numpy(zero_copy_only=False)] = numpy.arange(len(old_ids))
    old_chunk = rank // CHUNK_EGOS
    found = pc.index_in(new_ids, value_set=old_ids)
    new_chunk = numpy.where(
        found.is_valid().to_numpy(zero_copy_only=False),
        old_chunk[found.fill_null(0).to_numpy(zero_copy_only=False)],
        -1,
    )

    def rows_of(tables: dict[str, Any], ids: Any) -> dict[str, Any]:
        return {
            name: codes(tables[name].column("ego_id")).positions_in(ids)
            for name in ("alters", "ties")
        }

    old_rows, new_rows = rows_of(before, old_ids), rows_of(after, new_ids)
    for chunk in range(int(old_chunk.max()) + 1):

        def cut(tables: dict[str, Any], of_ego: Any, rows: dict[str, Any]) -> dict[str, Any]:
            mine = of_ego == chunk  # noqa: B023 - used at once, in this pass of the loop
            chosen = {"egos": tables["egos"].filter(pa.array(mine))}
            for name, at in rows.items():
                keep = mine[at] if len(at) else numpy.zeros(0, dtype=bool)
                chosen[name] = tables[name].filter(pa.array(keep))
            return chosen

        yield cut(before, old_chunk, old_rows), cut(after, new_chunk, new_rows)


def _release() -> None:
    """Give memory that Arrow's pool keeps for later back to the system (between steps)."""
    pool = pyarrow().default_memory_pool()
    release = getattr(pool, "release_unused", None)
    if release is not None:
        release()


def run_job(job: Job) -> Result:
    """Compare the two parts of `job` (what a worker process or Dask worker runs)."""
    pl = polars()
    before, after = _tables(job.before), _tables(job.after)
    _release()  # what checking the parts needed
    recorded = (job.before.recorded, job.after.recorded)
    frames = [
        compare_parts(
            old, new, as_of=job.as_of, settings=job.settings, match=job.match, recorded=recorded
        )
        for old, new in _chunks(before, after)
    ]
    frame = pl.concat(frames) if len(frames) > 1 else frames[0]
    problems: tuple[list[Problem], list[Problem]] = ([], [])
    egos = frame.select("ego_id")
    for i, (piece, tables) in enumerate(((job.before, before), (job.after, after))):
        if piece.late and job.as_of[i] is not None:
            late = late_rows(tables, job.as_of[i], piece.index, piece.offset)
            problems[i].extend(late_problems(late, egos, piece.name, piece.path))
    del before, after, frames
    _release()
    return Result(frame, problems)


# -- both waves, part by part ------------------------------------------------------------------


@dataclass(slots=True)
class Wave:
    """One wave: a dataset folder, or the parts of networks (or tables) given in Python."""

    name: str
    path: str | None
    parts: list[dict[str, pa.Table]] | None
    count: int
    """Number of parts."""
    version: int = 2
    """The dataset layout's version (networks given in Python: as the current one)."""

    @property
    def recorded(self) -> bool:
        """Whether missing values mean "not recorded" (layout 2) rather than none (layout 1)."""
        return self.version >= 2

    def piece(self, index: int, *, late: bool = True, offset: int = 0) -> Piece:
        if index >= self.count:
            return Piece(self.name, late=False, recorded=self.recorded)
        if self.parts is not None:
            return Piece(
                self.name, index=index, tables=self.parts[index], offset=offset, late=late,
                recorded=self.recorded,
            )  # fmt: skip
        return Piece(self.name, path=self.path, index=index, late=late, recorded=self.recorded)


def open_wave(source: Any, name: str) -> Wave:
    """A wave from a dataset folder, tables, an import result or networks."""
    from grace_support.cohort import _networks, _run, arrow_parts  # noqa: PLC0415

    if isinstance(source, (str, os.PathLike)):
        dataset = _run.open_dataset(source)
        return Wave(name, str(source), None, dataset.parts, dataset.version)
    parts = list(arrow_parts(_networks(source)))
    return Wave(name, None, parts, len(parts))


def _ego_ids(wave: Wave) -> tuple[DataFrame, list[int]]:
    """Every ego id of a wave with its part and position; the number of egos of each part.

    For a dataset only the ``ego_id`` column is read; a part whose column cannot be
    read as text is checked whole here, so its problems are raised in part order.

    Raises:
        DocumentError: An ego id is repeated across parts of a dataset.
        ValueError: Two networks given in Python are of the same ego.
    """
    from pathlib import Path  # noqa: PLC0415

    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._columns import read_table  # noqa: PLC0415
    from grace_support.errors import DocumentError, InputError  # noqa: PLC0415

    pl = polars()
    pa = pyarrow()
    frames, sizes = [], []
    seen = _run.SeenEgos()
    dataset = _run.Dataset(Path(wave.path), wave.count, wave.version) if wave.path else None
    for index in range(wave.count):
        if wave.parts is not None:
            column = wave.parts[index]["egos"].column("ego_id")
        else:
            assert dataset is not None
            file = dataset.files(index)["egos"]
            try:
                column = read_table(file, columns=["ego_id"]).column("ego_id")
                column = _strings(column)
            except (OSError, ValueError, KeyError, pa.ArrowException):
                _run.checked_part(dataset, index)  # says what is wrong, where
                raise InputError(
                    "cannot be read as a Parquet file",
                    source=str(file.relative_to(dataset.path.parent)),
                ) from None
            found = seen.problems(index, pa.table({"ego_id": column}))
            if found:
                for earlier in range(index + 1):  # a problem of a part itself comes first
                    _run.checked_part(dataset, earlier)
                raise DocumentError(found, source=str(dataset.path))
        sizes.append(len(column))
        frames.append(
            pl.DataFrame({"ego_id": pl.from_arrow(_strings(column))}).with_columns(
                part=pl.lit(index, pl.Int64)
            )
        )
    schema = {"ego_id": pl.String, "part": pl.Int64}
    frame = pl.concat([pl.DataFrame(schema=schema), *frames]).with_row_index("at")
    if wave.parts is not None:
        repeated = frame.filter(pl.col("ego_id").is_first_distinct().not_())
        if repeated.height:
            again = int(repeated["at"][0])
            first = int(frame.filter(pl.col("ego_id") == repeated["ego_id"][0])["at"][0])
            raise ValueError(f"{wave.name}[{again}] is of the same ego as {wave.name}[{first}]")
    return frame.select("ego_id", "part", pl.col("at").cast(pl.Int64)), sizes


@dataclass(slots=True)
class Plan:
    """How two waves are compared: the jobs, in the order of their rows."""

    jobs: Iterator[Job]
    count: int
    """Number of jobs."""
    egos: int
    """Egos of both waves together (to choose whether to use other processes)."""
    before: Wave
    after: Wave
    problems: tuple[list[Problem], list[Problem]]
    """Late days found before the jobs (when the waves were repartitioned)."""
    cleanup: Any = None
    ordered: bool = True
    """Whether the jobs' rows, one after another, are in ``ego_id`` order."""


def plan(
    before: Wave,
    after: Wave,
    *,
    as_of: tuple[date | None, date | None],
    settings: Settings,
    match: DataFrame | None,
) -> Plan:
    """The jobs that compare two waves: directly part by part, or after repartitioning."""
    pl = polars()
    old, old_sizes = _ego_ids(before)
    new, new_sizes = _ego_ids(after)
    both = old.join(new, on="ego_id", how="inner", suffix="_after")
    aligned = both.filter(pl.col("part") != pl.col("part_after")).height == 0
    egos = old.height + new.height
    count = max(before.count, after.count)
    offsets = (_offsets(old_sizes), _offsets(new_sizes))
    if aligned:
        ranges = (
            both.group_by("part")
            .agg(pl.col("ego_id").min().alias("low"), pl.col("ego_id").max().alias("high"))
            .sort("part")
        )
        lows, highs = ranges["low"].to_list(), ranges["high"].to_list()
        ordered = all(a < b for a, b in zip(highs, lows[1:], strict=False))

        def direct() -> Iterator[Job]:
            for k in range(count):
                yield Job(
                    before.piece(k, offset=offsets[0][k] if k < len(offsets[0]) else 0),
                    after.piece(k, offset=offsets[1][k] if k < len(offsets[1]) else 0),
                    as_of,
                    settings,
                    _match_part(match, both, k),
                )

        return Plan(direct(), count, egos, before, after, ([], []), ordered=ordered)
    return _repartitioned(before, after, both, count, egos, offsets, as_of, settings, match)


def _offsets(sizes: list[int]) -> list[int]:
    total, found = 0, []
    for size in sizes:
        found.append(total)
        total += size
    return found


def _match_part(match: DataFrame | None, both: DataFrame, part: int) -> DataFrame | None:
    if match is None:
        return None
    pl = polars()
    egos = both.filter(pl.col("part") == part).select("ego_id")
    return match.join(egos, on="ego_id", how="semi")


def _repartitioned(  # noqa: PLR0915, PLR0917 - the plan's parts, passed on
    before: Wave,
    after: Wave,
    both: DataFrame,
    count: int,
    egos: int,
    offsets: tuple[list[int], list[int]],
    as_of: tuple[date | None, date | None],
    settings: Settings,
    match: DataFrame | None,
) -> Plan:
    """Split both waves by ranges of ego id into a temporary folder; one job per range.

    Each part of each wave is read, checked, and its rows written to the range of
    their ego (egos of one wave only are dropped); the late days are found here,
    where each row's place in its part is known.
    """
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from grace_support.cohort import _run  # noqa: PLC0415

    pl = polars()
    pa = pyarrow()
    pq = require("pyarrow.parquet", extra="cohort", feature="grace_support.cohort")
    ids = both.select("ego_id").sort("ego_id")
    ranges = max(count, 1)
    bucket = ids.with_columns(
        bucket=(pl.int_range(pl.len(), dtype=pl.Int64) * ranges // max(ids.height, 1))
    )
    folder = Path(tempfile.mkdtemp(prefix="grace-support-changes-"))
    problems: tuple[list[Problem], list[Problem]] = ([], [])
    try:
        for side, wave in enumerate((before, after)):
            for index in range(wave.count):
                if wave.parts is not None:
                    tables = wave.parts[index]
                else:
                    assert wave.path is not None
                    dataset = _run.Dataset(Path(wave.path), wave.count)
                    tables = _run.checked_part(dataset, index)
                day = as_of[side]
                if day is not None:
                    late = late_rows(tables, day, index, offsets[side][index])
                    problems[side].extend(late_problems(late, ids, wave.name, wave.path))
                for table_name, table in tables.items():
                    owners: DataFrame = pl.from_arrow(table.select(["ego_id"])).select(
                        pl.col("ego_id").cast(pl.String)
                    )
                    where = owners.join(bucket, on="ego_id", how="left", maintain_order="left")
                    numbers = where["bucket"].fill_null(-1).to_numpy()
                    for number in range(ranges):
                        rows = (numbers == number).nonzero()[0]
                        if not len(rows):
                            continue
                        piece = table.take(pa.array(rows, pa.int64()))
                        target = folder / f"{side}-{number:05d}-{table_name}"
                        target.mkdir(exist_ok=True)
                        pq.write_table(piece, target / f"{index:05d}.parquet")
    except BaseException:
        import shutil  # noqa: PLC0415

        shutil.rmtree(folder, ignore_errors=True)
        raise

    def read(side: int, number: int) -> dict[str, Any]:
        from grace_support.cohort._columns import read_table  # noqa: PLC0415
        from grace_support.cohort._layout import builtin_schema  # noqa: PLC0415

        tables = {}
        for table_name in ("egos", "alters", "ties"):
            target = folder / f"{side}-{number:05d}-{table_name}"
            files = sorted(target.glob("*.parquet")) if target.exists() else []
            found = [read_table(f) for f in files]
            tables[table_name] = (
                pa.concat_tables([_plain(t) for t in found], promote_options="permissive")
                if found
                else builtin_schema(table_name).empty_table()
            )
        return tables

    def jobs() -> Iterator[Job]:
        for number in range(ranges):
            part_ids = bucket.filter(pl.col("bucket") == number).select("ego_id")
            mine = None if match is None else match.join(part_ids, on="ego_id", how="semi")
            yield Job(
                Piece("before", tables=read(0, number), late=False, recorded=before.recorded),
                Piece("after", tables=read(1, number), late=False, recorded=after.recorded),
                as_of,
                settings,
                mine,
            )

    def cleanup() -> None:
        import shutil  # noqa: PLC0415

        shutil.rmtree(folder, ignore_errors=True)

    return Plan(jobs(), ranges, egos, before, after, problems, cleanup=cleanup, ordered=True)


def _plain(table: pa.Table) -> pa.Table:
    """A table with dictionary columns as plain text (so that parts concatenate)."""
    pa = pyarrow()
    columns = [c.cast(pa.string()) if pa.types.is_dictionary(c.type) else c for c in table.columns]
    return pa.table(columns, names=table.column_names)


def results(found: Plan, client: Any = None) -> Iterator[Result]:
    """The jobs' results in order.

    On Dask with `client`; in worker processes when the waves are big and there is
    more than one core and job; else in this process.
    """
    workers = min(os.cpu_count() or 1, found.count)
    if client is not None:
        yield from _windowed(
            lambda job: client.submit(run_job, job, pure=False), found, 2 * workers + 2, dask=True
        )
        return
    if workers < 2 or found.egos < PARALLEL_MIN_EGOS:
        for job in found.jobs:
            yield run_job(job)
        return
    from grace_support.cohort import _processes  # noqa: PLC0415

    with _processes.pool(workers) as pool:
        yield from _windowed(
            lambda job: _processes.submit(pool, run_job, job), found, workers + 1, dask=False
        )


def _windowed(submit: Any, found: Plan, window: int, *, dask: bool) -> Iterator[Result]:
    """Submit the jobs with at most `window` in flight; yield their results in order."""
    from collections import deque  # noqa: PLC0415

    pending: deque[Any] = deque()
    jobs = iter(found.jobs)
    try:
        for job in jobs:
            pending.append(submit(job))
            if len(pending) >= window:
                yield _take(pending.popleft(), dask=dask)
        while pending:
            yield _take(pending.popleft(), dask=dask)
    finally:
        for future in pending:
            future.cancel()


def _take(future: Any, *, dask: bool) -> Result:
    result: Result = future.result()
    if dask:
        future.release()
    return result
