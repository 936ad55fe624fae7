"""What `cohort.measure` must equal: `assess`, network by network."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest

from grace_support import AsOfError, FindingCode, assess
from grace_support.cohort import OUTPUT_COLUMNS
from grace_support.network import parse_day

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from datetime import date

    import polars as pl

    from grace_support import Settings, SupportNetwork

TYPES = ("emotional", "practical", "informational", "peer")


def expected_rows(
    networks: Iterable[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """One row per network, built from `assess` (the definition), in cohort column names."""
    rows = []
    for network in networks:
        result = assess(network, as_of=as_of, settings=settings)
        row: dict[str, Any] = {"ego_id": network.ego.id}
        for name, value in result.measures.model_dump(mode="json").items():
            if name == "support_counts":
                row |= {f"support_count_{k}": v for k, v in value.items()}
            elif name == "role_counts":
                row |= {f"role_count_{k}": v for k, v in value.items()}
            elif name == "support_given_counts":
                row |= {f"support_given_count_{k}": v for k, v in value.items()}
            elif name in ("missing_support_types", "single_provider_types"):
                prefix = "missing_support" if name.startswith("missing") else "single_provider"
                row |= {f"{prefix}_{t}": t in value for t in TYPES}
            else:
                row[name] = value
        row["findings"] = len(result.findings)
        counts = Counter(f.code for f in result.findings)
        for code in FindingCode:
            row[f"finding_count_{code.value.replace('-', '_')}"] = counts[code]
        rows.append(row)
    return rows


def assert_same(frame: pl.DataFrame, expected: list[dict[str, Any]]) -> None:
    """Every cell equal: ints and bools exactly, floats to 1e-12, None as null."""
    assert tuple(frame.columns) == OUTPUT_COLUMNS
    assert frame.height == len(expected)
    for got, want in zip(frame.iter_rows(named=True), expected, strict=True):
        assert set(want) == set(got), set(want) ^ set(got)
        for column, value in want.items():
            actual = got[column]
            if isinstance(value, float) and not isinstance(value, bool):
                assert isinstance(actual, float), (column, actual, value)
                assert math.isclose(actual, value, rel_tol=1e-12, abs_tol=1e-12), (
                    column,
                    actual,
                    value,
                )
            else:
                assert actual == value, (got["ego_id"], column, actual, value)
                assert type(actual) is type(value), (column, type(actual), type(value))


def too_early(networks: Iterable[SupportNetwork], as_of: date | str | None) -> bool:
    """Whether `as_of` comes before a day recorded in any of the networks."""
    if as_of is None:
        return False
    day = parse_day(as_of)
    return any(
        (n.collected_on is not None and n.collected_on > day)
        or any(r.last_contact is not None and r.last_contact > day for r in n.relationships)
        for n in networks
    )


def assert_measured_like_assess(
    run: Callable[[], pl.DataFrame],
    networks: list[SupportNetwork],
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> None:
    """`run()` gives what `assess` gives, or refuses an early `as_of` as `assess` does."""
    if too_early(networks, as_of):
        with pytest.raises(AsOfError):
            expected_rows(networks, as_of=as_of, settings=settings)
        with pytest.raises(AsOfError) as refused:
            run()
        assert all(p.message == "is later than as_of" for p in refused.value.problems)
        return
    assert_same(run(), expected_rows(networks, as_of=as_of, settings=settings))
