"""``report FILE --html OUT.html``: the HTML report of a network document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from grace_support.cli._common import add_command, day
from grace_support.errors import InputError

if TYPE_CHECKING:
    import argparse

    from grace_support.cli._common import Commands

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``report``."""
    parser = add_command(
        commands,
        "report",
        _report,
        help="write the HTML report of a network document",
        description=(
            "Assess a network document and write a self-contained HTML page (no scripts, no "
            "external requests) that prints on A4 and Letter."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")
    parser.add_argument("--html", required=True, metavar="OUT.html", help="where to write the page")
    parser.add_argument(
        "--voice",
        choices=["client", "clinician"],
        default="client",
        help="speak to the person (client, default) or about them (clinician)",
    )
    parser.add_argument(
        "--as-of", type=day, default=None, metavar="YYYY-MM-DD", help="the day to judge (today)"
    )
    parser.add_argument("--names", action="store_true", help="show people's names (ids by default)")


def _report(args: argparse.Namespace) -> str:
    from grace_support.assessment import assess  # noqa: PLC0415
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.report import render_html  # noqa: PLC0415

    network = read_network(args.file)
    assessment = assess(network, as_of=args.as_of)
    page = render_html(assessment, network, voice=args.voice, names=args.names)
    target = Path(args.html)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page)
        Path(temporary).replace(target)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise InputError("cannot be written", source=args.html) from None
    return f"{args.html}: report written"
