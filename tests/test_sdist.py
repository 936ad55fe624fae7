"""The source distribution holds everything the README's test command needs."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
NEEDED_DIRECTORIES = (
    "src", "tests", "docs", "examples", "benchmarks", "scripts", ".ci", "changelog.d",
)  # fmt: skip
NEEDED_FILES = ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "mkdocs.yml")
SKIPPED_PARTS = {"__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


def needed() -> set[str]:
    files = set(NEEDED_FILES)
    for directory in NEEDED_DIRECTORIES:
        for path in (ROOT / directory).rglob("*"):
            relative = path.relative_to(ROOT)
            if path.is_file() and not SKIPPED_PARTS & set(relative.parts) and path.suffix != ".pyc":
                files.add(relative.as_posix())
    return files


def test_sdist_contains_what_the_readme_test_command_needs(tmp_path: Path) -> None:
    sdist = pytest.importorskip("hatchling.builders.sdist")
    (built,) = sdist.SdistBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    with tarfile.open(built) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert "scripts/check.sh" in names
    assert ".ci/run" in names
    assert needed() - names == set()
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
