"""``fhir questionnaire``, ``fhir score``, ``fhir network`` and ``fhir read``: FHIR in and out.

(``assess FILE --format fhir`` lives with ``assess``.)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from grace_support.cli._common import UsageError, add_command, add_max_bytes, add_names, setting
from grace_support.errors import MissingExtraError
from grace_support.instruments._base import ResponseError

if TYPE_CHECKING:
    import argparse

    from grace_support.assessment import Assessment
    from grace_support.cli._common import Commands
    from grace_support.network import SupportNetwork

__all__ = ["fhir_bundle", "fhir_json", "register"]


def fhir_json(resource: object) -> str:
    """A fhir.resources model as indented JSON (R4, no empty elements)."""
    dumped = resource.model_dump_json()  # type: ignore[attr-defined]
    return json.dumps(json.loads(dumped), indent=2, ensure_ascii=False)


def fhir_bundle(
    assessment: Assessment,
    network: SupportNetwork,
    *,
    subject: str | None,
    names: bool = False,
    include_names: bool | None = None,
) -> str:
    """The assessment as a FHIR Bundle (JSON), for ``assess --format fhir``.

    ``include_names`` is the older spelling of ``names`` (either works).
    """
    from grace_support.fhir import assessment_bundle  # noqa: PLC0415

    try:
        bundle = assessment_bundle(
            assessment, network, subject=subject, names=names or bool(include_names)
        )
    except MissingExtraError as error:
        raise UsageError(str(error)) from None
    except ValueError as error:  # a malformed --subject
        raise UsageError(f"--subject: {error}") from None
    return fhir_json(bundle)


def register(commands: Commands) -> None:
    """Add ``fhir`` with its ``questionnaire``, ``score``, ``network`` and ``read`` sub-commands."""
    fhir = commands.add_parser(
        "fhir",
        help="FHIR questionnaires, responses and networks (needs grace-support[fhir])",
        description="Write an instrument as a FHIR Questionnaire, score a FHIR "
        "QuestionnaireResponse, write a network as coded FHIR observations, or read one "
        "back (FHIR R4 JSON).",
    )
    actions = fhir.add_subparsers(dest="fhir_command", required=True, metavar="ACTION")

    questionnaire = add_command(
        actions,
        "questionnaire",
        _questionnaire,
        help="print an instrument as a FHIR Questionnaire (JSON)",
    )
    questionnaire.add_argument("instrument", metavar="ID", help="e.g. lsns6, ucla3, mos_sss")

    score = add_command(
        actions,
        "score",
        _score,
        help="score a FHIR QuestionnaireResponse",
        description="Score a FHIR QuestionnaireResponse (ours, or another app's matched by "
        "questionnaire URL or LOINC panel code), exactly as `grace-support score` would.",
    )
    score.add_argument(
        "file", metavar="FILE", help="a QuestionnaireResponse (JSON), or - for stdin"
    )
    score.add_argument("--format", choices=["text", "json"], default="text")
    score.add_argument(
        "--missing", choices=["error", "prorate"], default="error", help="unanswered items"
    )
    score.add_argument(
        "--option",
        type=setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a documented scoring alternative, e.g. band_gaps=rounded (repeatable)",
    )
    add_max_bytes(score)
    score.add_argument(
        "--link-id",
        type=setting,
        action="append",
        default=[],
        metavar="LINKID=ITEM",
        help="read another app's linkId as one of our item ids (repeatable)",
    )

    network = add_command(
        actions,
        "network",
        _network,
        help="print a network as coded FHIR observations (a Bundle)",
        description="Write a network document as a FHIR Bundle: a RelatedPerson per person "
        "named (identified by network id) and observations coded with LOINC's PhenX social "
        "networks panel (63032-7). Names and study variables only when asked.",
    )
    network.add_argument("file", metavar="FILE", help="a network document (JSON), or - for stdin")
    network.add_argument(
        "--subject", metavar="REFERENCE", help="the person's FHIR reference, e.g. Patient/123"
    )
    add_names(network, help_text="add names to the RelatedPerson resources and the panel")
    network.add_argument(
        "--attributes", action="store_true", help="add the study variables (free text)"
    )
    add_max_bytes(network)

    read = add_command(
        actions,
        "read",
        _read,
        help="read a network back from a FHIR Bundle written by `fhir network`",
    )
    read.add_argument("bundle", metavar="BUNDLE", help="a FHIR Bundle (JSON), or - for stdin")
    read.add_argument(
        "--out", metavar="FILE", help="write the network document to FILE (else print it)"
    )
    add_max_bytes(read)


def _questionnaire(args: argparse.Namespace) -> str:
    from grace_support.fhir import questionnaire  # noqa: PLC0415

    try:
        return fhir_json(questionnaire(args.instrument))
    except MissingExtraError as error:
        message = str(error)
    raise UsageError(message)


def _score(args: argparse.Namespace) -> str:
    from grace_support._input import read_text, source_name  # noqa: PLC0415
    from grace_support.fhir import score_response  # noqa: PLC0415
    from grace_support.instruments import get  # noqa: PLC0415
    from grace_support.instruments._io import render_scores  # noqa: PLC0415
    from grace_support.report import CRISIS_LINE  # noqa: PLC0415

    text = read_text(args.file, max_bytes=args.max_bytes)
    failure: Exception | None = None
    try:
        result = score_response(
            text,
            missing=args.missing,
            link_ids=dict(args.link_id),
            **dict(args.option),
        )
    except MissingExtraError as error:
        failure = UsageError(str(error))
    except ResponseError as error:  # its message names places, never values
        failure = ResponseError(f"{source_name(args.file)}: {error}")
    if failure is not None:  # raised outside the handler: no chain holding the input
        raise failure
    rendered = render_scores(get(result.instrument), [("1", result)], args.format)
    return f"{rendered}\n\n{CRISIS_LINE}" if args.format == "text" else rendered


def _network(args: argparse.Namespace) -> str:
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.fhir import network_observations  # noqa: PLC0415

    network = read_network(args.file, max_bytes=args.max_bytes)
    failure: UsageError | None = None
    try:
        bundle = network_observations(
            network, subject=args.subject, names=args.names, attributes=args.attributes
        )
    except MissingExtraError as error:
        failure = UsageError(str(error))
    except ValueError as error:  # a malformed --subject
        failure = UsageError(f"--subject: {error}")
    if failure is not None:
        raise failure
    return fhir_json(bundle)


def _read(args: argparse.Namespace) -> str | None:
    import os  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from grace_support._input import read_text, source_name  # noqa: PLC0415
    from grace_support.errors import DocumentError  # noqa: PLC0415
    from grace_support.fhir import network_from_observations  # noqa: PLC0415

    text = read_text(args.bundle, max_bytes=args.max_bytes)
    failure: Exception | None = None
    try:
        network = network_from_observations(text)
    except MissingExtraError as error:
        failure = UsageError(str(error))
    except DocumentError as error:  # names places, never values
        failure = DocumentError(error.problems, source=source_name(args.bundle))
    if failure is not None:  # raised outside the handler: no chain holding the input
        raise failure
    document = json.dumps(network.to_document(), indent=2, ensure_ascii=False) + "\n"
    if args.out is None:
        return document.rstrip("\n")
    target = Path(args.out)
    # written whole or not at all: a temporary file beside the target, then renamed
    handle, temporary = tempfile.mkstemp(dir=target.parent or ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(document)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return f"{args.out}: a network of {len(network.people)} people"
