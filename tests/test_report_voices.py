"""Both voices, all the way through: the client is spoken to, the clinician reads about them.

Every finding code (with each variant of its text) and every piece of advice is
rendered in both voices: the clinician voice has no "you" or "your", and the
client voice has no third-person phrasing about the person.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from grace_support import FindingCode, SupportType, assess
from grace_support.assessment.models import Finding, Settings, Severity
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.documents import read_network
from grace_support.report import render_html, render_report
from grace_support.report._words import ADVICE, FINDINGS, Words
from grace_support.vocabulary import ActionId
from tests.helpers import net, rel
from tests.report_networks import generated

ROOT = Path(__file__).resolve().parents[1]
SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)
# third-person phrasing about the person (the client voice never uses it; "they" may
# still stand for someone else, e.g. a provider "not available")
THIRD_PERSON = re.compile(r"\b(the person|the person's|their network|them|Maria)\b")

# the network the findings below are about: a lost and an old close tie
NETWORK = net(
    rel("lost", role="friend", closeness="inner", contact="lost_touch"),
    rel("old", role="sibling", closeness="middle", contact="weekly", last_contact="2026-01-02"),
    rel("far", role="friend", closeness="outer"),
)


def _finding(code: FindingCode, **fields: object) -> Finding:
    return Finding(code=code, severity=Severity.INFO, message="-", actions=(), **fields)  # type: ignore[arg-type]


FINDING_CASES: list[tuple[str, Finding, int]] = [
    *(
        (f"{code.value}-{t.value}", _finding(code, support_type=t), 3)
        for code in (FindingCode.MISSING_SUPPORT, FindingCode.SINGLE_PROVIDER)
        for t in SupportType
    ),
    ("over-reliance", _finding(FindingCode.OVER_RELIANCE, people=("far",)), 3),
    ("strained-tie", _finding(FindingCode.STRAINED_TIE, people=("far",)), 3),
    ("dormant-tie-lost", _finding(FindingCode.DORMANT_TIE, people=("lost",)), 3),
    ("dormant-tie-old", _finding(FindingCode.DORMANT_TIE, people=("old",)), 3),
    ("no-professional-care", _finding(FindingCode.NO_PROFESSIONAL_CARE), 3),
    ("no-personal-support", _finding(FindingCode.NO_PERSONAL_SUPPORT), 3),
    ("small-network-0", _finding(FindingCode.SMALL_NETWORK), 0),
    ("small-network-1", _finding(FindingCode.SMALL_NETWORK), 1),
    ("small-network-2", _finding(FindingCode.SMALL_NETWORK), 2),
]
VOICES = [Words("client"), Words("clinician", "Maria"), Words("clinician")]


def test_every_finding_code_has_a_case_and_a_text() -> None:
    assert {f.code for _, f, _ in FINDING_CASES} == set(FindingCode)
    assert {key.split(":")[0] for key in FINDINGS} == {code.value for code in FindingCode}
    assert set(ADVICE) == set(ActionId)


@pytest.mark.parametrize(
    ("name", "finding", "active"), FINDING_CASES, ids=[c[0] for c in FINDING_CASES]
)
def test_every_finding_in_both_voices(name: str, finding: Finding, active: int) -> None:
    said = [
        words.finding(finding, network=NETWORK, settings=Settings(), active=active)
        for words in VOICES
    ]
    client, named, unnamed = said
    assert SECOND_PERSON.search(client) or finding.code is FindingCode.STRAINED_TIE
    assert not THIRD_PERSON.search(client), client
    for text in (named, unnamed):
        assert not SECOND_PERSON.search(text), text
    assert "Maria" in named or "Maria" not in unnamed
    assert "Maria" not in unnamed
    assert "{" not in "".join(said)  # every placeholder filled
    if finding.support_type is not None:
        assert all(finding.support_type.value in text for text in said)


def test_the_client_text_is_the_assessments_message() -> None:
    """The report layer says what the assessment says, in the client voice."""
    network = example_network()
    result = assess(network, as_of=EXAMPLE_AS_OF)
    words = Words("client")
    for finding in result.findings:
        said = words.finding(
            finding, network=network, settings=result.settings, active=result.measures.active_size
        )
        assert said == finding.message


@pytest.mark.parametrize("action", list(ActionId))
def test_every_advice_in_both_voices(action: ActionId) -> None:
    client, named, unnamed = (words.advice(action) for words in VOICES)
    assert client == action.advice
    assert not THIRD_PERSON.search(client)
    for text in (named, unnamed):
        assert not SECOND_PERSON.search(text), text
        assert "{" not in text
    assert "Maria" not in unnamed


def test_headings_never_show_an_id() -> None:
    assert Words("client").title() == "Your support network"
    assert Words("clinician").title() == "Support network"
    assert Words("clinician", "Maria").title() == "Support network of Maria"
    with pytest.raises(ValueError, match="voice"):
        Words("robot")  # type: ignore[arg-type]


class _Text(HTMLParser):
    """The text a reader sees (no tags, no styles, no SVG)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _visible(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def _networks() -> list[tuple[str, object]]:
    cases: list[tuple[str, object]] = [("example_network", example_network())]
    cases += [
        (p.stem, read_network(p)) for p in sorted((ROOT / "examples/networks").glob("*.json"))
    ]
    cases += [("generated-40", generated(40, seed=40)), ("findings", NETWORK)]
    return cases


@pytest.mark.parametrize(("name", "network"), _networks(), ids=[n for n, _ in _networks()])
@pytest.mark.parametrize("names", [False, True])
def test_whole_reports_keep_their_voice(name: str, network: object, names: bool) -> None:
    result = assess(network, as_of=EXAMPLE_AS_OF)  # type: ignore[arg-type]
    clinician_page = _visible(render_html(result, network, voice="clinician", names=names))  # type: ignore[arg-type]
    clinician_text = render_report(result, network, voice="clinician", names=names)  # type: ignore[arg-type]
    for text in (clinician_page, clinician_text):
        assert not SECOND_PERSON.search(text), SECOND_PERSON.search(text)
    client_page = _visible(render_html(result, network, names=names))  # type: ignore[arg-type]
    client_text = render_report(result, network, names=names)  # type: ignore[arg-type]
    for text in (client_page, client_text):
        assert not re.search(r"\bthe person's\b|\bthe person (is|has|could)\b", text)
    ego = network.ego  # type: ignore[attr-defined]
    if not names:
        for text in (clinician_page, clinician_text, client_page, client_text):
            assert f"of {ego.id}" not in text
