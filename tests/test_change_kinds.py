"""Change types (Small, Pamphile and McMahan 2015), turnover and stability."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given

from grace_support.change import ChangeType, change_row, change_type, compare
from tests.helpers import net, rel
from tests.property.strategies import network_pairs

if TYPE_CHECKING:
    from grace_support import SupportNetwork

DAYS = ("2026-08-01", "2026-11-01")


def _wave(*people: str) -> SupportNetwork:
    return net(*(rel(p) for p in people))


@pytest.mark.parametrize(
    ("before", "after", "kind", "turnover", "stability"),
    [
        # kept 2 of 2, union 2: turnover 0, stability 1
        pytest.param(("a", "b"), ("a", "b"), ChangeType.STASIS, 0.0, 1.0, id="stasis"),
        # kept 2, union 3: turnover 1 - 2/3; stability 2/2
        pytest.param(("a", "b"), ("a", "b", "c"), ChangeType.EXPANSION, 1 / 3, 1.0, id="expansion"),
        # kept 1, union 2: turnover 1/2; stability 1/2
        pytest.param(("a", "b"), ("a",), ChangeType.SHEDDING, 0.5, 0.5, id="shedding"),
        # kept 1, union 3: turnover 2/3; stability 1/2
        pytest.param(
            ("a", "b"), ("a", "c"), ChangeType.SUBSTITUTION, 2 / 3, 0.5, id="substitution"
        ),
        # nobody either time: stasis; turnover and stability undefined
        pytest.param((), (), ChangeType.STASIS, None, None, id="both-empty"),
        # nobody before: expansion; turnover 1; stability undefined (0/0)
        pytest.param((), ("a",), ChangeType.EXPANSION, 1.0, None, id="from-empty"),
        # everyone replaced: substitution, turnover 1, stability 0
        pytest.param(("a",), ("b",), ChangeType.SUBSTITUTION, 1.0, 0.0, id="all-replaced"),
    ],
)
def test_change_type_turnover_and_stability(
    before: tuple[str, ...],
    after: tuple[str, ...],
    kind: ChangeType,
    turnover: float | None,
    stability: float | None,
) -> None:
    change = compare(_wave(*before), _wave(*after), as_of=DAYS)
    assert change.change_type is kind
    assert change.turnover == (None if turnover is None else pytest.approx(turnover, abs=1e-15))
    assert change.stability == (None if stability is None else pytest.approx(stability, abs=1e-15))
    row = change_row(change)
    assert (row["change_type"], row["turnover"], row["stability"]) == (
        kind.value,
        change.turnover,
        change.stability,
    )
    assert row["generator_changed"] is False


@given(network_pairs())
def test_the_kinds_follow_gained_and_lost(pair: tuple[SupportNetwork, SupportNetwork]) -> None:
    change = compare(*pair, as_of=DAYS)
    assert change.change_type is change_type(len(change.gained), len(change.lost))
    if change.alter_jaccard is None:
        assert change.turnover is None
    else:
        assert change.turnover == 1 - change.alter_jaccard
    before = len(pair[0].people)
    assert change.stability == (len(change.kept) / before if before else None)


def test_the_change_document_carries_the_kind() -> None:
    change = compare(_wave("a"), _wave("b"), as_of=DAYS)
    data = change.model_dump(mode="json")
    assert (data["change_type"], data["turnover"], data["stability"]) == ("substitution", 1.0, 0.0)
    assert data["generator_changed"] is False
