"""An assessment as a FHIR ``Bundle``: measures, findings and the people named.

The bundle (type ``collection``) holds, in this order:

1. one ``Observation`` per measure of the network, generated from the fields of
   [`Measures`][grace_support.assessment.Measures] (so a new measure appears by
   itself): counts in ``{count}``, proportions and indices in ``1``; a nested group
   of counts (e.g. support counts) as components; a list (e.g. missing support
   types) as its length with one coded component per member; an undefined value
   as ``dataAbsentReason`` ``not-applicable``;
2. one ``Observation`` per finding: the finding code, its severity as the
   interpretation, and components for the support type, each advised action and
   the number of people it is about, with ``focus`` on their ``RelatedPerson``s;
3. one ``RelatedPerson`` per person who is not a professional, with the v3
   RoleCode relationship where RoleCode has one, our role code, and ``active``:
   whether they are in touch on the assessment's day
   ([`in_touch`][grace_support.touch.in_touch], the one definition the findings use).

Every observation has the ``social-connection`` category (SDOH Clinical Care IG),
the subject, and the assessment's day as ``effectiveDateTime``. There is no free
text, and no name, id or other detail of anyone unless the caller asks:
``names=True`` adds each person's name to their ``RelatedPerson``; the
person at the centre appears only as the ``subject`` the caller passes. Entry
``fullUrl``s are ``urn:uuid:``s derived from the content, so the same input gives
the same bundle byte for byte.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from grace_support._deprecation import deprecated
from grace_support.fhir import codes as c
from grace_support.fhir._resources import (
    category,
    entry_urls,
    fhir_datetime,
    reference,
    subject_reference,
    validate,
)
from grace_support.fhir.observations import quantity
from grace_support.touch import in_touch
from grace_support.vocabulary import ActionId, Role, RoleCategory, SupportType

if TYPE_CHECKING:
    from fhir.resources.R4B.bundle import Bundle

    from grace_support.assessment import Assessment, Finding
    from grace_support.network import Person, Relationship, SupportNetwork

__all__ = ["assessment_bundle", "fhir_string"]

_NAMESPACE = uuid.UUID("6f1e0c5a-3c1b-5d2e-9a47-2d6a4f3b8c11")
_ENUM_SYSTEMS: dict[type[Enum], str] = {
    SupportType: c.SUPPORT_TYPE,
    Role: c.ROLE,
    ActionId: c.ACTION,
}


_OTHER_WHITESPACE = re.compile(r"[^\S \r\n\t]")


def fhir_string(text: str) -> str:
    """Text as a FHIR ``string``: whitespace other than space, tab and newlines becomes a space.

    Examples:
        >>> fhir_string("Ana\u2028Maria")
        'Ana Maria'
    """
    return _OTHER_WHITESPACE.sub(" ", text)


def _absent() -> dict[str, Any]:
    return {"coding": [c.coding(c.DATA_ABSENT_REASON, "not-applicable")]}


def _member(value: object) -> dict[str, Any]:
    """A coded value for a list member: our code where we have one, else its text."""
    for enum_type, system in _ENUM_SYSTEMS.items():
        if isinstance(value, enum_type):
            return {"valueCodeableConcept": {"coding": [c.coding(system, str(value.value))]}}
    return {"valueString": str(value.value if isinstance(value, Enum) else value)}


def _scalar(value: object) -> dict[str, Any]:
    """The ``value[x]`` (or ``dataAbsentReason``) of one plain measure value."""
    if value is None:
        return {"dataAbsentReason": _absent()}
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueQuantity": quantity(value, "{count}")}
    if isinstance(value, float):
        return {"valueQuantity": quantity(value, "1")}
    return _member(value)


def _measure(name: str, value: object) -> dict[str, Any]:
    """The code, value and components of one measure's observation."""
    data: dict[str, Any] = {"code": {"coding": [c.coding(c.MEASURE, name)]}}
    if isinstance(value, BaseModel):
        data["component"] = [
            {"code": {"coding": [c.coding(c.MEASURE, f"{name}.{sub}")]}, **_scalar(sub_value)}
            for sub, sub_value in ((s, getattr(value, s)) for s in type(value).model_fields)
        ]
    elif isinstance(value, Mapping):
        data["component"] = [
            {"code": {"text": str(key)}, **_scalar(sub_value)}
            for key, sub_value in sorted(value.items(), key=lambda kv: str(kv[0]))
        ]
    elif isinstance(value, Sequence) and not isinstance(value, str):
        data["valueQuantity"] = quantity(len(value), "{count}")
        if value:
            item = {"coding": [c.coding(c.COMPONENT, "item")]}
            data["component"] = [{"code": item, **_member(member)} for member in value]
    else:
        data.update(_scalar(value))
    return data


def _finding(finding: Finding, focus: list[dict[str, str]]) -> dict[str, Any]:
    components: list[dict[str, Any]] = []
    if finding.support_type is not None:
        components.append(
            {
                "code": {"coding": [c.coding(c.COMPONENT, "support-type")]},
                "valueCodeableConcept": {
                    "coding": [c.coding(c.SUPPORT_TYPE, finding.support_type.value)]
                },
            }
        )
    components.extend(
        {
            "code": {"coding": [c.coding(c.COMPONENT, "action")]},
            "valueCodeableConcept": {"coding": [c.coding(c.ACTION, action.value)]},
        }
        for action in finding.actions
    )
    components.append(
        {
            "code": {"coding": [c.coding(c.COMPONENT, "people")]},
            "valueQuantity": quantity(len(finding.people), "{count}"),
        }
    )
    data: dict[str, Any] = {
        "code": {"coding": [c.coding(c.FINDING, finding.code.value)]},
        "interpretation": [{"coding": [c.coding(c.SEVERITY, finding.severity.value)]}],
        "component": components,
    }
    if focus:
        data["focus"] = focus
    return data


def _is_professional(relationship: Relationship) -> bool:
    role: Role | None = getattr(relationship, "role", None)
    return role is not None and role.category is RoleCategory.PROFESSIONAL


def _related_person(
    person: Person,
    relationship: Relationship,
    patient: dict[str, str],
    *,
    names: bool,
    active: bool | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {"resourceType": "RelatedPerson", "patient": patient}
    if active is not None:
        data["active"] = active
    role: Role | None = getattr(relationship, "role", None)
    if role is not None:
        codings = []
        if role in c.ROLE_CODES:
            codings.append(c.coding(c.V3_ROLE_CODE, c.ROLE_CODES[role]))
        codings.append(c.coding(c.ROLE, role.value))
        data["relationship"] = [{"coding": codings}]
    if names and person.name is not None:
        data["name"] = [{"text": fhir_string(person.name)}]
    return data


def assessment_bundle(
    assessment: Assessment,
    network: SupportNetwork,
    *,
    subject: str | None = None,
    names: bool = False,
    include_names: bool | None = None,
) -> Bundle:
    """The assessment of a network as a FHIR ``Bundle`` of type ``collection``.

    Args:
        assessment: What [`assess`][grace_support.assess] returned for `network`.
        network: The network that was assessed (for the people in it).
        subject: A reference to the person at the centre, e.g. ``Patient/123``. When
            ``None``, the bundle holds an empty ``Patient`` (no name, no id, no
            detail) that every resource refers to, since ``RelatedPerson`` needs one.
        names: Add each person's name to their ``RelatedPerson``. Off by
            default: names are personal health information.
        include_names: The older spelling of ``names``; deprecated (it warns with
            ``DeprecationWarning``) and removed in a later minor release.

    Returns:
        The bundle, validated with fhir.resources' R4B models; its JSON is FHIR R4.

    Raises:
        ValueError: ``subject`` is not a reference, or the assessment is not of
            this network (a finding names someone who is not in it).
        MissingExtraError: fhir.resources (``grace-support[fhir]``) is not installed.

    Examples:
        >>> from grace_support import assess
        >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
        >>> network = example_network()
        >>> bundle = assessment_bundle(
        ...     assess(network, as_of=EXAMPLE_AS_OF), network, subject="Patient/123"
        ... )
        >>> bundle.type, sorted({e.resource.get_resource_type() for e in bundle.entry})
        ('collection', ['Observation', 'RelatedPerson'])
        >>> "Ana" in bundle.model_dump_json()
        False
    """
    if include_names is not None:
        deprecated("assessment_bundle(include_names=...)", use="pass names=...", since="0.2.0")
        names = names or include_names
    people = {p.id for p in network.people}
    if any(pid not in people for f in assessment.findings for pid in f.people):
        raise ValueError("the assessment is not of this network (a finding names someone else)")
    full_url = entry_urls(
        _NAMESPACE, assessment.model_dump(mode="json"), network.to_document(), subject, names
    )
    entries: list[dict[str, Any]] = []
    patient = subject_reference(subject, entries, full_url)

    # RelatedPersons get their urls first, so findings can point at them
    related: list[tuple[str, dict[str, Any]]] = []
    url_of: dict[str, str] = {}
    for person, relationship in sorted(network.alters, key=lambda pr: pr[0].id):
        if _is_professional(relationship):
            continue
        url_of[person.id] = full_url()
        active = in_touch(relationship, as_of=assessment.as_of, settings=assessment.settings)
        resource = _related_person(person, relationship, patient, names=names, active=active)
        related.append((url_of[person.id], resource))

    common: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": category(),
        "subject": patient,
        "effectiveDateTime": fhir_datetime(assessment.as_of, what="as_of"),
    }
    measures = assessment.measures
    for name in type(measures).model_fields:
        resource = {**common, **_measure(name, getattr(measures, name))}
        entries.append({"fullUrl": full_url(), "resource": resource})
    for finding in assessment.findings:
        focus = [reference(url_of[p]) for p in finding.people if p in url_of]
        resource = {**common, **_finding(finding, focus)}
        entries.append({"fullUrl": full_url(), "resource": resource})
    entries.extend({"fullUrl": url, "resource": resource} for url, resource in related)
    data = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    return validate(data)  # type: ignore[return-value]
