"""Properties of the strict cell reading every table importer shares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grace_support.importers._values import (
    BOOLEAN_PROBLEM,
    BOOLEAN_WORDS,
    parse_number,
    strict_bool,
)

WORDS = sorted(BOOLEAN_WORDS)


@st.composite
def any_case(draw: st.DrawFn) -> tuple[str, bool]:
    word = draw(st.sampled_from(WORDS))
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    padding = draw(st.sampled_from(["", " ", "  "]))
    return f"{padding}{cased}{padding}", BOOLEAN_WORDS[word]


@given(any_case())
def test_boolean_words_in_any_case(case: tuple[str, bool]) -> None:
    text, expected = case
    assert strict_bool(text) is expected


@given(
    st.text(min_size=1).filter(
        lambda t: t.strip().lower() not in {*WORDS, "na", "nan", "1.0", "0.0"} and t.strip() != ""
    )
)
def test_anything_else_is_refused_without_repeating_it(text: str) -> None:
    with pytest.raises(ValueError, match="is not true or false") as caught:
        strict_bool(text)
    assert str(caught.value) == BOOLEAN_PROBLEM  # the same words whatever the value


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_whole_numbers_read_back(number: int) -> None:
    assert parse_number(str(number)) == number


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_decimal_commas_read_like_points(number: float) -> None:
    text = repr(number)
    if "e" in text:
        return
    assert parse_number(text.replace(".", ","), decimal=",") == parse_number(text)
