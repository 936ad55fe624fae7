"""Add the 'Version added:' marker to every public name that needs one (docs/releases.md).

    python scripts/version_added.py 0.2.0          # edit the docstrings
    python scripts/version_added.py 0.2.0 --check  # only list them; exit 1 if any

A public class, function, method or property that version 0.1.0 did not have
(tests/data/public_api_0.1.0.txt) needs, in its docstring::

    Version added:
        0.2.0

tests/test_releases.py fails while one lacks it. The marker goes at the end of the
docstring, after a blank line (so that it never joins a doctest's expected output).
Review the diff: a name that only moved should say so in words.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.public_api import public_api, short  # noqa: E402

MARKER = "Version added:"


def unmarked() -> dict[str, Any]:
    released = {short(n) for n in (ROOT / "tests/data/public_api_0.1.0.txt").read_text().split()}
    return {
        name: documented
        for name, documented in public_api().items()
        if short(name) not in released and MARKER not in (inspect.getdoc(documented) or "")
    }


def _docstring_node(path: Path, line: int) -> ast.Constant | None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and min([node.lineno, *(d.lineno for d in node.decorator_list)]) == line
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
            and isinstance(node.body[0].value.value, str)
        ):
            return node.body[0].value
    return None


def mark(objects: list[Any], version: str) -> list[str]:
    """Insert the marker into each object's docstring; the names it could not edit."""
    edits: dict[Path, set[tuple[int, int, int]]] = {}
    skipped = []
    for wrapped in objects:
        documented = inspect.unwrap(wrapped)  # a decorated function's own source, not the wrapper
        path = Path(inspect.getsourcefile(documented) or "")
        _, line = inspect.getsourcelines(documented)
        node = _docstring_node(path, line)
        if node is None or node.end_lineno is None or node.end_col_offset is None:
            skipped.append(getattr(documented, "__qualname__", repr(documented)))
            continue
        edits.setdefault(path, set()).add((node.end_lineno, node.end_col_offset, node.col_offset))
    for path, places in edits.items():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for end_line, end_col, col in sorted(places, reverse=True):
            indent = " " * col
            text = lines[end_line - 1]
            before, after = text[: end_col - 3], text[end_col - 3 :]  # after: the closing quotes
            block = f"{indent}{MARKER}\n{indent}    {version}\n"
            if before.strip():  # text and closing quotes on one line
                lines[end_line - 1] = f"{before.rstrip()}\n\n{block}{indent}{after}"
            else:
                previous_blank = not lines[end_line - 2].strip()
                lines[end_line - 1] = ("" if previous_blank else "\n") + block + text
        path.write_text("".join(lines), encoding="utf-8")
    return skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the version that adds them, e.g. 0.2.0")
    parser.add_argument("--check", action="store_true", help="list them; change nothing")
    args = parser.parse_args()
    found = unmarked()
    for name in sorted(found):
        print(name)
    if args.check:
        return 1 if found else 0
    unique = list({id(o): o for o in found.values()}.values())  # re-exports once
    skipped = mark(unique, args.version)
    for name in skipped:
        print(f"not edited (no docstring found): {name}", file=sys.stderr)
    return 1 if skipped else 0


if __name__ == "__main__":
    raise SystemExit(main())
