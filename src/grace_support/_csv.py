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

import csv
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

__all__ = ["FORMULA_STARTS", "safe_cell", "safe_row", "write_rows"]

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


def write_rows(out: TextIO, rows: Iterable[list[object]]) -> None:
    r"""Write CSV rows (``\n`` line ends), every cell made safe with `safe_cell`.

    Python's writer quotes a cell with a line feed but not one with a lone carriage
    return (with ``\n`` line ends), which a reader would take as a line end; a row
    with one is written with every cell quoted.

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> write_rows(out, [["name", "total"], ["=SUM(A1)", 3], ["a\rb", 4]])
        >>> out.getvalue()
        'name,total\n\'=SUM(A1),3\n"a\rb","4"\n'
    """
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = safe_row(row)
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if has_cr else plain).writerow(cells)
