"""Releases people can pin: one version, versioned CHANGELOG sections, towncrier fragments."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import inspect
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

import grace_support
import grace_support.documents
from grace_support import _version
from grace_support._deprecation import removed_in
from tests.public_api import public_api, short

ROOT = Path(__file__).parents[1]
CHANGELOG = ROOT / "CHANGELOG.md"
FRAGMENTS = ROOT / "changelog.d"
START = "<!-- towncrier release notes start -->"
SECTION = re.compile(r"^## (?P<version>\S+) - (?P<date>\d{4}-\d{2}-\d{2})$", re.MULTILINE)
TYPES = ("added", "changed", "deprecated", "removed", "fixed", "security")
FRAGMENT_NAME = re.compile(rf"^[1-9][0-9]*\.(?:{'|'.join(TYPES)})(?:\.[1-9][0-9]*)?\.md$")
NOT_FRAGMENTS = {"README.md", "towncrier_template.md.jinja"}
SEMANTIC = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(\.dev(0|[1-9][0-9]*))?$")


def sections() -> list[tuple[Version, date]]:
    return [
        (Version(m["version"]), date.fromisoformat(m["date"]))
        for m in SECTION.finditer(CHANGELOG.read_text(encoding="utf-8"))
    ]


# -- the version ---------------------------------------------------------------------------


def test_the_source_version_is_semantic() -> None:
    # MAJOR.MINOR.PATCH, or the next one with .devN between releases (PEP 440 and semver)
    assert SEMANTIC.match(_version.__version__), _version.__version__


class Installed:
    """A stand-in for an installed distribution: its metadata version and direct_url.json."""

    def __init__(self, version: str, direct_url: str | None) -> None:
        self.version = version
        self.direct_url = direct_url

    def read_text(self, filename: str) -> str | None:
        return self.direct_url if filename == "direct_url.json" else None


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (None, "9.8.7"),  # installed from an index: the metadata says it
        ('{"url": "file:///src/gs", "dir_info": {}}', "9.8.7"),  # pip install ./gs
        ('{"url": "file:///src/gs", "dir_info": {"editable": false}}', "9.8.7"),
        ('{"url": "file:///src/gs", "dir_info": {"editable": true}}', "source"),  # pip install -e
        ('{"url": "file:///src/gs", "dir_info": "editable"}', "9.8.7"),  # not PEP 610: metadata
        ("not JSON", "9.8.7"),
    ],
)
def test_dunder_version_is_the_package_metadata_unless_editable(
    monkeypatch: pytest.MonkeyPatch, direct_url: str | None, expected: str
) -> None:
    def distribution(name: str) -> Installed:
        assert name == "grace-support"
        return Installed("9.8.7", direct_url)

    monkeypatch.setattr(importlib.metadata, "distribution", distribution)
    assert grace_support.__version__ == (_version.__version__ if expected == "source" else expected)


def test_dunder_version_falls_back_to_the_source_when_not_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> Installed:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", not_installed)
    assert grace_support.__version__ == _version.__version__


def test_the_metadata_a_build_writes_carries_the_source_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What pip install . would put in the package metadata (and so in __version__).
    build = pytest.importorskip("hatchling.build")
    monkeypatch.chdir(ROOT)
    dist_info = build.prepare_metadata_for_build_wheel(str(tmp_path))
    built = importlib.metadata.Distribution.at(tmp_path / dist_info)
    assert built.metadata["Name"] == "grace-support"
    assert built.version == _version.__version__


# -- the CHANGELOG -------------------------------------------------------------------------


def test_changelog_has_a_dated_section_per_version_newest_first() -> None:
    found = sections()
    assert found, "CHANGELOG.md has no '## X.Y.Z - YYYY-MM-DD' section"
    versions = [v for v, _ in found]
    assert all(SEMANTIC.match(str(v)) and not v.is_devrelease for v in versions)
    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)
    days = [d for _, d in found]
    assert days == sorted(days, reverse=True)


def test_changelog_has_no_unreleased_section_and_one_insertion_point() -> None:
    text = CHANGELOG.read_text(encoding="utf-8")
    # Unreleased changes live in changelog.d/ until a version is cut.
    assert not re.search(r"^## Unreleased", text, re.MULTILINE | re.IGNORECASE)
    assert text.count(START) == 1
    first = SECTION.search(text)
    assert first is not None
    assert text.index(START) < first.start()
    headings = re.findall(r"^## .*$", text, re.MULTILINE)
    assert all(SECTION.match(h) for h in headings), headings


def test_the_newest_changelog_section_is_this_version_or_the_one_before() -> None:
    newest = sections()[0][0]
    current = Version(_version.__version__)
    if current.is_devrelease:  # between releases: the next version is not written yet
        assert newest < Version(current.base_version)
    else:
        assert newest == current


# -- fragments and towncrier ---------------------------------------------------------------


def fragments(folder: Path = FRAGMENTS) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name not in NOT_FRAGMENTS)


def test_every_file_in_changelog_d_is_a_fragment_with_a_valid_name() -> None:
    bad = [p.name for p in fragments() if not FRAGMENT_NAME.match(p.name)]
    assert bad == [], f"not <issue>.<type>[.<n>].md with a type of {TYPES}: {bad}"


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("26.added.md", True),
        ("26.added.2.md", True),
        ("19.security.md", True),
        ("26.feature.md", False),  # towncrier's own type names are not ours
        ("26.added", False),
        ("26.Added.md", False),
        ("issue26.added.md", False),
        ("026.added.md", False),
        ("26.added.0.md", False),
    ],
)
def test_fragment_names(name: str, valid: bool) -> None:
    assert bool(FRAGMENT_NAME.match(name)) is valid


def towncrier(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("towncrier")
    return subprocess.run(
        [sys.executable, "-m", "towncrier", "build", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def test_towncrier_draft_builds_the_fragments_of_this_tree() -> None:
    result = towncrier("--draft", "--version", "99.0.0", "--date", "2099-01-01", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    draft = result.stdout
    assert "## 99.0.0 - 2099-01-01" in draft
    for fragment in fragments():
        for line in fragment.read_text(encoding="utf-8").strip().splitlines():
            assert line.strip() in draft, (fragment.name, line)


def copy_of_the_release_files(into: Path) -> Path:
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copy(ROOT / name, into / name)
    (into / "changelog.d").mkdir()
    for name in NOT_FRAGMENTS:
        shutil.copy(FRAGMENTS / name, into / "changelog.d" / name)
    return into / "changelog.d"


def test_towncrier_build_writes_a_dated_section_grouped_by_type_then_issue(
    tmp_path: Path,
) -> None:
    folder = copy_of_the_release_files(tmp_path)
    written = {
        "26.added.md": "- Second of 26.\n- Third of 26.\n",
        "26.added.2.md": "- First of 26.\n",
        "100.added.md": "- Of 100.\n",
        "9.fixed.md": "- A fix.\n",
        "26.deprecated.md": "- Old name.\n",
    }
    for name, text in written.items():
        (folder / name).write_text(text, encoding="utf-8")
    before = CHANGELOG.read_text(encoding="utf-8")

    result = towncrier("--version", "99.0.0", "--date", "2099-01-01", "--yes", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    after = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    head, old = before.split(START)
    new_section = (
        "## 99.0.0 - 2099-01-01\n\n"
        "### Added\n\n"
        "#### Issue 26\n\n- First of 26.\n- Second of 26.\n- Third of 26.\n\n"
        "#### Issue 100\n\n- Of 100.\n\n"
        "### Deprecated\n\n#### Issue 26\n\n- Old name.\n\n"
        "### Fixed\n\n#### Issue 9\n\n- A fix.\n\n"
    )
    assert after == head.rstrip() + "\n\n" + START + "\n\n" + new_section + old.lstrip()
    assert sorted(p.name for p in folder.iterdir()) == sorted(NOT_FRAGMENTS)  # used up


def test_towncrier_refuses_a_file_that_is_not_a_fragment(tmp_path: Path) -> None:
    folder = copy_of_the_release_files(tmp_path)
    (folder / "26.feature.md").write_text("- Misnamed.\n", encoding="utf-8")
    result = towncrier("--draft", "--version", "99.0.0", cwd=tmp_path)
    assert result.returncode != 0
    assert "26.feature.md" in result.stderr


# -- docstrings mark what a version added --------------------------------------------------

VERSION_MARKER = re.compile(
    r"^(?P<indent>[ ]*)(?P<title>Version added|Version changed|Deprecated):[ ]*\n"
    r"(?P=indent)[ ]{4}(?P<version>[^\s:,]+)",
    re.MULTILINE,
)


def test_version_markers_in_docstrings_name_a_released_or_coming_version() -> None:
    # The convention of docs/releases.md: a Google-style admonition whose first line is
    # the version; it renders as a note in the API reference.
    coming = Version(Version(_version.__version__).base_version)
    found = [
        (path.name, m["title"], m["version"])
        for path in (ROOT / "src" / "grace_support").rglob("*.py")
        for m in VERSION_MARKER.finditer(path.read_text(encoding="utf-8"))
    ]
    assert ("schemas.py", "Version added", "0.2.0") in found
    for where, title, version in found:
        assert SEMANTIC.match(version), (where, title, version)
        assert Version("0.1.0") < Version(version) <= coming, (where, title, version)


def test_what_a_version_added_says_so_in_its_docstring() -> None:
    # Every public class, function, method and property that 0.1.0 did not have (under
    # any module path: a name that moved keeps its short name).
    released = {
        short(name)
        for name in (ROOT / "tests" / "data" / "public_api_0.1.0.txt").read_text().split()
    }
    unmarked = sorted(
        name
        for name, documented in public_api().items()
        if short(name) not in released
        and not any(
            m["title"] == "Version added"
            for m in VERSION_MARKER.finditer(inspect.getdoc(documented) or "")
        )
    )
    assert unmarked == [], (
        "add 'Version added:' and an indented line with the version (e.g. 0.2.0) to "
        "the docstring of each (docs/releases.md)"
    )


# -- one way to deprecate ------------------------------------------------------------------


def test_every_deprecation_goes_through_the_one_helper() -> None:
    # So that each names what to use, since when, and the version it goes in
    # (grace_support._deprecation.deprecated; the policy of docs/releases.md).
    raised_elsewhere = sorted(
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in (ROOT / "src" / "grace_support").rglob("*.py")
        if path.name != "_deprecation.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Name) and node.id in {"DeprecationWarning", "FutureWarning"}
    )
    assert raised_elsewhere == [], "call grace_support._deprecation.deprecated instead"


def test_a_deprecation_warning_names_the_versions_and_points_at_the_caller() -> None:
    with pytest.warns(DeprecationWarning, match="schema_id") as caught:
        grace_support.documents.schema_id  # noqa: B018
    (warning,) = caught
    assert str(warning.message) == (
        "grace_support.documents.schema_id is deprecated since 0.2.0 and goes in 0.3.0: "
        "import grace_support.schemas.schema_id instead"
    )
    assert warning.filename == __file__


@pytest.mark.parametrize("since", ["0.2", "v0.2.0", "0.2.0.dev0", ""])
def test_a_deprecation_needs_a_released_version(since: str) -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        removed_in(since)


def load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MADE_UP = (
    "import functools\n\n\n"
    "def wrap(function):\n"
    '    """A decorator."""\n\n'
    "    @functools.wraps(function)\n"
    "    def wrapper(*args):\n"
    '        """The wrapper."""\n'
    "        return function(*args)\n\n"
    "    return wrapper\n\n\n"
    'def one():\n    """One line."""\n\n\n'
    "@wrap\n"
    'def doctest():\n    """Two.\n\n    Examples:\n        >>> 1 + 1\n        2\n    """\n\n\n'
    'class Kind:\n    """Three.\n\n    More."""\n'
)


def test_the_version_added_script_marks_docstrings_of_each_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))  # the script adds src/ and the root
    script = load("version_added", ROOT / "scripts" / "version_added.py")
    source = tmp_path / "made_up.py"
    source.write_text(MADE_UP, encoding="utf-8")
    module = load("made_up", source)
    monkeypatch.setitem(sys.modules, "made_up", module)  # where inspect finds a class's file

    skipped = script.mark([module.one, module.doctest, module.Kind], "9.9.0")

    assert skipped == []
    marked = MADE_UP.replace(
        '"""One line."""', '"""One line.\n\n    Version added:\n        9.9.0\n    """'
    )
    marked = marked.replace(
        '        2\n    """', '        2\n\n    Version added:\n        9.9.0\n    """'
    )
    marked = marked.replace(
        '    More."""', '    More.\n\n    Version added:\n        9.9.0\n    """'
    )
    assert marked != MADE_UP
    assert source.read_text(encoding="utf-8") == marked  # the wrapper's docstring untouched
