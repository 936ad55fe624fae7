"""One small rule per finding code, and the advice that goes with each.

A rule reads the network, its measures, the settings and the day, and yields its
findings. [`RULES`][grace_support.assessment.rules.RULES] lists them; adding a
finding means adding one function, one entry there and one in
``FindingCode``. The wording describes the network, never the person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from grace_support.assessment.models import (
    Finding,
    FindingCode,
    Measures,
    Settings,
    Severity,
)
from grace_support.measures import top_providers
from grace_support.touch import in_touch
from grace_support.vocabulary import ActionId, Closeness, Contact, Strain, SupportType

if TYPE_CHECKING:
    from datetime import date

    from grace_support.network import SupportNetwork

__all__ = ["RULES", "SEVERITY", "Context", "Rule", "actions_for", "sort_key"]

A = ActionId

SEVERITY: dict[FindingCode, Severity] = {
    FindingCode.MISSING_SUPPORT: Severity.ATTENTION,
    FindingCode.SINGLE_PROVIDER: Severity.INFO,
    FindingCode.OVER_RELIANCE: Severity.ATTENTION,
    FindingCode.STRAINED_TIE: Severity.ATTENTION,
    FindingCode.DORMANT_TIE: Severity.INFO,
    FindingCode.NO_PROFESSIONAL_CARE: Severity.ATTENTION,
    FindingCode.NO_PERSONAL_SUPPORT: Severity.ATTENTION,
    FindingCode.SMALL_NETWORK: Severity.ATTENTION,
}
"""The severity of each finding code."""

_GAP_ACTIONS: dict[SupportType, tuple[ActionId, ...]] = {
    SupportType.EMOTIONAL: (A.RECONNECT, A.SHARE_NEEDS),
    SupportType.PRACTICAL: (A.RECONNECT, A.SHARE_NEEDS),
    SupportType.INFORMATIONAL: (A.SHARE_NEEDS, A.ADD_PROFESSIONAL_CARE),
    SupportType.PEER: (A.JOIN_SUPPORT_GROUP,),
}

_ACTIONS: dict[FindingCode, tuple[ActionId, ...]] = {
    FindingCode.OVER_RELIANCE: (A.JOIN_SUPPORT_GROUP, A.SHARE_NEEDS),
    FindingCode.STRAINED_TIE: (A.SET_BOUNDARIES, A.WORK_WITH_THERAPIST),
    FindingCode.DORMANT_TIE: (A.RECONNECT,),
    FindingCode.NO_PROFESSIONAL_CARE: (A.ADD_PROFESSIONAL_CARE,),
    FindingCode.NO_PERSONAL_SUPPORT: (A.RECONNECT, A.JOIN_SUPPORT_GROUP, A.BUILD_SOCIAL_SUPPORT),
    FindingCode.SMALL_NETWORK: (A.RECONNECT, A.JOIN_SUPPORT_GROUP, A.WORK_WITH_THERAPIST),
}


def actions_for(
    code: FindingCode,
    support_type: SupportType | None = None,
    *,
    professional_in_network: bool = False,
) -> tuple[ActionId, ...]:
    """The advice for a finding: the action ids, in their declared order.

    ``missing-support`` and ``single-provider`` depend on the support type: a gap
    in peer support points to support groups, one in informational support to
    asking for it and to professional care, and one in emotional or practical
    support to reconnecting and telling people how they can help. When a
    professional in touch is already in the network (`professional_in_network`), a gap's
    advice leaves out adding professional care: the person has it already, and
    asking for what they need (from that professional too) is the advice that fits.

    Examples:
        >>> [a.value for a in actions_for(FindingCode.MISSING_SUPPORT, SupportType.PEER)]
        ['join-support-group']
        >>> [a.value for a in actions_for(FindingCode.STRAINED_TIE)]
        ['set-boundaries', 'work-with-therapist']
        >>> gap = FindingCode.SINGLE_PROVIDER, SupportType.INFORMATIONAL
        >>> [a.value for a in actions_for(*gap)]
        ['share-needs', 'add-professional-care']
        >>> [a.value for a in actions_for(*gap, professional_in_network=True)]
        ['share-needs']
    """
    if code in (FindingCode.MISSING_SUPPORT, FindingCode.SINGLE_PROVIDER):
        if support_type is None:
            raise ValueError(f"{code} needs a support type")
        actions = _GAP_ACTIONS[support_type]
        if professional_in_network:
            return tuple(a for a in actions if a is not A.ADD_PROFESSIONAL_CARE)
        return actions
    return _ACTIONS[code]


@dataclass(frozen=True, slots=True)
class Context:
    """What every rule may look at."""

    network: SupportNetwork
    measures: Measures
    settings: Settings
    as_of: date


Rule = Callable[[Context], Iterator[Finding]]
"""A rule: reads the context, yields its findings."""


def _finding(
    code: FindingCode,
    message: str,
    *,
    support_type: SupportType | None = None,
    people: tuple[str, ...] = (),
    professional_in_network: bool = False,
) -> Finding:
    return Finding(
        code=code,
        severity=SEVERITY[code],
        message=message,
        support_type=support_type,
        people=tuple(sorted(people)),
        actions=actions_for(code, support_type, professional_in_network=professional_in_network),
    )


def missing_support(ctx: Context) -> Iterator[Finding]:
    """A needed type with no provider in touch: one finding per type.

    Raised only for a type that was asked (``support_types_asked``), and only
    when every in-touch person's supports were recorded: see
    [`missing_support_types`][grace_support.measures.missing_support_types].
    """
    for support_type in ctx.measures.missing_support_types:
        yield _finding(
            FindingCode.MISSING_SUPPORT,
            f"No one you are in touch with gives {support_type} support right now "
            f"({support_type.description}).",
            support_type=support_type,
            professional_in_network=(ctx.measures.professional_count or 0) > 0,
        )


def single_provider(ctx: Context) -> Iterator[Finding]:
    """A needed, asked type with exactly one provider in touch: people = that provider.

    The same rule as ``missing-support`` (every in-touch person's supports recorded);
    see [`single_provider_types`][grace_support.measures.single_provider_types].
    """
    for support_type in ctx.measures.single_provider_types:
        (provider,) = ctx.network.providers(support_type, as_of=ctx.as_of, settings=ctx.settings)
        yield _finding(
            FindingCode.SINGLE_PROVIDER,
            f"One person gives all of your {support_type} support. That is a strength, "
            "and it can help to have someone else too, for times they are not available.",
            support_type=support_type,
            people=(provider.person,),
            professional_in_network=(ctx.measures.professional_count or 0) > 0,
        )


def over_reliance(ctx: Context) -> Iterator[Finding]:
    """The top provider's share is above the setting and total support is large enough."""
    share = ctx.measures.top_provider_share
    settings = ctx.settings
    # S = sum over people in touch of the asked types each gives = sum over types of providers.
    total = sum(n for n in ctx.measures.support_counts.model_dump().values() if n)
    if share is None or share <= settings.over_reliance_share:
        return
    if total < settings.over_reliance_min_support:
        return
    limit = "half" if settings.over_reliance_share == 0.5 else f"{settings.over_reliance_share:.0%}"
    yield _finding(
        FindingCode.OVER_RELIANCE,
        f"One person gives more than {limit} of all the support in your network. "
        "Sharing the load with others can make support steadier for everyone.",
        people=top_providers(ctx.network, as_of=ctx.as_of, settings=ctx.settings),
    )


def strained_tie(ctx: Context) -> Iterator[Finding]:
    """Each relationship whose strain is recorded as ``high``, in touch or not.

    A relationship whose strain was not recorded never raises it.
    """
    for relationship in ctx.network.relationships:
        if relationship.strain is Strain.HIGH:
            yield _finding(
                FindingCode.STRAINED_TIE,
                "This relationship often feels draining or full of conflict. It is okay to "
                "set boundaries, and a therapist can help you think it through.",
                people=(relationship.person,),
            )


def dormant_tie(ctx: Context) -> Iterator[Finding]:
    """A close (inner or middle) relationship that is not in touch on the day judged on.

    Not in touch is [`in_touch`][grace_support.touch.in_touch]'s rule: contact
    ``lost_touch``, or a recorded last contact more than ``dormant_after_days``
    days before ``as_of`` (exactly that many days is still in touch). A
    relationship whose closeness is unknown is not counted as close.
    """
    limit = ctx.settings.dormant_after_days
    for relationship in ctx.network.relationships:
        # An unknown closeness is not counted as close: the rule is about close ties.
        if relationship.closeness is None or relationship.closeness is Closeness.OUTER:
            continue
        if in_touch(relationship, as_of=ctx.as_of, settings=ctx.settings):
            continue
        circle = relationship.closeness.value
        if relationship.contact is Contact.LOST_TOUCH:
            message = f"You have lost touch with someone in your {circle} circle."
        else:
            message = (
                f"It has been more than {limit} days since you were last in touch with "
                f"someone in your {circle} circle."
            )
        yield _finding(
            FindingCode.DORMANT_TIE,
            f"{message} If it feels right, reaching out again could be a good step.",
            people=(relationship.person,),
        )


def no_professional_care(ctx: Context) -> Iterator[Finding]:
    """No professional in touch, and every in-touch person's role is known.

    While any in-touch person's role is unknown, the rule stays silent: a gap in
    the record is not a gap in care.
    """
    if ctx.measures.professional_count == 0 and ctx.measures.role_unknown_count == 0:
        yield _finding(
            FindingCode.NO_PROFESSIONAL_CARE,
            "No professional, such as a therapist, psychiatrist or group counselor, is part "
            "of your network right now. Professional care can work alongside the support "
            "of people you know.",
        )


def no_personal_support(ctx: Context) -> Iterator[Finding]:
    """At least one person in touch, and every person in touch is a professional.

    Not raised while any in-touch person's role is unknown.
    """
    measures = ctx.measures
    if (
        measures.active_size > 0
        and measures.role_unknown_count == 0
        and measures.professional_count == measures.active_size
    ):
        yield _finding(
            FindingCode.NO_PERSONAL_SUPPORT,
            "Everyone you are in touch with in this network is a professional. Professional "
            "care matters, and everyday connection with friends, family, peers or community "
            "can add to it.",
        )


def small_network(ctx: Context) -> Iterator[Finding]:
    """Fewer people in touch than ``small_network_size``."""
    active = ctx.measures.active_size
    if active >= ctx.settings.small_network_size:
        return
    if active == 0:
        message = "There is no one you are in touch with in this network yet."
    else:
        people = "person" if active == 1 else "people"
        message = f"You are in touch with {active} {people} in this network."
    yield _finding(
        FindingCode.SMALL_NETWORK,
        f"{message} Many people find that a few more connections make support steadier.",
    )


RULES: dict[FindingCode, Rule] = {
    FindingCode.MISSING_SUPPORT: missing_support,
    FindingCode.SINGLE_PROVIDER: single_provider,
    FindingCode.OVER_RELIANCE: over_reliance,
    FindingCode.STRAINED_TIE: strained_tie,
    FindingCode.DORMANT_TIE: dormant_tie,
    FindingCode.NO_PROFESSIONAL_CARE: no_professional_care,
    FindingCode.NO_PERSONAL_SUPPORT: no_personal_support,
    FindingCode.SMALL_NETWORK: small_network,
}
"""The rule of every finding code."""

_SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}
_CODE_RANK = {c: i for i, c in enumerate(FindingCode)}
_TYPE_RANK = {t: i for i, t in enumerate(SupportType)}


def sort_key(finding: Finding) -> tuple[int, int, int, tuple[str, ...]]:
    """The order of findings: severity, code, support type, then people."""
    return (
        _SEVERITY_RANK[finding.severity],
        _CODE_RANK[finding.code],
        -1 if finding.support_type is None else _TYPE_RANK[finding.support_type],
        finding.people,
    )
