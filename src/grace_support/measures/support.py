r"""Which kinds of support the network gives, and how evenly.

Only *active* alters count as providers: someone the ego has lost touch with is
not giving support now. Results follow the declared order of
[`SupportType`][grace_support.SupportType].

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> {t.value: n for t, n in support_counts(network).items()}
    {'emotional': 3, 'practical': 3, 'informational': 1, 'peer': 0}
    >>> missing_support_types(network), single_provider_types(network)
    ((<SupportType.PEER: 'peer'>,), (<SupportType.INFORMATIONAL: 'informational'>,))

Support also flows the other way: a relationship's ``gives`` lists the types the
ego gives that person. [`support_given_counts`][grace_support.measures.support_given_counts]
and [`reciprocity`][grace_support.measures.reciprocity] describe it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures.diversity import pielou_evenness
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = [
    "missing_support_types",
    "reciprocity",
    "single_provider_types",
    "support_counts",
    "support_evenness",
    "support_given_counts",
    "support_types_covered",
]


def support_counts(network: SupportNetwork) -> dict[SupportType, int]:
    r"""For each support type, the number of active alters who give it.

    $$n_t = \bigl|\{\,i \text{ active} : t \in \text{supports}_i\,\}\bigr|$$

    Every type is present (with 0 when nobody gives it), in the declared order.
    """
    counts = dict.fromkeys(SupportType, 0)
    for relationship in network.relationships:
        if relationship.is_active:
            for support_type in relationship.supports or ():
                counts[support_type] += 1
    return counts


def support_types_covered(network: SupportNetwork) -> int:
    """The number of the four support types with at least one active provider (0-4)."""
    return sum(1 for n in support_counts(network).values() if n > 0)


def missing_support_types(network: SupportNetwork) -> tuple[SupportType, ...]:
    """The types in the ego's `needs` that no active alter gives, in declared order."""
    counts = support_counts(network)
    return tuple(t for t in network.needs if counts[t] == 0)


def single_provider_types(network: SupportNetwork) -> tuple[SupportType, ...]:
    """The types in the ego's `needs` that exactly one active alter gives."""
    counts = support_counts(network)
    return tuple(t for t in network.needs if counts[t] == 1)


def support_evenness(network: SupportNetwork) -> float | None:
    r"""How evenly support is spread over the four types (Pielou's evenness, K = 4).

    $$E = \frac{-\sum_{t:\,n_t>0} (n_t/N)\ln(n_t/N)}{\ln 4}, \qquad N = \sum_t n_t$$

    with $n_t$ from [`support_counts`][grace_support.measures.support_counts].
    1 when the four types are given equally often; 0 when all support is of one
    type; ``None`` when nobody active gives any support ($N = 0$), including the
    empty network. All four types count, whatever the ego's `needs`.

    Reference:
        Pielou, E. C. (1966). *Journal of Theoretical Biology* 13, 131-144.
        <https://doi.org/10.1016/0022-5193(66)90013-0>
    """
    return pielou_evenness(list(support_counts(network).values()), k=len(SupportType))


def support_given_counts(network: SupportNetwork) -> dict[SupportType, int]:
    r"""For each support type, the number of active alters the ego gives it to.

    $$g_t = \bigl|\{\,i \text{ active} : t \in \text{gives}_i\,\}\bigr|$$

    The mirror of [`support_counts`][grace_support.measures.support_counts]: every
    type is present (0 when the ego gives it to no one), in the declared order.
    A relationship with no ``gives`` recorded counts as the ego giving nothing.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", gives=["emotional", "practical"])),
        ...     ("al", Relationship(person="al", gives=["emotional"], contact="lost_touch")),
        ... ])
        >>> {t.value: n for t, n in support_given_counts(net).items()}
        {'emotional': 1, 'practical': 1, 'informational': 0, 'peer': 0}

    Reference:
        Antonucci, T. C., & Jackson, J. S. (1990). The role of reciprocity in social
        support. In B. R. Sarason, I. G. Sarason, & G. R. Pierce (Eds.), *Social
        Support: An Interactional View*, 173-198. New York: Wiley.
    """
    counts = dict.fromkeys(SupportType, 0)
    for relationship in network.relationships:
        if relationship.is_active:
            for support_type in relationship.gives or ():
                counts[support_type] += 1
    return counts


def reciprocity(network: SupportNetwork) -> float | None:
    r"""The share of active alters with whom support flows both ways.

    $$\text{reciprocity} = \frac{\bigl|\{\,i \text{ active} : \text{supports}_i \ne
    \varnothing \text{ and } \text{gives}_i \ne \varnothing\,\}\bigr|}{\text{active\_size}}$$

    An alter counts when they give the ego at least one type of support and the
    ego gives them at least one (not necessarily the same type). 0 when support
    flows one way only (or is not recorded); ``None`` with no active alters.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", supports=["emotional"], gives=["practical"])),
        ...     ("al", Relationship(person="al", supports=["emotional"])),
        ... ])
        >>> reciprocity(net)
        0.5
        >>> reciprocity(SupportNetwork.build("sam")) is None
        True

    Reference:
        Antonucci, T. C., & Jackson, J. S. (1990). The role of reciprocity in social
        support. In B. R. Sarason, I. G. Sarason, & G. R. Pierce (Eds.), *Social
        Support: An Interactional View*, 173-198. New York: Wiley.
    """
    active = [r for r in network.relationships if r.is_active]
    if not active:
        return None
    return sum(1 for r in active if r.supports and r.gives) / len(active)
