"""The words of import errors: what could not be imported, where (file and line), CLI flags."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

import pytest

from grace_support import DocumentError
from grace_support.cli import main
from grace_support.importers import read_egor, read_persnet

if TYPE_CHECKING:
    from pathlib import Path

SECRET = "Private Person"


def study(folder: Path) -> Path:
    folder.mkdir()
    (folder / "egos.csv").write_text("egoID,sex\n1,w\n")
    (folder / "alters_1.csv").write_text(f"alterID,emo\n1,yes\n2,{SECRET}\n")
    return folder


def test_a_csv_import_error_names_the_file_and_line_not_a_document(tmp_path: Path) -> None:
    folder = study(tmp_path / "study")
    with pytest.raises(DocumentError) as caught:
        read_egor(folder, columns={"emo": "emotional"})
    text = str(caught.value)
    assert text.startswith(f"{folder} could not be imported (1 problem):")
    assert "not a valid document" not in text
    assert f"{folder / 'alters_1.csv'}: line 3, column emo: is not true or false" in text
    assert SECRET not in text
    copy = pickle.loads(pickle.dumps(caught.value))  # survives a trip to a worker
    assert str(copy) == text


def test_persnet_errors_say_the_same(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("record_id,name1,tie1\n1,Ana,7\n")
    with pytest.raises(DocumentError, match=r"^export.csv could not be imported \(1 problem\):"):
        read_persnet(path)


def test_the_command_line_says_which_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = study(tmp_path / "study")
    mapping = tmp_path / "m.json"
    mapping.write_text('{"emo": "emotional"}')
    out = tmp_path / "out.jsonl"
    code = main(["import", "egor", str(folder), "--mapping", str(mapping), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "could not be imported (1 problem)" in err
    assert "alters_1.csv: line 3, column emo" in err
    assert "not a valid document" not in err
    assert SECRET not in err


def test_command_line_errors_name_flags_python_errors_name_parameters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("egoID,sex\n1,w\n")
    b.write_text("egoID,alterID\n1,1\n")
    with pytest.raises(ValueError, match="give layout=") as caught:
        read_egor([a, b])
    assert "--layout" not in str(caught.value)
    out = tmp_path / "out.jsonl"
    assert main(["import", "egor", str(a), str(b), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "give --layout" in err
    assert "layout=" not in err


@pytest.mark.parametrize(
    ("days", "wave", "document"),
    [
        (("2026-01-01", "2026-12-01"), "BEFORE_DAY (the first day)", "BEFORE"),
        (("2026-06-01", "2026-06-02"), "AFTER_DAY (the second day)", "AFTER"),
    ],
)
def test_compare_as_of_says_which_day_and_field_and_exits_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    days: tuple[str, str],
    wave: str,
    document: str,
) -> None:
    import json

    def network(path: Path, collected: str, last: str) -> str:
        path.write_text(json.dumps({
            "ego": {"id": "e"}, "people": [{"id": "a"}],
            "relationships": [{"person": "a", "last_contact": last}],
            "collected_on": collected,
        }))  # fmt: skip
        return str(path)

    before = network(tmp_path / "b.json", "2026-05-01", "2026-04-20")
    after = network(tmp_path / "a.json", "2026-11-01", "2026-10-28")
    assert main(["compare", before, after, "--as-of", *days]) == 2
    err = capsys.readouterr().err
    assert f"--as-of: {wave} is earlier than a day recorded in {document}" in err
    assert "collected_on" in err
    assert "last_contact" in err
    for day in ("2026-05-01", "2026-04-20", "2026-11-01", "2026-10-28", *days):
        assert day not in err
    assert "not a valid document" not in err
