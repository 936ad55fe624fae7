r"""Writing CSV that is safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return) as a formula, so a name such as ``=HYPERLINK(...)``
in a network could act when a clinician opens the export. Every CSV writer in the
library passes its text cells through [`safe_cell`][grace_support._csv.safe_cell],
which puts a ``'`` in front of such a cell (the OWASP advice); numbers are left alone.

Examples:
    >>> safe_cell("=1+1"), safe_cell("-3"), safe_cell(-3), safe_cell("Ana")
    ("'=1+1", "'-3", -3, 'Ana')
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["FORMULA_STARTS", "safe_cell", "safe_row"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""

T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """The cell, with a ``'`` in front when it is text a spreadsheet would run.

    Only text is changed: numbers (``-3``) are written as numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: list[object]) -> list[object]:
    """Every cell of a row through [`safe_cell`][grace_support._csv.safe_cell]."""
    return [safe_cell(value) for value in values]
