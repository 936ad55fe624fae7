"""The command line's FHIR: ``fhir questionnaire``, ``fhir score`` and ``assess --format fhir``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from grace_support.cli import main
from grace_support.fhir import questionnaire_response
from grace_support.report import CRISIS_LINE

if TYPE_CHECKING:
    import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "networks"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_questionnaire_prints_valid_fhir(capsys: pytest.CaptureFixture[str]) -> None:
    from fhir.resources.R4B.questionnaire import Questionnaire

    code, out, err = run(capsys, "fhir", "questionnaire", "mos_sss")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["resourceType"] == "Questionnaire"
    assert data["code"][0]["code"] == "91642-9"
    Questionnaire.model_validate(data)


def test_unknown_questionnaire_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "fhir", "questionnaire", "nope")
    assert code == 1
    assert "no such instrument" in err
    assert "nope" not in err  # what was typed is not echoed


def test_score_a_response_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "response.json"
    path.write_text(questionnaire_response("lsns6", [3, 2, 2, 1, 1, 0]).model_dump_json())
    code, out, _ = run(capsys, "fhir", "score", str(path))
    assert code == 0
    assert "at_risk_of_isolation" in out
    assert out.rstrip().endswith(CRISIS_LINE)
    code, out, _ = run(capsys, "fhir", "score", str(path), "--format", "json")
    assert json.loads(out)["total"] == 9


def test_score_with_link_ids_and_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ehr.json"
    response = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "http://loinc.org/q/106418-7",
        "status": "completed",
        "item": [
            {"linkId": "a", "answer": [{"valueInteger": 1}]},
            {"linkId": "b", "answer": [{"valueInteger": 2}]},
            {"linkId": "66867-3", "answer": [{"valueInteger": 3}]},
        ],
    }
    path.write_text(json.dumps(response))
    code, out, err = run(
        capsys,
        "fhir",
        "score",
        str(path),
        "--link-id",
        "a=lack_companionship",
        "--link-id",
        "b=feel_left_out",
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["total"] == 6


def test_score_errors_name_the_file_and_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"resourceType": "QuestionnaireResponse", "status": "completed"}))
    code, _, err = run(capsys, "fhir", "score", str(path))
    assert code == 1
    assert f"{path}: questionnaire" in err
    code, _, err = run(capsys, "fhir", "score", str(tmp_path / "missing.json"))
    assert code == 3


def test_assess_format_fhir(capsys: pytest.CaptureFixture[str]) -> None:
    from fhir.resources.R4B.bundle import Bundle

    network = str(EXAMPLES / "maria.json")
    code, out, err = run(
        capsys,
        "assess",
        network,
        "--format",
        "fhir",
        "--subject",
        "Patient/9",
        "--as-of",
        "2026-11-25",
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    Bundle.model_validate(data)
    assert data["type"] == "collection"
    assert '"name"' not in out
    code, named, _ = run(
        capsys, "assess", network, "--format", "fhir", "--include-names", "--as-of", "2026-11-25"
    )
    assert code == 0
    assert '"name"' in named


def test_fhir_options_need_format_fhir(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "assess", str(EXAMPLES / "maria.json"), "--subject", "Patient/1")
    assert code == 2
    assert "--format fhir" in err
    code, _, err = run(
        capsys, "assess", str(EXAMPLES / "maria.json"), "--format", "fhir", "--subject", "a b"
    )
    assert code == 2
    assert "--subject" in err


def test_without_the_extra_the_cli_names_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fhir.resources.R4B", None)
    code, _, err = run(capsys, "fhir", "questionnaire", "ucla3")
    assert code == 2
    assert "grace-support[fhir]" in err


def test_network_and_read_make_the_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from fhir.resources.R4B.bundle import Bundle

    from grace_support.documents import read_network

    source = EXAMPLES / "maria.json"
    code, out, err = run(capsys, "fhir", "network", str(source), "--names", "--attributes")
    assert (code, err) == (0, "")
    Bundle.model_validate(json.loads(out))
    bundle = tmp_path / "bundle.json"
    bundle.write_text(out)
    target = tmp_path / "network.json"
    code, out, err = run(capsys, "fhir", "read", str(bundle), "--out", str(target))
    assert (code, err) == (0, "")
    assert str(target) in out
    assert read_network(target) == read_network(source)
    code, printed, _ = run(capsys, "fhir", "read", str(bundle))
    assert json.loads(printed) == json.loads(target.read_text())


def test_network_without_subject_or_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fhir", "network", str(EXAMPLES / "maria.json"))
    assert code == 0
    assert '"name"' not in out
    assert '"resourceType": "Patient"' in out  # the stand-in for the person
    code, out, _ = run(
        capsys, "fhir", "network", str(EXAMPLES / "maria.json"), "--subject", "Patient/7"
    )
    assert '"reference": "Patient/7"' in out
    code, named, _ = run(capsys, "fhir", "network", str(EXAMPLES / "maria.json"), "--include-names")
    assert code == 0
    assert '"name"' in named  # the older flag still works


def test_network_bad_subject_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "fhir", "network", str(EXAMPLES / "maria.json"), "--subject", "a b")
    assert code == 2
    assert "--subject" in err


def test_read_a_bad_bundle_names_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection"}))
    target = tmp_path / "out.json"
    code, _, err = run(capsys, "fhir", "read", str(path), "--out", str(target))
    assert code == 1
    assert str(path) in err
    assert "63032-7" in err
    assert not target.exists()  # nothing half-written
