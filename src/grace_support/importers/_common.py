"""Small pieces shared by the study-data importers: CSV rows, strict booleans, warnings.

Nothing here is public API except
[`DroppedDataWarning`][grace_support.importers.DroppedDataWarning].
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from typing import TYPE_CHECKING, Literal, overload

from grace_support._input import DEFAULT_MAX_BYTES, GUARD_FRAMES, read_text
from grace_support.errors import DocumentError, InputError, Problem
from grace_support.importers import _values
from grace_support.importers._result import ErrorMode, ImportResult, check_errors_mode, finish

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from grace_support.network import SupportNetwork

__all__ = [
    "DroppedDataWarning",
    "attribute_name_ok",
    "complete",
    "read_csv_rows",
    "strict_bool",
]


class DroppedDataWarning(UserWarning):
    """Something was left out of networks that were imported (a self-loop, a repeated edge).

    With ``errors="collect"`` these things are listed in
    [`ImportResult.dropped`][grace_support.importers.ImportResult]. With
    ``errors="raise"`` a reader returns only the networks, so it warns once with
    this category, giving the count and each place (file and row, never a value).
    Turn it into an error with ``warnings.simplefilter("error", DroppedDataWarning)``,
    or silence it on purpose with ``"ignore"``.
    """


_SHOWN = 20


def _warn_dropped(dropped: tuple[Problem, ...], source: str) -> None:
    places = "; ".join(str(p) for p in dropped[:_SHOWN])
    more = f"; and {len(dropped) - _SHOWN} more" if len(dropped) > _SHOWN else ""
    count = len(dropped)
    warnings.warn(
        DroppedDataWarning(
            f"{source}: {count} thing{'s' if count != 1 else ''} left out of the imported "
            f"networks (use errors='collect' to get them as ImportResult.dropped): {places}{more}"
        ),
        stacklevel=4 + GUARD_FRAMES,  # the caller of the reader (a guarded entry point)
    )


@overload
def complete(
    networks: Iterable[SupportNetwork],
    problems: Iterable[Problem],
    *,
    errors: Literal["raise"],
    source: str,
    dropped: Iterable[Problem] = (),
) -> tuple[SupportNetwork, ...]: ...
@overload
def complete(
    networks: Iterable[SupportNetwork],
    problems: Iterable[Problem],
    *,
    errors: Literal["collect"],
    source: str,
    dropped: Iterable[Problem] = (),
) -> ImportResult: ...
@overload
def complete(
    networks: Iterable[SupportNetwork],
    problems: Iterable[Problem],
    *,
    errors: ErrorMode,
    source: str,
    dropped: Iterable[Problem] = (),
) -> tuple[SupportNetwork, ...] | ImportResult: ...
def complete(
    networks: Iterable[SupportNetwork],
    problems: Iterable[Problem],
    *,
    errors: ErrorMode,
    source: str,
    dropped: Iterable[Problem] = (),
) -> tuple[SupportNetwork, ...] | ImportResult:
    """`finish`, then the reader's return shape: a tuple (raise) or the result (collect).

    With ``errors="raise"``, anything dropped is reported with a `DroppedDataWarning`.
    """
    result = finish(networks, problems, errors=errors, source=source, dropped=dropped, study=True)
    if errors == "collect":
        return result
    if result.dropped:
        _warn_dropped(result.dropped, source)
    return result.networks


def strict_bool(text: str | None, *, blank: bool | None = False) -> bool | None:
    """Read a boolean strictly: true/false, yes/no, y/n, t/f, 1/0 in any case.

    The one reading of booleans is ``_values.strict_bool`` (shared with egor and the
    tables); this adds what an empty cell means.

    Args:
        text: The cell.
        blank: What an empty cell means.

    Raises:
        ValueError: Anything else (the caller names the place).

    Examples:
        >>> strict_bool("TRUE"), strict_bool("n"), strict_bool(""), strict_bool("", blank=None)
        (True, False, False, None)
    """
    if text is None or not text.strip():
        return blank
    return _values.strict_bool(text)


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")


def attribute_name_ok(name: str) -> bool:
    """Whether `name` can be an attribute name (letter or ``_`` first; at most 64).

    Examples:
        >>> attribute_name_ok("age"), attribute_name_ok("Knows.since"), attribute_name_ok("1st")
        (True, True, False)
    """
    return bool(_NAME.fullmatch(name))


def read_csv_rows(
    path: Path, *, encoding: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[Problem]]:
    """The header, each data row (with the file line it starts on; header = line 1), problems.

    Problems are located as ``"<file> line <n>"`` (Network Canvas's style). A file
    that cannot be decoded, a row with more cells than the header, and a
    broken CSV row are problems naming the file and the line; nothing in a
    problem repeats a value.

    Raises:
        InputError: The file cannot be read at all (missing, too large, not a file).
    """
    name = path.name
    try:
        text = read_text(path, encoding=encoding, max_bytes=max_bytes)
    except InputError:
        raise
    except DocumentError as error:
        return [], [], [Problem(f"{name} {p.location}", p.message) for p in error.problems]
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    line = start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if header is None:
                header = cells
                continue
            if not cells:
                continue
            if len(cells) > len(header):
                problems.append(
                    Problem(f"{name} line {line}", "has more cells than the header has columns")
                )
                continue
            rows.append(
                (line, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
            )
    except csv.Error:
        problems.append(
            Problem(f"{name} line {start}", "is not a readable CSV row (quotes or bytes)")
        )
    return header or [], rows, problems


def check_mode(errors: object) -> ErrorMode:
    """Check ``errors=`` before any work is done."""
    return check_errors_mode(errors)
