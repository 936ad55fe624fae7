r"""The measures of many networks at once: numpy over the Arrow columns of a part.

This is a second implementation of [`compute_measures`][grace_support.compute_measures]
and the finding rules of [`assess`][grace_support.assess]; the per-network functions
are the definition, and the property tests hold every value here equal to them.

A part's alters are grouped by the row of their ego: every measure is one small
function, named after the per-network measure, that counts per ego with
``numpy.bincount`` (a group-by and sum in one pass) or combines such counts.
Only one part of a dataset (whole egos) is in memory at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from grace_support.assessment.models import FindingCode, Settings
from grace_support.cohort._columns import codes, days, flags, groups, member, np
from grace_support.cohort._columns import distinct as distinct_sorted
from grace_support.cohort._layout import TYPES, polars, pyarrow
from grace_support.vocabulary import ROLE_CATEGORIES, Closeness, Contact, RoleCategory, Strain

if TYPE_CHECKING:
    import polars as pl
    import pyarrow as pa

CATEGORIES: Final = tuple(c.value for c in RoleCategory)
_CATEGORY_OF: Final = {
    role.value: CATEGORIES.index(category.value) for role, category in ROLE_CATEGORIES.items()
}
_PROFESSIONAL: Final = CATEGORIES.index(RoleCategory.PROFESSIONAL.value)
_REGULAR: Final = frozenset(c.value for c in Contact if c.is_regular)
_EPOCH: Final = date(1970, 1, 1)

FINDING_COLUMNS: Final = tuple(f"finding_count_{c.value.replace('-', '_')}" for c in FindingCode)
"""The ``finding_count_<code>`` columns, in the declared order of finding codes."""

MEASURE_COLUMNS: Final = (
    "ego_id", "size", "active_size", "regular_contact_size", "inner_circle_size",
    *(f"support_count_{t}" for t in TYPES), "support_types_covered",
    *(f"missing_support_{t}" for t in TYPES), *(f"single_provider_{t}" for t in TYPES),
    "support_evenness", *(f"role_count_{c}" for c in CATEGORIES), "role_richness",
    "role_blau", "role_iqv", "top_provider_share", "provider_hhi", "professional_count",
    "strained_count", "density", "effective_size", "constraint", "role_unknown_count",
    *(f"support_given_count_{t}" for t in TYPES), "reciprocity", "efficiency", "hierarchy",
    "ego_betweenness", "ego_betweenness_normalized", "support_unknown_count",
    "gives_unknown_count", "strain_unknown_count", "contact_unknown_count", "findings",
)  # fmt: skip
"""The columns of `tables.measures_table`, in its order."""

OUTPUT_COLUMNS: Final = (*MEASURE_COLUMNS, *FINDING_COLUMNS)
"""The columns of `cohort.measure`: the measures table, then one count per finding code."""


@dataclass(frozen=True, slots=True)
class Part:
    """The columns of one part that the measures read, one entry per alter or tie."""

    egos: int
    """Number of egos; an ego is its row number."""
    ego: Any
    """Each alter's ego row."""
    active: Any
    """Each alter: in touch on the day judged on (see `on_day`); until then, whether
    the contact is not ``lost_touch``."""
    regular: Any
    inner: Any
    closeness_known: Any
    """Each alter: closeness recorded."""
    close: Any
    strained: Any
    supports: Any
    """alters x 4 booleans, in the declared order of support types."""
    gives: Any
    """alters x 4 booleans: the types the ego gives the alter."""
    category: Any
    """Each alter's role category (-1 when the role is unknown)."""
    last_contact: Any
    has_last_contact: Any
    needs: Any
    """egos x 4 booleans."""
    collected_on: Any
    """Each ego's day of collection (days since 1970-01-01)."""
    has_collected_on: Any
    tie_ego: Any
    tie_a: Any
    """Each tie's first alter, as a number unique in the part."""
    tie_b: Any
    tie_weight: Any = None
    """Each tie's weight (1 where not recorded); ``None`` means every weight is 1."""
    asked: Any = None
    """Each alter: whether their ties to the others were asked about (the ego's
    ``ties_asked``); ``None`` means everyone's were."""
    reachable: Any = None
    """Each alter: whether the contact is not ``lost_touch`` (``active`` before `on_day`)."""
    contact_known: Any = None
    """Each alter: whether the contact is recorded."""
    supports_known: Any = None
    """Each alter: whether the supports are recorded."""
    gives_known: Any = None
    """Each alter: whether the gives are recorded."""
    strain_known: Any = None
    """Each alter: whether the strain is recorded."""
    support_asked: Any = None
    """egos x 4 booleans: the ego's ``support_types_asked``."""
    gives_asked: Any = None
    """egos x 4 booleans: the ego's ``gives_types_asked``."""
    judged: bool = False
    """Whether ``active`` is already in touch on the day judged on (`on_day`)."""


def part_from_arrow(
    egos: pa.Table, alters: pa.Table, ties: pa.Table, *, recorded: bool = True
) -> Part:
    """The kernel's view of one (valid) part.

    With `recorded` (network document 3, dataset layout 2), four missing support
    (or ``gives_``) flags and a missing strain mean "not recorded"; otherwise (layout
    1) they mean none, as they did.
    """
    numpy = np()
    ego_codes = codes(egos.column("ego_id"))
    row_of = numpy.full(len(ego_codes.dictionary) + 1, -1, dtype=numpy.int64)
    row_of[ego_codes.codes] = numpy.arange(egos.num_rows)
    ego_ids_list = ego_codes.dictionary

    def ego_rows(table: pa.Table) -> Any:
        found = codes(table.column("ego_id"))
        return row_of[found.positions_in(ego_ids_list)]

    contact = codes(alters.column("contact")) if "contact" in alters.column_names else None
    count = alters.num_rows
    active = (
        ~contact.where({Contact.LOST_TOUCH.value}) if contact else numpy.ones(count, dtype=bool)
    )
    regular = contact.where(_REGULAR) if contact else numpy.zeros(count, dtype=bool)
    closeness = (
        codes(alters.column("closeness"))
        if "closeness" in alters.column_names
        else codes(pyarrow().nulls(count, pyarrow().string()))
    )
    role = (
        codes(alters.column("role"))
        if "role" in alters.column_names
        else codes(pyarrow().nulls(count, pyarrow().string()))
    )
    collected, has_collected = days(egos, "collected_on")
    strain = (
        codes(alters.column("strain")).where({Strain.HIGH.value})
        if "strain" in alters.column_names
        else numpy.zeros(count, dtype=bool)
    )
    last, has_last = days(alters, "last_contact")
    alter_ids = codes(alters.column("alter_id"))
    alter_ego = ego_rows(alters)
    width = max(len(alter_ids.dictionary), 1)
    tie_ego = ego_rows(ties)
    tie_a = tie_ego * width + codes(ties.column("alter_a")).positions_in(alter_ids.dictionary)
    tie_b = tie_ego * width + codes(ties.column("alter_b")).positions_in(alter_ids.dictionary)
    has_needs = any(f"need_{t}" in egos.column_names for t in TYPES)
    everyone = numpy.ones(count, dtype=bool)
    return Part(
        egos=egos.num_rows,
        ego=alter_ego,
        active=active,
        regular=regular,
        inner=closeness.where({Closeness.INNER.value}),
        closeness_known=closeness.where({c.value for c in Closeness}),
        close=closeness.where({Closeness.INNER.value, Closeness.MIDDLE.value}),
        strained=strain,
        supports=numpy.stack([flags(alters, t) for t in TYPES], axis=1).reshape(count, len(TYPES)),
        gives=numpy.stack([flags(alters, f"gives_{t}") for t in TYPES], axis=1).reshape(
            count, len(TYPES)
        ),
        category=role.mapped(_CATEGORY_OF),
        last_contact=last,
        has_last_contact=has_last,
        needs=numpy.stack(
            [flags(egos, f"need_{t}", default=not has_needs) for t in TYPES], axis=1
        ).reshape(egos.num_rows, len(TYPES)),
        collected_on=collected,
        has_collected_on=has_collected,
        tie_ego=tie_ego,
        tie_a=tie_a,
        tie_b=tie_b,
        tie_weight=tie_weights(ties),
        asked=tie_asked(egos, alters),
        reachable=active,
        contact_known=(contact.codes >= 0) if contact else numpy.zeros(count, dtype=bool),
        supports_known=known(alters, TYPES) if recorded else everyone,
        gives_known=known(alters, tuple(f"gives_{t}" for t in TYPES)) if recorded else everyone,
        strain_known=(
            codes(alters.column("strain")).codes >= 0
            if recorded and "strain" in alters.column_names
            else numpy.full(count, not recorded, dtype=bool)
        ),
        support_asked=types_asked(egos, "support_types_asked"),
        gives_asked=types_asked(egos, "gives_types_asked"),
    )


def known(table: pa.Table, names: tuple[str, ...]) -> Any:
    """Each row: whether any of the columns `names` holds a value (the kinds were recorded)."""
    numpy = np()
    pa = pyarrow()
    found = numpy.zeros(table.num_rows, dtype=bool)
    for name in names:
        if name in table.column_names and not pa.types.is_null(table.column(name).type):
            found |= table.column(name).is_valid().to_numpy(zero_copy_only=False).astype(bool)
    return found


def types_asked(egos: pa.Table, name: str) -> Any:
    """Egos x 4 booleans: the kinds each ego's interview asked about (JSON list text).

    A missing cell (or no column) is the default, all four kinds.
    """
    numpy = np()
    asked = numpy.ones((egos.num_rows, len(TYPES)), dtype=bool)
    if name not in egos.column_names:
        return asked
    column = egos.column(name)
    if pyarrow().types.is_null(column.type) or column.null_count == len(column):
        return asked
    cells = codes(column)
    table = numpy.ones((len(cells.dictionary) + 1, len(TYPES)), dtype=bool)
    for index, text in enumerate(cells.values):
        listed = json.loads(text)
        table[index] = [t in listed for t in TYPES]
    return table[cells.codes]


def on_day(part: Part, *, as_of: date | None, settings: Settings) -> Part:
    """`part` with ``active`` meaning in touch on the day judged on, as `touch.in_touch`.

    In touch: the contact is not ``lost_touch``, and the last contact, if recorded,
    is no more than ``settings.dormant_after_days`` days before the day. The day is
    `as_of`, or when it is ``None`` each ego's ``collected_on`` (today for an ego
    without one), as `assess` judges.
    """
    if part.judged:
        return part
    numpy = np()
    if as_of is None:
        today = (date.today() - _EPOCH).days
        day = numpy.where(part.has_collected_on, part.collected_on, today)[part.ego]
    else:
        day = (as_of - _EPOCH).days
    cutoff = day - settings.dormant_after_days
    stale = part.has_last_contact & (part.last_contact < cutoff)
    reachable = part.active if part.reachable is None else part.reachable
    return replace(part, active=reachable & ~stale, reachable=reachable, judged=True)


def tie_asked(egos: pa.Table, alters: pa.Table) -> Any:
    """Each alter: whether their ties were asked about, from the egos' ``ties_asked``.

    ``ties_asked`` is JSON list text of the asked people's ids (missing: everyone).
    ``None`` when no ego of the part has one (everyone was asked).
    """
    pl = polars()
    if "ties_asked" not in egos.column_names:
        return None
    column = egos.column("ties_asked")
    if pyarrow().types.is_null(column.type) or column.null_count == len(column):
        return None
    lists = (
        pl.from_arrow(egos.select(["ego_id", "ties_asked"]))
        .select(pl.col("ego_id").cast(pl.String), pl.col("ties_asked").cast(pl.String))
        .filter(pl.col("ties_asked").is_not_null())
        .with_columns(pl.col("ties_asked").str.json_decode(pl.List(pl.String)))
    )
    pairs = lists.explode("ties_asked").drop_nulls().rename({"ties_asked": "alter_id"})
    people = pl.from_arrow(alters.select(["ego_id", "alter_id"])).select(
        pl.col("ego_id").cast(pl.String), pl.col("alter_id").cast(pl.String)
    )
    listed = people["ego_id"].is_in(lists["ego_id"].implode()).to_numpy()
    named = (
        people.with_row_index("row")
        .join(pairs, on=["ego_id", "alter_id"], how="semi")["row"]
        .to_numpy()
    )
    asked = ~listed
    asked[named] = True
    return asked


def tie_weights(ties: pa.Table) -> Any:
    """Each tie's weight as floats (a missing weight is 1), or ``None`` without a column."""
    if "weight" not in ties.column_names:
        return None
    column = ties.column("weight")
    if pyarrow().types.is_null(column.type):
        return None
    return column.cast(pyarrow().float64()).fill_null(1.0).to_numpy()


def _count(part: Part, where: Any) -> Any:
    """How many alters of each ego satisfy `where` (a group-by and count)."""
    numpy = np()
    return numpy.bincount(part.ego, weights=where, minlength=part.egos).astype(numpy.int64)


# -- measures over the alters --------------------------------------------------------------


def size(part: Part) -> Any:
    """The number of alters."""
    return np().bincount(part.ego, minlength=part.egos).astype(np().int64)


def active_size(part: Part) -> Any:
    """The number of alters in touch on the day judged on (see `on_day`)."""
    return _count(part, part.active)


def contact_unknown_count(part: Part) -> Any:
    """The number of in-touch alters whose contact is not recorded."""
    return _count(part, part.active & ~part.contact_known)


def regular_contact_size(part: Part, active: Any) -> tuple[Any, Any]:
    """The number of in-touch alters in touch daily, weekly or biweekly.

    Null when people are in touch and none of their contacts is recorded.
    """
    value = _count(part, part.regular & part.active)
    return value, ~((active > 0) & (contact_unknown_count(part) == active))


def inner_circle_size(part: Part, n: Any) -> tuple[Any, Any]:
    """The number of alters in the inner circle, dormant or not.

    Null when people are named and none of their closeness is recorded.
    """
    return _count(part, part.inner), ~((n > 0) & (_count(part, part.closeness_known) == 0))


def support_counts(part: Part) -> Any:
    """Egos x 4: for each support type, the number of recorded in-touch alters who give it.

    Only the value where `support_defined` says so is a count (0 elsewhere).
    """
    numpy = np()
    recorded = part.active & part.supports_known
    kinds = part.supports & part.support_asked[part.ego]
    return numpy.stack(
        [_count(part, kinds[:, i] & recorded) for i in range(len(TYPES))], axis=1
    ).reshape(part.egos, len(TYPES))


def support_unknown_count(part: Part) -> Any:
    """The number of in-touch alters whose supports are not recorded."""
    return _count(part, part.active & ~part.supports_known)


def gives_unknown_count(part: Part) -> Any:
    """The number of in-touch alters whose gives are not recorded."""
    return _count(part, part.active & ~part.gives_known)


def strain_unknown_count(part: Part) -> Any:
    """The number of alters, in touch or not, whose strain is not recorded."""
    return _count(part, ~part.strain_known)


def tally_defined(asked: Any, active: Any, unknown: Any) -> Any:
    """Egos x 4: where a count of `support_counts` (or the gives) is defined.

    A type not asked is null, and every type is when nothing was recorded to rest
    on: no type asked, or people in touch and none of their field recorded.
    """
    something = asked.any(axis=1) & ~((active > 0) & (unknown == active))
    return asked & something[:, None]


def role_counts(part: Part) -> Any:
    """Egos x 5: for each role category, the number of active alters in it."""
    numpy = np()
    return numpy.stack(
        [_count(part, (part.category == c) & part.active) for c in range(len(CATEGORIES))],
        axis=1,
    ).reshape(part.egos, len(CATEGORIES))


def role_unknown_count(part: Part) -> Any:
    """The number of active alters whose role is not recorded."""
    return _count(part, (part.category < 0) & part.active)


def support_given_counts(part: Part) -> Any:
    """Per ego and support type: the number of recorded in-touch alters the ego gives it to."""
    numpy = np()
    recorded = part.active & part.gives_known
    kinds = part.gives & part.gives_asked[part.ego]
    return numpy.stack(
        [_count(part, kinds[:, i] & recorded) for i in range(len(TYPES))], axis=1
    ).reshape(part.egos, len(TYPES))


def reciprocity(part: Part) -> tuple[Any, Any]:
    """The share of in-touch alters, supports and gives recorded, with support both ways.

    Support counts only in the kinds asked (``support_types_asked``, and
    ``gives_types_asked`` for the gives). Null when either list is empty or no
    in-touch alter has both recorded.
    """
    both = part.active & part.supports_known & part.gives_known
    given = (part.supports & part.support_asked[part.ego]).any(axis=1)
    gives = (part.gives & part.gives_asked[part.ego]).any(axis=1)
    flowing = _count(part, both & given & gives)
    recorded = _count(part, both)
    defined = part.support_asked.any(axis=1) & part.gives_asked.any(axis=1) & (recorded > 0)
    return _ratio(flowing, recorded, defined)


def strained_count(part: Part) -> tuple[Any, Any]:
    """The number of alters, in touch or not, whose strain is ``high``.

    Null when people are named and none of their strain is recorded.
    """
    n = size(part)
    return _count(part, part.strained), ~((n > 0) & (strain_unknown_count(part) == n))


def loads(part: Part) -> Any:
    r"""Each alter's load $s_i$: the asked kinds it gives, when in touch and recorded (else 0)."""
    asked = part.supports & part.support_asked[part.ego]
    return asked.sum(axis=1) * (part.active & part.supports_known)


def provider_loads(part: Part) -> tuple[Any, Any, Any]:
    r"""Per ego: the total $S$, the largest $s_i$ and $\sum s_i^2$ of the in-touch loads."""
    numpy = np()
    load = loads(part)
    total = _count(part, load)
    squares = _count(part, load * load)
    top = numpy.zeros(part.egos, dtype=numpy.int64)
    for value in range(1, len(TYPES) + 1):  # loads are 0-4: the largest present value
        top[_count(part, load == value) > 0] = value
    return total, top, squares


def dormant(part: Part, *, as_of: date | None, settings: Settings) -> Any:
    """Per alter: whether it raises ``dormant-tie`` (close, and not in touch).

    Judged on `as_of`, or when it is ``None`` on each ego's ``collected_on`` (today
    for an ego without one), as `assess` does (see `on_day`). Unknown closeness is
    not close.
    """
    judged = on_day(part, as_of=as_of, settings=settings)
    return judged.close & ~judged.active


def dormant_ties(part: Part, *, as_of: date | None, settings: Settings) -> Any:
    """The number of ``dormant-tie`` findings of each ego (see `dormant`)."""
    return _count(part, dormant(part, as_of=as_of, settings=settings))


# -- measures over the ties ------------------------------------------------------------------


def tie_count(part: Part) -> Any:
    """The number of alter-alter ties of each ego."""
    return np().bincount(part.tie_ego, minlength=part.egos).astype(np().int64)


def _tied_alters(part: Part) -> tuple[Any, Any, Any]:
    r"""Each alter with a tie: its ego, and $v_j$; per ego, how many alters have a tie.

    $v_j = \sum_{q \in N(j)} 1/(1 + d_q)$ with $d_q$ the ties alter $q$ has.
    """
    numpy = np()
    ends = numpy.concatenate([part.tie_a, part.tie_b])
    keys, inverse, degree = groups(ends)
    half = len(part.tie_a)
    first, second = inverse[:half], inverse[half:]
    v = numpy.bincount(first, weights=1.0 / (1.0 + degree[second]), minlength=len(keys))
    v += numpy.bincount(second, weights=1.0 / (1.0 + degree[first]), minlength=len(keys))
    ego_of_key = numpy.zeros(len(keys), dtype=numpy.int64)
    ego_of_key[inverse] = numpy.concatenate([part.tie_ego, part.tie_ego])
    tied = numpy.bincount(ego_of_key, minlength=part.egos).astype(numpy.int64)
    return ego_of_key, v, tied


def constraint_sums(part: Part) -> tuple[Any, Any]:
    r"""Per ego: the alters with a tie, and $\sum_{j\ \text{tied}} (1 + v_j)^2$.

    $v_j$ as in `_tied_alters`.
    """
    numpy = np()
    ego_of_key, v, tied = _tied_alters(part)
    sums = numpy.bincount(ego_of_key, weights=(1.0 + v) ** 2, minlength=part.egos)
    return tied, sums


# -- measures of measures ----------------------------------------------------------------------


def _ratio(numerator: Any, denominator: Any, defined: Any) -> tuple[Any, Any]:
    numpy = np()
    with numpy.errstate(divide="ignore", invalid="ignore"):
        value = numpy.where(defined, numerator / numpy.where(defined, denominator, 1), 0.0)
    return value.astype(float), defined


def support_evenness(support: Any, defined: Any, asked: Any) -> tuple[Any, Any]:
    """Pielou's evenness over the asked types (K of them).

    Undefined below two asked types, when a count is undefined, or when nobody
    gives support.
    """
    numpy = np()
    support = numpy.where(defined & asked, support, 0)
    k = asked.sum(axis=1)
    total = support.sum(axis=1)
    h = numpy.zeros(len(support))
    with numpy.errstate(divide="ignore", invalid="ignore"):
        for i in range(support.shape[1]):
            n = support[:, i]
            term = n / total * numpy.log(total / n)
            h += numpy.where(n > 0, term, 0.0)
        value = numpy.where(k >= 2, h / numpy.log(numpy.where(k >= 2, k, 2)), 0.0)
    complete = ~(asked & ~defined).any(axis=1)
    return numpy.minimum(1.0, value), (k >= 2) & complete & (total > 0)


def role_blau(roles: Any) -> tuple[Any, Any]:
    """Blau's index of the role categories, (N² - Σn²) / N²."""
    total = roles.sum(axis=1)
    squares = (roles * roles).sum(axis=1)
    return _ratio(total * total - squares, total * total, total > 0)


def role_iqv(roles: Any) -> tuple[Any, Any]:
    """The IQV of the role categories with K = 5: K(N² - Σn²) / ((K - 1) N²)."""
    k = roles.shape[1]
    total = roles.sum(axis=1)
    squares = (roles * roles).sum(axis=1)
    return _ratio(k * (total * total - squares), (k - 1) * total * total, total > 0)


def top_provider_share(total: Any, top: Any) -> tuple[Any, Any]:
    """The busiest provider's share of all support, max s / S."""
    return _ratio(top, total, total > 0)


def provider_hhi(total: Any, squares: Any) -> tuple[Any, Any]:
    """The HHI of support over providers, Σs² / S²."""
    return _ratio(squares, total * total, total > 0)


def density(n: Any, ties: Any) -> tuple[Any, Any]:
    """Ties over possible ties, t / (n(n-1)/2); undefined under two alters."""
    return _ratio(ties, n * (n - 1) / 2, n >= 2)


def effective_size(n: Any, ties: Any) -> tuple[Any, Any]:
    """Burt's effective size, n - 2t/n; undefined without alters."""
    numpy = np()
    with numpy.errstate(divide="ignore", invalid="ignore"):
        value = numpy.where(n > 0, n - (2 * ties) / numpy.where(n > 0, n, 1), 0.0)
    return value, n > 0


def constraint(n: Any, tied: Any, sums: Any) -> tuple[Any, Any]:
    """Burt's constraint: (Σ over tied alters (1 + v)² + untied alters) / n²."""
    return _ratio(sums + (n - tied), n * n, n > 0)


def weighted_effective_size(part: Part, n: Any) -> tuple[Any, Any]:
    r"""Burt's effective size with tie weights, $n - \frac{1}{n}\sum_j s_j / M_j$.

    $s_j$ is the summed weight of alter $j$'s ties and $M_j = \max(1, \max_q w_{jq})$
    its strongest tie, the ego's (weight 1) included. Undefined without alters.
    """
    numpy = np()
    weight = part.tie_weight
    if weight is None:
        weight = numpy.ones(len(part.tie_a))
    ends = numpy.concatenate([part.tie_a, part.tie_b])
    both = numpy.concatenate([weight, weight])
    keys, inverse, _ = groups(ends)
    strength = numpy.bincount(inverse, weights=both, minlength=len(keys))
    strongest = numpy.ones(len(keys))
    numpy.maximum.at(strongest, inverse, both)
    ego_of_key = numpy.zeros(len(keys), dtype=numpy.int64)
    ego_of_key[inverse] = numpy.concatenate([part.tie_ego, part.tie_ego])
    redundancy = numpy.bincount(ego_of_key, weights=strength / strongest, minlength=part.egos)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        value = numpy.where(n > 0, n - redundancy / numpy.where(n > 0, n, 1), 0.0)
    return value, n > 0


def efficiency(n: Any, effective: tuple[Any, Any]) -> tuple[Any, Any]:
    """Burt's efficiency: effective size / the alters it was computed over."""
    value, defined = effective
    return _ratio(value, n, defined & (n > 0))


def hierarchy(part: Part, n: Any) -> tuple[Any, Any]:
    r"""Burt's hierarchy, $\sum_j r_j \ln r_j / (n \ln n)$, $r_j = n (1 + v_j)^2 / S$.

    $S = \sum_j (1 + v_j)^2$ over every alter (an untied alter has $v = 0$), as in
    `constraint_sums`. Undefined below two alters.
    """
    numpy = np()
    ego_of_key, v, tied = _tied_alters(part)
    squares = (1.0 + v) ** 2
    total = numpy.bincount(ego_of_key, weights=squares, minlength=part.egos) + (n - tied)
    defined = n >= 2
    safe_total = numpy.where(total > 0, total, 1.0)
    ratio = n[ego_of_key] * squares / safe_total[ego_of_key]
    sums = numpy.bincount(ego_of_key, weights=ratio * numpy.log(ratio), minlength=part.egos)
    untied = n / safe_total
    with numpy.errstate(divide="ignore", invalid="ignore"):
        sums = sums + numpy.where(n > tied, (n - tied) * untied * numpy.log(untied), 0.0)
        value = numpy.where(defined, sums / numpy.where(defined, n * numpy.log(n), 1.0), 0.0)
    return numpy.clip(value, 0.0, 1.0), defined


def ego_betweenness(part: Part, n: Any) -> tuple[Any, Any]:
    r"""The ego's betweenness, $\sum_{\{j,k\}\ \text{untied}} 1 / (1 + c_{jk})$.

    Every untied pair counts 1, less $1 - 1/(1 + c)$ for each untied pair with $c$
    alters in common. Those pairs are the pairs of each tied alter's tied alters
    (the wedges), drawn with numpy: the ties' ends are numbered densely, each
    alter's ties sorted together, and each pair of them listed once.
    """
    numpy = np()
    half = len(part.tie_a)
    ends = numpy.concatenate([part.tie_a, part.tie_b])
    keys, inverse, degree = groups(ends)
    count = len(keys)
    centre = inverse
    other = numpy.concatenate([inverse[half:], inverse[:half]])
    owner = numpy.concatenate([part.tie_ego, part.tie_ego])
    ego_of = numpy.zeros(count, dtype=numpy.int64)
    ego_of[centre] = owner
    order = numpy.argsort(centre, kind="stable")
    centre, other = centre[order], other[order]
    starts = numpy.cumsum(degree) - degree  # alter g's edges are at starts[g] ...
    position = numpy.arange(len(centre)) - starts[centre]
    later = degree[centre] - 1 - position  # the edges of the same alter after this one
    first = numpy.repeat(numpy.arange(len(centre)), later)
    block = numpy.cumsum(later) - later
    second = first + 1 + (numpy.arange(len(first)) - numpy.repeat(block, later))
    x, y = other[first], other[second]
    pair = numpy.minimum(x, y) * count + numpy.maximum(x, y)
    distinct, common = numpy.unique(pair, return_counts=True)
    a, b = inverse[:half], inverse[half:]
    tied = distinct_sorted(numpy.minimum(a, b) * count + numpy.maximum(a, b))
    untied = ~member(distinct, tied)
    correction = numpy.bincount(
        ego_of[distinct[untied] // count],
        weights=1.0 / (1.0 + common[untied]) - 1.0,
        minlength=part.egos,
    )
    ties = numpy.bincount(part.tie_ego, minlength=part.egos)
    value = (n * (n - 1) // 2 - ties) + correction
    return value.astype(float), numpy.ones(part.egos, dtype=bool)


def ego_betweenness_normalized(n: Any, betweenness: tuple[Any, Any]) -> tuple[Any, Any]:
    """The ego betweenness over the pairs of alters, n(n-1)/2; 0 below two alters."""
    numpy = np()
    value, defined = betweenness
    pairs = n * (n - 1) / 2
    with numpy.errstate(divide="ignore", invalid="ignore"):
        share = numpy.where(n >= 2, value / numpy.where(n >= 2, pairs, 1.0), 0.0)
    return share, defined


def _unless(value: Any, unasked: Any) -> Any:
    """A structural measure, undefined (null) for the egos in `unasked`."""
    numpy = np()
    if not unasked.any():
        return value
    if isinstance(value, tuple):
        return value[0], value[1] & ~unasked
    return numpy.asarray(value, dtype=float), ~unasked


def structural_columns(part: Part, n: Any, effective: tuple[Any, Any]) -> dict[str, Any]:
    """The columns of Burt's efficiency and hierarchy and of ego betweenness."""
    betweenness = ego_betweenness(part, n)
    return {
        "efficiency": efficiency(n, effective),
        "hierarchy": hierarchy(part, n),
        "ego_betweenness": betweenness,
        "ego_betweenness_normalized": ego_betweenness_normalized(n, betweenness),
    }


# -- findings --------------------------------------------------------------------------------


def whole_network_findings(
    part: Part, *, support: Any, roles: Any, active: Any, total: Any, top: Any, settings: Settings
) -> dict[FindingCode, Any]:
    """Per ego, whether each finding raised at most once per network is raised."""
    share, share_defined = top_provider_share(total, top)
    professional = roles[:, _PROFESSIONAL]
    unknown = role_unknown_count(part)
    return {
        FindingCode.OVER_RELIANCE: share_defined
        & (share > settings.over_reliance_share)
        & (support.sum(axis=1) >= settings.over_reliance_min_support),
        FindingCode.NO_PROFESSIONAL_CARE: (professional == 0) & (unknown == 0),
        FindingCode.NO_PERSONAL_SUPPORT: (active > 0) & (unknown == 0) & (professional == active),
        FindingCode.SMALL_NETWORK: active < settings.small_network_size,
    }


def gaps(part: Part, support: Any) -> tuple[Any, Any]:
    """Egos x 4: ``missing_support_types`` and ``single_provider_types`` as booleans.

    A needed type that was asked, with no (one) recorded in-touch provider, and
    only when every in-touch alter's supports are recorded.
    """
    whole = (support_unknown_count(part) == 0)[:, None] & part.needs & part.support_asked
    return whole & (support == 0), whole & (support == 1)


FINDING_KEY_COLUMNS: Final = ("ego_id", "code", "subject")
"""The columns of `finding_keys`."""


def finding_keys(
    egos: pa.Table,
    alters: pa.Table,
    ties: pa.Table,
    *,
    as_of: date | None,
    settings: Settings,
    by_row: bool = False,
    part: Part | None = None,
    recorded: bool = True,
) -> pl.DataFrame:
    """One row per finding of every ego in one (valid) part: what the finding is about.

    These are the keys by which [`compare`][grace_support.change.compare] matches the
    findings of two interviews: ``code`` is the finding code, and ``subject`` the
    support type (``missing-support``, ``single-provider``), the person
    (``strained-tie``, ``dormant-tie``), the people with the largest load, sorted and
    joined by spaces (``over-reliance``), or empty text for a finding about the
    whole network. The rows of one ego and code are as many as ``measure_part``
    counts; their order is not meaningful. With `by_row`, the first column is
    ``row``, the ego's row in `egos`, instead of ``ego_id``. `part` is the
    kernel's view of the tables, when already made; `recorded` as in
    `part_from_arrow`.
    """
    numpy = np()
    pa = pyarrow()
    part = part if part is not None else part_from_arrow(egos, alters, ties, recorded=recorded)
    part = on_day(part, as_of=as_of, settings=settings)
    active = active_size(part)
    support = support_counts(part)
    roles = role_counts(part)
    total, top, _ = provider_loads(part)
    missing, single = gaps(part, support)
    whole = whole_network_findings(
        part, support=support, roles=roles, active=active, total=total, top=top, settings=settings
    )
    alter_ids = alters.column("alter_id").cast(pa.string()).combine_chunks()
    types = numpy.asarray(TYPES, dtype=object)
    pieces: list[tuple[Any, FindingCode, Any]] = []
    for code, flagged in (
        (FindingCode.MISSING_SUPPORT, missing),
        (FindingCode.SINGLE_PROVIDER, single),
    ):
        rows, columns = numpy.nonzero(flagged)
        pieces.append((rows, code, pa.array(types[columns], pa.string())))
    load = loads(part)
    busiest = numpy.flatnonzero(
        whole[FindingCode.OVER_RELIANCE][part.ego] & (load == top[part.ego]) & (load > 0)
    )
    pieces.append(_joined(part.ego[busiest], alter_ids.take(pa.array(busiest, pa.int64()))))
    for code, flagged in (
        (FindingCode.STRAINED_TIE, part.strained),
        (FindingCode.DORMANT_TIE, dormant(part, as_of=as_of, settings=settings)),
    ):
        at = numpy.flatnonzero(flagged)
        pieces.append((part.ego[at], code, alter_ids.take(pa.array(at, pa.int64()))))
    for code in (
        FindingCode.NO_PROFESSIONAL_CARE,
        FindingCode.NO_PERSONAL_SUPPORT,
        FindingCode.SMALL_NETWORK,
    ):
        rows = numpy.flatnonzero(whole[code])
        pieces.append((rows, code, pa.array([""] * len(rows), pa.string())))
    rows = numpy.concatenate([numpy.asarray(r, dtype=numpy.int64) for r, _, _ in pieces])
    if by_row:
        first: Any = pa.array(rows, pa.int64())
    else:
        ego_ids = egos.column("ego_id").cast(pa.string()).combine_chunks()
        first = ego_ids.take(pa.array(rows, pa.int64()))
    table = pa.table(
        {
            "row" if by_row else "ego_id": first,
            "code": pa.DictionaryArray.from_arrays(
                pa.array(numpy.repeat(numpy.arange(len(pieces)), [len(r) for r, _, _ in pieces])),
                pa.array([c.value for _, c, _ in pieces]),
            ).cast(pa.string()),
            "subject": pa.concat_arrays([s for _, _, s in pieces]),
        }
    )
    frame: pl.DataFrame = polars().from_arrow(table)
    return frame


def _joined(ego_rows: Any, people: pa.Array) -> tuple[Any, FindingCode, pa.Array]:
    """The over-reliance keys: per ego, its busiest people sorted and joined by spaces."""
    numpy = np()
    pl = polars()
    frame = (
        pl.DataFrame({"row": numpy.asarray(ego_rows, dtype=numpy.int64)})
        .with_columns(person=pl.from_arrow(people))
        .sort("row", "person")
        .group_by("row", maintain_order=True)
        .agg(pl.col("person").str.join(" "))
    )
    return (
        frame["row"].to_numpy(),
        FindingCode.OVER_RELIANCE,
        frame["person"].to_arrow().cast(pyarrow().string()),
    )


# -- the whole table ---------------------------------------------------------------------------


def measure_part(
    egos: pa.Table,
    alters: pa.Table,
    ties: pa.Table,
    *,
    as_of: date | None,
    settings: Settings,
    part: Part | None = None,
    recorded: bool = True,
) -> pl.DataFrame:
    """The measures and finding counts of every ego in one (valid) part, in egos order.

    `part` is the kernel's view of the tables, when already made; `recorded` as
    in `part_from_arrow`.
    """
    numpy = np()
    pa = pyarrow()
    part = part if part is not None else part_from_arrow(egos, alters, ties, recorded=recorded)
    part = on_day(part, as_of=as_of, settings=settings)
    n = size(part)
    active = active_size(part)
    support = support_counts(part)
    support_unknown = support_unknown_count(part)
    defined = tally_defined(part.support_asked, active, support_unknown)
    given = support_given_counts(part)
    given_defined = tally_defined(part.gives_asked, active, gives_unknown_count(part))
    roles = role_counts(part)
    total, top, squares = provider_loads(part)
    t = tie_count(part)
    tied, sums = constraint_sums(part)
    # Structure is over the ego and the people whose ties were asked about; nothing
    # rests on it when people were named and no one's ties were asked.
    asked = n if part.asked is None else _count(part, part.asked)
    unasked = (asked == 0) & (n > 0)
    effective = _unless(weighted_effective_size(part, asked), unasked)
    missing, single = gaps(part, support)
    professional = roles[:, _PROFESSIONAL]
    strained = strained_count(part)
    unknown = role_unknown_count(part)
    roles_known = ~((active > 0) & (unknown == active))  # null: no in-touch role recorded
    share, share_defined = top_provider_share(total, top)
    covered = ((support > 0) & defined).sum(axis=1)

    columns: dict[str, Any] = {
        "size": n,
        "active_size": active,
        "regular_contact_size": regular_contact_size(part, active),
        "inner_circle_size": inner_circle_size(part, n),
        **{f"support_count_{x}": (support[:, i], defined[:, i]) for i, x in enumerate(TYPES)},
        "support_types_covered": (covered, defined.any(axis=1)),
        **{f"missing_support_{x}": missing[:, i] for i, x in enumerate(TYPES)},
        **{f"single_provider_{x}": single[:, i] for i, x in enumerate(TYPES)},
        "support_evenness": support_evenness(support, defined, part.support_asked),
        **{f"role_count_{c}": roles[:, i] for i, c in enumerate(CATEGORIES)},
        "role_richness": ((roles > 0).sum(axis=1), roles_known),
        "role_blau": role_blau(roles),
        "role_iqv": role_iqv(roles),
        "top_provider_share": (share, share_defined),
        "provider_hhi": provider_hhi(total, squares),
        "professional_count": (professional, roles_known),
        "strained_count": strained,
        "density": _unless(density(asked, t), unasked),
        "effective_size": effective,
        "constraint": _unless(constraint(asked, tied, sums), unasked),
        "role_unknown_count": unknown,
        **{
            f"support_given_count_{x}": (given[:, i], given_defined[:, i])
            for i, x in enumerate(TYPES)
        },
        "reciprocity": reciprocity(part),
        **{
            name: _unless(value, unasked)
            for name, value in structural_columns(part, asked, effective).items()
        },
        "support_unknown_count": support_unknown,
        "gives_unknown_count": gives_unknown_count(part),
        "strain_unknown_count": strain_unknown_count(part),
        "contact_unknown_count": contact_unknown_count(part),
    }
    whole = whole_network_findings(
        part, support=support, roles=roles, active=active, total=total, top=top, settings=settings
    )
    findings = {
        FindingCode.MISSING_SUPPORT: missing.sum(axis=1),
        FindingCode.SINGLE_PROVIDER: single.sum(axis=1),
        FindingCode.OVER_RELIANCE: whole[FindingCode.OVER_RELIANCE],
        FindingCode.STRAINED_TIE: strained[0],
        FindingCode.DORMANT_TIE: dormant_ties(part, as_of=as_of, settings=settings),
        FindingCode.NO_PROFESSIONAL_CARE: whole[FindingCode.NO_PROFESSIONAL_CARE],
        FindingCode.NO_PERSONAL_SUPPORT: whole[FindingCode.NO_PERSONAL_SUPPORT],
        FindingCode.SMALL_NETWORK: whole[FindingCode.SMALL_NETWORK],
    }
    counts = [numpy.asarray(v, dtype=numpy.int64) for v in findings.values()]
    columns["findings"] = sum(counts, numpy.zeros(part.egos, dtype=numpy.int64))
    columns |= dict(zip(FINDING_COLUMNS, counts, strict=True))

    arrays = [egos.column("ego_id").cast(pa.string())]
    for name in OUTPUT_COLUMNS[1:]:
        value = columns[name]
        if isinstance(value, tuple) and value[0].dtype.kind in "iu":  # a count that may be null
            arrays.append(pa.array(value[0].astype(numpy.int64), pa.int64(), mask=~value[1]))
        elif isinstance(value, tuple):
            arrays.append(pa.array(value[0], pa.float64(), mask=~value[1]))
        elif value.dtype == bool:
            arrays.append(pa.array(value, pa.bool_()))
        else:
            arrays.append(pa.array(value.astype(numpy.int64), pa.int64()))
    table = pa.Table.from_arrays(arrays, names=list(OUTPUT_COLUMNS))
    frame: pl.DataFrame = polars().from_arrow(table)
    return frame
