"""docs/cli.md lists every command the parser has, in its synopsis and in its table."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from grace_support.cli._main import _parser

CLI_DOCS = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    """Every command, with its action for commands that have actions (``fhir score``)."""
    found: list[str] = []

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:  # argparse has no public way to list subcommands
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    nested = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
                    if nested:
                        walk(sub, f"{prefix}{name} ")
                    else:
                        found.append(f"{prefix}{name}")

    walk(_parser(), "")
    return found


def test_there_are_commands_to_check() -> None:
    listed = commands()
    assert {"report", "catalog", "import", "fhir score", "cohort changes"} <= set(listed)


def test_the_synopsis_lists_every_command() -> None:
    synopsis = CLI_DOCS.split("```text", 1)[1].split("```", 1)[0]
    missing = [c for c in commands() if not re.search(rf"^grace-support {c}\b", synopsis, re.M)]
    assert missing == []


def test_the_table_lists_every_command() -> None:
    rows = [line for line in CLI_DOCS.splitlines() if line.startswith("| `")]
    missing = [c for c in commands() if not any(f"`{c}" in row for row in rows)]
    assert missing == []


def test_the_docs_folder_holds_no_build_code() -> None:
    """mkdocs copies every file in docs/ to the site: the build hooks live in scripts/."""
    docs = Path(__file__).parent.parent / "docs"
    assert sorted(p.name for p in docs.rglob("*.py")) == []
    config = (docs.parent / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^  - (\S+\.py)", config.split("hooks:", 1)[1], re.M)
    assert hooks == ["scripts/mkdocs_hooks.py"]
    assert all((docs.parent / hook).is_file() for hook in hooks)
