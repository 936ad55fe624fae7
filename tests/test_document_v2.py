"""Network document version 2: optional role and closeness, gives, weighted ties,
collected_on, and reading version-1 documents."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date
from typing import Any

import pytest

from grace_support import (
    SCHEMA_VERSION,
    DocumentError,
    Relationship,
    SupportNetwork,
    SupportType,
    Tie,
    assess,
    json_schema,
    network_from_data,
    parse_network,
)
from grace_support.demo import example_network
from grace_support.schemas import schema_id

V1_DOCUMENT: dict[str, Any] = {
    "schema_version": 1,
    "ego": {"id": "maria", "name": "Maria", "attributes": {"age_group": "26-35"}},
    "needs": ["emotional", "peer"],
    "people": [{"id": "ana", "name": "Ana"}, {"id": "bo"}, {"id": "cy"}],
    "relationships": [
        {
            "person": "ana",
            "role": "friend",
            "supports": ["practical", "emotional"],
            "closeness": "inner",
            "contact": "weekly",
            "last_contact": "2026-11-18",
            "strain": "some",
            "attributes": {"years_known": 12},
        },
        {"person": "bo", "role": "therapist", "closeness": "middle"},
        {"person": "cy", "role": "sibling", "closeness": "outer", "contact": "lost_touch"},
    ],
    "ties": [["bo", "ana"], ["cy", "ana"]],
}

BASE: dict[str, Any] = {
    "ego": {"id": "e"},
    "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "relationships": [{"person": "a"}, {"person": "b"}, {"person": "c"}],
}


def test_version_1_reads_and_writes_as_version_3_losing_nothing() -> None:
    network = network_from_data(V1_DOCUMENT)
    assert network.schema_version == SCHEMA_VERSION == 3
    written = network.to_document()
    assert written["schema_version"] == 3
    expected = copy.deepcopy(V1_DOCUMENT)
    expected["schema_version"] = 3
    # Canonical form: support types in declared order, ties as sorted pairs in a sorted list,
    # and the strain default written out.
    expected["relationships"][0]["supports"] = ["emotional", "practical"]
    for relationship in expected["relationships"]:
        relationship.setdefault("supports", [])
        relationship.setdefault("gives", [])
        relationship.setdefault("strain", "none")
    expected["ties"] = [["ana", "bo"], ["ana", "cy"]]
    assert written == expected
    assert parse_network(network.to_json()) == network


def test_version_1_document_from_text() -> None:
    network = parse_network(json.dumps(V1_DOCUMENT))
    assert json.loads(network.to_json())["schema_version"] == 3


@pytest.mark.parametrize("version", [0, 4, "2", True, None])
def test_unknown_versions_are_refused(version: object) -> None:
    with pytest.raises(DocumentError) as caught:
        network_from_data({"schema_version": version, "ego": {"id": "e"}})
    assert [p.location for p in caught.value.problems] == ["schema_version"]


def test_role_and_closeness_may_be_left_out() -> None:
    network = network_from_data(BASE)
    relationship = network.relationship("a")
    assert relationship.role is None
    assert relationship.closeness is None
    assert relationship.category is None
    document = network.to_document()
    assert "role" not in document["relationships"][0]
    assert "closeness" not in document["relationships"][0]


def test_gives_is_canonical_and_written_out_when_empty() -> None:
    data = copy.deepcopy(BASE)
    data["relationships"][0]["gives"] = ["peer", "emotional"]
    network = network_from_data(data)
    relationship = network.relationship("a")
    assert relationship.gives == (SupportType.EMOTIONAL, SupportType.PEER)
    assert relationship.receives(SupportType.PEER)
    assert not relationship.provides(SupportType.PEER)
    document = network.to_document()
    assert document["relationships"][0]["gives"] == ["emotional", "peer"]
    # Version 3 writes "gives none" explicitly: left out would mean "not recorded".
    assert document["relationships"][1]["gives"] == []


def test_gives_repeats_are_refused() -> None:
    data = copy.deepcopy(BASE)
    data["relationships"][1]["gives"] = ["peer", "peer"]
    with pytest.raises(DocumentError) as caught:
        network_from_data(data)
    assert [p.location for p in caught.value.problems] == ["relationships[1].gives"]


def test_weighted_ties_are_written_as_objects_and_plain_ones_as_pairs() -> None:
    data = BASE | {
        "ties": [
            {"between": ["c", "a"], "weight": 2.5, "attributes": {"met": "work"}},
            {"between": ["b", "c"]},
            ["b", "a"],
        ]
    }
    network = network_from_data(data)
    assert network.ties == (
        Tie("a", "b"),
        Tie("a", "c", weight=2.5, attributes={"met": "work"}),
        ("b", "c"),
    )
    assert network.to_document()["ties"] == [
        ["a", "b"],
        {"between": ["a", "c"], "weight": 2.5, "attributes": {"met": "work"}},
        ["b", "c"],
    ]
    assert parse_network(network.to_json()) == network


def test_tie_behaves_as_its_pair() -> None:
    tie = Tie("a", "b", weight=3, attributes={"k": 1})
    a, b = tie
    assert (a, b) == ("a", "b") == tie.between
    assert "a" in tie
    assert "z" not in tie
    assert tie[1] == "b"
    assert len(tie) == 2
    assert tie != ("a", "b")
    assert Tie("a", "b") == ("a", "b")
    assert hash(Tie("a", "b")) == hash(("a", "b"))
    assert tie == Tie("a", "b", weight=3.0, attributes={"k": 1})
    assert tie != Tie("a", "b", weight=3.0)
    assert len({tie, Tie("a", "b", weight=3.0, attributes={"k": 1})}) == 1
    assert pickle.loads(pickle.dumps(tie)) == tie
    assert tie.swapped() == Tie("b", "a", weight=3, attributes={"k": 1})
    with pytest.raises(AttributeError):
        tie.weight = 2


@pytest.mark.parametrize("weight", [0, -1, float("nan"), float("inf"), True, "2"])
def test_tie_weight_must_be_finite_and_positive(weight: Any) -> None:
    with pytest.raises(ValueError, match="weight"):
        Tie("a", "b", weight=weight)


@pytest.mark.parametrize(
    ("tie", "location"),
    [
        ({"between": ["a", "b"], "weight": 0}, "ties[0].weight"),
        ({"between": ["a", "b"], "weight": -2}, "ties[0].weight"),
        ({"between": ["a", "b"], "weight": True}, "ties[0].weight"),
        ({"between": ["a", "b"], "weight": "2"}, "ties[0].weight"),
        ({"between": ["a", "b"], "colour": "red"}, "ties[0], unknown field 2"),
        ({"between": ["a", "zz"]}, "ties[0].between[1]"),
        ({"between": ["e", "a"], "weight": 2}, "ties[0].between[0]"),
        ({"weight": 2}, "ties[0].between"),
        ({"between": ["a", "b"], "attributes": {"k": [1]}}, "ties[0].attributes, attribute 1"),
        (["a", "b", "c"], "ties[0]"),
        (["a", 5], "ties[0][1]"),
        (["a", "zz"], "ties[0][1]"),
        (5, "ties[0]"),
        ("a-b", "ties[0]"),
    ],
)
def test_bad_ties_name_the_place(tie: object, location: str) -> None:
    with pytest.raises(DocumentError) as caught:
        network_from_data(BASE | {"ties": [tie]})
    assert [p.location for p in caught.value.problems] == [location]


def test_bad_weight_from_json_text() -> None:
    text = json.dumps(BASE | {"ties": [{"between": ["a", "b"], "weight": 1e999}]})
    with pytest.raises(DocumentError) as caught:
        parse_network(text)
    assert [p.location for p in caught.value.problems] == ["ties[0].weight"]


def test_weighted_and_plain_tie_between_the_same_people_repeat() -> None:
    ties = [["a", "b"], {"between": ["b", "a"], "weight": 2}]
    with pytest.raises(DocumentError, match=r"repeats ties\[0\]"):
        network_from_data(BASE | {"ties": ties})


def test_collected_on() -> None:
    network = network_from_data(BASE | {"collected_on": "2026-03-01"})
    assert network.collected_on == date(2026, 3, 1)
    assert network.to_document()["collected_on"] == "2026-03-01"
    with pytest.raises(DocumentError) as caught:
        network_from_data(BASE | {"collected_on": "2026-02-30"})
    assert [p.location for p in caught.value.problems] == ["collected_on"]


def test_builders_carry_v2_fields() -> None:
    network = SupportNetwork.build(
        "e",
        [
            ("a", Relationship(person="a")),
            ("b", Relationship(person="b", gives=(SupportType.PEER,))),
        ],
        ties=[Tie("b", "a", weight=0.5)],
        collected_on="2026-01-02",
    )
    assert network.collected_on == date(2026, 1, 2)
    assert network.ties == (Tie("a", "b", weight=0.5),)
    assert network.tie("b", "a").weight == 0.5
    with pytest.raises(KeyError):
        network.tie("a", "a")
    heavier = (
        network.without_person("b")
        .with_person("b", Relationship(person="b"))
        .with_tie("a", "b", weight=4, attributes={"met": "school"})
    )
    assert heavier.tie("a", "b").attributes["met"] == "school"
    assert heavier.without_person("a").ties == ()


def test_assess_judges_on_collected_on() -> None:
    network = example_network().model_copy(update={"collected_on": date(2026, 6, 1)})
    assert assess(network).as_of == date(2026, 6, 1)
    assert assess(network, as_of="2026-11-25").as_of == date(2026, 11, 25)
    assert assess(example_network()).as_of == date.today()


def test_schema_describes_v3_and_has_a_versioned_id() -> None:
    schema = json_schema("network")
    assert schema["$id"] == schema_id("network")
    assert schema["$id"] == "https://grace-health.example/schemas/network/v3.json"
    assert schema["properties"]["schema_version"]["const"] == 3
    relationship = schema["$defs"]["Relationship"]
    assert relationship["required"] == ["person"]
    assert "gives" in relationship["properties"]
    assert "collected_on" in schema["properties"]
    for name in ("assessment", "recommendations", "article", "resource", "catalog"):
        assert json_schema(name)["$id"].endswith(f"/schemas/{name}/v1.json")


def test_v2_documents_validate_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    network = network_from_data(
        BASE
        | {
            "collected_on": "2026-03-01",
            "ties": [{"between": ["a", "b"], "weight": 2.5, "attributes": {"k": 1}}, ["b", "c"]],
        }
    )
    jsonschema.validate(network.to_document(), json_schema("network"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            BASE | {"ties": [{"between": ["a", "b"], "weight": 0}]}, json_schema("network")
        )


@pytest.mark.parametrize("attributes", [{"k": [1]}, {"bad name": 1}, {"k": float("nan")}])
def test_tie_attribute_errors_keep_nothing_of_the_input(attributes: Any) -> None:
    with pytest.raises(ValueError, match="plain values") as caught:
        Tie("a", "b", attributes=attributes)
    error = caught.value
    assert error.__cause__ is None
    assert error.__context__ is None
    assert "bad name" not in str(error)


def test_tie_ends_must_be_text() -> None:
    with pytest.raises(ValueError, match="two ids"):
        Tie(1, "b")  # type: ignore[arg-type]


def test_numpy_weights_are_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert Tie("a", "b", weight=np.int64(3)).weight == 3.0
    assert Tie("a", "b", weight=np.float64(1.0)).is_plain


def test_serialization_schema_of_ties_matches_the_validation_schema() -> None:
    written = SupportNetwork.model_json_schema(mode="serialization")["properties"]["ties"]
    read = SupportNetwork.model_json_schema(mode="validation")["properties"]["ties"]
    assert written["items"] == read["items"]
