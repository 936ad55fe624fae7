"""Importers say only what was recorded: what each study asked, per importer (issue 19).

A field with no column or mapping is not recorded (``None``), never "none"; the
network says which kinds of support and which ties were asked.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

import pytest

from grace_support import SupportType
from grace_support import measures as m
from grace_support.importers import (
    NetworkCanvasMapping,
    read_egor,
    read_network_canvas_csv,
    read_persnet,
)
from tests.persnet_fixture import row, write

if TYPE_CHECKING:
    from pathlib import Path

ALL = tuple(SupportType)


def files(folder: Path, named: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in named.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- egor -------------------------------------------------------------------------------------


def test_egor_without_support_columns_asked_no_kinds_of_support(tmp_path: Path) -> None:
    folder = files(tmp_path / "s", {
        "egos.csv": "egoID,sex\n1,w\n",
        "alters_1.csv": "alterID,rel\n1,friend\n2,sibling\n",
        "edges_1.csv": "Source,Target\n1,2\n",
    })  # fmt: skip
    (network,) = read_egor(folder, columns={"rel": "role"})
    assert (network.support_types_asked, network.gives_types_asked) == ((), ())
    assert network.ties_asked is None  # the edge files ask about every alter
    for relationship in network.relationships:
        assert (relationship.supports, relationship.gives, relationship.strain) == (
            None, None, None
        )  # fmt: skip


@pytest.mark.parametrize(
    ("columns", "mapping", "asked", "gives_asked"),
    [
        ("emo,help", {"emo": "emotional", "help": "practical"}, ("emotional", "practical"), ()),
        ("kinds", {"kinds": "supports"}, ALL, ()),  # one list column: any kind could be named
        ("emo,gp", {"emo": "emotional", "gp": "gives_peer"}, ("emotional",), ("peer",)),
    ],
)
def test_egor_asks_the_kinds_its_columns_hold(
    tmp_path: Path,
    columns: str,
    mapping: dict[str, str],
    asked: tuple[str, ...],
    gives_asked: tuple[str, ...],
) -> None:
    width = len(columns.split(","))
    folder = files(tmp_path / "s", {
        "egos.csv": "egoID\n1\n",
        "alters_1.csv": f"alterID,{columns}\n1,{','.join(['no'] * width)}\n",
        "edges_1.csv": "Source,Target\n",
    })  # fmt: skip
    if "kinds" in columns:
        (folder / "alters_1.csv").write_text("alterID,kinds\n1,\n")
    (network,) = read_egor(folder, columns=mapping)
    assert network.support_types_asked == tuple(SupportType(t) for t in asked)
    assert network.gives_types_asked == tuple(SupportType(t) for t in gives_asked)
    relationship = network.relationships[0]
    assert relationship.supports == ()  # asked, and answered: gives none of them
    assert relationship.gives == (() if gives_asked else None)


def test_egor_folder_without_edge_files_asked_no_ties(tmp_path: Path) -> None:
    folder = files(tmp_path / "s", {
        "egos.csv": "egoID\n1\n",
        "alters_1.csv": "alterID\n1\n2\n",
    })  # fmt: skip
    (network,) = read_egor(folder, layout="folder")
    assert network.ties_asked == ()
    assert network.tie_asked_ids == frozenset()


@pytest.mark.parametrize(
    ("dyads", "asked"),
    [
        ("", ()),  # no tie columns: no ties asked
        (";X1.to.2", ("a1", "a2")),  # ties asked among alters 1 and 2 of 3
        (";X1.to.2;X1.to.3;X2.to.3", None),  # every alter: everyone
    ],
)
def test_egor_wide_layouts_ask_the_alters_the_tie_columns_name(
    tmp_path: Path, dyads: str, asked: tuple[str, ...] | None
) -> None:
    width = dyads.count("X")
    values = ";1" * width
    path = tmp_path / "one.csv"
    path.write_text(f"egoID;netsize;sex.1;sex.2;sex.3{dyads}\n1;3;m;w;w{values}\n")
    (network,) = read_egor(path, layout="one-file")
    assert network.ties_asked == asked
    assert len(network.ties) == width


def test_egor_shaped_data_without_a_mapping_records_no_support(egor_shapes: Path) -> None:
    data = egor_shapes
    result = read_egor(
        [data / "egos_32.csv", data / "alters_32", data / "edges_32"], errors="collect"
    )
    assert all(n.support_types_asked == () for n in result.networks)
    assert all(r.supports is None for n in result.networks for r in n.relationships)


# -- Network Canvas ---------------------------------------------------------------------------

EGO = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,sessionStart"
NODES = "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,sup_listen,sup_help,sup_dk,feel"
EDGES = (
    "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,"
    "networkCanvasSourceUUID,networkCanvasTargetUUID"
)


def canvas(folder: Path, *, edges: bool = True) -> Path:
    named = {
        "c1_s1_ego.csv": f"{EGO}\ne1,c1,s1,2026-05-01T10:00:00Z\n",
        "c1_s1_attributeList_Person.csv": (
            f"{NODES}\n1,e1,u1,Ana,true,false,false,2\n2,e1,u2,Jo,false,false,true,-1\n"
            "3,e1,u3,Cy,false,false,false,\n"
        ),
    }
    if edges:
        named["c1_s1_edgeList_Knows.csv"] = f"{EDGES}\n1,1,2,e1,x1,u1,u2\n"
    return files(folder, named)


def test_network_canvas_records_what_the_mapping_gives(tmp_path: Path) -> None:
    mapping = NetworkCanvasMapping.model_validate(  # as a --mapping JSON file gives it
        {
            "supports": "sup",
            "support_values": {"listen": "emotional", "help": "practical", "dk": None},
            "strain": "feel",
            "strain_values": {"0": "none", "2": "high", "-1": None},  # -1: skipped
        }
    )
    (network,) = read_network_canvas_csv(canvas(tmp_path / "x"), mapping)
    assert network.support_types_asked == (SupportType.EMOTIONAL, SupportType.PRACTICAL)
    assert network.gives_types_asked == ()
    ana, jo, cy = network.relationships
    assert (ana.supports, ana.strain) == ((SupportType.EMOTIONAL,), "high")
    assert (jo.supports, jo.strain) == (None, None)  # don't know, skipped: not recorded
    assert (cy.supports, cy.strain) == ((), None)  # no option chosen: none; blank: not recorded
    assert all(r.gives is None for r in network.relationships)
    assert network.ties_asked is None


def test_network_canvas_without_an_edge_list_asked_no_ties(tmp_path: Path) -> None:
    (network,) = read_network_canvas_csv(
        canvas(tmp_path / "x", edges=False), NetworkCanvasMapping()
    )
    assert network.ties_asked == ()
    assert network.support_types_asked == ()
    assert all(r.supports is None for r in network.relationships)


# -- PERSNET ----------------------------------------------------------------------------------


def eleven_names() -> dict[str, str]:
    """11 kept names (name 4 a repeat), 26 ties among the first 10 kept, one to the 11th."""
    answers = {"record_id": "7"}
    for k in range(1, 13):
        answers[f"name{k}"] = f"Person {k}"
        answers[f"name_{k}"] = "0" if k == 4 else "1"
        answers[f"tie{k}"] = "2"
    first_ten = [k for k in range(1, 13) if k != 4][:10]
    pairs = {pair: m for m, pair in enumerate(combinations(range(1, 16), 2), start=1)}
    for pair in list(combinations(first_ten, 2))[:26]:
        answers[f"a_tie{pairs[pair]}"] = "1"
    answers[f"a_tie{pairs[(1, 12)]}"] = "1"  # name 12 is the 11th kept: not asked
    answers["name1supptype___1"] = "1"
    answers["name2supptype___0"] = "1"  # "none" ticked: recorded as none
    return answers


def test_persnet_asks_ties_among_the_first_ten_kept_names(tmp_path: Path) -> None:
    result = read_persnet(write(tmp_path / "e.csv", [row(eleven_names())]), errors="collect")
    (network,) = result.networks
    assert len(network.people) == 11
    assert network.ties_asked == tuple(sorted(f"name{k}" for k in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11)))
    assert "name12" not in network.tie_asked_ids
    assert len(network.ties) == 26
    # density over the asked names, worked by hand as the authors' R scripts compute it
    # (igraph's graph.density over the names that have tie answers): 26 / C(10, 2)
    asked = len(network.tie_asked_ids)
    assert round(len(network.ties) / (asked * (asked - 1) / 2), 3) == 0.578
    assert round(len(network.ties) / (11 * 10 / 2), 3) == 0.473  # what counting all 11 gave
    density = m.density(network)  # the library's density counts the asked
    assert density is not None
    assert round(density, 3) == 0.578
    assert [d.location for d in result.dropped if "first 10" in d.message] == [
        "line 2, column a_tie11"
    ]


def test_persnet_says_what_it_asks(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", [row(eleven_names())])
    (network,) = read_persnet(path, errors="collect").networks
    assert network.support_types_asked == (
        SupportType.EMOTIONAL, SupportType.PRACTICAL, SupportType.INFORMATIONAL
    )  # fmt: skip
    assert SupportType.PEER not in network.support_types_asked  # PERSNET has no peer question
    assert network.gives_types_asked == ()
    assert (network.generator, network.max_names) == ("persnet", 15)
    first, second, third = network.relationships[:3]
    assert first.supports == (SupportType.EMOTIONAL,)
    assert second.supports == ()  # "none" was ticked
    assert third.supports is None  # no box ticked: not answered
    assert all(r.gives is None for r in network.relationships)
    assert first.strain is None  # neg not answered


@pytest.mark.parametrize("code", ["UNK", "ASKU", "NASK", "NI"])
def test_persnet_takes_redcap_missing_data_codes_as_not_recorded(tmp_path: Path, code: str) -> None:
    answers = row({"record_id": "1", "name1": "Ana", "tie1": code, "name1speak": code,
                   "name1neg": code, "sex": code})  # fmt: skip
    result = read_persnet(write(tmp_path / "e.csv", [answers]), errors="collect")
    assert result.problems == ()
    (network,) = result.networks
    relationship = network.relationship("name1")
    assert (relationship.closeness, relationship.contact, relationship.strain) == (None,) * 3
    assert "sex" not in network.ego.attributes
