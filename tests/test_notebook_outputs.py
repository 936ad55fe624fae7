"""The example notebook is stored with its outputs, and its plot cells show figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "examples/analysis.ipynb"


def _runner() -> object:
    spec = importlib.util.spec_from_file_location(
        "run_notebooks", ROOT / "scripts/run_notebooks.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("run_notebooks", module)
    spec.loader.exec_module(module)
    return module


def test_stored_notebook_has_outputs_and_figures() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    runner = _runner()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.get("outputs") for c in code if not c.source.startswith("%"))
    plot_cells = [c for c in code if runner.PLOT_CALL.search(c.source)]  # type: ignore[attr-defined]
    assert len(plot_cells) >= 3
    assert runner.plot_cells_without_figures(notebook) == []  # type: ignore[attr-defined]


def test_executed_notebook_shows_a_figure_in_every_plot_cell() -> None:
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    runner = _runner()
    notebook = runner.run(NOTEBOOK)  # type: ignore[attr-defined]
    assert runner.plot_cells_without_figures(notebook) == []  # type: ignore[attr-defined]
