"""The network itself in FHIR: PhenX-coded observations, and the round trip back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given, settings
from hypothesis import strategies as st

from grace_support import Closeness, Contact, Person, Relationship, Role, SupportNetwork
from grace_support.attributes import Attributes
from grace_support.demo import example_network
from grace_support.errors import DocumentError
from grace_support.fhir import codes as c
from grace_support.fhir import network_from_observations, network_observations
from grace_support.fhir.bundle import fhir_string
from grace_support.fhir.network import mapping_table
from grace_support.vocabulary import Strain, SupportType
from tests.fuzz._leaks import error_texts
from tests.property.strategies import networks

MARKER = "Zelda-Marker-7731"
QUOTED = f'"{MARKER}"'  # a study variable's value, written on its own


def resources(bundle: Any, kind: str) -> list[dict[str, Any]]:
    data = json.loads(bundle.model_dump_json())
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]


def as_written(network: SupportNetwork, *, names: bool, attributes: bool) -> SupportNetwork:
    """What a bundle can give back: names and study variables only when written."""

    def text(value: Any) -> Any:
        return fhir_string(value) if isinstance(value, str) and value else value

    def attrs(mapping: Any) -> dict[str, Any]:
        return {k: text(v) for k, v in mapping.items()} if attributes else {}

    document = network.to_document()
    ego = document["ego"]
    for person in [ego, *document.get("people", [])]:
        if "name" in person:
            if names:
                person["name"] = fhir_string(person["name"])
            else:
                del person["name"]
        if "attributes" in person:
            person["attributes"] = attrs(person["attributes"])
    for part in [*document.get("relationships", []), *document.get("ties", [])]:
        if isinstance(part, dict) and "attributes" in part:
            part["attributes"] = attrs(part["attributes"])
    return SupportNetwork.model_validate(document)


@pytest.mark.parametrize("names", [False, True])
@pytest.mark.parametrize("attributes", [False, True])
def test_the_example_network_makes_the_round_trip(names: bool, attributes: bool) -> None:
    network = example_network()
    bundle = network_observations(network, subject="Patient/1", names=names, attributes=attributes)
    assert isinstance(bundle, Bundle)
    assert Bundle.model_validate_json(bundle.model_dump_json()) == bundle
    back = network_from_observations(bundle)
    assert back == as_written(network, names=names, attributes=attributes)
    assert back.ego.id == network.ego.id
    assert [p.id for p in back.people] == [p.id for p in network.people]
    assert back.relationships == network.relationships or attributes is False


kinds = st.lists(st.sampled_from(list(SupportType)), unique=True).map(tuple)


@st.composite
def recorded_networks(draw: st.DrawFn) -> SupportNetwork:
    """A network with the version-3 fields: not-recorded support and strain, what was asked."""
    network = draw(networks(max_people=8))
    document = network.to_document()
    for relationship in document.get("relationships", []):
        for field in ("supports", "gives", "strain"):
            if draw(st.booleans()):
                relationship.pop(field, None)  # not recorded (absent in a v3 document)
    ids = [p["id"] for p in document.get("people", [])]
    if draw(st.booleans()):
        document["support_types_asked"] = [t.value for t in draw(kinds)]
        document["gives_types_asked"] = [t.value for t in draw(kinds)]
    if draw(st.booleans()):
        asked = set(draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
        for tie in network.ties:
            asked |= set(tie.between)
        document["ties_asked"] = sorted(asked)
    if draw(st.booleans()):
        document["generator"] = draw(st.sampled_from(["important matters", "persnet", "a/b:c"]))
        document["max_names"] = draw(st.integers(1, 100_000))
    return SupportNetwork.model_validate(document)


@settings(max_examples=60, deadline=None)
@given(recorded_networks())
def test_not_recorded_stays_not_recorded(network: SupportNetwork) -> None:
    bundle = network_observations(network, names=True, attributes=True)
    back = network_from_observations(bundle.model_dump_json())
    assert back == as_written(network, names=True, attributes=True)
    for before, after in zip(network.relationships, back.relationships, strict=True):
        assert (after.supports, after.gives, after.strain) == (
            before.supports,
            before.gives,
            before.strain,
        )
    assert back.ties_asked == network.ties_asked
    assert back.support_types_asked == network.support_types_asked
    assert back.gives_types_asked == network.gives_types_asked
    assert (back.generator, back.max_names) == (network.generator, network.max_names)


def test_not_asked_is_not_written_as_none() -> None:
    network = SupportNetwork.model_validate(
        {
            "schema_version": 3,
            "ego": {"id": "ego"},
            "support_types_asked": ["emotional"],
            "people": [{"id": "a"}, {"id": "b"}],
            "relationships": [{"person": "a", "supports": []}, {"person": "b"}],
        }
    )
    bundle = network_observations(network)
    observed = [
        o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "person"
    ]
    first = {p["code"]["coding"][0]["code"]: p for p in observed[0]["component"]}
    # a: asked about emotional support only, and gives none: one "no", nothing else
    assert first["supports"]["valueQuantity"]["value"] == 0
    assert first["supports.emotional"]["valueBoolean"] is False
    assert "supports.practical" not in first
    # b: support was not recorded: nothing about it at all
    assert "supports" not in {
        p["code"]["coding"][0]["code"] for p in observed[1].get("component", [])
    }
    back = network_from_observations(bundle)
    assert back.relationships[0].supports == ()
    assert back.relationships[1].supports is None


@settings(max_examples=60, deadline=None)
@given(networks())
def test_any_network_makes_the_round_trip_unchanged(network: SupportNetwork) -> None:
    for subject in (None, "Patient/9"):
        bundle = network_observations(network, subject=subject, names=True, attributes=True)
        text = bundle.model_dump_json()
        assert network_from_observations(text) == as_written(network, names=True, attributes=True)


@settings(max_examples=30, deadline=None)
@given(networks())
def test_without_names_people_are_their_ids(network: SupportNetwork) -> None:
    bundle = network_observations(network)
    people = resources(bundle, "RelatedPerson")
    assert [p["identifier"] for p in people] == [
        [{"system": c.PERSON_ID, "value": p.id}] for p in network.people
    ]
    assert all("name" not in p for p in people)
    back = network_from_observations(bundle)
    assert back == as_written(network, names=False, attributes=False)


def planted() -> SupportNetwork:
    return SupportNetwork.build(
        Person(id="ego", name=f"Ego {MARKER}", attributes=Attributes({"note": MARKER})),
        [
            (
                Person(id="p1", name=f"Friend {MARKER}", attributes=Attributes({"where": MARKER})),
                Relationship(
                    person="p1",
                    role=Role.FRIEND,
                    supports=(SupportType.EMOTIONAL,),
                    closeness=Closeness.INNER,
                    contact=Contact.WEEKLY,
                    strain=Strain.SOME,
                    attributes=Attributes({"how": MARKER}),
                ),
            ),
            (
                Person(id="t1", name=f"Therapist {MARKER}"),
                Relationship(person="t1", role=Role.THERAPIST),
            ),
        ],
    )


def test_no_names_or_free_text_unless_asked() -> None:
    network = planted()
    text = network_observations(network, subject="Patient/1").model_dump_json()
    assert MARKER not in text
    named = network_observations(network, subject="Patient/1", names=True).model_dump_json()
    assert f"Friend {MARKER}" in named
    assert f"Therapist {MARKER}" in named  # everyone named is a RelatedPerson
    assert QUOTED not in named  # study variables still left out
    full = network_observations(network, attributes=True).model_dump_json()
    assert QUOTED in full
    assert f"Friend {MARKER}" not in full


def test_professionals_are_related_people_too() -> None:
    people = resources(network_observations(planted()), "RelatedPerson")
    roles = [[x["code"] for x in p["relationship"][0]["coding"]] for p in people]
    assert roles == [["FRND", "friend"], ["therapist"]]


def test_the_phenx_codes_and_the_panel() -> None:
    bundle = network_observations(planted(), subject="Patient/1")
    observations = resources(bundle, "Observation")
    panel = [o for o in observations if o["code"]["coding"][0]["code"] == "63032-7"]
    assert len(panel) == 1
    assert len(panel[0]["hasMember"]) == 2
    friend = next(o for o in observations if o["code"]["coding"][0]["code"] == "person")
    codes = [part["code"]["coding"][0]["code"] for part in friend["component"]]
    assert codes[:3] == ["67286-5", "67653-6", "67654-4"]
    for o in observations:
        cats = {(x["system"], x["code"]) for cc in o["category"] for x in cc["coding"]}
        assert (c.SDOHCC, "social-connection") in cats
        assert o["subject"] == {"reference": "Patient/1"}


def test_not_recorded_is_left_out() -> None:
    network = SupportNetwork.build("ego", [(Person(id="a"), Relationship(person="a"))])
    bundle = network_observations(network)
    person = next(
        o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "person"
    )
    codes = [part["code"]["coding"][0]["code"] for part in person.get("component", [])]
    # no role, closeness, contact or last contact was recorded: none is written
    assert not {"67286-5", "67653-6", "67654-4", "last-contact"} & set(codes)
    assert "effectiveDateTime" not in person  # no day was recorded
    assert network_from_observations(bundle) == network


def test_the_bundle_is_the_same_for_the_same_input() -> None:
    one = network_observations(example_network()).model_dump_json()
    assert network_observations(example_network()).model_dump_json() == one


@pytest.mark.parametrize(
    ("bundle", "place"),
    [
        ("{not json", "line 1"),
        ({"resourceType": "Patient"}, "resourceType"),
        ({"resourceType": "Bundle", "type": "collection"}, "63032-7"),
    ],
)
def test_bad_bundles_name_the_place(bundle: Any, place: str) -> None:
    with pytest.raises(DocumentError) as caught:
        network_from_observations(bundle)
    assert place in str(caught.value)


def test_a_person_without_our_id_is_refused_without_echoing_it() -> None:
    data = json.loads(network_observations(planted()).model_dump_json())
    for entry in data["entry"]:
        if entry["resource"]["resourceType"] == "RelatedPerson":
            entry["resource"]["identifier"] = [{"system": "http://other", "value": MARKER}]
    with pytest.raises(DocumentError) as caught:
        network_from_observations(data)
    assert "identifier" in str(caught.value)
    assert not [text for text in error_texts(caught.value) if MARKER in text]


def test_the_mapping_table_names_every_phenx_code_and_every_value() -> None:
    table = mapping_table()
    for code in ("63032-7", "67745-0", "67286-5", "67653-6", "67654-4"):
        assert code in table
    for value in [*Role, *Closeness, *Contact]:
        assert f"| `{value.value}` |" in table
    for role, v3 in c.ROLE_CODES.items():
        assert f"| role {role.value} | 67286-5 | `{role.value}` | `{v3}` |" in table


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found += _paths(value, (*path, n))
    return found


EXAMPLE_BUNDLE = json.loads(
    network_observations(example_network(), names=True, attributes=True).model_dump_json()
)
EXAMPLE_PATHS = _paths(EXAMPLE_BUNDLE)


@settings(max_examples=150, deadline=None)
@given(
    path=st.sampled_from(EXAMPLE_PATHS),
    change=st.sampled_from(["delete", "marker", "number", "empty"]),
)
def test_a_damaged_bundle_reads_or_is_refused_cleanly(path: tuple[Any, ...], change: str) -> None:
    data = json.loads(json.dumps(EXAMPLE_BUNDLE))
    *parents, last = path
    node = data
    for key in parents:
        node = node[key]
    if change == "delete":
        del node[last]
    else:
        node[last] = {"marker": MARKER, "number": 7, "empty": {}}[change]
    refused: DocumentError | None = None
    try:
        network_from_observations(data)
    except DocumentError as error:
        refused = error
    if refused is not None:  # nowhere in the error: message, problems, chain, traceback
        assert not [text for text in error_texts(refused) if MARKER in text]
