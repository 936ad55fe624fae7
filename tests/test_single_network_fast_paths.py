"""The single-network fast paths give the same results and the same errors as the definitions."""

from __future__ import annotations

import inspect
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from grace_support import Person, Relationship, Settings, SupportNetwork, Tie
from grace_support import measures as m
from grace_support.assessment import Measures, compute_measures
from grace_support.network import (
    _check_ids,
    _check_relationships,
    _check_ties,
    _Problems,
    _references_hold,
)
from tests.property.strategies import networks, settings_strategy, v3_networks


def _by_definition(
    network: SupportNetwork, as_of: date | None = None, chosen: Settings | None = None
) -> Measures:
    def value(name: str) -> Any:
        function = getattr(m, name)
        if "as_of" in inspect.signature(function).parameters:
            return function(network, as_of=as_of, settings=chosen)
        return function(network)

    values = {
        name: value(name)
        for name in Measures.model_fields
        if name not in ("support_counts", "role_counts", "support_given_counts")
    }
    for name in ("support_counts", "role_counts", "support_given_counts"):
        values[name] = {str(k): n for k, n in value(name).items()}
    return Measures.model_validate(values)


@settings(max_examples=200)
@given(networks())
def test_compute_measures_in_one_pass_equals_each_measure(network: SupportNetwork) -> None:
    fast, slow = compute_measures(network), _by_definition(network)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    for name in Measures.model_fields:
        assert type(getattr(fast, name)) is type(getattr(slow, name)), name


@settings(max_examples=300)
@given(v3_networks(), st.dates(date(2026, 8, 1), date(2027, 12, 31)), settings_strategy)
def test_compute_measures_equals_each_measure_on_v3_networks(
    network: SupportNetwork, as_of: date, chosen: Settings
) -> None:
    # fields not recorded, kinds asked, stale last contacts, custom dormant_after_days
    fast = compute_measures(network, as_of=as_of, settings=chosen)
    slow = _by_definition(network, as_of, chosen)
    assert fast == slow
    for name in Measures.model_fields:
        assert type(getattr(fast, name)) is type(getattr(slow, name)), name


few_ids = st.sampled_from(["a", "b", "c", "ego"])


@settings(max_examples=200)
@given(
    people=st.lists(few_ids, max_size=4),
    owners=st.lists(few_ids, max_size=4),
    ties=st.lists(st.tuples(few_ids, few_ids), max_size=4),
)
def test_the_set_check_agrees_with_the_loops(
    people: list[str], owners: list[str], ties: list[tuple[str, str]]
) -> None:
    network = SupportNetwork.model_construct(
        ego=Person(id="ego"),
        people=tuple(Person(id=p) for p in people),
        relationships=tuple(Relationship(person=p) for p in owners),
        ties=tuple(Tie(a, b) for a, b in ties),
    )
    problems = _Problems()
    index = _check_ids(network, problems)
    _check_relationships(network, index, problems)
    _check_ties(network, index, problems)
    assert _references_hold(network) == (not problems.errors)


def test_plain_and_weighted_ties_are_read_as_before() -> None:
    document = {
        "ego": {"id": "e"},
        "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "relationships": [{"person": p} for p in "abc"],
        "ties": [["b", "a"], ["a", "c"]],
    }
    network = SupportNetwork.model_validate(document)
    assert network.ties == (("a", "b"), ("a", "c"))
    assert all(type(t) is Tie and t.is_plain for t in network.ties)
    mixed = document | {"ties": [["b", "a"], {"between": ["a", "c"], "weight": 2}]}
    assert SupportNetwork.model_validate(mixed).tie("a", "c").weight == 2.0
