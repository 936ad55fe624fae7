"""The one base class of the library's models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from grace_support._schema_docs import describe_fields

__all__ = ["FrozenModel"]


class FrozenModel(BaseModel):
    """Frozen, strict about unknown fields, silent about input values in errors.

    ``defer_build`` keeps ``import grace_support`` cheap (schemas are built on first
    use), and field descriptions in JSON Schemas come from attribute docstrings.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        defer_build=True,
        json_schema_extra=describe_fields,
    )
