"""Tables keep "not recorded" apart from "none", and what the interview asked (version 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import pytest

from grace_support import network_from_data
from grace_support.tables import from_tables, read_three_files, to_tables

if TYPE_CHECKING:
    from pathlib import Path

V3 = network_from_data(
    {
        "schema_version": 3,
        "ego": {"id": "e1"},
        "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "relationships": [
            {"person": "a", "supports": ["emotional"], "gives": [], "strain": "none"},
            {"person": "b"},  # nothing recorded about what b gives, or b's strain
            {"person": "c", "supports": [], "strain": "high"},
        ],
        "ties": [["a", "b"]],
        "support_types_asked": ["emotional", "practical"],
        "gives_types_asked": [],
        "ties_asked": ["a", "b"],
        "generator": "persnet",
        "max_names": 15,
    }
)


def test_not_recorded_and_asked_survive_the_tables() -> None:
    tables = to_tables([V3])
    ego = tables.egos.iloc[0]
    assert ego["support_types_asked"] == '["emotional", "practical"]'
    assert ego["gives_types_asked"] == "[]"
    assert ego["ties_asked"] == '["a", "b"]'
    assert (ego["generator"], ego["max_names"]) == ("persnet", 15)
    b = tables.alters.iloc[1]
    assert all(pd.isna(b[t]) for t in ("emotional", "practical", "informational", "peer"))
    (back,) = from_tables(*tables)
    assert back == V3
    assert back.relationship("b").supports is None
    assert back.relationship("c").supports == ()


def test_the_defaults_are_missing_cells() -> None:
    plain = network_from_data({"ego": {"id": "e"}, "people": [], "relationships": []})
    ego = to_tables([plain]).egos.iloc[0]
    assert all(pd.isna(ego[c]) for c in ("support_types_asked", "ties_asked", "generator"))
    assert from_tables(*to_tables([plain])) == (plain,)


def test_a_missing_flag_beside_recorded_ones_is_false() -> None:
    egos = pd.DataFrame({"ego_id": ["e"]})
    alters = pd.DataFrame(
        {"ego_id": ["e", "e"], "alter_id": ["a", "b"], "emotional": [True, None],
         "practical": [None, None], "informational": [None, None], "peer": [None, None]}
    )  # fmt: skip
    ties = pd.DataFrame({"ego_id": [], "alter_a": [], "alter_b": []})
    (network,) = from_tables(egos, alters, ties)
    assert [r.supports for r in network.relationships] == [("emotional",), None]


def test_a_ties_asked_cell_that_is_not_a_json_list_names_its_column() -> None:
    egos = pd.DataFrame({"ego_id": ["e"], "ties_asked": ["a;b"]})
    alters = pd.DataFrame({"ego_id": ["e"], "alter_id": ["a"]})
    ties = pd.DataFrame({"ego_id": [], "alter_a": [], "alter_b": []})
    result = from_tables(egos, alters, ties, errors="collect")
    assert result.networks == ()
    assert [p.location for p in result.problems] == ["egos row 0, column ties_asked"]


def test_three_files_keep_a_leading_zero_code_as_text(tmp_path: Path) -> None:
    """Issue 26: the one cell parser; a ZIP code or id keeps its zero, as in every importer."""
    (tmp_path / "egos.csv").write_text("ego_id,zip,visits\ne1,02143,03\n")
    (tmp_path / "alters.csv").write_text("ego_id,alter_id,code,age\ne1,a,007,40\n")
    (tmp_path / "ties.csv").write_text("ego_id,alter_a,alter_b\n")
    (network,) = read_three_files(*(tmp_path / f"{n}.csv" for n in ("egos", "alters", "ties")))
    assert network.ego.attributes == {"zip": "02143", "visits": "03"}
    assert network.person("a").attributes == {"code": "007", "age": 40}


@pytest.mark.parametrize("cell", ["", "NA"])
def test_three_files_blank_strain_is_not_recorded(tmp_path: Path, cell: str) -> None:
    (tmp_path / "egos.csv").write_text("ego_id\ne1\n")
    (tmp_path / "alters.csv").write_text(f"ego_id,alter_id,strain\ne1,a,{cell}\ne1,b,none\n")
    (tmp_path / "ties.csv").write_text("ego_id,alter_a,alter_b\n")
    (network,) = read_three_files(*(tmp_path / f"{n}.csv" for n in ("egos", "alters", "ties")))
    assert [r.strain for r in network.relationships] == [None, "none"]


def test_read_three_files_lives_with_the_importers_and_keeps_its_old_path() -> None:
    """Issue 26: the CSV reader moved to importers/; grace_support.tables still has it."""
    import grace_support.importers
    import grace_support.tables

    assert grace_support.tables.read_three_files is grace_support.importers.read_three_files
    assert grace_support.importers.read_three_files.__module__ == (
        "grace_support.importers.three_files"
    )
    assert "read_three_files" in grace_support.tables.__all__
    assert "read_three_files" in grace_support.importers.__all__
