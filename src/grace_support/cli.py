"""The ``grace-support`` command line.

Commands: ``demo``, ``assess FILE``, ``validate FILE``, ``score INSTRUMENT``,
``catalog [articles|resources]`` and ``schema [NAME]`` (``network``, ``assessment``, ...).
``assess`` takes the finding thresholds of
[`Settings`][grace_support.Settings] as ``--setting NAME=VALUE``.
A bad document exits with status 1 and one clear message on standard error that
names the file and the place of each problem, with no traceback. ``-`` as FILE
reads standard input. Usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from grace_support.documents import SCHEMA_NAMES
from grace_support.errors import DocumentError
from grace_support.instruments._base import ResponseError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grace_support.network import SupportNetwork

__all__ = ["main"]


class _UsageError(Exception):
    """A problem with the command's arguments (exit status 2)."""


def _report(
    network: SupportNetwork,
    *,
    output_format: str,
    as_of: str | None,
    settings: Sequence[tuple[str, str]] = (),
) -> str:
    from pydantic import ValidationError  # noqa: PLC0415

    from grace_support.assessment import Settings, assess  # noqa: PLC0415
    from grace_support.errors import format_location  # noqa: PLC0415
    from grace_support.report import render_report  # noqa: PLC0415

    try:
        chosen = Settings.model_validate(dict(settings))
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise _UsageError(f"--setting {format_location(first['loc'])}: {first['msg']}") from None
    from grace_support.recommendations import recommend  # noqa: PLC0415

    assessment = assess(network, as_of=as_of, settings=chosen)
    recommendations = recommend(assessment)
    if output_format == "json":
        data = assessment.model_dump(mode="json")
        data["recommendations"] = recommendations.model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False)
    return render_report(network, assessment, recommendations)


def _day(text: str) -> str:
    from grace_support.network import parse_day  # noqa: PLC0415

    try:
        return parse_day(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"the date {error}") from None


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError("a setting is written NAME=VALUE")
    return name.strip(), value.strip()


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
    assess.add_argument(
        "--setting",
        type=_setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a finding threshold, e.g. dormant_after_days=60 (repeatable)",
    )

    validate = commands.add_parser("validate", help="check a network document")
    validate.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")

    score = commands.add_parser(
        "score",
        help="score a validated questionnaire",
        description="Score answers to a validated questionnaire, exactly as its authors specify.",
    )
    score.add_argument("instrument", metavar="INSTRUMENT", help="e.g. lsns6, mspss, isel12")
    score.add_argument(
        "answers", nargs="*", metavar="ANSWER", help="codes in item order, or ITEM=CODE pairs"
    )
    score.add_argument(
        "--file", metavar="FILE", help="answers as JSON (one or many) or CSV (one row each)"
    )
    score.add_argument("--format", choices=["text", "json", "csv"], default="text")
    score.add_argument(
        "--missing", choices=["error", "prorate"], default="error", help="unanswered items"
    )
    score.add_argument(
        "--option",
        type=_setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a documented scoring alternative, e.g. coding=0-3 (repeatable)",
    )
    score.add_argument("--items", action="store_true", help="list the items and their codes")

    catalog = commands.add_parser("catalog", help="show the bundled articles or resources")
    catalog.add_argument("what", nargs="?", choices=["articles", "resources"], default="resources")
    catalog.add_argument("--format", choices=["text", "json", "jsonld", "hsds"], default="text")

    schema = commands.add_parser("schema", help="print the JSON Schema of a document")
    schema.add_argument(
        "name",
        nargs="?",
        choices=SCHEMA_NAMES,
        default="network",
    )
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
        output = _run(args)
    except DocumentError as error:
        print(f"grace-support: {error}", file=sys.stderr)
        return 1
    except _UsageError as error:
        print(f"grace-support: error: {error}", file=sys.stderr)
        return 2
    except ResponseError as error:
        print(f"grace-support: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _score(args: argparse.Namespace) -> str:
    from grace_support.instruments import get  # noqa: PLC0415
    from grace_support.instruments._io import (  # noqa: PLC0415
        answers_from_args,
        read_respondents,
        render_scores,
    )
    from grace_support.report import CRISIS_LINE  # noqa: PLC0415

    instrument = get(args.instrument)
    if args.items:
        rows = [
            f"{n:>3}. {i.id:<34}{i.describe_codes():<12}{'(reversed) ' if i.reverse else ''}"
            f"{i.label}"
            for n, i in enumerate(instrument.items, start=1)
        ]
        return "\n".join([instrument.name, *rows])
    if args.file and args.answers:
        raise _UsageError("give answers as arguments or with --file, not both")
    if args.file:
        try:
            respondents = read_respondents(args.file)
        except OSError as error:
            raise ResponseError(f"{args.file} cannot be read: {error.strerror}") from None
    elif args.answers:
        respondents = [("1", answers_from_args(args.answers))]
    else:
        raise _UsageError("give the answers as arguments or with --file (see --items)")
    scores = []
    for number, (name, answers) in enumerate(respondents, start=1):
        try:
            scores.append(
                (name, instrument.score(answers, missing=args.missing, **dict(args.option)))
            )
        except ResponseError as error:
            # by position: respondent ids may be names, which never go in errors
            where = f"{args.file}, respondent {number}: " if args.file else ""
            raise ResponseError(f"{where}{error}") from None
    text = render_scores(instrument, scores, args.format)
    return f"{text}\n\n{CRISIS_LINE}" if args.format == "text" else text


def _catalog(what: str, output_format: str) -> str:
    from grace_support.content import default_catalog  # noqa: PLC0415

    catalog = default_catalog()
    if what == "articles":
        if output_format == "hsds":
            raise _UsageError("HSDS describes services, not articles: use --format json or jsonld")
        if output_format == "text":
            return "\n\n".join(a.to_text() for a in catalog.articles)
        items = [
            a.to_jsonld() if output_format == "jsonld" else a.model_dump(mode="json")
            for a in catalog.articles
        ]
        return json.dumps(items, indent=2, ensure_ascii=False)
    if output_format == "text":
        lines = []
        for r in catalog.resources:
            lines.append(f"{r.name} [{r.kind}]")
            lines.append(f"  {r.contact_line() or r.organization.name}")
            lines.append(
                f"  supports: {', '.join(r.supports) or '-'}; last verified {r.last_verified}"
            )
        return "\n".join(lines)
    resources = [
        r.to_jsonld()
        if output_format == "jsonld"
        else r.to_hsds()
        if output_format == "hsds"
        else r.model_dump(mode="json")
        for r in catalog.resources
    ]
    return json.dumps(resources, indent=2, ensure_ascii=False)


def _run(args: argparse.Namespace) -> str:
    from grace_support.documents import dumps_schema, read_network  # noqa: PLC0415

    if args.command == "schema":
        return dumps_schema(args.name)
    if args.command == "score":
        return _score(args)
    if args.command == "catalog":
        return _catalog(args.what, args.format)
    if args.command == "demo":
        from grace_support.demo import EXAMPLE_AS_OF, example_network  # noqa: PLC0415

        return _report(example_network(), output_format=args.format, as_of=EXAMPLE_AS_OF)
    network = read_network(args.file)
    if args.command == "validate":
        name = "<stdin>" if args.file == "-" else args.file
        return f"{name}: a valid network document ({len(network.people)} people)"
    return _report(network, output_format=args.format, as_of=args.as_of, settings=args.setting)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
