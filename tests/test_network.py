"""The network document: every rule, canonical form, builders and lookups."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from grace_support import (
    Attributes,
    Closeness,
    Contact,
    DocumentError,
    Person,
    Relationship,
    Role,
    RoleCategory,
    SupportNetwork,
    SupportType,
    UnknownPersonError,
    network_from_data,
    parse_network,
)
from tests.helpers import document, net, rel

SECRET = "Zelda Quux-Secret"


def people(*ids: str) -> list[dict[str, str]]:
    return [{"id": pid, "name": SECRET} for pid in ids]


def relationships(*ids: str, **fields: Any) -> list[dict[str, Any]]:
    return [{"person": pid, "role": "friend", "closeness": "inner", **fields} for pid in ids]


VALID = [
    pytest.param(document(), id="contract-example"),
    pytest.param({"ego": {"id": "sam"}}, id="ego-only"),
    pytest.param(document(needs=[]), id="no-needs"),
    pytest.param(document(needs=["peer"]), id="narrow-needs"),
    pytest.param(document(ties=[]), id="no-ties"),
    pytest.param(
        {"ego": {"id": "a.b_c-1"}, "people": people("x"), "relationships": relationships("x")},
        id="id-characters",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("x"),
            "relationships": relationships("x", contact=None, last_contact=None, supports=[]),
        },
        id="explicit-nulls-and-no-support",
    ),
]


@pytest.mark.parametrize("data", VALID)
def test_valid_documents_are_accepted(data: dict[str, Any]) -> None:
    network = network_from_data(data)
    assert network.schema_version == 3
    assert network_from_data(json.loads(network.to_json())) == network


INVALID = [
    # (document, location, message fragment)
    pytest.param(
        {"schema_version": 4, "ego": {"id": "e"}},
        "schema_version",
        "reads schema_version 1, 2 or 3",
        id="future-version",
    ),
    pytest.param(
        {"schema_version": "1", "ego": {"id": "e"}},
        "schema_version",
        "reads schema_version 1",
        id="version-as-string",
    ),
    pytest.param(
        {"schema_version": True, "ego": {"id": "e"}},
        "schema_version",
        "reads schema_version 1",
        id="version-as-bool",
    ),
    pytest.param({}, "ego", "Field required", id="no-ego"),
    pytest.param({"ego": {"id": ""}}, "ego.id", "at least 1 character", id="empty-id"),
    pytest.param({"ego": {"id": "has space"}}, "ego.id", "pattern", id="bad-id-characters"),
    pytest.param(
        {"ego": {"id": "e", "nmae": SECRET}},
        "ego, unknown field 2",
        "Extra inputs",
        id="unknown-field-person",
    ),
    pytest.param(
        {"ego": {"id": "e"}, "extra": 1}, "unknown field 2", "Extra inputs", id="unknown-field-top"
    ),
    pytest.param(
        document(needs=["peer", "peer"]), "needs", "lists peer more than once", id="duplicate-need"
    ),
    pytest.param(document(needs=["hugs"]), "needs[0]", "Input should be", id="unknown-need"),
    pytest.param(
        {"ego": {"id": "e"}, "people": people("a", "a"), "relationships": relationships("a")},
        "people[1].id",
        "already the id of people[0]",
        id="duplicate-person",
    ),
    pytest.param(
        {"ego": {"id": "e"}, "people": people("e")},
        "people[0].id",
        "the ego's id",
        id="person-is-ego",
    ),
    pytest.param(
        {"ego": {"id": "e"}, "people": people("a")},
        "people[0]",
        "has no relationship",
        id="person-without-relationship",
    ),
    pytest.param(
        {"ego": {"id": "e"}, "people": people("a"), "relationships": relationships("a", "b")},
        "relationships[1].person",
        "names no one in people",
        id="relationship-to-unknown",
    ),
    pytest.param(
        {"ego": {"id": "e"}, "people": people("a"), "relationships": relationships("a", "e")},
        "relationships[1].person",
        "names the ego",
        id="relationship-to-ego",
    ),
    pytest.param(
        {"ego": {"id": "e"}, "people": people("a"), "relationships": relationships("a", "a")},
        "relationships[1].person",
        "already has relationships[0]",
        id="two-relationships",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", role="pal"),
        },
        "relationships[0].role",
        "Input should be",
        id="unknown-role",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", supports=["hugs"]),
        },
        "relationships[0].supports[0]",
        "Input should be",
        id="unknown-support",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", supports=["peer", "peer"]),
        },
        "relationships[0].supports",
        "more than once",
        id="duplicate-support",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", closeness="close"),
        },
        "relationships[0].closeness",
        "Input should be",
        id="unknown-closeness",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", contact="hourly"),
        },
        "relationships[0].contact",
        "Input should be",
        id="unknown-contact",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", strain="extreme"),
        },
        "relationships[0].strain",
        "Input should be",
        id="unknown-strain",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", last_contact="2026-02-30"),
        },
        "relationships[0].last_contact",
        "not a real calendar day",
        id="impossible-date",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", last_contact="30/10/2026"),
        },
        "relationships[0].last_contact",
        "YYYY-MM-DD",
        id="date-format",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", last_contact="2026-10-30T10:00:00"),
        },
        "relationships[0].last_contact",
        "YYYY-MM-DD",
        id="datetime-not-date",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a"),
            "relationships": relationships("a", last_contact=1700000000),
        },
        "relationships[0].last_contact",
        "YYYY-MM-DD",
        id="timestamp-not-date",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a", "b"),
            "relationships": relationships("a", "b"),
            "ties": [["a", "a"]],
        },
        "ties[0]",
        "to themselves",
        id="self-tie",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a", "b"),
            "relationships": relationships("a", "b"),
            "ties": [["a", "b"], ["b", "a"]],
        },
        "ties[1]",
        "repeats ties[0]",
        id="duplicate-tie-reversed",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a", "b"),
            "relationships": relationships("a", "b"),
            "ties": [["a", "z"]],
        },
        "ties[0][1]",
        "names no one in people",
        id="tie-to-unknown",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a", "b"),
            "relationships": relationships("a", "b"),
            "ties": [["e", "a"]],
        },
        "ties[0][0]",
        "names the ego",
        id="tie-to-ego",
    ),
    pytest.param(
        {
            "ego": {"id": "e"},
            "people": people("a", "b"),
            "relationships": relationships("a", "b"),
            "ties": [["a", "b", "c"]],
        },
        "ties[0]",
        "Tuple should have at most 2 items",
        id="tie-of-three",
    ),
    pytest.param([], "(document)", "valid dictionary", id="not-an-object"),
]


@pytest.mark.parametrize(("data", "location", "fragment"), INVALID)
def test_invalid_documents_name_the_place(data: Any, location: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as caught:
        network_from_data(data, source="net.json")
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.source == "net.json"
    assert [p.location for p in error.problems] == [location]
    assert fragment in error.problems[0].message
    assert str(error).startswith("net.json is not a valid document (1 problem):")
    assert SECRET not in str(error)


def test_every_problem_is_reported_at_once() -> None:
    data = {
        "ego": {"id": "e", "name": SECRET},
        "people": people("a", "b", "a"),
        "relationships": relationships("a", "zz"),
        "ties": [["a", "a"], ["e", "b"]],
    }
    with pytest.raises(DocumentError) as caught:
        network_from_data(data)
    assert [p.location for p in caught.value.problems] == [
        "people[2].id",
        "relationships[1].person",
        "people[1]",
        "ties[0]",
        "ties[1][0]",
    ]
    assert "(5 problems)" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_json_that_is_not_an_object() -> None:
    with pytest.raises(DocumentError) as caught:
        parse_network("[]")
    assert [str(p) for p in caught.value.problems] == ["(document): Input should be an object"]


def test_invalid_json_text() -> None:
    with pytest.raises(DocumentError) as caught:
        parse_network('{"ego": ', source="x.json")
    assert caught.value.problems[0].location == "(document)"
    assert "Invalid JSON" in caught.value.problems[0].message


def test_errors_from_models_hide_input() -> None:
    with pytest.raises(ValidationError) as caught:
        Person(id="bad id", name=SECRET)
    assert SECRET not in str(caught.value)
    assert "bad id" not in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        Relationship.model_validate({"person": "a", "role": SECRET, "closeness": "inner"})
    assert SECRET not in str(caught.value)


def test_names_stay_out_of_repr() -> None:
    network = network_from_data(
        {
            "ego": {"id": "e", "name": SECRET},
            "people": people("a"),
            "relationships": relationships("a"),
        }
    )
    assert SECRET not in repr(network)
    assert SECRET not in str(network)
    assert SECRET not in repr(network.people[0])
    assert repr(network) == "SupportNetwork(ego='e', people=1, ties=0)"


def test_round_trip_is_identity_and_writes_contract_field_names() -> None:
    network = network_from_data(document())
    written = json.loads(network.to_json())
    assert list(written) == ["schema_version", "ego", "needs", "people", "relationships", "ties"]
    assert list(written["relationships"][0]) == [
        "person",
        "role",
        "supports",
        "gives",
        "closeness",
        "contact",
        "last_contact",
        "strain",
    ]
    # optional fields that are not set are left out, not written as null
    assert "last_contact" not in written["relationships"][1]
    assert parse_network(network.to_json()) == network
    assert parse_network(network.to_json(indent=None)).to_json() == network.to_json()


def test_canonical_form() -> None:
    network = network_from_data(document(needs=["peer", "emotional"], ties=[["dr-lee", "ana"]]))
    assert network.needs == (SupportType.EMOTIONAL, SupportType.PEER)
    assert network.relationships[1].supports == (SupportType.EMOTIONAL, SupportType.INFORMATIONAL)
    assert network.ties == (("ana", "dr-lee"),)
    assert network == network_from_data(document(needs=["emotional", "peer"]))
    assert hash(network) == hash(network_from_data(document(needs=["emotional", "peer"])))


def test_models_are_frozen() -> None:
    network = network_from_data(document())
    with pytest.raises(ValidationError):
        network.ego = Person(id="x")  # type: ignore[misc]
    with pytest.raises(ValidationError):
        network.relationships[0].strain = "high"  # type: ignore[misc,assignment]


def test_default_needs_and_version() -> None:
    network = SupportNetwork(ego=Person(id="e"))
    assert network.needs == tuple(SupportType)
    assert network.schema_version == 3


def test_builders_return_new_validated_networks() -> None:
    base = net(rel("a", supports=["emotional"]))
    grown = base.with_person(Person(id="b", name="Bo"), rel("b", role="sibling"))
    assert [p.id for p in grown.people] == ["a", "b"]
    assert [p.id for p in base.people] == ["a"]
    tied = grown.with_tie("b", "a")
    assert tied.ties == (("a", "b"),)
    smaller = tied.without_person("a")
    assert [p.id for p in smaller.people] == ["b"]
    assert smaller.ties == ()
    with pytest.raises(ValidationError, match=r"relationships\.1\.person"):
        base.with_person("c", rel("zz"))
    with pytest.raises(ValidationError, match=r"ties\.0"):
        grown.with_tie("a", "a")
    with pytest.raises(UnknownPersonError):
        base.without_person("nobody")
    with pytest.raises(UnknownPersonError):
        base.without_person("ego")


def test_lookups() -> None:
    network = net(
        rel("a", role="sibling", supports=["emotional"]),
        rel("b", role="therapist", supports=["emotional", "informational"]),
        rel("c", role="parent", supports=["emotional"], contact="lost_touch"),
    )
    assert network.person("a").id == "a"
    assert network.person("ego") == network.ego
    assert network.relationship("b").role is Role.THERAPIST
    assert [r.person for r in network.relationships_of(RoleCategory.FAMILY)] == ["a", "c"]
    assert [r.person for r in network.relationships_of(Role.THERAPIST)] == ["b"]
    assert [r.person for r in network.providers(SupportType.EMOTIONAL)] == ["a", "b"]
    assert [r.person for r in network.providers(SupportType.EMOTIONAL, include_dormant=True)] == [
        "a",
        "b",
        "c",
    ]
    assert [r.person for r in network.active_relationships] == ["a", "b"]
    stale = net(rel("a", supports=["emotional"], last_contact="2026-01-01"))
    assert stale.providers(SupportType.EMOTIONAL, as_of="2026-02-01") != ()
    assert stale.providers(SupportType.EMOTIONAL, as_of="2026-06-01") == ()  # not in touch
    assert stale.providers(SupportType.EMOTIONAL, as_of="2026-06-01", include_dormant=True) != ()
    assert [(p.id, r.person) for p, r in network.alters] == [("a", "a"), ("b", "b"), ("c", "c")]
    assert network.relationship("c").contact is Contact.LOST_TOUCH
    assert network.relationship("a").provides(SupportType.EMOTIONAL)
    assert not network.relationship("a").provides(SupportType.PEER)


def test_is_active_and_is_dormant_look_at_contact_alone() -> None:
    # Deprecated in favour of in_touch (issue 19): they ignore last_contact.
    stale = Relationship(person="a", contact=Contact.WEEKLY, last_contact=date(2020, 1, 1))
    lost = Relationship(person="b", contact=Contact.LOST_TOUCH)
    for name, stale_value, lost_value in (("is_active", True, False), ("is_dormant", False, True)):
        with pytest.warns(DeprecationWarning, match=rf"Relationship\.{name} is deprecated since"):
            assert getattr(stale, name) is stale_value
        with pytest.warns(DeprecationWarning, match="in_touch"):
            assert getattr(lost, name) is lost_value


def test_unknown_person_lookup_does_not_echo_the_id() -> None:
    network = net(rel("a"))
    with pytest.raises(UnknownPersonError) as caught:
        network.person(SECRET)
    assert isinstance(caught.value, KeyError)
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value)
    with pytest.raises(UnknownPersonError):
        network.relationship("ego")


def test_build_accepts_plain_ids_and_python_values() -> None:
    network = SupportNetwork.build(
        "sam",
        [
            (
                "jo",
                Relationship(
                    person="jo",
                    role=Role.SIBLING,
                    closeness=Closeness.INNER,
                    last_contact=date(2026, 1, 2),
                ),
            )
        ],
        needs=[SupportType.PEER],
    )
    assert network.ego == Person(id="sam")
    assert network.needs == (SupportType.PEER,)
    assert network.relationship("jo").last_contact == date(2026, 1, 2)


def test_person_label() -> None:
    assert Person(id="p").label == "p"
    assert Person(id="p", name="Pat").label == "Pat"


def test_attributes_round_trip_and_stay_out_of_documents_when_empty() -> None:
    data = document()
    data["people"][0]["attributes"] = {"age_group": "26-35", "lives_nearby": True, "score": 2.5}
    data["relationships"][0]["attributes"] = {"years_known": 12, "note": None}
    network = network_from_data(data)
    ana = network.person("ana")
    assert ana.attributes["age_group"] == "26-35"
    assert ana.attributes["lives_nearby"] is True
    assert network.relationship("ana").attributes == {"note": None, "years_known": 12}
    written = json.loads(network.to_json())
    assert written["people"][0]["attributes"] == {
        "age_group": "26-35",
        "lives_nearby": True,
        "score": 2.5,
    }
    assert "attributes" not in written["people"][1]
    assert "attributes" not in written["ego"]
    assert parse_network(network.to_json()) == network
    assert hash(network) == hash(parse_network(network.to_json()))
    graph = network.to_networkx()
    assert graph.nodes["ana"]["attributes"]["age_group"] == "26-35"
    assert graph.edges["maria", "ana"]["attributes"] == {"note": None, "years_known": 12}
    assert SupportNetwork.from_networkx(graph) == network


def test_attribute_values_stay_out_of_repr_and_errors() -> None:
    person = Person(id="p", attributes=Attributes({"diagnosis_note": SECRET}))
    assert SECRET not in repr(person)
    assert "diagnosis_note" in repr(person)
    data = document()
    data["people"][0]["attributes"] = {"bad name": SECRET, "ok": [SECRET]}
    with pytest.raises(DocumentError) as caught:
        network_from_data(data)
    assert [str(p) for p in caught.value.problems] == [
        "people[0].attributes, attribute 1 (the name): "
        "String should match pattern '^[A-Za-z_][A-Za-z0-9_.-]*$'",
        "people[0].attributes, attribute 2: must be text, a whole or finite number, "
        "true/false, or null",
    ]  # by position: an attribute's name is the input's own word, never echoed
    assert "bad name" not in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), [1], {"a": 1}])
def test_attribute_values_must_be_plain_and_finite(value: object) -> None:
    with pytest.raises(ValidationError, match="must be text, a whole or finite number"):
        Person(id="p", attributes={"x": value})  # type: ignore[arg-type]


def test_lookups_follow_the_fields_even_after_model_copy() -> None:
    network = net(rel("a", role="friend"))
    changed = network.model_copy(
        update={
            "people": (Person(id="a", name="New"),),
            "relationships": (rel("a", role="parent"),),
        }
    )
    assert changed.person("a").name == "New"
    assert changed.relationship("a").role is Role.PARENT
    assert changed != network
