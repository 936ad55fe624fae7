"""The import command, and assess/validate over many documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from grace_support import read_networks, write_networks
from grace_support._csv import safe_cell
from grace_support.cli import main
from grace_support.cli._progress import progress
from grace_support.cli.import_ import FORMATS
from grace_support.demo import example_network

EGOR = Path(__file__).parent / "data" / "egor"
EXAMPLES = Path(__file__).parents[1] / "examples" / "networks"
MAPPING = {"rel": "role", "close": "closeness", "emo": "emotional"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mapping(tmp_path: Path) -> Path:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(MAPPING))
    return path


def test_formats_registry() -> None:
    assert list(FORMATS) == [
        "egor",
        "network-canvas-csv",
        "network-canvas-graphml",
        "graphml",
        "tables",
        "persnet",
    ]


def test_import_egor_writes_json_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mapping: Path
) -> None:
    out = tmp_path / "study.jsonl"
    code, stdout, err = run(
        capsys, "import", "egor", str(EGOR / "one-file" / "study.csv"), "--out", str(out),
        "--mapping", str(mapping),
    )  # fmt: skip
    assert code == 0
    assert stdout == ""
    assert "wrote 2 networks" in err
    assert "dropped:" in err  # the 0 cell is listed
    assert "is 0: no tie" in err
    assert [n.ego.id for n in read_networks(out)] == ["1", "2"]


def test_import_raise_writes_nothing_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mapping: Path
) -> None:
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "egos.csv").write_text("egoID,sex\n1,w\n2,m\n")
    (folder / "alters_1.csv").write_text("alterID,rel,close,emo\n1,friend,inner,Private Person\n")
    (folder / "alters_2.csv").write_text("alterID,rel,close,emo\n1,friend,inner,no\n")
    out = tmp_path / "study.jsonl"
    code, _, err = run(
        capsys, "import", "egor", str(folder), "--out", str(out), "--mapping", str(mapping)
    )
    assert code == 1
    assert not out.exists()
    assert "line 2, column emo" in err
    assert "Private Person" not in err
    code, _, err = run(
        capsys,
        "import",
        "egor",
        str(folder),
        "--out",
        str(out),
        "--mapping",
        str(mapping),
        "--errors",
        "collect",
    )
    assert code == 0
    assert "wrote 1 network " in err
    assert "alters_1.csv: line 2, column emo" in err
    assert [n.ego.id for n in read_networks(out)] == ["2"]


def test_import_tables_and_graphml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    from grace_support.tables import to_tables

    tables = to_tables([example_network()])
    for name, frame in tables._asdict().items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    out = tmp_path / "t.jsonl"
    code, _, err = run(capsys, "import", "tables", str(tmp_path), "--out", str(out))
    assert (code, "wrote 1 network " in err) == (0, True)
    assert read_networks(out) == (example_network(),)
    pytest.importorskip("defusedxml")
    from grace_support.graphml import to_graphml

    graph = tmp_path / "one.graphml"
    graph.write_text(to_graphml(example_network()))
    code, _, err = run(capsys, "import", "graphml", str(graph), str(graph), "--out", str(out))
    assert code == 0
    assert read_networks(out) == (example_network(), example_network())


def test_import_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "mapping.json"
    bad.write_text('{"rings": 0}')
    code, _, err = run(
        capsys, "import", "network-canvas-csv", str(tmp_path), "--out", str(tmp_path / "x.jsonl"),
        "--mapping", str(bad),
    )  # fmt: skip
    assert code == 2
    assert "--mapping rings" in err
    with pytest.raises(SystemExit) as caught:
        main(["import", "spss", str(tmp_path), "--out", "x.jsonl"])
    assert caught.value.code == 2
    capsys.readouterr()


def test_import_missing_source_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "import", "graphml", str(tmp_path / "nope.graphml"), "--out", str(tmp_path / "o")
    )
    assert code == 3
    assert "cannot be read" in err


def test_assess_and_validate_take_files_folders_and_json_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = tmp_path / "all.jsonl"
    write_networks([example_network(), example_network()], lines)
    code, out, _ = run(capsys, "validate", str(lines), str(EXAMPLES), str(EXAMPLES / "maria.json"))
    assert code == 0
    assert f"{lines}:2: a valid network document" in out
    assert out.rstrip().endswith("6 valid network documents")
    code, out, _ = run(
        capsys, "assess", str(lines), str(EXAMPLES), "--format", "csv", "--as-of", "2026-11-25"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5
    assert rows[0]["source"] == f"{lines}:1"
    assert rows[2]["source"] == str(EXAMPLES / "devon.json")
    assert rows[2]["finding_missing-support"] == "1"
    assert {"size", "support_count_peer", "finding_small-network"} <= set(rows[0])
    code, out, _ = run(capsys, "assess", str(lines), "--format", "jsonl", "--as-of", "2026-11-25")
    assert [json.loads(line)["ego_id"] for line in out.splitlines()] == ["maria", "maria"]
    code, out, _ = run(capsys, "assess", str(lines), "--format", "json", "--as-of", "2026-11-25")
    assert len(json.loads(out)) == 2


def test_assess_many_with_a_bad_document_lists_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = tmp_path / "all.jsonl"
    lines.write_text(example_network().to_json(indent=None) + "\n{}\n")
    code, out, err = run(capsys, "assess", str(lines), str(EXAMPLES / "maria.json"))
    assert (code, out) == (1, "")
    assert f"{lines}: line 2, ego" in err


def test_empty_folder_cannot_be_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 3
    assert "no .json documents" in err


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ana", "ana"),
        (-0.5, -0.5),
        (3, 3),
    ],
)
def test_csv_cells_are_safe_from_formulas(cell: object, expected: object) -> None:
    assert safe_cell(cell) == expected


def test_csv_ego_ids_are_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = example_network().to_document()
    document["ego"]["id"] = "-maria"
    path = tmp_path / "one.json"
    path.write_text(json.dumps(document))
    code, out, _ = run(capsys, "assess", str(path), "--format", "csv", "--as-of", "2026-11-25")
    assert code == 0
    assert next(csv.DictReader(io.StringIO(out)))["ego_id"] == "'-maria"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_off_a_terminal_and_quick_jobs() -> None:
    quiet = io.StringIO()
    assert list(progress(range(3), total=3, what="networks", stream=quiet)) == [0, 1, 2]
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    assert list(progress(range(3), total=3, what="networks", stream=terminal)) == [0, 1, 2]
    assert terminal.getvalue() == ""  # done in under a second: no bar


def test_progress_bar_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    import grace_support.cli._progress as module

    monkeypatch.setattr(module, "DELAY", 0.0)
    monkeypatch.setattr("importlib.import_module", _no_tqdm)
    terminal = _Terminal()
    assert list(progress(range(2), total=2, what="networks", stream=terminal)) == [0, 1]
    assert "1/2 networks" in terminal.getvalue()


def _no_tqdm(name: str) -> object:
    raise ImportError(name)
