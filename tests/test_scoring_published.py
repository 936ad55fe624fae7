"""Scoring as the published forms define it (issue 10): worked examples and accepted inputs."""

from __future__ import annotations

from typing import Any

import pytest

from grace_support.instruments import ResponseError, get, score

# The mMOS-SS-8 form (Moser et al. 2012): items 1-4 instrumental (confined to bed,
# doctor, meals, chores), 5-8 emotional (good time, suggestions, understands
# problems, love and feel wanted); each score is 100 x (sum - n) / (4n).
MMOS_FORM_ORDER = [
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
    ("answers", "instrumental", "emotional", "total"),
    [
        pytest.param([1, 1, 1, 1, 5, 5, 5, 5], 0.0, 100.0, 50.0, id="issue-example"),
        pytest.param([5, 5, 5, 5, 1, 1, 1, 1], 100.0, 0.0, 50.0, id="mirror"),
        pytest.param([3] * 8, 50.0, 50.0, 50.0, id="all-some-of-the-time"),
        pytest.param([5, 4, 3, 2, 1, 2, 3, 4], 62.5, 37.5, 50.0, id="mixed"),
        pytest.param([5] * 8, 100.0, 100.0, 100.0, id="all-of-the-time"),
    ],
)
def test_mmos_ss8_list_follows_the_published_form(
    answers: list[int], instrumental: float, emotional: float, total: float
) -> None:
    result = score("mmos_ss8", answers)
    assert result.subscales == {"instrumental": instrumental, "emotional": emotional}
    assert result.total == total
    by_id = score("mmos_ss8", dict(zip(MMOS_FORM_ORDER, answers, strict=True)))
    assert by_id == result


def test_mmos_ss8_items_in_form_order() -> None:
    items = get("mmos_ss8").items
    assert [i.id for i in items] == MMOS_FORM_ORDER
    assert [i.subscales for i in items] == [("instrumental",)] * 4 + [("emotional",)] * 4


SNI = {
    "marital_status": 1,
    "children_contact": 0,
    "parents_contact": 3,
    "in_laws_contact": 4,
    "relatives_contact": 0,
    "friends_contact": 0,
    "religious_contact": 0,
    "school_contact": 0,
    "work_supervised_contact": 0,
    "work_other_contact": 0,
    "neighbors_contact": 0,
    "volunteer_contact": 0,
    "group_contact": 0,
}


@pytest.mark.parametrize("count", [7, 99, 100, 150, 10_000])
def test_cohen_sni_large_counts_are_valid_and_recoded_to_7(count: int) -> None:
    result = score("cohen_sni", SNI | {"friends_contact": count, "work_other_contact": count})
    # spouse 1 + parents (both) 2 = 3 family; friends 7; work 7 (recoded above 6)
    assert result.subscales["network_size"] == 3 + 7 + 7
    assert result.subscales["high_contact_roles"] == 4  # spouse, parents, friends, work
    assert result.subscales["embedded_networks"] == 2  # friends and work: 4 or more


@pytest.mark.parametrize("count", [-1, 2.5, "7"])
def test_cohen_sni_counts_must_be_whole_and_not_negative(count: Any) -> None:
    with pytest.raises(ResponseError, match="friends_contact"):
        score("cohen_sni", SNI | {"friends_contact": count})


def test_cohen_sni_describes_open_counts() -> None:
    assert get("cohen_sni").item("friends_contact").describe_codes() == "0 or more"


def test_whole_valued_floats_and_numpy_integers_are_codes() -> None:
    np = pytest.importorskip("numpy")
    expected = score("ucla3", [1, 2, 3])
    assert score("ucla3", [1.0, 2.0, 3.0]) == expected
    assert score("ucla3", [np.int64(1), np.int32(2), np.float64(3.0)]) == expected
    assert score("ucla3", np.array([1, 2, 3])) == expected
    with pytest.raises(ResponseError, match="feel_left_out: the answer must be a whole number"):
        score("ucla3", [1, 2.5, 3])


def test_none_and_nan_are_unanswered_and_a_pandas_row_scores() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        [
            {"lack_companionship": 1, "feel_left_out": 2, "feel_isolated": 3},
            {"lack_companionship": 2, "feel_left_out": None, "feel_isolated": 2},
        ]
    )
    first = score("ucla3", frame.iloc[0])
    assert first.total == 6
    second = score("ucla3", frame.iloc[1], missing="prorate")
    assert second.imputed == 1
    assert second.total == 6
    assert score("ucla3", [2, float("nan"), 2], missing="prorate") == second
    with pytest.raises(ResponseError, match="feel_left_out: has no answer"):
        score("ucla3", frame.iloc[1])


@pytest.mark.parametrize("missing", ["prorat", "Error", "", None])
def test_missing_is_validated(missing: Any) -> None:
    with pytest.raises(ResponseError, match='missing must be "error" or "prorate"'):
        score("ucla3", [1, None, 2], missing=missing)


@pytest.mark.parametrize("responses", [42, None, {1, 2, 3}, "123", b"123", 2.0])
def test_responses_that_are_not_a_sequence_or_mapping(responses: Any) -> None:
    with pytest.raises(ResponseError, match="a list of codes in item order, or a mapping"):
        score("ucla3", responses)


def test_unknown_item_is_named_by_position_only() -> None:
    with pytest.raises(ResponseError, match="answer 2 is for an unknown item") as caught:
        score("ucla3", {"lack_companionship": 1, "Maria Lopez": 2})
    assert "Maria" not in str(caught.value)
