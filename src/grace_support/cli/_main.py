"""The entry point: builds the parser from the command modules, maps errors to exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from grace_support.cli import assess, catalog, report, schema, score
from grace_support.cli._common import EXIT_INVALID, EXIT_IO, EXIT_OK, EXIT_USAGE, UsageError
from grace_support.errors import DocumentError, InputError
from grace_support.instruments._base import ResponseError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

COMMAND_MODULES = (assess, report, score, catalog, schema)
"""Each module has ``register(commands)``; a new command is one module and one entry here."""


def _version() -> str:
    import grace_support  # noqa: PLC0415

    return f"grace-support {grace_support.__version__}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grace-support",
        description="Describe and assess a person's social-support network.",
        epilog="If you are in crisis, call or text 988 (Suicide & Crisis Lifeline) or call 911.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples:
        >>> main(["schema", "network"])  # doctest: +ELLIPSIS
        {
          "$defs": {
        ...
        0
    """
    args = _parser().parse_args(argv)
    try:
        output = args.run(args)
        if output is not None:
            sys.stdout.write(output if output.endswith("\n") else output + "\n")
            sys.stdout.flush()
    except InputError as error:
        print(f"grace-support: {error}", file=sys.stderr)
        return EXIT_IO
    except (DocumentError, ResponseError) as error:
        print(f"grace-support: {error}", file=sys.stderr)
        return EXIT_INVALID
    except UsageError as error:
        print(f"grace-support: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        _silence_stdout()
        return EXIT_OK
    return EXIT_OK


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. captured in tests)
        pass
