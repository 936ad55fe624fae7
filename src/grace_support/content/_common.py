"""Shared pieces of the content models: configuration, slugs, safe URLs."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from grace_support._schema_docs import describe_fields

__all__ = ["HttpsUrl", "Slug", "Text", "_Model"]

Slug = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
]
"""A lower-case id such as ``988-lifeline``: letters, digits and single hyphens."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=5000, strip_whitespace=True)]
"""Non-empty text."""

_URL = re.compile(r"https://[^\s<>\"']+")


def _https(value: str) -> str:
    if not _URL.fullmatch(value):
        raise ValueError("must be an https:// address")
    return value


HttpsUrl = Annotated[str, AfterValidator(_https)]
"""An ``https://`` address (no other scheme, so ``javascript:`` and ``data:`` never pass)."""


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        defer_build=True,
        json_schema_extra=describe_fields,
    )
