"""Invariants of the egogram and the reports for any generated network.

For any network (names, roles, circles, contact and ties drawn at random): no two
boxes of the egogram overlap, no node sits on another person's spoke, the
clinician voice never says "you", and no heading shows an id.
"""

from __future__ import annotations

import itertools
import math
import re

from hypothesis import given
from hypothesis import strategies as st

from grace_support import SupportNetwork, _egogram, assess
from grace_support.report import render_html, render_report
from tests.property.strategies import networks

SECOND_PERSON = re.compile(r"\b(you|your)\b", re.IGNORECASE)


def _on_spoke(geo: _egogram.Geometry) -> list[tuple[str, str]]:
    """Pairs (node, spoke's person) where a node lies on another person's spoke."""
    found = []
    for a, b in itertools.permutations(geo.items, 2):
        ax, ay, bx, by = a.x - geo.cx, a.y - geo.cy, b.x - geo.cx, b.y - geo.cy
        length = ax * ax + ay * ay
        t = max(0.0, min(1.0, (bx * ax + by * ay) / length))
        if math.hypot(bx - t * ax, by - t * ay) < _egogram.NODE / 2:
            found.append((b.person, a.person))
    return found


@given(networks(max_people=40), st.sampled_from(["id", "name", "number"]))
def test_the_egogram_keeps_boxes_apart_and_nodes_off_spokes(
    network: SupportNetwork, labels: str
) -> None:
    geo = _egogram.layout(network, labels=labels)  # type: ignore[arg-type]
    assert len(geo.items) == len(network.people)
    for a, b in itertools.combinations(geo.boxes(), 2):
        assert not a.overlaps(b)
    assert _on_spoke(geo) == []
    assert geo.title in ("Support network", f"Support network of {network.ego.label}")
    if labels != "name":
        assert geo.title == "Support network"


@given(networks(max_people=12), st.booleans())
def test_the_clinician_voice_never_says_you(network: SupportNetwork, names: bool) -> None:
    result = assess(network, as_of="2026-11-25")
    text = render_report(result, network, voice="clinician", names=names)
    # names and ids come from the document and may say anything: look at the words only
    for person in (network.ego, *network.people):
        for shown in (person.id, person.name or ""):
            if shown:
                text = text.replace(shown, "")
    assert not SECOND_PERSON.search(text)
    page = render_html(result, network, voice="clinician", names=names)
    heading = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert heading == "Support network" or names
