"""The bundled article carries the clinic's whole text, and names each source once."""

from __future__ import annotations

import pytest

from grace_support.content import default_catalog

ARTICLE = default_catalog().article("role-of-social-support-in-recovery")
TEXT = ARTICLE.to_text()

SENTENCES = [
    "Mental health recovery isn\u2019t just about therapy and medication",
    "building supportive relationships is as essential to healing as clinical care.",
    "our brains release chemicals like oxytocin and serotonin",
    "We help clients build a diverse, stable support network to reinforce recovery.",
    "At Grace, we work with clients on both clinical treatment and real-life social resilience.",
    "we believe in comprehensive care that includes emotional connection.",
    "Contact us today",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_source_text_is_all_there(sentence: str) -> None:
    assert sentence in TEXT


def test_a_source_is_named_once() -> None:
    assert "Mental Health America (Mental Health America)" not in ARTICLE.to_markdown()
    assert "Cleveland Clinic (Cleveland Clinic)" not in ARTICLE.to_markdown()
