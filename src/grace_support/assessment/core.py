"""`assess`: the measures and findings of one support network on one day."""

from __future__ import annotations

from datetime import date
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
from grace_support.network import parse_day

if TYPE_CHECKING:
    from collections.abc import Mapping

    from grace_support.network import SupportNetwork

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
    support = m.support_counts(network)
    roles = m.role_counts(network)
    return Measures(
        size=m.size(network),
        active_size=m.active_size(network),
        regular_contact_size=m.regular_contact_size(network),
        inner_circle_size=m.inner_circle_size(network),
        support_counts=SupportCounts(**support),
        support_types_covered=m.support_types_covered(network),
        missing_support_types=m.missing_support_types(network),
        single_provider_types=m.single_provider_types(network),
        support_evenness=m.support_evenness(network),
        role_counts=RoleCounts(**roles),
        role_richness=m.role_richness(network),
        role_blau=m.role_blau(network),
        role_iqv=m.role_iqv(network),
        top_provider_share=m.top_provider_share(network),
        provider_hhi=m.provider_hhi(network),
        professional_count=m.professional_count(network),
        strained_count=m.strained_count(network),
        density=m.density(network),
        effective_size=m.effective_size(network),
        constraint=m.constraint(network),
        role_unknown_count=m.role_unknown_count(network),
        support_given_counts=SupportCounts(**m.support_given_counts(network)),
        reciprocity=m.reciprocity(network),
    )


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
        ValueError: ``as_of`` is not a ``YYYY-MM-DD`` date, or a setting is out of
            range (a ``pydantic.ValidationError`` naming the setting).

    Examples:
        >>> from grace_support.demo import example_network
        >>> result = assess(example_network(), as_of="2026-11-25")
        >>> [f.code.value for f in result.findings]  # doctest: +NORMALIZE_WHITESPACE
        ['missing-support', 'strained-tie', 'single-provider', 'dormant-tie', 'dormant-tie']
    """
    if as_of is not None:
        day = _day(as_of)
    else:
        day = network.collected_on if network.collected_on is not None else date.today()
    chosen = settings if isinstance(settings, Settings) else Settings.model_validate(settings or {})
    measures = compute_measures(network)
    context = Context(network=network, measures=measures, settings=chosen, as_of=day)
    findings = sorted((f for rule in RULES.values() for f in rule(context)), key=sort_key)
    return Assessment(
        ego=network.ego.id, as_of=day, settings=chosen, measures=measures, findings=tuple(findings)
    )


def _day(value: date | str) -> date:
    try:
        return parse_day(value)
    except ValueError as error:
        raise ValueError(f"as_of {error}") from None
