"""The NHANES social connection and isolation panel and the CMS loneliness item.

Every expected score here was worked out by hand from the scoring rule of Pantell
et al. (2013) as LOINC's panel 76506-5 describes it (no published example scores
a single respondent), and from the CMS item's answer codes.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grace_support.instruments import ResponseError, get, score
from grace_support.instruments.nhanes import weekly_contacts, yearly_attendance

WEEK, MONTH, YEAR = 1, 2, 3


def answers(
    marital: int = 5,
    phone: int = 0,
    together: tuple[int, int] = (0, WEEK),
    religious: tuple[int, int] = (0, YEAR),
    club: int = 2,
) -> dict[str, int]:
    return {
        "marital_status": marital,
        "phone_per_week": phone,
        "get_together_times": together[0],
        "get_together_per": together[1],
        "religious_times": religious[0],
        "religious_per": religious[1],
        "club_member": club,
    }


# (answers, total, points): each derived by hand from the rule.
WORKED: list[tuple[dict[str, int], int, tuple[int, int, int, int]]] = [
    # married; 2 calls + 1 get-together a week = 3; church monthly = 12 a year; a club
    (answers(1, 2, (1, WEEK), (1, MONTH), 1), 4, (1, 1, 1, 1)),
    # never married; 1 call + 2 a month = 1 + 24/52 < 3; church 4 a year is not "more
    # than four"; no club
    (answers(5, 1, (2, MONTH), (4, YEAR), 2), 0, (0, 0, 0, 0)),
    # living with a partner; 0 calls + 3 get-togethers a week = 3; no church; a club
    (answers(6, 0, (3, WEEK), (0, YEAR), 1), 3, (1, 1, 0, 1)),
    # divorced; 2 calls + 1 a month = 2 + 12/52 < 3; church 5 a year > 4; no club
    (answers(3, 2, (1, MONTH), (5, YEAR), 2), 1, (0, 0, 1, 0)),
    # widowed; 0 calls + 13 a month = 13 x 12 / 52 = exactly 3 a week; church weekly
    (answers(2, 0, (13, MONTH), (1, WEEK), 2), 2, (0, 1, 1, 0)),
    # separated (not partnered); 2 calls + 52 a year = 3 a week; no church; no club
    (answers(4, 2, (52, YEAR), (0, WEEK), 2), 1, (0, 1, 0, 0)),
]


@pytest.mark.parametrize(("given_answers", "total", "points"), WORKED)
def test_worked_examples(
    given_answers: dict[str, int], total: int, points: tuple[int, int, int, int]
) -> None:
    result = score("nhanes_sci", given_answers)
    assert result.total == total
    assert tuple(result.subscales.values()) == points
    assert list(result.subscales) == [
        "partnered",
        "frequent_contact",
        "religious_attendance",
        "club_membership",
    ]
    assert result.band is None
    assert result.options == {"religious_rule": "more_than_4"}


def test_the_loinc_discrepancy_is_an_option() -> None:
    exactly_four = answers(religious=(4, YEAR))
    assert score("nhanes_sci", exactly_four).subscales["religious_attendance"] == 0
    assert score("nhanes_sci", exactly_four, religious_rule="4_or_more").total == 1
    three = answers(religious=(3, YEAR))
    assert score("nhanes_sci", three, religious_rule="4_or_more").total == 0


@pytest.mark.parametrize(
    ("phone", "times", "per", "expected"),
    [
        (0, 1, WEEK, Fraction(1)),
        (0, 1, MONTH, Fraction(12, 52)),
        (0, 1, YEAR, Fraction(1, 52)),
        (2, 26, YEAR, Fraction(5, 2)),
    ],
)
def test_weekly_rate(phone: int, times: int, per: int, expected: Fraction) -> None:
    assert weekly_contacts(phone, times, per) == expected


@pytest.mark.parametrize(
    ("times", "per", "expected"), [(1, WEEK, 52), (1, MONTH, 12), (5, YEAR, 5)]
)
def test_yearly_rate(times: int, per: int, expected: int) -> None:
    assert yearly_attendance(times, per) == expected


@given(
    marital=st.integers(1, 6),
    phone=st.integers(0, 50),
    together=st.tuples(st.integers(0, 400), st.integers(1, 3)),
    religious=st.tuples(st.integers(0, 400), st.integers(1, 3)),
    club=st.integers(1, 2),
)
def test_score_is_the_sum_of_its_points_from_0_to_4(
    marital: int, phone: int, together: Any, religious: Any, club: int
) -> None:
    result = score("nhanes_sci", answers(marital, phone, together, religious, club))
    assert 0 <= result.total <= 4
    assert result.total == sum(result.subscales.values())
    assert result.subscales["partnered"] == int(marital in (1, 6))
    assert result.subscales["club_membership"] == int(club == 1)


@given(extra=st.integers(1, 100))
def test_more_contact_never_lowers_the_score(extra: int) -> None:
    low = answers(phone=0, together=(1, MONTH))
    high = answers(phone=extra, together=(1, MONTH))
    assert score("nhanes_sci", high).total >= score("nhanes_sci", low).total


@pytest.mark.parametrize(
    ("change", "item"),
    [
        ({"marital_status": 7}, "marital_status"),
        ({"phone_per_week": -1}, "phone_per_week"),
        ({"get_together_per": 4}, "get_together_per"),
        ({"club_member": 0}, "club_member"),
    ],
)
def test_bad_answers_name_the_item(change: dict[str, int], item: str) -> None:
    with pytest.raises(ResponseError, match=item):
        score("nhanes_sci", {**answers(), **change})


def test_every_item_is_needed() -> None:
    with pytest.raises(ResponseError, match="no missing-data rule"):
        score("nhanes_sci", {**answers(), "club_member": None}, missing="prorate")


@pytest.mark.parametrize("code", [0, 1, 2, 3, 4])
def test_the_loneliness_item_scores_its_answer(code: int) -> None:
    assert score("cms_loneliness", [code]).total == code


def test_the_loneliness_item_refuses_declines() -> None:
    # CMS codes 7 (declines) and 8 (unable) are not frequencies: leave the item unanswered
    with pytest.raises(ResponseError, match="0 to 4"):
        score("cms_loneliness", [7])
    assert get("cms_loneliness").items[0].codes == (0, 1, 2, 3, 4)
