"""``score INSTRUMENT``: score answers to a validated questionnaire."""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.cli._common import UsageError, add_command, add_max_bytes, setting
from grace_support.instruments._base import ResponseError

if TYPE_CHECKING:
    import argparse

    from grace_support.cli._common import Commands

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``score``."""
    score = add_command(
        commands,
        "score",
        _score,
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
        type=setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a documented scoring alternative, e.g. coding=0-3 (repeatable)",
    )
    score.add_argument("--items", action="store_true", help="list the items and their codes")
    add_max_bytes(score)


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
        raise UsageError("give answers as arguments or with --file, not both")
    if args.file:
        respondents = read_respondents(args.file, max_bytes=args.max_bytes)
    elif args.answers:
        respondents = [("1", answers_from_args(args.answers))]
    else:
        raise UsageError("give the answers as arguments or with --file (see --items)")
    scores = []
    for number, (name, answers) in enumerate(respondents, start=1):
        try:
            scores.append(
                (name, instrument.score(answers, missing=args.missing, **dict(args.option)))
            )
        except ResponseError as error:
            # by position: respondent ids may be names, which never go in errors
            where = f"{args.file}, respondent {number}: " if args.file else ""
            message = f"{where}{error}"
        else:
            continue
        raise ResponseError(message)
    text = render_scores(instrument, scores, args.format)
    return f"{text}\n\n{CRISIS_LINE}" if args.format == "text" else text
