"""cohort.shared_people: people named in several egos' networks, under keyed hashes."""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grace_support import Person, Relationship, SupportNetwork
from grace_support.cli import main

if TYPE_CHECKING:
    from pathlib import Path

pl = pytest.importorskip("polars")
pytest.importorskip("pyarrow")

from grace_support.cohort import shared_people, write_dataset  # noqa: E402

TYPES = ("emotional", "practical", "informational", "peer")
SECRET = b"clinic secret"


def client(ego: str, *people: tuple[Any, list[str] | None]) -> SupportNetwork:
    """A network whose people carry ``provider_id`` (None: not recorded)."""
    alters = []
    for i, (provider, supports) in enumerate(people):
        attributes = {} if provider is None else {"provider_id": provider}
        alters.append(
            (
                Person.model_validate({"id": f"p{i}", "attributes": attributes}),
                Relationship.model_validate(
                    {"person": f"p{i}", "role": "therapist", "supports": supports}
                ),
            )
        )
    return SupportNetwork.build(ego, alters)


def key_of(value: str) -> str:
    return hmac.new(SECRET, value.encode(), hashlib.sha256).hexdigest()


CLINIC = [
    client("ana", ("dr-1", ["informational"]), ("pw-7", ["peer", "emotional"])),
    client("ben", ("dr-1", ["informational", "emotional"]), ("pw-7", None)),
    # two of cy's people carry the same id: cy counts once for dr-1
    client("cy", ("dr-1", []), ("dr-1", ["practical"]), (None, ["emotional"])),
    client("dee", ("pw-8", ["peer"])),
]


def test_rows_counts_and_keys() -> None:
    table = shared_people(CLINIC, key="provider_id", secret=SECRET)
    assert table.columns == ["person_key", "n_egos", *(f"n_egos_{t}" for t in TYPES)]
    rows = {r["person_key"]: r for r in table.iter_rows(named=True)}
    assert set(rows) == {key_of("dr-1"), key_of("pw-7")}  # pw-8: one ego only
    dr = rows[key_of("dr-1")]
    assert (dr["n_egos"], dr["n_egos_emotional"], dr["n_egos_practical"]) == (3, 1, 1)
    assert dr["n_egos_informational"] == 2
    pw = rows[key_of("pw-7")]
    # ben did not record what pw-7 gives: counted in n_egos, in no type
    assert (pw["n_egos"], pw["n_egos_peer"], pw["n_egos_emotional"]) == (2, 1, 1)
    assert table["n_egos"].to_list() == [3, 2]  # most egos first


def test_raw_keys_only_with_names() -> None:
    hidden = shared_people(CLINIC, key="provider_id", secret=SECRET)
    text = hidden.write_csv() + repr(hidden)
    assert "dr-1" not in text
    assert "pw-7" not in text
    shown = shared_people(CLINIC, key="provider_id", secret=SECRET, names=True)
    assert shown.columns[:3] == ["person_key", "key", "n_egos"]
    assert shown["key"].to_list() == ["dr-1", "pw-7"]


def test_a_random_secret_per_call_without_one() -> None:
    first = shared_people(CLINIC, key="provider_id")["person_key"].to_list()
    second = shared_people(CLINIC, key="provider_id")["person_key"].to_list()
    assert set(first).isdisjoint(second)
    assert key_of("dr-1") not in first
    text = shared_people(CLINIC, key="provider_id", secret=SECRET.decode())
    assert text["person_key"].to_list() == [key_of("dr-1"), key_of("pw-7")]


def test_a_dataset_gives_the_same_table(tmp_path: Path) -> None:
    path = write_dataset(CLINIC, tmp_path / "clinic")
    assert shared_people(path, key="provider_id", secret=SECRET).equals(
        shared_people(CLINIC, key="provider_id", secret=SECRET)
    )


def test_numbers_and_min_egos() -> None:
    networks = [client("a", (17, ["peer"])), client("b", (17, [])), client("c", (17, None))]
    table = shared_people(networks, key="provider_id", secret=SECRET, names=True, min_egos=3)
    assert table.row(0) == (key_of("17"), "17", 3, 0, 0, 0, 1)
    assert shared_people(networks, key="provider_id", min_egos=4).height == 0


@pytest.mark.parametrize(
    ("key", "secret", "min_egos", "message"),
    [
        pytest.param("name", None, 2, "person attribute", id="built-in"),
        pytest.param("rel.since", None, 2, "person attribute", id="relationship-attribute"),
        pytest.param("", None, 2, "name of a person attribute", id="empty"),
        pytest.param("provider_id", b"", 2, "secret", id="empty-secret"),
        pytest.param("provider_id", None, 0, "min_egos", id="min-egos"),
    ],
)
def test_bad_arguments(key: str, secret: bytes | None, min_egos: int, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        shared_people(CLINIC, key=key, secret=secret, min_egos=min_egos)
    assert "dr-1" not in str(error.value)


def test_an_empty_cohort_or_an_unknown_key_gives_an_empty_table() -> None:
    table = shared_people([], key="provider_id")
    assert table.height == 0
    assert shared_people(CLINIC, key="provider_idd").height == 0
    assert table.columns == ["person_key", "n_egos", *(f"n_egos_{t}" for t in TYPES)]


providers = st.sampled_from(["a", "b", "c", None])
supports = st.none() | st.lists(st.sampled_from(TYPES), unique=True)
cohorts = st.lists(st.lists(st.tuples(providers, supports), max_size=5), max_size=6).map(
    lambda egos: [client(f"e{i}", *people) for i, people in enumerate(egos)]
)


@settings(max_examples=40, deadline=None)
@given(cohorts)
def test_equals_a_count_network_by_network(networks: list[SupportNetwork]) -> None:
    egos: dict[str, set[str]] = defaultdict(set)
    gives: dict[tuple[str, str], set[str]] = defaultdict(set)
    for network in networks:
        for person, relationship in network.alters:
            value = person.attributes.get("provider_id")
            if value is None:
                continue
            provider = str(value)
            egos[provider].add(network.ego.id)
            for t in relationship.supports or ():
                gives[provider, t.value].add(network.ego.id)
    want = {
        key_of(p): (len(e), *(len(gives[p, t]) for t in TYPES))
        for p, e in egos.items()
        if len(e) >= 2
    }
    table = shared_people(networks, key="provider_id", secret=SECRET)
    got = {row[0]: row[1:] for row in table.iter_rows()}
    assert got == want


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_dataset(CLINIC, tmp_path / "clinic")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET + b"\n")
    code = main(
        ["cohort", "shared", str(path), "--key", "provider_id", "--secret-file", str(secret)]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert (
        lines[0]
        == "person_key,n_egos,n_egos_emotional,n_egos_practical,n_egos_informational,n_egos_peer"
    )
    assert lines[1].startswith(key_of("dr-1") + ",3,")
    assert "dr-1" not in out
    code = main(["cohort", "shared", str(path), "--key", "provider_id"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "random secret" in err
    assert key_of("dr-1") not in out
    out_file = tmp_path / "shared.csv"
    code = main(["cohort", "shared", str(path), "--key", "provider_id", "--out", str(out_file)])
    out, err = capsys.readouterr()
    assert code == 0
    assert out_file.read_text().startswith("person_key,")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(["--key", "name"], 2, id="built-in-key"),
        pytest.param(["--key", "provider_id", "--secret-file", "MISSING"], 3, id="no-secret-file"),
        pytest.param(["--key", "provider_id", "--secret-file", "EMPTY"], 3, id="empty-secret"),
        pytest.param(["--key", "provider_id", "--out", "x.json"], 2, id="bad-out"),
    ],
)
def test_command_line_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int
) -> None:
    path = write_dataset(CLINIC, tmp_path / "clinic")
    (tmp_path / "EMPTY").write_bytes(b"\n")
    args = [str(tmp_path / a) if a in ("MISSING", "EMPTY") else a for a in args]
    assert main(["cohort", "shared", str(path), *args]) == code
    out, err = capsys.readouterr()
    assert "dr-1" not in out + err
