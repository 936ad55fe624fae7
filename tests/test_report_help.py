"""Help people can reach: each crisis line once, each channel once in plain words, no
resource shown as if it could be acted on without a way to reach it, the app's catalogue."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from grace_support import assess
from grace_support.content import CRISIS_RESOURCES, Catalog, default_catalog
from grace_support.content.resource import Channel, ChannelKind, Organization, Resource
from grace_support.content.resource import ResourceKind as K
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.recommendations import recommend
from grace_support.report import render_html, render_report
from grace_support.report._words import reach
from tests.helpers import net, rel


def _section(page: str, heading: str) -> str:
    start = page.index(f"<h2>{heading}</h2>")
    return page[start : page.index("</section>", start)]


def _result() -> tuple[object, object]:
    network = example_network()
    return assess(network, as_of=EXAMPLE_AS_OF), network


def test_crisis_lines_in_plain_words_each_channel_once() -> None:
    said = {r.id: [w.words for w in reach(r)] for r in CRISIS_RESOURCES}
    assert said == {
        "988-lifeline": [
            "call or text 988 (press 1 for the Veterans Crisis Line, 2 for Spanish)",
            "chat at 988lifeline.org/chat",
        ],
        "crisis-text-line": ["text HOME to 741741"],
        "samhsa-helpline": ["call 1-800-662-HELP (4357); TTY 1-800-487-4889"],
        "emergency-911": ["call 911"],
    }


@pytest.mark.parametrize("voice", ["client", "clinician"])
def test_each_crisis_line_once_in_the_help_section(voice: str) -> None:
    # informational support from one person: SAMHSA is chosen for it and is a crisis line too
    network = net(
        rel("a", role="friend", supports=["emotional", "practical", "peer"]),
        rel("b", role="sibling", supports=["emotional", "practical", "peer", "informational"]),
    )
    result = assess(network, as_of=EXAMPLE_AS_OF)
    assert "samhsa-helpline" in {
        r.id for rec in recommend(result).recommendations for r in rec.resources
    }
    help_section = _section(render_html(result, network, voice=voice), "Where to find help")  # type: ignore[arg-type]
    for resource in CRISIS_RESOURCES:
        assert help_section.count(f"<strong>{resource.name.replace('&', '&amp;')}</strong>") == 1
    assert "May also help with support that rests on one person" in help_section
    assert help_section.count('href="tel:988"') == 1
    assert not re.search(r"Call 988 \(Call|Text 988 \(Text|Call 911 \(Call", help_section)
    text = render_report(result, network, voice=voice)  # type: ignore[arg-type]
    for resource in CRISIS_RESOURCES:
        assert text.count(f"- {resource.name}:") == 1


@pytest.mark.parametrize(
    ("voice", "ask"), [("client", "Ask your care team"), ("clinician", "Ask the care team")]
)
def test_a_resource_without_a_way_to_reach_it_says_ask_the_care_team(voice: str, ask: str) -> None:
    result, network = _result()
    page = render_html(result, network, voice=voice)  # type: ignore[arg-type]
    assert "Therapy at Grace Health Services" in page  # the bundled catalogue has no channel
    assert f"{ask} about Therapy at Grace Health Services." in page
    assert "<strong>Therapy at Grace Health Services</strong>" not in page
    flat = " ".join(render_report(result, network, voice=voice).split())  # type: ignore[arg-type]
    assert f"{ask} about Therapy at Grace Health Services." in flat


def _clinic_catalog(*, article_url: str | None) -> Catalog:
    base = default_catalog()
    therapy = base.resource("grace-therapy").model_copy(
        update={
            "channels": (
                Channel(kind=ChannelKind.PHONE, value="555-0100"),
                Channel(kind=ChannelKind.IN_PERSON, value="12 Main Street"),
            )
        }
    )
    article = base.articles[0].model_copy(update={"url": article_url})
    return Catalog(
        version="clinic-1",
        articles=(article,),
        resources=tuple(therapy if r.id == "grace-therapy" else r for r in base.resources),
    )


def test_the_apps_catalogue_reaches_every_output() -> None:
    result, network = _result()
    catalog = _clinic_catalog(article_url="https://clinic.example/social-support")
    assert recommend(result, catalog).catalog_version == "clinic-1"  # type: ignore[arg-type]
    page = render_html(result, network, catalog=catalog)  # type: ignore[arg-type]
    assert '<a href="tel:5550100">555-0100</a>' in page
    assert "in person at 12 Main Street" in page
    assert "Ask your care team about Therapy" not in page
    assert '<a href="https://clinic.example/social-support">The Role of Social Support' in page
    text = render_report(result, network, catalog=catalog)  # type: ignore[arg-type]
    assert "Therapy at Grace Health Services: Call 555-0100; in person at 12 Main Street" in text
    assert "(https://clinic.example/social-support)" in " ".join(text.split())


def test_an_article_without_a_link_is_not_offered_as_one() -> None:
    result, network = _result()
    page = render_html(result, network)  # type: ignore[arg-type]
    assert "Ask your care team for the article “The Role of Social Support" in page


def test_a_resource_with_only_a_web_page_is_reached_there() -> None:
    resource = Resource(
        id="x",
        name="X",
        description="d",
        kind=K.SUPPORT_GROUP,
        organization=Organization(name="O", description="o"),
        url="https://www.example.org/groups/",
        last_verified=date(2026, 1, 1),
    )
    assert [(w.words, w.href) for w in reach(resource)] == [
        ("visit example.org/groups", "https://www.example.org/groups/")
    ]
    assert reach(resource.model_copy(update={"url": None})) == ()


def test_no_section_without_recommendations() -> None:
    result, network = _result()
    assert "Where to find help" not in render_html(result, network, recommendations=False)  # type: ignore[arg-type]
    assert "Where to find help" not in render_report(result, network, recommendations=False)  # type: ignore[arg-type]


def test_the_docs_catalogue_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/report.md: the Python blocks run in order, with its catalogue file."""
    text = (Path(__file__).parents[1] / "docs" / "report.md").read_text(encoding="utf-8")
    (catalog_json,) = re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clinic-catalog.json").write_text(catalog_json, encoding="utf-8")
    namespace: dict[str, object] = {}
    for block in re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL):
        exec(block, namespace)
    page = namespace["page"]
    assert isinstance(page, str)
    assert '<a href="tel:5550100">555-0100</a>' in page
    assert "in person at 12 Main Street, Tuesdays at 6 pm" in page
    assert (tmp_path / "report.html").is_file()


def test_a_catalogue_must_be_a_catalog() -> None:
    result, network = _result()
    with pytest.raises(TypeError, match="Catalog"):
        render_html(result, network, catalog={"resources": []})  # type: ignore[arg-type]
