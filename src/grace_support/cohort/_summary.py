r"""Summaries of a cohort table: one row per group, survey weights, bootstrap intervals.

For a measure $x$ with weights $w$ (all 1 without `weights`), over the $n'$ egos of a
group where $x$ is not null:

- mean: $\bar x_w = \sum w_i x_i / \sum w_i$ (the Hájek ratio estimator);
- SD: $s_w = \sqrt{\frac{n'}{n'-1} \sum w_i (x_i - \bar x_w)^2 / \sum w_i}$, the
  analytic-weights form (the weights scaled to sum to $n'$, then the usual $n'-1$
  denominator), so equal weights give the ordinary sample SD; null when $n' < 2$;
- quantiles (``_q25``, ``_median``, ``_q75``): the inverse of the weighted empirical
  distribution function, the smallest $x_{(k)}$ whose cumulative weight share
  $\sum_{j \le k} w_{(j)} / \sum w$ reaches $p$ (Hyndman & Fan's type 1; numpy's
  ``method="inverted_cdf"``), so equal weights give the unweighted type-1 quantile;
- share of a finding code: $\sum w_i [c_i > 0] / \sum w_i$.

Intervals (``ci=``) are percentile bootstrap intervals (Efron & Tibshirani 1993,
ch. 13): egos are drawn with replacement within each group, each carrying its
weight, ``replicates`` times from a seeded generator; the interval is the
$(1-\text{ci})/2$ and $(1+\text{ci})/2$ quantiles of the replicate estimates.
This resamples egos, not a survey's strata or clusters: for a complex design, use
the design's own replicate weights.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Final

from grace_support.cohort._columns import np
from grace_support.cohort._layout import polars

if TYPE_CHECKING:
    from collections.abc import Sequence

    from polars import DataFrame

STATISTICS: Final = ("mean", "sd", "q25", "median", "q75")
"""The estimates of each measure, in the order of their columns."""
_QUANTILES: Final = {"q25": 0.25, "median": 0.5, "q75": 0.75}
_FINDING: Final = re.compile(r"^(?P<prefix>.*)finding_count_(?P<code>.+)$")
_CHUNK: Final = 50
"""Bootstrap replicates drawn at a time (memory: chunk x egos of a group)."""


def _frame(table: Any) -> DataFrame:
    pl = polars()
    if isinstance(table, pl.DataFrame):
        given: DataFrame = table
        return given
    if type(table).__module__.startswith("pandas"):
        frame: DataFrame = pl.from_pandas(table)
        return frame
    raise TypeError("table must be a polars or pandas DataFrame (from cohort.measure or changes)")


def _numeric(frame: DataFrame, name: str) -> bool:
    dtype = frame.schema[name]
    return bool(dtype.is_numeric())


def _estimate(x: Any, w: Any, valid: Any) -> dict[str, float | None]:
    """Every statistic of one measure for one group (`valid`: where `x` is not null)."""
    numpy = np()
    xs, ws = x[valid], w[valid]
    total = float(ws.sum())
    count = len(xs)
    out: dict[str, float | None] = dict.fromkeys(STATISTICS)
    if count == 0 or total <= 0:
        return out
    mean = float((ws * xs).sum() / total)
    out["mean"] = mean
    if count >= 2:
        variance = float((ws * (xs - mean) ** 2).sum() / total) * count / (count - 1)
        out["sd"] = math.sqrt(max(variance, 0.0))
    order = numpy.argsort(xs, kind="stable")
    cumulative = numpy.cumsum(ws[order]) / total
    for name, p in _QUANTILES.items():
        at = int(numpy.searchsorted(cumulative, p - 1e-12, side="left"))
        out[name] = float(xs[order][min(at, count - 1)])
    return out


def _replicates(x: Any, w: Any, valid: Any, counts: Any) -> dict[str, Any]:
    """Each statistic of one measure in each replicate (`counts`: replicates x egos)."""
    numpy = np()
    weight = numpy.where(valid, w, 0.0)
    value = numpy.where(valid, x, 0.0)
    total = counts @ weight
    n = counts @ valid.astype(float)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        mean = (counts @ (weight * value)) / total
        second = (counts @ (weight * value * value)) / total
        variance = (second - mean * mean) * n / (n - 1)
        out: dict[str, Any] = {
            "mean": numpy.where(total > 0, mean, numpy.nan),
            "sd": numpy.where(
                (total > 0) & (n >= 2), numpy.sqrt(numpy.maximum(variance, 0)), numpy.nan
            ),
        }
        order = numpy.flatnonzero(valid)[numpy.argsort(x[valid], kind="stable")]
        if len(order):
            cumulative = numpy.cumsum(counts[:, order] * weight[order], axis=1)
            share = cumulative / numpy.where(total > 0, total, 1)[:, None]
            for name, p in _QUANTILES.items():
                at = (share < p - 1e-12).sum(axis=1)
                out[name] = numpy.where(
                    total > 0, x[order][numpy.minimum(at, len(order) - 1)], numpy.nan
                )
        else:
            for name in _QUANTILES:
                out[name] = numpy.full(len(counts), numpy.nan)
    return out


def summary(
    table: Any,
    *,
    by: str | Sequence[str] | None = None,
    weights: str | None = None,
    measures: Sequence[str] | None = None,
    ci: float | None = None,
    replicates: int = 1000,
    seed: int = 0,
) -> DataFrame:
    """One row per group: the number of egos, estimates of each measure, shares of findings.

    Works on the tables of [`measure`][grace_support.cohort.measure] and
    [`changes`][grace_support.cohort.changes] (polars or pandas). Columns, in order:

    - the `by` columns (none without `by`: one row for the whole table);
    - ``n``: the number of egos (rows), egos with no one named included;
    - for each measure, ``<measure>_mean``, ``<measure>_sd``, ``<measure>_q25``,
      ``<measure>_median`` and ``<measure>_q75`` (each followed by ``_ci_low`` and
      ``_ci_high`` with `ci`); null values of a measure (for example the density of a
      network of fewer than two people) are left out of its estimates;
    - for each ``finding_count_<code>`` column, ``<code>_share``: the share of egos
      with that finding (``before_<code>_share`` and ``after_<code>_share`` for the
      ``before_``/``after_`` counts of `changes`);
    - for a `changes` table, ``change_type_<kind>_share`` for each kind of change
      (``stasis``, ``expansion``, ``shedding``, ``substitution``): the share of egos
      whose network changed that way.

    The estimators (weighted when `weights` names a column, and equal to the
    ordinary ones when all weights are equal) are defined in
    ``grace_support.cohort._summary`` and on the cohort page of the docs.

    Args:
        table: A table with one row per ego.
        by: Column(s) to group by.
        weights: A column of survey weights (finite, not negative, not missing).
        measures: The numeric columns to summarise; by default every numeric column
            other than ``ego_id``, `by`, `weights` and the finding counts.
        ci: The confidence level of bootstrap intervals (e.g. ``0.95``); none when omitted.
        replicates: The number of bootstrap replicates.
        seed: The seed of the bootstrap: the same table and seed give the same intervals.

    Returns:
        A polars ``DataFrame``, one row per group, sorted by `by`.

    Raises:
        TypeError: `table` is not a DataFrame.
        ValueError: A named column is missing or not numeric; a weight is missing,
            negative or not finite; `ci` is not between 0 and 1; `replicates` is
            not a positive whole number.

    Examples:
        >>> import polars as pl
        >>> table = pl.DataFrame({
        ...     "size": [0, 2, 4, 6],
        ...     "finding_count_small_network": [1, 1, 0, 0],
        ...     "weight": [1.0, 1.0, 1.0, 3.0],
        ... })
        >>> row = summary(table, weights="weight").row(0, named=True)
        >>> row["n"], row["size_mean"], row["size_median"], row["small_network_share"]
        (4, 4.0, 4.0, 0.3333333333333333)

    Version added:
        0.2.0
    """
    pl = polars()
    frame = _frame(table)
    groups = _column_names(frame, by, "by")
    if weights is not None:
        _column_names(frame, weights, "weights", single=True)
    if ci is not None and not (isinstance(ci, float | int) and 0 < ci < 1):
        raise ValueError("ci must be a level between 0 and 1, such as 0.95")
    if isinstance(replicates, bool) or not isinstance(replicates, int) or replicates < 1:
        raise ValueError("replicates must be a whole number, at least 1")
    shares = [c for c in frame.columns if _FINDING.match(c) and _numeric(frame, c)]
    if "change_type" in frame.columns and "change_type" not in groups:
        frame = frame.with_columns(
            pl.col("change_type").eq(kind).cast(pl.Int64).alias(f"_change_type_{kind}")
            for kind in _change_types()
        )
        shares += [f"_change_type_{kind}" for kind in _change_types()]
    chosen = _measures(
        frame, measures, {"ego_id", *groups, *([weights] if weights else []), *shares}
    )
    if weights is not None:
        _check_weights(frame, weights)
    rng = np().random.Generator(np().random.PCG64(seed))
    keyed = frame.with_row_index("_row")
    parts = (
        [((), keyed)]
        if not groups
        else sorted(
            keyed.group_by(groups, maintain_order=True),
            key=lambda item: tuple((v is None, v) for v in item[0]),
        )
    )
    rows = []
    for key, part in parts:
        row: dict[str, Any] = dict(zip(groups, key, strict=True))
        row |= _group(part, weights, chosen, shares, ci=ci, replicates=replicates, rng=rng)
        rows.append(row)
    return _result(frame, groups, rows, _names(chosen, shares, ci))


def _measures(frame: DataFrame, measures: Sequence[str] | None, skip: set[str]) -> list[str]:
    pl = polars()
    if measures is None:
        return [
            c
            for c in frame.columns
            if c not in skip and _numeric(frame, c) and frame.schema[c] != pl.Boolean
        ]
    names = _column_names(frame, measures, "measures")
    for i, name in enumerate(names):
        if not (_numeric(frame, name) or frame.schema[name] == pl.Boolean):
            raise ValueError(f"measures[{i}] names a column that is not numeric")
    return names


def _column_names(
    frame: DataFrame, value: object, parameter: str, *, single: bool = False
) -> list[str]:
    """Column names given as `parameter`, checked; errors name the place, never the name.

    Column names are the analyst's and may say something about people, so a name
    that is not in the table is named by its position (``by[1]``), as every other
    key the library refuses.
    """
    if value is None:
        return []
    names = [value] if isinstance(value, str) else value
    if single and not isinstance(value, str):
        raise TypeError(f"{parameter} must be one column name")
    if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
        raise TypeError(f"{parameter} must be a column name or a list of column names")
    for i, name in enumerate(names):
        if name not in frame.columns:
            where = parameter if len(names) == 1 else f"{parameter}[{i}]"
            raise ValueError(f"{where} names no column of the table")
    return list(names)


def _check_weights(frame: DataFrame, weights: str) -> None:
    pl = polars()
    if not _numeric(frame, weights):
        raise ValueError("the weights column is not numeric")
    values = frame[weights].cast(pl.Float64)
    if values.null_count() or not np().isfinite(values.to_numpy()).all() or (values < 0).any():
        raise ValueError("the weights column has a missing, negative or infinite value")


def _change_types() -> list[str]:
    from grace_support.change import ChangeType  # noqa: PLC0415

    return [kind.value for kind in ChangeType]


def _share_name(column: str) -> str:
    if column.startswith("_change_type_"):
        return f"{column.removeprefix('_')}_share"
    found = _FINDING.match(column)
    assert found is not None
    return f"{found['prefix']}{found['code']}_share"


def _names(chosen: list[str], shares: list[str], ci: float | None) -> list[str]:
    """The estimate columns, in order."""
    names = [f"{name}_{stat}" for name in chosen for stat in STATISTICS]
    names += [_share_name(c) for c in shares]
    if ci is None:
        return names
    return [n for name in names for n in (name, f"{name}_ci_low", f"{name}_ci_high")]


def _group(
    part: DataFrame,
    weights: str | None,
    chosen: list[str],
    shares: list[str],
    *,
    ci: float | None,
    replicates: int,
    rng: Any,
) -> dict[str, Any]:
    """``n`` and every estimate (and interval) of one group."""
    pl = polars()
    numpy = np()
    n = part.height
    w = part[weights].cast(pl.Float64).to_numpy() if weights else numpy.ones(n, dtype=float)
    values = {}
    for name in chosen:
        column = part[name].cast(pl.Float64)
        filled = column.fill_null(0).to_numpy()
        values[name] = (
            numpy.nan_to_num(filled),
            column.is_not_null().to_numpy() & ~numpy.isnan(filled),
        )
    for name in shares:
        column = part[name]
        values[name] = (
            (column.fill_null(0).to_numpy() > 0).astype(float),
            column.is_not_null().to_numpy(),
        )
    estimates = {name: _estimate(x, w, valid) for name, (x, valid) in values.items()}
    intervals = _intervals(values, w, ci, replicates, rng) if ci is not None and n else {}
    row: dict[str, Any] = {"n": n}
    targets = [(f"{name}_{stat}", name, stat) for name in chosen for stat in STATISTICS]
    targets += [(_share_name(name), name, "mean") for name in shares]
    for target, name, stat in targets:
        row[target] = estimates[name][stat]
        if ci is not None:
            low, high = intervals.get(name, {}).get(stat, (None, None))
            row[f"{target}_ci_low"], row[f"{target}_ci_high"] = low, high
    return row


def _intervals(
    values: dict[str, tuple[Any, Any]], w: Any, ci: float, replicates: int, rng: Any
) -> dict[str, dict[str, tuple[float | None, float | None]]]:
    """Percentile bootstrap intervals of every statistic of every measure of one group."""
    numpy = np()
    n = len(w)
    draws: dict[str, dict[str, list[Any]]] = {name: {s: [] for s in STATISTICS} for name in values}
    left = replicates
    while left:
        size = min(_CHUNK, left)
        left -= size
        counts = rng.multinomial(n, numpy.full(n, 1.0 / n), size=size).astype(float)
        for name, (x, valid) in values.items():
            for stat, found in _replicates(x, w, valid, counts).items():
                draws[name][stat].append(found)
    low, high = (1 - ci) / 2, (1 + ci) / 2
    out: dict[str, dict[str, tuple[float | None, float | None]]] = {}
    for name, by_stat in draws.items():
        out[name] = {}
        for stat, found in by_stat.items():
            every = numpy.concatenate(found)
            every = every[~numpy.isnan(every)]
            if len(every):
                bounds = numpy.quantile(every, [low, high], method="inverted_cdf")
                out[name][stat] = (float(bounds[0]), float(bounds[1]))
            else:
                out[name][stat] = (None, None)
    return out


def _result(
    frame: DataFrame, groups: list[str], rows: list[dict[str, Any]], names: list[str]
) -> DataFrame:
    pl = polars()
    schema: dict[str, Any] = {g: frame.schema[g] for g in groups}
    schema["n"] = pl.Int64
    schema |= dict.fromkeys(names, pl.Float64)
    if not rows:
        empty: DataFrame = pl.DataFrame(schema=schema)
        return empty
    result: DataFrame = pl.DataFrame(
        [[row.get(c) for c in schema] for row in rows], schema=schema, orient="row"
    )
    return result
