"""read_networks / write_networks: JSON Lines and folders of documents."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grace_support import (
    DocumentError,
    InputError,
    SupportNetwork,
    read_networks,
    write_networks,
)
from grace_support.demo import example_network
from grace_support.importers import ImportResult
from tests.property.strategies import networks as network_strategy

if TYPE_CHECKING:
    from pathlib import Path

SECRET = "Private Person"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(network_strategy(max_people=6), max_size=4))
def test_round_trip_through_json_lines(tmp_path: Path, networks: list[SupportNetwork]) -> None:
    path = tmp_path / "study.jsonl"
    assert write_networks(networks, path) == len(networks)
    assert read_networks(path) == tuple(networks)
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(networks)


def test_one_compact_document_per_line(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    write_networks([example_network(), example_network()], path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == example_network().to_document()


def test_a_folder_of_documents(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text(example_network().to_json())
    (tmp_path / "a.json").write_text(example_network().to_json())
    (tmp_path / "notes.txt").write_text("not a document")
    assert read_networks(tmp_path) == (example_network(), example_network())


def bad_lines(tmp_path: Path) -> Path:
    good = example_network().to_json(indent=None)
    broken = json.loads(good)
    broken["ego"]["id"] = "not an id!"
    broken["ego"]["name"] = SECRET
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good, "", json.dumps(broken), "{not json", good]) + "\n")
    return path


def test_collect_keeps_the_valid_networks_and_names_each_line(tmp_path: Path) -> None:
    path = bad_lines(tmp_path)
    result = read_networks(path, errors="collect")
    assert isinstance(result, ImportResult)
    assert len(result.networks) == 2
    assert [(p.source, p.location) for p in result.problems] == [
        (str(path), "line 3, ego.id"),
        (str(path), "line 4"),
    ]
    assert SECRET not in repr(result)


def test_raise_lists_every_problem(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        read_networks(bad_lines(tmp_path))
    assert len(caught.value.problems) == 2
    assert SECRET not in str(caught.value)


def test_missing_file_and_limits(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_networks(tmp_path / "nope.jsonl")
    path = tmp_path / "big.jsonl"
    write_networks([example_network()], path)
    with pytest.raises(InputError, match="larger than the limit"):
        read_networks(path, max_bytes=10)


def test_the_write_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "keep.jsonl"
    write_networks([example_network()], path)
    before = path.read_bytes()

    def broken() -> object:
        yield example_network()
        raise RuntimeError("stopped halfway")

    with pytest.raises(RuntimeError):
        write_networks(broken(), path)  # type: ignore[arg-type]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]


def test_unwritable_place_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be written"):
        write_networks([example_network()], tmp_path / "no" / "such" / "folder.jsonl")
