"""Reading answers for the ``grace-support score`` command, and writing scores."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from grace_support._csv import write_rows
from grace_support._input import DEFAULT_MAX_BYTES, decode, loads_json, read_bytes, source_name
from grace_support.errors import DocumentError
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
    except ValueError:  # its message quotes the text; raised below, with no chain
        pass
    raise ResponseError(f"{where}: the answer must be a whole number")


def answers_from_args(values: Sequence[str]) -> Responses:
    """Answers given on the command line: codes in item order, or ``id=code`` pairs."""
    if values and all("=" in v for v in values):
        pairs = [v.split("=", 1) for v in values]
        return {key: _code(value, f"answer {n}") for n, (key, value) in enumerate(pairs, start=1)}
    if any("=" in v for v in values):
        raise ResponseError("give either every answer as id=code, or none")
    return [_code(v, f"answer {n}") for n, v in enumerate(values, start=1)]


def read_respondents(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[tuple[str, Responses]]:
    """Respondents from a JSON file (one or a list) or a CSV file (one row each).

    A JSON file holds a list of codes, an object of item id -> code, or a list of
    such objects (each may carry a ``respondent`` id). A CSV file has a header of
    item ids, optionally a ``respondent`` (or ``id``) column; an empty cell or
    ``NA`` is unanswered. ``-`` reads JSON from standard input. A UTF-8 byte order
    mark is accepted.

    Raises:
        InputError: The file cannot be read (missing, not a regular file, larger
            than ``max_bytes``).
        ResponseError: The content is not UTF-8, not JSON or CSV of that shape, or
            a cell is not a whole number. Messages name rows and columns by number.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    problem: str | None = None
    try:
        text = decode(data, source=source_name(path))
    except DocumentError as error:
        problem = str(error.problems[0])
    if problem is not None:
        raise ResponseError(f"the file is not text: {problem}")
    if path.lower().endswith(".csv"):
        return _from_csv(text)
    try:
        parsed: Any = loads_json(text)
    except DocumentError as error:
        found = error.problems[0].message
        problem = (
            "the JSON repeats a key in one object; each key may appear once"
            if found.startswith("repeats a key")
            else f"the JSON {found}"
            if not found.startswith("is not valid JSON")
            else found[3:]
        )
    if problem is not None:
        raise ResponseError(problem)
    if isinstance(parsed, list) and parsed and all(isinstance(row, dict) for row in parsed):
        return [_from_object(row, n) for n, row in enumerate(parsed, start=1)]
    if isinstance(parsed, dict):
        return [_from_object(parsed, 1)]
    if isinstance(parsed, list):
        return [("1", parsed)]
    raise ResponseError("the JSON must be a list of codes, an object, or a list of objects")


def _from_object(row: dict[str, Any], number: int) -> tuple[str, Responses]:
    answers = {k: v for k, v in row.items() if k not in _ID_COLUMNS}
    name = next((str(row[k]) for k in _ID_COLUMNS if k in row), str(number))
    return name, answers


def _from_csv(text: str) -> list[tuple[str, Responses]]:
    respondents: list[tuple[str, Responses]] = []
    number = 1
    problem = None
    try:
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if header is None:
            raise ResponseError("the CSV file has no rows")
        for number, cells in enumerate(reader, start=2):  # row 1 is the header
            if len(cells) != len(header):
                raise ResponseError(
                    f"row {number} has {len(cells)} cells; the header has {len(header)}"
                )
            row = dict(zip(header, cells, strict=True))
            name = next((row[k] for k in _ID_COLUMNS if row.get(k)), str(number - 1))
            answers = {}
            for column, (key, value) in enumerate(row.items(), start=1):
                if key not in _ID_COLUMNS:
                    answers[key] = _code(value, f"row {number}, column {column}")
            respondents.append((name, answers))
    except csv.Error:
        problem = f"row {number + 1} is not valid CSV (a cell may be too long, or hold a NUL)"
    if problem is not None:
        raise ResponseError(problem)
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
        header: list[object] = ["respondent", "total", *subscales, "band", "items_answered"]
        rows = [[*header, "imputed"]]
        for name, s in scores:
            row: list[object] = [name, s.total, *(s.subscales[k] for k in subscales)]
            rows.append([*row, s.band or "", s.items_answered, s.imputed])
        write_rows(out, rows)
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
