"""Reading cells of study tables: strict booleans, numbers, missing values, CSV text.

One helper for every table the library reads (egor, Network Canvas, PERSNET,
``read_three_files``, ``tables.from_tables``), so a cell means the same wherever it
is found:

- **Booleans** are read strictly: ``true``/``false``, ``yes``/``no``, ``y``/``n``,
  ``t``/``f`` and ``1``/``0`` in any case, and real booleans (``True``, ``1``,
  ``1.0``). A blank cell is ``False`` for support and need columns. Anything else
  is a problem that names the table, the row and the column, never the value:
  ``"False"`` or ``"no"`` in a support column is *false*, never *true*.
- **Missing** cells: empty text, ``NA`` (as R writes it), ``None``, ``NaN``.
- **Numbers** in text are read with a given decimal mark (``,`` for R's
  ``write.csv2``).
- **Study variables** (cells kept as attributes) are read by one parser,
  [`parse_cell`][]: missing is ``None``; ``true``/``false`` (any case, as R and
  JavaScript write them) are booleans; a number is a number; anything else is text.
  **A code with a leading zero stays text** (``"02143"``, ``"007"``): ids and ZIP
  codes are labels, and reading them as numbers would lose the zero. ``"0"``,
  ``"0.5"`` and ``"-0.25"`` are numbers.
- **Places** in CSV files are file lines: the header is line 1, and a row that
  spans several lines (a quoted line break) is named by the line it starts on.

Examples:
    >>> [strict_bool(v) for v in ["TRUE", "no", "Y", "f", "1", 0, True, ""]]
    [True, False, True, False, True, False, True, None]
    >>> strict_bool("maybe")
    Traceback (most recent call last):
        ...
    ValueError: is not true or false (write true/false, yes/no, y/n, t/f or 1/0)
    >>> parse_cell("0,5", decimal=","), parse_cell("12"), parse_cell("NA"), parse_cell("m")
    (0.5, 12, None, 'm')
    >>> parse_cell("02143"), parse_cell("TRUE"), parse_cell("0"), parse_cell(" 2.5 ")
    ('02143', True, 0, 2.5)
"""

from __future__ import annotations

import csv
import io
import math
import re
from typing import TYPE_CHECKING, Any

from grace_support._input import whole_number

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "BOOLEAN_WORDS",
    "detect_decimal",
    "detect_sep",
    "is_missing",
    "parse_cell",
    "parse_number",
    "split_csv",
    "strict_bool",
]

BOOLEAN_WORDS: dict[str, bool] = {
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "y": True,
    "n": False,
    "t": True,
    "f": False,
    "1": True,
    "0": False,
}
"""The words read as booleans (compared in lower case, after trimming spaces)."""

BOOLEAN_PROBLEM = "is not true or false (write true/false, yes/no, y/n, t/f or 1/0)"
"""The message for a cell that is not a boolean (it never repeats the value)."""

MISSING_WORDS = frozenset({"", "na", "nan"})
"""Text read as a missing value (after trimming spaces; any case)."""


def is_missing(value: object) -> bool:
    """Whether a cell is missing: ``None``, ``NaN``, pandas' ``NA``/``NaT``, blank or ``NA`` text.

    Examples:
        >>> [is_missing(v) for v in [None, float("nan"), "", " NA ", "0", 0]]
        [True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in MISSING_WORDS
    if isinstance(value, float):
        return math.isnan(value)
    kind = type(value).__name__
    if kind in ("NAType", "NaTType"):
        return True
    try:  # numpy floats
        return bool(value != value)  # noqa: PLR0124
    except (TypeError, ValueError):
        return False


def strict_bool(value: object) -> bool | None:
    """A cell as a boolean, read strictly; ``None`` for a missing cell.

    Raises:
        ValueError: The cell is not one of the boolean words or a real boolean
            (the message never repeats the value).
    """
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
        if isinstance(value, bool):
            return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in BOOLEAN_WORDS:
            return BOOLEAN_WORDS[word]
        if word in ("1.0", "0.0"):
            return word == "1.0"
    raise ValueError(BOOLEAN_PROBLEM)


_INT = re.compile(r"[+-]?\d+")


def parse_number(text: str, *, decimal: str = ".") -> int | float | None:
    """A number written as text with this decimal mark, or ``None`` when it is not one.

    Examples:
        >>> parse_number("0,333", decimal=","), parse_number("7"), parse_number("1e3")
        (0.333, 7, 1000.0)
        >>> parse_number("1,5"), parse_number("inf")
        (None, None)
    """
    text = text.strip()
    if _INT.fullmatch(text):
        return whole_number(text)  # None past MAX_DIGITS digits
    if decimal != "." and "." in text:
        return None
    candidate = text.replace(decimal, ".") if decimal != "." else text
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", candidate):
        return None
    number = float(candidate)
    return number if math.isfinite(number) else None


def parse_cell(text: str | None, *, decimal: str = ".") -> str | int | float | bool | None:
    """A CSV cell as the plainest value: missing, a boolean, a number, or text.

    The one reading of a study variable's cell for every importer:

    - ``None`` when missing (blank, ``NA``, ``NaN``; see [`is_missing`][]);
    - ``True``/``False`` for ``true``/``false`` in any case (``TRUE`` as R writes it);
    - a whole number or a finite number, with this decimal mark;
    - otherwise the text, without surrounding spaces. A code with a leading zero
      (``"02143"``, ``"007"``, ``"-01"``) stays text: ids and ZIP codes are labels.

    Examples:
        >>> [parse_cell(v) for v in ["12", "2.5", "true", "FALSE", "02143", "x", "", "inf"]]
        [12, 2.5, True, False, '02143', 'x', None, 'inf']
        >>> parse_cell("0,5", decimal=","), parse_cell("0"), parse_cell("0.75")
        (0.5, 0, 0.75)
    """
    if text is None or is_missing(text):
        return None
    stripped = text.strip()
    word = stripped.lower()
    if word in ("true", "false"):
        return word == "true"
    if _LEADING_ZERO.match(stripped):
        return stripped
    number = parse_number(stripped, decimal=decimal)
    return stripped if number is None else number


_LEADING_ZERO = re.compile(r"[+-]?0\d")


_SEPARATORS = (",", ";", "\t", "|")


def detect_sep(text: str) -> str:
    r"""The field separator of CSV text, from its header line: ``,``, ``;``, tab or ``|``.

    The separator that occurs most often outside quotes in the first line wins; a
    tie (or a single column) means ``,``.

    Examples:
        >>> detect_sep('"egoID";"sex"\n1;"m"\n'), detect_sep("a,b\n"), detect_sep("a\tb")
        (';', ',', '\t')
    """
    header = text.split("\n", 1)[0]
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {sep: outside.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def detect_decimal(text: str, *, sep: str) -> str:
    r"""The decimal mark: ``,`` when the separator is ``;`` (R's ``write.csv2``), else ``.``.

    With ``;`` as the separator, a file whose numbers are written with ``.`` and
    never with ``,`` gets ``.``.

    Examples:
        >>> detect_decimal("a;b\n1;0,5\n", sep=";"), detect_decimal("a;b\n1;0.5\n", sep=";")
        (',', '.')
    """
    if sep != ";":
        return "."
    comma = len(re.findall(r"(?:^|;)\s*[+-]?\d+,\d+\s*(?=;|$)", text, flags=re.MULTILINE))
    dot = len(re.findall(r"(?:^|;)\s*[+-]?\d+\.\d+\s*(?=;|$)", text, flags=re.MULTILINE))
    return "." if dot and not comma else ","


def split_csv(text: str, *, sep: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    r"""The header and the rows of CSV text; each row with the file line it starts on.

    The header is line 1. A row with a quoted line break is named by its first
    line, so the number is the line an editor shows. Rows that are entirely empty
    are skipped.

    Raises:
        ValueError: The text is not CSV (e.g. an unclosed quote); the message names
            no value.

    Examples:
        >>> split_csv('a,b\n1,"x\ny"\n2,z\n', sep=",")
        (['a', 'b'], [(2, ['1', 'x\ny']), (4, ['2', 'z'])])
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if header is None:
                header = [cell.strip() for cell in row]
                continue
            if not any(cell.strip() for cell in row):
                continue
            rows.append((line, row))
    except csv.Error:
        raise ValueError("is not valid CSV (check quotes and the separator)") from None
    return header or [], rows


def first_duplicate(names: Sequence[str]) -> str | None:
    """The first name that occurs twice, if any."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return None


def plain(value: Any) -> Any:
    """A table cell (pandas, numpy or Python) as a plain Python value; missing becomes None."""
    if is_missing(value):
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    return value
