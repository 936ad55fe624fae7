"""Instruments as FHIR ``Questionnaire``s; answers as ``QuestionnaireResponse``s, and back.

Each item's ``linkId`` is its item id; a Likert item is a ``choice`` with integer
answer options (its response codes), a count item an ``integer`` with
``minValue``/``maxValue``. Labels are our own short descriptions: the licensed
wording is not shipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from grace_support._input import guarded, loads_json, whole_number
from grace_support.errors import DocumentError
from grace_support.fhir import codes as c
from grace_support.fhir._resources import fhir_datetime, r4b, reference, validate
from grace_support.instruments import INSTRUMENTS, InstrumentScore, ResponseError, get, score

if TYPE_CHECKING:
    from datetime import date, datetime

    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    from grace_support.instruments import Instrument, MissingPolicy, Responses

__all__ = ["questionnaire", "questionnaire_response", "score_response"]

_MAX_OPTIONS = 12
"""Items with more response codes than this are integers with bounds, not choices."""

_CITATION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/cqf-citation"
_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
_STATUSES = ("in-progress", "completed", "amended", "entered-in-error", "stopped")
_ORDINAL_EXTENSIONS = (
    "http://hl7.org/fhir/StructureDefinition/ordinalValue",
    "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value",
    "http://hl7.org/fhir/StructureDefinition/itemWeight",
)


def _item(instrument: Instrument, index: int) -> dict[str, Any]:
    item = instrument.items[index]
    entry: dict[str, Any] = {
        "linkId": item.id,
        "code": [c.coding(c.ITEM, f"{instrument.id}.{item.id}")],
        "prefix": f"{index + 1}.",
        "text": item.label,
        "required": True,
    }
    if len(item.codes) <= _MAX_OPTIONS:
        entry["type"] = "choice"
        entry["answerOption"] = [{"valueInteger": code} for code in item.codes]
    else:
        entry["type"] = "integer"
        entry["extension"] = [
            {"url": _MIN_VALUE, "valueInteger": item.codes[0]},
            {"url": _MAX_VALUE, "valueInteger": item.codes[-1]},
        ]
    return entry


def questionnaire(instrument_id: str) -> Questionnaire:
    """The instrument as a FHIR ``Questionnaire`` (R4 JSON, validated with R4B models).

    The questionnaire's ``url`` is our canonical URL, its ``code`` the LOINC panel
    where LOINC has one plus our instrument code, each item coded in our item code
    system with its response codes as answer options; the citation is in the
    description and a ``cqf-citation`` extension, the licence note in ``copyright``.

    Raises:
        ResponseError: There is no such instrument.
        MissingExtraError: fhir.resources (``grace-support[fhir]``) is not installed.

    Examples:
        >>> q = questionnaire("ucla3")
        >>> q.url, [coding.code for coding in q.code]
        ('http://gracehealth.org/fhir/grace-support/Questionnaire/ucla3', ['106418-7', 'ucla3'])
        >>> [item.linkId for item in q.item]
        ['lack_companionship', 'feel_left_out', 'feel_isolated']
    """
    instrument = get(instrument_id)
    codings = []
    if instrument.id in c.LOINC_PANELS:
        codings.append(c.coding(c.LOINC, c.LOINC_PANELS[instrument.id]))
    codings.append(c.coding(c.INSTRUMENT, instrument.id))
    data: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": c.questionnaire_id(instrument.id),
        "extension": [{"url": _CITATION_EXTENSION, "valueString": instrument.citation}],
        "url": c.questionnaire_url(instrument.id),
        "name": instrument.id.upper(),
        "title": instrument.name,
        "status": "active",
        "subjectType": ["Patient"],
        "description": f"{instrument.measures} Scoring: {instrument.citation}",
        "copyright": instrument.licence,
        "code": codings,
        "item": [_item(instrument, n) for n in range(len(instrument.items))],
    }
    return validate(data)  # type: ignore[return-value]


def questionnaire_response(
    instrument_id: str,
    responses: Responses,
    *,
    subject: str | None = None,
    authored: date | datetime | str | None = None,
) -> QuestionnaireResponse:
    """One respondent's answers as a FHIR ``QuestionnaireResponse``.

    Args:
        instrument_id: The instrument (``lsns6``, ``mspss``, ...).
        responses: The codes in item order, or a mapping from item id to code, exactly
            as for [`score`][grace_support.instruments.score]; ``None`` (unanswered)
            items are left out. Codes are checked against the published coding.
        subject: A reference to the person, e.g. ``Patient/123``; left out when
            ``None``. Nothing else about the person is written.
        authored: When the answers were given (a day, or a date and time with a
            time zone); left out when ``None``.

    Raises:
        ResponseError: An unknown instrument or item, or an answer out of range.
        ValueError: ``subject`` or ``authored`` is malformed.

    Examples:
        >>> qr = questionnaire_response("ucla3", [1, 2, 3], subject="Patient/1")
        >>> [(i.linkId, i.answer[0].valueInteger) for i in qr.item]
        [('lack_companionship', 1), ('feel_left_out', 2), ('feel_isolated', 3)]
    """
    instrument = get(instrument_id)
    answers = instrument.answers(responses)
    data: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": c.questionnaire_url(instrument.id),
        "status": "completed",
    }
    if subject is not None:
        data["subject"] = reference(subject)
    if authored is not None:
        data["authored"] = fhir_datetime(authored, what="authored")
    data["item"] = [
        {
            "linkId": item.id,
            "text": item.label,
            "answer": [{"valueInteger": answers[item.id]}],
        }
        for item in instrument.items
        if answers[item.id] is not None
    ]
    if not data["item"]:
        del data["item"]
    return validate(data)  # type: ignore[return-value]


# --------------------------------------------------------------------------- reading


def _as_data(resource: object) -> dict[str, Any]:
    problem: str | None = None
    if isinstance(resource, str | bytes):
        try:
            data = loads_json(resource)
        except DocumentError as error:
            problem = error.problems[0].message
        if problem is not None:  # raised outside the handler: no chain holding the text
            raise ResponseError(f"the resource {problem}")
    elif isinstance(resource, Mapping):
        data = dict(resource)
    elif hasattr(resource, "model_dump"):
        data = resource.model_dump(mode="json", exclude_none=True)
    else:
        raise ResponseError("expected a QuestionnaireResponse (a resource, a mapping or JSON)")
    if not isinstance(data, dict) or data.get("resourceType") != "QuestionnaireResponse":
        raise ResponseError("resourceType: expected a QuestionnaireResponse")
    try:
        validate(data)
    except ValueError as error:  # its message names the place, never the value
        problem = str(error)
    if problem is not None:  # raised outside the handler: no chain holding the input
        raise ResponseError(problem)
    if data.get("status") not in _STATUSES:
        raise ResponseError("status: not a QuestionnaireResponse status")
    if data["status"] == "entered-in-error":
        raise ResponseError("status: the response was entered in error, so it is not scored")
    return data


def _last_segment(value: str) -> str:
    return value.split("|", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def _match_instrument(data: dict[str, Any]) -> Instrument:
    """The instrument, from the canonical URL or a LOINC panel code."""
    canonical = data.get("questionnaire")
    by_loinc = {code: iid for iid, code in c.LOINC_PANELS.items()}
    by_id = {c.questionnaire_id(iid): iid for iid in INSTRUMENTS}
    if isinstance(canonical, str):
        base = canonical.split("|", 1)[0]
        for iid in INSTRUMENTS:
            if base == c.questionnaire_url(iid):
                return INSTRUMENTS[iid]
        last = _last_segment(canonical)
        if last in by_loinc:
            return INSTRUMENTS[by_loinc[last]]
        if last in by_id and base.startswith(c.QUESTIONNAIRE_BASE):
            return INSTRUMENTS[by_id[last]]
    # an LHC-Forms style response: the panel is the top-level group
    for item in data.get("item", []):
        segment = _last_segment(str(item.get("linkId", "")))
        if segment in by_loinc:
            return INSTRUMENTS[by_loinc[segment]]
    raise ResponseError(
        "questionnaire: not one of ours (by canonical URL) and no known LOINC panel code"
    )


def _walk(items: list[dict[str, Any]], path: str) -> list[tuple[str, dict[str, Any]]]:
    """Every item at any depth, with its place (``item[0].item[2]``)."""
    found: list[tuple[str, dict[str, Any]]] = []
    for n, item in enumerate(items):
        where = f"{path}item[{n}]"
        found.append((where, item))
        found.extend(_walk(item.get("item", []), f"{where}."))
        for m, answer in enumerate(item.get("answer", [])):
            found.extend(_walk(answer.get("item", []), f"{where}.answer[{m}]."))
    return found


def _whole(value: object) -> int | None:
    """A whole number given as a JSON number (``2``, ``2.0``); ``None`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        return value if abs(value) < 2**63 else None
    return int(value) if value.is_integer() and abs(value) < 2**63 else None


def _code_of(answer: dict[str, Any], where: str) -> int:
    if "valueInteger" in answer and isinstance(answer["valueInteger"], int):
        return int(answer["valueInteger"])
    if "valueDecimal" in answer:
        value = _whole(answer["valueDecimal"])
        if value is not None:
            return value
    if "valueCoding" in answer:
        coding = answer["valueCoding"]
        for extension in coding.get("extension", []) + answer.get("extension", []):
            if extension.get("url") in _ORDINAL_EXTENSIONS and "valueDecimal" in extension:
                weight = _whole(extension["valueDecimal"])
                if weight is not None:
                    return weight
        code = coding.get("code")
        number = whole_number(code) if isinstance(code, str) else None
        if number is not None:
            return number
    raise ResponseError(
        f"{where}: the answer must be a whole number (valueInteger, a whole valueDecimal, "
        "or a valueCoding with a numeric code or an ordinal value)"
    )


@guarded(ResponseError)
def score_response(
    resource: QuestionnaireResponse | Mapping[str, Any] | str | bytes,
    *,
    missing: MissingPolicy = "error",
    link_ids: Mapping[str, str] | None = None,
    **options: str,
) -> InstrumentScore:
    """Score a FHIR ``QuestionnaireResponse``: ours, or one written by another app.

    The instrument is found from ``questionnaire`` (our canonical URL, or a URL
    ending in a LOINC panel code such as ``http://loinc.org/q/106418-7``) or from a
    top-level group whose ``linkId`` is a LOINC panel code. Items are matched by
    ``linkId`` at any depth: our item ids, the LOINC item codes in
    [`LOINC_ITEM_ALIASES`][grace_support.fhir.codes.LOINC_ITEM_ALIASES], or the
    caller's own ``link_ids``; path-style ids (``/91642-9/91634-6``) are read by
    their last part. Groups without answers, and LOINC panel and score codes, are
    skipped.

    Args:
        resource: A fhir.resources ``QuestionnaireResponse``, its JSON as a mapping,
            or JSON text.
        missing: The missing-data rule, as for [`score`][grace_support.instruments.score].
        link_ids: Extra ``linkId`` -> item id pairs for another app's own ids.
        **options: The instrument's scoring options, as for ``score``.

    Returns:
        Exactly what ``score`` returns for the same answers.

    Raises:
        ResponseError: Not a valid QuestionnaireResponse, an unknown questionnaire,
            an item that is not the instrument's, an item answered twice, an answer
            that is not a whole number, or anything ``score`` refuses. The message
            names the place (``item[2].answer[0]``), never the value.

    Examples:
        >>> from grace_support.instruments import score
        >>> score_response(questionnaire_response("lsns6", [3, 2, 2, 1, 1, 0])) == score(
        ...     "lsns6", [3, 2, 2, 1, 1, 0]
        ... )
        True
    """
    r4b()
    data = _as_data(resource)
    instrument = _match_instrument(data)
    own = {item.id for item in instrument.items}
    aliases = {**c.LOINC_ITEM_ALIASES, **(link_ids or {})}
    skip = set(c.LOINC_PANELS.values()) | set(c.LOINC_SCORES.values()) | c._LOINC_GROUPS
    answers: dict[str, int | None] = {}
    for where, item in _walk(data.get("item", []), ""):
        link = str(item.get("linkId", ""))
        key = link if link in own or link in aliases else _last_segment(link)
        item_id = key if key in own else aliases.get(key)
        given = item.get("answer", [])
        if item_id not in own:
            if not given or key in skip:
                continue
            raise ResponseError(f"{where}.linkId: not an item of {instrument.id}")
        assert item_id is not None  # for the type checker: item_id is in own
        if item_id in answers:
            raise ResponseError(f"{where}: item {item_id} is answered more than once")
        if len(given) > 1:
            raise ResponseError(f"{where}: item {item_id} has more than one answer")
        answers[item_id] = _code_of(given[0], f"{where}.answer[0]") if given else None
    return score(instrument.id, answers, missing=missing, **options)
