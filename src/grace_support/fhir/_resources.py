"""Shared helpers: the lazy fhir.resources import, validation, references, dates."""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from grace_support._extras import require
from grace_support.errors import format_location
from grace_support.fhir import codes as c

if TYPE_CHECKING:
    from fhir_core.fhirabstractmodel import FHIRAbstractModel

__all__ = [
    "FHIR_VERSION",
    "category",
    "fhir_datetime",
    "r4b",
    "reference",
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
    model = r4b().get_fhir_model_class(data["resourceType"])
    from pydantic import ValidationError  # noqa: PLC0415

    try:
        return model.model_validate(data)  # type: ignore[no-any-return]
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False, include_context=False)[0]
        where = format_location(first["loc"])
        # A custom validator's message may quote the value; pydantic's own never do.
        custom = first["type"] in {"value_error", "assertion_error"} or "'" in first["msg"]
        what = "is not a valid value here" if custom else first["msg"]
    # Raised outside the handler: the ValidationError keeps every input.
    raise ValueError(f"{data['resourceType']} is not valid FHIR at {where}: {what}")


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
    """The ``social-connection`` category (SDOH CC IG), plus ``survey`` when asked."""
    cats = [{"coding": [c.coding(c.SDOHCC, "social-connection")]}]
    if survey:
        cats.append({"coding": [c.coding(c.OBSERVATION_CATEGORY, "survey")]})
    return cats
