r"""Composition of the alters on any attribute: shares, richness, entropy, Blau, IQV, E-I.

These are the analyst's measures, as egor (R) offers them, for any attribute of
the alters: a built-in field of the relationship (``role``, ``category``,
``closeness``, ``contact``, ``strain``) or a custom attribute (looked up first on
the relationship's ``attributes``, then on the person's).

**Missing values: one policy.** An alter whose value is missing (no such attribute,
or ``null``) is left out of every measure here, as egor's
``alts_diversity_count``, ``alts_diversity_entropy`` and ``comp_ei`` do. egor's
``composition`` instead counts NA as a category of its own; here the shares are over
the alters with a value, and [`missing_count`][grace_support.measures.missing_count]
says how many were left out. With no alter left, shares are empty and the other
measures are ``None`` (never ``nan``). An attribute that no alter has at all is
almost always a typo, so when neither the ego nor any alter has it, the measures
raise ``KeyError`` rather than give ``None``.

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> composition(network, "closeness")
    {'inner': 0.5, 'middle': 0.3333333333333333, 'outer': 0.16666666666666666}
    >>> richness(network, "category"), round(blau(network, "category"), 4)
    (4, 0.7222)
"""

from __future__ import annotations

import math
from collections import Counter
from enum import StrEnum
from typing import TYPE_CHECKING

from grace_support.measures.diversity import blau_index, shannon_entropy
from grace_support.measures.diversity import iqv as _iqv
from grace_support.touch import in_touch, judged_on, settings_or_default

if TYPE_CHECKING:
    from datetime import date

    from grace_support.attributes import AttributeValue
    from grace_support.network import Person, Relationship, SupportNetwork
    from grace_support.settings import Settings

__all__ = [
    "BUILT_IN_ATTRIBUTES",
    "alter_values",
    "blau",
    "composition",
    "ei_index",
    "entropy",
    "iqv",
    "missing_count",
    "richness",
]

BUILT_IN_ATTRIBUTES = ("role", "category", "closeness", "contact", "strain")
"""Relationship fields that composition measures can use by name."""


def _value(person: Person, relationship: Relationship, attribute: str) -> AttributeValue:
    if attribute in BUILT_IN_ATTRIBUTES:
        value = getattr(relationship, attribute)
        return value.value if isinstance(value, StrEnum) else value
    if attribute in relationship.attributes:
        return relationship.attributes[attribute]
    return person.attributes.get(attribute)


def alter_values(
    network: SupportNetwork,
    attribute: str,
    *,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> list[AttributeValue]:
    """Each alter's value of the attribute (``None`` where missing), in the order of people.

    With ``active_only``, only the alters in touch on the day judged on
    ([`in_touch`][grace_support.touch.in_touch]; ``as_of`` and ``settings`` as
    in [`assess`][grace_support.assess]).

    Raises:
        KeyError: The attribute is not built in, and neither the ego nor any alter has it.
    """
    if active_only:
        day, chosen = judged_on(network, as_of), settings_or_default(settings)
        alters = [(p, r) for p, r in network.alters if in_touch(r, as_of=day, settings=chosen)]
    else:
        alters = list(network.alters)
    known = (
        attribute in BUILT_IN_ATTRIBUTES
        or attribute in network.ego.attributes
        or any(attribute in r.attributes or attribute in p.attributes for p, r in network.alters)
    )
    if network.people and not known:
        raise KeyError(f"no alter has the attribute {attribute!r}")
    return [_value(p, r, attribute) for p, r in alters]


def _counts(
    network: SupportNetwork,
    attribute: str,
    active_only: bool,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> Counter[AttributeValue]:
    return Counter(
        v
        for v in alter_values(
            network, attribute, active_only=active_only, as_of=as_of, settings=settings
        )
        if v is not None
    )


def _order(value: AttributeValue) -> tuple[int, str]:
    return (0, "") if value is None else (1, f"{type(value).__name__}:{value}")


def composition(
    network: SupportNetwork,
    attribute: str,
    *,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> dict[AttributeValue, float]:
    """Each category's share of the alters with a value (egor's ``composition``, NA left out).

    Built-in categories come in their declared order; other values sorted. Shares sum to 1.
    """
    counts = _counts(network, attribute, active_only, as_of, settings)
    total = sum(counts.values())
    keys: list[AttributeValue]
    if attribute in BUILT_IN_ATTRIBUTES:
        keys = [k for k in _declared(attribute) if k in counts]
    else:
        keys = sorted(counts.keys(), key=_order)
    return {k: counts[k] / total for k in keys}


def _declared(attribute: str) -> list[str]:
    from grace_support import vocabulary as v  # noqa: PLC0415

    enum = {
        "role": v.Role,
        "category": v.RoleCategory,
        "closeness": v.Closeness,
        "contact": v.Contact,
        "strain": v.Strain,
    }[attribute]
    return [member.value for member in enum]


def missing_count(
    network: SupportNetwork,
    attribute: str,
    *,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> int:
    """How many alters have no value for the attribute (left out of the measures here)."""
    return sum(
        1
        for v in alter_values(
            network, attribute, active_only=active_only, as_of=as_of, settings=settings
        )
        if v is None
    )


def richness(
    network: SupportNetwork,
    attribute: str,
    *,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> int:
    """The number of distinct values among the alters (egor's ``alts_diversity_count``)."""
    return len(_counts(network, attribute, active_only, as_of, settings))


def entropy(
    network: SupportNetwork,
    attribute: str,
    *,
    base: float = math.e,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> float | None:
    r"""Shannon entropy of the alters' values: $-\sum_c p_c \log_b p_c$.

    ``base=2`` gives egor's ``alts_diversity_entropy``; the default is the natural log
    (netrics' "teachman"). ``None`` when no alter has a value.
    """
    return shannon_entropy(
        list(_counts(network, attribute, active_only, as_of, settings).values()), base=base
    )


def blau(
    network: SupportNetwork,
    attribute: str,
    *,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> float | None:
    r"""Blau's heterogeneity of the alters' values, $1 - \sum_c p_c^2$; ``None`` with no value."""
    return blau_index(list(_counts(network, attribute, active_only, as_of, settings).values()))


def iqv(
    network: SupportNetwork,
    attribute: str,
    *,
    k: int | None = None,
    active_only: bool = False,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> float | None:
    r"""The index of qualitative variation, $B / (1 - 1/K)$.

    Args:
        network: The network.
        attribute: The attribute.
        k: The number of declared categories. ``None`` uses the number *observed*
            among the alters, as ideanet and netmem do; with one observed category
            the IQV is 0.0 (no variation), as ideanet sets it.
        active_only: Only count the alters in touch on the day judged on.
        as_of: With ``active_only``: the day judged on (default as ``assess``).
        settings: With ``active_only``: where ``dormant_after_days`` comes from.

    Returns:
        The IQV in [0, 1], or ``None`` when no alter has a value.

    Raises:
        ValueError: More categories are observed than the declared ``k``.
    """
    counts = list(_counts(network, attribute, active_only, as_of, settings).values())
    if not counts:
        return None
    declared = len(counts) if k is None else k
    if declared < 2:
        return 0.0
    return _iqv(counts, k=declared)


def ei_index(network: SupportNetwork, attribute: str) -> float | None:
    r"""Krackhardt and Stern's E-I index of the ego against its alters (egor's ``comp_ei``).

    $$EI = \frac{E - I}{E + I}$$

    E counts alters whose value differs from the ego's, I those whose value equals
    it; alters with no value are left out. -1 when every alter is like the ego, +1
    when none is. ``None`` when the ego has no value or no alter has one. The ego's
    value comes from the ego's ``attributes`` (built-in relationship fields do not
    apply to the ego).

    Reference:
        Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational
        crises: an experimental simulation. *Social Psychology Quarterly* 51(2),
        123-140. <https://doi.org/10.2307/2786835>
    """
    ego_value = network.ego.attributes.get(attribute)
    values = [v for v in alter_values(network, attribute) if v is not None]
    if ego_value is None or not values:
        return None
    external = sum(1 for v in values if v != ego_value)
    internal = len(values) - external
    return (external - internal) / (external + internal)
