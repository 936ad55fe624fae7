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

__all__ = ["observations", "quantity"]


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


def observations(
    instrument_score: InstrumentScore,
    *,
    subject: str | None = None,
    effective: date | datetime | str | None = None,
    derived_from: str | None = None,
) -> list[Observation]:
    """The score as FHIR ``Observation``s: the total first, then each subscale.

    Each has the ``social-connection`` category (SDOH Clinical Care IG) and
    ``survey``, a code from our score code system (plus LOINC where LOINC defines
    that score: the MOS-SSS overall index, 91663-5), the value as a ``{score}``
    quantity, and, on the total, the instrument's published band as the
    interpretation.

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
        data["valueQuantity"] = quantity(value, "{score}")
        if name == "total" and instrument_score.band is not None:
            band = c.coding(c.BAND, f"{instrument.id}.{instrument_score.band}")
            data["interpretation"] = [{"coding": [band]}]
        if instrument_score.options:
            chosen = ", ".join(f"{k}={v}" for k, v in instrument_score.options.items())
            data["method"] = {"text": f"Scoring options: {chosen}"}
        result.append(validate(data))  # type: ignore[arg-type]
    return result
