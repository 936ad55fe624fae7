"""Importers from the tools researchers already use.

- [`read_network_canvas_csv`][grace_support.importers.read_network_canvas_csv]:
  Network Canvas (Interviewer, Fresco) CSV exports, many interviews at once;
- [`read_network_canvas_graphml`][grace_support.importers.read_network_canvas_graphml]:
  the same from Network Canvas GraphML (needs the ``graphml`` extra).
"""

from grace_support.importers.network_canvas import (
    NetworkCanvasMapping,
    read_network_canvas_csv,
    read_network_canvas_graphml,
)

__all__ = ["NetworkCanvasMapping", "read_network_canvas_csv", "read_network_canvas_graphml"]
