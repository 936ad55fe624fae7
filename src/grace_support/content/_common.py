"""Shared pieces of the content models: configuration, slugs, safe URLs."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

__all__ = ["HttpsUrl", "Slug", "Text"]

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
