"""Notebook HTML summaries and the synthetic cohort."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import pytest

from grace_support import Attributes, Person, assess
from grace_support.demo import example_network
from grace_support.synthetic import cohort
from tests.helpers import net, rel

SECRET = "Zelda Quux-Secret"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_network_html_is_a_plain_escaped_table_without_names() -> None:
    network = net(rel("a", role="friend")).with_person(
        Person(id="x", name=SECRET, attributes=Attributes({"note": SECRET})), rel("x")
    )
    html = network._repr_html_()
    assert SECRET not in html
    tags = parse(html)
    assert tags.tags == {"table", "caption", "thead", "tbody", "tr", "th", "td"}
    assert tags.attributes == {"class"}
    assert "<td>friend</td>" in html


def test_html_escapes_text() -> None:
    network = net(rel("a", role="friend"), ego="e")
    html = network._repr_html_()
    assert "<script" not in html
    assert "Support network of e: 1 people, 0 ties" in html


def test_assessment_html_lists_measures_and_findings() -> None:
    html = assess(example_network(), as_of="2026-11-25")._repr_html_()
    tags = parse(html)
    assert tags.tags == {"table", "caption", "thead", "tbody", "tr", "th", "td"}
    assert "<td>support_counts.emotional</td><td>3</td>" in html
    assert "<td>missing-support</td><td>attention</td><td>peer</td>" in html
    assert "Maria" not in html


def test_cohort_is_reproducible_and_valid() -> None:
    first = cohort(25, seed=3)
    assert first == cohort(25, seed=3)
    assert first != cohort(25, seed=4)
    assert [n.ego.id for n in first[:3]] == ["ego0000", "ego0001", "ego0002"]
    assert cohort(0) == ()
    for network in first:
        assert len(network.people) <= 25
        assert all(set(p.attributes) == {"age_group", "gender"} for p in network.people)
        assert all(p.name is None for p in network.people)
        assess(network, as_of="2026-11-25")


def test_cohort_is_the_same_in_another_process() -> None:
    code = (
        "import hashlib; from grace_support.synthetic import cohort; "
        "text = ''.join(n.to_json() for n in cohort(5, seed=11)); "
        "print(hashlib.sha256(text.encode()).hexdigest())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_cohort_rejects_negative_n() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        cohort(-1)
