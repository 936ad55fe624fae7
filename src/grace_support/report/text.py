"""The text report of an assessment: something a clinician can read with a client.

The report shows ids unless names are asked for (``names=True``: it is then meant
for the person and their clinician, on a screen or a printout, never in a log).
Every report ends with a way to reach crisis help.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from grace_support._deprecation import deprecated
from grace_support.assessment.models import FindingCode
from grace_support.report._facts import ReportFacts, report_facts
from grace_support.report._help import find_help
from grace_support.report._words import Words
from grace_support.vocabulary import RoleCategory, SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable

    from grace_support.assessment import Assessment
    from grace_support.content.catalog import Catalog
    from grace_support.network import SupportNetwork
    from grace_support.recommendations import Recommendations
    from grace_support.report._help import Help
    from grace_support.report._words import Voice

__all__ = ["CRISIS_LINE", "REASONS", "neutralise", "out_of_touch", "render_report"]

CRISIS_LINE = Words("client").crisis_line()
"""The closing line of every person-facing report (client voice)."""

_WIDTH = 88
REASONS: dict[FindingCode, str] = {
    FindingCode.MISSING_SUPPORT: "a kind of support nobody gives right now",
    FindingCode.SINGLE_PROVIDER: "support that rests on one person",
    FindingCode.OVER_RELIANCE: "leaning on one person for most support",
    FindingCode.STRAINED_TIE: "a draining relationship",
    FindingCode.DORMANT_TIE: "reconnecting",
    FindingCode.NO_PROFESSIONAL_CARE: "adding professional care",
    FindingCode.NO_PERSONAL_SUPPORT: "building everyday personal support",
    FindingCode.SMALL_NETWORK: "growing the network",
}
"""What each kind of finding is about, in words for the "Where to find help" section."""
_NOTE = (
    "These notes describe the network as it was entered on this day. They are not a "
    "diagnosis or a score of the person, and they work best as a starting point for "
    "a conversation."
)


def _names(labels: dict[str, str], ids: Iterable[str]) -> str:
    return ", ".join(labels[pid] for pid in ids)


# Control characters (C0 but the line feed, DEL, C1: ESC starts terminal escape
# sequences), bidirectional overrides and isolates, and line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def neutralise(text: str) -> str:
    r"""Text that is safe to print to a terminal: each control character becomes U+FFFD.

    Names in a network are typed by people; one with an escape sequence could
    recolour, move the cursor or rewrite a terminal's title. Line feeds are kept.

    Examples:
        >>> neutralise("Ana\x1b[2J\u202eevil") == "Ana\ufffd[2J\ufffdevil"
        True
    """
    return _UNSAFE.sub("\ufffd", text)


def _wrap(text: str, *, indent: str, hang: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent=indent, subsequent_indent=hang)


def _row(label: str, value: str) -> list[str]:
    """A labelled row; a long value wraps under itself, like the rest of the report."""
    return textwrap.wrap(
        f"{label:<24}{value}",
        width=_WIDTH,
        initial_indent="  ",
        subsequent_indent=" " * 26,
        break_on_hyphens=False,
    )


def out_of_touch(network: SupportNetwork, assessment: Assessment) -> frozenset[str]:
    """The people a report lists as not in touch: everyone named but the in-touch set.

    In touch is [`in_touch`][grace_support.touch.in_touch] on the assessment's day
    with its settings: those who lost touch, and those whose last contact is longer
    ago than the settings allow, are not in touch. The counts stay the measures'.
    """
    return frozenset(report_facts(assessment, network).not_in_touch)


def _legacy_arguments(
    assessment: object, network: object, legacy: tuple[object, ...], recommendations: object
) -> tuple[Assessment, SupportNetwork, Recommendations | None, bool]:
    """Accept the old ``render_report(network, assessment, recommendations)`` with a warning."""
    from grace_support.assessment import Assessment  # noqa: PLC0415
    from grace_support.network import SupportNetwork  # noqa: PLC0415
    from grace_support.recommendations import Recommendations  # noqa: PLC0415

    given: Recommendations | None = None
    old = False
    if isinstance(assessment, SupportNetwork) and isinstance(network, Assessment):
        assessment, network, old = network, assessment, True
    if len(legacy) > 1:
        raise TypeError("render_report takes the assessment, the network and keyword options")
    if legacy:
        old = True
        if legacy[0] is not None and not isinstance(legacy[0], Recommendations):
            raise TypeError("the third argument of render_report must be Recommendations")
        given = legacy[0]
        show = given is not None
    elif isinstance(recommendations, Recommendations):
        old, given, show = True, recommendations, True
    else:
        show = bool(recommendations)
        if old:  # the old call showed no help without recommendations
            show = False
    if old:
        deprecated(
            "render_report(network, assessment, recommendations)",
            use="call render_report(assessment, network, recommendations=True, catalog=...)",
            since="0.2.0",
            stacklevel=3,
        )
    if not isinstance(assessment, Assessment) or not isinstance(network, SupportNetwork):
        raise TypeError("render_report takes an Assessment and the SupportNetwork it assessed")
    return assessment, network, given, show


def render_report(
    assessment: Assessment,
    network: SupportNetwork,
    *legacy: Recommendations | None,
    voice: Voice = "client",
    names: bool = False,
    recommendations: bool | Recommendations = True,
    catalog: Catalog | None = None,
) -> str:
    """Render an assessment of a network as plain text.

    Args:
        assessment: The assessment.
        network: The network that was assessed.
        *legacy: Deprecated: the ``Recommendations`` of the old call
            ``render_report(network, assessment, recommendations)``, which still works
            for one release with a ``DeprecationWarning``.
        voice: ``"client"`` speaks to the person ("you"); ``"clinician"`` speaks
            about them (by name when ``names=True``, else "the person").
        names: Show people's names; by default only their ids appear.
        recommendations: Whether to show "Where to find help" (a ``Recommendations``
            object here is deprecated).
        catalog: The app's own catalogue (the bundled one when ``None``).

    Returns:
        The report, ending with the crisis line ([`CRISIS_LINE`][grace_support.report.CRISIS_LINE]
        in the client voice). Control characters in names are replaced (see
        `neutralise`), so the report is safe to print to a terminal. Its length and
        the time to make it grow linearly with the number of people.

    Raises:
        ValueError: ``voice`` is neither ``"client"`` nor ``"clinician"``.
        TypeError: The arguments are not an assessment and its network.

    Version changed:
        0.2.0: takes ``(assessment, network, *, voice, names, recommendations,
        catalog)``; shows ids unless ``names=True``; the old order warns.
    """
    assessment, network, given, show = _legacy_arguments(
        assessment, network, legacy, recommendations
    )
    words = Words(voice, network.ego.label if names and network.ego.name else None)
    # One lookup table, so the report stays linear in the number of people.
    labels = {person.id: (person.label if names else person.id) for person in network.people}
    title = f"{words.title()}, as of {assessment.as_of.isoformat()}"
    lines = [*_wrap(title, indent="", hang="  "), ""]

    lines.extend(_glance_and_support(network, assessment, labels))
    if assessment.findings:
        by_person = {r.person: r for r in network.relationships}
        lines.append("What stands out")
        for number, finding in enumerate(assessment.findings, start=1):
            said = words.finding(
                finding,
                network=network,
                settings=assessment.settings,
                active=assessment.measures.active_size,
                relationships=by_person,
            )
            lines.extend(_wrap(f"{number}. {said}", indent="  ", hang="     "))
            if finding.people:
                about = f"About: {_names(labels, finding.people)}"
                lines.extend(_wrap(about, indent="     ", hang="       "))
            lines.append("     What could help:")
            for action in finding.actions:
                advice = words.advice(action)
                lines.extend(_wrap(f"- {advice}", indent="       ", hang="         "))
    else:
        lines.append("Nothing stands out: support in this network looks well spread.")
    if show:
        lines.extend(_help_lines(find_help(assessment, catalog=catalog, given=given), words))
    lines.extend(["", *_wrap(_NOTE, indent="", hang=""), "", words.crisis_line()])
    return neutralise("\n".join(lines))


def _glance_and_support(
    network: SupportNetwork, assessment: Assessment, labels: dict[str, str]
) -> list[str]:
    """The "At a glance", "Support by type" and "Not asked or not recorded" sections.

    Every count is a measure's value and every list the in-touch set (or its
    complement), from [`report_facts`][grace_support.report._facts.report_facts].
    """
    facts = report_facts(assessment, network)
    lines = [*_glance(network, assessment, facts, labels), ""]
    lines.extend(_support(network, assessment, facts, labels))
    lines.append("")
    if facts.not_recorded:
        lines.append("Not asked or not recorded")
        for note in facts.not_recorded:
            lines.extend(_wrap(f"- {note.words}", indent="  ", hang="    "))
        lines.append("")
    return lines


def _glance(
    network: SupportNetwork, assessment: Assessment, facts: ReportFacts, labels: dict[str, str]
) -> list[str]:
    ms = assessment.measures
    lines: list[str] = ["At a glance"]
    people = f"{facts.named} named"
    if facts.named:
        people += f": {facts.in_touch_count} in touch, {facts.not_in_touch_count} not in touch"
    lines.extend(_row("People", people))
    if facts.in_touch:
        lines.extend(_row("In touch", _names(labels, facts.in_touch)))
    if facts.not_in_touch:
        why = dict.fromkeys(facts.lost_touch, "lost touch") | dict.fromkeys(
            facts.not_lately, "not in touch for a while"
        )
        apart = ", ".join(f"{labels[pid]} ({why[pid]})" for pid in facts.not_in_touch)
        lines.extend(_row("Not in touch", apart))
    inner = ms.inner_circle_size
    lines.extend(_row("Inner circle", "not recorded" if inner is None else str(inner)))
    regular = ms.regular_contact_size
    shown = "not recorded" if regular is None else str(regular)
    lines.extend(_row("In touch every 2 weeks", shown))
    role_counts = ms.role_counts.model_dump()
    parts = [f"{c} {role_counts[c]}" for c in RoleCategory if role_counts[c]]
    if ms.role_unknown_count:
        parts.append(f"role not recorded {ms.role_unknown_count}")
    lines.extend(_row("Who is in touch", ", ".join(parts) or "no one yet"))
    asked = facts.ties_asked_count
    if asked >= 2:
        possible = asked * (asked - 1) // 2
        known = f"{len(network.ties)} of {possible} possible pairs"
        if asked < facts.named:
            known += " among the people asked"
        lines.extend(_row("Who knows whom", known))
    if tuple(network.needs) != tuple(SupportType):
        lines.extend(_row("Support wanted", ", ".join(network.needs) or "none listed"))
    return lines


def _support(
    network: SupportNetwork, assessment: Assessment, facts: ReportFacts, labels: dict[str, str]
) -> list[str]:
    covered = assessment.measures.support_types_covered
    asked_kinds = len(network.support_types_asked)
    if covered is None:
        heading = "Support by type (not recorded)"
    elif asked_kinds == len(SupportType):
        heading = f"Support by type ({covered} of 4 kinds covered)"
    else:
        heading = f"Support by type ({covered} of the {asked_kinds} kinds asked covered)"
    lines = [heading]
    for line in facts.support:
        if not line.asked:
            given = "not asked in this interview"
        else:
            shown = [_names(labels, line.in_touch)] if line.in_touch else []
            if line.unknown:
                people_word = "person" if line.unknown == 1 else "people"
                shown.append(f"not recorded for {line.unknown} {people_word} in touch")
            given = "; ".join(shown) or "no one right now"
            if line.not_in_touch:
                given += f" (not in touch: {_names(labels, line.not_in_touch)})"
        lines.extend(_row(line.support_type.value.capitalize(), given))
    return lines


def _help_lines(found: Help, words: Words) -> list[str]:
    lines = ["", "Where to find help"]
    for entry in found.resources:
        if entry.reach:
            ways = "; ".join(way.words for way in entry.reach)
            text = f"- {entry.name}: {ways[:1].upper()}{ways[1:]}"
        else:
            text = f"- {words.ask_care_team(entry.name)}"
        lines.extend(_wrap(text, indent="  ", hang="    "))
        reasons = ", ".join(entry.reasons)
        lines.extend(_wrap(f"(may help with {reasons})", indent="    ", hang="     "))
    lines.append("  Crisis help, any time:")
    for entry in found.crisis:
        ways = "; ".join(way.words for way in entry.reach)
        text = f"- {entry.name}: {ways[:1].upper()}{ways[1:]}"
        lines.extend(_wrap(text, indent="  ", hang="    "))
        if entry.reasons:
            reasons = ", ".join(entry.reasons)
            lines.extend(_wrap(f"(may also help with {reasons})", indent="    ", hang="     "))
    for title, url in found.articles:
        text = f"- Read: {title} ({url})" if url else f"- {words.ask_for_article(title)}"
        lines.extend(_wrap(text, indent="  ", hang="    "))
    return lines
