r"""How much of the support rests on one person.

For each active alter $i$, $s_i$ is the number of support types they give, and
$S = \sum_i s_i$ is the total over active alters. Dormant alters give nothing now.

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> provider_loads(network)
    {'ana': 2, 'carlos': 1, 'dr-lee': 2, 'rosa': 1, 'jamie': 1}
    >>> top_provider_share(network), provider_hhi(network), top_providers(network)
    (0.2857142857142857, 0.22448979591836735, ('ana', 'dr-lee'))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures.diversity import hhi

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = ["provider_hhi", "provider_loads", "top_provider_share", "top_providers"]


def provider_loads(network: SupportNetwork) -> dict[str, int]:
    """Each active alter's $s_i$: the number of support types they give (0-4).

    In the order of the relationships; alters who give nothing are included with 0.
    """
    return {
        r.person: len(r.supports)
        for r in network.relationships
        if r.is_active and r.supports is not None
    }


def top_provider_share(network: SupportNetwork) -> float | None:
    r"""The share of all support that the busiest provider gives.

    $$\text{top\_provider\_share} = \frac{\max_i s_i}{S}$$

    ``None`` when nobody active gives support ($S = 0$). A share above one half
    means one person gives more support than everyone else together.
    """
    loads = provider_loads(network).values()
    total = sum(loads)
    return max(loads) / total if total else None


def provider_hhi(network: SupportNetwork) -> float | None:
    r"""The Herfindahl-Hirschman index of support over providers.

    $$HHI = \sum_i \left(\frac{s_i}{S}\right)^2$$

    1 when one person gives all support; $1/m$ when $m$ people give equal amounts;
    ``None`` when $S = 0$.

    Reference:
        Hirschman, A. O. (1964). The paternity of an index. *American Economic
        Review* 54(5), 761.
    """
    return hhi(list(provider_loads(network).values()))


def top_providers(network: SupportNetwork) -> tuple[str, ...]:
    """The ids of the active alters with the largest $s_i$, sorted; empty when $S = 0$."""
    loads = provider_loads(network)
    top = max(loads.values(), default=0)
    return tuple(sorted(pid for pid, s in loads.items() if s == top)) if top else ()
