"""The network itself as coded FHIR observations, and back (LOINC's PhenX social networks panel).

[`network_observations`][grace_support.fhir.network_observations] writes a
``Bundle`` (type ``collection``) that holds, in this order:

1. a stand-in ``Patient`` with nothing in it, when no `subject` is given;
2. one ``RelatedPerson`` per person named, professionals included, in the order
   they were named: identified by their network id on our identifier system
   (ids are pseudonymous), with their relationship (v3 RoleCode where it has one,
   and our role code), and a name only when ``names=True``;
3. the panel ``Observation`` (LOINC 63032-7, PhenX social networks protocol) with
   ``hasMember`` each person's observation, and components for what the network
   document records about the interview: the ego's id, the kinds of support
   wanted and asked about, the name generator, the cap on names, whose ties were
   asked about;
4. one ``Observation`` per relationship, with ``focus`` on the person: LOINC
   67745-0 (name generator, when known), 67286-5 (relationship), 67653-6
   (closeness), 67654-4 (how often in touch), and on our own code system the
   kinds of support each way, the strain and the last contact;
5. one ``Observation`` per tie between two people, with ``focus`` on both and the
   tie's weight as the value.

Every observation has the ``social-connection`` and ``survey`` categories, the
subject, and the day the network was collected (when it was recorded). What was
not recorded is left out, never written as "none". Free-text study variables
(attributes) are written only with ``attributes=True``.

[`network_from_observations`][grace_support.fhir.network_from_observations]
reads such a bundle back: the ego's id, every person's id and every recorded
field come back unchanged; names only if they were written.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grace_support._input import guarded, loads_json
from grace_support.errors import DocumentError, Problem, validated
from grace_support.fhir import codes as c
from grace_support.fhir._resources import (
    category,
    entry_urls,
    fhir_datetime,
    reference,
    subject_reference,
    validate,
)
from grace_support.fhir.bundle import fhir_string
from grace_support.vocabulary import Closeness, Contact, Role, SupportType

if TYPE_CHECKING:
    from fhir.resources.R4B.bundle import Bundle

    from grace_support.network import Person, Relationship, SupportNetwork, Tie

__all__ = ["MAPPING", "mapping_table", "network_from_observations", "network_observations"]

_NAMESPACE = uuid.UUID("2b0f8a3e-6a4c-5f1d-8e27-9c5d3b1a7e42")
_INT32 = 2**31 - 1
_WHOLE = "whole number"  # the unit of a whole-number attribute too large for valueInteger

PANEL = "63032-7"
GENERATOR = "67745-0"
RELATIONSHIP = "67286-5"
CLOSENESS = "67653-6"
HOW_OFTEN = "67654-4"

MAPPING: tuple[tuple[str, str, str], ...] = (
    ("the network", f"panel Observation, LOINC {PANEL}", "components on our `network` codes"),
    ("a person named", "RelatedPerson, identifier on our network-person-id system", "their id"),
    ("a relationship", "Observation coded our `person`, focus on the RelatedPerson", ""),
    ("`generator`", f"component LOINC {GENERATOR}", "the generator's label (text)"),
    (
        "`role`",
        f"component LOINC {RELATIONSHIP}",
        "our role code, plus v3 RoleCode where it has one",
    ),
    ("`closeness`", f"component LOINC {CLOSENESS}", "our closeness code"),
    ("`contact`", f"component LOINC {HOW_OFTEN}", "our contact code"),
    ("`supports`, `gives`", "components our `supports`, `gives`", "how many kinds (a count)"),
    ("each kind asked about", "components our `supports.{kind}`, `gives.{kind}`", "yes or no"),
    ("`strain`", "component our `strain`", "our strain code"),
    ("`last_contact`", "component our `last-contact`", "a day"),
    ("a tie", "Observation coded our `tie`, focus on both RelatedPersons", "the weight"),
    ("the ego's id", "panel component our `ego-id`", "the id (text)"),
)
"""How each part of the network is coded (the docs' mapping table is generated from it)."""

NOT_CONFIRMED = "none confirmed"
"""What the mapping table says where LOINC's answer list could not be confirmed."""


def mapping_table() -> str:
    """How the network document maps to FHIR, and every value's codes, as Markdown tables.

    Generated from [`MAPPING`][grace_support.fhir.network.MAPPING] and the
    vocabulary, so a new role, circle or contact frequency appears by itself.
    LOINC's answer lists for 67286-5, 67653-6 and 67654-4 could not be confirmed on
    LOINC's or HL7's pages, so the values are written with our own codes (and v3
    RoleCode for personal relationships); the question codes are LOINC's.

    Examples:
        >>> mapping_table().splitlines()[0]
        '| network document | FHIR | value |'

    Version added:
        0.2.0
    """
    rows = ["| network document | FHIR | value |", "|---|---|---|"]
    rows += [f"| {a} | {b} | {n} |" for a, b, n in MAPPING]
    rows += [
        "",
        "| value | LOINC question | our code | HL7 v3 RoleCode | LOINC answer |",
        "|---|---|---|---|---|",
    ]
    for role in Role:
        v3 = f"`{c.ROLE_CODES[role]}`" if role in c.ROLE_CODES else ""
        rows.append(
            f"| role {role.value} | {RELATIONSHIP} | `{role.value}` | {v3} | {NOT_CONFIRMED} |"
        )
    rows += [
        f"| closeness {x.value} | {CLOSENESS} | `{x.value}` |  | {NOT_CONFIRMED} |"
        for x in Closeness
    ]
    rows += [
        f"| contact {x.value} | {HOW_OFTEN} | `{x.value}` |  | {NOT_CONFIRMED} |" for x in Contact
    ]
    return "\n".join(rows)


# --------------------------------------------------------------------------- writing


def _component(system: str, code: str, **value: Any) -> dict[str, Any]:
    return {"code": {"coding": [c.coding(system, code)]}, **value}


def _concept(system: str, code: str) -> dict[str, Any]:
    return {"valueCodeableConcept": {"coding": [c.coding(system, code)]}}


def _attribute_value(value: object) -> dict[str, Any]:  # noqa: PLR0911 (one per kind of value)
    if value is None:
        return {"dataAbsentReason": {"coding": [c.coding(c.DATA_ABSENT_REASON, "unknown")]}}
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        if -_INT32 - 1 <= value <= _INT32:
            return {"valueInteger": value}
        return {"valueQuantity": {"value": value, "unit": _WHOLE}}
    if isinstance(value, float):
        return {"valueQuantity": {"value": value}}
    if value == "":  # FHIR strings cannot be empty
        return {"extension": [{"url": _EMPTY, "valueBoolean": True}]}
    return {"valueString": fhir_string(str(value))}


_EMPTY = f"{c.CANONICAL_BASE}/StructureDefinition/empty-string"


def _attributes(kind: str, attributes: Mapping[str, object]) -> list[dict[str, Any]]:
    return [
        {
            "code": {"coding": [c.coding(c.NETWORK, kind)], "text": name},
            **_attribute_value(value),
        }
        for name, value in attributes.items()
    ]


def _kinds(
    prefix: str, given: tuple[SupportType, ...], asked: tuple[SupportType, ...]
) -> list[dict[str, Any]]:
    """One yes/no per kind asked about (or given), in the declared order."""
    return [
        _component(c.NETWORK, f"{prefix}.{t.value}", valueBoolean=t in given)
        for t in SupportType
        if t in asked or t in given
    ]


def _recorded_kinds(
    name: str, given: tuple[SupportType, ...] | None, asked: tuple[SupportType, ...]
) -> list[dict[str, Any]]:
    if given is None:  # not recorded: nothing is written
        return []
    count = {"valueQuantity": {"value": len(given), **_COUNT}}
    return [_component(c.NETWORK, name, **count), *_kinds(name, given, asked)]


_COUNT = {"unit": "count", "system": c.UCUM, "code": "{count}"}


def _role_codings(role: Role) -> list[dict[str, str]]:
    codings = []
    if role in c.ROLE_CODES:
        codings.append(c.coding(c.V3_ROLE_CODE, c.ROLE_CODES[role]))
    codings.append(c.coding(c.ROLE, role.value))
    return codings


def _related_person(
    person: Person, relationship: Relationship | None, patient: dict[str, str], *, names: bool
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "RelatedPerson",
        "identifier": [{"system": c.PERSON_ID, "value": person.id}],
        "patient": patient,
    }
    if relationship is not None and relationship.role is not None:
        data["relationship"] = [{"coding": _role_codings(relationship.role)}]
    if names and person.name is not None:
        data["name"] = [{"text": fhir_string(person.name)}]
    return data


def _asked(network: SupportNetwork, field: str) -> tuple[SupportType, ...]:
    return tuple(getattr(network, field, tuple(SupportType)))


def _person_components(
    network: SupportNetwork,
    person: Person,
    relationship: Relationship,
    *,
    attributes: bool,
) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    generator = getattr(network, "generator", None)
    if generator is not None:
        parts.append(_component(c.LOINC, GENERATOR, valueString=fhir_string(generator)))
    if relationship.role is not None:
        parts.append(
            _component(
                c.LOINC,
                RELATIONSHIP,
                valueCodeableConcept={"coding": _role_codings(relationship.role)},
            )
        )
    if relationship.closeness is not None:
        parts.append(
            _component(c.LOINC, CLOSENESS, **_concept(c.CLOSENESS, relationship.closeness.value))
        )
    if relationship.contact is not None:
        parts.append(
            _component(c.LOINC, HOW_OFTEN, **_concept(c.CONTACT, relationship.contact.value))
        )
    parts += _recorded_kinds(
        "supports", relationship.supports, _asked(network, "support_types_asked")
    )
    parts += _recorded_kinds("gives", relationship.gives, _asked(network, "gives_types_asked"))
    if relationship.strain is not None:
        parts.append(
            _component(c.NETWORK, "strain", **_concept(c.STRAIN, relationship.strain.value))
        )
    if relationship.last_contact is not None:
        parts.append(
            _component(
                c.NETWORK, "last-contact", valueDateTime=relationship.last_contact.isoformat()
            )
        )
    ties_asked = getattr(network, "ties_asked", None)
    if ties_asked is not None:
        parts.append(_component(c.NETWORK, "ties-asked", valueBoolean=person.id in ties_asked))
    if attributes:
        parts += _attributes("person-attribute", person.attributes)
        parts += _attributes("relationship-attribute", relationship.attributes)
    return parts


def _panel_components(
    network: SupportNetwork, *, names: bool, attributes: bool
) -> list[dict[str, Any]]:
    parts = [_component(c.NETWORK, "ego-id", valueString=network.ego.id)]
    if names and network.ego.name is not None:
        parts.append(_component(c.NETWORK, "ego-name", valueString=fhir_string(network.ego.name)))
    parts += _kinds("needs", network.needs, tuple(SupportType))
    for prefix, field in (
        ("support-asked", "support_types_asked"),
        ("gives-asked", "gives_types_asked"),
    ):
        asked = _asked(network, field)
        if asked != tuple(SupportType):  # all four (the default) is left out
            parts += [
                _component(c.NETWORK, f"{prefix}.{t.value}", valueBoolean=t in asked)
                for t in SupportType
            ]
    ties_asked = getattr(network, "ties_asked", None)
    if ties_asked is not None:
        count = {"valueQuantity": {"value": len(ties_asked), **_COUNT}}
        parts.append(_component(c.NETWORK, "ties-asked", **count))
    generator = getattr(network, "generator", None)
    if generator is not None:
        parts.append(_component(c.NETWORK, "generator", valueString=fhir_string(generator)))
    max_names = getattr(network, "max_names", None)
    if max_names is not None:
        parts.append(_component(c.NETWORK, "max-names", valueInteger=max_names))
    if attributes:
        parts += _attributes("ego-attribute", network.ego.attributes)
    return parts


def _tie(tie: Tie, url_of: dict[str, str], *, attributes: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": {"coding": [c.coding(c.NETWORK, "tie")]},
        "focus": [reference(url_of[tie[0]]), reference(url_of[tie[1]])],
        "valueQuantity": {"value": tie.weight},
    }
    if attributes and tie.attributes:
        data["component"] = _attributes("tie-attribute", tie.attributes)
    return data


def network_observations(
    network: SupportNetwork,
    *,
    subject: str | None = None,
    names: bool = False,
    attributes: bool = False,
) -> Bundle:
    """The network as coded FHIR observations: a ``Bundle`` of type ``collection``.

    Args:
        network: The network.
        subject: A reference to the person at the centre (``Patient/123``). When
            ``None``, the bundle holds an empty ``Patient`` for the resources to
            refer to.
        names: Write each person's name (and the ego's) as well. Off by default:
            names are personal health information; people are identified by their
            network ids, which are pseudonymous.
        attributes: Write the study variables (free text) of people, relationships,
            ties and the ego. Off by default.

    Returns:
        The bundle, validated with fhir.resources' R4B models (FHIR R4 JSON).

    Raises:
        ValueError: `subject` is not a reference.
        MissingExtraError: fhir.resources (``grace-support[fhir]``) is not installed.

    Examples:
        >>> from grace_support.demo import example_network
        >>> bundle = network_observations(example_network(), subject="Patient/123")
        >>> network_from_observations(bundle).relationships == example_network().relationships
        True
        >>> "Ana" in bundle.model_dump_json()
        False

    Version added:
        0.2.0
    """
    full_url = entry_urls(_NAMESPACE, network.to_document(), subject, names, attributes)
    entries: list[dict[str, Any]] = []
    patient = subject_reference(subject, entries, full_url)

    relationship_of = {r.person: r for r in network.relationships}
    url_of: dict[str, str] = {}
    for person in network.people:
        url_of[person.id] = full_url()
        resource = _related_person(person, relationship_of.get(person.id), patient, names=names)
        entries.append({"fullUrl": url_of[person.id], "resource": resource})

    common: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": category(survey=True),
        "subject": patient,
    }
    if network.collected_on is not None:
        common["effectiveDateTime"] = fhir_datetime(network.collected_on, what="collected_on")
    person_of = {p.id: p for p in network.people}
    members: list[tuple[str, dict[str, Any]]] = []
    for relationship in network.relationships:
        person = person_of[relationship.person]
        data = {
            **common,
            "code": {"coding": [c.coding(c.NETWORK, "person")]},
            "focus": [reference(url_of[person.id])],
        }
        parts = _person_components(network, person, relationship, attributes=attributes)
        if parts:
            data["component"] = parts
        members.append((full_url(), data))
    panel = {
        **common,
        "code": {"coding": [c.coding(c.LOINC, PANEL), c.coding(c.NETWORK, "network")]},
        "component": _panel_components(network, names=names, attributes=attributes),
    }
    if members:
        panel["hasMember"] = [reference(url) for url, _ in members]
    entries.append({"fullUrl": full_url(), "resource": panel})
    entries += [{"fullUrl": url, "resource": data} for url, data in members]
    entries += [
        {"fullUrl": full_url(), "resource": {**common, **_tie(tie, url_of, attributes=attributes)}}
        for tie in network.ties
    ]
    return validate({"resourceType": "Bundle", "type": "collection", "entry": entries})  # type: ignore[return-value]


# --------------------------------------------------------------------------- reading


class _Reader:
    """Reads one bundle; every problem names its place, never the value found there."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))


def _as_bundle(bundle: object) -> dict[str, Any]:
    failure: str | None = None
    data: Any = None
    if isinstance(bundle, str | bytes):
        data = loads_json(bundle, source="FHIR bundle")  # its DocumentError names the place
    elif isinstance(bundle, Mapping):
        data = dict(bundle)
    elif hasattr(bundle, "model_dump_json"):
        data = json.loads(bundle.model_dump_json())
    else:
        failure = "expected a Bundle (a resource, a mapping or JSON)"
    if failure is None and (not isinstance(data, dict) or data.get("resourceType") != "Bundle"):
        failure = "resourceType: expected a Bundle"
    if failure is None:
        try:
            validate(data)
        except ValueError as error:
            failure = str(error)
    if failure is not None:
        raise DocumentError([Problem("(bundle)", failure)], source="FHIR bundle")
    return data  # type: ignore[no-any-return]


def _codes(concept: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {(x.get("system", ""), x.get("code", "")) for x in concept.get("coding", [])}


def _our_code(concept: Mapping[str, Any], system: str) -> str | None:
    for x in concept.get("coding", []):
        if x.get("system") == system:
            return str(x.get("code"))
    return None


def _read_value(part: Mapping[str, Any]) -> object:  # noqa: PLR0911 (one per kind of value)
    if "valueBoolean" in part:
        return bool(part["valueBoolean"])
    if "valueInteger" in part:
        return int(part["valueInteger"])
    if "valueQuantity" in part:
        quantity = part["valueQuantity"]
        if "value" not in quantity:
            return None
        value = Decimal(str(quantity["value"]))
        return int(value) if quantity.get("unit") == _WHOLE else float(value)
    if "valueString" in part:
        return str(part["valueString"])
    if any(e.get("url") == _EMPTY for e in part.get("extension", [])):
        return ""
    return None


def _component_code(part: Mapping[str, Any]) -> tuple[str, str] | None:
    for x in part.get("code", {}).get("coding", []):
        if x.get("system") in (c.LOINC, c.NETWORK) and isinstance(x.get("code"), str):
            return (x["system"], x["code"])
    return None


def _attribute_name(part: Mapping[str, Any]) -> str:
    return str(part.get("code", {}).get("text", ""))


def _sort_entries(data: dict[str, Any], reader: _Reader) -> _Entries:
    found = _Entries()
    for n, entry in enumerate(data.get("entry", [])):
        where = f"entry[{n}].resource"
        resource = entry.get("resource", {})
        kind = resource.get("resourceType")
        if kind == "RelatedPerson":
            ours = [i for i in resource.get("identifier", []) if i.get("system") == c.PERSON_ID]
            if len(ours) != 1 or not ours[0].get("value"):
                reader.fail(f"{where}.identifier", "needs exactly one network person id")
                continue
            person: dict[str, Any] = {"id": ours[0]["value"]}
            names = [name.get("text") for name in resource.get("name", []) if name.get("text")]
            if names:
                person["name"] = names[0]
            found.people.append(person)
            found.id_of[entry.get("fullUrl", "")] = person["id"]
        elif kind == "Observation":
            codes = _codes(resource.get("code", {}))
            if (c.LOINC, PANEL) in codes:
                found.panels.append((where, resource))
            elif (c.NETWORK, "person") in codes:
                found.persons.append((where, resource))
            elif (c.NETWORK, "tie") in codes:
                found.ties.append((where, resource))
    return found


class _Entries:
    def __init__(self) -> None:
        self.people: list[dict[str, Any]] = []
        self.id_of: dict[str, str] = {}
        self.panels: list[tuple[str, dict[str, Any]]] = []
        self.persons: list[tuple[str, dict[str, Any]]] = []
        self.ties: list[tuple[str, dict[str, Any]]] = []


def _read_panel(where: str, panel: dict[str, Any], reader: _Reader) -> dict[str, Any]:  # noqa: PLR0912
    """The network-level fields of the document, from the panel observation."""
    document: dict[str, Any] = {}
    if "effectiveDateTime" in panel:
        document["collected_on"] = panel["effectiveDateTime"][:10]
    ego: dict[str, Any] = {}
    kinds: dict[str, list[str]] = {"needs": [], "support-asked": [], "gives-asked": []}
    seen: set[str] = set()
    fields = {"generator": ("generator", "valueString"), "max-names": ("max_names", "valueInteger")}
    for part in panel.get("component", []):
        code = _component_code(part)
        if code is None or code[0] != c.NETWORK:
            continue
        name = code[1]
        head, _, tail = name.partition(".")
        if name == "ego-id":
            ego["id"] = part.get("valueString")
        elif name == "ego-name":
            ego["name"] = part.get("valueString")
        elif head in kinds and tail:
            seen.add(head)
            if part.get("valueBoolean"):
                kinds[head].append(tail)
        elif name in fields:
            document[fields[name][0]] = part.get(fields[name][1])
        elif name == "ties-asked":
            document["ties_asked"] = []
        elif name == "ego-attribute":
            ego.setdefault("attributes", {})[_attribute_name(part)] = _read_value(part)
    if "id" not in ego:
        reader.fail(f"{where}.component", "needs the ego's id (ego-id)")
    document["ego"] = ego
    document["needs"] = kinds["needs"]
    if "support-asked" in seen:
        document["support_types_asked"] = kinds["support-asked"]
    if "gives-asked" in seen:
        document["gives_types_asked"] = kinds["gives-asked"]
    return document


_LOINC_FIELDS = {
    RELATIONSHIP: ("role", c.ROLE),
    CLOSENESS: ("closeness", c.CLOSENESS),
    HOW_OFTEN: ("contact", c.CONTACT),
}


def _read_person(  # noqa: PLR0912 (one branch per field)
    resource: dict[str, Any], pid: str, document: dict[str, Any], person_attributes: dict[str, Any]
) -> dict[str, Any]:
    """One relationship of the document, from a person's observation."""
    relationship: dict[str, Any] = {"person": pid}
    kinds: dict[str, list[str]] = {"supports": [], "gives": []}
    recorded: set[str] = set()
    for part in resource.get("component", []):
        code = _component_code(part)
        if code is None:
            continue
        value = part.get("valueCodeableConcept", {})
        system, name = code
        head, _, tail = name.partition(".")
        if system == c.LOINC:
            if name in _LOINC_FIELDS:
                field, ours = _LOINC_FIELDS[name]
                relationship[field] = _our_code(value, ours)
        elif name in kinds:
            recorded.add(name)
        elif head in kinds and tail:
            if part.get("valueBoolean"):
                kinds[head].append(tail)
        elif name == "strain":
            relationship["strain"] = _our_code(value, c.STRAIN)
        elif name == "last-contact":
            relationship["last_contact"] = str(part.get("valueDateTime", ""))[:10]
        elif name == "ties-asked" and part.get("valueBoolean"):
            document.setdefault("ties_asked", []).append(pid)
        elif name == "relationship-attribute":
            relationship.setdefault("attributes", {})[_attribute_name(part)] = _read_value(part)
        elif name == "person-attribute":
            person_attributes.setdefault(pid, {})[_attribute_name(part)] = _read_value(part)
    for kind in ("supports", "gives"):
        if kind in recorded:
            relationship[kind] = kinds[kind]
    return relationship


def _read_tie(resource: dict[str, Any], ends: list[str]) -> dict[str, Any]:
    tie: dict[str, Any] = {"between": ends}
    weight = _read_value(resource)
    if isinstance(weight, int | float):
        tie["weight"] = float(weight)
    attributes = {
        _attribute_name(part): _read_value(part)
        for part in resource.get("component", [])
        if _component_code(part) == (c.NETWORK, "tie-attribute")
    }
    if attributes:
        tie["attributes"] = attributes
    return tie


@guarded()
def network_from_observations(bundle: Bundle | Mapping[str, Any] | str | bytes) -> SupportNetwork:
    """Read a network back from a bundle that `network_observations` wrote.

    The ego's id, every person's id and every recorded field come back unchanged;
    what was not recorded stays not recorded; names and study variables come back
    only if they were written (whitespace other than space, tab and newlines in
    them was written as a space, as FHIR strings require).

    Args:
        bundle: A fhir.resources ``Bundle``, its JSON as a mapping, or JSON text.

    Raises:
        DocumentError: Not a valid FHIR Bundle, no PhenX social networks panel, a
            person without our identifier, or a network that breaks the document's
            rules. Problems name places (``entry[3].resource.focus``), never values.
        MissingExtraError: fhir.resources (``grace-support[fhir]``) is not installed.

    Examples:
        >>> from grace_support.demo import example_network
        >>> network = example_network()
        >>> bundle = network_observations(network, names=True, attributes=True)
        >>> network_from_observations(bundle.model_dump_json()) == network
        True

    Version added:
        0.2.0
    """
    from grace_support.network import SupportNetwork  # noqa: PLC0415

    data = _as_bundle(bundle)
    reader = _Reader()
    found = _sort_entries(data, reader)
    if len(found.panels) != 1:
        reader.fail("(bundle)", f"needs exactly one PhenX social networks panel ({PANEL})")
        raise DocumentError(reader.problems, source="FHIR bundle")
    document = {"schema_version": SupportNetwork.model_fields["schema_version"].default}
    document.update(_read_panel(*found.panels[0], reader))
    relationships: list[dict[str, Any]] = []
    person_attributes: dict[str, Any] = {}
    for where, resource in found.persons:
        focus = [found.id_of.get(ref.get("reference", "")) for ref in resource.get("focus", [])]
        if len(focus) != 1 or focus[0] is None:
            reader.fail(f"{where}.focus", "must point at one RelatedPerson of the bundle")
            continue
        relationships.append(_read_person(resource, focus[0], document, person_attributes))
    for person in found.people:
        if person["id"] in person_attributes:
            person["attributes"] = person_attributes[person["id"]]
    ties: list[dict[str, Any]] = []
    for where, resource in found.ties:
        ends = [found.id_of.get(ref.get("reference", "")) for ref in resource.get("focus", [])]
        if len(ends) != 2 or None in ends:
            reader.fail(f"{where}.focus", "must point at two RelatedPersons of the bundle")
            continue
        ties.append(_read_tie(resource, [e for e in ends if e is not None]))
    document.update(people=found.people, relationships=relationships, ties=ties)
    if reader.problems:
        raise DocumentError(reader.problems, source="FHIR bundle")
    return validated(
        SupportNetwork.model_validate, document, source="the network read from the FHIR bundle"
    )
