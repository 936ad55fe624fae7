"""Parsing's fast paths give the same networks and the same errors as the definitions.

A document's ties are read in one pass when they are plain pairs (JSON arrays, or a
tuple of plain ties), and tie by tie otherwise; in Python a list of ties always goes
tie by tie. A day is checked by pydantic-core in JSON, and by `parse_day` in Python
and in strict mode. Each fast path is compared here with its definition.
"""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from grace_support import Relationship, SupportNetwork, SupportType, Tie, parse_day
from grace_support.network import _canonical_support_types, _PairsToCheck
from tests.property.strategies import networks

IDS = ["a", "b", "c", "ego", "zed", "A", "a b", ""]
"""People a, b and c, the ego, someone not in the network, and ids of a wrong shape."""

plain_items = st.lists(st.sampled_from(IDS), min_size=2, max_size=2)
tie_items = st.one_of(
    plain_items,
    plain_items,  # plain pairs most of the time, so whole lists take the fast path often
    st.lists(st.sampled_from(IDS), max_size=3),
    st.builds(
        lambda pair, weight: {"between": pair, "weight": weight},
        plain_items,
        st.sampled_from([1, 1.0, 2.5, -1, 0]),
    ),
    st.builds(lambda pair: {"between": pair}, plain_items),
    st.sampled_from([None, 5, "a", ["a", 5], [["a"], "b"], {"pair": ["a", "b"]}]),
)


def _document(ties: object, **relationship: object) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "ego": {"id": "ego"},
        "people": [{"id": p} for p in "abc"],
        "relationships": [{"person": "a", **relationship}, {"person": "b"}, {"person": "c"}],
        "ties": ties,
    }


def _outcome(read: Any) -> tuple[str, Any]:
    """The network (its document, and each tie's type), or the errors without inputs."""
    try:
        network = read()
    except ValidationError as error:
        return "errors", error.errors(include_url=False, include_input=False)
    return "network", (network.to_document(), [type(t) for t in network.ties])


@settings(max_examples=300)
@given(st.lists(tie_items, max_size=6))
def test_ties_in_one_pass_equal_ties_one_by_one(ties: list[object]) -> None:
    document = _document(ties)
    one_by_one = _outcome(lambda: SupportNetwork.model_validate(document))  # a Python list
    from_json = _outcome(lambda: SupportNetwork.model_validate_json(json.dumps(document)))
    as_tuple = _outcome(lambda: SupportNetwork.model_validate(document | {"ties": tuple(ties)}))
    assert from_json == one_by_one
    assert as_tuple == one_by_one


@settings(max_examples=50)
@given(st.lists(tie_items, max_size=6))
def test_strict_json_reads_ties_as_lax_json_does(ties: list[object]) -> None:
    text = json.dumps(_document(ties))
    lax = _outcome(lambda: SupportNetwork.model_validate_json(text))
    strict = _outcome(lambda: SupportNetwork.model_validate_json(text, strict=True))
    assert strict == lax


def test_a_list_of_ties_in_strict_python_is_still_refused() -> None:
    document = _document([["a", "b"]]) | {"people": (), "relationships": ()}
    with pytest.raises(ValidationError) as caught:
        SupportNetwork.model_validate(document, strict=True)
    assert [e["loc"] for e in caught.value.errors()] == [("ties",)]


@settings(max_examples=100)
@given(networks())
def test_changing_a_network_keeps_its_ties(network: SupportNetwork) -> None:
    again = SupportNetwork.model_validate(dict(network))  # a tuple of ties: the fast pass
    assert again == network
    assert again.ties == network.ties
    assert [type(t) for t in again.ties] == [type(t) for t in network.ties]
    assert [t.weight for t in again.ties] == [t.weight for t in network.ties]
    assert SupportNetwork.model_validate_json(network.to_json()) == network


def test_fast_ties_are_plain_sorted_and_behave_as_ties() -> None:
    network = SupportNetwork.model_validate_json(
        json.dumps(_document([["c", "a"], ["b", "a"], ["c", "b"]]))
    )
    assert network.ties == (("a", "b"), ("a", "c"), ("b", "c"))
    assert all(type(t) is Tie and t.is_plain for t in network.ties)
    assert pickle.loads(pickle.dumps(network)) == network
    assert copy.deepcopy(network) == network
    assert pickle.loads(pickle.dumps(network.ties[0])) == ("a", "b")
    assert not any(type(value) is _PairsToCheck for value in dict(network).values())


@pytest.mark.parametrize(
    ("ties", "where", "message"),
    [
        ([["a", "zed"]], ("ties", 0, 1), "names no one in people"),
        ([["b", "a"], ["ego", "c"]], ("ties", 1, 0), "names the ego"),
        ([["a", "a"]], ("ties", 0), "joins a person to themselves"),
        ([["a", "b"], ["c", "a"], ["b", "a"]], ("ties", 2), "repeats ties[0]"),
        ([["a", "b"], {"between": ["zed", "a"]}], ("ties", 1, "between", 0), "names no one"),
    ],
)
def test_broken_rules_are_named_where_the_document_has_them(
    ties: list[object], where: tuple[object, ...], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        SupportNetwork.model_validate_json(json.dumps(_document(ties)))
    (error,) = caught.value.errors()
    assert error["loc"] == where
    assert message in error["msg"]


day_texts = st.one_of(
    st.dates().map(date.isoformat),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.text(alphabet="0123456789-T: Z\n", max_size=20),
    st.text(max_size=12),
)


@settings(max_examples=300)
@given(st.one_of(day_texts, st.integers(), st.booleans(), st.lists(st.integers(), max_size=2)))
def test_days_in_json_are_read_as_parse_day_reads_them(value: object) -> None:
    text = json.dumps({"person": "a", "last_contact": value})
    try:
        expected: object = parse_day(value)
    except ValueError as error:
        expected = ("date_format", str(error))
    for strict in (False, True):
        try:
            found: object = Relationship.model_validate_json(text, strict=strict).last_contact
        except ValidationError as error:
            ((kind, message),) = [(e["type"], e["msg"]) for e in error.errors()]
            found = (kind, message)
        assert found == expected


def test_days_in_python_keep_parse_days_words() -> None:
    from datetime import datetime

    with pytest.raises(ValidationError, match="not a date and time"):
        Relationship(person="a", last_contact=datetime(2026, 1, 1))
    assert Relationship(person="a", last_contact="2026-01-02").last_contact == date(2026, 1, 2)  # type: ignore[arg-type]


def _canonical_by_definition(values: tuple[SupportType, ...]) -> tuple[SupportType, ...] | str:
    if len(set(values)) != len(values):
        return "repeat"
    return tuple(sorted(values, key=list(SupportType).index))


@given(st.lists(st.sampled_from(SupportType), max_size=6).map(tuple))
def test_support_types_in_order_as_defined(values: tuple[SupportType, ...]) -> None:
    expected = _canonical_by_definition(values)
    try:
        found: object = _canonical_support_types(values)
    except ValueError:  # PydanticCustomError
        found = "repeat"
    assert found == expected
    if found == values:
        assert found is values
