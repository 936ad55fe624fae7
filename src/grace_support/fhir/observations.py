"""Instrument scores as FHIR ``Observation``s (category ``social-connection``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from grace_support.fhir import codes as c
from grace_support.fhir._resources import category, fhir_datetime, reference, validate
from grace_support.instruments import get

if TYPE_CHECKING:
    from datetime import date, datetime

    from fhir.resources.R4B.observation import Observation

    from grace_support.instruments import InstrumentScore, Number

__all__ = ["claims_screening_profile", "observations", "quantity"]


def quantity(value: Number, unit: str) -> dict[str, Any]:
    """A FHIR ``Quantity`` in a UCUM unit from the code table (``{count}``, ``1``, ``{score}``).

    Examples:
        >>> quantity(3, "{count}")
        {'value': 3, 'unit': 'count', 'system': 'http://unitsofmeasure.org', 'code': '{count}'}
    """
    unit_code = c.lookup(c.UCUM, unit)
    return {"value": value, "unit": unit_code.display, "system": c.UCUM, "code": unit}


def _score_code(instrument_id: str, name: str) -> dict[str, Any]:
    codings = []
    key = (instrument_id, name)
    if key in c.LOINC_SCORES:
        codings.append(c.coding(c.LOINC, c.LOINC_SCORES[key]))
    ours = instrument_id if name == "total" else f"{instrument_id}.{name}"
    codings.append(c.coding(c.SCORE, ours))
    return {"coding": codings}


def claims_screening_profile(observation: dict[str, Any]) -> bool:
    """Whether an observation has what the SDOH CC screening-response profile requires.

    The profile (SDOHCC-ObservationScreeningResponse, IG 3.0.0) requires a status,
    at least two categories including US Core's ``sdoh`` (SDOH-Obs-4), a code from
    US Core's survey codes (LOINC), a subject and an effective time. An observation
    without a subject, a day, or a LOINC code is still valid FHIR, but does not
    claim the profile.

    Version added:
        0.2.0
    """
    codings = observation.get("code", {}).get("coding", [])
    return (
        "subject" in observation
        and "effectiveDateTime" in observation
        and any(coding["system"] == c.LOINC for coding in codings)
    )


def _value(instrument_id: str, name: str, value: Number) -> dict[str, Any]:
    """The score as a ``{score}`` quantity, or as LOINC's answer for a one-item instrument."""
    answers = c.LOINC_ANSWERS.get((instrument_id, _ONLY_ITEM.get(instrument_id, "")))
    if name == "total" and answers is not None and int(value) in answers:
        return {"valueCodeableConcept": {"coding": [c.coding(c.LOINC, answers[int(value)])]}}
    return {"valueQuantity": quantity(value, "{score}")}


_ONLY_ITEM = {"cms_loneliness": "lonely_or_isolated"}
"""One-item instruments whose score is the item's LOINC-coded answer."""


def observations(
    instrument_score: InstrumentScore,
    *,
    subject: str | None = None,
    effective: date | datetime | str | None = None,
    derived_from: str | None = None,
) -> list[Observation]:
    """The score as FHIR ``Observation``s: the total first, then each subscale.

    Each has the ``social-connection`` category (SDOH Clinical Care IG), ``survey``
    and US Core's ``sdoh``, a code from our score code system (plus LOINC where
    LOINC defines that score: the MOS-SSS overall index 91663-5, the NHANES social
    isolation score 76512-3, the CMS loneliness item 93159-2), the value as a
    ``{score}`` quantity (for the CMS item: LOINC's answer), and, on the total, the
    instrument's published band as the interpretation.

    An observation with a LOINC code, a `subject` and an `effective` day claims
    the SDOH Clinical Care screening-response profile
    (``meta.profile``, SDOHCC-ObservationScreeningResponse), whose required
    elements it has; pass `derived_from` so it points at its response, as the
    guide advises.

    Args:
        instrument_score: What [`score`][grace_support.instruments.score] or
            [`score_response`][grace_support.fhir.score_response] returned.
        subject: A reference to the person (``Patient/123``); left out when ``None``.
        effective: When the answers were given; left out when ``None``.
        derived_from: A reference to the ``QuestionnaireResponse`` the score comes
            from (e.g. ``QuestionnaireResponse/abc`` or a ``urn:uuid:``).

    Raises:
        ValueError: A malformed ``subject``, ``effective`` or ``derived_from``.

    Examples:
        >>> from grace_support.instruments import score
        >>> [str(o.valueQuantity.value) for o in observations(score("lsns6", [3, 2, 2, 1, 1, 0]))]
        ['9', '7', '2']
    """
    instrument = get(instrument_score.instrument)
    common: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": category(survey=True),
    }
    if subject is not None:
        common["subject"] = reference(subject)
    if effective is not None:
        common["effectiveDateTime"] = fhir_datetime(effective, what="effective")
    if derived_from is not None:
        common["derivedFrom"] = [reference(derived_from, what="derived_from")]
    scores: list[tuple[str, Number]] = [("total", instrument_score.total)]
    scores += list(instrument_score.subscales.items())
    result: list[Observation] = []
    for name, value in scores:
        data = {**common, "code": _score_code(instrument.id, name)}
        data.update(_value(instrument.id, name, value))
        if claims_screening_profile(data):
            data = {
                "resourceType": "Observation",
                "meta": {"profile": [c.SCREENING_RESPONSE]},
                **data,
            }
        if name == "total" and instrument_score.band is not None:
            band = c.coding(c.BAND, f"{instrument.id}.{instrument_score.band}")
            data["interpretation"] = [{"coding": [band]}]
        if instrument_score.options:
            chosen = ", ".join(f"{k}={v}" for k, v in instrument_score.options.items())
            data["method"] = {"text": f"Scoring options: {chosen}"}
        result.append(validate(data))  # type: ignore[arg-type]
    return result
