"""`assess`: the measures and findings of one support network on one day."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from grace_support import measures as m
from grace_support.assessment.models import (
    Assessment,
    Measures,
    RoleCounts,
    Settings,
    SupportCounts,
)
from grace_support.assessment.rules import RULES, Context, sort_key
from grace_support.errors import AsOfError, Problem
from grace_support.measures.diversity import blau_index, hhi, iqv, pielou_evenness
from grace_support.network import SupportNetwork, parse_day
from grace_support.vocabulary import Closeness, Contact, RoleCategory, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["assess", "compute_measures"]


def compute_measures(network: SupportNetwork) -> Measures:
    """Every measure of the network, as one model.

    Each value is exactly what the function of the same name in
    [`grace_support.measures`][grace_support.measures] returns.

    Examples:
        >>> from grace_support.demo import example_network
        >>> compute_measures(example_network()).support_types_covered
        3
    """
    # One pass over the relationships counts everything the measures need; each
    # value is then derived with the same formula as the function of the same name
    # (tests hold the two equal).
    support = dict.fromkeys(SupportType, 0)
    given = dict.fromkeys(SupportType, 0)
    roles = dict.fromkeys(RoleCategory, 0)
    loads: list[int] = []
    active = regular = inner = strained = unknown = reciprocal = 0
    for relationship in network.relationships:
        contact = relationship.contact
        if relationship.closeness is Closeness.INNER:
            inner += 1
        if relationship.strain is Strain.HIGH:
            strained += 1
        if contact is not None and contact in _REGULAR:
            regular += 1
        if contact is Contact.LOST_TOUCH:
            continue
        active += 1
        supports = relationship.supports
        for support_type in supports or ():
            support[support_type] += 1
        for support_type in relationship.gives or ():
            given[support_type] += 1
        if relationship.role is None:
            unknown += 1
        else:
            roles[relationship.role.category] += 1
        if supports is not None:
            loads.append(len(supports))
        if supports and relationship.gives:
            reciprocal += 1
    support_values = list(support.values())
    role_values = list(roles.values())
    total_load = sum(loads)
    return Measures(
        size=len(network.people),
        active_size=active,
        regular_contact_size=regular,
        inner_circle_size=inner,
        support_counts=SupportCounts(**support),
        support_types_covered=sum(1 for n in support_values if n > 0),
        missing_support_types=tuple(t for t in network.needs if support[t] == 0),
        single_provider_types=tuple(t for t in network.needs if support[t] == 1),
        support_evenness=pielou_evenness(support_values, k=len(SupportType)),
        role_counts=RoleCounts(**roles),
        role_richness=sum(1 for n in role_values if n > 0),
        role_blau=blau_index(role_values),
        role_iqv=iqv(role_values, k=len(RoleCategory)),
        top_provider_share=max(loads) / total_load if total_load else None,
        provider_hhi=hhi(loads),
        professional_count=roles[RoleCategory.PROFESSIONAL],
        strained_count=strained,
        density=m.density(network),
        effective_size=m.effective_size(network),
        constraint=m.constraint(network),
        role_unknown_count=unknown,
        support_given_counts=SupportCounts(**given),
        reciprocity=reciprocal / active if active else None,
        efficiency=m.efficiency(network),
        hierarchy=m.hierarchy(network),
        ego_betweenness=m.ego_betweenness(network),
        ego_betweenness_normalized=m.ego_betweenness_normalized(network),
    )


_REGULAR = frozenset(c for c in Contact if c.is_regular)


@cache
def _default_settings() -> Settings:
    """The default settings, built once (``Settings`` is frozen)."""
    return Settings()


def assess(
    network: SupportNetwork,
    *,
    as_of: date | str | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> Assessment:
    """Measure a support network and list what stands out, with the advice that fits.

    Args:
        network: The support network.
        as_of: The day to judge it on (a ``date`` or ``YYYY-MM-DD``). When omitted,
            the network's ``collected_on`` day if it has one (so an assessment of a
            stored document is the same on any day), else today. Only
            ``dormant-tie`` depends on it.
        settings: The thresholds of the findings, as ``Settings`` or a mapping of
            its fields; the defaults when omitted.

    Returns:
        The assessment. The same network, day and settings always give an equal
        assessment and the same JSON, byte for byte.

    Raises:
        TypeError: ``network`` is not a ``SupportNetwork`` (e.g. a decoded JSON
            document: read it with ``network_from_data`` or ``parse_network`` first).
        ValueError: ``as_of`` is not a ``YYYY-MM-DD`` date, or a setting is out of
            range (a ``pydantic.ValidationError`` naming the setting).
        grace_support.errors.AsOfError: ``as_of`` is earlier than the day the
            network was collected or than a recorded last contact; the error names
            each such field (``collected_on``, ``relationships[3].last_contact``),
            never its value. A ``DocumentError``, so a ``ValueError`` too.

    Examples:
        >>> from grace_support.demo import example_network
        >>> result = assess(example_network(), as_of="2026-11-25")
        >>> [f.code.value for f in result.findings]  # doctest: +NORMALIZE_WHITESPACE
        ['missing-support', 'strained-tie', 'single-provider', 'dormant-tie', 'dormant-tie']
    """
    if not isinstance(network, SupportNetwork):
        raise TypeError(
            "assess() takes a SupportNetwork; for a document (a dict or JSON text), "
            "validate it first with network_from_data(), parse_network() or read_network()"
        )
    if as_of is not None:
        day = _day(as_of)
        _check_not_before(network, day)
    else:
        day = network.collected_on if network.collected_on is not None else date.today()
    if isinstance(settings, Settings):
        chosen = settings
    else:
        chosen = Settings.model_validate(settings) if settings else _default_settings()
    measures = compute_measures(network)
    context = Context(network=network, measures=measures, settings=chosen, as_of=day)
    findings = sorted((f for rule in RULES.values() for f in rule(context)), key=sort_key)
    return Assessment(
        ego=network.ego.id, as_of=day, settings=chosen, measures=measures, findings=tuple(findings)
    )


def _check_not_before(network: SupportNetwork, day: date) -> None:
    """Raise an `AsOfError` naming every recorded day that is later than `day`."""
    problems = []
    if network.collected_on is not None and network.collected_on > day:
        problems.append(Problem("collected_on", "is later than as_of"))
    for index, relationship in enumerate(network.relationships):
        if relationship.last_contact is not None and relationship.last_contact > day:
            problems.append(Problem(f"relationships[{index}].last_contact", "is later than as_of"))
    if problems:
        raise AsOfError(problems)


def _day(value: date | str) -> date:
    try:
        return parse_day(value)
    except ValueError as error:
        message = f"as_of {error}"
    raise ValueError(message)  # outside the except block: no chain
