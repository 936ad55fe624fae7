"""``demo``, ``assess FILE`` and ``validate FILE``: network documents in, reports out."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from grace_support.cli._common import UsageError, add_command, day, setting

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
    assess.add_argument(
        "--format",
        choices=["text", "json", "fhir"],
        default="text",
        help="fhir: a FHIR R4 Bundle (needs grace-support[fhir])",
    )
    assess.add_argument(
        "--subject",
        metavar="REFERENCE",
        help="with --format fhir: the person's FHIR reference, e.g. Patient/123",
    )
    assess.add_argument(
        "--include-names",
        action="store_true",
        help="with --format fhir: add names to the RelatedPerson resources",
    )
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

    validate = add_command(commands, "validate", _validate, help="check a network document")
    validate.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")


def report(
    network: SupportNetwork,
    *,
    output_format: str,
    as_of: str | None,
    settings: Sequence[tuple[str, str]] = (),
    subject: str | None = None,
    include_names: bool = False,
) -> str:
    """Assess a network and render the text report, the JSON assessment or a FHIR Bundle."""
    from pydantic import ValidationError  # noqa: PLC0415

    from grace_support.assessment import Settings, assess  # noqa: PLC0415
    from grace_support.errors import format_location  # noqa: PLC0415
    from grace_support.recommendations import recommend  # noqa: PLC0415
    from grace_support.report import render_report  # noqa: PLC0415

    try:
        chosen = Settings.model_validate(dict(settings))
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise UsageError(f"--setting {format_location(first['loc'])}: {first['msg']}") from None

    assessment = assess(network, as_of=as_of, settings=chosen)
    if output_format == "fhir":
        from grace_support.cli.fhir import fhir_bundle  # noqa: PLC0415

        return fhir_bundle(assessment, network, subject=subject, include_names=include_names)
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

    network = read_network(args.file)
    if args.format != "fhir" and (args.subject or args.include_names):
        raise UsageError("--subject and --include-names go with --format fhir")
    return report(
        network,
        output_format=args.format,
        as_of=args.as_of,
        settings=args.setting,
        subject=args.subject,
        include_names=args.include_names,
    )


def _validate(args: argparse.Namespace) -> str:
    from grace_support.documents import read_network  # noqa: PLC0415

    network = read_network(args.file)
    name = "<stdin>" if args.file == "-" else args.file
    return f"{name}: a valid network document ({len(network.people)} people)"
