"""What every reader of many networks returns, and its ``errors=`` policy.

Readers of many networks (study exports, tables, JSON Lines) take
``errors="raise" | "collect"``:

- ``"raise"`` (the default) returns the networks when every one is valid, and
  otherwise raises one [`DocumentError`][grace_support.DocumentError] that lists
  every problem found, in every network;
- ``"collect"`` returns an [`ImportResult`][grace_support.importers.ImportResult]:
  the valid networks, and a [`Problem`][grace_support.Problem] for each one left
  out, naming the file, the row or ego position and the column, never a value.

Examples:
    >>> from grace_support import Problem
    >>> result = finish([], [Problem("ego 2, line 3, column role", "is not a known role",
    ...                              source="alters.csv")], errors="collect", source="study")
    >>> len(result.networks), [str(p) for p in result.problems]
    (0, ['alters.csv: ego 2, line 3, column role: is not a known role'])
    >>> finish([], [Problem("line 1", "is empty")], errors="raise", source="study", study=True)
    Traceback (most recent call last):
        ...
    grace_support.importers._result.StudyDataError: study could not be imported (1 problem):
      line 1: is empty
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from grace_support.errors import DocumentError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from grace_support.network import SupportNetwork

__all__ = ["ErrorMode", "ImportResult", "StudyDataError", "check_errors_mode", "finish"]

ErrorMode = Literal["raise", "collect"]
"""What a reader of many networks does with bad ones: raise, or collect and go on."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The networks a reader could read, and what it could not.

    Attributes:
        networks: The valid networks, in the order of the source.
        problems: One or more problems for each network left out (file, row or
            ego position, column; never a value).
        dropped: Things left out of networks that *were* imported (a self-loop,
            a duplicate edge), each named with its file, row and reason. They do
            not cost the network its place in ``networks``.
    """

    networks: tuple[SupportNetwork, ...]
    problems: tuple[Problem, ...] = ()
    dropped: tuple[Problem, ...] = ()

    def __iter__(self) -> Iterator[SupportNetwork]:
        """Iterate over the valid networks."""
        return iter(self.networks)

    def __len__(self) -> int:
        """The number of valid networks."""
        return len(self.networks)

    @property
    def ok(self) -> bool:
        """Whether nothing was left out (no problems and nothing dropped)."""
        return not self.problems and not self.dropped


class StudyDataError(DocumentError):
    """A [`DocumentError`][grace_support.DocumentError] about study data, not a document.

    Raised by the readers of study files and tables with ``errors="raise"``, and by
    ``grace-support import``: its first line says the data could not be imported
    (not that a document is invalid), and each problem names the file and line (or
    the table and row) and the column. Catch ``DocumentError`` as before.
    """

    def _head(self) -> str:
        count = len(self.problems)
        what = self.source or "The study data"
        return f"{what} could not be imported ({count} problem{'s' if count != 1 else ''}):"


def check_errors_mode(errors: object) -> ErrorMode:
    """Check an ``errors=`` argument; a typo must not switch a policy silently.

    Raises:
        ValueError: ``errors`` is not ``"raise"`` or ``"collect"``.
    """
    if errors not in get_args(ErrorMode):
        raise ValueError('errors must be "raise" or "collect"')
    return errors  # type: ignore[return-value]


def finish(
    networks: Iterable[SupportNetwork],
    problems: Iterable[Problem],
    *,
    errors: ErrorMode,
    source: str | None,
    dropped: Iterable[Problem] = (),
    study: bool = False,
) -> ImportResult:
    """Apply the ``errors=`` policy at the end of a reader.

    Each problem is kept once (in order), and nothing is both a problem and dropped:
    an item dropped at the very place of a problem is left out of ``dropped``.

    Args:
        networks: The valid networks.
        problems: Why networks were left out.
        errors: ``"raise"`` or ``"collect"``.
        source: The source, for the error's first line.
        dropped: What was left out of networks that were kept.
        study: Study data (files, tables) rather than documents: the error raised is
            a `StudyDataError`.

    Returns:
        The result (with ``errors="raise"``, only when there were no problems).

    Raises:
        DocumentError: With ``errors="raise"``, listing every problem.
    """
    unique = tuple(dict.fromkeys(problems))
    places = {(p.source, p.location) for p in unique}
    kept = tuple(d for d in dict.fromkeys(dropped) if (d.source, d.location) not in places)
    result = ImportResult(tuple(networks), unique, kept)
    if check_errors_mode(errors) == "raise" and result.problems:
        kind = StudyDataError if study else DocumentError
        raise kind(result.problems, source=source)
    return result
