r"""One small input layer for every reader of files and standard input.

Every reader in the library (documents, tables, importers, questionnaire answers)
takes its bytes from [`read_bytes`][grace_support._input.read_bytes] and its text
from [`decode`][grace_support._input.decode], so the hardening is done once:

- a size limit (``max_bytes``, 64 MiB by default) that is checked *while* reading,
  so ``/dev/zero`` or a huge file never fills memory;
- only regular files (and standard input as ``-``): a directory, a FIFO or a
  device is refused before it is opened for reading, so nothing blocks forever;
- a UTF-8 byte order mark is accepted and dropped; other encodings by name, text
  encodings only (``rot13``, ``zlib_codec``, ``base64_codec`` ... are refused);
- JSON parsed by [`loads_json`][grace_support._input.loads_json]: nesting at most
  [`MAX_DEPTH`][grace_support._input.MAX_DEPTH] deep, a repeated key refused, whole
  numbers at most [`MAX_DIGITS`][grace_support._input.MAX_DIGITS] digits long;
- cells read as whole numbers by [`whole_number`][grace_support._input.whole_number],
  with the same bound on digits (Python refuses 4,300 and more with a ``ValueError``);
- writers go through [`write_text_atomically`][grace_support._input.write_text_atomically]
  and [`check_output`][grace_support._input.check_output]: an existing target that is
  not a regular file (a device, a FIFO, a socket, a folder) is refused, never replaced;
- every error names the source and the place, never the bytes found there, and
  carries no exception chain (it is raised outside the ``except`` block), since a
  ``UnicodeDecodeError`` or an ``OSError`` can hold the raw input;
  [`guarded`][grace_support._input.guarded] holds that at every public entry point
  (and turns a ``RecursionError`` into the entry point's documented error).

Examples:
    >>> decode(b"\xef\xbb\xbfid,name\n", source="people.csv")
    'id,name\n'
    >>> decode(b"ok\n\xff\n", source="people.csv")
    Traceback (most recent call last):
        ...
    grace_support.errors.DocumentError: people.csv is not a valid document (1 problem):
      line 2: is not valid utf-8 text (the bytes cannot be decoded)
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import inspect
import json
import os
import re
import stat
import sys
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ParamSpec, TypeVar, cast

from grace_support.errors import DocumentError, GraceSupportError, InputError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from os import PathLike
    from typing import TextIO

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GUARD_FRAMES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "STDIN",
    "check_output",
    "column_label",
    "decode",
    "detach",
    "guarded",
    "loads_json",
    "read_bytes",
    "read_text",
    "source_name",
    "text_codec",
    "too_large",
    "whole_number",
    "write_bytes_atomically",
    "write_text_atomically",
]

MAX_DEPTH = 64
"""JSON nested deeper than this (objects and lists inside each other) is refused."""

MAX_DIGITS = 1000
"""A whole number written with more digits than this is refused (not read as a number)."""

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The default size limit of one input: 64 MiB."""

STDIN = "-"
"""The name that means standard input."""

_CHUNK = 1024 * 1024


def source_name(source: str | PathLike[str]) -> str:
    """The name used for a source in messages: ``<stdin>`` for ``-``, else the path."""
    return "<stdin>" if str(source) == STDIN else str(source)


def too_large(max_bytes: int, *, source: str | None) -> InputError:
    """The error for an input larger than ``max_bytes`` (it says how to raise the limit)."""
    return InputError(
        f"is larger than the limit of {max_bytes} bytes "
        "(raise the limit with max_bytes, or --max-bytes on the command line)",
        source=source,
    )


def _check_limit(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError("max_bytes must be a whole number of bytes, at least 1")


def _read_limited(stream: BinaryIO, *, max_bytes: int, name: str) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(parts)
        total += len(chunk)
        if total > max_bytes:
            raise too_large(max_bytes, source=name)
        parts.append(chunk)


def _read_stdin(max_bytes: int) -> bytes:
    failure: str | None = None
    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None:  # replaced by a text stream (e.g. in tests)
        text = sys.stdin.read(max_bytes + 1) if sys.stdin is not None else ""
        data = text.encode("utf-8", "surrogateescape")
        if len(data) > max_bytes:
            raise too_large(max_bytes, source="<stdin>")
        return data
    try:
        return _read_limited(stdin, max_bytes=max_bytes, name="<stdin>")
    except InputError:
        raise
    except (OSError, ValueError) as error:  # ValueError: stdin is closed
        failure = f"cannot be read: {_reason(error)}"
    raise InputError(failure, source="<stdin>")


def read_bytes(source: str | PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole regular file, or standard input for ``-``, up to ``max_bytes``.

    Args:
        source: A path, or ``"-"`` for standard input.
        max_bytes: The most bytes to accept; a larger input is refused.

    Returns:
        The bytes.

    Raises:
        InputError: The source does not exist, is not a regular file (a directory,
            a FIFO, a device), cannot be read, or is larger than ``max_bytes``.
        ValueError: ``max_bytes`` is not a positive whole number.
    """
    _check_limit(max_bytes)
    name = source_name(source)
    failure: str | None = None
    if name == "<stdin>":
        return _read_stdin(max_bytes)
    path = Path(source)
    # Errors are raised after each except block ends, so that no OSError (which
    # holds the path) is left in the InputError's __context__.
    try:
        info = path.stat()
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        failure = f"cannot be read: {_reason(error)}"
    if failure is not None:
        raise InputError(failure, source=name)
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise InputError(f"cannot be read: it is {what}", source=name)
    if info.st_size > max_bytes:
        raise too_large(max_bytes, source=name)
    try:
        # O_NONBLOCK: should the path become a FIFO between stat and open, do not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        failure = f"cannot be read: {_reason(error)}"
    if failure is not None:
        raise InputError(failure, source=name)
    try:
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise InputError("cannot be read: it is not a regular file", source=name)
            return _read_limited(stream, max_bytes=max_bytes, name=name)
    except InputError:
        raise
    except OSError as error:
        failure = f"cannot be read: {_reason(error)}"
    raise InputError(failure, source=name)


def _reason(error: Exception) -> str:
    """The operating system's words for an error, without the path it names."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return "the path is not valid" if isinstance(error, ValueError) else "an operating system error"


def decode(data: bytes, *, source: str, encoding: str = "utf-8") -> str:
    """Decode bytes to text, dropping a UTF-8 byte order mark.

    Args:
        data: The raw bytes.
        source: The source's name, for messages.
        encoding: A Python text encoding (``utf-8``, ``cp1252``, ``latin-1``, ...);
            ``utf-8`` also accepts a byte order mark.

    Raises:
        DocumentError: The bytes are not valid in that encoding (the message names
            the line), or the encoding is unknown or not a text encoding (such as
            ``rot13``, ``zlib_codec`` or ``base64_codec``).
    """
    codec = text_codec(encoding)
    if codec is None:
        raise DocumentError(
            [Problem("(file)", "the encoding is not a text encoding Python knows")], source=source
        )
    label = codec.name
    if label == "utf-8":
        codec = codecs.lookup("utf-8-sig")
    try:
        return codec.decode(data)[0]
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        where = f"line {line}"
        problem = f"is not valid {label} text (the bytes cannot be decoded)"
    except (UnicodeError, ValueError, TypeError, LookupError):
        where, problem = "(file)", f"is not valid {label} text"
    raise DocumentError([Problem(where, problem)], source=source)


def read_text(
    source: str | PathLike[str],
    *,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """Read a source as text: `read_bytes`, then `decode`.

    Raises:
        InputError: The source cannot be read (see ``read_bytes``).
        DocumentError: The bytes are not text in that encoding.
    """
    return decode(
        read_bytes(source, max_bytes=max_bytes), source=source_name(source), encoding=encoding
    )


def text_codec(encoding: object) -> codecs.CodecInfo | None:
    """The codec of a text encoding's name; ``None`` for an unknown or non-text codec.

    Only codecs that turn bytes into text count: ``rot13`` (text to text),
    ``zlib_codec``, ``bz2_codec``, ``quopri_codec``, ``base64_codec``, ``hex_codec``
    and ``uu_codec`` (bytes to bytes) are not text encodings.

    Examples:
        >>> text_codec("UTF8").name, text_codec("rot13"), text_codec("zlib"), text_codec(3)
        ('utf-8', None, None, None)
    """
    if not isinstance(encoding, str) or not encoding or "\x00" in encoding:
        return None
    try:
        codec = codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        return None
    return codec if getattr(codec, "_is_text_encoding", True) else None


# -- numbers and JSON ------------------------------------------------------------------------

_DECIMAL = re.compile(r"[+-]?[0-9]+")


def whole_number(text: str) -> int | None:
    """A whole number written in ASCII digits, or ``None`` when the text is not one.

    Surrounding spaces are allowed; more than [`MAX_DIGITS`][grace_support._input.MAX_DIGITS]
    digits is ``None`` (Python's ``int`` would raise a ``ValueError`` at 4,300);
    digits of other scripts (``"²"``, ``"٣"``) are not whole numbers here.

    Examples:
        >>> whole_number(" -12 "), whole_number("1.5"), whole_number("²"), whole_number("9" * 5000)
        (-12, None, None, None)
    """
    text = text.strip()
    if len(text.lstrip("+-")) > MAX_DIGITS or _DECIMAL.fullmatch(text) is None:
        return None
    return int(text)


class _RefusedError(Exception):
    """Raised inside the JSON parser's hooks; turned into a problem outside it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _RefusedError("repeats a key in one object; each key may appear once")
    return found


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _RefusedError(f"has a whole number longer than {MAX_DIGITS} digits")
    return int(text)


def _constant(text: str) -> float:
    raise _RefusedError("has NaN or Infinity, which JSON does not allow")


_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _depth(text: str) -> int:
    """How deep the objects and lists of JSON text nest (strings skipped); cheap, in C mostly."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads_json(
    text: str | bytes,
    *,
    source: str | None = None,
    location: str = "(document)",
) -> Any:
    """Parse JSON text as every reader of the library does.

    A UTF-8 byte order mark is accepted. Refused, with a `DocumentError` that names
    the place (never the text): invalid JSON (line and column), bytes that are not
    UTF-8, nesting deeper than [`MAX_DEPTH`][grace_support._input.MAX_DEPTH], an
    object that repeats a key, a whole number longer than
    [`MAX_DIGITS`][grace_support._input.MAX_DIGITS] digits, ``NaN`` and ``Infinity``.
    The error has no exception chain.

    Args:
        text: The JSON text (``bytes`` are read as UTF-8).
        source: The source's name, for messages.
        location: The place the text is, for messages (``line 3``).

    Examples:
        >>> loads_json('{"a": [1, 2]}')
        {'a': [1, 2]}
        >>> loads_json('{"a": 1, "a": 2}')
        Traceback (most recent call last):
            ...
        grace_support.errors.DocumentError: This is not a valid document (1 problem):
          (document): repeats a key in one object; each key may appear once
        >>> loads_json("[" * 100 + "]" * 100, location="line 2")
        Traceback (most recent call last):
            ...
        grace_support.errors.DocumentError: This is not a valid document (1 problem):
          line 2: nests objects and lists more than 64 deep
    """
    message: str | None = None
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            message = "is not valid UTF-8 text"
    elif text.startswith("\ufeff"):
        text = text[1:]
    if message is None:
        assert isinstance(text, str)
        if _depth(text) > MAX_DEPTH:
            message = f"nests objects and lists more than {MAX_DEPTH} deep"
    if message is None:
        try:
            return json.loads(
                text, object_pairs_hook=_object, parse_int=_integer, parse_constant=_constant
            )
        except json.JSONDecodeError as error:
            message = f"is not valid JSON (line {error.lineno}, column {error.colno})"
        except _RefusedError as error:
            message = error.message
        except (ValueError, RecursionError, TypeError):
            message = "is not valid JSON"
    raise DocumentError([Problem(location, message)], source=source)


# -- naming a column ------------------------------------------------------------------------

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,63}")


def column_label(column: str, header: list[str] | tuple[str, ...]) -> str:
    """How an error names a column of a file: its name when it is a variable name, else its place.

    A header that is not a variable name (spaces, punctuation, longer than 64) may
    be anything a person typed, a name included, so it is never echoed: the column
    is named by its place in the header, counted from 1. A `column` that is not in
    the header is a place the library wrote itself (``relationship_*``), kept.

    Examples:
        >>> column_label("age_1", ["id", "age_1"]), column_label("Ana Díaz", ["id", "Ana Díaz"])
        ('age_1', '2')
    """
    if _VARIABLE.fullmatch(column):
        return column
    for number, found in enumerate(header, start=1):
        if found == column:
            return str(number)
    return column  # not a header: a place the library wrote (``relationship_*``)


# -- writing ---------------------------------------------------------------------------------


def check_output(path: str | PathLike[str]) -> None:
    """Refuse an output target that exists and is not a regular file.

    A device (``/dev/null``, ``/dev/full``), a FIFO, a socket or a folder is never
    replaced by the file written: the writer stops before it writes anything.
    A missing target, or a regular file (to be replaced), is fine.

    Raises:
        InputError: The target exists and is not a regular file.
    """
    name = source_name(path)
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return  # missing (or unreachable): the write itself says why, if it fails
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise InputError(f"cannot be written: it is {what}", source=name)


def write_text_atomically(
    path: str | PathLike[str],
    write: Callable[[TextIO], object],
    *,
    newline: str | None = "\n",
) -> None:
    """Write a text file (UTF-8) atomically; ``-`` writes to standard output.

    The text goes to a temporary file beside the target, which is then moved into
    place: the target is either the whole new file or what it was before. A target
    that exists and is not a regular file is refused (see `check_output`).

    Args:
        path: The file to write, or ``"-"`` for standard output.
        write: Writes the text to the stream it is given.
        newline: As for ``open``.

    Raises:
        InputError: The target is not a regular file, or cannot be written (the
            message names the file and the operating system's reason).
    """
    if str(path) == STDIN:
        write(sys.stdout)
        sys.stdout.flush()
        return
    check_output(path)
    import tempfile  # noqa: PLC0415 (it imports shutil and the compression modules)

    target = Path(path)
    name = source_name(path)
    failure: str | None = None
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        check_output(path)  # it may have become a device while we wrote
        os.replace(temporary, target)
        temporary = None
    except (OSError, ValueError) as error:
        failure = f"cannot be written: {_reason(error)}"
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    if failure is not None:
        raise InputError(failure, source=name)


def write_bytes_atomically(path: str | PathLike[str], data: bytes) -> None:
    """Write bytes to a file atomically, as `write_text_atomically` does; ``-`` to standard output.

    Raises:
        InputError: The target is not a regular file, or cannot be written.
    """
    if str(path) == STDIN:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text stand-in (tests, a closed stdout): its own errors apply
            sys.stdout.write(data.decode("utf-8", "replace"))
            sys.stdout.flush()
            return
        stream.write(data)
        stream.flush()
        return
    write_text_atomically(path, lambda out: out.buffer.write(data))


# -- the contract at each public entry point -------------------------------------------------

P = ParamSpec("P")
R = TypeVar("R")

GUARD_FRAMES = 1
"""Frames a `guarded` entry point adds: a warning that points at the caller of such an
entry point (``stacklevel``) counts them too."""


def detach(error: BaseException) -> BaseException:
    """Drop an error's chain (``__cause__``, ``__context__``), which may hold the input."""
    error.__cause__ = None
    error.__context__ = None
    error.__suppress_context__ = False
    return error


def guarded(
    kind: Callable[[str], Exception] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Hold a public entry point to the error contract of docs/errors.md.

    Whatever the function raises on purpose (a ``GraceSupportError``) leaves with
    no exception chain. An ``OSError`` (other than ``FileExistsError``, which some
    writers document) becomes an `InputError` with the system's reason and no path.
    A ``RecursionError`` (input nested too deeply for some
    library underneath) becomes the entry point's documented error, made by
    ``kind`` from a message (a `DocumentError` by default). Anything else is left
    as it is: it is a bug that the fuzz suite is there to find.

    Examples:
        >>> @guarded()
        ... def deep() -> None:
        ...     deep()
        >>> deep()
        Traceback (most recent call last):
            ...
        grace_support.errors.DocumentError: This is not a valid document (1 problem):
          (document): is nested too deeply to be read
    """
    make = kind or _nested_too_deeply

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        if inspect.isgeneratorfunction(function):
            return cast("Callable[P, R]", _guarded_generator(function, make))

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            message: str | None = None
            failure: InputError | None = None
            try:
                return function(*args, **kwargs)
            except (GraceSupportError, FileExistsError) as error:
                detach(error)
                raise
            except RecursionError:
                message = "is nested too deeply to be read"
            except OSError as error:  # an input or output the operating system refused
                failure = InputError(f"cannot be read or written: {_reason(error)}")
            else:  # pragma: no cover - returned above
                raise AssertionError
            if failure is not None:
                raise failure
            raise make(message or "cannot be read")

        return wrapper

    return decorate


def _guarded_generator(
    function: Callable[P, Iterator[Any]], make: Callable[[str], Exception]
) -> Callable[P, Iterator[Any]]:
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Iterator[Any]:
        failure: InputError | None = None
        try:
            yield from function(*args, **kwargs)
        except (GraceSupportError, FileExistsError) as error:
            detach(error)
            raise
        except RecursionError:
            pass
        except OSError as error:  # an input or output the operating system refused
            failure = InputError(f"cannot be read or written: {_reason(error)}")
        else:
            return
        if failure is not None:
            raise failure
        raise make("is nested too deeply to be read")

    return wrapper


def _nested_too_deeply(message: str) -> Exception:
    return DocumentError([Problem("(document)", message)])
