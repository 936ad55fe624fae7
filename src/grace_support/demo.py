"""The example network bundled with the package (used by ``grace-support demo``).

Examples:
    >>> network = example_network()
    >>> network.ego.id, len(network.people)
    ('maria', 6)
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from grace_support.documents import parse_network

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = ["EXAMPLE_AS_OF", "example_network"]

EXAMPLE_AS_OF = "2026-11-25"
"""The day the example network describes; pass it as ``as_of`` for stable output."""


def example_network() -> SupportNetwork:
    """The bundled example: Maria's network of six people, with a few gaps to show.

    Maria names a close friend, her brother, her therapist, her mother (a strained
    relationship), a coworker and a friend she has lost touch with. Nobody she is
    in touch with gives peer support.
    """
    text = files("grace_support").joinpath("data", "example_network.json").read_bytes()
    return parse_network(text, source="example_network.json")
