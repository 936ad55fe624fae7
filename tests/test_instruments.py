"""Validated instruments: hand-worked scores, ranges, bands, options and errors."""

from __future__ import annotations

from typing import Any

import pytest

from grace_support import SupportType
from grace_support.instruments import (
    INSTRUMENTS,
    InstrumentScore,
    ResponseError,
    get,
    score,
    subscale_support_types,
)
from grace_support.instruments.mspss import mspss_band


def lowest(instrument_id: str) -> list[int]:
    """Answers that give the lowest score (reverse items answered at their top)."""
    return [i.codes[-1] if i.reverse else i.codes[0] for i in get(instrument_id).items]


def highest(instrument_id: str) -> list[int]:
    return [i.codes[0] if i.reverse else i.codes[-1] for i in get(instrument_id).items]


RANGES = [
    # (instrument, min total, max total)
    ("lsns6", 0, 30),
    ("lsns_r", 0, 60),
    ("mspss", 1.0, 7.0),
    ("isel12", 12, 48),
    ("mos_sss", 0.0, 100.0),
    ("mmos_ss8", 0.0, 100.0),
    ("ucla3", 3, 9),
    ("osss3", 3, 14),
    ("essi", 8, 34),
    ("duke_fssq", 8, 40),
]


@pytest.mark.parametrize(("instrument", "low", "high"), RANGES)
def test_minimum_and_maximum(instrument: str, low: float, high: float) -> None:
    assert score(instrument, lowest(instrument)).total == low
    assert score(instrument, highest(instrument)).total == high


def test_cohen_sni_minimum_and_maximum() -> None:
    # not married, nobody in touch: 0 roles
    nobody = score("cohen_sni", [2] + [0] * 12)
    assert nobody.subscales == {"high_contact_roles": 0, "network_size": 0, "embedded_networks": 0}
    # married, everybody in touch with many: 12 roles, 8 networks
    everybody = score("cohen_sni", [1, 9, 3, 3, 9, 9, 9, 9, 9, 9, 9, 9, 9])
    assert everybody.total == 12
    assert everybody.subscales["embedded_networks"] == 8
    # family 1 + 7 + 2 + 2 + 7 = 19; eight more counts (work has two) capped at 7 = 56
    assert everybody.subscales["network_size"] == 1 + 7 + 2 + 2 + 7 + 7 * 8


@pytest.mark.parametrize(
    ("instrument", "answers", "total", "subscales", "band"),
    [
        pytest.param(
            "lsns6",
            [3, 2, 2, 1, 1, 0],
            9,
            {"family": 7, "friends": 2},
            "at_risk_of_isolation",
            id="lsns6-example",
        ),
        # the paper's own case: no family, five or more friends for each question
        pytest.param(
            "lsns6",
            [0, 0, 0, 4, 4, 4],
            12,
            {"family": 0, "friends": 12},
            "not_at_risk",
            id="lsns6-cutoff-12",
        ),
        pytest.param(
            "lsns6",
            [0, 0, 0, 4, 4, 3],
            11,
            {"family": 0, "friends": 11},
            "at_risk_of_isolation",
            id="lsns6-cutoff-11",
        ),
        pytest.param(
            "lsns_r",
            [5, 5, 5, 5, 5, 5, 1, 0, 2, 0, 3, 0],
            36,
            {"family": 30, "friends": 6},
            None,
            id="lsns_r-example",
        ),
        # SO (1,2,5,10) = 7,7,6,6; family (3,4,8,11) = 5,4,5,4; friends (6,7,9,12) = 2,3,2,3
        pytest.param(
            "mspss",
            [7, 7, 5, 4, 6, 2, 3, 5, 2, 6, 4, 3],
            4.5,
            {"significant_other": 6.5, "family": 4.5, "friends": 2.5},
            "moderate",
            id="mspss-example",
        ),
        # reversed: 1,2,7,8,11,12 -> 5 - x
        pytest.param(
            "isel12",
            [4, 1, 3, 4, 3, 4, 2, 1, 4, 4, 1, 2],
            41,
            {"appraisal": 16, "belonging": 11, "tangible": 14},
            None,
            id="isel12-example",
        ),
        pytest.param("ucla3", [2, 1, 3], 6, {}, None, id="ucla3-example"),
        pytest.param("osss3", [2, 3, 3], 8, {}, "poor", id="osss3-8"),
        pytest.param("osss3", [2, 4, 3], 9, {}, "moderate", id="osss3-9"),
        pytest.param("osss3", [3, 4, 4], 11, {}, "moderate", id="osss3-11"),
        pytest.param("osss3", [4, 4, 4], 12, {}, "strong", id="osss3-12"),
        pytest.param("essi", [5, 4, 5, 3, 4, 5, 4], 30, {}, None, id="essi-partner"),
        pytest.param("essi", [5, 4, 5, 3, 4, 5, 2], 28, {}, None, id="essi-no-partner"),
        # affective: care, love, sick = 5, 4, 2; confidant: 3, 3, 1, 4, 5
        pytest.param(
            "duke_fssq",
            [5, 4, 3, 3, 1, 4, 5, 2],
            27,
            {"confidant": 16, "affective": 11},
            None,
            id="fssq-example",
        ),
        pytest.param(
            "mmos_ss8",
            {
                "help_if_confined_to_bed": 5,
                "takes_you_to_doctor": 5,
                "prepares_meals": 5,
                "helps_with_chores_if_sick": 5,
                "good_time_together": 1,
                "suggestions_for_problem": 1,
                "understands_your_problems": 1,
                "love_and_feel_wanted": 1,
            },
            50.0,
            {"instrumental": 100.0, "emotional": 0.0},
            None,
            id="mmos-example",
        ),
    ],
)
def test_worked_examples(
    instrument: str, answers: Any, total: float, subscales: dict[str, float], band: str | None
) -> None:
    result = score(instrument, answers)
    assert result.total == total
    assert result.subscales == subscales
    assert result.band == band
    assert result.imputed == 0
    assert result.items_answered == len(get(instrument).items)


def test_isel12_reverse_scoring_and_coding_base() -> None:
    # every answer 1: the six reversed items score 4, the others 1
    assert score("isel12", [1] * 12).total == 6 * 4 + 6 * 1
    zero_based = score("isel12", [3, 0, 2, 3, 2, 3, 1, 0, 3, 3, 0, 1], coding="0-3")
    assert zero_based.total == 41 - 12
    assert zero_based.subscales == {"appraisal": 12, "belonging": 7, "tangible": 10}
    assert zero_based.options == {"coding": "0-3"}
    assert score("isel12", lowest("isel12")).options == {"coding": "1-4"}
    with pytest.raises(ResponseError, match="must be 0 to 3"):
        score("isel12", [4] * 12, coding="0-3")


def test_mos_sss_scoring_and_psi_option() -> None:
    answers = {item.id: 3 for item in get("mos_sss").items}
    answers["takes_mind_off_things"] = 5
    three = score("mos_sss", answers)
    assert three.subscales == {
        "emotional_informational": 50.0,
        "tangible": 50.0,
        "affectionate": 50.0,
        "positive_social_interaction": 50.0,
    }
    # overall index: mean of all 19 items, (18 * 3 + 5) / 19, on 0-100
    assert three.total == pytest.approx(100 * ((59 / 19) - 1) / 4)
    four = score("mos_sss", answers, positive_social_interaction="4_items")
    assert four.subscales["positive_social_interaction"] == 62.5
    assert four.total == three.total


def test_mos_item_counts() -> None:
    mos = get("mos_sss")
    assert len(mos.items) == 19
    counts = {
        name: sum(name in i.subscales for i in mos.items)
        for name in (
            "emotional_informational",
            "tangible",
            "affectionate",
            "positive_social_interaction",
        )
    }
    assert counts == {
        "emotional_informational": 8,
        "tangible": 4,
        "affectionate": 3,
        "positive_social_interaction": 3,
    }
    assert [i.id for i in get("mmos_ss8").items] == [
        "help_if_confined_to_bed",
        "takes_you_to_doctor",
        "prepares_meals",
        "helps_with_chores_if_sick",
        "good_time_together",
        "suggestions_for_problem",
        "understands_your_problems",
        "love_and_feel_wanted",
    ]


@pytest.mark.parametrize(
    ("total_sum", "band"),
    [(12, "low"), (35, "low"), (36, "moderate"), (60, "moderate"), (61, "high"), (84, "high")],
)
def test_mspss_band_boundaries(total_sum: int, band: str) -> None:
    answers = [total_sum // 12 + (1 if i < total_sum % 12 else 0) for i in range(12)]
    assert sum(answers) == total_sum
    assert score("mspss", answers).band == band


@pytest.mark.parametrize(
    ("mean", "half_open", "rounded"),
    [
        (2.9, "low", "low"),
        (2.94, "low", "low"),
        (2.95, "low", "moderate"),
        (3.0, "moderate", "moderate"),
        (5.0, "moderate", "moderate"),
        (5.04, "high", "moderate"),
        (5.05, "high", "high"),
        (35 / 12, "low", "low"),
        (61 / 12, "high", "high"),
    ],
)
def test_mspss_gap_rules(mean: float, half_open: str, rounded: str) -> None:
    assert mspss_band(mean) == half_open
    assert mspss_band(mean, band_gaps="rounded") == rounded


SNI_EXAMPLE = {
    "marital_status": 1,
    "children_contact": 2,
    "parents_contact": 3,
    "in_laws_contact": 4,
    "relatives_contact": 1,
    "friends_contact": 5,
    "religious_contact": 0,
    "school_contact": 0,
    "work_supervised_contact": 0,
    "work_other_contact": 3,
    "neighbors_contact": 1,
    "volunteer_contact": 0,
    "group_contact": 9,
}


def test_cohen_sni_worked_example() -> None:
    result = score("cohen_sni", SNI_EXAMPLE)
    # roles: spouse, children, parents, relatives, friends, work (either), neighbours, groups
    # people: family 1 + 2 + 2 (both parents) + 0 (in-laws n/a) + 1 = 6; friends 5; work 3;
    #         neighbours 1; groups 9 -> 7
    # embedded (>= 4): family (4 roles, 6 people), friends (5), groups (7)
    assert result.subscales == {"high_contact_roles": 8, "network_size": 22, "embedded_networks": 3}
    assert result.total == 8
    assert result.options == {"employee_rule": "either", "embedded_rule": "at_least_4"}


def test_cohen_sni_employee_rule() -> None:
    assert score("cohen_sni", SNI_EXAMPLE, employee_rule="both").total == 7
    both_nonzero = {**SNI_EXAMPLE, "work_supervised_contact": 1}
    assert score("cohen_sni", both_nonzero, employee_rule="both").total == 8


def test_cohen_sni_embedded_rule_boundary() -> None:
    four_friends = {**SNI_EXAMPLE, "friends_contact": 4}
    assert score("cohen_sni", four_friends).subscales["embedded_networks"] == 3
    strict = score("cohen_sni", four_friends, embedded_rule="more_than_4")
    assert strict.subscales["embedded_networks"] == 2  # family (6 > 4) and groups (7)
    # family with 4 members but only 2 high-contact family roles: not embedded under the default
    small_family = {
        **SNI_EXAMPLE,
        "marital_status": 2,
        "children_contact": 0,
        "parents_contact": 3,
        "relatives_contact": 2,
    }
    assert score("cohen_sni", small_family).subscales["embedded_networks"] == 2


def test_cohen_sni_counts_above_six_become_seven() -> None:
    assert score("cohen_sni", {**SNI_EXAMPLE, "group_contact": 40}).subscales["network_size"] == 22


def test_prorate_fills_from_the_subscale() -> None:
    answers: dict[str, int | None] = {i.id: 5 for i in get("mspss").items}
    answers.update(
        special_person_near=None,
        special_person_share=7,
        special_person_comfort=6,
        special_person_cares=6,
    )
    with pytest.raises(ResponseError, match="item special_person_near: has no answer"):
        score("mspss", answers)
    result = score("mspss", answers, missing="prorate")
    assert result.imputed == 1
    assert result.items_answered == 11
    assert result.subscales["significant_other"] == pytest.approx(19 / 3)


def test_prorate_works_after_reverse_scoring() -> None:
    answers: dict[str, int | None] = dict.fromkeys((i.id for i in get("isel12").items), 4)
    answers["crisis_advice_hard_to_find"] = 1  # reversed: scores 4
    answers["no_one_for_private_worries"] = None  # reversed, unanswered
    result = score("isel12", answers, missing="prorate")
    assert result.subscales["appraisal"] == 16


def test_prorate_needs_half_of_the_subscale() -> None:
    answers: dict[str, int | None] = dict.fromkeys((i.id for i in get("isel12").items), 3)
    for item in (
        "no_one_for_private_worries",
        "advice_on_family_problems",
        "crisis_advice_hard_to_find",
    ):
        answers[item] = None
    with pytest.raises(ResponseError, match="fewer than half of subscale appraisal"):
        score("isel12", answers, missing="prorate")


@pytest.mark.parametrize("instrument", ["osss3", "essi", "cohen_sni"])
def test_prorate_refused_where_items_are_not_alike(instrument: str) -> None:
    answers: list[int | None] = list(lowest(instrument))
    answers[0] = None
    with pytest.raises(ResponseError, match="no missing-data rule"):
        score(instrument, answers, missing="prorate")


@pytest.mark.parametrize(
    ("instrument", "answers", "options", "message"),
    [
        pytest.param("nope", [], {}, "there is no such instrument", id="unknown-instrument"),
        pytest.param("ucla3", [1, 2], {}, "ucla3 has 3 items; 2 answers were given", id="too-few"),
        pytest.param(
            "ucla3", {"lonely": 2}, {}, "answer 1 is for an unknown item", id="unknown-item"
        ),
        pytest.param(
            "ucla3",
            [1, 2, 4],
            {},
            "item feel_isolated: the answer must be 1 to 3",
            id="out-of-range",
        ),
        pytest.param(
            "ucla3",
            [1, 2, 2.5],
            {},
            "item feel_isolated: the answer must be a whole number",
            id="not-whole",
        ),
        pytest.param(
            "ucla3",
            [1, True, 2],
            {},
            "item feel_left_out: the answer must be a whole number",
            id="boolean",
        ),
        pytest.param(
            "ucla3",
            [1, "2", 2],
            {},
            "item feel_left_out: the answer must be a whole number",
            id="text",
        ),
        pytest.param("ucla3", "123", {}, "a list of codes in item order", id="text-responses"),
        pytest.param(
            "essi",
            [5, 5, 5, 5, 5, 5, 1],
            {},
            "item has_partner: the answer must be 2 or 4",
            id="essi-partner-code",
        ),
        pytest.param("ucla3", [1, None, 2], {}, "item feel_left_out: has no answer", id="missing"),
        pytest.param(
            "ucla3",
            [1, 2, 2],
            {"coding": "0-3"},
            "option 1 is not an option of ucla3",
            id="unknown-option",
        ),
        pytest.param(
            "isel12",
            [1] * 12,
            {"coding": "0-4"},
            "option coding must be one of: 1-4, 0-3",
            id="bad-option-value",
        ),
    ],
)
def test_errors_name_the_item(
    instrument: str, answers: Any, options: dict[str, str], message: str
) -> None:
    with pytest.raises(
        ResponseError, match=message.replace("(", r"\(").replace(")", r"\)")
    ) as caught:
        score(instrument, answers, missing="error", **options)
    assert isinstance(caught.value, ValueError)


def test_registry_and_metadata() -> None:
    assert list(INSTRUMENTS) == [
        "lsns6",
        "lsns_r",
        "mspss",
        "isel12",
        "mos_sss",
        "mmos_ss8",
        "ucla3",
        "osss3",
        "essi",
        "duke_fssq",
        "cohen_sni",
        "nhanes_sci",
        "cms_loneliness",
    ]
    for instrument in INSTRUMENTS.values():
        ids = [i.id for i in instrument.items]
        assert len(ids) == len(set(ids)), instrument.id
        assert instrument.citation
        assert "not shipped" in instrument.licence
        for item in instrument.items:
            assert item.label
            assert list(item.codes) == sorted(item.codes)


def test_subscale_support_types() -> None:
    assert subscale_support_types("mos_sss", "tangible") == (SupportType.PRACTICAL,)
    assert subscale_support_types("isel12", "appraisal") == (
        SupportType.INFORMATIONAL,
        SupportType.EMOTIONAL,
    )
    assert subscale_support_types("isel12", "belonging") == ()
    assert subscale_support_types("mmos_ss8", "emotional") == (SupportType.EMOTIONAL,)


def test_score_round_trips_as_json() -> None:
    result = score("mspss", [5] * 12)
    assert InstrumentScore.model_validate_json(result.model_dump_json()) == result
    assert result.model_dump()["citation"].startswith("Zimet GD")


@pytest.mark.parametrize(
    ("instrument", "names"),
    [
        ("lsns6", ["family", "friends"]),
        ("mspss", ["significant_other", "family", "friends"]),
        ("isel12", ["appraisal", "belonging", "tangible"]),
        (
            "mos_sss",
            ["emotional_informational", "tangible", "affectionate", "positive_social_interaction"],
        ),
        ("mmos_ss8", ["instrumental", "emotional"]),
        ("duke_fssq", ["confidant", "affective"]),
        ("cohen_sni", ["high_contact_roles", "network_size", "embedded_networks"]),
    ],
)
def test_subscales_come_in_the_literature_order(instrument: str, names: list[str]) -> None:
    assert list(score(instrument, highest(instrument)).subscales) == names


def test_item_lookup_by_id() -> None:
    ucla = get("ucla3")
    assert ucla.item("feel_isolated").codes == (1, 2, 3)
    with pytest.raises(KeyError):
        ucla.item("lonely")
