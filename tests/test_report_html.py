"""The HTML report: contents, voices, names only on request, escaping of hostile text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from grace_support import Person, Relationship, SupportNetwork, assess
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.report import CRISIS_LINE, render_html, render_report
from grace_support.report.html import DOCS_URL, NOT_A_DIAGNOSIS
from grace_support.vocabulary import Closeness, Contact, Role
from tests.report_networks import SIZES, empty, generated, star

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&amp; </style>"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def _page(**options: object) -> str:
    network = example_network()
    return render_html(assess(network, as_of=EXAMPLE_AS_OF), network, **options)  # type: ignore[arg-type]


def test_render_report_takes_the_assessment_first() -> None:
    network = example_network()
    assert render_report(assess(network, as_of=EXAMPLE_AS_OF), network).endswith(CRISIS_LINE)


def test_the_old_order_of_render_report_still_works_with_a_warning() -> None:
    from grace_support.recommendations import recommend

    network = example_network()
    result = assess(network, as_of=EXAMPLE_AS_OF)
    with pytest.warns(DeprecationWarning, match="render_report"):
        old = render_report(network, result)  # type: ignore[arg-type]
    assert old == render_report(result, network, recommendations=False)
    with pytest.warns(DeprecationWarning, match="render_report"):
        given = render_report(network, result, recommend(result))  # type: ignore[arg-type]
    assert given == render_report(result, network)
    with pytest.warns(DeprecationWarning, match="render_report"):
        keyword = render_report(result, network, recommendations=recommend(result))
    assert keyword == given
    with pytest.raises(TypeError, match="Assessment"):
        render_report(network, network)  # type: ignore[arg-type]


def test_page_has_every_section_and_crisis_help_twice() -> None:
    page = _page()
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('href="tel:988"') >= 2
    assert page.index("crisis") < page.index("What is working")
    assert page.rindex('class="crisis"') > page.index("Measures")
    for heading in ("What is working", "What stands out", "Where to find help", "Measures"):
        assert heading in page
    assert NOT_A_DIAGNOSIS in page
    assert DOCS_URL in page
    assert "<svg" in page
    assert "Reconnect" in page  # the article's advice


def test_no_scripts_and_no_external_resources() -> None:
    page = _page()
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert "img" not in parser.tags
    assert not [a for a, _ in parser.attrs if a.startswith("on")]
    assert not [v for a, v in parser.attrs if a == "src"]
    assert "@import" not in page
    assert not re.search(r"url\(", page)


def test_names_only_on_request() -> None:
    assert "Maria" not in _page()
    assert "Ana" not in _page()
    named = _page(names=True)
    assert "Ana" in named
    assert "Maria" in _page(names=True, voice="clinician")


def test_voices() -> None:
    client = _page()
    clinician = _page(voice="clinician")
    assert "Your support network" in client
    assert "Your support network" not in clinician
    assert "<h1>Support network</h1>" in clinician  # never an id in a heading
    assert "maria" not in clinician.split("<main>")[0]
    assert "<h1>Support network of Maria</h1>" in _page(voice="clinician", names=True)
    with pytest.raises(ValueError, match="voice"):
        _page(voice="robot")


def test_recommendations_can_be_left_out() -> None:
    assert "Where to find help" not in _page(recommendations=False)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_text_from_the_document_is_escaped(hostile: str) -> None:
    network = SupportNetwork.build(
        Person(id="ego", name=hostile),
        [
            (
                Person(id="p1", name=hostile),
                Relationship(
                    person="p1",
                    role=Role.FRIEND,
                    closeness=Closeness.INNER,
                    contact=Contact.WEEKLY,
                ),
            )
        ],
    )
    for voice in ("client", "clinician"):
        page = render_html(assess(network, as_of="2026-11-25"), network, voice=voice, names=True)
        assert hostile not in page
        parser = _Tags()
        parser.feed(page)
        assert "script" not in parser.tags
        assert "img" not in parser.tags
        assert not [a for a, _ in parser.attrs if a.startswith("on")]


@pytest.mark.parametrize("network", [generated(n, seed=n) for n in SIZES] + [star(40), empty()])
def test_renders_for_every_size(network: SupportNetwork) -> None:
    page = render_html(assess(network, as_of="2026-11-25"), network)
    assert page.endswith("</html>\n")
