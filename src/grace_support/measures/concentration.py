r"""How much of the support rests on one person.

For each alter $i$ in touch on the day judged on whose ``supports`` are recorded,
$s_i$ is the number of kinds of support they give among the kinds asked
($|\text{supports}_i \cap A|$, $A$ the network's ``support_types_asked``), and
$S = \sum_i s_i$ is the total. People not in touch give nothing now; people whose
supports are not recorded are left out (see
[`support_unknown_count`][grace_support.measures.support_unknown_count]).

Examples:
    >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
    >>> network = example_network()
    >>> provider_loads(network, as_of=EXAMPLE_AS_OF)
    {'ana': 2, 'dr-lee': 2, 'rosa': 1, 'jamie': 1}
    >>> top_provider_share(network, as_of=EXAMPLE_AS_OF)
    0.3333333333333333
    >>> provider_hhi(network, as_of=EXAMPLE_AS_OF), top_providers(network, as_of=EXAMPLE_AS_OF)
    (0.2777777777777778, ('ana', 'dr-lee'))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures._recorded import in_touch_relationships
from grace_support.measures.diversity import hhi

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from grace_support.network import Relationship, SupportNetwork
    from grace_support.settings import Settings
    from grace_support.vocabulary import SupportType

__all__ = ["provider_hhi", "provider_loads", "top_provider_share", "top_providers"]


def loads_of(in_touch: Sequence[Relationship], asked: Sequence[SupportType]) -> dict[str, int]:
    """Each recorded in-touch alter's $s_i$, in the order given."""
    asked_set = frozenset(asked)
    return {
        r.person: sum(1 for t in r.supports if t in asked_set)
        for r in in_touch
        if r.supports is not None
    }


def provider_loads(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> dict[str, int]:
    r"""Each in-touch alter's $s_i$: the number of asked kinds of support they give (0-4).

    $$s_i = |\text{supports}_i \cap A|$$

    In the order of the relationships; in-touch alters who give nothing are
    included with 0; alters not in touch, or whose supports are not recorded, are
    not included.

    Reference:
        Hirschman, A. O. (1964). The paternity of an index. *American Economic
        Review* 54(5), 761.
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return loads_of(in_touch, network.support_types_asked)


def top_provider_share(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> float | None:
    r"""The share of all support that the busiest provider gives.

    $$\text{top\_provider\_share} = \frac{\max_i s_i}{S}$$

    ``None`` when nobody in touch is recorded giving support ($S = 0$). A share
    above one half means one person gives more support than everyone else together.

    Reference:
        Hirschman, A. O. (1964). The paternity of an index. *American Economic
        Review* 54(5), 761.
    """
    loads = provider_loads(network, as_of=as_of, settings=settings).values()
    total = sum(loads)
    return max(loads) / total if total else None


def provider_hhi(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> float | None:
    r"""The Herfindahl-Hirschman index of support over providers.

    $$HHI = \sum_i \left(\frac{s_i}{S}\right)^2$$

    1 when one person gives all support; $1/m$ when $m$ people give equal amounts;
    ``None`` when $S = 0$.

    Reference:
        Hirschman, A. O. (1964). The paternity of an index. *American Economic
        Review* 54(5), 761.
    """
    return hhi(list(provider_loads(network, as_of=as_of, settings=settings).values()))


def top_providers(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> tuple[str, ...]:
    """The ids of the in-touch alters with the largest $s_i$, sorted; empty when $S = 0$."""
    loads = provider_loads(network, as_of=as_of, settings=settings)
    top = max(loads.values(), default=0)
    return tuple(sorted(pid for pid, s in loads.items() if s == top)) if top else ()
