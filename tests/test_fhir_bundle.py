"""FHIR assessment bundles: validation, one observation per measure and finding, privacy."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given

from grace_support import (
    Closeness,
    Contact,
    Person,
    Relationship,
    Role,
    RoleCategory,
    SupportNetwork,
    SupportType,
    assess,
)
from grace_support.assessment import Measures
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.fhir import assessment_bundle
from grace_support.fhir import codes as c
from grace_support.fhir.bundle import _measure, _related_person, fhir_string
from grace_support.touch import in_touch
from tests.property.strategies import networks

if TYPE_CHECKING:
    from collections.abc import Iterator

MARKER = "Zelda-Marker-7731"


def example_bundle(**kwargs: Any) -> Bundle:
    network = example_network()
    return assessment_bundle(assess(network, as_of=EXAMPLE_AS_OF), network, **kwargs)


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair at any depth of a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def resources(bundle: Bundle, kind: str) -> list[dict[str, Any]]:
    data = json.loads(bundle.model_dump_json())
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]


def codes_of(resource: dict[str, Any], system: str) -> list[str]:
    return [x["code"] for x in resource["code"]["coding"] if x["system"] == system]


def test_the_example_bundle_validates_and_round_trips() -> None:
    bundle = example_bundle(subject="Patient/123")
    assert isinstance(bundle, Bundle)
    text = bundle.model_dump_json()
    assert Bundle.model_validate_json(text) == bundle
    assert bundle.type == "collection"
    # the same input gives the same bundle, byte for byte
    assert example_bundle(subject="Patient/123").model_dump_json() == text


def test_one_observation_per_measure_in_field_order() -> None:
    bundle = example_bundle(subject="Patient/123")
    measured = [
        codes_of(o, c.MEASURE)[0]
        for o in resources(bundle, "Observation")
        if codes_of(o, c.MEASURE)
    ]
    assert measured == list(Measures.model_fields)
    by_code = {
        codes_of(o, c.MEASURE)[0]: o
        for o in resources(bundle, "Observation")
        if codes_of(o, c.MEASURE)
    }
    assert by_code["size"]["valueQuantity"] == {
        "value": 6,
        "unit": "count",
        "system": c.UCUM,
        "code": "{count}",
    }
    assert by_code["role_blau"]["valueQuantity"]["code"] == "1"
    parts = [x["code"]["coding"][0]["code"] for x in by_code["support_counts"]["component"]]
    assert parts == [
        f"support_counts.{t}" for t in ("emotional", "practical", "informational", "peer")
    ]
    missing = by_code["missing_support_types"]
    assert missing["valueQuantity"]["value"] == 1
    assert missing["component"][0]["valueCodeableConcept"]["coding"][0]["code"] == "peer"


def test_one_observation_per_finding_with_the_advice() -> None:
    network = example_network()
    assessment = assess(network, as_of=EXAMPLE_AS_OF)
    bundle = assessment_bundle(assessment, network, subject="Patient/123")
    found = [o for o in resources(bundle, "Observation") if codes_of(o, c.FINDING)]
    assert [codes_of(o, c.FINDING)[0] for o in found] == [f.code.value for f in assessment.findings]
    for observation, finding in zip(found, assessment.findings, strict=True):
        severity = observation["interpretation"][0]["coding"][0]
        assert (severity["system"], severity["code"]) == (c.SEVERITY, finding.severity.value)
        actions = [
            part["valueCodeableConcept"]["coding"][0]["code"]
            for part in observation["component"]
            if part["code"]["coding"][0]["code"] == "action"
        ]
        assert actions == [a.value for a in finding.actions]
        people = [p for p in observation["component"] if p["code"]["coding"][0]["code"] == "people"]
        assert people[0]["valueQuantity"]["value"] == len(finding.people)


def test_every_observation_is_social_connection_about_the_subject_on_the_day() -> None:
    for observation in resources(example_bundle(subject="Patient/123"), "Observation"):
        assert observation["category"][0]["coding"][0] == c.coding(c.SDOHCC, "social-connection")
        assert observation["subject"] == {"reference": "Patient/123"}
        assert observation["effectiveDateTime"] == EXAMPLE_AS_OF
        assert observation["status"] == "final"


def test_related_people_are_the_non_professionals_with_role_codes() -> None:
    people = resources(example_bundle(subject="Patient/123"), "RelatedPerson")
    # six people, one of them a therapist; sorted by id: ana, carlos, jamie, rosa, sam
    roles = [[(x["system"], x["code"]) for x in p["relationship"][0]["coding"]] for p in people]
    assert roles == [
        [(c.V3_ROLE_CODE, "FRND"), (c.ROLE, "friend")],
        [(c.V3_ROLE_CODE, "SIB"), (c.ROLE, "sibling")],
        [(c.ROLE, "coworker")],
        [(c.V3_ROLE_CODE, "PRN"), (c.ROLE, "parent")],
        [(c.V3_ROLE_CODE, "FRND"), (c.ROLE, "friend")],
    ]
    # active is in_touch on the example's day: Carlos was last in touch more than
    # dormant_after_days (90) before it, and Sam has lost touch
    assert [p["active"] for p in people] == [True, False, True, True, False]
    network = example_network()
    by_id = {r.person: r for r in network.relationships}
    expected = [
        in_touch(by_id[pid], as_of=EXAMPLE_AS_OF)
        for pid in ("ana", "carlos", "jamie", "rosa", "sam")
    ]
    assert [p["active"] for p in people] == expected
    assert all(p["patient"] == {"reference": "Patient/123"} for p in people)


def test_findings_point_at_the_related_people_they_are_about() -> None:
    bundle = json.loads(example_bundle(subject="Patient/123").model_dump_json())
    urls = {
        e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "RelatedPerson"
    }
    focused = [ref["reference"] for e in bundle["entry"] for ref in e["resource"].get("focus", [])]
    assert focused
    assert set(focused) <= urls


def planted_network() -> SupportNetwork:
    return SupportNetwork.build(
        Person(id=f"ego-{MARKER}", name=f"Ego {MARKER}"),
        [
            (
                Person(id=f"p-{MARKER}", name=f"Friend {MARKER}"),
                Relationship(
                    person=f"p-{MARKER}",
                    role=Role.FRIEND,
                    supports=(SupportType.EMOTIONAL,),
                    closeness=Closeness.INNER,
                    contact=Contact.LOST_TOUCH,
                ),
            ),
            (
                Person(id=f"t-{MARKER}", name=f"Therapist {MARKER}"),
                Relationship(person=f"t-{MARKER}", role=Role.THERAPIST, closeness=Closeness.MIDDLE),
            ),
        ],
    )


@pytest.mark.parametrize("subject", ["Patient/123", None])
def test_no_name_id_or_free_text_unless_asked(subject: str | None) -> None:
    network = planted_network()
    assessment = assess(network, as_of="2026-11-25")
    assert assessment.findings  # a dormant tie, at least, points at the planted person
    text = assessment_bundle(assessment, network, subject=subject).model_dump_json()
    assert MARKER not in text
    keys = {key for key, _ in walk(json.loads(text))}
    assert not keys & {"name", "text", "note", "identifier", "telecom", "address"}

    named = assessment_bundle(assessment, network, subject=subject, names=True)
    people = resources(named, "RelatedPerson")
    assert [p["name"] for p in people] == [[{"text": f"Friend {MARKER}"}]]
    # the ego and the professional never appear, and ids never do
    dumped = named.model_dump_json()
    assert f"Ego {MARKER}" not in dumped
    assert f"Therapist {MARKER}" not in dumped
    assert f"-{MARKER}" not in dumped.replace(f"Friend {MARKER}", "")


def test_without_a_subject_an_empty_patient_stands_in() -> None:
    bundle = json.loads(example_bundle().model_dump_json())
    patients = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert len(patients) == 1
    assert patients[0]["resource"] == {"resourceType": "Patient"}
    url = patients[0]["fullUrl"]
    for entry in bundle["entry"]:
        resource = entry["resource"]
        ref = resource.get("subject") or resource.get("patient")
        if resource["resourceType"] != "Patient":
            assert ref == {"reference": url}


def test_an_assessment_of_another_network_is_refused() -> None:
    network = example_network()
    assessment = assess(network, as_of=EXAMPLE_AS_OF)
    with pytest.raises(ValueError, match="not of this network"):
        assessment_bundle(assessment, planted_network(), subject="Patient/1")
    with pytest.raises(ValueError, match="subject"):
        assessment_bundle(assessment, network, subject="not a reference")


def test_a_person_with_no_role_gets_no_relationship_code() -> None:
    # the network document v2 makes role optional
    fields: dict[str, Any] = {"person": "x", "role": None, "supports": (), "contact": None}
    relationship = Relationship.model_construct(**fields)
    data = _related_person(Person(id="x"), relationship, {"reference": "Patient/1"}, names=False)
    assert "relationship" not in data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, {"dataAbsentReason"}),
        (True, {"valueBoolean"}),
        (3, {"valueQuantity"}),
        (0.25, {"valueQuantity"}),
        ((), {"valueQuantity"}),
        ({"b": 1, "a": 0.5}, {"component"}),
    ],
)
def test_measure_values_of_every_shape(value: object, expected: set[str]) -> None:
    data = _measure("size", value)
    assert set(data) - {"code"} == expected
    if isinstance(value, dict):
        assert [part["code"]["text"] for part in data["component"]] == ["a", "b"]


@given(networks())
def test_any_network_gives_a_valid_bundle_without_names(network: SupportNetwork) -> None:
    assessment = assess(network, as_of="2026-11-25")
    bundle = assessment_bundle(assessment, network, subject="Patient/1")
    data = json.loads(bundle.model_dump_json())
    assert not {key for key, _ in walk(data)} & {"name", "text", "note"}
    measures = [e for e in data["entry"] if "measure" in json.dumps(e["resource"].get("code", {}))]
    assert len(measures) == len(Measures.model_fields)


@given(networks())
def test_any_network_with_names_gives_a_valid_bundle(network: SupportNetwork) -> None:
    assessment = assess(network, as_of="2026-11-25")
    bundle = assessment_bundle(assessment, network, subject="Patient/1", names=True)
    data = json.loads(bundle.model_dump_json())
    named = {
        fhir_string(p.name)
        for p, r in network.alters
        if p.name is not None and r.category is not RoleCategory.PROFESSIONAL
    }
    written = {n["text"] for e in data["entry"] for n in e["resource"].get("name", [])}
    assert written == named


def test_include_names_still_works_and_warns() -> None:
    network = example_network()
    assessment = assess(network, as_of=EXAMPLE_AS_OF)
    with pytest.warns(DeprecationWarning, match="names="):
        old = assessment_bundle(assessment, network, subject="Patient/1", include_names=True)
    new = assessment_bundle(assessment, network, subject="Patient/1", names=True)
    assert old.model_dump_json() == new.model_dump_json()
