"""``import FORMAT SOURCE... --out FILE.jsonl``: study data in, network documents out.

Every format is one entry of [`FORMATS`][grace_support.cli.import_.FORMATS]: a name,
a line of help, and a function from the sources (and the parsed options) to an
[`ImportResult`][grace_support.importers.ImportResult]. A new format is one line
there, e.g. ``"persnet": Format("a REDCap PERSNET CSV export", per_file("read_persnet"))``.

The networks are written as JSON Lines (one document per line, atomically). Standard
error says how many were written and lists every problem and everything left out,
each naming the file, row and column, never a value. With ``--errors raise`` (the
default) a single problem stops the import and nothing is written (exit status 1);
with ``--errors collect`` the valid networks are written and the problems listed
(exit status 0).
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from grace_support.cli._common import UsageError, add_command, add_max_bytes
from grace_support.errors import DocumentError, InputError, MissingExtraError, Problem, validated

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from grace_support.cli._common import Commands
    from grace_support.importers import ImportResult

__all__ = ["FORMATS", "Format", "per_file", "register"]


class Format(NamedTuple):
    """One importable format: a line of help and how to read the sources."""

    help: str
    """What the sources are, in a few words (shown by ``import --help``)."""
    read: Callable[[Sequence[str], argparse.Namespace], ImportResult]
    """Read every source (with the parsed options) into one result."""


def _reader(name: str) -> Callable[..., Any]:
    """A reader of ``grace_support.importers`` (or ``module:function``), imported on use."""
    module, _, function = name.rpartition(":")
    found: Callable[..., Any] = getattr(
        importlib.import_module(module or "grace_support.importers"), function
    )
    return found


def _collect(reader: Callable[..., Any], *args: Any, **options: Any) -> ImportResult:
    """Call a reader so that it collects problems (wrapping one that only raises)."""
    from grace_support.importers import ImportResult  # noqa: PLC0415

    if "errors" in inspect.signature(reader).parameters:
        result = reader(*args, errors="collect", **options)
        return result if isinstance(result, ImportResult) else ImportResult(tuple(result))
    try:
        found = reader(*args, **options)
    except InputError:
        raise
    except DocumentError as error:
        return ImportResult((), tuple(_sourced(p, error.source) for p in error.problems))
    networks = (found,) if not isinstance(found, tuple) else found
    return ImportResult(tuple(networks))


def _sourced(problem: Problem, source: str | None) -> Problem:
    if problem.source or not source:
        return problem
    return Problem(problem.location, problem.message, source=source)


def _merge(results: Sequence[ImportResult]) -> ImportResult:
    from grace_support.importers import ImportResult  # noqa: PLC0415

    return ImportResult(
        tuple(n for r in results for n in r.networks),
        tuple(p for r in results for p in r.problems),
        tuple(d for r in results for d in r.dropped),
    )


def per_file(
    reader: str, *, encoding: bool = False, **fixed: Any
) -> Callable[[Sequence[str], argparse.Namespace], ImportResult]:
    """A format whose reader takes one source at a time (``reader(source, errors=...)``).

    With ``encoding=True`` the reader is given ``--encoding`` and ``--max-bytes``.
    """

    def read(sources: Sequence[str], args: argparse.Namespace) -> ImportResult:
        from grace_support.cli._progress import progress  # noqa: PLC0415

        function = _reader(reader)
        options = dict(fixed)
        if options.get("max_bytes") is True:
            options["max_bytes"] = args.max_bytes
        if encoding:
            options |= {"encoding": args.encoding, "max_bytes": args.max_bytes}
        return _merge(
            [
                _collect(function, source, **options)
                for source in progress(sources, total=len(sources), what="files")
            ]
        )

    return read


def _mapping(args: argparse.Namespace) -> Any:
    """The ``--mapping`` JSON file, decoded (``None`` without one)."""
    if args.mapping is None:
        return None
    from grace_support._input import loads_json, read_bytes, source_name  # noqa: PLC0415

    data = read_bytes(args.mapping, max_bytes=args.max_bytes)
    try:
        return loads_json(data, source=source_name(args.mapping))
    except DocumentError as error:
        problem = str(error.problems[0])
    raise UsageError(f"--mapping {args.mapping}: {problem}")  # outside the handler: no chain


def _egor(sources: Sequence[str], args: argparse.Namespace) -> ImportResult:
    from grace_support.importers import read_egor  # noqa: PLC0415

    mapping = _mapping(args)
    if mapping is not None and not isinstance(mapping, dict):
        raise UsageError("--mapping for egor is a JSON object of column -> field")
    source: Any = sources[0] if len(sources) == 1 else list(sources)
    try:
        return read_egor(
            source,
            errors="collect",
            columns=mapping,
            layout=args.layout,
            sep=args.sep,
            decimal=args.decimal,
            encoding=args.encoding,
            max_bytes=args.max_bytes,
        )
    except DocumentError:
        raise
    except ValueError as error:  # a bad option (read_egor's messages name no value)
        message = _as_flags(str(error))
    raise UsageError(message)  # outside the handler: no chain


_PARAMETERS = {
    "layout=": "--layout",
    "columns maps": "--mapping maps",
    "sep must": "--sep must",
    "decimal must": "--decimal must",
}


def _as_flags(message: str) -> str:
    """A reader's message for Python callers, with its parameters named as this command's flags.

    Examples:
        >>> _as_flags("cannot tell the egor layout of these files; give layout= (or the files)")
        'cannot tell the egor layout of these files; give --layout (or the files)'
    """
    for parameter, flag in _PARAMETERS.items():
        message = message.replace(parameter, flag)
    return message


def _tables(sources: Sequence[str], args: argparse.Namespace) -> ImportResult:
    from grace_support.tables import read_three_files  # noqa: PLC0415

    if len(sources) == 1 and Path(sources[0]).is_dir():
        folder = Path(sources[0])
        sources = [str(folder / f"{name}.csv") for name in ("egos", "alters", "ties")]
    if len(sources) != 3:
        raise UsageError("tables takes three files (egos, alters, ties) or a folder with them")
    mapping = _mapping(args)
    return read_three_files(
        *sources,
        columns=mapping,
        sep=args.sep,
        decimal=args.decimal,
        encoding=args.encoding,
        max_bytes=args.max_bytes,
        errors="collect",
    )


def _network_canvas(reader: str) -> Callable[[Sequence[str], argparse.Namespace], ImportResult]:
    def read(sources: Sequence[str], args: argparse.Namespace) -> ImportResult:
        from grace_support.cli._progress import progress  # noqa: PLC0415
        from grace_support.importers import NetworkCanvasMapping  # noqa: PLC0415

        data = _mapping(args)
        try:
            mapping = validated(NetworkCanvasMapping.model_validate, {} if data is None else data)
        except DocumentError as error:
            raise UsageError(f"--mapping {error.problems[0]}") from None
        function = _reader(reader)
        try:
            return _merge(
                [
                    _collect(function, source, mapping)
                    for source in progress(sources, total=len(sources), what="files")
                ]
            )
        except ValueError as error:  # the node types are unclear: the mapping must say
            if isinstance(error, DocumentError):
                raise
            raise UsageError(f"{error} in --mapping FILE.json") from None

    return read


def _graphml(sources: Sequence[str], args: argparse.Namespace) -> ImportResult:
    """GraphML files, one network each; merged reciprocal edges are listed as dropped."""
    from grace_support._input import read_bytes, source_name  # noqa: PLC0415
    from grace_support.cli._progress import progress  # noqa: PLC0415
    from grace_support.graphml import _read_graphml  # noqa: PLC0415
    from grace_support.importers import ImportResult  # noqa: PLC0415

    results = []
    for source in progress(sources, total=len(sources), what="files"):
        try:
            network, merged = _read_graphml(
                read_bytes(source, max_bytes=args.max_bytes), source_name=source_name(source)
            )
        except InputError:
            raise
        except DocumentError as error:
            results.append(
                ImportResult((), tuple(_sourced(p, error.source) for p in error.problems))
            )
            continue
        results.append(ImportResult((network,), (), merged))
    return _merge(results)


FORMATS: dict[str, Format] = {
    "egor": Format("egor's layouts: a folder, or its files (see read_egor)", _egor),
    "network-canvas-csv": Format(
        "folders of Network Canvas CSV exports (with --mapping)",
        _network_canvas("read_network_canvas_csv"),
    ),
    "network-canvas-graphml": Format(
        "Network Canvas GraphML exports (with --mapping)",
        _network_canvas("read_network_canvas_graphml"),
    ),
    "graphml": Format("GraphML files (written by to_graphml, or directed), one each", _graphml),
    "tables": Format("egos, alters and ties CSV files (or a folder of them)", _tables),
    "persnet": Format(
        "REDCap exports of the PERSNET survey (CSV)", per_file("read_persnet", encoding=True)
    ),
}
"""Every format ``import`` reads: name -> help and reader. A new format is one line."""


def _unreadable(problem: Problem) -> bool:
    """Whether a problem is a file that cannot be read (missing, not a regular file, too big)."""
    return problem.location == "(file)" and problem.message.startswith(
        ("cannot be read", "is larger than the limit")
    )


def register(commands: Commands) -> None:
    """Add ``import``."""
    listing = "; ".join(f"{name}: {f.help}" for name, f in FORMATS.items())
    parser = add_command(
        commands,
        "import",
        _import,
        help="import study data into network documents (JSON Lines)",
        description=(
            f"Import study data into network documents, one per line of --out. Formats: {listing}."
        ),
    )
    parser.add_argument("format", metavar="FORMAT", choices=list(FORMATS), help=", ".join(FORMATS))
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders to read")
    parser.add_argument(
        "--out", required=True, metavar="FILE.jsonl", help="where to write (- for stdout)"
    )
    parser.add_argument(
        "--errors",
        choices=["raise", "collect"],
        default="raise",
        help="raise: any problem stops the import (nothing written); "
        "collect: write the valid networks and list the problems",
    )
    parser.add_argument(
        "--mapping",
        metavar="FILE.json",
        help="egor/tables: column -> field; Network Canvas: a NetworkCanvasMapping",
    )
    from grace_support.importers.egor import LAYOUTS  # noqa: PLC0415

    parser.add_argument("--layout", choices=LAYOUTS, default=None, help="egor: the layout")
    parser.add_argument("--sep", default=None, help="the CSV separator (detected when not given)")
    parser.add_argument(
        "--decimal",
        choices=[".", ","],
        default=None,
        help="the decimal mark (detected when not given)",
    )
    parser.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="the files' text encoding"
    )
    add_max_bytes(parser)


def _encoding(text: str) -> str:
    """An argparse type: the name of a text encoding (``rot13``, ``zlib_codec`` are not)."""
    import argparse  # noqa: PLC0415

    from grace_support._input import text_codec  # noqa: PLC0415

    if text_codec(text) is None:
        raise argparse.ArgumentTypeError("is not a text encoding (e.g. utf-8, cp1252, latin-1)")
    return text


def _import(args: argparse.Namespace) -> None:
    from grace_support._input import check_output  # noqa: PLC0415
    from grace_support.cli._progress import progress  # noqa: PLC0415
    from grace_support.importers import write_networks  # noqa: PLC0415

    if args.out != "-":
        check_output(args.out)  # before the work: a device or a folder is never replaced
    try:
        result = FORMATS[args.format].read(args.sources, args)
    except MissingExtraError as error:  # the install hint, as every command gives it
        raise UsageError(str(error)) from None
    unread = [p for p in result.problems if _unreadable(p)]
    if unread:  # a file that cannot be read is exit status 3, whatever --errors says
        listed = "\n".join(f"  {p}" for p in unread)
        raise InputError(f"cannot all be read:\n{listed}", source=" ".join(args.sources))
    if args.errors == "raise" and result.problems:
        from grace_support.importers._result import StudyDataError  # noqa: PLC0415

        raise StudyDataError(result.problems, source=" ".join(args.sources))
    for problem in result.problems:
        print(f"grace-support: left out: {problem}", file=sys.stderr)
    for item in result.dropped:
        print(f"grace-support: dropped: {item}", file=sys.stderr)
    count = write_networks(
        progress(result.networks, total=len(result.networks), what="networks"), args.out
    )
    plural = "network" if count == 1 else "networks"
    print(f"grace-support: wrote {count} {plural} to {args.out}", file=sys.stderr)
    if result.problems:
        print(
            f"grace-support: {len(result.problems)} problem(s) kept some networks out",
            file=sys.stderr,
        )
