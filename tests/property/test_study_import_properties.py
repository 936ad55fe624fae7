"""Properties of the study importers: every person and tie arrives, or is named."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from grace_support.importers import (
    NetworkCanvasMapping,
    alter_pairs,
    read_egor,
    read_network_canvas_csv,
    read_persnet,
)
from tests.persnet_fixture import row, write


def pair(tie: Any) -> tuple[str, ...]:
    return tuple(getattr(tie, "between", tie))


@given(
    kept=st.sets(st.integers(1, 15)),
    repeats=st.sets(st.integers(1, 15)),
    codes=st.lists(st.sampled_from(["", "0", "1", "2"]), min_size=105, max_size=105),
)
def test_persnet_every_name_and_tie_arrives_or_is_dropped_by_name(
    kept: set[int], repeats: set[int], codes: list[str]
) -> None:
    named = kept | repeats
    values = {"record_id": "1"}
    for k in named:
        values |= {f"name{k}": f"P{k}", f"name_{k}": "0" if k in repeats - kept else "1",
                   f"tie{k}": "2", f"name{k}relat___3": "1"}  # fmt: skip
    values |= {f"a_tie{m}": code for m, code in enumerate(codes, start=1)}
    with tempfile.TemporaryDirectory() as folder:
        result = read_persnet(write(Path(folder) / "x.csv", [row(values)]), errors="collect")
    assert result.problems == ()
    (network,) = result.networks
    people = {f"name{k}" for k in kept}
    assert {p.id for p in network.people} == people
    asked = set(sorted(kept)[:10])  # PERSNET asks ties among the first 10 kept names only
    assert network.tie_asked_ids == {f"name{k}" for k in asked}
    expected = {
        frozenset((f"name{i}", f"name{j}"))
        for (i, j), code in zip(alter_pairs(), codes, strict=True)
        if code in ("1", "2") and i in asked and j in asked
    }
    assert {frozenset(pair(t)) for t in network.ties} == expected
    dropped_ties = {
        f"a_tie{m}"
        for m, ((i, j), code) in enumerate(zip(alter_pairs(), codes, strict=True), start=1)
        if code in ("1", "2") and not (i in asked and j in asked)
    }
    dropped_names = {f"name_{k}" for k in repeats - kept}
    assert {p.location.rsplit("column ", 1)[1] for p in result.dropped} == (
        dropped_ties | dropped_names
    )


EDGES = (
    "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,"
    "networkCanvasSourceUUID,networkCanvasTargetUUID"
)


@given(
    people=st.integers(1, 6),
    edges=st.lists(
        st.tuples(st.integers(1, 6), st.integers(1, 6), st.sampled_from(["A", "B"])),
        max_size=12,
    ),
)
def test_network_canvas_every_edge_is_a_tie_or_dropped_by_name(
    people: int, edges: list[tuple[int, int, str]]
) -> None:
    edges = [(a, b, kind) for a, b, kind in edges if a <= people and b <= people]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "c_s_ego.csv").write_text("networkCanvasEgoUUID,networkCanvasCaseID\ne,c\n")
        nodes = ["nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,kind_friend,near"]
        nodes += [f"{n},e,u{n},P{n},true,1" for n in range(1, people + 1)]
        (folder / "c_s_attributeList_Person.csv").write_text("\n".join(nodes) + "\n")
        for kind in ("A", "B"):
            lines = [EDGES] + [
                f"{i},{a},{b},e,x{i},u{a},u{b}"
                for i, (a, b, k) in enumerate(edges, start=1)
                if k == kind
            ]
            (folder / f"c_s_edgeList_{kind}.csv").write_text("\n".join(lines) + "\n")
        mapping = NetworkCanvasMapping.model_validate(
            {"role": "kind", "closeness": "near", "closeness_values": {"1": "inner"}}
        )
        result = read_network_canvas_csv(folder, mapping, errors="collect")
    assert result.problems == ()
    (network,) = result.networks
    assert len(network.people) == people
    pairs = {frozenset((f"n{a}", f"n{b}")) for a, b, _ in edges if a != b}
    assert {frozenset(pair(t)) for t in network.ties} == pairs
    kept = len({(frozenset((a, b)), k) for a, b, k in edges if a != b})
    assert kept + len(result.dropped) == len(edges)


@given(
    alters=st.integers(0, 4),
    netsize=st.integers(0, 4),
    cells=st.lists(st.sampled_from(["", "NA", "0", "1", "2", "x"]), min_size=6, max_size=6),
)
def test_egor_two_files_each_problem_once_and_never_both(
    alters: int, netsize: int, cells: list[str]
) -> None:
    """Any pairing of an egos file (wide ties) and an alters file: every 0 cell of a kept
    network is dropped, every problem is reported once, and no place is both."""
    dyads = [(i, j) for i in range(1, 5) for j in range(i + 1, 5)]
    header = "egoID,netsize," + ",".join(f"X{i}.to.{j}" for i, j in dyads)
    with tempfile.TemporaryDirectory() as folder:
        egos, alters_file = Path(folder) / "egos.csv", Path(folder) / "alters.csv"
        egos.write_text(f"{header}\n1,{netsize},{','.join(cells)}\n")
        alters_file.write_text(
            "egoID,alterID\n" + "".join(f"1,{k}\n" for k in range(1, alters + 1))
        )
        result = read_egor([egos, alters_file], layout="two-files", errors="collect")
    assert len(result.problems) == len(set(result.problems))
    problem_places = {(p.source, p.location) for p in result.problems}
    assert not problem_places & {(d.source, d.location) for d in result.dropped}
    if result.networks:
        (network,) = result.networks
        assert len(network.people) == alters
        zero = sum(cell == "0" for cell in cells)
        assert len(result.dropped) == zero
        assert len(network.ties) == sum(cell in ("1", "2") for cell in cells)
    else:
        assert result.problems  # a network is left out only with a reason
        assert result.dropped == ()
    if netsize > 0 and alters == 0:
        assert any(p.location.endswith("column netsize") for p in result.problems)
