"""Custom study variables on people and relationships (``attributes``).

An [`Attributes`][grace_support.Attributes] value is an immutable, hashable mapping
from a name to a plain value: text, a whole number, a finite number, true/false, or
null. It is written to JSON as an object, and left out of documents when empty.
Its ``repr`` lists names only: values can be personal health information.

Examples:
    >>> attrs = Attributes({"age_group": "26-35", "lives_nearby": True})
    >>> attrs["age_group"], len(attrs)
    ('26-35', 2)
    >>> attrs
    Attributes(age_group, lives_nearby)
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints
from pydantic_core import PydanticCustomError, core_schema

if TYPE_CHECKING:
    from pydantic.json_schema import JsonSchemaValue

__all__ = ["MAX_SAFE_INTEGER", "AttributeName", "AttributeValue", "Attributes"]

AttributeValue: TypeAlias = str | bool | int | float | None
"""A plain value: text, true/false, a whole or finite number, or null."""

AttributeName = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z_][A-Za-z0-9_.-]*$")
]
"""A variable name: starts with a letter or ``_``; letters, digits, ``_``, ``.``, ``-``."""


class Attributes(Mapping[str, AttributeValue]):
    """An immutable, hashable mapping of variable names to plain values."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, AttributeValue] | None = None) -> None:
        self._data: dict[str, AttributeValue] = dict(sorted((data or {}).items()))

    def __getitem__(self, key: str) -> AttributeValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))  # consistent with __eq__ (1 == 1.0 == True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Attributes):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Attributes({', '.join(self._data)})"

    def to_dict(self) -> dict[str, AttributeValue]:
        """A plain ``dict`` copy."""
        return dict(self._data)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        name = core_schema.str_schema(min_length=1, max_length=64, pattern=_NAME_PATTERN)
        as_dict = core_schema.dict_schema(
            keys_schema=name, values_schema=core_schema.no_info_plain_validator_function(_value)
        )
        return core_schema.no_info_before_validator_function(
            lambda v: v.to_dict() if isinstance(v, Attributes) else v,
            core_schema.no_info_after_validator_function(cls, as_dict),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.to_dict()),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "object",
            "propertyNames": {"pattern": _NAME_PATTERN, "minLength": 1, "maxLength": 64},
            "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
        }


_NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.-]*$"


MAX_SAFE_INTEGER = 2**53
"""The largest whole number an attribute holds (and its negative the smallest).

Beyond it, JavaScript readers of the JSON and GraphML's widening to floating point
change the value, so it is refused: write such a number as text.
"""


def _value(value: object) -> AttributeValue:
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int):
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return value
        raise PydanticCustomError(
            "attribute_integer_range",
            "is a whole number beyond plus or minus 2^53, which JSON and GraphML readers "
            "cannot keep exactly; write it as text",
        )
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise PydanticCustomError(
        "attribute_value", "must be text, a whole or finite number, true/false, or null"
    )
