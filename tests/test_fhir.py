"""FHIR questionnaires and responses: validation, JSON round trips, scoring, other apps' forms."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given
from hypothesis import strategies as st

from grace_support.errors import MissingExtraError
from grace_support.fhir import codes as c
from grace_support.fhir import (
    observations,
    questionnaire,
    questionnaire_response,
    score_response,
)
from grace_support.instruments import INSTRUMENTS, ResponseError, get, score

# Worked examples, by item id (positions differ between printed forms), with the
# totals worked out by hand from each instrument's published rule.
WORKED: list[tuple[str, dict[str, int], float]] = [
    (
        "lsns6",
        dict(
            zip(
                [i.id for i in get("lsns6").items],
                [3, 2, 2, 1, 1, 0],
                strict=True,
            )
        ),
        9,
    ),
    ("lsns_r", {i.id: 2 for i in get("lsns_r").items}, 24),
    ("mspss", {i.id: 5 for i in get("mspss").items}, 5.0),
    # six reversed items answered 3 score 5 - 3 = 2: 6 x 3 + 6 x 2
    ("isel12", {i.id: 3 for i in get("isel12").items}, 30),
    ("mos_sss", {i.id: 3 for i in get("mos_sss").items}, 50.0),
    ("mmos_ss8", {i.id: 4 for i in get("mmos_ss8").items}, 75.0),
    ("ucla3", {"lack_companionship": 1, "feel_left_out": 2, "feel_isolated": 3}, 6),
    ("osss3", {"people_to_count_on": 2, "interest_and_concern": 3, "neighbour_help": 4}, 9),
    ("essi", {**{i.id: 5 for i in get("essi").items}, "has_partner": 4}, 34),
    ("duke_fssq", {i.id: 3 for i in get("duke_fssq").items}, 24),
    (
        "cohen_sni",
        {
            "marital_status": 1,
            "children_contact": 2,
            "parents_contact": 3,
            "in_laws_contact": 4,
            "relatives_contact": 0,
            "friends_contact": 5,
            "religious_contact": 0,
            "school_contact": 0,
            "work_supervised_contact": 0,
            "work_other_contact": 3,
            "neighbors_contact": 1,
            "volunteer_contact": 0,
            "group_contact": 0,
        },
        # spouse, children, parents, friends, work (either rule), neighbours
        6,
    ),
    # Worked out by hand from Pantell et al.'s rule: married (1), 2 calls + 1
    # get-together a week = 3 a week (1), church once a month = 12 a year > 4 (1),
    # a club (1): 4.
    (
        "nhanes_sci",
        {
            "marital_status": 1,
            "phone_per_week": 2,
            "get_together_times": 1,
            "get_together_per": 1,
            "religious_times": 1,
            "religious_per": 2,
            "club_member": 1,
        },
        4,
    ),
    ("cms_loneliness", {"lonely_or_isolated": 3}, 3),
]


def test_every_instrument_has_a_worked_example() -> None:
    assert {iid for iid, _, _ in WORKED} == set(INSTRUMENTS)


def round_trip(resource: Any) -> None:
    """Valid R4B, and equal after a trip through JSON text."""
    text = resource.model_dump_json()
    again = type(resource).model_validate_json(text)
    assert again == resource
    assert json.loads(again.model_dump_json()) == json.loads(text)


@pytest.mark.parametrize(("instrument", "answers", "total"), WORKED)
def test_round_trip_scores_exactly_like_score(
    instrument: str, answers: dict[str, int], total: float
) -> None:
    expected = score(instrument, answers)
    assert expected.total == total
    response = questionnaire_response(
        instrument, answers, subject="Patient/123", authored="2026-11-25"
    )
    round_trip(response)
    assert score_response(response) == expected
    # the same answers as JSON text, and as a plain mapping, score the same
    assert score_response(response.model_dump_json()) == expected
    assert score_response(json.loads(response.model_dump_json())) == expected


@pytest.mark.parametrize("instrument", sorted(INSTRUMENTS))
def test_questionnaire_validates_and_describes_every_item(instrument: str) -> None:
    q: Any = questionnaire(instrument)
    assert type(q).__name__ == Questionnaire.__name__
    round_trip(q)
    spec = get(instrument)
    assert q.url == c.questionnaire_url(instrument)
    assert q.status == "active"
    assert [item.linkId for item in q.item] == [i.id for i in spec.items]
    assert spec.citation in q.description
    for item, source in zip(q.item, spec.items, strict=True):
        assert item.code[-1].code == f"{instrument}.{source.id}"
        loinc = c.LOINC_ITEM_CODES.get((instrument, source.id))
        assert [x.code for x in item.code[:-1]] == ([loinc] if loinc else [])
        assert item.text == source.label
        if item.type == "choice":
            options = [o.valueInteger for o in item.answerOption]
            if (instrument, source.id) in c.LOINC_ANSWERS:
                options = [int(o.valueCoding.extension[0].valueDecimal) for o in item.answerOption]
            assert options == list(source.codes)
        elif source.open_ended:
            assert item.type == "integer"
            assert [e.valueInteger for e in item.extension] == [source.codes[0]]
        else:
            assert item.type == "integer"
            bounds = [e.valueInteger for e in item.extension]
            assert bounds == [source.codes[0], source.codes[-1]]
    codes = [(coding.system, coding.code) for coding in q.code]
    assert (c.INSTRUMENT, instrument) in codes
    if instrument in c.LOINC_PANELS:
        assert codes[0] == (c.LOINC, c.LOINC_PANELS[instrument])


def test_loinc_panels_are_on_the_instruments_loinc_has() -> None:
    ucla: Any = questionnaire("ucla3")
    mos: Any = questionnaire("mos_sss")
    lsns: Any = questionnaire("lsns6")
    assert ucla.code[0].code == "106418-7"
    assert mos.code[0].code == "91642-9"
    assert all(coding.system != c.LOINC for coding in lsns.code)


def test_response_leaves_out_unanswered_items_and_optional_fields() -> None:
    response: Any = questionnaire_response("lsns6", [3, None, 2, 1, 1, 0])
    assert type(response).__name__ == QuestionnaireResponse.__name__
    assert [item.linkId for item in response.item] == [
        "family_monthly",
        "family_call_for_help",
        "friends_monthly",
        "friends_private_matters",
        "friends_call_for_help",
    ]
    assert response.subject is None
    assert response.authored is None
    assert response.status == "in-progress"  # a required item has no answer
    assert score_response(response, missing="prorate") == score(
        "lsns6", [3, None, 2, 1, 1, 0], missing="prorate"
    )
    with pytest.raises(ResponseError, match="family_private_matters"):
        score_response(response)


def test_options_pass_through_to_the_scorer() -> None:
    answers = [3] * 11 + [2]  # mean 35/12 = 2.917, between Zimet's bands
    response = questionnaire_response("mspss", answers)
    assert score_response(response).band == "low"
    assert score_response(response, band_gaps="rounded") == score(
        "mspss", answers, band_gaps="rounded"
    )


@pytest.mark.parametrize(
    ("authored", "written"),
    [
        ("2026-11-25", "2026-11-25"),
        ("2026-11-25T10:30:00+00:00", "2026-11-25T10:30:00Z"),
    ],
)
def test_authored_is_a_fhir_date_time(authored: str, written: str) -> None:
    response = questionnaire_response("ucla3", [1, 1, 1], authored=authored)
    assert json.loads(response.model_dump_json())["authored"] == written


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"subject": ""}, "subject"),
        ({"subject": "Patient/ 1"}, "subject"),
        ({"authored": "yesterday"}, "authored"),
        ({"authored": "2026-11-25T10:30:00"}, "time zone"),
    ],
)
def test_bad_subject_or_authored_is_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        questionnaire_response("ucla3", [1, 1, 1], **kwargs)


def test_answers_are_checked_when_the_response_is_written() -> None:
    with pytest.raises(ResponseError, match="feel_isolated"):
        questionnaire_response("ucla3", {"feel_isolated": 4})
    with pytest.raises(ResponseError, match="no such instrument"):
        questionnaire("nope")


@given(data=st.data(), instrument=st.sampled_from(sorted(INSTRUMENTS)))
def test_any_valid_answers_round_trip(data: st.DataObject, instrument: str) -> None:
    items = get(instrument).items
    answers = {item.id: data.draw(st.sampled_from(item.codes), label=item.id) for item in items}
    response = questionnaire_response(instrument, answers)
    assert score_response(json.loads(response.model_dump_json())) == score(instrument, answers)


# ----------------------------------------------------------------- another app's forms

LA = "http://loinc.org"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


def ehr_answer(value: int) -> dict[str, Any]:
    """An answer the way many EHRs write it: a coding with an ordinal value."""
    return {
        "valueCoding": {
            "system": "http://example.org/answers",
            "code": f"A{value}",
            "extension": [{"url": ORDINAL, "valueDecimal": value}],
        }
    }


def test_an_ehr_mos_response_by_loinc_panel_and_loinc_link_ids() -> None:
    answers = {i.id: 1 + n % 5 for n, i in enumerate(get("mos_sss").items)}
    loinc_of = {item_id: code for code, item_id in c.LOINC_ITEM_ALIASES.items()}
    # items LOINC codes we confirmed go by LOINC code, path style as LHC-Forms writes
    # them; the others by the EHR's own ids, given as link_ids
    own_ids = {i: f"ehr-{n}" for n, i in enumerate(answers) if i not in loinc_of}
    emotional = [
        {"linkId": f"/91642-9/91643-7/{loinc_of[i]}", "answer": [ehr_answer(v)]}
        for i, v in answers.items()
        if i in loinc_of
    ]
    others = [
        {"linkId": own_ids[i], "answer": [ehr_answer(v)]}
        for i, v in answers.items()
        if i in own_ids
    ]
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "http://loinc.org/q/91642-9",
        "status": "completed",
        "subject": {"reference": "Patient/ehr-1"},
        "item": [
            {
                "linkId": "/91642-9",
                "item": [
                    {"linkId": "/91642-9/91643-7", "item": emotional},
                    {"linkId": "/91642-9/others", "item": others},
                    # the EHR's own computed index is not an item: skipped
                    {"linkId": "/91642-9/91663-5", "answer": [{"valueDecimal": 42.5}]},
                ],
            }
        ],
    }
    link_ids = {v: k for k, v in own_ids.items()}
    assert score_response(resource, link_ids=link_ids) == score("mos_sss", answers)


def test_an_ehr_ucla3_response_found_by_its_top_level_loinc_group() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [
            {
                "linkId": "/106418-7",
                "item": [
                    {"linkId": "/106418-7/66867-3", "answer": [{"valueInteger": 3}]},
                    {"linkId": "q-companionship", "answer": [{"valueCoding": {"code": "2"}}]},
                    {"linkId": "q-left-out", "answer": [{"valueDecimal": 1.0}]},
                ],
            }
        ],
    }
    link_ids = {"q-companionship": "lack_companionship", "q-left-out": "feel_left_out"}
    expected = score("ucla3", {"feel_isolated": 3, "lack_companionship": 2, "feel_left_out": 1})
    assert score_response(resource, link_ids=link_ids) == expected


def test_our_item_ids_under_a_loinc_canonical_and_a_versioned_canonical() -> None:
    for canonical in ("http://loinc.org/q/106418-7|2.80", c.questionnaire_url("ucla3") + "|1"):
        resource = {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": canonical,
            "status": "completed",
            "item": [
                {"linkId": i, "answer": [{"valueInteger": 2}]}
                for i in ("lack_companionship", "feel_left_out", "feel_isolated")
            ],
        }
        assert score_response(resource).total == 6


MARKER = "Zelda-Marker-7731"


def _response(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": c.questionnaire_url("ucla3"),
        "status": "completed",
        "item": [
            {"linkId": "lack_companionship", "answer": [{"valueInteger": 1}]},
            {"linkId": "feel_left_out", "answer": [{"valueInteger": 1}]},
            {"linkId": "feel_isolated", "answer": [{"valueInteger": 1}]},
        ],
    }
    base.update(changes)
    return base


@pytest.mark.parametrize(
    ("resource", "place"),
    [
        ("{not json", "line 1"),
        ({"resourceType": "Patient"}, "resourceType"),
        (_response(questionnaire=f"http://other.example/{MARKER}"), "questionnaire"),
        (_response(status=MARKER), "status"),
        (_response(status="entered-in-error"), "entered in error"),
        (
            _response(item=[{"linkId": MARKER, "answer": [{"valueInteger": 1}]}]),
            "item[0].linkId",
        ),
        (
            _response(item=[{"linkId": "feel_isolated", "answer": [{"valueString": MARKER}]}]),
            "item[0].answer[0]",
        ),
        (
            _response(
                item=[
                    {"linkId": "feel_isolated", "answer": [{"valueInteger": 1}]},
                    {"linkId": "feel_isolated", "answer": [{"valueInteger": 2}]},
                ]
            ),
            "more than once",
        ),
        (
            _response(
                item=[
                    {
                        "linkId": "feel_isolated",
                        "answer": [{"valueInteger": 1}, {"valueInteger": 2}],
                    }
                ]
            ),
            "more than one answer",
        ),
        (_response(item=[{"linkId": "feel_isolated", "answer": [{"valueInteger": 7}]}]), "1 to 3"),
    ],
)
def test_bad_responses_name_the_place_never_the_value(resource: Any, place: str) -> None:
    with pytest.raises(ResponseError) as caught:
        score_response(resource)
    error = caught.value
    assert place in str(error)
    for text in (str(error), repr(error), repr(error.args)):
        assert MARKER not in text
    assert error.__cause__ is None
    assert error.__suppress_context__ or error.__context__ is None


def test_observations_for_a_score() -> None:
    result = score("mos_sss", {i.id: 3 for i in get("mos_sss").items})
    found: list[Any] = observations(
        result,
        subject="Patient/123",
        effective="2026-11-25",
        derived_from="QuestionnaireResponse/qr-1",
    )
    assert len(found) == 1 + len(result.subscales)
    for o in found:
        round_trip(o)
        assert o.status == "final"
        categories = [(cc.coding[0].system, cc.coding[0].code) for cc in o.category]
        assert (c.SDOHCC, "social-connection") in categories
        assert o.subject.reference == "Patient/123"
        assert o.derivedFrom[0].reference == "QuestionnaireResponse/qr-1"
        assert o.valueQuantity.code == "{score}"
    total = found[0]
    assert [(x.system, x.code) for x in total.code.coding] == [
        (c.LOINC, "91663-5"),
        (c.SCORE, "mos_sss"),
    ]
    assert float(total.valueQuantity.value) == 50.0
    assert [x.code.coding[-1].code for x in found[1:]] == [
        f"mos_sss.{name}" for name in result.subscales
    ]


def test_the_band_is_the_interpretation_of_the_total() -> None:
    found: list[Any] = observations(score("lsns6", [3, 2, 2, 1, 1, 0]))
    assert found[0].interpretation[0].coding[0].code == "lsns6.at_risk_of_isolation"
    assert all(o.interpretation is None for o in found[1:])
    plain: Any = observations(score("ucla3", [1, 1, 1]))[0]
    assert plain.interpretation is None
    isel: Any = observations(score("isel12", [1] * 12, coding="0-3"))[0]
    assert "coding=0-3" in isel.method.text


def test_without_fhir_resources_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "fhir.resources.R4B", None)
    with pytest.raises(MissingExtraError, match=r"grace-support\[fhir\]"):
        questionnaire("ucla3")


def test_importing_grace_support_does_not_import_fhir() -> None:
    import subprocess

    code = (
        "import sys, grace_support;"
        "print('fhir' in sys.modules, 'grace_support.fhir' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


# ------------------------------------------------- every response against its questionnaire


def answers_fit(question: dict[str, Any], answer: dict[str, Any]) -> None:
    """One answer is valid for its questionnaire item: type, options, bounds."""
    kind = question["type"]
    if kind == "choice":
        allowed = [json.dumps(option, sort_keys=True) for option in question["answerOption"]]
        given = json.dumps(answer, sort_keys=True)
        assert given in allowed, f"{question['linkId']}: not one of its answer options"
    else:
        assert kind == "integer"
        assert set(answer) == {"valueInteger"}, f"{question['linkId']}: not an integer"
        bounds = {e["url"].rsplit("/", 1)[1]: e["valueInteger"] for e in question["extension"]}
        assert answer["valueInteger"] >= bounds["minValue"]
        if "maxValue" in bounds:
            assert answer["valueInteger"] <= bounds["maxValue"]


def response_fits(instrument: str, response: Any) -> None:
    """A response is valid for its own questionnaire: every item, every answer, required ones."""
    q = json.loads(questionnaire(instrument).model_dump_json())
    r = json.loads(response.model_dump_json())
    assert r["questionnaire"] == q["url"]
    questions = {item["linkId"]: item for item in q["item"]}
    answered = {item["linkId"] for item in r.get("item", [])}
    assert answered <= set(questions)
    for item in r.get("item", []):
        assert len(item["answer"]) == 1
        answers_fit(questions[item["linkId"]], item["answer"][0])
    required = {k for k, v in questions.items() if v.get("required")}
    if r["status"] == "completed":
        assert required <= answered, "a completed response answers every required item"
    else:
        assert r["status"] == "in-progress"
        assert not required <= answered


def test_a_check_that_can_fail() -> None:
    """The validity check refuses a count answered as a choice, as Cohen's SNI once was."""
    bad = {"linkId": "x", "type": "choice", "answerOption": [{"valueInteger": 0}]}
    with pytest.raises(AssertionError):
        answers_fit(bad, {"valueInteger": 3})
    count = {
        "linkId": "x",
        "type": "integer",
        "extension": [
            {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0}
        ],
    }
    with pytest.raises(AssertionError):
        answers_fit(count, {"valueInteger": -1})


def count_or_code(item: Any) -> st.SearchStrategy[int]:
    """Any valid answer: a listed code, or a count from the lowest code up (large ones too)."""
    if item.open_ended:
        return st.integers(min_value=item.codes[0], max_value=10_000)
    return st.sampled_from(item.codes)


@given(data=st.data(), instrument=st.sampled_from(sorted(INSTRUMENTS)))
def test_every_generated_response_is_valid_for_its_questionnaire(
    data: st.DataObject, instrument: str
) -> None:
    items = get(instrument).items
    answers = {i.id: data.draw(count_or_code(i) | st.none(), label=i.id) for i in items}
    response = questionnaire_response(instrument, answers)
    response_fits(instrument, response)


@pytest.mark.parametrize(("instrument", "answers", "total"), WORKED)
def test_worked_examples_are_valid_for_their_questionnaires(
    instrument: str, answers: dict[str, int], total: float
) -> None:
    response_fits(instrument, questionnaire_response(instrument, answers))


def test_cohen_counts_are_integers_from_zero() -> None:
    q: Any = questionnaire("cohen_sni")
    open_ended = {i.id for i in get("cohen_sni").items if i.open_ended}
    counts = [item for item in q.item if item.linkId in open_ended]
    assert len(counts) == 10  # children and nine other kinds of contact
    for item in counts:
        assert item.type == "integer"
        assert item.answerOption is None
        assert [(e.url.rsplit("/", 1)[1], e.valueInteger) for e in item.extension] == [
            ("minValue", 0)
        ]


# ------------------------------------------------------ SDOH Clinical Care conformance

# Read from HL7/fhir-sdoh-clinicalcare (IG 3.0.0, commit 6604b7a),
# input/fsh/profiles/SDOHCCObservationScreeningResponse.fsh and SDOH-Obs-4:
# status from final | corrected | entered-in-error | unknown; category 2..* with
# US Core "sdoh" (SDOH-Obs-4) and here social-connection and survey; code from US
# Core survey codes (LOINC); subject 1..; effective[x] 1.. (dateTime or Period).
# derivedFrom is must-support: we check it points at the response when given.
OSR_STATUS = {"final", "corrected", "entered-in-error", "unknown"}


def check_screening_response(o: dict[str, Any], derived_from: str | None) -> None:
    assert o["meta"]["profile"] == [c.SCREENING_RESPONSE]
    assert o["status"] in OSR_STATUS
    cats = {(x["system"], x["code"]) for cc in o["category"] for x in cc["coding"]}
    assert len(o["category"]) >= 2
    assert {
        (c.US_CORE_CATEGORY, "sdoh"),
        (c.SDOHCC, "social-connection"),
        (c.OBSERVATION_CATEGORY, "survey"),
    } <= cats
    assert any(x["system"] == c.LOINC for x in o["code"]["coding"])
    assert o["subject"]["reference"]
    assert len(o["effectiveDateTime"]) >= 10
    if derived_from is not None:
        assert o["derivedFrom"] == [{"reference": derived_from}]
    assert "valueQuantity" in o or "valueCodeableConcept" in o


@pytest.mark.parametrize("instrument", sorted(INSTRUMENTS))
@pytest.mark.parametrize(
    ("subject", "effective"),
    [("Patient/1", "2026-11-25"), (None, "2026-11-25"), ("Patient/1", None)],
)
def test_every_observation_that_claims_the_profile_has_its_elements(
    instrument: str, subject: str | None, effective: str | None
) -> None:
    answers = [i.codes[-1] for i in get(instrument).items]
    found = observations(
        score(instrument, answers),
        subject=subject,
        effective=effective,
        derived_from="QuestionnaireResponse/qr-1",
    )
    for model in found:
        o = json.loads(model.model_dump_json())
        has_loinc = any(x["system"] == c.LOINC for x in o["code"]["coding"])
        claims = "meta" in o
        # it claims the profile exactly when it can meet it
        assert claims == (has_loinc and subject is not None and effective is not None)
        if claims:
            check_screening_response(o, "QuestionnaireResponse/qr-1")
        else:
            # still social-connection and survey, as every instrument observation is
            cats = {(x["system"], x["code"]) for cc in o["category"] for x in cc["coding"]}
            assert (c.SDOHCC, "social-connection") in cats


def test_the_loinc_coded_totals_claim_the_profile() -> None:
    for instrument in ("mos_sss", "nhanes_sci", "cms_loneliness"):
        answers = [i.codes[0] for i in get(instrument).items]
        total: Any = observations(
            score(instrument, answers), subject="Patient/1", effective="2026-11-25"
        )[0]
        assert total.meta.profile == [c.SCREENING_RESPONSE]


def test_the_loneliness_item_is_written_with_loinc_answers() -> None:
    q = json.loads(questionnaire("cms_loneliness").model_dump_json())
    assert q["code"][0]["code"] == "93159-2"
    item = q["item"][0]
    assert item["code"][0] == c.coding(c.LOINC, "93159-2")
    assert [o["valueCoding"]["code"] for o in item["answerOption"]] == [
        "LA6270-8",
        "LA10066-1",
        "LA10082-8",
        "LA10044-8",
        "LA9933-8",
    ]
    total: Any = observations(score("cms_loneliness", [0]))[0]
    assert total.valueCodeableConcept.coding[0].code == "LA6270-8"


def test_an_ehr_loneliness_item_by_its_loinc_code() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [
            {
                "linkId": "93159-2",
                "answer": [
                    {
                        "valueCoding": {
                            "code": "LA10082-8",
                            "extension": [{"url": ORDINAL, "valueDecimal": 2}],
                        }
                    }
                ],
            }
        ],
    }
    assert score_response(resource).total == 2


def nhanes_ehr_response(church: dict[str, Any]) -> dict[str, Any]:
    """The answers of the HL7 SDOH Clinical Care IG's NHANES examples, as an EHR would send them."""
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "http://loinc.org/q/76506-5",
        "status": "completed",
        "item": [
            {
                "linkId": "/76506-5/63503-7",
                "answer": [{"valueCoding": {"system": LA, "code": "LA48-4", "display": "Married"}}],
            },
            {"linkId": "/76506-5/76508-1", "answer": [{"valueInteger": 7}]},
            {
                "linkId": "/76506-5/76509-9",
                "answer": [{"valueQuantity": {"value": 7, "unit": "per week", "code": "/wk"}}],
            },
            {"linkId": "/76506-5/76510-7", "answer": [church]},
            {
                "linkId": "/76506-5/76511-5",
                "answer": [{"valueCoding": {"system": LA, "code": "LA33-6", "display": "Yes"}}],
            },
        ],
    }


def test_the_sdoh_ig_nhanes_example_scores_4_as_published() -> None:
    # HL7 SDOH Clinical Care IG 3.0.0, examples SDOHCC-ObservationResponseNHANESQuestion1-6
    # (source: input/fsh/instances): married, 7 calls a week, 7 get-togethers a week,
    # church 7 a week, a club; the IG's example score (76512-3) is 4.
    church = {"valueQuantity": {"value": 7, "unit": "per week", "code": "/wk"}}
    result = score_response(nhanes_ehr_response(church))
    assert result.total == 4
    assert result.subscales == {
        "partnered": 1,
        "frequent_contact": 1,
        "religious_attendance": 1,
        "club_membership": 1,
    }


@pytest.mark.parametrize(
    ("church", "points"),
    [
        ({"valueQuantity": {"value": 5, "code": "/a"}}, 1),  # more than four a year
        ({"valueInteger": 4}, 0),  # LOINC's unit for 76510-7 is per year: four is not more
        ({"valueQuantity": {"value": 1, "code": "/mo"}}, 1),
    ],
)
def test_loinc_rates_are_read_in_their_units(church: dict[str, Any], points: int) -> None:
    result = score_response(nhanes_ehr_response(church))
    assert result.subscales["religious_attendance"] == points


def test_a_rate_in_another_unit_is_refused() -> None:
    church = {"valueQuantity": {"value": 1, "code": "/d"}}
    with pytest.raises(ResponseError, match=r"item\[3\].answer\[0\]: the rate must be per week"):
        score_response(nhanes_ehr_response(church))
