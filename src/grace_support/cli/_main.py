"""The entry point: builds the parser from the command modules, maps errors to exit codes."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import re
import sys
from typing import TYPE_CHECKING, NoReturn

from grace_support.cli import assess, catalog, cohort, compare, fhir, import_, report, schema, score
from grace_support.cli._common import EXIT_INVALID, EXIT_IO, EXIT_OK, EXIT_USAGE, UsageError
from grace_support.errors import DocumentError, InputError
from grace_support.instruments._base import ResponseError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

COMMAND_MODULES = (assess, report, import_, score, fhir, catalog, schema, compare, cohort)
"""Each module has ``register(commands)``; a new command is one module and one entry here."""


def _version() -> str:
    import grace_support  # noqa: PLC0415

    return f"grace-support {grace_support.__version__}"


class _Parser(argparse.ArgumentParser):
    """argparse, but its messages do not quote what was typed (it may be a name)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {_unquoted(message)}\n")


_QUOTED_CHOICE = re.compile(r"invalid choice: .*? \(choose from", re.DOTALL)
_QUOTED_VALUE = re.compile(r"invalid (\w+) value: .*$", re.DOTALL)


def _unquoted(message: str) -> str:
    """Argparse's message without the value it quotes."""
    if message.startswith("unrecognized arguments:"):
        return "unrecognized arguments (see --help)"
    message = _QUOTED_CHOICE.sub("invalid choice (choose from", message)
    return _QUOTED_VALUE.sub(r"invalid \1 value", message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="grace-support",
        description="Describe and assess a person's social-support network.",
        epilog="If you are in crisis, call or text 988 (Suicide & Crisis Lifeline) or call 911.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one return per exit status
    """Run the command line; returns the exit status.

    Examples:
        >>> main(["schema", "network"])  # doctest: +ELLIPSIS
        {
          "$defs": {
        ...
        0
    """
    _stand_in_for_closed_streams()
    args = _parser().parse_args(argv)
    try:
        output = args.run(args)
        if output is not None:
            sys.stdout.write(output if output.endswith("\n") else output + "\n")
            sys.stdout.flush()
    except InputError as error:
        return _fail(str(error), EXIT_IO)
    except (DocumentError, ResponseError) as error:
        return _fail(str(error), EXIT_INVALID)
    except UsageError as error:
        return _fail(f"error: {error}", EXIT_USAGE)
    except BrokenPipeError:  # e.g. piped into `head`: stop, quietly
        _silence_stdout()
        return EXIT_IO
    except OSError as error:  # the output could not be written: a full disk, ...
        reason = (error.strerror or "an operating system error").lower()
        return _fail(f"the output could not be written: {reason}", EXIT_IO)
    except Exception as error:
        return _fail(
            f"an unexpected {type(error).__name__} occurred; please report it (no data is "
            "shown here, as it may be personal)",
            EXIT_INVALID,
        )
    return EXIT_OK


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process started with it closed (``>&-``): writing fails.

    The failure is an ``OSError`` (``EBADF``), so it ends as every output error does:
    exit status 3 and one line on standard error.
    """

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "Standard output is closed")


class _Discarded(io.TextIOBase):
    """Standard error when the process started with it closed: there is nowhere to say it."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def _stand_in_for_closed_streams() -> None:
    """Give a closed standard output or error a stand-in, so no write meets ``None``."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = _Discarded()


def _fail(message: str, status: int) -> int:
    """Print one line to standard error (quietly, should that fail too); return the status."""
    with contextlib.suppress(OSError, ValueError):
        print(f"grace-support: {message}", file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (e.g. in tests)
        pass
