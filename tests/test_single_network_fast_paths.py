"""The single-network fast paths give the same results and the same errors as the definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from grace_support import Person, Relationship, SupportNetwork, Tie
from grace_support import measures as m
from grace_support.assessment import Measures, compute_measures
from grace_support.network import (
    _check_ids,
    _check_relationships,
    _check_ties,
    _Problems,
    _references_hold,
)
from tests.property.strategies import networks


def _by_definition(network: SupportNetwork) -> Measures:
    values = {
        name: getattr(m, name)(network)
        for name in Measures.model_fields
        if name not in ("support_counts", "role_counts", "support_given_counts")
    }
    values["support_counts"] = {str(k): n for k, n in m.support_counts(network).items()}
    values["role_counts"] = {str(k): n for k, n in m.role_counts(network).items()}
    values["support_given_counts"] = {str(k): n for k, n in m.support_given_counts(network).items()}
    return Measures.model_validate(values)


@settings(max_examples=200)
@given(networks())
def test_compute_measures_in_one_pass_equals_each_measure(network: SupportNetwork) -> None:
    fast, slow = compute_measures(network), _by_definition(network)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
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
