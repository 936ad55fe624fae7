"""A synthetic cohort drawn column-wise with numpy and written straight to a dataset.

The distributions are those of [`grace_support.synthetic`][grace_support.synthetic]
(sizes, roles, who gives which support, closeness, contact, strain, last contact,
ties, needs, ``age_group`` and ``gender`` on every person). Each part of
``PART_ROWS`` egos is drawn from its own random stream, seeded by ``(seed, part)``,
so the same `n` and `seed` give the same files byte for byte, one part in memory
at a time.
"""

from __future__ import annotations

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
    import os
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
