"""The words of the reports, in two voices, built in the report layer.

The client voice speaks to the person ("you", "your"); the clinician voice speaks
about them in the third person: their name when names are shown, otherwise "the
person". Every finding text, piece of advice, strength, not-recorded note and
heading goes through [`Words`][grace_support.report._words.Words], so a new
sentence is written once, with placeholders, and comes out right in both voices.

The assessment's own messages (``Finding.message``) stay as they are, in the
client voice; the reports say the same thing from here, keyed by finding code and
action id.

Placeholders of a template (`Words.fill`):

| placeholder | client | clinician, named | clinician, no names |
| --- | --- | --- | --- |
| ``{who}`` / ``{Who}`` | you / You | Maria | the person / The person |
| ``{whom}`` | you | Maria | the person |
| ``{whose}`` / ``{Whose}`` | your / Your | Maria's | the person's / The person's |
| ``{are}`` ``{have}`` ``{were}`` ``{know}`` | are, have, were, know | is, has, ... | is, has, ... |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from grace_support.assessment.models import FindingCode
from grace_support.content.resource import ChannelKind
from grace_support.vocabulary import ActionId, Contact

if TYPE_CHECKING:
    from collections.abc import Mapping

    from grace_support.assessment.models import Finding, Settings
    from grace_support.content.resource import Resource
    from grace_support.network import Relationship, SupportNetwork

__all__ = ["ADVICE", "FINDINGS", "Reach", "Voice", "Words", "reach"]

Voice = Literal["client", "clinician"]
"""Who a report speaks to: the person (``client``) or about them (``clinician``)."""

VOICES: tuple[Voice, ...] = ("client", "clinician")

_SOON = " If it feels right, reaching out again could be a good step."

FINDINGS: dict[str, str] = {
    "missing-support": (
        "No one {who} {are} in touch with gives {type} support right now ({description})."
    ),
    "single-provider": (
        "One person gives all of {whose} {type} support. That is a strength, and it can "
        "help to have someone else too, for times they are not available."
    ),
    "over-reliance": (
        "One person gives more than {limit} of all the support in {whose} network. "
        "Sharing the load with others can make support steadier for everyone."
    ),
    "strained-tie": (
        "This relationship often feels draining or full of conflict. It is okay to set "
        "boundaries, and a therapist can help {whom} think it through."
    ),
    "dormant-tie:lost": "{Who} {have} lost touch with someone in {whose} {circle} circle." + _SOON,
    "dormant-tie:old": (
        "It has been more than {limit} days since {who} {were} last in touch with someone "
        "in {whose} {circle} circle." + _SOON
    ),
    "dormant-tie": "{Who} {have} not been in touch with someone close for a while." + _SOON,
    "no-professional-care": (
        "No professional, such as a therapist, psychiatrist or group counselor, is part of "
        "{whose} network right now. Professional care can work alongside the support of "
        "people {who} {know}."
    ),
    "no-personal-support": (
        "Everyone {who} {are} in touch with in this network is a professional. Professional "
        "care matters, and everyday connection with friends, family, peers or community can "
        "add to it."
    ),
    "small-network:0": (
        "There is no one {who} {are} in touch with in this network yet. Many people find "
        "that a few more connections make support steadier."
    ),
    "small-network": (
        "{Who} {are} in touch with {count} in this network. Many people find that a few "
        "more connections make support steadier."
    ),
}
"""Every finding's text as a template, keyed by finding code (and a variant after ``:``)."""

ADVICE: dict[ActionId, tuple[str, str]] = {
    ActionId.RECONNECT: (
        "Reconnect with trusted friends or family you have lost touch with.",
        "{Who} could reconnect with trusted friends or family they have lost touch with.",
    ),
    ActionId.SET_BOUNDARIES: (
        "Set boundaries with relationships that feel toxic or draining.",
        "{Who} could set boundaries with relationships that feel toxic or draining.",
    ),
    ActionId.JOIN_SUPPORT_GROUP: (
        "Join a support group, online or in your community.",
        "{Who} could join a support group, online or in the community.",
    ),
    ActionId.SHARE_NEEDS: (
        "Let the people around you know how they can support you.",
        "{Who} could tell the people around them how they can help.",
    ),
    ActionId.WORK_WITH_THERAPIST: (
        "Work with a therapist on anything that makes connecting hard, such as social "
        "anxiety or trust.",
        "{Who} could work with a therapist on anything that makes connecting hard, such as "
        "social anxiety or trust.",
    ),
    ActionId.ADD_PROFESSIONAL_CARE: (
        "Consider professional care: therapy, psychiatry and group counseling work "
        "alongside the support of people you know.",
        "{Who} could consider professional care: therapy, psychiatry and group counseling "
        "work alongside the support of people they know.",
    ),
    ActionId.BUILD_SOCIAL_SUPPORT: (
        "Professional care works best next to everyday personal connection: friends, "
        "family, peers and community.",
        "Professional care works best next to everyday personal connection: friends, "
        "family, peers and community.",
    ),
}
"""Each action's advice: (client, clinician template)."""


@dataclass(frozen=True)
class Words:
    """The voice of one report: who it speaks to, and how it names them.

    Examples:
        >>> Words("client").fill("{Who} {are} in touch with {whose} family.")
        'You are in touch with your family.'
        >>> Words("clinician", "Maria").fill("{Who} {are} in touch with {whose} family.")
        "Maria is in touch with Maria's family."
        >>> Words("clinician").fill("{Who} {are} in touch with {whose} family.")
        "The person is in touch with the person's family."
    """

    voice: Voice = "client"
    name: str | None = None
    """The person's name (clinician voice, names shown); ``None`` means "the person"."""

    def __post_init__(self) -> None:
        if self.voice not in VOICES:
            raise ValueError("voice must be 'client' or 'clinician'")

    @property
    def client(self) -> bool:
        """Whether the report speaks to the person."""
        return self.voice == "client"

    def fill(self, template: str, **fields: object) -> str:
        """The template with the voice's words (see the module's table) and ``fields``."""
        if self.client:
            who, whose = "you", "your"
            verbs = {"are": "are", "have": "have", "were": "were", "know": "know"}
        else:
            who = self.name or "the person"
            whose = f"{self.name}'s" if self.name else "the person's"
            verbs = {"are": "is", "have": "has", "were": "was", "know": "knows"}
        return template.format(
            who=who,
            Who=_capital(who),
            whom=who,
            whose=whose,
            Whose=_capital(whose),
            **verbs,
            **fields,
        )

    def title(self) -> str:
        """The report's heading: never an id."""
        if self.client:
            return "Your support network"
        return f"Support network of {self.name}" if self.name else "Support network"

    def crisis_line(self) -> str:
        """The one line of crisis help that opens and closes every report."""
        if self.client:
            return "If you are in crisis, call or text 988 (Suicide & Crisis Lifeline) or call 911."
        return "In a crisis, call or text 988 (Suicide & Crisis Lifeline) or call 911."

    def finding(
        self,
        finding: Finding,
        *,
        network: SupportNetwork,
        settings: Settings,
        active: int,
        relationships: Mapping[str, Relationship] | None = None,
    ) -> str:
        """What a finding says, in this voice.

        Args:
            finding: The finding.
            network: The network assessed (for the circle of a dormant tie).
            settings: The thresholds used (the limits named in the text).
            active: The count of people in touch (``small-network``).
            relationships: The network's relationships by person id, when the caller
                has them (a report of many findings builds the table once).
        """
        code = finding.code
        fields: dict[str, object] = {}
        key = code.value
        if finding.support_type is not None:
            fields |= {"type": finding.support_type.value}
            fields |= {"description": finding.support_type.description}
        if code is FindingCode.OVER_RELIANCE:
            share = settings.over_reliance_share
            fields["limit"] = "half" if share == 0.5 else f"{share:.0%}"
        elif code is FindingCode.DORMANT_TIE and finding.people:
            relationship = (
                relationships[finding.people[0]]
                if relationships is not None
                else network.relationship(finding.people[0])
            )
            if relationship.closeness is not None:
                fields["circle"] = relationship.closeness.value
                key += ":lost" if relationship.contact is Contact.LOST_TOUCH else ":old"
                fields["limit"] = settings.dormant_after_days
        elif code is FindingCode.SMALL_NETWORK:
            if active == 0:
                key += ":0"
            fields["count"] = self.people(active)
        return self.fill(FINDINGS[key], **fields)

    def advice(self, action: ActionId) -> str:
        """One piece of the article's advice, in this voice."""
        client, clinician = ADVICE[action]
        return client if self.client else self.fill(clinician)

    @staticmethod
    def people(count: int) -> str:
        """``1 person``, ``3 people``."""
        return f"{count} {'person' if count == 1 else 'people'}"

    def not_recorded(self, what: str) -> str:
        """A plain sentence for something the interview did not record.

        Never says "none": what was not asked is not known.

        Examples:
            >>> Words("client").not_recorded("who gives you practical support")
            'Not recorded: who gives you practical support.'
        """
        return f"Not recorded: {self.fill(what)}."

    def ask_care_team(self, name: str) -> str:
        """The words for a resource with no phone, link or address."""
        return f"Ask {'your' if self.client else 'the'} care team about {name}."

    def ask_for_article(self, title: str) -> str:
        """The words for an article the catalogue gives no link for."""
        return f"Ask {'your' if self.client else 'the'} care team for the article “{title}”."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Reach:
    """One way to reach a resource, in plain words: the words and where a link goes."""

    words: str
    """E.g. ``call or text 988 (press 1 for the Veterans Crisis Line, 2 for Spanish)``."""
    shown: str
    """The part of ``words`` that is the link's text (a number or an address)."""
    href: str | None
    """``tel:988``, ``https://...``; ``None`` for a place."""


_VERBS = {
    ChannelKind.PHONE: "call",
    ChannelKind.SMS: "text",
    ChannelKind.CHAT: "chat at",
    ChannelKind.WEB: "visit",
    ChannelKind.IN_PERSON: "in person at",
    ChannelKind.VIRTUAL: "online at",
}


def _plain_address(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return f"{parts.netloc.removeprefix('www.')}{path}"


def _tel(value: str) -> str:
    return "tel:" + "".join(c for c in value if c.isdigit() or c == "+")


def reach(resource: Resource) -> tuple[Reach, ...]:  # noqa: PLR0912
    """How to reach a resource: each channel once, in plain words.

    A phone number that also takes texts is said once ("call or text 988").
    Instructions that repeat the channel ("Call 911") are not said twice. A
    resource with no channel but a web page is reached at its page; one with
    neither has no way to reach it (an empty tuple).

    Examples:
        >>> from grace_support.content import CRISIS_RESOURCES
        >>> [r.words for r in reach(CRISIS_RESOURCES[0])]
        ['call or text 988 (press 1 for the Veterans Crisis Line, 2 for Spanish)', 'chat at 988lifeline.org/chat']
        >>> [r.words for r in reach(CRISIS_RESOURCES[1])], [r.words for r in reach(CRISIS_RESOURCES[3])]
        (['text HOME to 741741'], ['call 911'])
    """  # noqa: E501
    found: list[tuple[ChannelKind, str, str, str]] = []  # kind, value, words, extra
    for channel in resource.channels:
        verb = _VERBS[channel.kind]
        url = channel.kind in (ChannelKind.CHAT, ChannelKind.WEB, ChannelKind.VIRTUAL)
        shown = _plain_address(channel.value) if url else channel.value
        words, extra = f"{verb} {shown}", ""
        note = (channel.instructions or "").strip()
        if note:
            head = f"{verb} {channel.value}".casefold()
            if note.casefold().startswith(head):
                extra = note[len(head) :].strip(" ();,.")
            elif channel.value in note or note.casefold().startswith(f"{verb} "):
                words = note[:1].lower() + note[1:]
            else:
                extra = note
        found.append((channel.kind, channel.value, words, extra))
    out: list[Reach] = []
    said: set[tuple[ChannelKind, str]] = set()
    for kind, value, words, note in found:
        extra = note
        if (kind, value) in said:
            continue
        said.add((kind, value))
        text = words
        if kind is ChannelKind.PHONE and words == f"call {value}":
            texts = [f for f in found if f[0] is ChannelKind.SMS and f[1] == value]
            if texts and texts[0][2] == f"text {value}":
                said.add((ChannelKind.SMS, value))
                text = f"call or text {value}"
                extra = "; ".join(e for e in (extra, texts[0][3]) if e)
        if extra:
            text += f" ({extra})"
        if kind in (ChannelKind.PHONE, ChannelKind.SMS):
            href: str | None = _tel(value) if kind is ChannelKind.PHONE else f"sms:{value}"
            shown = value
        elif kind is ChannelKind.IN_PERSON:
            href, shown = None, value
        else:
            href, shown = value, _plain_address(value)
        out.append(Reach(words=text, shown=shown, href=href))
    if not out and resource.url:
        out.append(
            Reach(words=f"visit {_plain_address(resource.url)}", shown=_plain_address(resource.url),
                  href=resource.url)
        )  # fmt: skip
    return tuple(out)
