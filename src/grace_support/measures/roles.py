r"""Who the support comes from: how varied the roles of the alters in touch are.

The five [`RoleCategory`][grace_support.RoleCategory] values are the declared
categories (K = 5), so a category with nobody in it lowers the diversity.

The role measures count the alters *in touch* on the day judged on (see
[`in_touch`][grace_support.touch.in_touch]); they take keyword ``as_of`` and
``settings`` with the defaults of [`assess`][grace_support.assess].

A role may be unknown (not recorded). The role measures count only the in-touch
alters whose role is known: an unknown role is a gap in the record, not a
category of its own. [`role_unknown_count`][grace_support.measures.role_unknown_count]
says how many in-touch alters were left out.

Examples:
    >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
    >>> network, day = example_network(), EXAMPLE_AS_OF
    >>> {c.value: n for c, n in role_counts(network, as_of=day).items()}
    {'family': 1, 'friend': 1, 'peer': 0, 'community': 1, 'professional': 1}
    >>> role_richness(network, as_of=day), role_blau(network, as_of=day)
    (4, 0.75)
    >>> role_iqv(network, as_of=day), role_unknown_count(network, as_of=day)
    (0.9375, 0)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures._recorded import in_touch_relationships
from grace_support.measures.diversity import blau_index, iqv
from grace_support.vocabulary import RoleCategory

if TYPE_CHECKING:
    from datetime import date

    from grace_support.network import SupportNetwork
    from grace_support.settings import Settings

__all__ = [
    "professional_count",
    "role_blau",
    "role_counts",
    "role_iqv",
    "role_richness",
    "role_unknown_count",
]


def role_counts(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> dict[RoleCategory, int]:
    """For each of the five role categories, the number of in-touch alters in it.

    Active alters whose role is unknown are in no category (see
    [`role_unknown_count`][grace_support.measures.role_unknown_count]).
    """
    counts = dict.fromkeys(RoleCategory, 0)
    for relationship in in_touch_relationships(network, as_of, settings):
        if relationship.role is not None:
            counts[relationship.role.category] += 1
    return counts


def role_unknown_count(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int:
    r"""The number of in-touch alters whose role is not recorded.

    $$\text{role\_unknown\_count} = \text{active\_size} - \sum_c \text{role\_counts}[c]$$

    0 for an empty network, and whenever every in-touch alter's role is known.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", role="sibling")),
        ...     ("al", Relationship(person="al")),
        ... ])
        >>> role_unknown_count(net, as_of="2026-01-01"), role_richness(net, as_of="2026-01-01")
        (1, 1)

    Reference:
        Perry, B. L., Pescosolido, B. A., & Borgatti, S. P. (2018). *Egocentric
        Network Analysis: Foundations, Methods, and Models*, ch. 4 (missing data).
        Cambridge University Press. <https://doi.org/10.1017/9781316443255>
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return sum(1 for r in in_touch if r.role is None)


def role_richness(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int | None:
    """The number of role categories with at least one in-touch alter (0-5).

    ``None`` when people are in touch but none of their roles is recorded: nothing
    recorded to count (0 means no one is in touch).

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [("jo", Relationship(person="jo"))])
        >>> role_richness(net, as_of="2026-01-01") is None
        True
    """
    counts = role_counts(network, as_of=as_of, settings=settings)
    if _no_role_recorded(network, counts, as_of, settings):
        return None
    return sum(1 for n in counts.values() if n > 0)


def _no_role_recorded(
    network: SupportNetwork,
    counts: dict[RoleCategory, int],
    as_of: date | str | None,
    settings: Settings | None,
) -> bool:
    """People are in touch, and none of their roles is recorded."""
    return not any(counts.values()) and bool(
        role_unknown_count(network, as_of=as_of, settings=settings)
    )


def role_blau(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> float | None:
    r"""Blau's heterogeneity of the in-touch alters' role categories.

    $$B = 1 - \sum_{c} p_c^2, \qquad p_c = \frac{\text{role\_counts}[c]}{N}$$

    with $N = \sum_c \text{role\_counts}[c]$, the in-touch alters whose role is
    known. 0 when every one of them is in one category; at most $1 - 1/5 = 0.8$;
    ``None`` when no in-touch alter has a known role.

    Reference:
        Blau, P. M. (1977). *Inequality and Heterogeneity*. New York: Free Press.
    """
    return blau_index(list(role_counts(network, as_of=as_of, settings=settings).values()))


def role_iqv(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> float | None:
    r"""The index of qualitative variation of role categories, with K = 5 declared.

    $$IQV = \frac{B}{1 - 1/5}$$

    1 when in-touch alters are spread equally over all five categories; ``None``
    when no in-touch alter has a known role. K is fixed at 5 (not the number of categories
    observed), so an absent category counts as missing variety.

    Reference:
        Agresti, A., & Agresti, B. F. (1978). Statistical analysis of qualitative
        variation. *Sociological Methodology* 9, 204-237.
        <https://doi.org/10.2307/270810>
    """
    return iqv(
        list(role_counts(network, as_of=as_of, settings=settings).values()), k=len(RoleCategory)
    )


def professional_count(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int | None:
    """The number of in-touch alters in the ``professional`` category (role known).

    ``None`` when people are in touch but none of their roles is recorded.
    """
    counts = role_counts(network, as_of=as_of, settings=settings)
    if _no_role_recorded(network, counts, as_of, settings):
        return None
    return counts[RoleCategory.PROFESSIONAL]
