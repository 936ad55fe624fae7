r"""The shape of the network: how far the people the ego names know each other.

These measures look at the undirected graph of the ego, the alters whose ties to
each other were asked about (everyone, unless the document's ``ties_asked`` says
otherwise; dormant people too) and the ties between them; the one function
[`ego_graph`][grace_support.measures.structure.ego_graph] picks them. With $n$
such alters and $t$ alter-alter ties, $d_j$ the number of ties alter $j$ has to
other alters, and every ego-alter edge of weight 1:

- [`density`][grace_support.measures.density] $= t / \binom{n}{2}$;
- [`effective_size`][grace_support.measures.effective_size] $= n - 2t/n$ (its
  weighted form when ties have weights), and
  [`efficiency`][grace_support.measures.efficiency] $=$ effective size $/ n$;
- [`constraint`][grace_support.measures.constraint] and
  [`hierarchy`][grace_support.measures.hierarchy]: Burt's constraint of the ego
  and how unevenly it is spread over the alters;
- [`ego_betweenness`][grace_support.measures.ego_betweenness] (and its
  [normalised form][grace_support.measures.ego_betweenness_normalized]): how much
  the ego lies between alters who do not know each other.

Where networkx has the measure they equal it on ``network.to_networkx()`` (to
rounding), but are computed directly from the ties, without building a graph.

**Conventions.** The ego is in the graph and tied to every alter with weight 1;
a tie's weight is its ``weight`` (1 unless recorded); the ego's own ties are
never weighted. How other tools treat the ego and its weights is compared on
[the structure page](../measures/structure.md#conventions).

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> density(network), effective_size(network), efficiency(network)
    (0.2, 5.0, 0.8333333333333334)
    >>> constraint(network), round(hierarchy(network), 4)
    (0.34104938271604934, 0.0638)
    >>> ego_betweenness(network), round(ego_betweenness_normalized(network), 4)
    (11.0, 0.7333)
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

    from grace_support.network import SupportNetwork, Tie

__all__ = [
    "EgoGraph",
    "constraint",
    "density",
    "effective_size",
    "efficiency",
    "ego_betweenness",
    "ego_betweenness_normalized",
    "ego_graph",
    "hierarchy",
]


class EgoGraph(NamedTuple):
    """The part of a network the structural measures are computed over.

    Version added:
        0.2.0
    """

    alters: tuple[str, ...]
    """The ids of the alters whose ties to each other were asked about."""
    ties: Sequence[Tie]
    """The ties between them (ties only ever join two asked people)."""


def ego_graph(network: SupportNetwork) -> EgoGraph | None:
    """The alters and ties every structural measure is computed over.

    The alters are the people whose ties to each other were asked about: every
    alter, unless the network's ``ties_asked`` names some (then those). ``None``
    when ``ties_asked`` is empty while people were named: no tie was asked, so no
    structural measure has anything recorded to rest on.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b")], ties=[("a", "b")])
        >>> ego_graph(net).alters
        ('a', 'b')

    Version added:
        0.2.0
    """
    if network.ties_asked is None:
        return EgoGraph(tuple(p.id for p in network.people), network.ties)
    if not network.ties_asked and network.people:
        return None
    chosen = network.tie_asked_ids
    return EgoGraph(tuple(p.id for p in network.people if p.id in chosen), network.ties)


def density(network: SupportNetwork, *, weighted: bool = False) -> float | None:
    r"""The share of possible alter-alter ties that exist (the ego excluded).

    $$\text{density} = \frac{t}{n(n-1)/2}, \qquad
    \text{weighted density} = \frac{\sum_{\text{ties}} w}{n(n-1)/2}$$

    ``None`` when there are fewer than two alters, where no tie is possible, and
    when no ties were asked about; $n$ counts the asked people only.

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

    Version changed:
        0.2.0: computed over the asked people (``ties_asked``); ``None`` when no
        ties were asked.
    """
    graph = ego_graph(network)
    if graph is None:
        return None
    n = len(graph.alters)
    if n < 2:
        return None
    total = math.fsum(t.weight for t in graph.ties) if weighted else len(graph.ties)
    return total / (n * (n - 1) / 2)


def effective_size(network: SupportNetwork, *, weighted: bool = True) -> float | None:
    r"""Burt's effective size of the ego: the alters, less their redundancy.

    Burt's definition, with $p_{eq}$ the ego's proportional tie to alter $q$ and
    $m_{jq}$ alter $j$'s tie to $q$ divided by $j$'s strongest tie:

    $$\text{effective size} = \sum_j \Bigl(1 - \sum_{q \ne e, j} p_{eq}\, m_{jq}\Bigr)$$

    Every ego-alter tie has weight 1, so $p_{eq} = 1/n$, and with $s_j$ the summed
    weight of $j$'s ties to other alters and $M_j = \max(1, \max_q w_{jq})$ its
    strongest tie (the ego's included):

    $$\text{effective size} = n - \frac{1}{n} \sum_j \frac{s_j}{M_j}$$

    This equals ``networkx.effective_size(G, weight="weight")`` at the ego of
    ``network.to_networkx()``. When every tie has weight 1 it is Borgatti's
    simplification $n - 2t/n$ (also what ``weighted=False`` gives on any network):
    $n$ when no alters know each other, falling toward 1 as everyone knows
    everyone.

    Defined values: ``None`` for an empty network (networkx gives NaN for an ego
    with no one to be tied to); 1.0 for one alter (networkx's value). ``None``
    when no ties were asked about.

    Args:
        network: The network.
        weighted: Use the ties' weights (the default). ``False`` counts every tie
            as 1 ($n - 2t/n$, networkx's ``effective_size(G)`` without weights).

    Examples:
        >>> from grace_support import Relationship, SupportNetwork, Tie
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c")
        ... ], ties=[Tie("a", "b", weight=3), ("b", "c")])
        >>> effective_size(net), effective_size(net, weighted=False)
        (1.888888888888889, 1.6666666666666667)

        Worked by hand from the formula: $s_a = 3, M_a = 3$; $s_b = 4, M_b = 3$;
        $s_c = 1, M_c = 1$, so $3 - (1 + 4/3 + 1)/3 = 17/9$.

    References:
        Burt, R. S. (1992). *Structural Holes: The Social Structure of
        Competition*, pp. 52-54. Cambridge, MA: Harvard University Press.

        Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
        measures. *Connections* 20(1), 35-38.

    Version changed:
        0.2.0: uses tie weights by default (``weighted=True``; the same value as
        before when every weight is 1), and only the asked people.
    """
    graph = ego_graph(network)
    if graph is None or not graph.alters:
        return None
    n = len(graph.alters)
    if not weighted:
        return n - (2 * len(graph.ties)) / n
    strength: dict[str, float] = {}
    strongest: dict[str, float] = {}
    for tie in graph.ties:
        for end in (tie[0], tie[1]):
            strength[end] = strength.get(end, 0.0) + tie.weight
            strongest[end] = max(strongest.get(end, 1.0), tie.weight)
    return n - math.fsum(strength[j] / strongest[j] for j in strength) / n


def efficiency(network: SupportNetwork, *, weighted: bool = True) -> float | None:
    r"""Burt's efficiency: the effective size per alter it was computed over.

    $$\text{efficiency} = \frac{\text{effective size}}{n}$$

    with $n$ the alters the effective size was computed over (the asked people).
    It is 1 when no alters know each other and falls toward $1/n$ as everyone
    knows everyone. This is *not* ``networkx.efficiency``, which is Latora and
    Marchiori's efficiency of a pair of nodes.

    Defined values: ``None`` for an empty network (no effective size) and when
    no ties were asked about; 1.0 for one alter.

    Args:
        network: The network.
        weighted: Use the ties' weights, as
            [`effective_size`][grace_support.measures.effective_size] does.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c", "d")
        ... ], ties=[("a", "b")])
        >>> effective_size(net), efficiency(net)
        (3.5, 0.875)

    References:
        Burt, R. S. (1992). *Structural Holes*, p. 52. Cambridge, MA: Harvard
        University Press.

        Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
        measures. *Connections* 20(1), 35-38.

    Version added:
        0.2.0
    """
    size = effective_size(network, weighted=weighted)
    graph = ego_graph(network)
    if size is None or graph is None:
        return None
    return size / len(graph.alters)


def _indirect(graph: EgoGraph, *, weighted: bool) -> dict[str, float]:
    r"""Per alter $j$: $v_j = \sum_{q \in N(j)} w_{qj} / (1 + \sum_k w_{qk})$."""
    strength: dict[str, float] = dict.fromkeys(graph.alters, 0.0)
    for tie in graph.ties:
        w = tie.weight if weighted else 1.0
        strength[tie[0]] += w
        strength[tie[1]] += w
    indirect = dict.fromkeys(strength, 0.0)
    for tie in graph.ties:
        a, b = tie
        w = tie.weight if weighted else 1.0
        indirect[a] += w / (1 + strength[b])
        indirect[b] += w / (1 + strength[a])
    return indirect


def constraint(network: SupportNetwork, *, weighted: bool = False) -> float | None:
    r"""Burt's constraint of the ego: how much its contacts are tied to each other.

    In the unweighted undirected graph, every edge has proportional strength
    $p_{uv} = 1/\deg(u)$. The ego has degree $n$ and alter $j$ has degree
    $1 + d_j$, so Burt's

    $$c = \sum_{j} c_j, \qquad c_j = \Bigl(p_{ej} + \sum_{q \ne e, j} p_{eq}\, p_{qj}\Bigr)^2$$

    becomes

    $$c = \frac{1}{n^2} \sum_{j} \Bigl(1 + \sum_{q \in N(j)} \frac{1}{1 + d_q}\Bigr)^2$$

    where $N(j)$ is the alters tied to $j$. It is $1/n$ when no alters know each
    other and grows as they do (up to about 1). ``None`` for an empty network
    (networkx gives NaN) and when no ties were asked about; 1.0 for one alter
    (networkx's value).

    With ``weighted=True`` each tie has its weight $w_{qj}$ and each ego-alter
    edge weight 1, so $p_{uv} = w_{uv} / \sum_k w_{uk}$ and

    $$c = \frac{1}{n^2} \sum_{j} \Bigl(1 + \sum_{q \in N(j)}
    \frac{w_{qj}}{1 + \sum_{k \in N(q)} w_{qk}}\Bigr)^2$$

    which equals networkx's ``constraint(G, [ego], weight="weight")`` on
    ``network.to_networkx()``. With every weight 1 it is the unweighted value.

    Args:
        network: The network.
        weighted: Use the ties' weights (see above).

    Examples:
        >>> from grace_support import Relationship, SupportNetwork, Tie
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c")
        ... ], ties=[Tie("a", "b", weight=3)])
        >>> round(constraint(net), 4), round(constraint(net, weighted=True), 4)
        (0.6111, 0.7917)

    References:
        Burt, R. S. (1992). *Structural Holes*, pp. 54-55. Cambridge, MA: Harvard
        University Press.

        Hagberg, A., Schult, D., & Swart, P. (2008). Exploring network structure,
        dynamics, and function using NetworkX. *Proceedings of SciPy 2008*
        (``networkx.constraint``).

    Version changed:
        0.2.0: computed over the asked people (``ties_asked``); ``None`` when no
        ties were asked.
    """
    graph = ego_graph(network)
    if graph is None or not graph.alters:
        return None
    n = len(graph.alters)
    indirect = _indirect(graph, weighted=weighted)
    return math.fsum((1 + v) ** 2 for v in indirect.values()) / (n * n)


def hierarchy(network: SupportNetwork, *, weighted: bool = False) -> float | None:
    r"""Burt's hierarchy: how far the ego's constraint rests on one alter.

    With $c_j$ alter $j$'s part of the ego's constraint $C = \sum_j c_j$ (see
    [`constraint`][grace_support.measures.constraint]) and $r_j = c_j / (C/n)$:

    $$H = \frac{\sum_j r_j \ln r_j}{n \ln n}$$

    It is 0 when every alter constrains the ego equally (as when no alters know
    each other, or all do) and grows toward 1 as the constraint concentrates on
    one alter. The base of the logarithm cancels. With the notation of
    [`constraint`][grace_support.measures.constraint], $c_j = (1 + v_j)^2 / n^2$.

    Defined values: ``None`` below two alters, where $n \ln n = 0$ (with one
    alter all constraint rests on it; with none there is nothing to spread), and
    when no ties were asked about. networkx has no hierarchy.

    Args:
        network: The network.
        weighted: Use the ties' weights, as ``constraint(weighted=True)`` does.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c")
        ... ], ties=[("a", "b")])
        >>> round(hierarchy(net), 6)
        0.052205

        Worked by hand from the formula: $v_a = v_b = 1/2$, $v_c = 0$, so
        $c_a = c_b = (3/2)^2/9 = 1/4$, $c_c = 1/9$, $C = 11/18$; $r_a = r_b =
        27/22$, $r_c = 6/11$; $H = (2 \cdot \tfrac{27}{22} \ln\tfrac{27}{22} +
        \tfrac{6}{11} \ln\tfrac{6}{11}) / (3 \ln 3) \approx 0.052205$.

    References:
        Burt, R. S. (1992). *Structural Holes: The Social Structure of
        Competition*, pp. 70-71. Cambridge, MA: Harvard University Press.

    Version added:
        0.2.0
    """
    graph = ego_graph(network)
    if graph is None or len(graph.alters) < 2:
        return None
    n = len(graph.alters)
    parts = [(1 + v) ** 2 for v in _indirect(graph, weighted=weighted).values()]
    total = math.fsum(parts)
    ratios = [n * p / total for p in parts]
    value = math.fsum(r * math.log(r) for r in ratios) / (n * math.log(n))
    return min(1.0, max(0.0, value))


def ego_betweenness(network: SupportNetwork) -> float | None:
    r"""The ego's betweenness within its own network (Everett and Borgatti 2005).

    In the ego network every two alters are at most two steps apart, through the
    ego. For each pair $j, k$ of alters who are not tied, the ego is on one of
    the $1 + c_{jk}$ shortest paths between them, $c_{jk}$ being the alters both
    are tied to:

    $$b_e = \sum_{\{j,k\}\ \text{not tied}} \frac{1}{1 + c_{jk}}$$

    This equals ``networkx.betweenness_centrality(G, normalized=False)[ego]`` on
    the ego network ``network.to_networkx()``. Tie weights are not used (igraph
    and networkx would read them as distances). It is $\binom{n}{2}$ when no
    alters know each other and 0 when all do.

    Defined values: 0.0 for an empty network and for one alter (networkx's
    value: there is no pair to stand between). ``None`` when no ties were asked
    about.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c", "d")
        ... ], ties=[("a", "b"), ("b", "c")])
        >>> ego_betweenness(net)
        3.5

        Worked by hand: of the six pairs, a-b and b-c are tied; a-c share b
        (1/2); a-d, b-d and c-d share no one (1 each): $1/2 + 3 = 3.5$.

    Reference:
        Everett, M., & Borgatti, S. P. (2005). Ego network betweenness. *Social
        Networks* 27(1), 31-38. <https://doi.org/10.1016/j.socnet.2004.11.007>

    Version added:
        0.2.0
    """
    graph = ego_graph(network)
    if graph is None:
        return None
    n = len(graph.alters)
    pairs = {(a, b) if a < b else (b, a) for a, b in graph.ties}
    neighbours: dict[str, list[str]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    common: Counter[tuple[str, str]] = Counter()
    for around in neighbours.values():
        ordered = sorted(around)
        for i, j in enumerate(ordered):
            for k in ordered[i + 1 :]:
                common[j, k] += 1
    untied = n * (n - 1) // 2 - len(pairs)
    # Each untied pair counts 1, less what the paths through common alters take.
    shared = [1 / (1 + c) - 1 for pair, c in common.items() if pair not in pairs]
    return math.fsum([float(untied), *shared])


def ego_betweenness_normalized(network: SupportNetwork) -> float | None:
    r"""The ego betweenness over its largest possible value, the pairs of alters.

    $$b_e^{\text{norm}} = \frac{b_e}{n(n-1)/2}$$

    This equals ``networkx.betweenness_centrality(G, normalized=True)[ego]`` (and
    igraph's normalised betweenness, $2B/((N-1)(N-2))$ with $N = n + 1$ nodes).

    Defined values: 0.0 for an empty network and for one alter (networkx's
    value). ``None`` when no ties were asked about.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     (p, Relationship(person=p)) for p in ("a", "b", "c", "d")
        ... ], ties=[("a", "b"), ("b", "c")])
        >>> ego_betweenness_normalized(net)
        0.5833333333333334

    Reference:
        Everett, M., & Borgatti, S. P. (2005). Ego network betweenness. *Social
        Networks* 27(1), 31-38. <https://doi.org/10.1016/j.socnet.2004.11.007>

    Version added:
        0.2.0
    """
    value = ego_betweenness(network)
    graph = ego_graph(network)
    if value is None or graph is None:
        return None
    n = len(graph.alters)
    return value / (n * (n - 1) / 2) if n >= 2 else 0.0
