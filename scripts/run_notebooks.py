"""Execute every notebook in examples/ (used by scripts/check.sh); fails on any error.

A plot cell (one that calls a function of ``grace_support.plot``) must display a
figure (an ``image/png`` output). ``--write`` stores the executed notebooks, with
their outputs, back in examples/.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

PLOT_CALL = re.compile(r"\b(egogram|measure_distributions|findings_chart|coverage_chart)\(")


def plot_cells_without_figures(notebook: nbformat.NotebookNode) -> list[int]:
    """The indexes of plot cells that have no ``image/png`` output."""
    missing = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not PLOT_CALL.search(cell.source):
            continue
        if not any("image/png" in output.get("data", {}) for output in cell.get("outputs", [])):
            missing.append(index)
    return missing


def run(path: Path) -> nbformat.NotebookNode:
    """Execute one notebook (in its own folder) and return it with its outputs."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return notebook


def main() -> int:
    write = "--write" in sys.argv[1:]
    failed = 0
    for path in sorted(Path(__file__).parents[1].joinpath("examples").glob("*.ipynb")):
        try:
            notebook = run(path)
        except Exception as error:  # report every notebook's failure, then exit 1
            print(f"--- {path.name}: FAILED\n{error}")
            failed += 1
            continue
        missing = plot_cells_without_figures(notebook)
        if missing:
            print(f"--- {path.name}: plot cells {missing} show no figure")
            failed += 1
            continue
        if write:
            for cell in notebook.cells:
                cell.get("metadata", {}).pop("execution", None)
            nbformat.write(notebook, path)
        print(f"--- {path.name}: ran {len(notebook.cells)} cells")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
