"""The README's promises, and docs that must list every finding code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from grace_support import FindingCode
from grace_support.assessment import actions_for
from grace_support.vocabulary import SupportType

ROOT = Path(__file__).parents[1]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    demo, tests = quick_start_commands()
    assert demo.endswith("grace-support demo")
    assert "pip install" in demo
    assert tests.endswith("bash scripts/check.sh")
    assert "--group dev" in tests


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash scripts/check.sh" in ci
    assert "rm -rf .venv" in ci


def test_readme_example_runs_and_prints_what_it_says(capsys: object) -> None:
    readme = (ROOT / "README.md").read_text()
    code = re.search(r"## Building a network in code\n\n```python\n(.*?)```", readme, re.S)
    assert code is not None
    source = code.group(1)
    namespace: dict[str, object] = {}
    exec(compile(source, "README.md", "exec"), namespace)
    printed = re.search(r"# (\['missing-support'.*?\])\n(?!#)", source, re.S)
    assert printed is not None
    expected = ast.literal_eval(printed.group(1).replace("\n#", ""))
    result = namespace["result"]
    assert [f.code.value for f in result.findings] == expected  # type: ignore[attr-defined]


def test_findings_page_lists_every_code_with_its_actions() -> None:
    page = (ROOT / "docs" / "findings.md").read_text()
    codes = {c.value for c in FindingCode}
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^\| `([a-z-]+)` \|[^|]*\|[^|]*\|[^|]*\|[^|]*\| (.*) \|$", page, re.M)
        if m.group(1) in codes
    }
    assert set(rows) == codes
    for code in FindingCode:
        if code in (FindingCode.MISSING_SUPPORT, FindingCode.SINGLE_PROVIDER):
            continue
        listed = re.findall(r"`([a-z-]+)`", rows[code.value])
        assert listed == [a.value for a in actions_for(code)], code
    for support_type in SupportType:
        match = re.search(rf"^\| `{support_type.value}` \| (.*?) \|", page, re.M)
        assert match is not None
        listed = re.findall(r"`([a-z-]+)`", match.group(1))
        assert listed == [a.value for a in actions_for(FindingCode.MISSING_SUPPORT, support_type)]


def test_every_instrument_has_a_docs_page_in_the_nav() -> None:
    from grace_support.instruments import INSTRUMENTS

    nav = (ROOT / "mkdocs.yml").read_text()
    for instrument_id in INSTRUMENTS:
        page = ROOT / "docs" / "instruments" / f"{instrument_id}.md"
        assert f"{{{{ instrument: {instrument_id} }}}}" in page.read_text()
        assert f"instruments/{instrument_id}.md" in nav
