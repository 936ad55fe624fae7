"""Importers from the tools researchers already use.

- [`read_network_canvas_csv`][grace_support.importers.read_network_canvas_csv]:
  Network Canvas (Interviewer, Fresco) CSV exports, many interviews at once;
- [`read_network_canvas_graphml`][grace_support.importers.read_network_canvas_graphml]:
  the same from Network Canvas GraphML (needs the ``graphml`` extra).

Readers of many networks share one policy for bad data (``errors="raise"`` or
``"collect"``, see [`ImportResult`][grace_support.importers.ImportResult]): with
``"raise"`` (the default) they return a tuple of networks or raise one
[`DocumentError`][grace_support.DocumentError] listing every problem; with
``"collect"`` they return an ``ImportResult``.
"""

from grace_support.importers._result import ErrorMode, ImportResult
from grace_support.importers.egor import EgorLayout, read_egor
from grace_support.importers.network_canvas import (
    NetworkCanvasMapping,
    read_network_canvas_csv,
    read_network_canvas_graphml,
)

__all__ = [
    "EgorLayout",
    "ErrorMode",
    "ImportResult",
    "NetworkCanvasMapping",
    "read_egor",
    "read_network_canvas_csv",
    "read_network_canvas_graphml",
]
