"""Fuzz: the command line never prints a traceback, exits 0/1/2/3, and echoes nothing personal."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grace_support.cli import main
from tests.fuzz._leaks import MARKER
from tests.fuzz._special import device_node

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
ROOT = Path(__file__).parents[2]


def document(name: str = f"{MARKER} Ana") -> dict[str, Any]:
    return {
        "schema_version": 1,
        "ego": {"id": "ego", "name": f"{MARKER} Ego"},
        "people": [{"id": "a1", "name": name, "attributes": {"note": MARKER}}],
        "relationships": [
            {"person": "a1", "role": "friend", "closeness": "inner", "supports": ["emotional"]}
        ],
    }


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as stop:  # argparse's own usage errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def check(code: int, out: str, err: str, *, allowed: set[int]) -> None:
    assert code in allowed
    assert "Traceback" not in out + err
    assert MARKER.lower() not in err.lower()
    if code != 0:
        assert MARKER.lower() not in out.lower()


@FUZZ
@given(
    start=st.integers(0, 400),
    length=st.integers(0, 20),
    # The marker is planted in values; an edit could turn it into a key, and field
    # names are places that errors do name, so edits never insert it.
    insert=st.sampled_from(["", '"', "{", "}", ",", "\x00", "\ufeff", "1e999"])
    | st.text(max_size=6),
    command=st.sampled_from(
        [["validate"], ["assess", "--as-of", "2026-11-25"], ["assess", "--format", "json"]]
    ),
)
@example(start=0, length=0, insert="\ufeff", command=["validate"])
def test_network_commands_with_any_document(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    start: int,
    length: int,
    insert: str,
    command: list[str],
) -> None:
    text = json.dumps(document())
    text = text[:start] + insert + text[start + length :]
    path = tmp_path_factory.mktemp("cli") / "net.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    code, out, err = run(capsys, command[0], str(path), *command[1:])
    check(code, out, err, allowed={0, 1})


@FUZZ
@given(
    instrument=st.sampled_from(["ucla3", "lsns6", "mmos_ss8", "cohen_sni", MARKER]),
    answers=st.lists(
        st.sampled_from(["1", "2", "NA", "", "x", "=1", MARKER, "3=4", f"{MARKER}=1"]),
        max_size=8,
    ),
    option=st.sampled_from([[], ["--option", f"{MARKER}=1"], ["--missing", "prorate"]]),
)
def test_score_with_any_arguments(
    capsys: pytest.CaptureFixture[str], instrument: str, answers: list[str], option: list[str]
) -> None:
    code, out, err = run(capsys, "score", instrument, *answers, *option)
    check(code, out, err, allowed={0, 1, 2})


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "x.json", "--format", MARKER],
        ["assess", "x.json", "--setting", f"{MARKER}=3"],
        ["assess", "x.json", "--as-of", MARKER],
        ["validate", "x.json", f"--{MARKER}"],
        [MARKER],
        ["score", "ucla3", "--max-bytes", MARKER],
    ],
)
def test_usage_errors_quote_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    args = [str(path) if a == "x.json" else a for a in args]
    code, out, err = run(capsys, *args)
    assert code == 2
    check(code, out, err, allowed={2})


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def empty_folder(tmp_path: Path) -> Path:
    """A folder with no documents (a folder of documents is a valid input)."""
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("problem", ["missing", "folder", "fifo", "device", "too-large"])
@pytest.mark.parametrize("command", ["validate", "assess", "score"])
def test_unreadable_input_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, problem: str, command: str
) -> None:
    if problem == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = {
        "missing": lambda: tmp_path / "none.json",
        "folder": lambda: empty_folder(tmp_path),
        "fifo": lambda: fifo(tmp_path),
        "device": lambda: device_node(tmp_path),
        "too-large": lambda: tmp_path / "big.json",
    }[problem]()
    (tmp_path / "big.json").write_text(json.dumps(document()), encoding="utf-8")
    args = ["score", "ucla3", "--file", str(path)] if command == "score" else [command, str(path)]
    code, out, err = run(capsys, *args, "--max-bytes", "20")
    assert code == 3, err
    assert out == ""
    check(code, out, err, allowed={3})


class _FailingStream(io.StringIO):
    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error

    def flush(self) -> None:
        raise self.error


def test_full_disk_exits_3_with_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FailingStream(OSError(errno.ENOSPC, "No space left")))
    assert main(["demo"]) == 3
    assert "could not be written: no space left" in capsys.readouterr().err


def test_closed_pipe_exits_3_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FailingStream(BrokenPipeError(errno.EPIPE, "pipe")))
    assert main(["demo"]) == 3
    assert capsys.readouterr().err == ""


def test_an_unexpected_error_is_one_line_without_values(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import grace_support.documents

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(MARKER)

    monkeypatch.setattr(grace_support.documents, "read_network", broken)
    code, out, err = run(capsys, "validate", str(tmp_path / "x.json"))
    assert code == 1
    assert "unexpected RuntimeError" in err
    check(code, out, err, allowed={1})


def test_names_reach_the_terminal_neutralised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps(document("Ana\x1b]0;owned\x07\x1b[2J\u202e\x9b31m")), "utf-8")
    code, out, _ = run(capsys, "assess", str(path), "--as-of", "2026-11-25", "--names")
    assert code == 0
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    assert "Ana\ufffd]0;owned" in out


def test_score_csv_escapes_formula_cells(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    rows = [
        {
            "respondent": lead + "cmd",
            "lack_companionship": 1,
            "feel_left_out": 2,
            "feel_isolated": 3,
        }
        for lead in ["=", "+", "-", "@", "\t", "\r", ""]
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    code, out, _ = run(capsys, "score", "ucla3", "--file", str(path), "--format", "csv")
    assert code == 0
    import csv

    names = [row[0] for row in csv.reader(io.StringIO(out, newline=""))][1:]
    assert names == ["'=cmd", "'+cmd", "'-cmd", "'@cmd", "'\tcmd", "'\rcmd", "cmd"]


def _cli(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "grace_support", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        **kwargs,
    )


def test_subprocess_device_and_bad_document(tmp_path: Path) -> None:
    proc = _cli("validate", str(device_node(tmp_path)))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 3
    assert b"not a regular file" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document())[:-3], encoding="utf-8")
    proc = _cli("assess", str(bad))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert b"Traceback" not in err
    assert MARKER.encode() not in err + out


def test_subprocess_closed_pipe_is_quiet() -> None:
    proc = _cli("schema", "network")
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before anything is written
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 3)  # 0 only if the output fit in the pipe before it closed
    assert err == b""
