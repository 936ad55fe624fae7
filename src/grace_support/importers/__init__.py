"""Importers from the tools researchers already use.

- [`read_network_canvas_csv`][grace_support.importers.read_network_canvas_csv]:
  Network Canvas (Interviewer, Fresco) CSV exports, many interviews at once;
- [`read_network_canvas_graphml`][grace_support.importers.read_network_canvas_graphml]:
  the same from Network Canvas GraphML (needs the ``graphml`` extra);
- [`read_egor`][grace_support.importers.read_egor]: egor's layouts (a folder per
  study, three files, one or two wide files, EgoWeb and openeddi exports);
- [`read_networks`][grace_support.importers.read_networks] and
  [`write_networks`][grace_support.importers.write_networks]: many network
  documents as JSON Lines, or a folder of ``.json`` documents;
- [`read_persnet`][grace_support.importers.read_persnet]: a REDCap export of the
  PERSNET personal network survey (one row per respondent);
- [`read_three_files`][grace_support.importers.read_three_files]: the library's own
  egos, alters and ties tables as CSV files (also ``grace_support.tables.read_three_files``).

Booleans in every table are read strictly (``true``/``false``, ``yes``/``no``,
``y``/``n``, ``t``/``f``, ``1``/``0`` in any case, and real booleans; a blank support
or need cell is false; anything else is a problem naming the table, row and column).

Readers of many networks share one policy for bad data (``errors="raise"`` or
``"collect"``, see [`ImportResult`][grace_support.importers.ImportResult]): with
``"raise"`` (the default) they return a tuple of networks or raise one
[`DocumentError`][grace_support.DocumentError] listing every problem; with
``"collect"`` they return an ``ImportResult``. Things left out of networks that
were imported (a self-loop, a repeated edge) are listed in ``ImportResult.dropped``;
with ``"raise"`` they are reported by one
[`DroppedDataWarning`][grace_support.importers.DroppedDataWarning].
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from grace_support.importers._common import DroppedDataWarning
    from grace_support.importers._result import ErrorMode, ImportResult
    from grace_support.importers.egor import EgorLayout, read_egor
    from grace_support.importers.json_lines import read_networks, write_networks
    from grace_support.importers.network_canvas import (
        NetworkCanvasMapping,
        read_network_canvas_csv,
        read_network_canvas_graphml,
        ring_radii,
        sociogram_ring,
    )
    from grace_support.importers.persnet import alter_pairs, read_persnet
    from grace_support.importers.three_files import read_three_files

# Each reader is imported on first use, so ``import grace_support`` (which needs only
# the JSON Lines reader) does not load every importer.
_HOMES = {
    "DroppedDataWarning": "_common",
    "ErrorMode": "_result",
    "ImportResult": "_result",
    "EgorLayout": "egor",
    "read_egor": "egor",
    "read_networks": "json_lines",
    "write_networks": "json_lines",
    "NetworkCanvasMapping": "network_canvas",
    "read_network_canvas_csv": "network_canvas",
    "read_network_canvas_graphml": "network_canvas",
    "ring_radii": "network_canvas",
    "sociogram_ring": "network_canvas",
    "alter_pairs": "persnet",
    "read_persnet": "persnet",
    "read_three_files": "three_files",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DroppedDataWarning",
    "EgorLayout",
    "ErrorMode",
    "ImportResult",
    "NetworkCanvasMapping",
    "alter_pairs",
    "read_egor",
    "read_network_canvas_csv",
    "read_network_canvas_graphml",
    "read_networks",
    "read_persnet",
    "read_three_files",
    "ring_radii",
    "sociogram_ring",
    "write_networks",
]
