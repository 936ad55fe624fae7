"""The grace-support command."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from grace_support.cli import main
from grace_support.report import CRISIS_LINE

EXAMPLES = Path(__file__).parents[1] / "examples" / "networks"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_prints_a_report_ending_with_crisis_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "demo")
    assert code == 0
    assert err == ""
    assert out.startswith("Your support network, as of 2026-11-25")
    assert "Ana" in out  # the demo asks for names
    assert "What stands out" in out
    assert "Join a support group" in out
    assert out.rstrip().endswith(CRISIS_LINE)
    assert "call or text 988" in out


def test_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--format", "json")
    assert code == 0
    assert json.loads(out)["findings"][0]["code"] == "missing-support"


def test_assess_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "devon.json")
    code, out, _ = run(capsys, "assess", path, "--as-of", "2026-11-25")
    assert code == 0
    assert "Your support network, as of" in out
    assert "Support wanted" in out
    assert out.rstrip().endswith(CRISIS_LINE)
    code, out, _ = run(capsys, "assess", path, "--format", "json", "--as-of", "2026-11-25")
    data = json.loads(out)
    assert data["as_of"] == "2026-11-25"
    assert [f["code"] for f in data["findings"]] == [
        "missing-support",
        "over-reliance",
        "no-personal-support",
        "small-network",
        "single-provider",
    ]


def test_assess_json_is_byte_stable(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "jordan.json")
    first = run(capsys, "assess", path, "--format", "json", "--as-of", "2026-11-25")[1]
    second = run(capsys, "assess", path, "--format", "json", "--as-of", "2026-11-25")[1]
    assert first == second


def test_assess_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (EXAMPLES / "maria.json").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "assess", "-", "--as-of", "2026-11-25", "--names")
    assert code == 0
    assert "Ana" in out


def test_validate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(EXAMPLES / "maria.json"))
    assert code == 0
    assert "valid network document (6 people)" in out


def test_bad_document_exits_1_with_one_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "ego": {"id": "e", "name": "Private Person"},
                "people": [{"id": "a"}],
                "relationships": [
                    {"person": "a", "role": "friend", "closeness": "inner", "supports": ["x"]}
                ],
            }
        )
    )
    for command in ("validate", "assess"):
        code, out, err = run(capsys, command, str(bad))
        assert code == 1
        assert out == ""
        assert err.startswith(f"grace-support: {bad} is not a valid document (1 problem):")
        assert "relationships[0].supports[0]" in err
        assert "Traceback" not in err
        assert "Private Person" not in err


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_unreadable_input_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, what: str
) -> None:
    path = tmp_path / "nope.json" if what == "missing" else tmp_path
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (3, "")
    assert "cannot be read" in err
    assert "Traceback" not in err


def test_bad_as_of_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["assess", str(EXAMPLES / "maria.json"), "--as-of", "2026-02-30"])
    assert caught.value.code == 2
    assert "not a real calendar day" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["network", "assessment"])
def test_schema(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "schema", name)
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == ("SupportNetwork" if name == "network" else "Assessment")


def test_console_script_entry_point() -> None:
    from importlib.metadata import entry_points

    (script,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "grace-support"]
    assert script.value == "grace_support.cli:main"


def test_assess_accepts_settings(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "jordan.json")
    args = ("assess", path, "--format", "json", "--as-of", "2026-11-25")
    default = json.loads(run(capsys, *args)[1])
    assert [f["code"] for f in default["findings"]] == ["dormant-tie"]
    code, out, _ = run(capsys, *args, "--setting", "dormant_after_days=200")
    assert code == 0
    data = json.loads(out)
    assert data["settings"]["dormant_after_days"] == 200
    assert data["findings"] == []


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ("dormant_after_days=-1", "--setting dormant_after_days: Input should be greater than"),
        ("no_such_thing=3", "--setting number 1 is not a known setting"),
        (
            "over_reliance_share=lots",
            "--setting over_reliance_share: Input should be a valid number",
        ),
    ],
)
def test_bad_settings_are_usage_errors(
    capsys: pytest.CaptureFixture[str], setting: str, fragment: str
) -> None:
    code, out, err = run(capsys, "assess", str(EXAMPLES / "maria.json"), "--setting", setting)
    assert code == 2
    assert out == ""
    assert fragment in err


def test_setting_needs_a_name_and_value(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["assess", str(EXAMPLES / "maria.json"), "--setting", "dormant_after_days"])
    assert caught.value.code == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_assess_json_includes_recommendations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "assess", str(EXAMPLES / "maria.json"), "--format", "json", "--as-of", "2026-11-25"
    )
    data = json.loads(out)
    assert code == 0
    recommendations = data["recommendations"]
    assert [r["code"] for r in recommendations["recommendations"]] == [
        f["code"] for f in data["findings"]
    ]
    assert recommendations["crisis"][0]["id"] == "988-lifeline"


def test_report_lists_where_to_find_help(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "demo")[1]
    assert "Where to find help" in out
    assert "NAMI Connection Recovery Support Group" in out
    flat = " ".join(out.split())
    assert "Ask your care team for the article “The Role of Social Support in Mental" in flat
    assert "(may help with a kind of support nobody gives right now)" in out
    assert "missing-support" not in out  # codes are for programs; people read words


@pytest.mark.parametrize(
    ("what", "fmt", "check"),
    [
        ("resources", "text", lambda out: "Text HOME to 741741" in out),
        ("resources", "json", lambda out: json.loads(out)[0]["id"] == "988-lifeline"),
        ("resources", "jsonld", lambda out: json.loads(out)[0]["@type"] == "Service"),
        ("resources", "hsds", lambda out: json.loads(out)[0]["status"] == "active"),
        ("articles", "text", lambda out: out.startswith("The Role of Social Support")),
        (
            "articles",
            "json",
            lambda out: json.loads(out)[0]["id"] == "role-of-social-support-in-recovery",
        ),
        ("articles", "jsonld", lambda out: json.loads(out)[0]["@type"] == "MedicalWebPage"),
    ],
)
def test_catalog_command(
    capsys: pytest.CaptureFixture[str], what: str, fmt: str, check: Any
) -> None:
    code, out, _ = run(capsys, "catalog", what, "--format", fmt)
    assert code == 0
    assert check(out)


def test_catalog_articles_have_no_hsds(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "catalog", "articles", "--format", "hsds")
    assert code == 2
    assert "HSDS describes services" in err


def test_every_finding_code_has_words_for_the_report() -> None:
    from grace_support import FindingCode
    from grace_support.report import REASONS

    assert set(REASONS) == set(FindingCode)
