"""Fuzz: every way into a network document raises DocumentError only, and leaks nothing."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grace_support import (
    DocumentError,
    SupportNetwork,
    network_from_data,
    parse_network,
    read_network,
)
from tests.fuzz._leaks import MARKER, assert_clean, assert_no_chain
from tests.property.strategies import networks

if TYPE_CHECKING:
    from pathlib import Path

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def document() -> dict[str, Any]:
    """A valid document with the marker planted in every personal value."""
    return {
        "schema_version": 1,
        "ego": {"id": "ego", "name": f"{MARKER} Ego", "attributes": {"note": MARKER}},
        "people": [
            {"id": "a1", "name": f"{MARKER} A", "attributes": {"diagnosis": f"x {MARKER}"}},
            {"id": "b2", "name": f"{MARKER} B"},
        ],
        "relationships": [
            {"person": "a1", "role": "friend", "closeness": "inner", "supports": ["emotional"]},
            {"person": "b2", "role": "sibling", "closeness": "middle"},
        ],
        "ties": [["a1", "b2"]],
    }


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20).map(lambda s: s + MARKER),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)

PATHS = [
    ("ego", "id"),
    ("ego", "name"),
    ("people", 0, "id"),
    ("people", 0, "name"),
    ("people", 0, "attributes", "diagnosis"),
    ("relationships", 0, "person"),
    ("relationships", 0, "role"),
    ("relationships", 0, "supports"),
    ("relationships", 1, "last_contact"),
    ("ties", 0),
    ("ties", 0, 1),
    ("needs",),
    ("schema_version",),
    ("people",),
]


def planted(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = document()
    node: Any = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


def check(error: DocumentError) -> None:
    assert_clean(error)
    assert_no_chain(error)


@FUZZ
@given(path=st.sampled_from(PATHS), value=json_values)
def test_network_from_data_raises_clean_document_errors(
    path: tuple[str | int, ...], value: Any
) -> None:
    data = planted(path, value)
    try:
        network_from_data(data)
    except DocumentError as error:
        check(error)


@FUZZ
@given(path=st.sampled_from(PATHS), value=json_values, cut=st.integers(0, 400))
def test_parse_network_raises_clean_document_errors(
    path: tuple[str | int, ...], value: Any, cut: int
) -> None:
    text = json.dumps(planted(path, value))
    for candidate in (text, text[: len(text) - cut], text.encode("utf-8")[: -cut or None]):
        try:
            parse_network(candidate)
        except DocumentError as error:
            check(error)


@FUZZ
@given(data=st.binary(max_size=300))
@example(data=b"\xef\xbb\xbf{")
@example(data=b"\xff\xfe{\x00")
def test_parse_network_with_any_bytes(data: bytes) -> None:
    try:
        parse_network(data)
    except DocumentError as error:
        check(error)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '{"schema_version": 1, "ego": {"id": "e", "name": "@", "name": "@"}}', id="dup"
        ),
        pytest.param('{"schema_version": 1, "ego": {"id": "e"}, "ego": {"id": "@"}}', id="dup-top"),
        pytest.param(
            '{"schema_version": 1, "ego": {"id": "e", "attributes": {"a": "@", "a" : 2}}}',
            id="dup-spaced",
        ),
        pytest.param(
            '{"schema_version": 1, "ego": {"id": "e", "name": "x\\":", "name": "@"}}',
            id="dup-with-escaped-quote",
        ),
    ],
)
def test_duplicate_keys_are_refused(text: str) -> None:
    with pytest.raises(DocumentError, match="repeats a key") as caught:
        parse_network(text.replace("@", MARKER))
    check(caught.value)


def test_escaped_quotes_without_duplicates_still_parse() -> None:
    text = '{"schema_version": 1, "ego": {"id": "e", "name": "a\\": \\"b\\":"}}'
    assert parse_network(text).ego.name == 'a": "b":'


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", b""])
def test_bom_is_accepted(prefix: bytes, tmp_path: Path) -> None:
    body = json.dumps(document()).encode()
    assert parse_network(prefix + body).ego.id == "ego"
    assert parse_network((prefix + body).decode("utf-8")).ego.id == "ego"
    path = tmp_path / "net.json"
    path.write_bytes(prefix + body)
    assert read_network(path).ego.id == "ego"


@pytest.mark.parametrize(
    ("value", "ok"),
    [(2**53, True), (-(2**53), True), (2**53 + 1, False), (-(2**53) - 1, False), (10**30, False)],
)
def test_integers_beyond_2_53_are_refused(value: int, ok: bool) -> None:
    text = json.dumps(planted(("people", 0, "attributes", "diagnosis"), value))
    if ok:
        assert parse_network(text).people[0].attributes["diagnosis"] == value
        return
    with pytest.raises(DocumentError, match=r"people\[0\]\.attributes, attribute 1: .*2\^53"):
        parse_network(text)


def test_invalid_json_leaves_no_chain() -> None:
    text = json.dumps(document())[:-5]
    with pytest.raises(DocumentError, match="Invalid JSON") as caught:
        parse_network(text)
    check(caught.value)


def test_read_network_file_errors_are_clean(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps(document())[:-1], encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_network(path)
    check(caught.value)
    path.write_bytes(b'{"name": "\xff' + MARKER.encode() + b'"}')
    with pytest.raises(DocumentError) as caught:
        read_network(path)
    check(caught.value)


@FUZZ
@given(network=networks(max_people=6), indent=st.sampled_from([None, 2]), spaced=st.booleans())
def test_any_valid_document_parses_and_a_repeated_key_is_caught(
    network: SupportNetwork, indent: int | None, spaced: bool
) -> None:
    separators = (", ", " : ") if spaced else None
    text = json.dumps(network.to_document(), indent=indent, separators=separators)
    assert parse_network(text) == network
    repeated = re.sub(r'("ego"\s*:\s*\{)', r'\1"id": "x", ', text, count=1)
    with pytest.raises(DocumentError, match="repeats a key"):
        parse_network(repeated)
