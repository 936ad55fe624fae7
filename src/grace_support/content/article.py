"""Articles: structured, citable content other Grace apps can import and publish.

An [`Article`][grace_support.content.Article] has ordered sections of Markdown
paragraphs and short list items (each with an optional icon, such as an emoji, and
a cited source). It renders to Markdown and plain text in core, to sanitised HTML
with the ``html`` extra, and to schema.org JSON-LD: a ``MedicalWebPage`` (which holds
the medical review) whose ``mainEntity`` is the ``BlogPosting``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from grace_support._extras import require
from grace_support._model import FrozenModel
from grace_support.content._common import HttpsUrl, Slug, Text
from grace_support.vocabulary import SupportType

__all__ = [
    "Agent",
    "Article",
    "CallToAction",
    "ListItem",
    "Review",
    "Section",
    "Source",
    "plain_text",
]

SAFE_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "code",
}
"""The HTML tags ``Article.to_html`` lets through; everything else is removed."""
SAFE_URL_SCHEMES = {"http", "https", "mailto", "tel"}
"""The link schemes ``Article.to_html`` keeps (never ``javascript:`` or ``data:``).

Only absolute links are kept: ``http://host/...``, ``https://host/...``,
``mailto:...`` and ``tel:...``. Relative links (``page.html``, ``/x``) and
scheme-relative ones (``//host``) are dropped, since where they lead depends on the
page that shows the article.
"""
_ABSOLUTE_LINK = re.compile(r"(?:https?://[^/\\\s]|mailto:|tel:)", re.IGNORECASE)


_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|tel:)[^>\s]+)>")
_CODE = re.compile(r"`([^`]*)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_UNESCAPE = re.compile("[\ue000-\ue07f]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")


def plain_text(markdown: str) -> str:
    r"""Inline Markdown as plain text: what a reader of the rendered HTML would read.

    A link becomes its text followed by its address in brackets (just the text when
    the two are the same), emphasis and code marks are dropped, and backslash
    escapes are resolved. Used by ``to_text`` and ``to_jsonld``, so items and the
    call to action read the same in HTML, JSON-LD and text.

    Examples:
        >>> plain_text("Call **988** or [visit us](https://example.org)")
        'Call 988 or visit us (https://example.org)'
        >>> plain_text(r"Read *this* and `that`, 5 \* 3")
        'Read this and that, 5 * 3'
    """

    def link(match: re.Match[str]) -> str:
        text, url = match.group(1), match.group(2)
        return text if not url or url == text else f"{text} ({url})" if text else url

    # Escaped characters are set aside first (as private-use characters), so that
    # ``\*`` is never read as emphasis, and put back as themselves at the end.
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), markdown)
    text = _CODE.sub(r"\1", text)
    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _UNESCAPE.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)


def _keep_absolute_links(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: an ``href`` stays only if it is an absolute safe link."""
    if attribute == "href" and not _ABSOLUTE_LINK.match(value):
        return None
    return value


class Agent(FrozenModel):
    """A person or organization: an author, publisher or reviewer."""

    type: Literal["person", "organization"]
    """Whether this is a person or an organization."""
    name: Text
    """The name."""
    credentials: Text | None = None
    """Credentials after the name, e.g. ``LCSW`` or ``MD`` (people)."""
    job_title: Text | None = None
    """Job title (people)."""
    url: HttpsUrl | None = None
    """A web page about them."""

    def byline(self) -> str:
        """The name with credentials, e.g. ``Dr. A. Lee, MD``."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def to_jsonld(self) -> dict[str, Any]:
        """A schema.org ``Person`` or ``Organization``."""
        data: dict[str, Any] = {"@type": self.type.capitalize(), "name": self.name}
        if self.credentials:
            data["honorificSuffix"] = self.credentials
        if self.job_title:
            data["jobTitle"] = self.job_title
        if self.url:
            data["url"] = self.url
        return data


class Source(FrozenModel):
    """A cited source."""

    id: Slug
    """An id that list items use to cite it, e.g. ``nimh``."""
    name: Text
    """Its name, e.g. ``National Institute of Mental Health``."""
    publisher: Text | None = None
    """Who publishes it."""
    url: HttpsUrl | None = None
    """Where to find it."""

    def to_jsonld(self) -> dict[str, Any]:
        """A schema.org ``CreativeWork``."""
        data: dict[str, Any] = {"@type": "CreativeWork", "name": self.name}
        if self.publisher:
            data["publisher"] = {"@type": "Organization", "name": self.publisher}
        if self.url:
            data["url"] = self.url
        return data


class ListItem(FrozenModel):
    """One short item of a list, with an optional icon and cited source."""

    text: Text
    """The item, in a short sentence."""
    icon: Annotated[str, StringConstraints(min_length=1, max_length=16)] | None = None
    """A presentation-only icon such as an emoji."""
    source: Slug | None = None
    """The id of the article's source this item cites."""


class Section(FrozenModel):
    """A section: a heading, paragraphs of Markdown, and a list of items."""

    id: Slug
    """An id for links, unique in the article."""
    heading: Text
    """The heading."""
    paragraphs: tuple[Text, ...] = ()
    """Paragraphs, in Markdown."""
    items: tuple[ListItem, ...] = ()
    """A list of short items."""
    closing: tuple[Text, ...] = ()
    """Paragraphs after the list, in Markdown (a section's closing lines)."""


class Review(FrozenModel):
    """A medical or clinical review of the article."""

    reviewed_by: Agent
    """Who reviewed it."""
    last_reviewed: date
    """When it was last reviewed."""


class CallToAction(FrozenModel):
    """What the article invites the reader to do."""

    text: Text
    """The invitation, e.g. "Contact us today"."""
    url: HttpsUrl | None = None
    """Where to do it."""


class Article(FrozenModel):
    """An article: metadata, ordered sections, sources and a call to action."""

    id: Slug
    """A stable slug."""
    title: Text
    """The title."""
    summary: Text
    """A one- or two-sentence summary."""
    author: Agent
    """Who wrote it."""
    publisher: Agent
    """Who published it."""
    subtitle: Text | None = None
    """A line under the title, as the source shows it."""
    introduction: tuple[Text, ...] = ()
    """Paragraphs before the first section, in Markdown (the source's opening)."""
    date_published: date | None = None
    """When it was published, when the full date is known. Never guessed: a source
    that shows no year leaves it unset and gives ``published_as`` instead."""
    published_as: Text | None = None
    """The publication date exactly as the source shows it, e.g. ``Jun 2`` (no year).
    Shown in the renderings instead of ``date_published``; left out of JSON-LD,
    whose ``datePublished`` must be a full ISO 8601 date."""
    date_modified: date | None = None
    """When it was last changed."""
    reading_minutes: int = Field(ge=1, le=600)
    """About how long it takes to read."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    """Its language (BCP 47)."""
    audience: Text | None = None
    """Who it is written for."""
    review: Review | None = None
    """Its medical review, if any."""
    topics: tuple[SupportType, ...] = ()
    """The kinds of support it is about."""
    sections: tuple[Section, ...] = ()
    """Its sections, in order."""
    sources: tuple[Source, ...] = ()
    """The sources it cites."""
    call_to_action: CallToAction | None = None
    """What it invites the reader to do."""
    url: HttpsUrl | None = None
    """Where the article can be read (reports link to it when it is set)."""

    @model_validator(mode="after")
    def _check(self) -> Article:
        source_ids = [s.id for s in self.sources]
        if len(set(source_ids)) != len(source_ids):
            raise ValueError("source ids must be unique")
        section_ids = [s.id for s in self.sections]
        if len(set(section_ids)) != len(section_ids):
            raise ValueError("section ids must be unique")
        for n, section in enumerate(self.sections):
            for m, item in enumerate(section.items):
                if item.source is not None and item.source not in source_ids:
                    raise ValueError(f"sections[{n}].items[{m}].source names no source")
        if (
            self.date_modified is not None
            and self.date_published is not None
            and self.date_modified < self.date_published
        ):
            raise ValueError("date_modified is before date_published")
        return self

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Raises:
            KeyError: No source has this id.
        """
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    # -- renderings ---------------------------------------------------------------------------

    def _item_lines(self, section: Section, *, plain: bool = False) -> list[str]:
        """The items of a section; a run of items citing one source names it once, last."""
        lines = []
        items = section.items
        for n, item in enumerate(items):
            following = items[n + 1].source if n + 1 < len(items) else None
            cite = item.source is not None and item.source != following
            cited = f" ({self.source(item.source).name})" if cite and item.source else ""
            icon = f"{item.icon} " if item.icon else ""
            lines.append(f"{icon}{plain_text(item.text) if plain else item.text}{cited}")
        return lines

    def to_markdown(self) -> str:
        """The article as Markdown (paragraphs are already Markdown; nothing is sanitised)."""
        lines = [f"# {self.title}", ""]
        if self.subtitle:
            lines += [f"**{self.subtitle}**", ""]
        lines += [f"*{self._meta()}*", "", self.summary, ""]
        for paragraph in self.introduction:
            lines += [paragraph, ""]
        for section in self.sections:
            lines += [f"## {section.heading}", ""]
            for paragraph in section.paragraphs:
                lines += [paragraph, ""]
            if section.items:
                lines += [f"- {line}" for line in self._item_lines(section)] + [""]
            for paragraph in section.closing:
                lines += [paragraph, ""]
        if self.call_to_action:
            cta = self.call_to_action
            lines += [f"**[{cta.text}]({cta.url})**" if cta.url else f"**{cta.text}**", ""]
        if self.sources:
            lines += ["## Sources", ""]
            for source in self.sources:
                # A source is named once: no "Cleveland Clinic (Cleveland Clinic)".
                where = (
                    f" ({source.publisher})"
                    if source.publisher and source.publisher != source.name
                    else ""
                )
                link = f": <{source.url}>" if source.url else ""
                lines.append(f"- {source.name}{where}{link}")
            lines.append("")
        return "\n".join(lines)

    def to_text(self) -> str:
        """The article as plain text, for terminals and plain-text email.

        Markdown in paragraphs, items and the call to action is turned into plain
        text (see `grace_support.content.article.plain_text`): a link
        becomes its text with the address in brackets, emphasis marks are dropped.
        """
        lines = [self.title, "=" * len(self.title)]
        if self.subtitle:
            lines.append(self.subtitle)
        lines += [self._meta(), "", self.summary, ""]
        for paragraph in self.introduction:
            lines += [plain_text(paragraph), ""]
        for section in self.sections:
            lines += [section.heading, "-" * len(section.heading)]
            for paragraph in section.paragraphs:
                lines += [plain_text(paragraph), ""]
            if section.items:
                lines += [f"  * {line}" for line in self._item_lines(section, plain=True)] + [""]
            for paragraph in section.closing:
                lines += [plain_text(paragraph), ""]
        if self.call_to_action:
            cta = self.call_to_action
            lines += [plain_text(cta.text) + (f" {cta.url}" if cta.url else ""), ""]
        if self.sources:
            lines += ["Sources: " + "; ".join(s.name for s in self.sources)]
        return "\n".join(lines)

    def to_html(self) -> str:
        """The article as sanitised HTML (needs the ``html`` extra).

        The Markdown is rendered with markdown-it-py's ``js-default`` preset (raw HTML
        off), then cleaned by nh3 with an allow-list: only
        `SAFE_TAGS`, ``href`` on links, and
        the schemes in `SAFE_URL_SCHEMES`.
        Scripts, event attributes, comments, ``javascript:`` and ``data:`` links never
        survive.

        Raises:
            MissingExtraError: markdown-it-py or nh3 is not installed.
        """
        nh3 = require("nh3", extra="html", feature="Article.to_html()")
        markdown_it = require("markdown_it", extra="html", feature="Article.to_html()")
        html = markdown_it.MarkdownIt("js-default").render(self.to_markdown())
        return str(
            nh3.clean(
                html,
                tags=SAFE_TAGS,
                attributes={"a": {"href"}},
                url_schemes=SAFE_URL_SCHEMES,
                attribute_filter=_keep_absolute_links,
                link_rel="noopener noreferrer",
            )
        )

    def _meta(self) -> str:
        parts = [f"By {self.author.byline()}", self.publisher.name]
        if self.published_as:
            parts.append(self.published_as)
        elif self.date_published:
            day = self.date_published
            parts.append(f"{day:%B} {day.day}, {day.year}")
        parts.append(f"{self.reading_minutes} min read")
        return " · ".join(parts)

    # -- schema.org ---------------------------------------------------------------------------

    def to_jsonld(self) -> dict[str, Any]:
        """The article as schema.org JSON-LD.

        A ``MedicalWebPage`` carries the review (``lastReviewed``, ``reviewedBy``: they
        belong to web pages) and the audience; its ``mainEntity`` is the
        ``BlogPosting`` with ``headline``, ``author``, ``publisher``, dates,
        ``timeRequired`` (ISO 8601), ``inLanguage``, ``citation``s as ``CreativeWork``s,
        each section as a ``hasPart`` ``CreativeWork`` whose ``mainEntity`` is an
        ``ItemList`` of ``HowToTip``s (a tip with a ``position`` and a ``citation``),
        and the call to action as a ``potentialAction``. Emoji icons have no
        schema.org property and are left out. No remote context is ever fetched.
        """
        posting: dict[str, Any] = {
            "@type": "BlogPosting",
            "identifier": self.id,
            "headline": self.title,
            "description": self.summary,
            "author": self.author.to_jsonld(),
            "publisher": self.publisher.to_jsonld(),
            "timeRequired": f"PT{self.reading_minutes}M",
            "inLanguage": self.language,
            "keywords": [t.value for t in self.topics],
            "citation": [s.to_jsonld() for s in self.sources],
            "hasPart": [self._section_jsonld(s) for s in self.sections],
        }
        if self.subtitle:
            posting["alternativeHeadline"] = self.subtitle
        if self.introduction:
            posting["abstract"] = "\n\n".join(map(plain_text, self.introduction))
        if self.date_published:
            posting["datePublished"] = self.date_published.isoformat()
        if self.date_modified:
            posting["dateModified"] = self.date_modified.isoformat()
        if self.call_to_action:
            action: dict[str, Any] = {
                "@type": "CommunicateAction",
                "name": plain_text(self.call_to_action.text),
            }
            if self.call_to_action.url:
                action["target"] = self.call_to_action.url
            posting["potentialAction"] = action
        page: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": self.title,
            "inLanguage": self.language,
            "mainEntity": posting,
        }
        if self.audience:
            page["audience"] = {"@type": "PeopleAudience", "audienceType": self.audience}
        if self.review:
            page["lastReviewed"] = self.review.last_reviewed.isoformat()
            page["reviewedBy"] = self.review.reviewed_by.to_jsonld()
        return page

    def _section_jsonld(self, section: Section) -> dict[str, Any]:
        part: dict[str, Any] = {
            "@type": "CreativeWork",
            "identifier": section.id,
            "headline": section.heading,
        }
        if section.paragraphs or section.closing:
            part["text"] = "\n\n".join(map(plain_text, (*section.paragraphs, *section.closing)))
        if section.items:
            tips = []
            for position, item in enumerate(section.items, start=1):
                tip: dict[str, Any] = {
                    "@type": "HowToTip",
                    "position": position,
                    "text": plain_text(item.text),
                }
                if item.source:
                    tip["citation"] = self.source(item.source).to_jsonld()
                tips.append(tip)
            part["mainEntity"] = {"@type": "ItemList", "itemListElement": tips}
        return part
