"""The words people read (issue 13): the whole source text, no invented year, Markdown
rendered alike everywhere, sources named once."""

from __future__ import annotations

import json
from typing import Any

import pytest

from grace_support.content import Article, default_catalog
from grace_support.content.article import plain_text

ARTICLE = default_catalog().article("role-of-social-support-in-recovery")


@pytest.mark.parametrize(
    "words",
    [
        "Compassionate Healing at Grace Health Services LLC",
        "isn\u2019t just about therapy and medication",
        "building supportive relationships is as essential to healing as clinical care",
        "oxytocin and serotonin",
        "Benefits of strong social support include:",
        "as part of your care plan",
        "We help clients build a diverse, stable support network",
        "real-life social resilience",
        "comprehensive care that includes emotional connection",
        "Recovery isn\u2019t a solo journey",
        "Contact us today",
    ],
)
def test_the_bundled_article_carries_the_whole_source_text(words: str) -> None:
    assert words in ARTICLE.to_text()
    assert words in ARTICLE.to_markdown()


def test_no_year_is_invented() -> None:
    assert ARTICLE.date_published is None
    assert ARTICLE.published_as == "Jun 2"
    assert " · Jun 2 · " in ARTICLE.to_text()
    for year in ("2024", "2025", "2026"):
        assert year not in ARTICLE.to_text()
    posting = ARTICLE.to_jsonld()["mainEntity"]
    assert "datePublished" not in posting


def _with(**changes: Any) -> Article:
    data = ARTICLE.model_dump(mode="json")
    data.update(changes)
    return Article.model_validate(data)


def test_a_full_date_is_shown_and_goes_to_jsonld() -> None:
    article = _with(published_as=None, date_published="2025-06-02")
    assert "June 2, 2025" in article.to_text()
    assert article.to_jsonld()["mainEntity"]["datePublished"] == "2025-06-02"


def test_the_date_as_shown_wins_over_the_full_date() -> None:
    article = _with(published_as="Jun 2", date_published="2025-06-02")
    assert " · Jun 2 · " in article.to_text()
    assert article.to_jsonld()["mainEntity"]["datePublished"] == "2025-06-02"


def test_no_date_at_all_is_allowed() -> None:
    article = _with(published_as=None, date_published=None)
    assert "By Moe Orabi · Grace Health Services LLC · 2 min read" in article.to_text()


MARKDOWN_ITEM = "**Call** the [warm line](https://example.org/warm) or `text` us"
PLAIN_ITEM = "Call the warm line (https://example.org/warm) or text us"


def _marked() -> Article:
    data = ARTICLE.model_dump(mode="json")
    data["sections"][0]["items"][0]["text"] = MARKDOWN_ITEM
    data["call_to_action"] = {"text": "Reach *us* at [Grace](https://example.org)"}
    return Article.model_validate(data)


def test_markdown_in_items_and_call_to_action_is_plain_in_text() -> None:
    text = _marked().to_text()
    assert PLAIN_ITEM in text
    assert "Reach us at Grace (https://example.org)" in text
    for mark in ("**", "](", "`"):
        assert mark not in text


def test_markdown_in_items_and_call_to_action_is_plain_in_jsonld() -> None:
    posting = _marked().to_jsonld()["mainEntity"]
    first = posting["hasPart"][0]["mainEntity"]["itemListElement"][0]
    assert first["text"] == PLAIN_ITEM
    assert posting["potentialAction"]["name"] == "Reach us at Grace (https://example.org)"
    assert "**" not in json.dumps(posting)


def test_markdown_in_items_renders_in_html() -> None:
    pytest.importorskip("nh3")
    pytest.importorskip("markdown_it")
    html = _marked().to_html()
    assert "<strong>Call</strong>" in html
    assert 'href="https://example.org/warm"' in html
    assert "**" not in html


def test_a_source_is_named_once() -> None:
    markdown = ARTICLE.to_markdown()
    assert "Mental Health America (Mental Health America)" not in markdown
    assert "Cleveland Clinic (Cleveland Clinic)" not in markdown
    # the publisher is still shown when it differs from the name
    assert "National Institute of Mental Health (NIMH) (U.S. National Institutes of Health)" in (
        markdown
    )
    # a list whose items all cite one source names it once, after the last item
    assert ARTICLE.to_text().count("(Mental Health America)") == 1


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("plain words", "plain words"),
        ("**bold** and __bold__", "bold and bold"),
        ("*em* and _em_", "em and em"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("[text](https://a.org)", "text (https://a.org)"),
        ("[https://a.org](https://a.org)", "https://a.org"),
        ("<https://a.org>", "https://a.org"),
        ("`code`", "code"),
        (r"\*not em\*", "*not em*"),
        ("call **988**", "call 988"),
    ],
)
def test_plain_text(markdown: str, plain: str) -> None:
    assert plain_text(markdown) == plain
