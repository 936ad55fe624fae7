"""Many network documents at once: JSON Lines files and folders of ``.json`` documents.

[`write_networks`][grace_support.write_networks] writes one network document per
line (JSON Lines, UTF-8), atomically: a reader never sees half a file, and a failed
write leaves the old file as it was. [`read_networks`][grace_support.read_networks]
reads such a file back, or every ``.json`` document in a folder.

Examples:
    >>> import pathlib, tempfile
    >>> from grace_support.demo import example_network
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "study.jsonl"
    >>> write_networks([example_network(), example_network()], path)
    2
    >>> networks = read_networks(path)
    >>> len(networks), networks[0] == example_network()
    (2, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from grace_support._input import (
    DEFAULT_MAX_BYTES,
    decode,
    guarded,
    read_bytes,
    source_name,
    write_text_atomically,
)
from grace_support.documents import parse_network
from grace_support.errors import DocumentError, InputError, Problem
from grace_support.importers._result import ErrorMode, ImportResult, check_errors_mode, finish

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from os import PathLike
    from typing import TextIO

    from grace_support.network import SupportNetwork

__all__ = ["document_files", "iter_documents", "read_networks", "write_networks"]


@guarded()
def write_networks(networks: Iterable[SupportNetwork], path: str | PathLike[str]) -> int:
    """Write networks as JSON Lines: one compact network document per line.

    The file is written to a temporary file next to it and then moved into place,
    so it is either the whole new file or the old one, never half written. A
    target that exists and is not a regular file (a device such as ``/dev/null``,
    a FIFO, a socket, a folder) is refused and left as it is. ``"-"`` writes to
    standard output.

    Args:
        networks: The networks, in the order to write them.
        path: The file to write (``.jsonl`` by convention), or ``"-"``.

    Returns:
        The number of networks written.

    Raises:
        InputError: The file cannot be written, or the target is not a regular
            file (the message names the file).
    """
    count = 0

    def write(stream: TextIO) -> None:
        nonlocal count
        for network in networks:
            stream.write(_one_line(network.to_json(indent=None)))
            stream.write("\n")
            count += 1

    write_text_atomically(path, write)
    return count


_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(text: str) -> str:
    """Escape the characters some readers take for line breaks (only found inside strings)."""
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


def document_files(folder: str | PathLike[str]) -> list[Path]:
    """Every ``.json`` file directly in a folder, sorted by name (hidden files left out)."""
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.suffix.lower() == ".json" and not p.name.startswith(".") and p.is_file()
    )


def iter_documents(
    path: str | PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, SupportNetwork | None, list[Problem]]]:
    """Each network of a source with where it is and its problems, in the source's order.

    A folder gives its ``.json`` documents, a ``.json`` file its one document, and
    any other file (``.jsonl``, or ``-`` for standard input) one document per
    non-blank line. Each item is ``(where, network, [])`` or ``(where, None,
    problems)``: ``where`` is the file, or ``file:line`` in JSON Lines; the problems
    name the file and the line or document path, never a value.

    Raises:
        InputError: The source itself cannot be read (missing, too large, ...).
    """
    name = source_name(path)
    if name != "<stdin>" and _is_dir(path):
        files: list[Path] | None = None
        try:
            files = document_files(path)
        except OSError as error:
            reason = (error.strerror or "an operating system error").lower()
        if files is None:
            raise InputError(f"cannot be read: {reason}", source=name)
        for file in files:
            yield (source_name(file), *_one_document(file, max_bytes=max_bytes))
        return
    if name != "<stdin>" and Path(path).suffix.lower() == ".json":
        yield (name, *_one_document(Path(path), max_bytes=max_bytes))
        return
    data = read_bytes(path, max_bytes=max_bytes)
    try:
        text = decode(data, source=name)
    except DocumentError as error:
        yield name, None, [Problem(p.location, p.message, source=name) for p in error.problems]
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:  # the document reader: a repeated key, deep nesting, huge numbers are refused
            network = parse_network(line)
        except DocumentError as error:
            yield (
                where,
                None,
                [
                    Problem(_on_line(number, p.location), p.message, source=name)
                    for p in error.problems
                ],
            )
            continue
        yield where, network, []


def _on_line(number: int, location: str) -> str:
    return f"line {number}" if location == "(document)" else f"line {number}, {location}"


def _is_dir(path: str | PathLike[str]) -> bool:
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):  # e.g. a folder on the way that cannot be entered
        return False


def _exists(path: str | PathLike[str]) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # e.g. a folder on the way that cannot be entered
        return False


def _one_document(file: Path, *, max_bytes: int) -> tuple[SupportNetwork | None, list[Problem]]:
    name = source_name(file)
    try:
        return parse_network(read_bytes(file, max_bytes=max_bytes), source=name), []
    except DocumentError as error:
        return None, [Problem(p.location, p.message, source=name) for p in error.problems]


@overload
def read_networks(
    path: str | PathLike[str],
    *,
    errors: Literal["raise"] = ...,
    max_bytes: int = ...,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_networks(
    path: str | PathLike[str],
    *,
    errors: Literal["collect"],
    max_bytes: int = ...,
) -> ImportResult: ...
@guarded()
def read_networks(
    path: str | PathLike[str],
    *,
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Read many network documents: a JSON Lines file, or a folder of ``.json`` documents.

    Args:
        path: A JSON Lines file (one document per line; blank lines are skipped),
            ``-`` for JSON Lines on standard input, a folder (every ``.json`` file
            in it, sorted by name), or one ``.json`` document.
        errors: ``"raise"`` (the default) returns every network or raises one
            ``DocumentError`` listing every problem; ``"collect"`` returns an
            [`ImportResult`][grace_support.importers.ImportResult] with the valid
            networks and the problems of the rest (``line 3, ego.id``).
        max_bytes: The largest file accepted (64 MiB by default).

    Raises:
        InputError: The file or folder cannot be read.
        DocumentError: With ``errors="raise"``, a document is not valid.
    """
    mode = check_errors_mode(errors)
    name = source_name(path)
    if name != "<stdin>" and not _exists(path):
        read_bytes(path, max_bytes=max_bytes)  # raises the InputError that says why
    networks: list[SupportNetwork] = []
    problems: list[Problem] = []
    for _, network, found in iter_documents(path, max_bytes=max_bytes):
        if network is not None:
            networks.append(network)
        problems += found
    result = finish(networks, problems, errors=mode, source=name)
    return result.networks if mode == "raise" else result
