"""Every registered entry point, held to one contract (docs/errors.md).

For each entry of ``tests/fuzz/registry.py`` and each hostile input it can take: only
documented exceptions escape; the planted marker is in no part of an error (message,
args, ``errors()``, notes, chain), nor in a warning or a log record; the error has no
``__cause__``/``__context__``; nothing hangs on a FIFO or a device; writers never
replace what is not a regular file. Every command exits 0, 1, 2 or 3 without a
traceback. Inputs are few and fixed (plus a small Hypothesis run), to keep CI short.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import logging
import os
import signal
import socket
import stat
import subprocess
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grace_support.cli import main
from grace_support.cli._main import COMMAND_MODULES, _parser
from tests.fuzz._leaks import MARKER, assert_clean, assert_no_chain
from tests.fuzz._special import device_node, fifo
from tests.fuzz.registry import COMMANDS, ENTRIES, EXEMPT, MODULES, Entry, entry_names

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ROOT = Path(__file__).parents[2]
SECONDS = 30
"""Any single call taking longer than this counts as a hang (a FIFO read, /dev/zero)."""


# -- the registry is complete -----------------------------------------------------------------


def public_names() -> set[str]:
    names: set[str] = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            names.add(f"{module_name}.{name}")
            value = getattr(module, name)
            if inspect.isclass(value):
                for method in vars(value):
                    if method.startswith("from_") and not method.startswith("from_orm"):
                        names.add(f"{module_name}.{name}.{method}")
    return names


def test_every_public_name_is_registered_or_exempted() -> None:
    missing = sorted(public_names() - entry_names() - set(EXEMPT))
    assert not missing, f"register these in tests/fuzz/registry.py (or exempt them): {missing}"


def test_the_registry_names_only_what_exists() -> None:
    stale = sorted((entry_names() | set(EXEMPT)) - public_names())
    assert not stale, f"no longer public, remove from tests/fuzz/registry.py: {stale}"
    assert all(reason.strip() for reason in EXEMPT.values())


def test_every_command_is_registered() -> None:
    parser = _parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert len(COMMAND_MODULES) >= 9
    assert commands.choices is not None
    assert set(commands.choices) == set(COMMANDS)


def test_every_entry_declares_a_way_in() -> None:
    for entry in ENTRIES:
        assert entry.path or entry.text or entry.data or entry.table or entry.write, entry.name


# -- the contract ----------------------------------------------------------------------------


class Hang(BaseException):
    """Raised by the alarm: a call took longer than SECONDS."""


@contextlib.contextmanager
def deadline() -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(f"{record.getMessage()} {record.args!r}")


def held_to_contract(entry: Entry, call: Callable[[], object]) -> BaseException | None:
    """Call; fail on a hang, an undocumented exception, a leak or a chain. The error, if any."""
    handler = _Records()
    logging.getLogger().addHandler(handler)
    caught: BaseException | None = None
    try:
        with warnings.catch_warnings(record=True) as seen, deadline():
            warnings.simplefilter("always")
            try:
                call()
            except Hang:
                pytest.fail(f"{entry.name} did not return within {SECONDS} s (a hang)")
            except BaseException as error:
                caught = error
    finally:
        logging.getLogger().removeHandler(handler)
    for warning in seen:
        assert MARKER.lower() not in str(warning.message).lower(), f"{entry.name}: warning leak"
    for text in handler.texts:
        assert MARKER.lower() not in text.lower(), f"{entry.name}: log record leak"
    if caught is None:
        return None
    assert isinstance(caught, entry.errors), (
        f"{entry.name} raised an undocumented {type(caught).__name__}"
    )
    assert_clean(caught)
    assert_no_chain(caught)
    return caught


def available(entry: Entry) -> bool:
    return all(importlib.util.find_spec(name.split(".")[0]) for name in entry.extra)


def entries(kind: str) -> list[Any]:
    return [
        pytest.param(entry, id=entry.name) for entry in ENTRIES if getattr(entry, kind) is not None
    ]


def deep_list(depth: int) -> Any:
    value: Any = [MARKER]
    for _ in range(depth):
        value = [value]
    return value


def deep_dict(depth: int) -> Any:
    value: Any = {"id": MARKER}
    for _ in range(depth):
        value = {"item": value}
    return value


def document(**ego: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "ego": {"id": "ego", "name": f"{MARKER} Ego", **ego},
        "people": [{"id": "a1", "name": f"{MARKER} A", "attributes": {"note": MARKER}}],
        "relationships": [{"person": "a1", "role": "friend", "closeness": "inner"}],
    }


TEXTS: dict[str, str] = {
    "deep-list": "[" * 50_000 + "]" * 50_000,
    "deep-object": '{"a": ' * 50_000 + "1" + "}" * 50_000,
    "huge-number": json.dumps(document()).replace('"inner"', "9" * 5000),
    "huge-attribute": json.dumps(document(attributes={"n": 1})).replace(
        ": 1}", ": " + "9" * 5000 + "}"
    ),
    "repeated-key": json.dumps(document()).replace('"name":', f'"name": "{MARKER}", "name":', 1),
    "long-string": json.dumps(document(name=MARKER * 30_000)),
    "bad-ids": json.dumps(document(id=f"{MARKER} !\x1b[2J\u202e")),
    "not-json": f"{{{MARKER}",
    "jsonl": json.dumps(document(id=f"{MARKER} !")) + "\n" + json.dumps(document()) + "\n",
    "fhir": json.dumps(
        {
            "resourceType": "QuestionnaireResponse",
            "status": [MARKER],
            "questionnaire": MARKER,
            "item": [{"linkId": MARKER, "answer": [{"valueCoding": {"code": "\u00b2"}}]}],
        }
    ),
}
DATA: dict[str, Callable[[], Any]] = {
    "deep-list": lambda: deep_list(5000),
    "deep-dict": lambda: deep_dict(5000),
    "huge-int": lambda: 10**5000,
    "huge-ints": lambda: [10**5000, -(10**5000)],
    "marker": lambda: MARKER,
    "marker-list": lambda: [MARKER, f"{MARKER}=1"],
    "marker-mapping": lambda: {MARKER: MARKER, "id": MARKER},
    "document": lambda: document(id=f"{MARKER} !"),
    "none": lambda: None,
    "not-a-day": lambda: "2026-02-30",
    "float": lambda: float("nan"),
    "object": object,
}
CELLS: dict[str, str] = {
    "marker": MARKER,
    "huge-number": "9" * 5000,
    "huge-negative": "-" + "9" * 5000,
    "long": MARKER * 5000,
    "superscript": "\u00b2" + MARKER,
    "overflow": "1e999",
    "escape": "\x1b[2J\u202e" + MARKER,
    "formula": '=HYPERLINK("x")' + MARKER,
    "json-deep": "[" * 5000 + "]" * 5000,
}


@pytest.mark.parametrize("payload", sorted(TEXTS))
@pytest.mark.parametrize("entry", entries("text"))
def test_text_entries(entry: Entry, payload: str) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    assert entry.text is not None
    held_to_contract(entry, lambda: entry.text(TEXTS[payload]))  # type: ignore[misc]


@pytest.mark.parametrize("payload", sorted(DATA))
@pytest.mark.parametrize("entry", entries("data"))
def test_data_entries(entry: Entry, payload: str) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    assert entry.data is not None
    value = DATA[payload]()
    held_to_contract(entry, lambda: entry.data(value))  # type: ignore[misc]


@pytest.mark.parametrize("cell", sorted(CELLS))
@pytest.mark.parametrize("entry", entries("table"))
def test_table_entries(entry: Entry, cell: str, tmp_path: Path) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    assert entry.table is not None
    held_to_contract(entry, lambda: entry.table(tmp_path, CELLS[cell]))  # type: ignore[misc]


def special_folder(folder: Path, make: Callable[[Path, str], Path]) -> Path:
    """A folder whose expected files are all FIFOs or devices."""
    target = folder / "special"
    target.mkdir()
    for name in ("egos.csv", "alters.csv", "ties.csv", "edges.csv", "cohort.json", "P01_ego.csv"):
        make(target, name)
    for table in ("egos", "alters", "ties"):
        (target / table).mkdir()
        make(target / table, "part-00000.parquet")
    (target / "cohort.json").unlink()
    (target / "cohort.json").write_text(
        '{"format": "grace-support-cohort", "version": 1, "parts": 1}'
    )
    return target


PATHS = ["missing", "fifo", "device", "folder", "bad-utf8", "fifo-inside", "device-inside"]


@pytest.mark.parametrize("kind", PATHS)
@pytest.mark.parametrize("entry", entries("path"))
def test_path_entries_on_special_files(entry: Entry, kind: str, tmp_path: Path) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    if kind in ("fifo", "device") and entry.folder:
        kind += "-inside"
    path = {
        "missing": lambda: tmp_path / "none.json",
        "fifo": lambda: fifo(tmp_path),
        "device": lambda: device_node(tmp_path),
        "folder": lambda: tmp_path,
        "bad-utf8": lambda: _write(
            tmp_path / "bad.json", b'{"ego": {"id": "\xff' + MARKER.encode() + b'"}}'
        ),
        "fifo-inside": lambda: special_folder(tmp_path, fifo),
        "device-inside": lambda: special_folder(tmp_path, device_node),
    }[kind]()
    assert entry.path is not None
    held_to_contract(entry, lambda: entry.path(path))  # type: ignore[misc]


@pytest.mark.parametrize("payload", sorted(TEXTS))
@pytest.mark.parametrize("entry", [e for e in entries("path") if not e.values[0].folder])
def test_path_entries_on_hostile_files(entry: Entry, payload: str, tmp_path: Path) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    path = _write(tmp_path / "input.json", TEXTS[payload].encode())
    assert entry.path is not None
    held_to_contract(entry, lambda: entry.path(path))  # type: ignore[misc]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def unix_socket(folder: Path) -> Path:
    path = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def full_folder(folder: Path) -> Path:
    target = folder / "folder"
    target.mkdir()
    (target / "keep.txt").write_text("mine", "utf-8")
    return target


@pytest.mark.parametrize("kind", ["fifo", "device", "socket", "folder"])
@pytest.mark.parametrize("entry", entries("write"))
def test_writers_never_replace_what_is_not_a_regular_file(
    entry: Entry, kind: str, tmp_path: Path
) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    make = {"fifo": fifo, "device": device_node, "socket": unix_socket, "folder": full_folder}
    target = make[kind](tmp_path)
    before = os.stat(target)
    assert entry.write is not None
    error = held_to_contract(entry, lambda: entry.write(target))  # type: ignore[misc]
    assert error is not None, f"{entry.name} wrote to a {kind}"
    after = os.stat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.parametrize("entry", entries("write"))
def test_writers_still_write_regular_files(entry: Entry, tmp_path: Path) -> None:
    if not available(entry):
        pytest.skip("optional extra not installed")
    target = tmp_path / "out.jsonl"
    assert entry.write is not None
    held_to_contract(entry, lambda: entry.write(target))  # type: ignore[misc]
    assert target.exists()


# -- Hypothesis: any text to every text entry ------------------------------------------------

FEW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FEW
@given(
    entry=st.sampled_from([e for e in ENTRIES if e.text is not None and available(e)]),
    text=st.text(max_size=60).map(lambda s: s.replace("@", MARKER)),
    wrap=st.sampled_from(["{0}", "[{0}]", '{{"a": "{0}"}}', "{0}{0}"]),
)
def test_any_text_to_any_text_entry(entry: Entry, text: str, wrap: str) -> None:
    held_to_contract(entry, lambda: entry.text(wrap.format(text)))  # type: ignore[misc]


# -- the command line ------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    with deadline():
        try:
            code = main(argv)
        except SystemExit as stop:
            code = int(stop.code or 0)
        except Hang:
            pytest.fail(f"{argv[0]} did not finish within {SECONDS} s")
    out, err = capsys.readouterr()
    return code, out, err


CLI_INPUTS = ["missing", "fifo", "device", "folder", "deep", "huge-number", "bad-ids"]


@pytest.mark.parametrize("kind", CLI_INPUTS)
@pytest.mark.parametrize("command", sorted(c for c, v in COMMANDS.items() if callable(v)))
def test_commands_with_hostile_inputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, kind: str
) -> None:
    argv = COMMANDS[command]
    assert callable(argv)
    path = {
        "missing": lambda: tmp_path / "none.json",
        "fifo": lambda: fifo(tmp_path),
        "device": lambda: device_node(tmp_path),
        "folder": lambda: full_folder(tmp_path),
        "deep": lambda: _write(tmp_path / "deep.json", TEXTS["deep-list"].encode()),
        "huge-number": lambda: _write(tmp_path / "n.json", TEXTS["huge-attribute"].encode()),
        "bad-ids": lambda: _write(tmp_path / "b.json", TEXTS["bad-ids"].encode()),
    }[kind]()
    code, out, err = run(capsys, argv(path))
    assert code in (0, 1, 2, 3), err
    assert "Traceback" not in out + err
    assert "unexpected" not in err, err
    assert MARKER.lower() not in err.lower()
    if code:
        assert MARKER.lower() not in out.lower()
    if kind in ("missing", "fifo", "device", "folder"):
        assert code == 3 or (command == "cohort" and kind == "folder" and code == 3), err


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "tables", "IN", "--out", "TARGET"],
        ["report", "IN", "--html", "TARGET"],
    ],
)
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_command_writers_refuse_special_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], kind: str
) -> None:
    from grace_support.demo import example_network

    doc = tmp_path / "net.json"
    doc.write_text(example_network().to_json(), "utf-8")
    for name in ("egos", "alters", "ties"):
        (tmp_path / f"{name}.csv").write_text("ego_id,alter_id,alter_a,alter_b\n", "utf-8")
    make = {"fifo": fifo, "device": device_node, "folder": full_folder}
    target = make[kind](tmp_path)
    before = os.stat(target)
    source = str(tmp_path) if argv[0] == "import" else str(doc)
    args = [source if a == "IN" else str(target) if a == "TARGET" else a for a in argv]
    code, _, err = run(capsys, args)
    assert code == 3, err
    after = os.stat(target)
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (
        stat.S_IFMT(before.st_mode),
        before.st_ino,
    )


def test_out_dash_writes_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from grace_support.demo import example_network

    doc = tmp_path / "net.json"
    doc.write_text(example_network().to_json(), "utf-8")
    code, out, _ = run(capsys, ["report", str(doc), "--html", "-"])
    assert code == 0
    assert out.lstrip().startswith("<!DOCTYPE html>") or "<html" in out


def test_closed_stdout_exits_3_without_a_traceback() -> None:
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    command = f'"{sys.executable}" -m grace_support schema network >&-'
    proc = subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 3
    assert b"Traceback" not in proc.stderr
    assert b"standard output is closed" in proc.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_with_standard_output_closed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
) -> None:
    from grace_support.demo import example_network

    doc = tmp_path / "net.json"
    doc.write_text(example_network().to_json(), "utf-8")
    argv = COMMANDS[command]
    args = argv(doc) if callable(argv) else [command]
    monkeypatch.setattr(sys, "stdout", None)  # as when started with `>&-`
    with deadline():
        try:
            code = main(args)
        except SystemExit as stop:
            code = int(stop.code or 0)
    err = capsys.readouterr().err
    assert code in (0, 1, 2, 3), err
    assert "Traceback" not in err
    assert "unexpected" not in err, err
