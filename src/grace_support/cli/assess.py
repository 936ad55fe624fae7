"""``demo``, ``assess FILE`` and ``validate FILE``: network documents in, reports out."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from grace_support.cli._common import UsageError, add_command, add_max_bytes, day, setting

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from grace_support.cli._common import Commands
    from grace_support.network import SupportNetwork

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``demo``, ``assess`` and ``validate``."""
    demo = add_command(
        commands, "demo", _demo, help="assess the bundled example network and print a report"
    )
    demo.add_argument("--format", choices=["text", "json"], default="text")

    assess = add_command(commands, "assess", _assess, help="assess a network document")
    assess.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")
    assess.add_argument("--format", choices=["text", "json"], default="text")
    assess.add_argument(
        "--as-of", type=day, default=None, metavar="YYYY-MM-DD", help="the day to judge (today)"
    )
    assess.add_argument(
        "--setting",
        type=setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a finding threshold, e.g. dormant_after_days=60 (repeatable)",
    )

    add_max_bytes(assess)

    validate = add_command(commands, "validate", _validate, help="check a network document")
    validate.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")
    add_max_bytes(validate)


def report(
    network: SupportNetwork,
    *,
    output_format: str,
    as_of: str | None,
    settings: Sequence[tuple[str, str]] = (),
) -> str:
    """Assess a network and render the text report or the JSON assessment."""
    from pydantic import ValidationError  # noqa: PLC0415

    from grace_support.assessment import Settings, assess  # noqa: PLC0415
    from grace_support.errors import format_location  # noqa: PLC0415
    from grace_support.recommendations import recommend  # noqa: PLC0415
    from grace_support.report import render_report  # noqa: PLC0415

    known = Settings.model_fields
    for number, (name, _) in enumerate(settings, start=1):
        if name not in known:  # by position: the name given is not echoed
            raise UsageError(
                f"--setting number {number} is not a known setting (known: {', '.join(known)})"
            )
    try:
        chosen = Settings.model_validate(dict(settings))
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False, include_context=False)[0]
        message: str | None = f"--setting {format_location(first['loc'])}: {first['msg']}"
    else:
        message = None
    if message is not None:
        raise UsageError(message)

    assessment = assess(network, as_of=as_of, settings=chosen)
    recommendations = recommend(assessment)
    if output_format == "json":
        data = assessment.model_dump(mode="json")
        data["recommendations"] = recommendations.model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False)
    return render_report(network, assessment, recommendations)


def _demo(args: argparse.Namespace) -> str:
    from grace_support.demo import EXAMPLE_AS_OF, example_network  # noqa: PLC0415

    return report(example_network(), output_format=args.format, as_of=EXAMPLE_AS_OF)


def _assess(args: argparse.Namespace) -> str:
    from grace_support.documents import read_network  # noqa: PLC0415

    network = read_network(args.file, max_bytes=args.max_bytes)
    return report(network, output_format=args.format, as_of=args.as_of, settings=args.setting)


def _validate(args: argparse.Namespace) -> str:
    from grace_support.documents import read_network  # noqa: PLC0415

    network = read_network(args.file, max_bytes=args.max_bytes)
    name = "<stdin>" if args.file == "-" else args.file
    return f"{name}: a valid network document ({len(network.people)} people)"
