"""The text report of an assessment: something a clinician can read with a client.

The report shows names (it is meant for the person and their clinician), so it
belongs on a screen or a printout, never in a log. Every report ends with a way to
reach crisis help.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from grace_support.assessment.models import FindingCode
from grace_support.vocabulary import RoleCategory, SupportType

if TYPE_CHECKING:
    from grace_support.assessment import Assessment
    from grace_support.network import SupportNetwork
    from grace_support.recommendations import Recommendations

__all__ = ["CRISIS_LINE", "REASONS", "render_report"]

CRISIS_LINE = "If you are in crisis, call or text 988 (Suicide & Crisis Lifeline) or call 911."
"""The closing line of every person-facing report."""

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


def _names(network: SupportNetwork, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(network.person(pid).label for pid in ids)


def _wrap(text: str, *, indent: str, hang: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent=indent, subsequent_indent=hang)


def _row(label: str, value: str) -> str:
    return f"  {label:<24}{value}"


def render_report(
    network: SupportNetwork,
    assessment: Assessment,
    recommendations: Recommendations | None = None,
) -> str:
    """Render an assessment of a network as plain text.

    Args:
        network: The network that was assessed (for names).
        assessment: Its assessment.
        recommendations: Resources for the findings, shown under "Where to find help".

    Returns:
        The report, ending with [`CRISIS_LINE`][grace_support.report.CRISIS_LINE].
    """
    ms = assessment.measures
    lines = [f"Support network of {network.ego.label}, as of {assessment.as_of.isoformat()}", ""]

    lines.append("At a glance")
    dormant = ms.size - ms.active_size
    people = f"{ms.size} named" + (f", {ms.active_size} in touch" if dormant else "")
    if dormant:
        people += f", {dormant} out of touch"
    lines.append(_row("People", people))
    lines.append(_row("Inner circle", str(ms.inner_circle_size)))
    lines.append(_row("In touch every 2 weeks", str(ms.regular_contact_size)))
    role_counts = ms.role_counts.model_dump()
    roles = ", ".join(f"{c} {role_counts[c]}" for c in RoleCategory if role_counts[c])
    lines.append(_row("Who is in touch", roles or "no one yet"))
    if ms.size >= 2:
        possible = ms.size * (ms.size - 1) // 2
        lines.append(_row("Who knows whom", f"{len(network.ties)} of {possible} possible pairs"))
    if tuple(network.needs) != tuple(SupportType):
        lines.append(_row("Support wanted", ", ".join(network.needs) or "none listed"))
    lines.append("")

    lines.append(f"Support by type ({ms.support_types_covered} of 4 kinds covered)")
    for support_type in SupportType:
        active = [r.person for r in network.providers(support_type)]
        resting = [r.person for r in network.providers(support_type, include_dormant=True)]
        out_of_touch = [pid for pid in resting if pid not in active]
        given = _names(network, active) if active else "no one right now"
        if out_of_touch:
            given += f" (out of touch: {_names(network, out_of_touch)})"
        lines.append(_row(support_type.value.capitalize(), given))
    lines.append("")

    if assessment.findings:
        lines.append("What stands out")
        for number, finding in enumerate(assessment.findings, start=1):
            lines.extend(_wrap(f"{number}. {finding.message}", indent="  ", hang="     "))
            if finding.people:
                lines.append(f"     About: {_names(network, finding.people)}")
            lines.append("     What could help:")
            for action in finding.actions:
                lines.extend(_wrap(f"- {action.advice}", indent="       ", hang="         "))
    else:
        lines.append("Nothing stands out: support in this network looks well spread.")
    if recommendations is not None:
        lines.extend(_help_lines(recommendations))
    lines.extend(["", *_wrap(_NOTE, indent="", hang=""), "", CRISIS_LINE])
    return "\n".join(lines)


def _help_lines(recommendations: Recommendations) -> list[str]:
    seen: dict[str, list[FindingCode]] = {}
    refs = {}
    for recommendation in recommendations.recommendations:
        for ref in recommendation.resources:
            seen.setdefault(ref.id, []).append(recommendation.code)
            refs[ref.id] = ref
    if not seen:
        return []
    lines = ["", "Where to find help"]
    for resource_id, codes in seen.items():
        ref = refs[resource_id]
        lines.extend(
            _wrap(
                f"- {ref.name}" + (f": {ref.contact}" if ref.contact else ""),
                indent="  ",
                hang="    ",
            )
        )
        reasons = ", ".join(dict.fromkeys(REASONS[code] for code in codes))
        lines.append(f"    (may help with {reasons})")
    for article in recommendations.articles:
        lines.extend(_wrap(f"- Read: {article.title}", indent="  ", hang="    "))
    return lines
