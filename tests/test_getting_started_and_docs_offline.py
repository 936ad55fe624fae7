"""The getting-started page runs as written, and the docs load nothing from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def test_getting_started_code_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(tmp_path)
    text = (ROOT / "docs/getting-started.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert len(blocks) == 4
    namespace: dict[str, object] = {}
    exec("\n".join(blocks), namespace)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")


def test_docs_load_no_script_or_style_from_elsewhere() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "cdn" not in config.lower()
    block = config[config.index("extra_javascript:") :]
    assert not re.search(r"^\s+- https?://", block, flags=re.MULTILINE)
    assert (ROOT / "docs/vendor/katex/katex.min.js").is_file()
    assert (ROOT / "docs/vendor/katex/LICENSE").is_file()


def test_check_script_builds_docs_without_quiet_and_installs_chromium() -> None:
    script = (ROOT / "scripts/check.sh").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in script
    assert "--quiet" not in script
    assert "apt-get install -y chromium" in script
