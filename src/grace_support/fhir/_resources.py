"""Shared helpers: the lazy fhir.resources import, validation, references, dates."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from grace_support._extras import require
from grace_support.errors import format_location, hide_keys
from grace_support.fhir import codes as c

if TYPE_CHECKING:
    from collections.abc import Callable

    from fhir_core.fhirabstractmodel import FHIRAbstractModel

__all__ = [
    "FHIR_VERSION",
    "category",
    "entry_urls",
    "fhir_datetime",
    "r4b",
    "reference",
    "subject_reference",
    "validate",
]

FHIR_VERSION = "4.0.1"
"""The FHIR version of the JSON we write (R4); fhir.resources' R4B models validate it."""


def r4b() -> Any:
    """The ``fhir.resources.R4B`` package, or a clear error naming the ``fhir`` extra."""
    return require("fhir.resources.R4B", extra="fhir", feature="grace_support.fhir")


def validate(data: dict[str, Any]) -> FHIRAbstractModel:
    """The resource as a validated fhir.resources R4B model.

    Raises:
        ValueError: The resource is not valid FHIR; the message names the place
            (never the value found there).
    """
    from pydantic import ValidationError  # noqa: PLC0415

    kind = data.get("resourceType")
    message: str
    try:
        model = r4b().get_fhir_model_class(kind)
    except (KeyError, TypeError, ValueError):
        model = None
    if model is None:
        message = "resourceType: not a FHIR resource type"
    else:
        try:
            return model.model_validate(data)  # type: ignore[no-any-return]
        except ValidationError as error:
            first = error.errors(include_url=False, include_input=False, include_context=False)[0]
            # An unknown key is the input's own word (often a name): named by position.
            where = format_location(hide_keys(first["loc"], first["type"], data))
            # A custom validator's message may quote the value; pydantic's own never do.
            custom = first["type"] in {"value_error", "assertion_error"} or "'" in first["msg"]
            what = "is not a valid value here" if custom else first["msg"]
            message = f"{kind} is not valid FHIR at {where}: {what}"
        except (KeyError, TypeError, ValueError):  # fhir.resources' own checks (e.g. a
            # contained resource of an unknown type): their text may quote the value
            message = f"{kind} is not valid FHIR (an element of an unknown kind)"
    raise ValueError(message)  # outside the except blocks: no chain holding the input


def entry_urls(namespace: uuid.UUID, *seed: object) -> Callable[[], str]:
    """A maker of ``urn:uuid:`` full URLs, the same for the same `seed` (JSON data).

    Each call gives the next URL: a UUID-5 in `namespace` of the seed's SHA-256 and a
    counter, so the same input always gives the same bundle, byte for byte.
    """
    digest = hashlib.sha256(json.dumps(list(seed), sort_keys=True).encode()).hexdigest()
    counter = itertools.count()
    return lambda: f"urn:uuid:{uuid.uuid5(namespace, f'{digest}:{next(counter)}')}"


def subject_reference(
    subject: str | None, entries: list[dict[str, Any]], full_url: Callable[[], str]
) -> dict[str, str]:
    """A reference to `subject`, or, without one, to a new empty ``Patient`` entry."""
    if subject is not None:
        return reference(subject)
    patient_url = full_url()
    entries.append({"fullUrl": patient_url, "resource": {"resourceType": "Patient"}})
    return reference(patient_url)


def reference(target: str, *, what: str = "subject") -> dict[str, str]:
    """A FHIR ``Reference`` to ``target`` (e.g. ``Patient/123`` or a ``urn:uuid:``).

    Raises:
        ValueError: ``target`` is empty or has spaces (the message names `what`).
    """
    if not isinstance(target, str) or not target or any(ch.isspace() for ch in target):
        raise ValueError(f"{what} must be a reference such as 'Patient/123'")
    return {"reference": target}


def fhir_datetime(value: date | datetime | str, *, what: str) -> str:
    """A FHIR ``dateTime``: a day (``YYYY-MM-DD``) or a date and time with a zone.

    Raises:
        ValueError: Not a date, or a date and time without a time zone.
    """
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{what} needs a time zone (FHIR requires one with a time)")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        parsed: datetime | None = None
        with contextlib.suppress(ValueError):
            parsed = datetime.fromisoformat(value)
        if parsed is None:
            raise ValueError(f"{what} must be a date (YYYY-MM-DD) or an ISO date and time")
        if len(value) == 10:
            return parsed.date().isoformat()
        return fhir_datetime(parsed, what=what)
    raise ValueError(f"{what} must be a date, a datetime or an ISO string")


def category(*, survey: bool = False) -> list[dict[str, Any]]:
    """The ``social-connection`` category (SDOH CC IG), plus ``survey`` and ``sdoh`` when asked.

    With `survey`, the observation comes from a questionnaire: it also carries FHIR's
    ``survey`` category and US Core's ``sdoh`` category, which the SDOH Clinical
    Care screening-response profile requires (invariant SDOH-Obs-4).
    """
    cats = [{"coding": [c.coding(c.SDOHCC, "social-connection")]}]
    if survey:
        cats.append({"coding": [c.coding(c.OBSERVATION_CATEGORY, "survey")]})
        cats.append({"coding": [c.coding(c.US_CORE_CATEGORY, "sdoh")]})
    return cats
