"""A synthetic cohort drawn column-wise with numpy and written straight to a dataset.

The distributions are those of [`grace_support.synthetic`][grace_support.synthetic]
(sizes, roles, who gives which support, closeness, contact, strain, last contact,
ties, needs, ``age_group`` and ``gender`` on every person). Each part of
``PART_ROWS`` egos is drawn from its own random stream, seeded by ``(seed, part)``,
so the same `n` and `seed` give the same files byte for byte, one part in memory
at a time.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Final

from grace_support._extras import require
from grace_support._input import guarded
from grace_support.cohort._layout import PART_ROWS, TYPES, builtin_schema, pyarrow, write_parts
from grace_support.synthetic import (
    _AGE_GROUPS,
    _CLOSENESS,
    _CONTACT_WEIGHTS,
    _GENDERS,
    _ROLE_WEIGHTS,
    _SUPPORT_CHANCE,
    REFERENCE_DAY,
)
from grace_support.vocabulary import Closeness, Role, RoleCategory, Strain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    import pyarrow as pa

MAX_SIZE: Final = 25
MEAN_SIZE: Final = 7.0
_ROLES: Final = list(_ROLE_WEIGHTS)
_CATEGORIES: Final = list(RoleCategory)
_STRAIN_WEIGHTS: Final = (73, 20, 7)
_EPOCH_DAY: Final = REFERENCE_DAY.toordinal() - 719163  # days since 1970-01-01


def _np() -> Any:
    return require("numpy", extra="cohort", feature="grace_support.cohort.synthesize")


def _probabilities(weights: Any) -> Any:
    np = _np()
    values = np.asarray(list(weights), dtype=float)
    return values / values.sum()


def _pairs() -> tuple[Any, Any, Any]:
    """Every (i, j), i < j < k, for each size k in one table, and where each k's block starts."""
    np = _np()
    first: list[int] = []
    second: list[int] = []
    starts = []
    for k in range(MAX_SIZE + 1):
        starts.append(len(first))
        for i in range(k):
            for j in range(i + 1, k):
                first.append(i)
                second.append(j)
    return np.asarray(first), np.asarray(second), np.asarray(starts)


def _text(codes: Any, values: list[str], mask: Any = None) -> pa.Array:
    pa = pyarrow()
    indices = pa.array(codes.astype("int32"), mask=mask)
    return pa.DictionaryArray.from_arrays(indices, pa.array(values)).cast(pa.string())


def _choice(rng: Any, weights: Any, count: int) -> Any:
    np = _np()
    return np.searchsorted(np.cumsum(_probabilities(weights)), rng.random(count), side="right")


def _ties(rng: Any, sizes: Any, offsets: Any, category: Any) -> tuple[Any, Any, Any, Any]:
    """Each pair of alters of each ego, and whether they know each other."""
    np = _np()
    count = len(sizes)
    first, second, block = _pairs()
    pair_counts = sizes * (sizes - 1) // 2
    pair_total = int(pair_counts.sum())
    pair_owner = np.repeat(np.arange(count), pair_counts)
    pair_offsets = np.concatenate(([0], np.cumsum(pair_counts)[:-1])) if count else np.zeros(0)
    pair_local = np.arange(pair_total) - np.repeat(pair_offsets, pair_counts).astype(np.int64)
    table_index = block[sizes[pair_owner]] + pair_local
    a = offsets[pair_owner] + first[table_index]
    b = offsets[pair_owner] + second[table_index]
    same = category[a] == category[b]
    family = _CATEGORIES.index(RoleCategory.FAMILY)
    tie_chance = np.where(same & (category[a] == family), 0.8, np.where(same, 0.35, 0.08))
    keep = rng.random(pair_total) < tie_chance
    return pair_owner, a, b, keep


def _part(n: int, start: int, count: int, seed: int, index: int) -> dict[str, pa.Table]:
    np = _np()
    pa = pyarrow()
    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort.synthesize")
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, index])))

    width = max(4, len(str(max(n - 1, 0))))
    numbers = pa.array(np.arange(start, start + count, dtype=np.int64)).cast(pa.string())
    ego_ids = pc.binary_join_element_wise("ego", pc.utf8_lpad(numbers, width, "0"), "")

    sizes = np.minimum(rng.poisson(MEAN_SIZE, count), MAX_SIZE)
    total = int(sizes.sum())
    owner = np.repeat(np.arange(count), sizes)
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])) if count else np.zeros(0, int)
    local = np.arange(total) - np.repeat(offsets, sizes)

    role = _choice(rng, _ROLE_WEIGHTS.values(), total)
    role_category = np.asarray([_CATEGORIES.index(r.category) for r in _ROLES])
    category = role_category[role]
    chance = np.asarray([_SUPPORT_CHANCE[r.category] for r in _ROLES])
    chance[_ROLES.index(Role.PEER_SPECIALIST)] = (0.5, 0.1, 0.6, 0.9)
    supports = rng.random((total, len(TYPES))) < chance[role]
    closeness_cum = np.cumsum(
        np.asarray([_probabilities(_CLOSENESS[c]) for c in _CATEGORIES]), axis=1
    )
    closeness = (rng.random(total)[:, None] >= closeness_cum[category][:, :2]).sum(axis=1)
    contact_known = rng.random(total) < 0.95
    contact = _choice(rng, _CONTACT_WEIGHTS.values(), total)
    strain = _choice(rng, _STRAIN_WEIGHTS, total)
    has_last = rng.random(total) < 0.6
    last = _EPOCH_DAY - rng.integers(0, 201, total)
    alter_age = rng.integers(0, len(_AGE_GROUPS), total)
    alter_gender = _choice(rng, _GENDERS.values(), total)

    pair_owner, a, b, keep = _ties(rng, sizes, offsets, category)

    all_needs = rng.random(count) < 0.8
    needs = all_needs[:, None] | (rng.random((count, len(TYPES))) < 0.7)
    ego_age = rng.integers(0, len(_AGE_GROUPS), count)
    ego_gender = _choice(rng, _GENDERS.values(), count)

    alter_names = [f"a{i:02d}" for i in range(MAX_SIZE)]
    genders = list(_GENDERS)
    egos = pa.table(
        [
            ego_ids,
            pa.nulls(count, pa.string()),
            *(pa.array(needs[:, i]) for i in range(len(TYPES))),
            pa.nulls(count, pa.date32()),
            pa.nulls(count, pa.string()),  # support_types_asked: all four
            pa.nulls(count, pa.string()),  # gives_types_asked: all four
            pa.nulls(count, pa.string()),  # ties_asked: everyone
            pa.nulls(count, pa.string()),  # generator
            pa.nulls(count, pa.int64()),  # max_names
            _text(ego_age, list(_AGE_GROUPS)),
            _text(ego_gender, genders),
        ],
        schema=pa.schema(
            [*builtin_schema("egos"), ("age_group", pa.string()), ("gender", pa.string())]
        ),
    )
    owners = pa.array(owner)
    numpy_false = np.zeros(total, dtype=bool)
    alters = pa.table(
        [
            ego_ids.take(owners),
            _text(local, alter_names),
            pa.nulls(total, pa.string()),
            _text(role, [r.value for r in _ROLES]),
            _text(category, [c.value for c in _CATEGORIES]),
            *(pa.array(supports[:, i]) for i in range(len(TYPES))),
            _text(closeness, [c.value for c in Closeness]),
            _text(contact, [c.value for c in _CONTACT_WEIGHTS], mask=~contact_known),
            pa.array(last.astype("int32"), mask=~has_last).cast(pa.date32()),
            _text(strain, [s.value for s in Strain]),
            *(pa.array(numpy_false) for _ in TYPES),
            _text(alter_age, list(_AGE_GROUPS)),
            _text(alter_gender, genders),
        ],
        schema=pa.schema(
            [*builtin_schema("alters"), ("age_group", pa.string()), ("gender", pa.string())]
        ),
    )
    ties = pa.table(
        [
            ego_ids.take(pa.array(pair_owner[keep])),
            _text(local[a[keep]], alter_names),
            _text(local[b[keep]], alter_names),
            pa.array(np.ones(int(keep.sum())), pa.float64()),
        ],
        schema=builtin_schema("ties"),
    )
    return {"egos": egos, "alters": alters, "ties": ties}


def synthetic_parts(n: int, *, seed: int) -> Iterator[dict[str, pa.Table]]:
    """The parts of a synthetic cohort of `n` egos, drawn one at a time."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError("n must be a whole number, not negative")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError("seed must be a whole number, not negative")
    for index, start in enumerate(range(0, n, PART_ROWS)):
        yield _part(n, start, min(PART_ROWS, n - start), seed, index)


@guarded()
def synthesize(path: str | os.PathLike[str], n: int, *, seed: int) -> Path:
    """Write a synthetic cohort of `n` networks straight to a dataset at `path`.

    Shaped like [`synthetic.cohort`][grace_support.synthetic.cohort] and drawn
    column-wise: a million networks take seconds. Egos are ``ego0000``, ``ego0001``,
    ... (more digits when `n` needs them), alters ``a00``, ``a01``, ...

    Args:
        path: The dataset folder (new, empty, or a dataset to replace).
        n: How many networks.
        seed: The random seed: the same `n` and `seed` write the same files, byte
            for byte.

    Returns:
        The dataset folder.

    Raises:
        MissingExtraError: pyarrow, polars or numpy is not installed.
        ValueError: `n` or `seed` is negative or not a whole number.
        FileExistsError: `path` exists and is not a dataset or an empty folder.

    Examples:
        >>> import tempfile
        >>> from grace_support.cohort import read_networks
        >>> path = synthesize(tempfile.mkdtemp() + "/synthetic", 3, seed=7)
        >>> [network.ego.id for network in read_networks(path)]
        ['ego0000', 'ego0001', 'ego0002']
    """
    pyarrow()
    parts = synthetic_parts(n, seed=seed)
    return write_parts(path, parts)


# -- the next wave of the same egos ------------------------------------------------------------

FOLLOW_UP_DAYS: Final = 365
"""Days between a wave's interview (``collected_on``, else the synthetic reference day)
and the follow-up's."""
KEEP_CHANCE: Final = {"inner": 0.92, "middle": 0.87, "outer": 0.80, None: 0.85}
"""The chance that a person of each circle (``None``: not recorded) is named again."""
MEAN_NEW: Final = 1.7
"""The average number of people newly named at the follow-up (Poisson)."""
MOVE_CHANCE: Final = 0.2
"""The chance that a kept person moves one circle in or out."""
CONTACT_CHANCE: Final = 0.2
"""The chance that how often a kept person is in touch is drawn again."""
SUPPORT_CHANCE: Final = 0.15
"""The chance that a kept person gains or stops giving one kind of support."""
STRAIN_CHANCE: Final = 0.1
"""The chance that a kept person's strain is drawn again."""
TIE_KEPT_CHANCE: Final = 0.9
"""The chance that a tie between two kept people is still there."""
TIE_NEW_CHANCE: Final = 0.03
"""The chance that two kept people who did not know each other now do."""
MAX_PAIRS_SIZE: Final = 60
"""New ties among kept people are drawn for networks of at most this many people."""


def _with_builtins(table: pa.Table, name: str) -> pa.Table:
    """The table with every built-in column (missing ones as nulls), in the built-in order."""
    pa = pyarrow()
    for position, field in enumerate(builtin_schema(name)):
        if field.name not in table.column_names:
            table = table.add_column(position, field, pa.nulls(table.num_rows, field.type))
        else:
            index = table.column_names.index(field.name)
            column = table.column(index)
            if column.type != field.type:
                table = table.set_column(index, field, column.cast(field.type))
    return table


def _set(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    index = table.column_names.index(name)
    return table.set_column(index, table.schema.field(index).with_type(values.type), values)


def _follow_part(tables: dict[str, pa.Table], seed: int, index: int) -> dict[str, pa.Table]:  # noqa: PLR0915 - one wave, column by column
    """Part `index` of the follow-up of one (valid) part."""
    np = _np()
    pa = pyarrow()
    pc = require("pyarrow.compute", extra="cohort", feature="grace_support.cohort.synthesize")
    from grace_support.cohort._columns import codes, days, flags  # noqa: PLC0415

    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, index, 0xF011])))
    egos = _with_builtins(tables["egos"], "egos")
    alters = _with_builtins(tables["alters"], "alters")
    ties = _with_builtins(tables["ties"], "ties")
    count = egos.num_rows
    ego_ids = egos.column("ego_id").cast(pa.string()).combine_chunks()
    ego_row = codes(alters.column("ego_id")).positions_in(ego_ids)

    # The new interview day, one year on.
    collected, has_collected = days(egos, "collected_on")
    today = np.where(has_collected, collected, _EPOCH_DAY) + FOLLOW_UP_DAYS
    egos = _set(egos, "collected_on", pa.array(today.astype("int32")).cast(pa.date32()))

    # Who is named again: by circle.
    circles = [c.value for c in Closeness]
    closeness = codes(alters.column("closeness")).mapped({c: i for i, c in enumerate(circles)})
    chance = np.asarray([KEEP_CHANCE[c] for c in circles] + [KEEP_CHANCE[None]])
    kept = rng.random(alters.num_rows) < chance[closeness]
    old = alters.filter(pa.array(kept))
    old_row, old_circle = ego_row[kept], closeness[kept]
    size = old.num_rows

    # Kept people: circles, contact, support and strain that changed.
    step = np.where(rng.random(size) < 0.5, -1, 1)
    moves = (rng.random(size) < MOVE_CHANCE) & (old_circle >= 0)
    new_circle = np.where(moves, np.clip(old_circle + step, 0, 2), old_circle)
    old = _set(old, "closeness", _text(np.maximum(new_circle, 0), circles, mask=new_circle < 0))
    contact_values = [c.value for c in _CONTACT_WEIGHTS]
    contact = codes(old.column("contact")).mapped({c: i for i, c in enumerate(contact_values)})
    redraw = rng.random(size) < CONTACT_CHANCE
    contact = np.where(redraw, _choice(rng, _CONTACT_WEIGHTS.values(), size), contact)
    old = _set(old, "contact", _text(np.maximum(contact, 0), contact_values, mask=contact < 0))
    flipped = np.where(rng.random(size) < SUPPORT_CHANCE, rng.integers(0, len(TYPES), size), -1)
    for i, kind in enumerate(TYPES):
        values = flags(old, kind) ^ (flipped == i)
        old = _set(old, kind, pa.array(values))
    strain_values = [s.value for s in Strain]
    strain = codes(old.column("strain")).mapped({s: i for i, s in enumerate(strain_values)})
    strain = np.where(rng.random(size) < STRAIN_CHANCE, _choice(rng, _STRAIN_WEIGHTS, size), strain)
    old = _set(old, "strain", _text(np.maximum(strain, 0), strain_values, mask=strain < 0))
    _, has_last = days(old, "last_contact")
    last = today[old_row] - rng.integers(0, 201, size)
    old = _set(
        old, "last_contact", pa.array(last.astype("int32"), mask=~has_last).cast(pa.date32())
    )

    # Newcomers, drawn as the synthetic cohort draws people.
    arrivals = rng.poisson(MEAN_NEW, count)
    total = int(arrivals.sum())
    new_row = np.repeat(np.arange(count), arrivals)
    first = np.concatenate(([0], np.cumsum(arrivals)[:-1])) if count else np.zeros(0, int)
    local = np.arange(total) - np.repeat(first, arrivals)
    role = _choice(rng, _ROLE_WEIGHTS.values(), total)
    category = np.asarray([_CATEGORIES.index(r.category) for r in _ROLES])[role]
    support_chance = np.asarray([_SUPPORT_CHANCE[r.category] for r in _ROLES])[role]
    supports = rng.random((total, len(TYPES))) < support_chance
    closeness_cum = np.cumsum(
        np.asarray([_probabilities(_CLOSENESS[c]) for c in _CATEGORIES]), axis=1
    )
    new_close = (rng.random(total)[:, None] >= closeness_cum[category][:, :2]).sum(axis=1)
    has_new_last = rng.random(total) < 0.6
    newcomer_ids = pc.binary_join_element_wise(
        f"s{seed}n", pa.array(local, pa.int64()).cast(pa.string()), ""
    )
    columns: dict[str, Any] = {
        "ego_id": ego_ids.take(pa.array(new_row, pa.int64())),
        "alter_id": newcomer_ids,
        "role": _text(role, [r.value for r in _ROLES]),
        "category": _text(category, [c.value for c in _CATEGORIES]),
        **{kind: pa.array(supports[:, i]) for i, kind in enumerate(TYPES)},
        "closeness": _text(new_close, circles),
        "contact": _text(_choice(rng, _CONTACT_WEIGHTS.values(), total), contact_values),
        "last_contact": pa.array(
            (today[new_row] - rng.integers(0, 201, total)).astype("int32"), mask=~has_new_last
        ).cast(pa.date32()),
        "strain": _text(_choice(rng, _STRAIN_WEIGHTS, total), strain_values),
        **{f"gives_{kind}": pa.array(np.zeros(total, dtype=bool)) for kind in TYPES},
    }
    newcomers = pa.table(
        [columns[f.name] if f.name in columns else pa.nulls(total, f.type) for f in old.schema],
        schema=old.schema,
    )
    wave = pa.concat_tables([old, newcomers])
    wave_row = np.concatenate([old_row, new_row])
    order = np.argsort(wave_row, kind="stable")
    wave = wave.take(pa.array(order, pa.int64()))
    wave_row = wave_row[order]
    is_new = np.concatenate([np.zeros(size, bool), np.ones(total, bool)])[order]
    wave_category = np.concatenate(
        [
            codes(old.column("category")).mapped({c.value: i for i, c in enumerate(_CATEGORIES)}),
            category,
        ]
    )[order]

    # Ties: kept ties stay, kept people come to know each other, newcomers join in.
    width = max(int(np.bincount(ego_row, minlength=1).max(initial=0)), 1)
    slot_of = np.zeros(alters.num_rows, dtype=np.int64)
    if alters.num_rows:
        alter_order = np.argsort(ego_row, kind="stable")
        starts = np.searchsorted(ego_row[alter_order], ego_row[alter_order])
        slot_of[alter_order] = np.arange(alters.num_rows) - starts
    alter_ids = codes(alters.column("alter_id"))
    tie_row = codes(ties.column("ego_id")).positions_in(ego_ids)
    key_of = ego_row * width + slot_of  # one number per person of the first wave
    span = len(alter_ids.dictionary) + 1
    have = ego_row * span + alter_ids.codes
    have_order = np.argsort(have, kind="stable")

    def person_number(column: str) -> Any:
        """Each tie end's person number (ends name people of the tie's ego)."""
        positions = codes(ties.column(column)).positions_in(alter_ids.dictionary)
        if not len(have_order):
            return np.zeros(ties.num_rows, np.int64)
        found = np.searchsorted(have[have_order], tie_row * span + positions)
        return key_of[have_order[np.minimum(found, len(have_order) - 1)]]

    tie_a, tie_b = person_number("alter_a"), person_number("alter_b")
    old_pairs = np.sort(np.minimum(tie_a, tie_b) * (count * width + 1) + np.maximum(tie_a, tie_b))
    wave_key = np.concatenate([key_of[kept], np.full(total, -1, dtype=np.int64)])[order]

    sizes = np.bincount(wave_row, minlength=count)
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])) if count else np.zeros(0, int)
    capped = np.where(sizes <= MAX_PAIRS_SIZE, sizes, 0)
    pair_counts = capped * (capped - 1) // 2
    owner = np.repeat(np.arange(count), pair_counts)
    pair_first = np.concatenate(([0], np.cumsum(pair_counts)[:-1])) if count else np.zeros(0, int)
    rank = np.arange(int(pair_counts.sum())) - np.repeat(pair_first, pair_counts)
    # the rank-th pair (i, j), i < j, of k people: j from the triangular root, then i
    j = ((1 + np.sqrt(1 + 8 * rank)) // 2).astype(np.int64)
    j = np.where(j * (j - 1) // 2 > rank, j - 1, j)
    j = np.where((j + 1) * j // 2 <= rank, j + 1, j)
    i = rank - j * (j - 1) // 2
    a, b = offsets[owner] + i, offsets[owner] + j
    both_kept = ~is_new[a] & ~is_new[b]
    key_a, key_b = wave_key[a], wave_key[b]
    pair_key = np.minimum(key_a, key_b) * (count * width + 1) + np.maximum(key_a, key_b)
    from grace_support.cohort._columns import member  # noqa: PLC0415

    was_tied = both_kept & member(pair_key, old_pairs)
    same = wave_category[a] == wave_category[b]
    family = _CATEGORIES.index(RoleCategory.FAMILY)
    newcomer_chance = np.where(same & (wave_category[a] == family), 0.8, np.where(same, 0.35, 0.08))
    chance_pair = np.where(
        was_tied, TIE_KEPT_CHANCE, np.where(both_kept, TIE_NEW_CHANCE, newcomer_chance)
    )
    keep_pair = rng.random(len(chance_pair)) < chance_pair
    # ties of networks too big for the pairs: the kept ties among kept people stay
    wave_ids = wave.column("alter_id").cast(pa.string()).combine_chunks()
    chosen_a, chosen_b = a[keep_pair], b[keep_pair]
    big = sizes > MAX_PAIRS_SIZE
    if big.any():
        both_in = np.isin(tie_a, key_of[kept]) & np.isin(tie_b, key_of[kept]) & big[tie_row]
        stay = both_in & (rng.random(len(tie_a)) < TIE_KEPT_CHANCE)
        where = np.argsort(wave_key)
        ordered_keys = wave_key[where]
        chosen_a = np.concatenate([chosen_a, where[np.searchsorted(ordered_keys, tie_a[stay])]])
        chosen_b = np.concatenate([chosen_b, where[np.searchsorted(ordered_keys, tie_b[stay])]])
    tie_count = len(chosen_a)
    new_ties = pa.table(
        [
            ego_ids.take(pa.array(wave_row[chosen_a], pa.int64())),
            wave_ids.take(pa.array(chosen_a, pa.int64())),
            wave_ids.take(pa.array(chosen_b, pa.int64())),
            pa.array(np.ones(tie_count), pa.float64()),
        ],
        schema=builtin_schema("ties"),
    )
    return {"egos": egos, "alters": wave, "ties": new_ties}


def _write_follow_part(path: str, folder: str, seed: int, index: int) -> dict[str, int]:
    """Check part `index` of the dataset at `path`, and write its follow-up into `folder`."""
    from pathlib import Path  # noqa: PLC0415

    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._layout import TABLES, part_path  # noqa: PLC0415

    pq = require("pyarrow.parquet", extra="cohort", feature="grace_support.cohort.synthesize")
    tables = _run.checked_part(_run.Dataset(Path(path), index + 1), index)
    made = _follow_part(tables, seed, index)
    for table in TABLES:
        pq.write_table(made[table], part_path(Path(folder), table, index))
    return {table: made[table].num_rows for table in TABLES}


def _write_follow_up(
    dataset: str | os.PathLike[str], out: str | os.PathLike[str], seed: int
) -> Path:
    """Write the follow-up part by part (in worker processes when there are several parts)."""
    from grace_support.cohort import _run  # noqa: PLC0415
    from grace_support.cohort._changes import _ego_ids, open_wave  # noqa: PLC0415
    from grace_support.cohort._layout import DatasetWriter  # noqa: PLC0415

    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError("seed must be a whole number, not negative")
    source = _run.open_dataset(dataset)
    _ego_ids(open_wave(dataset, "dataset"))  # ego ids unique across parts
    writer = DatasetWriter(out)
    try:
        arguments = [(str(source.path), str(writer.tmp), seed, k) for k in range(source.parts)]
        workers = min(os.cpu_count() or 1, source.parts)
        if workers > 1:
            from grace_support.cohort import _processes  # noqa: PLC0415

            with _processes.pool(workers) as pool:
                futures = [_processes.submit(pool, _write_follow_part, *a) for a in arguments]
                counts = [future.result() for future in futures]
        else:
            counts = [_write_follow_part(*a) for a in arguments]
        writer.parts = source.parts
        for found in counts:
            for table, rows in found.items():
                writer.counts[table] += rows
        return writer.commit()
    except BaseException:
        writer.abort()
        raise


def synthesize_follow_up(
    dataset: str | os.PathLike[str], out: str | os.PathLike[str], *, seed: int
) -> Path:
    """Write the next wave of a cohort's egos: the same egos a year later, column-wise.

    Part *k* of the new dataset holds the egos of part *k* of `dataset` (every one
    of them), so [`changes`][grace_support.cohort.changes] compares the two waves
    part by part. For each ego:

    - each person is named again with a chance that depends on their circle
      (`KEEP_CHANCE`: 0.92 inner, 0.87 middle, 0.80 outer, 0.85 not recorded);
    - a kept person moves one circle in or out (chance 0.2), is in touch more or less
      often (0.2), gains or stops giving one kind of support (0.15), and has their
      strain drawn again (0.1);
    - new people are named (Poisson, mean 1.7), drawn as `synthesize` draws people,
      with ids ``s<seed>n0``, ``s<seed>n1``, ...;
    - ties between kept people stay (0.9), kept people who did not know each other
      come to (0.03), and newcomers know the others as in `synthesize`;
    - ``collected_on`` is a year after the first wave's (after the synthetic
      reference day when it has none), and last contacts fall in the 200 days
      before it.

    The rates follow what longitudinal studies of personal networks report, in
    direction and rough size: in the National Social Life, Health, and Aging
    Project, most respondents lost at least one confidant and added at least one
    between waves, growth was more common than shrinkage, and lost and new ties were
    weaker than ties that lasted (Cornwell et al. 2014); 81.8% added at least one new
    network member over about five years, and 59.4% more than one (Cornwell &
    Laumann 2015), which a Poisson mean of 1.7 matches for "at least one" (82%) and
    falls short of for "more than one" (51%). Small et al. (2015) found core
    discussion networks changing within six months of entering a new setting. The
    per-circle chances and the other rates are this library's choices, not published
    figures. The networks are made up: use them for demos, tests and benchmarks,
    never as data about people.

    Args:
        dataset: The first wave (a dataset folder; checked part by part as it is read).
        out: The new dataset's folder (new, empty, or a dataset to replace).
        seed: The random seed: the same dataset and seed give the same files.

    Returns:
        The new dataset's folder.

    Raises:
        MissingExtraError: pyarrow, polars or numpy is not installed.
        InputError: `dataset` is not a dataset, or a file cannot be read.
        DocumentError: `dataset` breaks a rule of the network document.
        ValueError: `seed` is negative or not a whole number.
        FileExistsError: `out` exists and is not a dataset or an empty folder.

    Examples:
        >>> import tempfile
        >>> from grace_support.cohort import changes
        >>> folder = tempfile.mkdtemp()
        >>> first = synthesize(f"{folder}/wave1", 3, seed=7)
        >>> second = synthesize_follow_up(first, f"{folder}/wave2", seed=8)
        >>> changes(first, second)["ego_id"].to_list()
        ['ego0000', 'ego0001', 'ego0002']

    Version added:
        0.2.0
    """
    pyarrow()
    return _write_follow_up(dataset, out, seed)
