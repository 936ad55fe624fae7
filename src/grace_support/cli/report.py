"""``report FILE --html OUT.html``: the HTML report of a network document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from grace_support.cli._common import UsageError, add_command, add_names, day
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
        help="write the HTML and/or PDF report of a network document",
        description=(
            "Assess a network document and write a self-contained HTML page (no scripts, no "
            "external requests) that prints on A4 and Letter, a PDF of it (needs "
            "grace-support[pdf]), or both. At least one of --html and --pdf is needed."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")
    parser.add_argument("--html", metavar="OUT.html", help="where to write the page")
    parser.add_argument("--pdf", metavar="OUT.pdf", help="where to write the PDF")
    parser.add_argument(
        "--page-size",
        type=str.casefold,
        choices=["a4", "letter"],
        default="a4",
        help="the PDF's paper: a4 (default) or letter",
    )
    parser.add_argument(
        "--voice",
        choices=["client", "clinician"],
        default="client",
        help="speak to the person (client, default) or about them (clinician)",
    )
    parser.add_argument(
        "--as-of", type=day, default=None, metavar="YYYY-MM-DD", help="the day to judge (today)"
    )
    add_names(parser)
    parser.add_argument(
        "--catalog",
        metavar="FILE",
        help="the app's own catalogue of resources and articles (JSON; default: the bundled one)",
    )


def _write(target: str, data: bytes) -> None:
    """Write a file atomically: a temporary file in the same folder, then a rename."""
    path = Path(target)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).replace(path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise InputError("cannot be written", source=target) from None


def _report(args: argparse.Namespace) -> str:
    from grace_support.assessment import assess  # noqa: PLC0415
    from grace_support.content.catalog import Catalog  # noqa: PLC0415
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.report import render_html, render_pdf  # noqa: PLC0415

    if not args.html and not args.pdf:
        raise UsageError("report needs --html OUT.html or --pdf OUT.pdf (or both)")
    catalog = Catalog.from_json(Path(args.catalog)) if args.catalog else None
    network = read_network(args.file)
    assessment = assess(network, as_of=args.as_of)
    options = {"voice": args.voice, "names": args.names, "catalog": catalog}
    outputs: list[tuple[str, bytes]] = []  # everything is made before anything is written
    if args.html:
        outputs.append((args.html, render_html(assessment, network, **options).encode()))
    if args.pdf:
        size: Literal["A4", "Letter"] = "A4" if args.page_size == "a4" else "Letter"
        outputs.append((args.pdf, render_pdf(assessment, network, page_size=size, **options)))
    for target, data in outputs:
        _write(target, data)
    return "\n".join(f"{target}: report written" for target, _ in outputs)
