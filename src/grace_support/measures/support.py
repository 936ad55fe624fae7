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
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures.diversity import pielou_evenness
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = [
    "missing_support_types",
    "single_provider_types",
    "support_counts",
    "support_evenness",
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
            for support_type in relationship.supports:
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
