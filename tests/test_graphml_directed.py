"""Directed GraphML (Gephi, other tools) is read as undirected ties; a missing extra: exit 2."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from grace_support import DocumentError
from grace_support.cli import main
from grace_support.graphml import from_graphml
from grace_support.importers import DroppedDataWarning, read_networks

if TYPE_CHECKING:
    from pathlib import Path


def directed(edges: list[tuple[str, str, dict[str, object]]]) -> str:
    graph = nx.DiGraph(ego="me")
    graph.add_edge("me", "a", role="friend", closeness="inner")
    graph.add_edge("me", "b", role="sibling", closeness="middle")
    graph.add_edge("me", "c", role="friend", closeness="outer")
    for a, b, data in edges:
        graph.add_edge(a, b, **data)
    return "\n".join(nx.generate_graphml(graph))


def test_a_reciprocal_pair_is_one_tie_with_the_larger_weight() -> None:
    text = directed([("a", "b", {"weight": 2.0}), ("b", "a", {"weight": 3.5}), ("a", "c", {})])
    with pytest.warns(DroppedDataWarning, match="1 reciprocal pair of directed edges merged"):
        network = from_graphml(text)
    assert sorted(tie.between for tie in network.ties) == [("a", "b"), ("a", "c")]
    assert network.tie("a", "b").weight == 3.5  # the larger of 2.0 and 3.5
    assert network.tie("a", "c").weight == 1.0  # a one-way edge is a tie


@pytest.mark.filterwarnings("error::grace_support.importers.DroppedDataWarning")
def test_one_way_edges_merge_nothing_and_warn_nothing() -> None:
    network = from_graphml(directed([("a", "b", {}), ("c", "b", {})]))
    assert len(network.ties) == 2


def test_a_repeated_directed_edge_is_still_refused() -> None:
    text = directed([("a", "b", {})])
    twice = text.replace("</graph>", '<edge source="a" target="b" /></graph>')
    with pytest.raises(DocumentError, match="repeats an edge"):
        from_graphml(twice)


def test_a_reciprocal_pair_in_an_undirected_file_is_a_repeat() -> None:
    graph = nx.Graph(ego="me")
    graph.add_edge("me", "a", role="friend")
    graph.add_edge("me", "b", role="friend")
    graph.add_edge("a", "b")
    text = "\n".join(nx.generate_graphml(graph))
    twice = text.replace("</graph>", '<edge source="b" target="a" /></graph>')
    with pytest.raises(DocumentError, match="repeats an edge"):
        from_graphml(twice)


def test_the_command_line_lists_the_merge_as_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gephi.graphml"
    path.write_text(directed([("a", "b", {"weight": 2.0}), ("b", "a", {"weight": 1.0})]))
    out = tmp_path / "out.jsonl"
    assert main(["import", "graphml", str(path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "gephi.graphml: (graphml): 1 reciprocal pair of directed edges merged" in err
    (network,) = read_networks(out)
    assert network.tie("a", "b").weight == 2.0


@pytest.mark.parametrize("fmt", ["graphml", "network-canvas-graphml"])
def test_a_missing_extra_prints_the_install_hint_and_exits_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    monkeypatch.setitem(sys.modules, "defusedxml", None)
    monkeypatch.setitem(sys.modules, "defusedxml.ElementTree", None)
    path = tmp_path / "x.graphml"
    path.write_text(directed([]))
    out = tmp_path / "out.jsonl"
    assert main(["import", fmt, str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "grace-support[graphml]" in err
    assert "unexpected" not in err
    assert not out.exists()
