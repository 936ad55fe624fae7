"""``demo``, ``assess FILE...`` and ``validate FILE...``: network documents in, reports out.

Each FILE is a network document (``.json``, or ``-`` for standard input), a JSON
Lines file (``.jsonl``, one document per line) or a folder (every ``.json`` in it).
``assess --format csv`` and ``--format jsonl`` write one row per network: where it
came from, the ego's id, every measure (nested ones flattened to
``support_count_<type>``...) and a count per finding code (``finding_<code>``).
Text cells of the CSV that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return get a leading ``'``, so a spreadsheet never runs them as formulas.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from grace_support._csv import safe_cell
from grace_support.cli._common import (
    UsageError,
    add_command,
    add_max_bytes,
    add_names,
    add_settings,
    day,
    settings_from,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from grace_support.cli._common import Commands
    from grace_support.network import SupportNetwork
    from grace_support.report._words import Voice

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``demo``, ``assess`` and ``validate``."""
    demo = add_command(
        commands, "demo", _demo, help="assess the bundled example network and print a report"
    )
    demo.add_argument("--format", choices=["text", "json"], default="text")
    demo.add_argument("--voice", choices=["client", "clinician"], default="client")

    assess = add_command(commands, "assess", _assess, help="assess network documents")
    assess.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    assess.add_argument(
        "--format",
        choices=["text", "json", "csv", "jsonl", "fhir"],
        default="text",
        help=(
            "text or json reports; csv or jsonl: one row of measures per network; "
            "fhir: a FHIR R4 Bundle (needs grace-support[fhir])"
        ),
    )
    assess.add_argument(
        "--subject",
        metavar="REFERENCE",
        help="with --format fhir: the person's FHIR reference, e.g. Patient/123",
    )
    add_names(
        assess,
        help_text="show people's names in text reports and FHIR RelatedPersons (ids by default)",
    )
    assess.add_argument(
        "--voice",
        choices=["client", "clinician"],
        default="client",
        help="text reports: speak to the person (client, default) or about them (clinician)",
    )
    assess.add_argument(
        "--as-of", type=day, default=None, metavar="YYYY-MM-DD", help="the day to judge (today)"
    )
    add_settings(assess)

    add_max_bytes(assess)

    validate = add_command(commands, "validate", _validate, help="check network documents")
    validate.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    add_max_bytes(validate)


_FILES_HELP = "network documents (.json, - for stdin), JSON Lines files (.jsonl) or folders"


def report(
    network: SupportNetwork,
    *,
    output_format: str,
    as_of: str | None,
    settings: Sequence[tuple[str, str]] = (),
    subject: str | None = None,
    names: bool = False,
    voice: Voice = "client",
) -> str:
    """Assess a network and render the text report, the JSON assessment or a FHIR Bundle.

    Names appear only with ``names=True`` (text and FHIR alike).
    """
    from grace_support.assessment import assess  # noqa: PLC0415
    from grace_support.recommendations import recommend  # noqa: PLC0415
    from grace_support.report import render_report  # noqa: PLC0415

    chosen = settings_from(settings)
    assessment = assess(network, as_of=as_of, settings=chosen)
    if output_format == "fhir":
        from grace_support.cli.fhir import fhir_bundle  # noqa: PLC0415

        return fhir_bundle(assessment, network, subject=subject, names=names)
    if output_format == "json":
        data = assessment.model_dump(mode="json")
        data["recommendations"] = recommend(assessment).model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False)
    return render_report(assessment, network, voice=voice, names=names)


def _demo(args: argparse.Namespace) -> str:
    from grace_support.demo import EXAMPLE_AS_OF, example_network  # noqa: PLC0415

    return report(
        example_network(),
        output_format=args.format,
        as_of=EXAMPLE_AS_OF,
        names=True,  # the demo's people are made up: it asks for their names
        voice=args.voice,
    )


def _networks(files: Sequence[str], *, max_bytes: int) -> list[tuple[str, SupportNetwork]]:
    """Every network in the files, each with a label of where it came from.

    Raises:
        InputError: A file or folder cannot be read (or a folder has no documents).
        DocumentError: Any document is invalid; every problem in every file is listed.
    """
    from pathlib import Path  # noqa: PLC0415

    from grace_support._input import source_name  # noqa: PLC0415
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.errors import DocumentError, InputError, Problem  # noqa: PLC0415
    from grace_support.importers.json_lines import (  # noqa: PLC0415
        document_files,
        iter_documents,
    )

    found: list[tuple[str, SupportNetwork]] = []
    problems: list[Problem] = []
    for file in files:
        name = source_name(file)
        if name == "<stdin>" or (Path(file).suffix.lower() == ".json" and not Path(file).is_dir()):
            try:
                found.append((name, read_network(file, max_bytes=max_bytes)))
            except InputError:
                raise
            except DocumentError as error:
                if len(files) == 1:
                    raise
                problems += [Problem(p.location, p.message, source=name) for p in error.problems]
            continue
        if Path(file).is_dir() and not document_files(file):
            raise InputError("cannot be read: it has no .json documents", source=name)
        for where, network, trouble in iter_documents(file, max_bytes=max_bytes):
            problems += trouble
            if network is not None:
                found.append((where, network))
    if problems:
        raise DocumentError(problems, source=files[0] if len(files) == 1 else None)
    return found


def _assess(args: argparse.Namespace) -> str:
    if args.format not in ("fhir", "text") and args.names:
        raise UsageError("--names goes with --format text or fhir")
    if args.format != "fhir" and args.subject:
        raise UsageError("--subject goes with --format fhir")
    networks = _networks(args.files, max_bytes=args.max_bytes)
    if args.format in ("csv", "jsonl"):
        return measure_rows(
            networks, output_format=args.format, as_of=args.as_of, settings=args.setting
        )
    reports = [
        report(
            network,
            output_format=args.format,
            as_of=args.as_of,
            settings=args.setting,
            subject=args.subject,
            names=args.names,
            voice=args.voice,
        )
        for _, network in networks
    ]
    if args.format in ("json", "fhir") and len(reports) > 1:
        return "[\n" + ",\n".join(reports) + "\n]"
    return "\n\n".join(reports)


def _validate(args: argparse.Namespace) -> str:
    networks = _networks(args.files, max_bytes=args.max_bytes)
    if len(args.files) == 1 and len(networks) == 1 and not _is_many(args.files[0]):
        name, network = networks[0]
        return f"{name}: a valid network document ({len(network.people)} people)"
    return "\n".join(
        [f"{name}: a valid network document ({len(n.people)} people)" for name, n in networks]
        + [f"{len(networks)} valid network documents"]
    )


def _is_many(file: str) -> bool:
    from pathlib import Path  # noqa: PLC0415

    return file != "-" and (Path(file).is_dir() or Path(file).suffix.lower() != ".json")


def _flat(measures: dict[str, Any]) -> dict[str, Any]:
    """Measures as flat columns (as ``tables.measures_table`` names them)."""
    from grace_support.vocabulary import SupportType  # noqa: PLC0415

    prefixes = {"support_counts": "support_count", "role_counts": "role_count"}
    lists = {"missing_support_types": "missing_support", "single_provider_types": "single_provider"}
    row: dict[str, Any] = {}
    for name, value in measures.items():
        if isinstance(value, dict):
            prefix = prefixes.get(name, name)
            row |= {f"{prefix}_{k}": v for k, v in value.items()}
        elif name in lists:
            row |= {f"{lists[name]}_{t.value}": t.value in value for t in SupportType}
        elif isinstance(value, list):
            row[name] = ";".join(str(v) for v in value)
        else:
            row[name] = value
    return row


def measure_rows(
    networks: Sequence[tuple[str, SupportNetwork]],
    *,
    output_format: str,
    as_of: str | None,
    settings: Sequence[tuple[str, str]] = (),
) -> str:
    """One row per network: source, ego id, every measure, a count per finding code."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from grace_support.assessment import FindingCode, assess  # noqa: PLC0415

    chosen = settings_from(settings)
    rows = []
    for label, network in networks:
        result = assess(network, as_of=as_of, settings=chosen)
        counts = {f"finding_{code.value}": 0 for code in FindingCode}
        for finding in result.findings:
            counts[f"finding_{finding.code.value}"] += 1
        rows.append(
            {"source": label, "ego_id": network.ego.id, "as_of": result.as_of.isoformat()}
            | _flat(result.measures.model_dump(mode="json"))
            | counts
        )
    if output_format == "jsonl":
        return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    columns = list(dict.fromkeys(c for row in rows for c in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else safe_cell(row.get(c)) for c in columns])
    return out.getvalue().rstrip("\n")
