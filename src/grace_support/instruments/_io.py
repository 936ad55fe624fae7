"""Reading answers for the ``grace-support score`` command, and writing scores."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grace_support.instruments._base import ResponseError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grace_support.instruments._base import Instrument, InstrumentScore, Responses

__all__ = ["answers_from_args", "read_respondents", "render_scores"]

_MISSING = {"", "na", "n/a", "null", "none", "."}
_ID_COLUMNS = ("respondent", "id")


def _code(text: str, where: str) -> int | None:
    if text.strip().lower() in _MISSING:
        return None
    try:
        return int(text)
    except ValueError:
        raise ResponseError(f"{where}: the answer must be a whole number") from None


def answers_from_args(values: Sequence[str]) -> Responses:
    """Answers given on the command line: codes in item order, or ``id=code`` pairs."""
    if values and all("=" in v for v in values):
        pairs = [v.split("=", 1) for v in values]
        return {key: _code(value, f"item {key}") for key, value in pairs}
    if any("=" in v for v in values):
        raise ResponseError("give either every answer as id=code, or none")
    return [_code(v, f"answer {n}") for n, v in enumerate(values, start=1)]


def read_respondents(path: str) -> list[tuple[str, Responses]]:
    """Respondents from a JSON file (one or a list) or a CSV file (one row each).

    A JSON file holds a list of codes, an object of item id -> code, or a list of
    such objects (each may carry a ``respondent`` id). A CSV file has a header of
    item ids, optionally a ``respondent`` (or ``id``) column; an empty cell or
    ``NA`` is unanswered. ``-`` reads JSON from standard input.
    """
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    if path.lower().endswith(".csv"):
        return _from_csv(text)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise ResponseError(f"not valid JSON (line {error.lineno}, column {error.colno})") from None
    if isinstance(data, list) and data and all(isinstance(row, dict) for row in data):
        return [_from_object(row, n) for n, row in enumerate(data, start=1)]
    if isinstance(data, dict):
        return [_from_object(data, 1)]
    if isinstance(data, list):
        return [("1", data)]
    raise ResponseError("the JSON must be a list of codes, an object, or a list of objects")


def _from_object(row: dict[str, Any], number: int) -> tuple[str, Responses]:
    answers = {k: v for k, v in row.items() if k not in _ID_COLUMNS}
    name = next((str(row[k]) for k in _ID_COLUMNS if k in row), str(number))
    return name, answers


def _from_csv(text: str) -> list[tuple[str, Responses]]:
    reader = csv.DictReader(io.StringIO(text))
    respondents: list[tuple[str, Responses]] = []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        where = f"row {number}"
        name = next((row[k] for k in _ID_COLUMNS if row.get(k)), str(number - 1))
        try:
            answers = {
                key: _code(value or "", f"column {key}")
                for key, value in row.items()
                if key not in _ID_COLUMNS
            }
        except ResponseError as error:
            raise ResponseError(f"{where}, {error}") from None
        respondents.append((name, answers))
    if not respondents:
        raise ResponseError("the CSV file has no rows")
    return respondents


def render_scores(
    instrument: Instrument, scores: list[tuple[str, InstrumentScore]], output_format: str
) -> str:
    """The scores as ``text``, ``json`` or ``csv``."""
    if output_format == "json":
        dumped = [{"respondent": name, **s.model_dump(mode="json")} for name, s in scores]
        return json.dumps(dumped[0] if len(dumped) == 1 else dumped, indent=2)
    if output_format == "csv":
        out = io.StringIO()
        subscales = list(scores[0][1].subscales)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["respondent", "total", *subscales, "band", "items_answered", "imputed"])
        for name, s in scores:
            row = [name, s.total, *(s.subscales[k] for k in subscales)]
            writer.writerow([*row, s.band or "", s.items_answered, s.imputed])
        return out.getvalue()
    lines = [instrument.name, ""]
    for name, s in scores:
        if len(scores) > 1:
            lines.append(f"Respondent {name}")
        lines.append(f"  {'total':<30}{s.total:g}")
        lines.extend(f"  {key:<30}{value:g}" for key, value in s.subscales.items())
        if s.band:
            lines.append(f"  {'band':<30}{s.band}")
        answered = f"{s.items_answered} of {len(instrument.items)}"
        lines.append(
            f"  {'answered':<30}{answered}" + (f" ({s.imputed} filled in)" if s.imputed else "")
        )
        lines.append("")
    if scores[0][1].options:
        lines.append("Options: " + ", ".join(f"{k}={v}" for k, v in scores[0][1].options.items()))
    lines.append(f"Scoring: {instrument.citation}")
    return "\n".join(lines)
