r"""One small input layer for every reader of files and standard input.

Every reader in the library (documents, tables, importers, questionnaire answers)
takes its bytes from [`read_bytes`][grace_support._input.read_bytes] and its text
from [`decode`][grace_support._input.decode], so the hardening is done once:

- a size limit (``max_bytes``, 64 MiB by default) that is checked *while* reading,
  so ``/dev/zero`` or a huge file never fills memory;
- only regular files (and standard input as ``-``): a directory, a FIFO or a
  device is refused before it is opened for reading, so nothing blocks forever;
- a UTF-8 byte order mark is accepted and dropped; other encodings by name;
- every error names the source and the place, never the bytes found there, and
  carries no exception chain (it is raised outside the ``except`` block), since a
  ``UnicodeDecodeError`` or an ``OSError`` can hold the raw input.

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
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from grace_support.errors import DocumentError, InputError, Problem

if TYPE_CHECKING:
    from os import PathLike

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "decode",
    "read_bytes",
    "read_text",
    "source_name",
    "too_large",
]

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
        encoding: A Python codec name; ``utf-8`` also accepts a byte order mark.

    Raises:
        DocumentError: The bytes are not valid in that encoding (the message names
            the line), or the encoding is unknown.
    """
    try:
        codec = codecs.lookup(encoding)
    except (LookupError, TypeError):
        codec = None
    if codec is None:
        raise DocumentError(
            [Problem("(file)", "the encoding is not one Python knows")], source=source
        )
    if codec.name == "utf-8":
        codec = codecs.lookup("utf-8-sig")
    try:
        return codec.decode(data)[0]
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        where = f"line {line}"
        problem = f"is not valid {encoding} text (the bytes cannot be decoded)"
    except (UnicodeError, ValueError):
        where, problem = "(file)", f"is not valid {encoding} text"
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
