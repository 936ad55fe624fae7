"""``report FILE --html OUT.html``: the HTML report of a network document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.cli._common import add_command, add_max_bytes, day

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
    parser.add_argument(
        "--html", required=True, metavar="OUT.html", help="where to write the page (- for stdout)"
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
    parser.add_argument("--names", action="store_true", help="show people's names (ids by default)")
    add_max_bytes(parser)


def _report(args: argparse.Namespace) -> str | None:
    from grace_support._input import check_output, write_text_atomically  # noqa: PLC0415
    from grace_support.assessment import assess  # noqa: PLC0415
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.report import render_html  # noqa: PLC0415

    if args.html != "-":
        check_output(args.html)  # before the work: a device or a folder is never replaced
    network = read_network(args.file, max_bytes=args.max_bytes)
    assessment = assess(network, as_of=args.as_of)
    page = render_html(assessment, network, voice=args.voice, names=args.names)
    write_text_atomically(args.html, lambda out: out.write(page), newline=None)
    return None if args.html == "-" else f"{args.html}: report written"
