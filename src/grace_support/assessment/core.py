"""`assess`: the measures and findings of one support network on one day."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from grace_support import measures as m
from grace_support.assessment.models import (
    Assessment,
    Measures,
    NotRecorded,
    NotRecordedField,
    RoleCounts,
    Settings,
    SupportCounts,
)
from grace_support.assessment.rules import RULES, Context, sort_key
from grace_support.errors import AsOfError, Problem
from grace_support.measures import support as support_measures
from grace_support.measures.concentration import loads_of
from grace_support.measures.diversity import blau_index, hhi, iqv
from grace_support.network import SupportNetwork
from grace_support.touch import as_day, in_touch, judged_on, settings_or_default
from grace_support.vocabulary import Closeness, Contact, RoleCategory, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date


__all__ = ["assess", "compute_measures", "not_recorded"]


def compute_measures(
    network: SupportNetwork,
    *,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> Measures:
    """Every measure of the network, as one model.

    Each value is exactly what the function of the same name in
    [`grace_support.measures`][grace_support.measures] returns with the same
    ``as_of`` and ``settings``.

    Args:
        network: The network.
        as_of: The day judged on (who is in touch); by default the network's
            ``collected_on`` day, else today, as in [`assess`][grace_support.assess].
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Examples:
        >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
        >>> compute_measures(example_network(), as_of=EXAMPLE_AS_OF).support_types_covered
        3
    """
    # One pass over the people in touch counts what the measures need; each value is
    # then derived with the same formula (and helpers) as the function of the same
    # name (tests hold the two equal).
    day = judged_on(network, as_of)
    chosen = settings_or_default(settings)
    touching = [r for r in network.relationships if in_touch(r, as_of=day, settings=chosen)]
    roles = dict.fromkeys(RoleCategory, 0)
    role_unknown = contact_unknown = regular = support_unknown = gives_unknown = 0
    for relationship in touching:
        role = relationship.role
        if role is None:
            role_unknown += 1
        else:
            roles[role.category] += 1
        contact = relationship.contact
        if contact is None:
            contact_unknown += 1
        elif contact in _REGULAR:
            regular += 1
        if relationship.supports is None:
            support_unknown += 1
        if relationship.gives is None:
            gives_unknown += 1
    inner, strained, strain_unknown = _everyone_counts(network)
    asked = network.support_types_asked
    support = support_measures.tally(touching, asked)
    given = support_measures.tally(touching, network.gives_types_asked, gives=True)
    if support_unknown:
        missing: tuple[SupportType, ...] = ()
        single: tuple[SupportType, ...] = ()
    else:
        missing = tuple(t for t in network.needs if support[t] == 0)
        single = tuple(t for t in network.needs if support[t] == 1)
    covered = (
        None if all(n is None for n in support.values()) else sum(1 for n in support.values() if n)
    )
    loads = list(loads_of(touching, asked).values())
    total_load = sum(loads)
    role_values = list(roles.values())
    no_role = bool(touching) and role_unknown == len(touching)  # nothing recorded to count
    people = len(network.relationships)
    return Measures(
        size=len(network.people),
        active_size=len(touching),
        regular_contact_size=None if touching and contact_unknown == len(touching) else regular,
        inner_circle_size=inner,
        support_counts=SupportCounts(**support),
        support_types_covered=covered,
        missing_support_types=missing,
        single_provider_types=single,
        support_evenness=support_measures.evenness(support, asked),
        role_counts=RoleCounts(**roles),
        role_richness=None if no_role else sum(1 for n in role_values if n > 0),
        role_blau=blau_index(role_values),
        role_iqv=iqv(role_values, k=len(RoleCategory)),
        top_provider_share=max(loads) / total_load if total_load else None,
        provider_hhi=hhi(loads),
        professional_count=None if no_role else roles[RoleCategory.PROFESSIONAL],
        strained_count=None if people and strain_unknown == people else strained,
        density=m.density(network),
        effective_size=m.effective_size(network),
        constraint=m.constraint(network),
        role_unknown_count=role_unknown,
        support_given_counts=SupportCounts(**given),
        reciprocity=support_measures.reciprocal_share(touching, asked, network.gives_types_asked),
        efficiency=m.efficiency(network),
        hierarchy=m.hierarchy(network),
        ego_betweenness=m.ego_betweenness(network),
        ego_betweenness_normalized=m.ego_betweenness_normalized(network),
        support_unknown_count=support_unknown,
        gives_unknown_count=gives_unknown,
        strain_unknown_count=strain_unknown,
        contact_unknown_count=contact_unknown,
    )


_REGULAR = frozenset(c for c in Contact if c.is_regular)


def _everyone_counts(network: SupportNetwork) -> tuple[int | None, int, int]:
    """Over everyone named: the inner circle, high strain, and strain not recorded.

    The inner circle is ``None`` when people are named and no closeness is recorded.
    """
    inner = strained = strain_unknown = closeness_unknown = 0
    for relationship in network.relationships:
        if relationship.closeness is None:
            closeness_unknown += 1
        elif relationship.closeness is Closeness.INNER:
            inner += 1
        strain = relationship.strain
        if strain is None:
            strain_unknown += 1
        elif strain is Strain.HIGH:
            strained += 1
    people = len(network.relationships)
    return (None if people and closeness_unknown == people else inner), strained, strain_unknown


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
        _check_not_before(network, as_day(as_of))
    day = judged_on(network, as_of)
    if isinstance(settings, Settings):
        chosen = settings
    else:
        chosen = Settings.model_validate(settings) if settings else settings_or_default(None)
    measures = compute_measures(network, as_of=day, settings=chosen)
    context = Context(network=network, measures=measures, settings=chosen, as_of=day)
    findings = sorted((f for rule in RULES.values() for f in rule(context)), key=sort_key)
    return Assessment(
        ego=network.ego.id,
        as_of=day,
        settings=chosen,
        measures=measures,
        findings=tuple(findings),
        not_recorded=not_recorded(network, measures),
    )


def not_recorded(network: SupportNetwork, measures: Measures) -> tuple[NotRecorded, ...]:
    """What was not asked or not recorded in the network, and for how many people.

    The counts are the measures' own where there is one: ``supports``,
    ``gives``, ``role`` and ``contact`` count the people in touch
    (``support_unknown_count``, ``gives_unknown_count``, ``role_unknown_count``,
    ``contact_unknown_count``); ``strain`` counts everyone named
    (``strain_unknown_count``) and ``closeness`` too. A kind of support not asked
    concerns everyone named (``size``); ties not asked, everyone named but the
    people in ``ties_asked``. When no kind of support was asked at all, the
    per-person ``supports`` entry is left out (it says nothing more); the same
    for ``gives``.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [("jo", Relationship(person="jo"))],
        ...     support_types_asked=["emotional", "practical", "informational"])
        >>> [(n.field.value, n.count) for n in not_recorded(net, compute_measures(net))]
        [('support_types_asked', 1), ('role', 1), ('contact', 1), ('closeness', 1)]

    Version added:
        0.2.0
    """
    size = measures.size
    named: list[tuple[NotRecordedField, int, tuple[SupportType, ...]]] = []
    touching: list[tuple[NotRecordedField, int]] = []
    unasked = tuple(t for t in SupportType if t not in network.support_types_asked)
    named.append((NotRecordedField.SUPPORT_TYPES_ASKED, size if unasked else 0, unasked))
    if network.support_types_asked:
        touching.append((NotRecordedField.SUPPORTS, measures.support_unknown_count))
    unasked_gives = tuple(t for t in SupportType if t not in network.gives_types_asked)
    named.append((NotRecordedField.GIVES_TYPES_ASKED, size if unasked_gives else 0, unasked_gives))
    if network.gives_types_asked:
        touching.append((NotRecordedField.GIVES, measures.gives_unknown_count))
    touching.append((NotRecordedField.ROLE, measures.role_unknown_count))
    touching.append((NotRecordedField.CONTACT, measures.contact_unknown_count))
    closeness = sum(1 for r in network.relationships if r.closeness is None)
    named.append((NotRecordedField.CLOSENESS, closeness, ()))
    named.append((NotRecordedField.STRAIN, measures.strain_unknown_count, ()))
    named.append((NotRecordedField.TIES_ASKED, size - len(network.tie_asked_ids), ()))
    entries = [
        NotRecorded(field=field, count=count, among="named", support_types=types)
        for field, count, types in named
        if count
    ] + [
        NotRecorded(field=field, count=count, among="in_touch")
        for field, count in touching
        if count
    ]
    rank = {field: i for i, field in enumerate(NotRecordedField)}
    return tuple(sorted(entries, key=lambda entry: rank[entry.field]))


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
