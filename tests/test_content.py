"""Articles, resources, crisis lines and the catalogue."""

from __future__ import annotations

import json
from datetime import date, time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import ValidationError

from grace_support import DocumentError, SupportType
from grace_support.content import (
    CRISIS_RESOURCES,
    Article,
    Catalog,
    Channel,
    ChannelKind,
    Hours,
    Organization,
    Resource,
    ResourceKind,
    Weekday,
    default_catalog,
)
from grace_support.content.article import SAFE_TAGS, SAFE_URL_SCHEMES

DATA = Path(__file__).parent / "data"
CATALOG = default_catalog()
ARTICLE = CATALOG.articles[0]


def schema_org_terms() -> tuple[set[str], set[str]]:
    types: set[str] = set()
    properties: set[str] = set()
    for line in (DATA / "schemaorg-30.0-terms.txt").read_text().splitlines():
        if line.startswith("#"):
            continue
        kind, name = line.split(" ", 1)
        (types if kind == "type" else properties).add(name)
    return types, properties


def used_terms(node: Any, types: set[str], properties: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                types.add(value)
            elif not key.startswith("@"):
                properties.add(key)
            used_terms(value, types, properties)
    elif isinstance(node, list):
        for value in node:
            used_terms(value, types, properties)


@pytest.mark.parametrize(
    "document",
    [ARTICLE.to_jsonld(), *(r.to_jsonld() for r in CATALOG.resources)],
    ids=["article", *(r.id for r in CATALOG.resources)],
)
def test_jsonld_uses_only_schema_org_terms(document: dict[str, Any]) -> None:
    known_types, known_properties = schema_org_terms()
    types: set[str] = set()
    properties: set[str] = set()
    used_terms(document, types, properties)
    assert types <= known_types, types - known_types
    assert properties <= known_properties, properties - known_properties
    assert document["@context"] == "https://schema.org"


def test_article_jsonld_shape() -> None:
    page = ARTICLE.to_jsonld()
    assert page["@type"] == "MedicalWebPage"
    posting = page["mainEntity"]
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "The Role of Social Support in Mental Health Recovery"
    assert posting["timeRequired"] == "PT2M"
    assert posting["author"] == {"@type": "Person", "name": "Moe Orabi"}
    assert posting["publisher"]["@type"] == "Organization"
    assert [c["name"] for c in posting["citation"]] == [
        "National Institute of Mental Health (NIMH)",
        "Mental Health America",
        "American Psychological Association (APA)",
        "Cleveland Clinic",
    ]
    first = posting["hasPart"][0]["mainEntity"]
    assert first["@type"] == "ItemList"
    assert first["itemListElement"][0]["position"] == 1
    assert first["itemListElement"][0]["citation"]["name"].startswith("National Institute")


def test_review_goes_on_the_web_page() -> None:
    data = ARTICLE.model_dump(mode="json")
    data["review"] = {
        "reviewed_by": {"type": "person", "name": "A. Reviewer", "credentials": "LCSW"},
        "last_reviewed": "2026-11-01",
    }
    reviewed = Article.model_validate(data)
    page = reviewed.to_jsonld()
    assert page["lastReviewed"] == "2026-11-01"
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "A. Reviewer",
        "honorificSuffix": "LCSW",
    }
    assert "lastReviewed" not in page["mainEntity"]


def test_clinic_article_structure() -> None:
    assert [s.heading for s in ARTICLE.sections] == [
        "Why Social Support Is Crucial for Mental Health",
        "Types of Social Support That Aid Recovery",
        "How to Build or Rebuild Support During Recovery",
        "When Professional Help Supplements Social Support",
        "Conclusion: You Don't Have to Heal Alone",
    ]
    counts = [len(s.items) for s in ARTICLE.sections]
    assert counts == [5, 4, 5, 5, 0]
    assert all(item.icon and item.source for s in ARTICLE.sections for item in s.items)
    assert ARTICLE.topics == tuple(SupportType)
    assert ARTICLE.call_to_action is not None


def test_article_round_trips_and_renders() -> None:
    assert Article.model_validate_json(ARTICLE.model_dump_json()) == ARTICLE
    markdown = ARTICLE.to_markdown()
    assert markdown.startswith("# The Role of Social Support in Mental Health Recovery")
    practical = "Practical support: Help with chores, childcare, or rides to appointments"
    assert f"- 🚗 {practical}\n" in markdown  # the list names its source once, at its end
    assert (
        "- 🤝 Peer support: Others who\u2019ve experienced similar struggles"
        " (Mental Health America)" in markdown
    )
    text = ARTICLE.to_text()
    assert "Sources: National Institute of Mental Health (NIMH); Mental Health America" in text


def test_article_rules() -> None:
    data = ARTICLE.model_dump(mode="json")
    data["sections"][0]["items"][0]["source"] = "nobody"
    with pytest.raises(ValidationError, match=r"sections\[0\]\.items\[0\]\.source names no source"):
        Article.model_validate(data)
    data = ARTICLE.model_dump(mode="json")
    data["date_published"] = "2021-06-02"
    data["date_modified"] = "2020-01-01"
    with pytest.raises(ValidationError, match="before date_published"):
        Article.model_validate(data)
    data = ARTICLE.model_dump(mode="json")
    data["sources"][0]["url"] = "javascript:alert(1)"
    with pytest.raises(ValidationError, match="https://"):
        Article.model_validate(data)


HOSTILE = [
    "<script>alert('x')</script> hello",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<!-- a hidden comment --> visible",
    '<a href="https://example.org" onclick="steal()">x</a>',
    "<iframe src='https://example.org'></iframe>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "[vb](vbscript:msgbox(1))",
]


class _Markup(HTMLParser):
    """Collects the tags, attributes and comments of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@pytest.mark.parametrize("paragraph", HOSTILE)
def test_html_rendering_strips_hostile_markdown(paragraph: str) -> None:
    data = ARTICLE.model_dump(mode="json")
    data["sections"][0]["paragraphs"] = [paragraph]
    markup = _Markup()
    markup.feed(Article.model_validate(data).to_html())
    assert markup.tags <= SAFE_TAGS
    assert markup.comments == []
    for tag, name, value in markup.attributes:
        assert (tag, name) in {("a", "href"), ("a", "rel")}
        if name == "href":
            assert value is not None
            assert value.split(":", 1)[0] in SAFE_URL_SCHEMES


def test_html_keeps_safe_content() -> None:
    html = ARTICLE.to_html()
    assert "<h1>The Role of Social Support in Mental Health Recovery</h1>" in html
    assert "🧠 Reduced risk of depression and suicidal thoughts" in html
    assert 'href="https://www.nimh.nih.gov"' in html
    assert 'rel="noopener noreferrer"' in html


HSDS_SCHEMA = json.loads((DATA / "hsds-3.0-service-subset.schema.json").read_text())


@pytest.mark.parametrize("resource", CATALOG.resources, ids=[r.id for r in CATALOG.resources])
def test_hsds_export_is_valid_and_round_trips(resource: Resource) -> None:
    service = resource.to_hsds()
    errors = list(
        Draft202012Validator(HSDS_SCHEMA, format_checker=FormatChecker()).iter_errors(service)
    )
    assert not errors, [e.message for e in errors]
    assert Resource.from_hsds(service) == resource
    assert Resource.from_hsds(json.loads(json.dumps(service))) == resource
    assert resource.to_hsds() == service  # stable ids


def test_hsds_schema_subset_rejects_what_hsds_rejects() -> None:
    validator = Draft202012Validator(HSDS_SCHEMA, format_checker=FormatChecker())
    service = CRISIS_RESOURCES[0].to_hsds()
    assert not validator.is_valid({**service, "status": "open"})
    assert not validator.is_valid({**service, "id": "not-a-uuid"})
    assert not validator.is_valid({k: v for k, v in service.items() if k != "name"})


def test_resource_with_hours_round_trips() -> None:
    resource = Resource(
        id="drop-in-group",
        name="Drop-in peer group",
        description="A weekly peer group.",
        kind=ResourceKind.SUPPORT_GROUP,
        supports=(SupportType.PEER,),
        organization=Organization(name="Community Center", description="A community center."),
        channels=(
            Channel(kind=ChannelKind.IN_PERSON, value="Main St community room"),
            Channel(kind=ChannelKind.VIRTUAL, value="https://example.org/meet"),
        ),
        hours=(Hours(days=(Weekday.TU, Weekday.TH), opens=time(18, 0), closes=time(19, 30)),),
        last_verified=date(2026, 11, 1),
    )
    service = resource.to_hsds()
    assert service["schedules"][0]["byday"] == "TU,TH"
    assert Resource.from_hsds(service) == resource
    hours = resource.to_jsonld()["hoursAvailable"][0]
    assert hours["dayOfWeek"] == ["Tuesday", "Thursday"]


@pytest.mark.parametrize(
    ("change", "location"),
    [
        (lambda s: s.pop("name"), "name"),
        (lambda s: s.update(attributes=[]), "attributes"),
        (lambda s: s.update(status="open"), "status"),
    ],
)
def test_from_hsds_errors_name_the_field(change: Any, location: str) -> None:
    service = CRISIS_RESOURCES[1].to_hsds()
    change(service)
    with pytest.raises(DocumentError) as caught:
        Resource.from_hsds(service)
    assert caught.value.problems[0].location == location


def test_resource_rules() -> None:
    base = CRISIS_RESOURCES[3].model_dump(mode="json")
    with pytest.raises(ValidationError, match="open 24/7 has no other opening hours"):
        Resource.model_validate(
            {**base, "hours": [{"days": ["MO"], "opens": "09:00", "closes": "17:00"}]}
        )
    with pytest.raises(ValidationError, match="needs an https:// address"):
        Channel(kind=ChannelKind.CHAT, value="javascript:alert(1)")
    with pytest.raises(ValidationError):
        Resource.model_validate({**base, "id": "Not A Slug"})


def test_crisis_resources() -> None:
    ids = [r.id for r in CRISIS_RESOURCES]
    assert ids == ["988-lifeline", "crisis-text-line", "samhsa-helpline", "emergency-911"]
    lifeline, text_line, samhsa, emergency = CRISIS_RESOURCES
    assert lifeline.channel(ChannelKind.PHONE).value == "988"  # type: ignore[union-attr]
    assert lifeline.channel(ChannelKind.SMS).value == "988"  # type: ignore[union-attr]
    assert lifeline.channel(ChannelKind.CHAT).value.startswith("https://988lifeline.org")  # type: ignore[union-attr]
    phone_note = lifeline.channel(ChannelKind.PHONE).instructions or ""  # type: ignore[union-attr]
    assert "press 1 for the Veterans Crisis Line" in phone_note
    assert "2 for Spanish" in phone_note
    assert "3" not in phone_note
    assert text_line.contact_line() == "Text HOME to 741741"
    assert samhsa.channel(ChannelKind.PHONE).value == "1-800-662-4357"  # type: ignore[union-attr]
    assert set(samhsa.languages) == {"en", "es"}
    assert emergency.contact_line() == "Call 911"
    assert all(r.open_24_7 and r.last_verified for r in CRISIS_RESOURCES)
    with pytest.raises(ValidationError):
        lifeline.name = "changed"  # type: ignore[misc]


def test_catalog_contents_and_search() -> None:
    assert [r.id for r in CATALOG.resources[:4]] == [r.id for r in CRISIS_RESOURCES]
    grace = {
        r.kind for r in CATALOG.resources if r.organization.name == "Grace Health Services LLC"
    }
    assert grace == {ResourceKind.THERAPY, ResourceKind.PSYCHIATRY, ResourceKind.GROUP_COUNSELING}
    assert all(
        r.service_area == ("Virginia",) for r in CATALOG.resources if r.id.startswith("grace-")
    )
    peer = CATALOG.find_resources(kinds=[ResourceKind.PEER_PROGRAM, ResourceKind.SUPPORT_GROUP])
    assert [r.id for r in peer] == ["dbsa-support-groups", "nami-connection"]
    assert [r.id for r in CATALOG.find_resources(text="NAMI")] == [
        "nami-helpline",
        "nami-connection",
    ]
    assert CATALOG.find_resources(text="no such words") == ()
    assert CATALOG.find_articles(topic=SupportType.PEER) == (ARTICLE,)
    assert CATALOG.find_articles(text="boundaries") == (ARTICLE,)
    assert CATALOG.find_articles(text="astronomy") == ()


def test_catalog_from_json_and_hsds(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(CATALOG.model_dump_json())
    assert Catalog.from_json(path) == CATALOG
    assert Catalog.from_json(CATALOG.model_dump_json()) == CATALOG
    from_hsds = Catalog.from_hsds([r.to_hsds() for r in CATALOG.resources])
    assert from_hsds.resources == CATALOG.resources
    merged = Catalog(articles=CATALOG.articles).merged(from_hsds)
    assert merged.resources == CATALOG.resources
    bad = CATALOG.model_dump(mode="json")
    bad["resources"][5]["kind"] = "spa"
    path.write_text(json.dumps(bad))
    with pytest.raises(DocumentError) as caught:
        Catalog.from_json(path)
    assert caught.value.problems[0].location == "resources[5].kind"
    with pytest.raises(ValidationError, match="ids must be unique"):
        CATALOG.merged(CATALOG)


def test_html_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from grace_support import MissingExtraError

    monkeypatch.setitem(sys.modules, "nh3", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'grace-support\[html\]'"):
        ARTICLE.to_html()
