"""What the reports say, as plain data: counts, who is in touch, what is working.

Every report (the text report, the HTML page, and any voice of them) says the
same things about a network, and only what was recorded:

- every count of people is a measure's value (``named`` is ``size``,
  ``in_touch_count`` is ``active_size``; ``not_in_touch_count`` is
  ``size - active_size``), and named = in touch + not in touch, nobody twice;
- every list of people is the set of [`in_touch`][grace_support.touch.in_touch]
  (or its complement) on the assessment's day, or a finding's people;
- "what is working" lists no one with high strain and no one not in touch;
- what was not asked or not recorded (`Assessment.not_recorded`) is said in
  plain words, never left as a gap.

[`report_facts`][grace_support.report._facts.report_facts] gathers all of it;
the wording layers (``text.py``, ``html.py``) only word it.

Examples:
    >>> from grace_support import assess
    >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
    >>> network = example_network()
    >>> facts = report_facts(assess(network, as_of=EXAMPLE_AS_OF), network)
    >>> facts.named, facts.in_touch_count, facts.not_in_touch_count
    (6, 4, 2)
    >>> facts.in_touch, facts.lost_touch, facts.not_lately
    (('ana', 'dr-lee', 'rosa', 'jamie'), ('sam',), ('carlos',))
    >>> facts.close_in_touch
    ('ana',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from grace_support.assessment.models import NotRecordedField
from grace_support.report._words import Words
from grace_support.touch import in_touch_ids
from grace_support.vocabulary import Closeness, Contact, Strain, SupportType

if TYPE_CHECKING:
    from grace_support.assessment.models import Assessment, NotRecorded
    from grace_support.network import SupportNetwork

__all__ = [
    "NotRecordedNote",
    "ReportFacts",
    "SupportLine",
    "not_recorded_words",
    "report_facts",
]


@dataclass(frozen=True, slots=True)
class SupportLine:
    """Who gives one kind of support, as recorded."""

    support_type: SupportType
    """The kind of support."""
    asked: bool
    """Whether the interview asked about it (``support_types_asked``)."""
    count: int | None
    """``measures.support_counts[type]``: people in touch recorded as giving it
    (``None``: not asked, or nothing recorded)."""
    in_touch: tuple[str, ...]
    """The people in touch recorded as giving it (ids, in the network's order):
    exactly ``count`` of them."""
    not_in_touch: tuple[str, ...]
    """People recorded as giving it who are not in touch (they give it no longer)."""
    unknown: int
    """``measures.support_unknown_count``: people in touch whose supports were not
    recorded (they may give it)."""


@dataclass(frozen=True, slots=True)
class NotRecordedNote:
    """One entry of `Assessment.not_recorded`, with its plain words."""

    entry: NotRecorded
    """The entry (field, count, among, support types)."""
    words: str
    """The entry in plain words, e.g. "Kinds of support were not asked in this
    interview (11 people)." (neutral voice: no "you" or "they")."""


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """Everything a report says about the people, as data (see the module)."""

    named: int
    """``measures.size``: everyone named."""
    in_touch_count: int
    """``measures.active_size``: the people in touch."""
    not_in_touch_count: int
    """``size - active_size``: the people not in touch."""
    in_touch: tuple[str, ...]
    """The ids of the people in touch on the assessment's day (in the network's order)."""
    not_in_touch: tuple[str, ...]
    """The ids of everyone else named (in the network's order)."""
    lost_touch: tuple[str, ...]
    """Of ``not_in_touch``: contact recorded as ``lost_touch``."""
    not_lately: tuple[str, ...]
    """Of ``not_in_touch``: the others (a last contact longer ago than the settings allow)."""
    covered: tuple[SupportType, ...]
    """The kinds of support with at least one provider in touch (count above 0)."""
    support: tuple[SupportLine, ...]
    """One line per kind of support, in the declared order."""
    close_in_touch: tuple[str, ...]
    """What is working: people in touch, in the inner circle, in contact at least every
    two weeks, and whose strain is not recorded as high (ids, network order)."""
    has_peer: bool
    """A peer (role category ``peer``) is in touch."""
    has_professional: bool
    """A professional is in touch (``professional_count`` above 0)."""
    not_recorded: tuple[NotRecordedNote, ...]
    """What was not asked or not recorded, in plain words."""
    ties_asked_count: int
    """How many people were asked about whom they know (all named when ``ties_asked``
    is left out)."""


def report_facts(assessment: Assessment, network: SupportNetwork) -> ReportFacts:
    """The counts, lists of people and notes that every report of this assessment shows.

    Args:
        assessment: The assessment of ``network`` (its day and settings decide who is
            in touch).
        network: The network that was assessed.

    Returns:
        The facts, as plain data.
    """
    ms = assessment.measures
    touching = in_touch_ids(network, as_of=assessment.as_of, settings=assessment.settings)
    order = [r.person for r in network.relationships]
    in_touch = tuple(pid for pid in order if pid in touching)
    apart = [r for r in network.relationships if r.person not in touching]
    lost = tuple(r.person for r in apart if r.contact is Contact.LOST_TOUCH)
    lately = tuple(r.person for r in apart if r.contact is not Contact.LOST_TOUCH)
    counts = ms.support_counts.model_dump()
    lines = []
    for support_type in SupportType:
        givers = [r for r in network.relationships if r.provides(support_type)]
        lines.append(
            SupportLine(
                support_type=support_type,
                asked=support_type in network.support_types_asked,
                count=counts[support_type.value],
                in_touch=tuple(r.person for r in givers if r.person in touching),
                not_in_touch=tuple(r.person for r in givers if r.person not in touching),
                unknown=ms.support_unknown_count,
            )
        )
    close = tuple(
        r.person
        for r in network.relationships
        if r.person in touching
        and r.closeness is Closeness.INNER
        and r.contact is not None
        and r.contact.is_regular
        and r.strain is not Strain.HIGH
    )
    return ReportFacts(
        named=ms.size,
        in_touch_count=ms.active_size,
        not_in_touch_count=ms.size - ms.active_size,
        in_touch=in_touch,
        not_in_touch=tuple(r.person for r in apart),
        lost_touch=lost,
        not_lately=lately,
        covered=tuple(t for t in SupportType if counts[t.value]),
        support=tuple(lines),
        close_in_touch=close,
        has_peer=ms.role_counts.peer > 0,
        has_professional=(ms.professional_count or 0) > 0,
        not_recorded=tuple(
            NotRecordedNote(entry=entry, words=not_recorded_words(entry))
            for entry in assessment.not_recorded
        ),
        ties_asked_count=len(network.tie_asked_ids),
    )


def _people(count: int, among: str) -> str:
    return Words.people(count) + (" in touch" if among == "in_touch" else "")


def _kinds(types: tuple[SupportType, ...]) -> str:
    words = [t.value for t in types]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


_RECORDED_WORDS: dict[NotRecordedField, str] = {
    NotRecordedField.SUPPORTS: "Which kinds of support a person gives was not recorded",
    NotRecordedField.GIVES: "Which kinds of support they are given was not recorded",
    NotRecordedField.ROLE: "Who the person is (their role) was not recorded",
    NotRecordedField.CONTACT: "How often they are in touch was not recorded",
    NotRecordedField.CLOSENESS: "How close they are was not recorded",
    NotRecordedField.STRAIN: "Whether the relationship feels draining was not recorded",
    NotRecordedField.TIES_ASKED: "Whom they know in the network was not asked",
}


def not_recorded_words(entry: NotRecorded) -> str:
    """One `NotRecorded` entry in plain words (it says what was not asked, never "none").

    Examples:
        >>> from grace_support.assessment import NotRecorded
        >>> not_recorded_words(NotRecorded(field="support_types_asked", count=11,
        ...     among="named", support_types=("emotional", "practical", "informational", "peer")))
        'Kinds of support were not asked in this interview (11 people).'
        >>> not_recorded_words(NotRecorded(field="support_types_asked", count=3,
        ...     among="named", support_types=("peer",)))
        'Peer support was not asked about in this interview (3 people).'
        >>> not_recorded_words(NotRecorded(field="strain", count=1, among="named"))
        'Whether the relationship feels draining was not recorded (1 person).'
    """
    people = _people(entry.count, entry.among)
    if entry.field in (NotRecordedField.SUPPORT_TYPES_ASKED, NotRecordedField.GIVES_TYPES_ASKED):
        giving = entry.field is NotRecordedField.GIVES_TYPES_ASKED
        if len(entry.support_types) == len(SupportType):
            what = "Kinds of support given to each person" if giving else "Kinds of support"
            return f"{what} were not asked in this interview ({people})."
        kinds = _kinds(entry.support_types)
        what = f"Giving {kinds} support" if giving else f"{kinds.capitalize()} support"
        verb = "was" if giving or len(entry.support_types) == 1 else "were"
        return f"{what} {verb} not asked about in this interview ({people})."
    return f"{_RECORDED_WORDS[entry.field]} ({people})."
