r"""The shape of the network: how far the people the ego names know each other.

These measures look at the undirected graph of the ego, **all** alters (dormant
ones too) and the ties between alters. With $n$ alters and $t$ alter-alter ties,
and $d_j$ the number of ties alter $j$ has to other alters:

- [`density`][grace_support.measures.density] $= t / \binom{n}{2}$;
- [`effective_size`][grace_support.measures.effective_size] $= n - 2t/n$;
- [`constraint`][grace_support.measures.constraint] is Burt's constraint of the ego.

They equal networkx's ``density`` of the alters and ``effective_size`` /
``constraint`` of the ego in ``network.to_networkx()`` (to rounding), but are
computed directly from the ties in $O(n + t)$ without building a graph.

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> density(network), effective_size(network), constraint(network)
    (0.2, 5.0, 0.34104938271604934)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = ["constraint", "density", "effective_size"]


def density(network: SupportNetwork, *, weighted: bool = False) -> float | None:
    r"""The share of possible alter-alter ties that exist (the ego excluded).

    $$\text{density} = \frac{t}{n(n-1)/2}, \qquad
    \text{weighted density} = \frac{\sum_{\text{ties}} w}{n(n-1)/2}$$

    ``None`` when there are fewer than two alters, where no tie is possible.

    Args:
        network: The network.
        weighted: Sum the ties' weights instead of counting them. With weights
            above 1 the result can be above 1; with every weight 1 it equals the
            unweighted density.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork, Tie
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c")
        ... ], ties=[Tie("a", "b", weight=2.5), ("b", "c")])
        >>> round(density(net), 4), density(net, weighted=True)
        (0.6667, 1.1666666666666667)

    Reference:
        Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods and
        Applications*, section 4.2. Cambridge University Press.
        <https://doi.org/10.1017/CBO9780511815478>
    """
    n = len(network.people)
    if n < 2:
        return None
    total = math.fsum(t.weight for t in network.ties) if weighted else len(network.ties)
    return total / (n * (n - 1) / 2)


def effective_size(network: SupportNetwork) -> float | None:
    r"""Burt's effective size of the ego: the alters, less their redundancy.

    $$\text{effective size} = n - \frac{2t}{n}$$

    Borgatti's simplification of Burt's measure for an unweighted, undirected
    network (networkx uses the same). It equals $n$ when no alters know each
    other, and falls toward 1 as everyone knows everyone. ``None`` for an empty
    network ($n = 0$); 1.0 for one alter.

    References:
        Burt, R. S. (1992). *Structural Holes: The Social Structure of
        Competition*. Cambridge, MA: Harvard University Press.

        Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
        measures. *Connections* 20(1), 35-38.
    """
    n = len(network.people)
    if n == 0:
        return None
    return n - (2 * len(network.ties)) / n


def constraint(network: SupportNetwork, *, weighted: bool = False) -> float | None:
    r"""Burt's constraint of the ego: how much its contacts are tied to each other.

    In the unweighted undirected graph, every edge has proportional strength
    $p_{uv} = 1/\deg(u)$. The ego has degree $n$ and alter $j$ has degree
    $1 + d_j$, so Burt's

    $$c = \sum_{j} \Bigl(p_{ej} + \sum_{q \ne e, j} p_{eq}\, p_{qj}\Bigr)^2$$

    becomes

    $$c = \frac{1}{n^2} \sum_{j} \Bigl(1 + \sum_{q \in N(j)} \frac{1}{1 + d_q}\Bigr)^2$$

    where $N(j)$ is the alters tied to $j$. It is $1/n$ when no alters know each
    other and grows as they do (up to about 1). ``None`` for an empty network;
    1.0 for one alter.

    With ``weighted=True`` each tie has its weight $w_{qj}$ and each ego-alter
    edge weight 1, so $p_{uv} = w_{uv} / \sum_k w_{uk}$ and

    $$c = \frac{1}{n^2} \sum_{j} \Bigl(1 + \sum_{q \in N(j)}
    \frac{w_{qj}}{1 + \sum_{k \in N(q)} w_{qk}}\Bigr)^2$$

    which equals networkx's ``constraint(G, [ego], weight="weight")`` on
    ``network.to_networkx()``. With every weight 1 it is the unweighted value.

    Args:
        network: The network.
        weighted: Use the ties' weights (see above).

    References:
        Burt, R. S. (1992). *Structural Holes*, pp. 54-55. Cambridge, MA: Harvard
        University Press.

        Hagberg, A., Schult, D., & Swart, P. (2008). Exploring network structure,
        dynamics, and function using NetworkX. *Proceedings of SciPy 2008*
        (``networkx.constraint``).
    """
    n = len(network.people)
    if n == 0:
        return None
    # strength[j] = the summed weight of j's ties to other alters (its degree when
    # unweighted); 1 + strength[j] is j's strength with the ego-alter edge.
    strength: dict[str, float] = dict.fromkeys((p.id for p in network.people), 0.0)
    for tie in network.ties:
        w = tie.weight if weighted else 1.0
        strength[tie[0]] += w
        strength[tie[1]] += w
    indirect = dict.fromkeys(strength, 0.0)
    for tie in network.ties:
        a, b = tie
        w = tie.weight if weighted else 1.0
        indirect[a] += w / (1 + strength[b])
        indirect[b] += w / (1 + strength[a])
    return math.fsum((1 + v) ** 2 for v in indirect.values()) / (n * n)
