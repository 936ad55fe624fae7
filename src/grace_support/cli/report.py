"""``report FILE --html OUT.html``: the HTML report of a network document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from grace_support.cli._common import UsageError, add_command, add_max_bytes, add_names, day

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
    parser.add_argument("--html", metavar="OUT.html", help="where to write the page (- for stdout)")
    parser.add_argument("--pdf", metavar="OUT.pdf", help="where to write the PDF (- for stdout)")
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
    add_max_bytes(parser)


def _report(args: argparse.Namespace) -> str | None:
    from grace_support._input import check_output, write_bytes_atomically  # noqa: PLC0415
    from grace_support.assessment import assess  # noqa: PLC0415
    from grace_support.content.catalog import Catalog  # noqa: PLC0415
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.report import render_html, render_pdf  # noqa: PLC0415

    if not args.html and not args.pdf:
        raise UsageError("report needs --html OUT.html or --pdf OUT.pdf (or both)")
    targets = [t for t in (args.html, args.pdf) if t]
    if targets.count("-") > 1:
        raise UsageError("only one of --html and --pdf can be - (standard output)")
    for target in targets:
        if target != "-":
            check_output(target)  # before the work: a device or a folder is never replaced
    catalog = (
        Catalog.from_json(Path(args.catalog), max_bytes=args.max_bytes) if args.catalog else None
    )
    network = read_network(args.file, max_bytes=args.max_bytes)
    assessment = assess(network, as_of=args.as_of)
    options = {"voice": args.voice, "names": args.names, "catalog": catalog}
    outputs: list[tuple[str, bytes]] = []  # everything is made before anything is written
    if args.html:
        outputs.append((args.html, render_html(assessment, network, **options).encode()))
    if args.pdf:
        size: Literal["A4", "Letter"] = "A4" if args.page_size == "a4" else "Letter"
        outputs.append((args.pdf, render_pdf(assessment, network, page_size=size, **options)))
    for target, data in outputs:
        write_bytes_atomically(target, data)
    written = [f"{target}: report written" for target, _ in outputs if target != "-"]
    return "\n".join(written) if written else None
