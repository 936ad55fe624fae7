"""One cell parser for every importer (issue 26): a leading-zero code stays text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grace_support.importers import read_egor
from grace_support.importers._values import parse_cell

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("02143", "02143"),  # a ZIP code keeps its zero
        ("007", "007"),  # an id too
        ("-01", "-01"),
        ("00", "00"),
        ("0", 0),
        ("0.5", 0.5),
        ("-0.25", -0.25),
        ("12", 12),
        (" 12 ", 12),
        ("1e3", 1000.0),
        ("TRUE", True),
        ("false", False),
        ("NA", None),
        ("", None),
        ("nan", None),
        ("inf", "inf"),  # not a finite number: text
        ("Montréal", "Montréal"),
    ],
)
def test_cells(cell: str, value: object) -> None:
    assert parse_cell(cell) == value
    assert type(parse_cell(cell)) is type(value)


def test_the_decimal_mark() -> None:
    assert parse_cell("0,5", decimal=",") == 0.5
    assert parse_cell("02,5", decimal=",") == "02,5"


@given(zeros=st.integers(1, 4), number=st.integers(0, 10**9))
def test_a_leading_zero_is_never_lost(zeros: int, number: int) -> None:
    text = "0" * zeros + str(number)
    assert parse_cell(text) == text


@given(number=st.integers(-(10**12), 10**12))
def test_whole_numbers_without_a_leading_zero_are_numbers(number: int) -> None:
    assert parse_cell(str(number)) == number


def test_egor_reads_a_zip_code_as_every_importer_does(tmp_path: Path) -> None:
    (tmp_path / "egos.csv").write_text("egoID;zip\n1;02143\n")
    (tmp_path / "alters_1.csv").write_text("alterID;code;age\n1;007;40\n")
    (network,) = read_egor(tmp_path, layout="folder")
    assert network.ego.attributes["zip"] == "02143"
    assert network.person("a1").attributes == {"code": "007", "age": 40}
