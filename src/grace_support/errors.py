"""Exceptions raised by grace_support.

The tree is small; catch the root to catch everything the library raises on purpose::

    GraceSupportError
    ├── DocumentError(ValueError)        a document breaks the contract (file, where, what)
    │   └── InputError                   the input itself cannot be read (missing, too large, ...)
    ├── UnknownPersonError(KeyError)     a lookup names an id that is not in the network
    └── MissingExtraError(ImportError)   an optional extra is not installed

and one warning, ``GeneratorChangedWarning(UserWarning)``: two waves of an ego were
interviewed with different name generators or caps on names.

Messages say *where* a problem is (``relationships[2].supports[0]``) and *what* is
wrong, and never repeat the values found there: names and free text in a support
network are personal health information.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

_In = TypeVar("_In")
_Out = TypeVar("_Out")

__all__ = [
    "MAX_LISTED_PROBLEMS",
    "AsOfError",
    "DocumentError",
    "GeneratorChangedWarning",
    "GraceSupportError",
    "InputError",
    "MissingExtraError",
    "Problem",
    "UnknownPersonError",
    "format_location",
    "hide_keys",
    "problems_from_validation_error",
    "validated",
]


class GraceSupportError(Exception):
    """The root of every exception that grace_support raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document: where it is, and what is wrong.

    Attributes:
        location: Where in the document, e.g. ``relationships[2].supports[0]``;
            ``(document)`` for the document as a whole.
        message: What is wrong, in words that never repeat the value found there.
        source: The file the problem is in, when a reader of many files reports
            it (``alters_3.csv``); ``None`` when the error's own source says it.

    Examples:
        >>> str(Problem("row 4, column role", "is not a known role", source="alters.csv"))
        'alters.csv: row 4, column role: is not a known role'
    """

    location: str
    message: str
    source: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}: {self.location}" if self.source else self.location
        return f"{where}: {self.message}"


MAX_LISTED_PROBLEMS = 100
"""An error message lists at most this many problems, then says how many more."""


def format_location(loc: Sequence[str | int]) -> str:
    """Write a pydantic error location the way a person reads a JSON path.

    Examples:
        >>> format_location(("relationships", 2, "supports", 0))
        'relationships[2].supports[0]'
        >>> format_location(("people", 0, "attributes", "bad name", "[key]"))
        'people[0].attributes.bad name (the name)'
        >>> format_location(())
        '(document)'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":  # pydantic's marker for a problem with a mapping's key
            out += " (the name)"
        elif _is_token(part):  # a key named by position (see hide_keys)
            out += f", {part[1:-1]}" if out else part[1:-1]
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


class DocumentError(GraceSupportError, ValueError):
    """A document does not satisfy the contract.

    Attributes:
        problems: Every problem found, in document order where that is known.
        source: The file the document came from (``<stdin>``, a path), if known.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._render())

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its problems (not its message), so it survives pickling (Dask workers).
        return (_restore, (type(self), self.problems, self.source))

    def _head(self) -> str:
        what = f"{self.source} is not" if self.source else "This is not"
        count = len(self.problems)
        return f"{what} a valid document ({count} problem{'s' if count != 1 else ''}):"

    def _render(self) -> str:
        count = len(self.problems)
        listed = [f"  {problem}" for problem in self.problems[:MAX_LISTED_PROBLEMS]]
        if count > MAX_LISTED_PROBLEMS:
            listed.append(f"  ... and {count - MAX_LISTED_PROBLEMS} more")
        return "\n".join([self._head(), *listed])

    @classmethod
    def from_validation_error(
        cls, error: ValidationError, *, source: str | None = None
    ) -> DocumentError:
        """Turn a pydantic ``ValidationError`` into a ``DocumentError``.

        Only the location and pydantic's message are kept; pydantic's messages for
        the models in this package never contain the input (``hide_input_in_errors``).
        Raise the result *outside* the ``except`` block, or call
        ``grace_support.errors.validated``, which does.
        """
        return cls(problems_from_validation_error(error), source=source)


def _restore(
    cls: type[DocumentError], problems: tuple[Problem, ...], source: str | None
) -> DocumentError:
    """A `DocumentError` (or subclass) rebuilt from its problems, for pickle."""
    error = cls.__new__(cls)
    error.problems, error.source = problems, source
    Exception.__init__(error, error._render())
    return error


def problems_from_validation_error(error: ValidationError, data: Any = None) -> list[Problem]:
    """The problems of a pydantic ``ValidationError``: each location and message only.

    Only pydantic's message is kept (never ``input`` or ``ctx``); the messages of
    this package's models never quote the value (``hide_input_in_errors``).
    Callers raise their own error *after* leaving the ``except`` block, so that the
    ``ValidationError`` (which keeps every input) is not left in ``__context__``.
    Keys the input chose are named by position (see `hide_keys`); ``data``, the
    input validated, gives the positions.
    """
    return [
        Problem(format_location(hide_keys(detail["loc"], detail["type"], data)), detail["msg"])
        for detail in error.errors(include_url=False, include_input=False, include_context=False)
    ]


def _position(data: Any, path: Sequence[str | int], key: str) -> int | None:
    """The 1-based position of `key` among the keys of the object at `path` in `data`."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(node, Mapping):
        return None
    for number, found in enumerate(node, start=1):
        if found == key:
            return number
    return None


def _is_token(part: object) -> bool:
    return isinstance(part, str) and part.startswith("<") and part.endswith(">")


def hide_keys(loc: Sequence[str | int], kind: str, data: Any = None) -> tuple[str | int, ...]:
    """A pydantic location with the keys the input chose replaced by their position.

    An attribute's name (the key after ``attributes``) and a field the schema does
    not define (an ``extra_forbidden`` error) are the input's own words, often
    derived from a name: each becomes ``<attribute N>`` or ``<unknown field N>``,
    N counted from 1 among the keys of its object (``<an attribute>`` when `data`
    does not say). [`format_location`][grace_support.errors.format_location]
    writes these as ``, attribute N``.

    Examples:
        >>> data = {"people": [{"attributes": {"age": 3, "Ana D": 1}}]}
        >>> loc = ("people", 0, "attributes", "Ana D", "[key]")
        >>> hide_keys(loc, "string_pattern_mismatch", data)
        ('people', 0, 'attributes', '<attribute 2>', '[key]')
        >>> format_location(hide_keys(loc, "string_pattern_mismatch", data))
        'people[0].attributes, attribute 2 (the name)'
        >>> ego = {"ego": {"id": "e", "nm": 2}}
        >>> format_location(hide_keys(("ego", "nm"), "extra_forbidden", ego))
        'ego, unknown field 2'

    Version added:
        0.2.0
    """
    parts: list[str | int] = list(loc)
    for index, part in enumerate(parts[:-1]):
        key = parts[index + 1]
        if part == "attributes" and isinstance(key, str) and key != "[key]" and not _is_token(key):
            number = _position(data, parts[: index + 1], key)
            parts[index + 1] = f"<attribute {number}>" if number else "<an attribute>"
    last = parts[-1] if parts else None
    if kind == "extra_forbidden" and isinstance(last, str) and not _is_token(last):
        number = _position(data, parts[:-1], last)
        parts[-1] = f"<unknown field {number}>" if number else "<an unknown field>"
    return tuple(parts)


def validated(validate: Callable[[_In], _Out], data: _In, /, *, source: str | None = None) -> _Out:
    """``validate(data)``, with a pydantic ``ValidationError`` raised as a `DocumentError`.

    The one place the library turns a validation error into its own: every reader of
    outside data validates through it. It is a plain function, not a context manager,
    because the error has to be raised *after* the ``except`` block is left: raised
    inside it (as a context manager's ``__exit__`` would), the ``ValidationError``,
    which keeps every input value, would stay reachable as ``__context__``.

    Args:
        validate: What validates, e.g. ``SupportNetwork.model_validate`` or
            ``Catalog.model_validate_json``.
        data: What it validates.
        source: Where the data came from (a file name), for the error message.

    Returns:
        What ``validate`` returned.

    Raises:
        DocumentError: ``validate`` raised a ``ValidationError``; the error names each
            place and carries no exception chain (``__cause__`` and ``__context__`` are
            ``None``). Other exceptions pass through unchanged.

    Version added:
        0.2.0

    Examples:
        >>> from grace_support import Person
        >>> validated(Person.model_validate, {"id": "Ana Díaz!"}, source="people.json")
        Traceback (most recent call last):
            ...
        grace_support.errors.DocumentError: people.json is not a valid document (1 problem):
          id: String should match pattern '^[A-Za-z0-9._-]+$'
    """
    try:
        return validate(data)
    except ValidationError as error:
        # Keys the input chose are named by their place in `data` (see hide_keys).
        failure = DocumentError(problems_from_validation_error(error, data), source=source)
    raise failure  # outside the except block: the ValidationError is not kept as context


class InputError(DocumentError):
    """The input itself cannot be read: missing, not a regular file, too large, ...

    A [`DocumentError`][grace_support.DocumentError] (so code that catches those
    keeps working) whose one problem is about the file, not its content. The
    command line exits with status 3 for it.

    Examples:
        >>> print(InputError("cannot be read: no such file or directory", source="a.json"))
        a.json cannot be read: no such file or directory
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__([Problem("(file)", message)], source=source)

    def _render(self) -> str:
        return f"{self.source or 'The input'} {self.problems[0].message}"


class AsOfError(DocumentError):
    """The day a network is judged on comes before a day recorded in it.

    A [`DocumentError`][grace_support.DocumentError] whose problems name each
    field with a later day (``collected_on``, ``relationships[3].last_contact``),
    never the days themselves. An assessment on such a day would count a contact
    that had not happened yet.

    Examples:
        >>> error = AsOfError([Problem("relationships[0].last_contact", "is later than as_of")])
        >>> print(error)
        as_of is earlier than a day recorded in the network (1 place):
          relationships[0].last_contact: is later than as_of
    """

    def _head(self) -> str:
        count = len(self.problems)
        return (
            "as_of is earlier than a day recorded in the network "
            f"({count} place{'s' if count != 1 else ''}):"
        )


class UnknownPersonError(GraceSupportError, KeyError):
    """A lookup named an id that is not one of the network's people.

    The error does not carry the id (not in its message, arguments or ``repr``):
    ids are often derived from names.
    """

    def __str__(self) -> str:
        return "no person in this network has that id"


class MissingExtraError(GraceSupportError, ImportError):
    """A feature needs an optional extra that is not installed."""

    def __init__(self, extra: str, *, feature: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional extra {extra!r}: pip install 'grace-support[{extra}]'"
        )


class GeneratorChangedWarning(UserWarning):
    """Two waves of an ego used different name generators or caps on names.

    Raised as a warning (never an error) by
    [`compare`][grace_support.change.compare],
    [`Timeline.changes`][grace_support.change.Timeline.changes],
    [`change_table`][grace_support.change.change_table] and
    [`cohort.changes`][grace_support.cohort.changes] when the two networks of an
    ego record different ``generator`` labels or ``max_names`` caps. Changes in
    how many people were named may then come from the instrument ("name up to 6"
    against "name exactly 6"), not from the network. The tables warn once, with
    the number of egos, and mark each in ``generator_changed``. The message holds
    no ids or labels. To silence it::

        import warnings
        from grace_support.errors import GeneratorChangedWarning

        warnings.simplefilter("ignore", GeneratorChangedWarning)

    Version added:
        0.2.0
    """
