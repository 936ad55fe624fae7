"""Invariants of compare and change_table for any two interviews of one ego."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from grace_support import Person, Relationship, SupportNetwork, Tie, assess
from grace_support.change import AlterChange, NetworkChange, change_table, compare
from tests.property.strategies import network_pairs, networks

DAYS = ("2026-08-01", "2026-11-01")
SAME_DAY = ("2026-11-01", "2026-11-01")


@given(networks())
def test_a_network_compared_with_itself_is_an_empty_change(network: SupportNetwork) -> None:
    change = compare(network, network, as_of=SAME_DAY)
    assert change.is_empty
    assert change.kept == tuple(sorted(p.id for p in network.people))
    assert (change.gained, change.lost, change.alter_changes) == ((), (), ())
    assert (change.closer, change.further) == (0, 0)
    assert (change.ties_gained, change.ties_lost) == ((), ())
    assert change.alter_jaccard == (1.0 if network.people else None)
    assert change.tie_jaccard == (1.0 if network.ties else None)
    assert change.findings_persisting == assess(network, as_of=SAME_DAY[1]).findings
    assert all(m.delta in (0, None) for m in change.measures.values())


def _reversed(entry: AlterChange) -> AlterChange:
    flipped = {
        name: (pair[1], pair[0])
        for name in ("role", "closeness", "contact", "strain")
        if (pair := getattr(entry, name)) is not None
    }
    return AlterChange(
        person=entry.person,
        supports_gained=entry.supports_lost,
        supports_lost=entry.supports_gained,
        gives_gained=entry.gives_lost,
        gives_lost=entry.gives_gained,
        **flipped,
    )


@given(network_pairs())
def test_swapping_before_and_after_swaps_the_change(
    pair: tuple[SupportNetwork, SupportNetwork],
) -> None:
    before, after = pair
    forward = compare(before, after, as_of=DAYS)
    backward = compare(after, before, as_of=(DAYS[1], DAYS[0]))
    assert forward.kept == backward.kept
    assert (forward.gained, forward.lost) == (backward.lost, backward.gained)
    assert (forward.closer, forward.further) == (backward.further, backward.closer)
    assert (forward.ties_gained, forward.ties_lost) == (backward.ties_lost, backward.ties_gained)
    assert forward.support_types_gained == backward.support_types_lost
    assert forward.support_types_lost == backward.support_types_gained
    assert forward.findings_resolved == backward.findings_new
    assert forward.findings_new == backward.findings_resolved
    assert forward.alter_changes == tuple(_reversed(c) for c in backward.alter_changes)
    assert forward.alter_jaccard == backward.alter_jaccard
    assert forward.tie_jaccard == backward.tie_jaccard
    for name, measure in forward.measures.items():
        other = backward.measures[name]
        assert (measure.before, measure.after) == (other.after, other.before)
        assert measure.delta == (None if other.delta is None else -other.delta)


@given(network_pairs())
def test_counts_add_up(pair: tuple[SupportNetwork, SupportNetwork]) -> None:
    before, after = pair
    change = compare(before, after, as_of=DAYS)
    assert len(change.kept) + len(change.lost) == len(before.people)
    assert len(change.kept) + len(change.gained) == len(after.people)
    assert change.closer + change.further <= len(change.kept)
    for value in (change.alter_jaccard, change.tie_jaccard):
        assert value is None or 0 <= value <= 1
    assert NetworkChange.model_validate(change.model_dump(mode="json")) == change


@given(network_pairs(), st.data())
def test_renaming_with_a_match_gives_the_same_change(
    pair: tuple[SupportNetwork, SupportNetwork], data: st.DataObject
) -> None:
    before, after = pair
    rename = {p.id: f"new-{p.id}" for p in after.people}
    renamed = SupportNetwork.build(
        after.ego,
        [
            (
                Person(id=rename[p.id], name=p.name),
                Relationship.model_validate(r.model_dump() | {"person": rename[p.id]}),
            )
            for p, r in after.alters
        ],
        ties=[Tie(rename[t[0]], rename[t[1]], weight=t.weight) for t in after.ties],
        needs=after.needs,
    )
    kept = {p.id for p in before.people} & set(rename)
    match = {pid: rename[pid] for pid in kept}
    plain = compare(before, after, as_of=DAYS)
    matched = compare(before, renamed, match=match, as_of=DAYS)
    assert matched.kept == tuple(sorted(rename[pid] for pid in plain.kept))
    assert matched.lost == plain.lost
    assert (matched.closer, matched.further) == (plain.closer, plain.further)
    assert matched.alter_jaccard == plain.alter_jaccard
    assert matched.tie_jaccard == plain.tie_jaccard
    assert len(matched.findings_new) == len(plain.findings_new)
    assert len(matched.findings_resolved) == len(plain.findings_resolved)
    assert matched.measures == plain.measures


def _same(a: object, b: object) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return a == b


@given(st.lists(network_pairs(max_people=5), max_size=4, unique_by=lambda p: p[0].ego.id))
def test_change_table_equals_compare_per_ego(
    pairs: list[tuple[SupportNetwork, SupportNetwork]],
) -> None:
    table = change_table([b for b, _ in pairs], [a for _, a in reversed(pairs)], as_of=DAYS)
    expected = sorted(pairs, key=lambda p: p[0].ego.id)
    assert list(table["ego_id"]) == [b.ego.id for b, _ in expected]
    for row, (before, after) in zip(table.to_dict(orient="records"), expected, strict=True):
        change = compare(before, after, as_of=DAYS)
        assert row["kept"] == len(change.kept)
        assert row["gained"] == len(change.gained)
        assert row["lost"] == len(change.lost)
        assert row["alter_changes"] == len(change.alter_changes)
        assert (row["closer"], row["further"]) == (change.closer, change.further)
        assert row["ties_gained"] == len(change.ties_gained)
        assert row["ties_lost"] == len(change.ties_lost)
        assert row["support_types_gained"] == len(change.support_types_gained)
        assert row["support_types_lost"] == len(change.support_types_lost)
        assert _same(row["alter_jaccard"], change.alter_jaccard)
        assert _same(row["tie_jaccard"], change.tie_jaccard)
        coverage = change.measures["support_types_covered"]
        assert (row["coverage_before"], row["coverage_after"]) == (coverage.before, coverage.after)
        for name, measure in change.measures.items():
            assert _same(row[f"delta_{name}"], measure.delta)
        assert row["findings_resolved"] == len(change.findings_resolved)
        assert row["findings_new"] == len(change.findings_new)
        assert row["findings_persisting"] == len(change.findings_persisting)
