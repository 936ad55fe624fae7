"""egor's "three files" layout in the library's own column names: egos, alters, ties as CSV.

[`read_three_files`][grace_support.importers.read_three_files] reads the three tables
of [`grace_support.tables`][grace_support.tables] from CSV files (no pandas needed);
it is also importable from ``grace_support.tables``, where it lived before. For
egor's own column names, weights and mappings, see
[`read_egor`][grace_support.importers.read_egor].
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from grace_support._input import DEFAULT_MAX_BYTES, guarded, source_name
from grace_support.errors import DocumentError, InputError, Problem
from grace_support.importers._result import ErrorMode, ImportResult, check_errors_mode, finish
from grace_support.importers._tables import TIE_COLUMNS, _build
from grace_support.importers._values import detect_decimal, detect_sep, parse_cell, split_csv

if TYPE_CHECKING:
    from collections.abc import Mapping
    from os import PathLike

    from grace_support.network import SupportNetwork

__all__ = ["read_three_files"]


@overload
def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = ...,
    sep: str | None = ...,
    decimal: str | None = ...,
    alter_prefix: str | None = ...,
    encoding: str = ...,
    errors: Literal["raise"] = ...,
    max_bytes: int = ...,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = ...,
    sep: str | None = ...,
    decimal: str | None = ...,
    alter_prefix: str | None = ...,
    encoding: str = ...,
    errors: Literal["collect"],
    max_bytes: int = ...,
) -> ImportResult: ...
@guarded()
def read_three_files(
    egos: str | PathLike[str],
    alters: str | PathLike[str],
    ties: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    alter_prefix: str | None = None,
    encoding: str = "utf-8",
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Networks from egor's "three files" layout: egos, alters and alter-alter edges as CSV.

    The columns are those of the tables (see the module docs), after renaming with
    ``columns``. For egor's own column names, mappings and weighted ties, see
    [`read_egor`][grace_support.importers.read_egor].

    Args:
        egos: The egos file (one row per ego).
        alters: The alters file (one row per ego-alter relationship).
        ties: The alter-alter edges file.
        columns: Renames from the files' column names to ours, e.g. egor's
            ``{"egoID": "ego_id", "alterID": "alter_id", "Source": "alter_a",
            "Target": "alter_b"}``.
        sep: The field separator (``;`` for files written by R's ``write.csv2``);
            detected from each file's header when ``None``, as
            [`read_egor`][grace_support.importers.read_egor] detects it.
        decimal: The decimal mark (``,`` for ``write.csv2``); when ``None``, ``,``
            with a ``;`` separator unless the numbers say otherwise, else ``.``.
        alter_prefix: Put before every alter id (``None``, the default: nothing,
            as the library's own tables have unique ids). egor's alter ids restart
            at 1 for each ego and can equal the ego's id, which a network document
            does not allow; ``alter_prefix="a"`` turns alter ``1`` into ``a1``.
        encoding: The files' encoding; UTF-8 may start with a byte order mark.
        errors: ``"raise"`` or ``"collect"``, as for
            [`from_tables`][grace_support.tables.from_tables].
        max_bytes: The largest file accepted (64 MiB by default).

    Raises:
        InputError: With ``errors="raise"``: a file cannot be read (missing, a
            folder, not permitted) or is larger than ``max_bytes``.
        DocumentError: With ``errors="raise"``: a file cannot be decoded, a
            row has more or fewer cells than the header, or a row breaks a rule.
            Each problem names the file, the line (the header is line 1) and the column.
    """
    mode = check_errors_mode(errors)
    alter_prefix = alter_prefix or ""
    rename = dict(columns or {})
    ids = {"ego_id", "alter_id", "alter_a", "alter_b"}
    names = {"egos": source_name(egos), "alters": source_name(alters), "ties": source_name(ties)}
    numbers: dict[str, list[int]] = {}
    headers: dict[str, list[str]] = {}
    records: dict[str, list[dict[str, Any]]] = {}
    problems: list[Problem] = []
    for table, path in (("egos", egos), ("alters", alters), ("ties", ties)):
        read = _csv_table(
            path, name=names[table], encoding=encoding, max_bytes=max_bytes, sep=sep, mode=mode
        )
        if isinstance(read, Problem):
            problems.append(read)
            continue
        header, rows, mark = read
        mark = decimal or mark
        headers[table] = [rename.get(c, c) for c in header]
        header = [rename.get(c, c) for c in header]
        numbers[table] = [number for number, _ in rows]
        records[table] = []
        for number, cells in rows:
            if len(cells) != len(header):
                more = "more" if len(cells) > len(header) else "fewer"
                problems.append(
                    Problem(
                        f"line {number}",
                        f"has {more} cells than the header has columns",
                        source=names[table],
                    )
                )
            records[table].append(
                {
                    c: (
                        None
                        if (v := cells[i] if i < len(cells) else None) is None
                        else (v.strip() or None)
                        if c in ids
                        else parse_cell(v, decimal=mark)
                    )
                    for i, c in enumerate(header)
                }
            )
        for column in ("alter_id", "alter_a", "alter_b"):
            for record in records[table]:
                if alter_prefix and record.get(column) is not None:
                    record[column] = alter_prefix + str(record[column])
    required = {"egos": ("ego_id",), "alters": ("ego_id", "alter_id"), "ties": TIE_COLUMNS[:3]}
    for table, needed in required.items():
        if table in headers and (missing := [c for c in needed if c not in headers[table]]):
            problems.append(Problem("line 1", f"has no column {missing[0]!r}", source=names[table]))
    if problems:
        return _done(finish([], problems, errors=mode, source=names["egos"], study=True), mode)

    def where(table: str, index: int) -> tuple[str | None, str]:
        return names[table], f"line {numbers[table][index]}"

    result = _build(
        records["egos"],
        records["alters"],
        records["ties"],
        where=where,
        errors=mode,
        source=names["egos"],
    )
    return _done(result, mode)


def _csv_table(
    path: str | PathLike[str],
    *,
    name: str,
    encoding: str,
    max_bytes: int,
    sep: str | None,
    mode: str,
) -> tuple[list[str], list[tuple[int, list[str]]], str] | Problem:
    """A CSV file's header, numbered rows and decimal mark, or the problem that stops it."""
    from grace_support._input import read_text  # noqa: PLC0415

    try:
        text = read_text(path, encoding=encoding, max_bytes=max_bytes)
        chosen = sep or detect_sep(text)
        header, rows = split_csv(text, sep=chosen)
    except InputError as error:
        if mode == "raise":
            raise  # a file that cannot be read at all: InputError, as documented
        return Problem("(file)", error.problems[0].message, source=name)
    except DocumentError as error:
        return Problem(error.problems[0].location, error.problems[0].message, source=name)
    except ValueError as error:
        return Problem("(file)", str(error), source=name)
    if not header:
        return Problem("(file)", "is empty (no header row)", source=name)
    return header, rows, detect_decimal(text, sep=chosen)


def _done(result: ImportResult, mode: ErrorMode) -> tuple[SupportNetwork, ...] | ImportResult:
    return result.networks if mode == "raise" else result
