"""Execute every notebook in examples/ (used by scripts/check.sh); fails on any error."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

failed = 0
for path in sorted(Path(__file__).parents[1].joinpath("examples").glob("*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    try:
        NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    except Exception as error:  # report every notebook's failure, then exit 1
        print(f"--- {path.name}: FAILED\n{error}")
        failed += 1
    else:
        print(f"--- {path.name}: ran {len(notebook.cells)} cells")
sys.exit(1 if failed else 0)
