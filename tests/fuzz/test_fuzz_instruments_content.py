"""Fuzz: questionnaire scoring, answer files and content loaders raise documented errors only."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grace_support import DocumentError
from grace_support.content import Catalog, default_catalog
from grace_support.errors import InputError
from grace_support.instruments import INSTRUMENTS, ResponseError, score
from grace_support.instruments._io import read_respondents
from tests.fuzz._leaks import MARKER, assert_clean, assert_no_chain

if TYPE_CHECKING:
    from pathlib import Path

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

codes = (
    st.none()
    | st.integers(-3, 120)
    | st.floats()
    | st.booleans()
    | st.text(max_size=6).map(lambda s: s + MARKER)
    | st.lists(st.integers(), max_size=2)
)


@FUZZ
@given(
    instrument=st.sampled_from(sorted(INSTRUMENTS)),
    answers=st.lists(codes, max_size=25)
    | st.dictionaries(st.text(max_size=8).map(lambda s: MARKER + s), codes, max_size=4)
    | st.text(max_size=5).map(lambda s: s + MARKER)
    | st.integers()
    | st.none(),
    missing=st.sampled_from(["error", "prorate", f"{MARKER}"]),
    option=st.none() | st.tuples(st.text(max_size=5), st.text(max_size=5)),
)
@example(instrument="ucla3", answers={MARKER: 1}, missing="error", option=None)
@example(instrument="ucla3", answers=[1, 2, 3], missing="error", option=(MARKER, "x"))
@example(instrument="ucla3", answers=[1, 2, 3], missing="prorat", option=None)
@example(instrument="ucla3", answers=42, missing="error", option=None)
def test_score_raises_clean_response_errors(
    instrument: str, answers: Any, missing: str, option: tuple[str, str] | None
) -> None:
    options = {} if option is None else {option[0] + MARKER: option[1] + MARKER}
    try:
        score(instrument, answers, missing=missing, **options)  # type: ignore[arg-type]
    except ResponseError as error:
        assert_clean(error)
        assert_no_chain(error)


def test_unknown_instrument_is_not_echoed() -> None:
    with pytest.raises(ResponseError) as caught:
        score(MARKER, [1])
    assert_clean(caught.value)
    assert_no_chain(caught.value)


@FUZZ
@given(
    text=st.text(max_size=80).map(lambda s: s.replace("@", MARKER)),
    suffix=st.sampled_from([".json", ".csv"]),
)
@example(text='{"a": 1, "a": 2}', suffix=".json")
@example(text='[{"respondent": "@", "x": "@"}]', suffix=".json")
@example(text="respondent,a\n@,@\n", suffix=".csv")
def test_read_respondents_raises_clean_errors(
    tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("answers") / f"answers{suffix}"
    path.write_text(text.replace("@", MARKER), encoding="utf-8", errors="surrogatepass")
    try:
        respondents = read_respondents(str(path))
    except (ResponseError, InputError) as error:
        assert_clean(error)
        assert_no_chain(error)
        return
    for _, answers in respondents:
        try:
            score("ucla3", answers)
        except ResponseError as error:
            assert_clean(error)


def test_read_respondents_limits_and_files(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(InputError, match="larger than the limit of 4 bytes"):
        read_respondents(str(path), max_bytes=4)
    with pytest.raises(InputError, match="no such file"):
        read_respondents(str(tmp_path / "none.json"))
    with pytest.raises(InputError, match="folder"):
        read_respondents(str(tmp_path))
    big = tmp_path / "big.csv"
    big.write_bytes(b'a,b\n"' + MARKER.encode() * 20000 + b'",1\n')
    with pytest.raises(ResponseError) as caught:
        read_respondents(str(big))
    assert_clean(caught.value)


# -- content ---------------------------------------------------------------------------------

CATALOG = default_catalog()
HSDS = CATALOG.resources[0].to_hsds()
CATALOG_JSON = CATALOG.model_dump_json().replace("Free", MARKER)  # planted in values only


@FUZZ
@given(
    key=st.sampled_from(sorted(HSDS)),
    value=st.none()
    | st.integers()
    | st.text(max_size=8).map(lambda s: s + MARKER)
    | st.lists(st.text(max_size=3).map(lambda s: MARKER + s), max_size=2)
    | st.dictionaries(st.text(max_size=3), st.text(max_size=3).map(lambda s: MARKER + s)),
)
@example(key="assured_date", value=20240101)
def test_from_hsds_raises_clean_document_errors(key: str, value: Any) -> None:
    service = json.loads(json.dumps(HSDS)) | {key: value}
    try:
        Catalog.from_hsds([service])
    except DocumentError as error:
        assert_clean(error)
        assert_no_chain(error)


def test_from_hsds_refuses_two_kinds_and_repeated_ids() -> None:
    service = json.loads(json.dumps(HSDS))
    kind = next(a for a in service["attributes"] if a["taxonomy_term"]["code"].startswith("kind:"))
    second = json.loads(json.dumps(kind))
    second["taxonomy_term"]["code"] = "kind:hotline" if "hotline" not in kind else "kind:peer"
    service["attributes"].append(second)
    with pytest.raises(DocumentError, match="more than one grace-support kind"):
        Catalog.from_hsds([service])
    with pytest.raises(DocumentError, match="unique") as caught:
        Catalog.from_hsds([HSDS, HSDS])
    assert_no_chain(caught.value)


@FUZZ
@given(start=st.integers(0, len(CATALOG_JSON)), insert=st.sampled_from(["", '"', "{", ",", "1"]))
def test_catalog_from_json_raises_clean_document_errors(start: int, insert: str) -> None:
    # Edits never write the marker into a key: field names are places, and are named.
    text = CATALOG_JSON[:start] + insert + CATALOG_JSON[start + 3 :]
    try:
        Catalog.from_json(text)
    except DocumentError as error:
        assert_clean(error)
        assert_no_chain(error)


def test_catalog_from_json_files(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    text = CATALOG.model_dump_json()
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert Catalog.from_json(path) == CATALOG
    assert Catalog.from_json("\ufeff" + text) == CATALOG
    with pytest.raises(InputError, match="larger than the limit"):
        Catalog.from_json(path, max_bytes=100)
    with pytest.raises(InputError, match="no such file"):
        Catalog.from_json(tmp_path / "none.json")


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("mailto:help@example.org", True),
        ("tel:988", True),
        ("page.html", False),
        ("/root", False),
        ("//evil.example/x", False),
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("sms:988", False),
        ("https:/one-slash", False),
    ],
)
def test_to_html_keeps_only_absolute_safe_links(href: str, kept: bool) -> None:
    pytest.importorskip("nh3")
    pytest.importorskip("markdown_it")
    article = CATALOG.articles[0]
    data = article.model_dump(mode="json")
    data["sections"][0]["paragraphs"] = [f"[link]({href})"]
    html = type(article).model_validate(data).to_html()
    assert (f'href="{href}"' in html) is kept


def test_nan_is_not_a_number_answer() -> None:
    assert math.isnan(float("nan"))
    assert score("ucla3", [1, 2, float("nan")], missing="prorate").imputed == 1
