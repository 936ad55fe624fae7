"""The ``grace-support`` command line.

Commands: ``demo``, ``assess FILE``, ``validate FILE`` and ``schema [network|assessment]``.
A bad document exits with status 1 and one clear message on standard error that
names the file and the place of each problem, with no traceback. ``-`` as FILE
reads standard input. Usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from grace_support.errors import DocumentError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grace_support.network import SupportNetwork

__all__ = ["main"]


def _report(network: SupportNetwork, *, output_format: str, as_of: str | None) -> str:
    from grace_support.assessment import assess  # noqa: PLC0415
    from grace_support.report import render_report  # noqa: PLC0415

    assessment = assess(network, as_of=as_of)
    if output_format == "json":
        return assessment.model_dump_json(indent=2)
    return render_report(network, assessment)


def _day(text: str) -> str:
    from grace_support.network import parse_day  # noqa: PLC0415

    try:
        return parse_day(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"the date {error}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grace-support",
        description="Describe and assess a person's social-support network.",
        epilog="If you are in crisis, call or text 988 (Suicide & Crisis Lifeline) or call 911.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="assess the bundled example network and print a report")
    demo.add_argument("--format", choices=["text", "json"], default="text")

    assess = commands.add_parser("assess", help="assess a network document")
    assess.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")
    assess.add_argument("--format", choices=["text", "json"], default="text")
    assess.add_argument(
        "--as-of", type=_day, default=None, metavar="YYYY-MM-DD", help="the day to judge (today)"
    )

    validate = commands.add_parser("validate", help="check a network document")
    validate.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")

    schema = commands.add_parser("schema", help="print the JSON Schema of a document")
    schema.add_argument("name", nargs="?", choices=["network", "assessment"], default="network")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples:
        >>> main(["schema", "network"])  # doctest: +ELLIPSIS
        {
          "$comment": ...
        0
    """
    args = _parser().parse_args(argv)
    try:
        output = _run(args)
    except DocumentError as error:
        print(f"grace-support: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _run(args: argparse.Namespace) -> str:
    from grace_support.documents import dumps_schema, read_network  # noqa: PLC0415

    if args.command == "schema":
        return dumps_schema(args.name)
    if args.command == "demo":
        from grace_support.demo import EXAMPLE_AS_OF, example_network  # noqa: PLC0415

        return _report(example_network(), output_format=args.format, as_of=EXAMPLE_AS_OF)
    network = read_network(args.file)
    if args.command == "validate":
        name = "<stdin>" if args.file == "-" else args.file
        return f"{name}: a valid network document ({len(network.people)} people)"
    return _report(network, output_format=args.format, as_of=args.as_of)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
