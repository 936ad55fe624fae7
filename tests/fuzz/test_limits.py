"""Size limits, capped messages, the linear text report, and the leak checker itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from grace_support import (
    DocumentError,
    Person,
    Relationship,
    SupportNetwork,
    assess,
    parse_network,
    read_network,
)
from grace_support._input import read_bytes
from grace_support.errors import MAX_LISTED_PROBLEMS, InputError, Problem
from grace_support.graphml import from_graphml
from grace_support.report import render_report
from tests.fuzz._leaks import MARKER, assert_clean
from tests.fuzz._special import device_node, fifo

if TYPE_CHECKING:
    from collections.abc import Callable


def small_document() -> str:
    return json.dumps({"schema_version": 1, "ego": {"id": "e", "name": MARKER}})


@pytest.mark.parametrize("limit", [1, 10, 40])
def test_every_file_reader_has_max_bytes(tmp_path: Path, limit: int) -> None:
    from grace_support.content import Catalog
    from grace_support.importers import NetworkCanvasMapping, read_network_canvas_csv
    from grace_support.instruments._io import read_respondents
    from grace_support.tables import read_three_files

    path = tmp_path / "doc.json"
    path.write_text(small_document(), encoding="utf-8")
    readers: list[Callable[[], object]] = [
        lambda: read_network(path, max_bytes=limit),
        lambda: read_bytes(path, max_bytes=limit),
        lambda: read_respondents(str(path), max_bytes=limit),
        lambda: Catalog.from_json(path, max_bytes=limit),
        lambda: from_graphml("<graphml>" + " " * 50 + "</graphml>", max_bytes=limit),
    ]
    for name in ("egos", "alters", "ties"):
        (tmp_path / f"{name}.csv").write_text("ego_id,alter_id\n" + "x,y\n" * 20, "utf-8")
    readers.append(
        lambda: read_three_files(
            tmp_path / "egos.csv", tmp_path / "alters.csv", tmp_path / "ties.csv", max_bytes=limit
        )
    )
    folder = tmp_path / "nc"
    folder.mkdir()
    (folder / "a_ego.csv").write_text("networkCanvasEgoUUID\n" + "e\n" * 30, "utf-8")
    mapping = NetworkCanvasMapping(role="r", closeness="c")
    readers.append(lambda: read_network_canvas_csv(folder, mapping, max_bytes=limit))
    for reader in readers:
        with pytest.raises(InputError, match=f"larger than the limit of {limit} bytes"):
            reader()


@pytest.mark.parametrize("limit", [0, -1, True, 1.5])
def test_max_bytes_must_be_a_positive_whole_number(tmp_path: Path, limit: Any) -> None:
    path = tmp_path / "doc.json"
    path.write_text(small_document(), encoding="utf-8")
    with pytest.raises(ValueError, match="max_bytes"):
        read_network(path, max_bytes=limit)


def test_fifos_are_refused_without_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_network(fifo(tmp_path))  # returns at once: nothing opens the FIFO


def test_devices_are_refused_without_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_network(device_node(tmp_path))  # a private zero device: never the machine's /dev


def test_stdin_is_bounded_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class Stdin(io.StringIO):
        buffer = io.BytesIO(small_document().encode())

    monkeypatch.setattr(sys, "stdin", Stdin())
    with pytest.raises(InputError, match="<stdin> is larger than the limit of 5 bytes"):
        read_network("-", max_bytes=5)
    Stdin.buffer.seek(0)
    assert read_network("-").ego.id == "e"


def test_an_error_lists_at_most_100_problems() -> None:
    error = DocumentError([Problem(f"people[{i}]", "is wrong") for i in range(250)])
    lines = str(error).splitlines()
    assert len(lines) == 1 + MAX_LISTED_PROBLEMS + 1
    assert lines[-1] == "  ... and 150 more"
    assert len(error.problems) == 250


def test_200k_repeated_ties_give_a_short_message() -> None:
    people = [{"id": "a"}, {"id": "b"}]
    relationships = [{"person": p["id"], "role": "friend", "closeness": "inner"} for p in people]
    text = json.dumps(
        {
            "schema_version": 1,
            "ego": {"id": "e"},
            "people": people,
            "relationships": relationships,
            "ties": [["a", "b"]] * 200_000,
        }
    )
    with pytest.raises(DocumentError) as caught:
        parse_network(text)
    assert len(str(caught.value)) < 20_000
    assert len(caught.value.problems) <= 1_001
    assert "198999 more problems" in caught.value.problems[-1].message


def network_of(size: int) -> SupportNetwork:
    roles = ["friend", "sibling", "coworker", "neighbor"]
    return SupportNetwork.build(
        Person(id="ego", name="Ego"),
        [
            (
                Person(id=f"p{i}", name=f"Name {i}"),
                Relationship.model_validate(
                    {
                        "person": f"p{i}",
                        "role": roles[i % 4],
                        "closeness": "outer",
                        "supports": ["emotional"] if i % 3 else ["practical", "emotional"],
                        "contact": "lost_touch" if i % 5 == 0 else "weekly",
                    }
                ),
            )
            for i in range(size)
        ],
    )


def lines_run(size: int) -> int:
    """How many lines of the report module run for a network of this size (a count, not a time)."""
    network = network_of(size)
    assessment = assess(network, as_of="2026-11-25")
    count = 0
    watched = {"report.py", "network.py"}

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if Path(frame.f_code.co_filename).name in watched:
            if event == "line":
                count += 1
            return tracer
        return None

    sys.settrace(tracer)
    try:
        render_report(assessment, network)
    finally:
        sys.settrace(None)
    return count


def test_the_text_report_is_linear_in_the_number_of_people() -> None:
    small, large = lines_run(200), lines_run(800)
    assert large <= 4 * small * 1.25  # 4x the people, about 4x the work (a quadratic report: 16x)


def test_the_leak_checker_finds_a_marker_in_the_chain() -> None:
    try:
        try:
            int(MARKER)
        except ValueError:
            raise DocumentError([Problem("x", "is wrong")]) from None
    except DocumentError as error:
        with pytest.raises(AssertionError, match="leaked"):
            assert_clean(error)
