"""The grace-support score command."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from grace_support.cli import main
from grace_support.report import CRISIS_LINE

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_answers_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", "lsns6", "3", "2", "2", "1", "1", "0")
    assert code == 0
    assert err == ""
    assert "at_risk_of_isolation" in out
    assert out.rstrip().endswith(CRISIS_LINE)


def test_answers_by_id_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "score",
        "ucla3",
        "feel_isolated=3",
        "feel_left_out=1",
        "lack_companionship=2",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 6
    assert data["instrument"] == "ucla3"


def test_json_file_of_many_and_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    zero_based = [3, 0, 2, 3, 2, 3, 1, 0, 3, 3, 0, 1]
    items = [
        "day_trip_companion",
        "no_one_for_private_worries",
        "help_with_chores_if_sick",
        "advice_on_family_problems",
        "movie_companion",
        "suggestions_on_personal_problem",
        "seldom_invited",
        "house_sitter_hard_to_find",
        "lunch_companion",
        "ride_if_stranded",
        "crisis_advice_hard_to_find",
        "moving_help_hard_to_find",
    ]
    path.write_text(
        json.dumps(
            [
                {"respondent": "r1", **dict(zip(items, zero_based, strict=True))},
                {"respondent": "r2", **dict.fromkeys(items, 0)},
            ]
        )
    )
    code, out, _ = run(
        capsys, "score", "isel12", "--file", str(path), "--option", "coding=0-3", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert [(d["respondent"], d["total"]) for d in data] == [("r1", 29), ("r2", 18)]
    assert data[0]["options"] == {"coding": "0-3"}


def test_csv_in_and_out_with_prorate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ucla.csv"
    path.write_text(
        "respondent,lack_companionship,feel_left_out,feel_isolated\na1,1,2,3\na2,3,3,NA\n"
    )
    code, out, _ = run(
        capsys, "score", "ucla3", "--file", str(path), "--format", "csv", "--missing", "prorate"
    )
    assert code == 0
    assert out.splitlines() == [
        "respondent,total,band,items_answered,imputed",
        "a1,6,,3,0",
        "a2,9,,2,1",
    ]


@pytest.mark.parametrize(
    ("args", "status", "fragment"),
    [
        (["score", "ucla3", "1", "2", "9"], 1, "item feel_isolated: the answer must be 1 to 3"),
        (["score", "ucla3", "1", "2", "x"], 1, "answer 3: the answer must be a whole number"),
        (["score", "ucla3", "1", "feel_left_out=2"], 1, "either every answer as id=code"),
        (["score", "nope", "1"], 1, "there is no such instrument"),
        (["score", "ucla3"], 2, "give the answers"),
        (
            ["score", "ucla3", "1", "2", "2", "--option", "coding=0-3"],
            1,
            "option 1 is not an option of ucla3",
        ),
    ],
)
def test_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], status: int, fragment: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == status
    assert out == ""
    assert fragment in err
    assert "Traceback" not in err


def test_csv_errors_name_row_and_respondent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("lack_companionship,feel_left_out,feel_isolated\n1,2,3\n1,two,3\n")
    code, _, err = run(capsys, "score", "ucla3", "--file", str(path))
    assert code == 1
    assert "row 3, column 2: the answer must be a whole number" in err
    path.write_text(
        "respondent,lack_companionship,feel_left_out,feel_isolated\n"
        "Maria Private,1,2,3\nJo Private,1,2,\n"
    )
    code, _, err = run(capsys, "score", "ucla3", "--file", str(path))
    assert code == 1
    assert f"{path}, respondent 2: item feel_isolated: has no answer" in err
    assert "Private" not in err


def test_list_items(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", "isel12", "--items")
    assert code == 0
    assert "1. day_trip_companion" in out
    assert "(reversed)" in out
