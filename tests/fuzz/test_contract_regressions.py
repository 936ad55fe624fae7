"""Each case of issue 25 (the contract at every entry point), as a regression test.

The registry run (``test_registry.py``) tries every entry point with hostile input;
these are the exact cases found by hand, kept so each stays fixed.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from grace_support import (
    Attributes,
    DocumentError,
    InputError,
    Person,
    Relationship,
    SupportNetwork,
    read_networks,
)
from grace_support._input import MAX_DEPTH, decode, loads_json, text_codec, whole_number
from grace_support.cli import main
from grace_support.demo import example_network
from grace_support.instruments import ResponseError
from grace_support.vocabulary import Closeness, Role
from tests.fuzz._leaks import MARKER, assert_clean, assert_no_chain
from tests.fuzz._special import IS_ROOT, device_node

DEEP = "[" * 100_000 + "]" * 100_000


def raised(call: Any, kind: type[BaseException] = DocumentError) -> BaseException:
    with pytest.raises(kind) as caught:
        call()
    assert_clean(caught.value)
    assert_no_chain(caught.value)
    return caught.value


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert MARKER.lower() not in err.lower()
    return code, out, err


# -- the shared input layer --------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "zlib_codec", "bz2_codec", "quopri", "base64", "hex"])
def test_only_text_encodings_decode(codec: str) -> None:
    assert text_codec(codec) is None
    error = raised(lambda: decode(MARKER.encode(), source="x.csv", encoding=codec))
    assert "not a text encoding" in str(error)


@pytest.mark.parametrize("codec", ["utf-8", "UTF8", "latin-1", "cp1252", "utf-16"])
def test_text_encodings_still_decode(codec: str) -> None:
    assert text_codec(codec) is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "repeats a key"),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "more than 64 deep"),
        (DEEP, "more than 64 deep"),
        ("[" + "9" * 5000 + "]", "longer than 1000 digits"),
        ("[NaN]", "NaN or Infinity"),
        (f'["{MARKER}"', "not valid JSON (line 1"),
    ],
)
def test_loads_json_refuses_with_a_place(text: str, message: str) -> None:
    error = raised(lambda: loads_json(text))
    assert message in str(error)


def test_loads_json_keeps_brackets_inside_strings() -> None:
    assert loads_json('{"a": "[[[[{{{{"}') == {"a": "[[[[{{{{"}
    assert loads_json(b'\xef\xbb\xbf[1, "\\"]"]') == [1, '"]']


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), (" -3 ", -3), ("+4", 4), ("9" * 1000, int("9" * 1000))]
    + [(bad, None) for bad in ["9" * 1001, "\u00b2", "\u0663", "1.0", "", "1e3", "0x1"]],
)
def test_whole_number(text: str, expected: int | None) -> None:
    assert whole_number(text) == expected


# -- personal data in error objects ------------------------------------------------------------


def response() -> dict[str, Any]:
    pytest.importorskip("fhir.resources")
    from grace_support.fhir import questionnaire_response

    return questionnaire_response("ucla3", [1, 2, 3]).model_dump(mode="json", exclude_none=True)


def test_score_response_keeps_no_chain() -> None:
    from grace_support.fhir import score_response

    data = response()
    data["status"] = [f"{MARKER} Doe"]
    raised(lambda: score_response(data), ResponseError)
    raised(lambda: score_response(json.dumps(data)[:-4] + MARKER), ResponseError)
    raised(lambda: score_response(b'{"x": "\xff' + MARKER.encode() + b'"}'), ResponseError)
    coded = response()
    coded["item"][0]["answer"] = [{"valueCoding": {"code": "\u00b2"}}]
    error = raised(lambda: score_response(coded), ResponseError)
    assert "\u00b2" not in str(error)


def test_fhir_unknown_keys_are_named_by_position() -> None:
    # A key FHIR does not define is the input's own word (found in review after the merges).
    from grace_support.fhir import network_from_observations, network_observations, score_response

    data = response()
    data[f"{MARKER}-mrn"] = 1
    error = raised(lambda: score_response(data), ResponseError)
    assert "unknown field" in str(error)
    bundle = network_observations(example_network()).model_dump(mode="json", exclude_none=True)
    bundle["entry"][1]["resource"][f"{MARKER}-dob"] = "x"
    raised(lambda: network_from_observations(bundle))


def test_shared_people_refuses_a_broken_json_key_cell_by_place(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from grace_support import Person, Relationship, SupportNetwork
    from grace_support.cohort import shared_people, write_dataset

    values: list[str | int | float | None] = [1, "two", 3.5]
    people = [
        (
            Person(id=f"p{i}", attributes=Attributes({f"{MARKER}key": v})),
            Relationship(person=f"p{i}"),
        )
        for i, v in enumerate(values)
    ]
    write_dataset([SupportNetwork.build("e", people)], tmp_path / "d")
    part = tmp_path / "d" / "alters" / "part-00000.parquet"
    table = pq.read_table(part)
    index = table.schema.get_field_index(f"{MARKER}key")
    field = table.schema.field(index)
    if not (field.metadata and field.metadata.get(b"grace_support.encoding") == b"json"):
        pytest.skip("the mixed column is not JSON-encoded in this layout")
    broken = pa.array([f'{{"{MARKER} broken'] * table.num_rows, type=field.type)
    pq.write_table(table.set_column(index, field, broken), part)
    error = raised(lambda: shared_people(tmp_path / "d", key=f"{MARKER}key"))
    assert "(an attribute)" in str(error)


@pytest.mark.parametrize("how", ["text", "mapping"])
def test_score_response_huge_and_deep(how: str) -> None:
    from grace_support.fhir import score_response

    data = response()
    data["item"][0]["answer"] = [{"valueInteger": 1}]
    text = json.dumps(data).replace('"valueInteger": 1', '"valueInteger": ' + "9" * 5000)
    raised(lambda: score_response(text), ResponseError)
    raised(lambda: score_response(DEEP), ResponseError)
    if how == "text":
        deep_items = json.dumps(data).replace('"item": [', '"item": [' + "[" * 5000, 1)
        raised(lambda: score_response(deep_items), ResponseError)
        return
    nested: Any = []
    for _ in range(5000):
        nested = [nested]
    data["item"] = nested
    raised(lambda: score_response(data), ResponseError)


def dataset(tmp_path: Path) -> Path:
    pytest.importorskip("pyarrow")
    pytest.importorskip("polars")
    from grace_support import cohort

    return cohort.write_dataset([example_network()], tmp_path / "dataset")


def test_a_manifest_that_is_not_utf8_leaves_no_chain(tmp_path: Path) -> None:
    from grace_support import cohort

    folder = dataset(tmp_path)
    (folder / "cohort.json").write_bytes(b'{"format": "\xff' + MARKER.encode() + b'"}')
    raised(lambda: cohort.validate(folder), InputError)
    (folder / "cohort.json").write_text(DEEP, "utf-8")
    raised(lambda: cohort.validate(folder), InputError)


def rewrite(folder: Path, table: str, change: Any) -> None:
    import pyarrow.parquet as pq

    file = folder / table / "part-00000.parquet"
    pq.write_table(change(pq.read_table(file)), file)


def test_parquet_column_names_are_not_echoed(tmp_path: Path) -> None:
    import pyarrow as pa

    from grace_support import cohort

    folder = dataset(tmp_path)
    rewrite(folder, "egos", lambda t: t.append_column(f"{MARKER} x", pa.array([1] * t.num_rows)))
    error = raised(lambda: cohort.validate(folder))
    assert "column 13 (an attribute)" in str(error)  # from 1, after the 12 of layout 2
    rewrite(folder, "egos", lambda t: t.drop_columns([f"{MARKER} x"]))
    rewrite(folder, "egos", lambda t: t.append_column(MARKER, pa.array([[1]] * t.num_rows)))
    raised(lambda: cohort.validate(folder))


@pytest.mark.parametrize(
    ("table", "column", "make"),
    [
        ("egos", "big", lambda pa, n: pa.array([2**64 - 1] * n, pa.uint64())),
        ("egos", "big", lambda pa, n: pa.array([-(2**62)] * n, pa.int64())),
        ("alters", "last_contact", lambda pa, n: pa.array([2**31 - 1] * n, pa.int32())),
        ("egos", "note", lambda pa, n: pa.array(["[" * 5000 + "]" * 5000] * n)),
    ],
)
def test_dataset_values_out_of_range_are_problems(
    tmp_path: Path, table: str, column: str, make: Any
) -> None:
    import pyarrow as pa

    from grace_support import cohort

    folder = dataset(tmp_path)

    def change(arrow: Any) -> Any:
        values = make(pa, arrow.num_rows)
        if column == "last_contact":
            values = values.cast(pa.date32())
            return arrow.set_column(arrow.schema.get_field_index(column), column, values)
        field = pa.field(column, values.type, metadata={b"grace_support.encoding": b"json"})
        return arrow.append_column(field if column == "note" else column, values)

    rewrite(folder, table, change)
    raised(lambda: cohort.validate(folder))
    raised(lambda: list(cohort.read_networks(folder)))


def test_a_large_integer_tie_weight_is_read(tmp_path: Path) -> None:
    import pyarrow as pa

    from grace_support import cohort

    folder = dataset(tmp_path)
    rewrite(
        folder,
        "ties",
        lambda t: t.set_column(
            t.schema.get_field_index("weight"), "weight", pa.array([2**62] * t.num_rows)
        ),
    )
    assert cohort.validate(folder).parts == 1


def test_write_dataset_where_nothing_can_be_written() -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("polars")
    from grace_support import cohort

    if not Path("/proc/self").exists():
        pytest.skip("no /proc here")
    raised(lambda: cohort.write_dataset([example_network()], "/proc/x"), InputError)


@pytest.mark.skipif(IS_ROOT, reason="root enters any folder")
def test_read_networks_in_a_folder_it_cannot_enter(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.jsonl").write_text("{}\n", "utf-8")
    locked.chmod(0)
    try:
        raised(lambda: read_networks(locked / "a.jsonl"), InputError)
    finally:
        locked.chmod(stat.S_IRWXU)


def test_json_lines_refuse_a_repeated_key_and_deep_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    line = example_network().to_json(indent=None)
    repeated = line.replace('"id":', f'"id": "{MARKER}", "id":', 1)
    path.write_text(f"{line}\n{repeated}\n{DEEP}\n", "utf-8")
    error = raised(lambda: read_networks(path))
    assert [p.location for p in error.problems] == ["line 2", "line 3"]  # type: ignore[attr-defined]
    assert "repeats a key" in str(error)
    result = read_networks(path, errors="collect")
    assert len(result.networks) == 1


# -- arguments ------------------------------------------------------------------------------


@pytest.mark.parametrize("before", [None, {"ego": {"id": MARKER}}, MARKER])
def test_compare_takes_networks(before: Any) -> None:
    from grace_support.change import compare

    raised(lambda: compare(before, example_network()), TypeError)


@pytest.mark.parametrize("match", [[MARKER], {MARKER: 3}, MARKER])
def test_compare_match_is_a_mapping_of_ids(match: Any) -> None:
    from grace_support.change import compare

    raised(lambda: compare(example_network(), example_network(), match=match), ValueError)


@pytest.mark.parametrize("mapping", [None, 3, {"role": MARKER, "closeness": [MARKER]}, {}])
def test_network_canvas_mapping_argument(tmp_path: Path, mapping: Any) -> None:
    from grace_support.importers import read_network_canvas_csv

    kind: type[BaseException] = TypeError if not isinstance(mapping, dict) else DocumentError
    raised(lambda: read_network_canvas_csv(tmp_path, mapping), kind)


def test_network_canvas_mapping_as_a_dict_works(tmp_path: Path) -> None:
    from grace_support.importers import read_network_canvas_csv

    error = raised(lambda: read_network_canvas_csv(tmp_path, {"role": "r", "closeness": "c"}))
    assert "has no Network Canvas" in str(error)  # the mapping was read; the folder is empty


@pytest.mark.parametrize("reader", ["egor", "persnet", "nc"])
def test_4300_digit_cells_are_not_a_value_error(tmp_path: Path, reader: str) -> None:
    from grace_support.importers import read_egor, read_persnet

    big = "9" * 5000
    if reader == "egor":
        (tmp_path / "egos.csv").write_text(f"egoID,age\n{big},{big}\n", "utf-8")
        (tmp_path / "alters.csv").write_text(f"egoID,alterID,age\n{big},{big},{big}\n", "utf-8")
        (tmp_path / "edges.csv").write_text(f"egoID,Source,Target\n{big},{big},{big}\n", "utf-8")
        read_egor(tmp_path, errors="collect")
    elif reader == "persnet":
        path = tmp_path / "p.csv"
        path.write_text(f"record_id,name1,age1,tie1\n{big},{big},{big},{big}\n", "utf-8")
        read_persnet(path, errors="collect")
    else:
        from tests.fuzz.registry import _nc_csv_table

        _nc_csv_table(tmp_path, big)


# -- writers -----------------------------------------------------------------------------------


def device(tmp_path: Path, name: str = "device") -> Path:
    return device_node(tmp_path, name)


def test_write_networks_never_replaces_a_device(tmp_path: Path) -> None:
    from grace_support import write_networks

    node = device(tmp_path)
    raised(lambda: write_networks([example_network()], node), InputError)
    assert stat.S_ISCHR(os.stat(node).st_mode)


@pytest.mark.parametrize("command", ["import", "report", "measure"])
def test_commands_never_replace_a_device(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    node = device(tmp_path, "out.csv")
    doc = tmp_path / "net.json"
    doc.write_text(example_network().to_json(), "utf-8")
    if command == "import":
        graph = tmp_path / "net.graphml"
        from grace_support.graphml import to_graphml

        graph.write_text(to_graphml(example_network()), "utf-8")
        argv = ["import", "graphml", str(graph), "--out", str(node)]
    elif command == "report":
        argv = ["report", str(doc), "--html", str(node)]
    else:
        folder = dataset(tmp_path)
        argv = ["cohort", "measure", str(folder), "--out", str(node)]
    code, _, err = run(capsys, *argv)
    assert code == 3, err
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_import_out_dash_writes_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from grace_support.graphml import to_graphml

    graph = tmp_path / "net.graphml"
    graph.write_text(to_graphml(example_network()), "utf-8")
    code, out, _ = run(capsys, "import", "graphml", str(graph), "--out", "-")
    assert code == 0
    assert SupportNetwork.model_validate_json(out.splitlines()[0]) == example_network()


# -- the command line --------------------------------------------------------------------------


def test_import_egor_of_a_device_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    node = device(tmp_path)
    code, _, err = run(capsys, "import", "egor", str(node), "--out", str(tmp_path / "o.jsonl"))
    assert code == 3, err


def test_import_tables_with_missing_files_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    files = [str(tmp_path / f"{n}.csv") for n in ("egos", "alters", "ties")]
    code, _, err = run(capsys, "import", "tables", *files, "--out", str(tmp_path / "o.jsonl"))
    assert code == 3, err
    assert not (tmp_path / "o.jsonl").exists()


def test_import_persnet_honours_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("record_id,name1\n1,Jos\u00e9\n".encode("cp1252"))
    out = str(tmp_path / "o.jsonl")
    code, _, err = run(capsys, "import", "persnet", str(path), "--out", out, "--errors", "collect")
    assert "utf-8" in err  # not UTF-8: refused by place
    code, _, err = run(
        capsys, "import", "persnet", str(path), "--out", out, "--encoding", "cp1252", "--errors",
        "collect",
    )  # fmt: skip
    assert "utf-8" not in err
    code, _, err = run(capsys, "import", "persnet", str(path), "--out", out, "--encoding", "rot13")
    assert code == 2
    assert "not a text encoding" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "NET", "NET", "--match", "DEEP"],
        ["fhir", "score", "DEEP"],
        ["import", "egor", "FOLDER", "--mapping", "DEEP", "--out", "OUT"],
    ],
)
def test_deep_json_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    if argv[0] == "fhir":
        pytest.importorskip("fhir.resources")
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, "utf-8")
    net = tmp_path / "net.json"
    net.write_text(example_network().to_json(), "utf-8")
    names = {"NET": net, "DEEP": deep, "FOLDER": tmp_path, "OUT": tmp_path / "o.jsonl"}
    code, _, err = run(capsys, *[str(names.get(a, a)) for a in argv])
    assert code in (1, 2), err
    assert "unexpected" not in err
    assert "64 deep" in err


def test_report_accepts_max_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    net = tmp_path / "net.json"
    net.write_text(example_network().to_json(), "utf-8")
    out = str(tmp_path / "r.html")
    code, _, err = run(capsys, "report", str(net), "--html", out, "--max-bytes", "10")
    assert code == 3
    assert "larger than the limit of 10 bytes" in err
    assert run(capsys, "report", str(net), "--html", out, "--max-bytes", "1M")[0] == 0


# -- output ------------------------------------------------------------------------------------

HOSTILE_NAME = "Ana\x1b]0;owned\x07\x1b[2J\u202e\x9b31m\u2066\x00"


def renamed() -> tuple[SupportNetwork, SupportNetwork]:
    before = example_network()
    person = before.people[0]
    after = before.model_copy(
        update={
            "people": (
                Person(id=person.id, name=HOSTILE_NAME),
                *before.people[1:],
                Person(id="new", name=HOSTILE_NAME),
            ),
            "relationships": (
                *before.relationships,
                Relationship(person="new", role=Role.FRIEND, closeness=Closeness.INNER),
            ),
        }
    )
    return before, SupportNetwork.model_validate(after.model_dump())


def test_compare_text_with_names_is_neutralised() -> None:
    from grace_support.change import compare

    before, after = renamed()
    text = compare(before, after).to_text(names=True)
    assert "Ana\ufffd" in text
    assert not any(c in text for c in "\x1b\x07\x9b\u202e\u2066\x00")


def test_compare_names_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before, after = renamed()
    (tmp_path / "b.json").write_text(before.to_json(), "utf-8")
    (tmp_path / "a.json").write_text(after.to_json(), "utf-8")
    code, out, _ = run(
        capsys, "compare", str(tmp_path / "b.json"), str(tmp_path / "a.json"), "--names"
    )
    assert code == 0
    assert "Ana\ufffd" in out
    assert not any(c in out for c in "\x1b\x07\x9b\u202e\u2066\x00")


def test_html_with_names_neutralises_bidi_and_nul() -> None:
    from grace_support import assess
    from grace_support.report import render_html

    _, network = renamed()
    page = render_html(assess(network, as_of="2026-11-25"), network, names=True)
    assert "Ana\ufffd" in page
    assert not any(c in page for c in "\x00\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069")


def test_the_roster_escapes_formula_cells() -> None:
    import csv
    import io

    from grace_support.change import to_network_canvas_roster

    network = example_network()
    person = network.people[0]
    hostile = network.model_copy(
        update={
            "people": (
                Person(id=person.id, name='=HYPERLINK("http://x","y")'),
                *network.people[1:],
            )
        }
    )
    rows = list(csv.reader(io.StringIO(to_network_canvas_roster(hostile), newline="")))
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x","y")' in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


# -- keys --------------------------------------------------------------------------------------


def test_model_errors_name_chosen_keys_by_position() -> None:
    from pydantic import ValidationError

    from grace_support import Settings

    cases: list[tuple[Any, str]] = [
        (lambda: Settings.model_validate({"dormant_after_days": 3, MARKER: 1}), "unknown field 2"),
        (lambda: Person(id="p", attributes={"ok": 1, f"{MARKER} x": 1}), "attribute 2"),  # type: ignore[arg-type]
        (lambda: Person.model_validate({"id": "p", "attributes": {MARKER: [1]}}), "attribute 1"),
        (
            lambda: SupportNetwork.model_validate_json(
                json.dumps({"ego": {"id": "e", "attributes": {"a": 1, MARKER: [1]}}})
            ),
            "attribute 2",
        ),
    ]
    for build, place in cases:
        with pytest.raises(ValidationError) as caught:
            build()
        assert_clean(caught.value)
        assert_no_chain(caught.value)
        assert f"<{place}>" in str(caught.value)


def test_document_errors_name_chosen_keys_by_position() -> None:
    from grace_support import network_from_data, parse_network

    data = example_network().model_dump(mode="json")
    data["ego"][MARKER] = 1
    data["people"][1]["attributes"] = {"fine": 1, f"{MARKER}!": 2}
    for read in (lambda: network_from_data(data), lambda: parse_network(json.dumps(data))):
        error = raised(read)
        places = [p.location for p in error.problems]  # type: ignore[attr-defined]
        assert "people[1].attributes, attribute 2 (the name)" in places
        assert any(place.startswith("ego, unknown field") for place in places)


@pytest.mark.parametrize("reader", ["egor", "persnet"])
def test_csv_headers_that_are_not_variable_names_are_named_by_place(
    tmp_path: Path, reader: str
) -> None:
    from grace_support.importers import read_egor, read_persnet

    header = f"{MARKER} Ana"
    if reader == "egor":
        (tmp_path / "egos.csv").write_text(f"egoID,{header}\ne1,3\n", "utf-8")
        (tmp_path / "alters.csv").write_text(f"egoID,alterID,{header}\ne1,a1,4\n", "utf-8")
        (tmp_path / "edges.csv").write_text("egoID,Source,Target\n", "utf-8")
        result = read_egor(tmp_path, errors="collect")
    else:
        path = tmp_path / "p.csv"
        path.write_text(f"record_id,name1,{header}\n1,Ana,3\n", "utf-8")
        result = read_persnet(path, errors="collect")
    assert result.problems
    for problem in (*result.problems, *result.dropped):
        assert MARKER.lower() not in str(problem).lower()
