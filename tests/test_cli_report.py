"""``grace-support report FILE --html OUT.html``, ``--version`` and ``python -m grace_support``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from grace_support import __version__
from grace_support.cli import main

EXAMPLE = Path(__file__).parents[1] / "src/grace_support/data/example_network.json"


def test_report_writes_the_html_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    status = main(["report", str(EXAMPLE), "--html", str(out), "--as-of", "2026-11-25"])
    assert status == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Your support network" in page
    assert "Maria" not in page
    assert list(tmp_path.iterdir()) == [out]
    assert "report written" in capsys.readouterr().out


def test_report_clinician_voice_and_names(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    argv = ["report", str(EXAMPLE), "--html", str(out), "--voice", "clinician", "--names"]
    assert main([*argv, "--as-of", "2026-11-25"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Support network of Maria" in page


def test_report_unwritable_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-dir" / "r.html"
    assert main(["report", str(EXAMPLE), "--html", str(target)]) == 3
    assert "cannot be written" in capsys.readouterr().err


def test_report_needs_html(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(EXAMPLE)])
    assert exit_info.value.code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "grace_support", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert __version__ in done.stdout
