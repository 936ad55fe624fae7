r"""Who the support comes from: how varied the roles of active alters are.

The five [`RoleCategory`][grace_support.RoleCategory] values are the declared
categories (K = 5), so a category with nobody in it lowers the diversity.

A role may be unknown (not recorded). The role measures count only the active
alters whose role is known: an unknown role is a gap in the record, not a
category of its own. [`role_unknown_count`][grace_support.measures.role_unknown_count]
says how many active alters were left out.

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> {c.value: n for c, n in role_counts(network).items()}
    {'family': 2, 'friend': 1, 'peer': 0, 'community': 1, 'professional': 1}
    >>> role_richness(network), role_blau(network), role_iqv(network)
    (4, 0.72, 0.9)
    >>> role_unknown_count(network)
    0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures.diversity import blau_index, iqv
from grace_support.vocabulary import RoleCategory

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = [
    "professional_count",
    "role_blau",
    "role_counts",
    "role_iqv",
    "role_richness",
    "role_unknown_count",
]


def role_counts(network: SupportNetwork) -> dict[RoleCategory, int]:
    """For each of the five role categories, the number of active alters in it.

    Active alters whose role is unknown are in no category (see
    [`role_unknown_count`][grace_support.measures.role_unknown_count]).
    """
    counts = dict.fromkeys(RoleCategory, 0)
    for relationship in network.relationships:
        if relationship.is_active and relationship.role is not None:
            counts[relationship.role.category] += 1
    return counts


def role_unknown_count(network: SupportNetwork) -> int:
    r"""The number of active alters whose role is not recorded.

    $$\text{role\_unknown\_count} = \text{active\_size} - \sum_c \text{role\_counts}[c]$$

    0 for an empty network, and whenever every active alter's role is known.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", role="sibling")),
        ...     ("al", Relationship(person="al")),
        ... ])
        >>> role_unknown_count(net), role_richness(net)
        (1, 1)
    """
    return sum(1 for r in network.relationships if r.is_active and r.role is None)


def role_richness(network: SupportNetwork) -> int:
    """The number of role categories with at least one active alter (0-5)."""
    return sum(1 for n in role_counts(network).values() if n > 0)


def role_blau(network: SupportNetwork) -> float | None:
    r"""Blau's heterogeneity of the active alters' role categories.

    $$B = 1 - \sum_{c} p_c^2, \qquad p_c = \frac{\text{role\_counts}[c]}{N}$$

    with $N = \sum_c \text{role\_counts}[c]$, the active alters whose role is
    known. 0 when every one of them is in one category; at most $1 - 1/5 = 0.8$;
    ``None`` when no active alter has a known role.

    Reference:
        Blau, P. M. (1977). *Inequality and Heterogeneity*. New York: Free Press.
    """
    return blau_index(list(role_counts(network).values()))


def role_iqv(network: SupportNetwork) -> float | None:
    r"""The index of qualitative variation of role categories, with K = 5 declared.

    $$IQV = \frac{B}{1 - 1/5}$$

    1 when active alters are spread equally over all five categories; ``None``
    when no active alter has a known role. K is fixed at 5 (not the number of categories
    observed), so an absent category counts as missing variety.

    Reference:
        Agresti, A., & Agresti, B. F. (1978). Statistical analysis of qualitative
        variation. *Sociological Methodology* 9, 204-237.
        <https://doi.org/10.2307/270810>
    """
    return iqv(list(role_counts(network).values()), k=len(RoleCategory))


def professional_count(network: SupportNetwork) -> int:
    """The number of active alters in the ``professional`` category (role known)."""
    return role_counts(network)[RoleCategory.PROFESSIONAL]
