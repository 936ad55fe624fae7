"""The one base class of the library's models."""

from __future__ import annotations

import typing
from functools import cache
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

from grace_support._schema_docs import describe_fields
from grace_support.errors import hide_keys

__all__ = ["FrozenModel", "scrubbed"]


@cache
def _builtin_error_types() -> frozenset[str]:
    return frozenset(typing.get_args(ErrorType))


def scrubbed(
    error: ValidationError, *, input_type: Literal["python", "json"] = "python", data: Any = None
) -> ValidationError:
    """The same validation error without the input values it carries.

    pydantic's ``ValidationError`` keeps every rejected value in ``errors()``
    (``input``) even when ``hide_input_in_errors`` keeps it out of the message.
    Names and ids are personal health information, so the library's models raise
    this copy instead: the same title, locations, types and messages (worded for
    `input_type`, as pydantic words them for JSON or Python input), every ``input``
    replaced by ``None``. Raise it *outside* the ``except`` block that
    caught the original, so the original is not kept as ``__context__``.
    Keys the input chose (attribute names, unknown fields) are named by their
    position in `data`, never echoed ([`hide_keys`][grace_support.errors.hide_keys]).

    Examples:
        >>> from grace_support import Person
        >>> try:
        ...     Person(id="Ana Díaz!")
        ... except ValidationError as error:
        ...     [detail["input"] for detail in error.errors()]
        [None]
    """
    known = _builtin_error_types()
    details: list[InitErrorDetails] = []
    for detail in error.errors(include_url=False):
        ctx = detail.get("ctx")
        kind: str | PydanticCustomError = detail["type"]
        if kind not in known:  # a custom error: keep its type and its (value-free) message
            kind = PydanticCustomError(detail["type"], detail["msg"])  # no ctx: not formatted
            ctx = None
        loc = hide_keys(detail["loc"], detail["type"], data)
        line: InitErrorDetails = {"type": kind, "loc": loc, "input": None}
        if ctx is not None:
            line["ctx"] = ctx
        details.append(line)
    return ValidationError.from_exception_data(
        error.title, details, input_type=input_type, hide_input=True
    )


class FrozenModel(BaseModel):
    """Frozen, strict about unknown fields, silent about input values in errors.

    ``defer_build`` keeps ``import grace_support`` cheap (schemas are built on first
    use), and field descriptions in JSON Schemas come from attribute docstrings.
    A ``ValidationError`` raised while building or validating a model carries no
    input value, not in its message and not in ``errors()`` (see `scrubbed`).
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        defer_build=True,
        json_schema_extra=describe_fields,
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            # What BaseModel.__init__ does, without its extra frame (models are built often).
            self.__pydantic_validator__.validate_python(data, self_instance=self)
            return
        except ValidationError as error:
            clean = scrubbed(error, data=data)
        raise clean  # outside the except block: the original is not kept as context

    # Tell pydantic this __init__ only wraps the base one, so validation of nested models
    # (and model_validate) stays in pydantic-core instead of calling it per model.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate `obj` as pydantic does; an error carries no input value."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as error:
            clean = scrubbed(error, data=obj)
        raise clean

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Validate JSON text as pydantic does; an error carries no input value."""
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as error:
            clean = scrubbed(error, input_type="json", data=_decoded(error, json_data))
        raise clean

    @classmethod
    def model_validate_strings(cls, obj: Any, **options: Any) -> Self:
        """Validate string data as pydantic does; an error carries no input value."""
        try:
            return super().model_validate_strings(obj, **options)
        except ValidationError as error:
            clean = scrubbed(error, data=obj)
        raise clean


def _decoded(error: ValidationError, text: str | bytes | bytearray) -> Any:
    """The decoded JSON, to name keys by position; only when a key is at fault."""
    details = error.errors(include_url=False, include_input=False, include_context=False)
    if not any(d["type"] == "extra_forbidden" or "attributes" in d["loc"] for d in details):
        return None
    import json  # noqa: PLC0415 (only on this error path)

    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None
