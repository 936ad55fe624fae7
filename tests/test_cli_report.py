"""``grace-support report FILE --html OUT.html``, ``--version`` and ``python -m grace_support``."""

from __future__ import annotations

import json
import shutil
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


def test_report_needs_html_or_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE)]) == 2
    assert "--html" in capsys.readouterr().err


def test_report_writes_html_and_pdf_together(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    argv = ["report", str(EXAMPLE), "--html", str(html), "--pdf", str(pdf)]
    assert main([*argv, "--page-size", "Letter", "--as-of", "2026-11-25"]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    if shutil.which("pdfinfo"):  # poppler-utils (scripts/check.sh installs it)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        assert "612 x 792 pts (letter)" in info.stdout


def test_report_refuses_an_unknown_page_size(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(EXAMPLE), "--pdf", str(tmp_path / "r.pdf"), "--page-size", "A5"])
    assert exit_info.value.code == 2
    assert not list(tmp_path.iterdir())


def test_report_uses_the_apps_catalogue(tmp_path: Path) -> None:
    from grace_support.content import default_catalog

    catalog = default_catalog().model_dump(mode="json")
    for resource in catalog["resources"]:
        if resource["id"] == "grace-therapy":
            resource["channels"] = [{"kind": "phone", "value": "555-0100"}]
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog), encoding="utf-8")
    out = tmp_path / "r.html"
    argv = ["report", str(EXAMPLE), "--html", str(out), "--catalog", str(path)]
    assert main([*argv, "--as-of", "2026-11-25"]) == 0
    assert 'href="tel:5550100">555-0100</a>' in out.read_text(encoding="utf-8")


def test_report_refuses_an_invalid_catalogue_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "catalog.json"
    path.write_text('{"resources": [{"id": "Not A Slug"}]}', encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(EXAMPLE), "--html", str(out), "--catalog", str(path)]) == 1
    assert "resources[0]" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("flag", ["--names", "--include-names"])
def test_assess_shows_names_only_when_asked(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(EXAMPLE), "--as-of", "2026-11-25"]) == 0
    plain = capsys.readouterr().out
    assert "Ana" not in plain
    assert "ana" in plain
    assert main(["assess", str(EXAMPLE), "--as-of", "2026-11-25", flag]) == 0
    assert "Ana" in capsys.readouterr().out


def test_demo_asks_for_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "Ana" in capsys.readouterr().out
    assert main(["demo", "--voice", "clinician"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Support network of Maria")
    assert " you " not in f" {text.lower()} ".replace("\n", " ").split("in a crisis")[0]


def test_include_names_is_hidden_from_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["assess", "--help"])
    shown = capsys.readouterr().out
    assert "--names" in shown
    assert "--include-names" not in shown


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
