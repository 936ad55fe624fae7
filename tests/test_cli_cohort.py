"""``grace-support cohort synth | validate | measure``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from grace_support.cli import main
from grace_support.cohort import OUTPUT_COLUMNS, measure

if TYPE_CHECKING:
    from pathlib import Path

pl = pytest.importorskip("polars")
pq = pytest.importorskip("pyarrow.parquet")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_synth_validate_measure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = str(tmp_path / "study")
    code, out, err = run(capsys, "cohort", "synth", "120", "--seed", "4", "--out", dataset)
    assert (code, err) == (0, "")
    assert "120 synthetic networks" in out
    code, out, _ = run(capsys, "cohort", "validate", dataset)
    assert code == 0
    assert "valid (120 networks" in out

    code, out, err = run(capsys, "cohort", "measure", dataset, "--as-of", "2026-11-25")
    assert (code, err) == (0, "")  # no progress bar: standard error is not a terminal
    lines = out.splitlines()
    assert lines[0].split(",") == list(OUTPUT_COLUMNS)
    assert len(lines) == 121

    expected = measure(dataset, as_of="2026-11-25", settings={"dormant_after_days": 30})
    for name in ("m.parquet", "m.csv"):
        out_file = str(tmp_path / name)
        code, out, _ = run(
            capsys, "cohort", "measure", dataset, "--as-of", "2026-11-25",
            "--setting", "dormant_after_days=30", "--out", out_file,
        )  # fmt: skip
        assert code == 0
        assert "120 networks" in out
        read = pl.read_parquet(out_file) if name.endswith("parquet") else pl.read_csv(out_file)
        assert read["finding_count_dormant_tie"].to_list() == (
            expected["finding_count_dormant_tie"].to_list()
        )


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["cohort"], 2, "choose an action"),
        (["cohort", "measure", "DATA", "--out", "m.txt"], 2, ".parquet or .csv"),
        (["cohort", "measure", "DATA", "--setting", "over_reliance_share=5"], 2, "--setting"),
        (["cohort", "measure", "nowhere"], 3, "not a cohort dataset"),
        (["cohort", "validate", "nowhere"], 3, "not a cohort dataset"),
    ],
)
def test_usage_and_input_errors(
    args: list[str], status: int, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = str(tmp_path / "d")
    assert main(["cohort", "synth", "3", "--seed", "1", "--out", dataset]) == 0
    capsys.readouterr()
    args = [
        dataset if a == "DATA" else str(tmp_path / a) if a in ("nowhere", "m.txt") else a
        for a in args
    ]
    code, _, err = run(capsys, *args)
    assert code == status
    assert words in err
    assert "Traceback" not in err


def test_an_invalid_dataset_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = tmp_path / "d"
    assert main(["cohort", "synth", "5", "--seed", "1", "--out", str(dataset)]) == 0
    file = dataset / "alters" / "part-00000.parquet"
    table = pq.read_table(file)
    roles = table.column("role").to_pylist()
    roles[2] = "Secret Role"
    index = table.column_names.index("role")
    pq.write_table(table.set_column(index, "role", pl.Series(roles).to_arrow()), file)
    capsys.readouterr()
    code, _, err = run(capsys, "cohort", "validate", str(dataset))
    assert code == 1
    assert "alters row 2, column role" in err
    assert "Secret" not in err


def test_synth_refuses_a_folder_of_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    code, _, err = run(
        capsys, "cohort", "synth", "3", "--seed", "1", "--out", str(tmp_path / "mine")
    )
    assert code == 3
    assert "choose a new folder" in err


@pytest.mark.parametrize("command", ["measure", "changes"])
def test_an_unknown_setting_is_named_by_position_not_echoed(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = str(tmp_path / "d")
    assert main(["cohort", "synth", "3", "--seed", "1", "--out", dataset]) == 0
    capsys.readouterr()
    waves = [dataset] if command == "measure" else [dataset, dataset]
    typed = "Zqx" + "typed"
    code, _, err = run(capsys, "cohort", command, *waves, "--setting", f"{typed}=1")
    assert code == 2
    assert "--setting number 1 is not a known setting" in err
    assert typed.lower() not in err.lower()
