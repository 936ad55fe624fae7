"""What every command module shares: usage errors, argument types, exit codes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from grace_support.assessment import Settings

__all__ = [
    "EXIT_INVALID",
    "EXIT_IO",
    "EXIT_OK",
    "EXIT_USAGE",
    "Commands",
    "Runner",
    "UsageError",
    "add_command",
    "add_max_bytes",
    "add_settings",
    "byte_count",
    "day",
    "setting",
    "settings_from",
]

EXIT_OK = 0
"""Done."""
EXIT_INVALID = 1
"""An invalid document or invalid answers."""
EXIT_USAGE = 2
"""Wrong usage of the command line."""
EXIT_IO = 3
"""The input or output could not be read or written."""


class UsageError(Exception):
    """A problem with the command's arguments (exit status 2)."""


class Runner(Protocol):
    """What a command runs: the parsed arguments in, the text to print out.

    ``None`` means the command wrote its own output (e.g. to a file or in a stream).
    """

    def __call__(self, args: argparse.Namespace, /) -> str | None: ...


if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Commands = argparse._SubParsersAction


def add_command(
    commands: Commands,
    name: str,
    run: Callable[[argparse.Namespace], str | None],
    *,
    help: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """Add a sub-command whose ``run`` the entry point calls with the parsed arguments."""
    parser = commands.add_parser(name, help=help, description=description or help)
    parser.set_defaults(run=run)
    return parser


def byte_count(text: str) -> int:
    """An argparse type: a positive number of bytes, e.g. ``1000000`` or ``64M``."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    number, unit = (text[:-1], units[text[-1].lower()]) if text[-1:].lower() in units else (text, 1)
    if not (number.isascii() and number.isdigit()) or int(number) < 1:
        raise argparse.ArgumentTypeError("is not a positive number of bytes (e.g. 1000000 or 64M)")
    return int(number) * unit


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-bytes`` to a command that reads input."""
    from grace_support._input import DEFAULT_MAX_BYTES  # noqa: PLC0415

    parser.add_argument(
        "--max-bytes",
        type=byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse an input larger than N bytes (default 64M; K, M and G suffixes work)",
    )


def add_settings(parser: argparse.ArgumentParser) -> None:
    """Add ``--setting NAME=VALUE`` (repeatable) to a command that judges networks."""
    parser.add_argument(
        "--setting",
        type=setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a finding threshold, e.g. dormant_after_days=60 (repeatable)",
    )


def settings_from(pairs: Sequence[tuple[str, str]]) -> Settings:
    """The ``Settings`` of the ``--setting`` pairs given.

    Raises:
        UsageError: A name is not a setting (named by its position, never echoed),
            or a value is out of range (the setting and pydantic's message).
    """
    from grace_support.assessment import Settings  # noqa: PLC0415
    from grace_support.errors import DocumentError, validated  # noqa: PLC0415

    known = Settings.model_fields
    for number, (name, _) in enumerate(pairs, start=1):
        if name not in known:  # by position: the name given is not echoed
            raise UsageError(
                f"--setting number {number} is not a known setting (known: {', '.join(known)})"
            )
    try:
        return validated(Settings.model_validate, dict(pairs))
    except DocumentError as error:
        message = f"--setting {error.problems[0]}"
    raise UsageError(message)


def day(text: str) -> str:
    """An argparse type: an ISO date ``YYYY-MM-DD``."""
    from grace_support.network import parse_day  # noqa: PLC0415

    try:
        return parse_day(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"the date {error}") from None


def setting(text: str) -> tuple[str, str]:
    """An argparse type: ``NAME=VALUE``."""
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError("a setting is written NAME=VALUE")
    return name.strip(), value.strip()


def add_names(parser: argparse.ArgumentParser, *, help_text: str | None = None) -> None:
    """Add ``--names`` (with ``--include-names`` as a hidden alias): ids unless asked."""
    parser.add_argument(
        "--names", action="store_true", help=help_text or "show people's names (ids by default)"
    )
    parser.add_argument(
        "--include-names", dest="names", action="store_true", help=argparse.SUPPRESS
    )
