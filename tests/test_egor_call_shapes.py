"""read_egor on egor-shaped study data: every call shape egor's readers take, egor's counts.

The data is made up by tests/egor_shapes.py (the ``egor_shapes`` fixture writes it
into a temporary folder): the file names, columns and counts of egor's
``inst/extdata``, none of its rows (egor is AGPL-3; we ship no copy). The counts are
those egor's documentation and readers give for its own files; egor cannot run here,
so they were taken from egor's source (a weight-0 row is a tie in
``threefiles_to_egor`` and ``read_egonet``, and no tie in the wide readers) and from
counting the rows of egor's raw files. ``test_egors_own_example_data`` checks the
same counts on egor's real files when ``GRACE_SUPPORT_EGOR_EXTDATA`` names them.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from grace_support.importers import ImportResult, read_egor
from tests.egor_shapes import WS_FIRST_EGO

EXTDATA_VARIABLE = "GRACE_SUPPORT_EGOR_EXTDATA"


def counts(result: ImportResult) -> tuple[int, int, int]:
    networks = result.networks
    return len(networks), sum(len(n.people) for n in networks), sum(len(n.ties) for n in networks)


def raw_rows(*paths: Path) -> int:
    """Data rows of CSV files, counted by the csv module (the header is not a row)."""
    total = 0
    for path in paths:
        with path.open(newline="", encoding="utf-8") as handle:
            total += sum(1 for _ in csv.reader(handle)) - 1
    return total


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(["egos_32.csv", "alters_32", "edges_32"], (32, 384, 1056), id="read_egonet"),
        pytest.param(["egoweb"], (32, 508, 4112), id="read_egoweb"),
        pytest.param(
            ["egoweb/egos_32.csv", "egoweb/alters_32.csv", "egoweb/edges_32.csv"],
            (32, 508, 4112),
            id="read_egoweb-files",
        ),
        pytest.param(["openeddi"], (32, 508, 4112), id="read_openeddi"),
        pytest.param(["one_file_8.csv"], (16, 128, 448), id="onefile_to_egor"),
        pytest.param(["one_file_8.csv", "alters_8.csv"], (16, 128, 448), id="twofiles_to_egor"),
    ],
)
def test_egor_counts_in_every_layout(
    source: list[str], expected: tuple[int, int, int], egor_shapes: Path
) -> None:
    data = egor_shapes
    paths = [data / s for s in source]
    result = read_egor(paths[0] if len(paths) == 1 else paths, errors="collect")
    assert result.problems == ()
    assert result.dropped == ()
    assert counts(result) == expected


def test_the_counts_are_the_raw_files_rows(egor_shapes: Path) -> None:
    """The folder layout's alters and ties are every row of the per-ego files."""
    data = egor_shapes
    alters = raw_rows(*sorted((data / "alters_32").glob("*.csv")))
    ties = raw_rows(*sorted((data / "edges_32").glob("*.csv")))
    egos = raw_rows(data / "egos_32.csv")
    result = read_egor(
        [data / "egos_32.csv", data / "alters_32", data / "edges_32"], errors="collect"
    )
    assert counts(result) == (egos, alters, ties) == (32, 384, 1056)
    assert raw_rows(data / "egoweb" / "edges_32.csv") == 4112


def test_three_files_keep_weight_zero_rows_as_egor_does(tmp_path: Path, egor_shapes: Path) -> None:
    """threefiles_to_egor keeps the 7 weight-0 rows of edges_ws.csv as ties."""
    data = egor_shapes
    study = tmp_path / "ws"
    study.mkdir()
    egos = (data / "egos_ws.csv").read_text(encoding="utf-8").replace(f'"{WS_FIRST_EGO}"', '"1"')
    (study / "egos_ws.csv").write_text(egos, encoding="utf-8")
    for name in ("alters_ws.csv", "edges_ws.csv"):
        shutil.copy(data / name, study / name)
    result = read_egor(study, errors="collect")
    assert result.ok
    assert counts(result) == (3, 15, 30)
    zero = [t for n in result.networks for t in n.ties if t.attributes.get("weight") == 0]
    assert len(zero) == 7
    assert all(t.weight == 1.0 for t in zero)


def test_wide_layouts_drop_zero_cells_as_egor_does(egor_shapes: Path) -> None:
    """twofiles_to_egor drops 0 cells: egos 2 and 3 of two_files_ws_egos.csv have 2 and 1."""
    data = egor_shapes
    result = read_egor(
        [data / "two_files_ws_egos.csv", data / "alters_ws.csv"], layout="two-files",
        errors="collect",
    )  # fmt: skip
    assert [n.ego.id for n in result.networks] == ["2", "3"]
    assert len(result.dropped) == 3
    assert {d.message for d in result.dropped} == {"is 0: no tie, as egor's wide readers read it"}
    assert sum(len(n.ties) for n in result.networks) == 20 - 3


def test_each_problem_once_and_never_both_dropped_and_a_problem(egor_shapes: Path) -> None:
    data = egor_shapes
    result = read_egor(
        [data / "two_files_ws_egos.csv", data / "alters_ws.csv"], layout="two-files",
        errors="collect",
    )  # fmt: skip
    assert len(result.problems) == len(set(result.problems))
    places = {(p.source, p.location) for p in result.problems}
    assert not places & {(d.source, d.location) for d in result.dropped}
    # the named first ego: 5 alter rows name ego 1, netsize 5 without alters, 6 ties to no alter
    assert len(result.problems) == 5 + 1 + 6
    named = [p for p in result.problems if p.source and p.source.endswith("ws_egos.csv")]
    assert named[0].location == "line 2, column netsize"
    assert len(named) == 1 + 6
    assert all("column X" in p.location for p in named[1:])


def test_egos_that_do_not_belong_to_the_alters_are_problems(egor_shapes: Path) -> None:
    """two_files_8_egos.csv (128 egos) with alters_8.csv (16 egos): 112 problems, not
    112 empty networks."""
    data = egor_shapes
    result = read_egor(
        [data / "two_files_8_egos.csv", data / "alters_8.csv"], layout="two-files",
        errors="collect",
    )  # fmt: skip
    assert len(result.networks) == 16
    assert len(result.problems) == 112
    assert {p.location.split(", ")[1] for p in result.problems} == {"column netsize"}
    assert all(len(n.people) == 8 for n in result.networks)


def test_a_folder_with_several_candidates_chooses_by_matching_names(
    tmp_path: Path, egor_shapes: Path
) -> None:
    data = egor_shapes
    folder = tmp_path / "extdata"
    folder.mkdir()
    shutil.copy(data / "egos_32.csv", folder)
    shutil.copytree(data / "alters_32", folder / "alters_32")
    shutil.copytree(data / "edges_32", folder / "edges_32")
    for other in ("one_file_8.csv", "alters_8.csv", "alters_ws.csv"):  # no egos file of theirs
        shutil.copy(data / other, folder)
    assert counts(read_egor(folder, errors="collect")) == (32, 384, 1056)


def test_a_really_ambiguous_folder_lists_the_studies(tmp_path: Path, egor_shapes: Path) -> None:
    data = egor_shapes
    with pytest.raises(ValueError, match="more than one study") as caught:
        read_egor(data)
    message = str(caught.value)
    assert "egos_32.csv + alters_32/ + edges_32/" in message
    assert "egos_ws.csv + alters_ws/ + edges_ws/" in message
    assert "layout=" in message


@pytest.mark.parametrize(
    "source",
    [
        ["alters_32", "egos_32.csv", "edges_32"],  # folders in the wrong places
        ["egos_32.csv", "alters_32"],
    ],
)
def test_folder_call_shapes_that_do_not_fit_say_what_to_give(
    source: list[str], egor_shapes: Path
) -> None:
    data = egor_shapes
    with pytest.raises(ValueError, match="egos file, the alters folder and the edges folder"):
        read_egor([data / s for s in source])


def test_the_folder_layout_named_with_files_says_what_it_takes(egor_shapes: Path) -> None:
    data = egor_shapes
    with pytest.raises(ValueError, match="'folder' layout takes a folder, or the egos file"):
        read_egor([data / "egos_ws.csv", data / "alters_ws.csv", data / "edges_ws.csv"],
                  layout="folder")  # fmt: skip


def test_one_file_says_how_many_names_the_study_took(egor_shapes: Path) -> None:
    """one_file_8.csv has 8 alter column blocks: egor's max.alters is 8."""
    data = egor_shapes
    result = read_egor(data / "one_file_8.csv", errors="collect")
    assert {n.max_names for n in result.networks} == {8}
    pair = read_egor([data / "one_file_8.csv", data / "alters_8.csv"], errors="collect")
    assert {n.max_names for n in pair.networks} == {None}  # two files: not in the export


def test_the_command_line_takes_egors_folder_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], egor_shapes: Path
) -> None:
    data = egor_shapes
    from grace_support.cli import main
    from grace_support.importers import read_networks

    out = tmp_path / "egor32.jsonl"
    sources = [str(data / s) for s in ("egos_32.csv", "alters_32", "edges_32")]
    assert main(["import", "egor", *sources, "--out", str(out)]) == 0
    assert "wrote 32 networks" in capsys.readouterr().err
    networks = read_networks(out)
    assert (len(networks), sum(len(n.people) for n in networks)) == (32, 384)


@pytest.mark.parametrize(
    "order",
    [
        ["egos_32.csv", "alters_32.csv", "edges_32.csv"],  # ours: egos, alters, ties
        [
            "alters_32.csv",
            "edges_32.csv",
            "egos_32.csv",
        ],  # read_egoweb(alter.file, edges.file, egos.file)
        ["alters_32.csv", "edges_32.csv"],  # read_egoweb without an egos file
    ],
)
def test_egoweb_files_in_egors_order_or_ours(order: list[str], egor_shapes: Path) -> None:
    data = egor_shapes
    result = read_egor([data / "egoweb" / name for name in order], errors="collect")
    assert result.problems == ()
    assert counts(result) == (32, 508, 4112)


def test_openeddi_files_in_any_order(egor_shapes: Path) -> None:
    data = egor_shapes
    names = ["study_x_nameties.csv", "study_x_responses.csv", "study_x_namedetails.csv"]
    result = read_egor([data / "openeddi" / name for name in names], errors="collect")
    assert counts(result) == (32, 508, 4112)


def test_egors_own_example_data() -> None:
    """Opt-in: the same counts on egor's real ``inst/extdata`` files.

    egor's files are AGPL-3 and are not shipped here. To run this test, extract them
    (for example ``git archive HEAD inst/extdata | tar -x`` in a clone of
    github.com/tilltnet/egor) and name the folder:
    ``GRACE_SUPPORT_EGOR_EXTDATA=/path/to/inst/extdata pytest tests/test_egor_call_shapes.py``.
    It passed on 2026-12-06 against egor's inst/extdata at tilltnet/egor commit
    53493b1f08a0 (2025-10-31).
    """
    folder = os.environ.get(EXTDATA_VARIABLE)
    if not folder:
        pytest.skip(f"{EXTDATA_VARIABLE} is not set (the folder of egor's inst/extdata)")
    extdata = Path(folder)
    layouts = {
        ("egos_32.csv", "alters_32", "edges_32"): (32, 384, 1056),
        ("egoweb",): (32, 508, 4112),
        ("openeddi",): (32, 508, 4112),
        ("one_file_8.csv",): (16, 128, 448),
        ("one_file_8.csv", "alters_8.csv"): (16, 128, 448),
    }
    for source, expected in layouts.items():
        paths = [extdata / name for name in source]
        result = read_egor(paths[0] if len(paths) == 1 else paths, errors="collect")
        assert (result.problems, result.dropped) == ((), ()), source
        assert counts(result) == expected, source

    # the _ws three files (egor names the first ego "Stanley" in egos_ws.csv only)
    with tempfile.TemporaryDirectory() as tmp:
        study = Path(tmp)
        egos = (extdata / "egos_ws.csv").read_text(encoding="utf-8")
        (study / "egos_ws.csv").write_text(egos.replace('"Stanley"', '"1"'), encoding="utf-8")
        for name in ("alters_ws.csv", "edges_ws.csv"):
            shutil.copy(extdata / name, study / name)
        ws = read_egor(study, errors="collect")
        assert ws.ok
        assert counts(ws) == (3, 15, 30)
        zero = [t for n in ws.networks for t in n.ties if t.attributes.get("weight") == 0]
        assert len(zero) == 7

    mismatch = read_egor(
        [extdata / "two_files_8_egos.csv", extdata / "alters_8.csv"], layout="two-files",
        errors="collect",
    )  # fmt: skip
    assert len(mismatch.networks) == 16
    assert len(mismatch.problems) == 112
