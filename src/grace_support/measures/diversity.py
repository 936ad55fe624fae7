r"""Diversity and concentration of a set of category counts.

These work on plain counts (how many in each category) so that every family of
measures, and the analyst's own composition measures, share one definition. The
network measures in [`support`][grace_support.measures.support] and
[`roles`][grace_support.measures.roles] call them with declared categories, so an
empty category counts.

Each function returns ``None`` where the value is undefined (no observations),
never ``nan``. Sums use exact integer arithmetic or ``math.fsum``, so the result
does not depend on the order of the counts.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["blau_index", "hhi", "iqv", "pielou_evenness", "shannon_entropy"]


def _checked(counts: Sequence[int]) -> int:
    total = 0
    for count in counts:
        if count < 0:
            raise ValueError("counts must not be negative")
        total += count
    return total


def _checked_k(k: int, counts: Sequence[int]) -> None:
    if k < 2:
        raise ValueError("k, the number of declared categories, must be at least 2")
    if len(counts) > k:
        raise ValueError("there are more counts than declared categories k")


def shannon_entropy(counts: Sequence[int], *, base: float = math.e) -> float | None:
    r"""Shannon entropy of the categories' shares.

    $$H = -\sum_{c:\,n_c>0} p_c \log_b p_c, \qquad p_c = n_c / N,\; N = \sum_c n_c$$

    Args:
        counts: How many fall into each category (empty categories may be included).
        base: The logarithm's base: ``math.e`` (nats, the default), or 2 (bits, as
            egor's ``alts_diversity_entropy``).

    Returns:
        The entropy, or ``None`` when ``N = 0``.

    Examples:
        >>> shannon_entropy([1, 1], base=2)
        1.0
        >>> shannon_entropy([0, 0]) is None
        True

    Reference:
        Shannon, C. E. (1948). A mathematical theory of communication.
        *Bell System Technical Journal* 27(3), 379-423.
        <https://doi.org/10.1002/j.1538-7305.1948.tb01338.x>
    """
    total = _checked(counts)
    if total == 0:
        return None
    h = math.fsum(c / total * math.log(total / c) for c in counts if c > 0)
    return h / math.log(base) if base != math.e else h


def pielou_evenness(counts: Sequence[int], *, k: int) -> float | None:
    r"""Pielou's evenness: Shannon entropy divided by its largest possible value.

    $$J = \frac{H}{\ln K}$$

    with $H$ in nats and $K$ the number of *declared* categories, so a category
    nobody falls into lowers the evenness. $J$ is 1 when all $K$ categories are
    equally common and 0 when everything falls into one.

    Args:
        counts: How many fall into each category.
        k: The number of declared categories (at least 2).

    Returns:
        $J$ in [0, 1], or ``None`` when ``N = 0``.

    Examples:
        >>> pielou_evenness([2, 2, 2, 2], k=4)
        1.0
        >>> pielou_evenness([3, 0, 0, 0], k=4)
        0.0

    Reference:
        Pielou, E. C. (1966). The measurement of diversity in different types of
        biological collections. *Journal of Theoretical Biology* 13, 131-144.
        <https://doi.org/10.1016/0022-5193(66)90013-0>
    """
    _checked_k(k, counts)
    h = shannon_entropy(counts)
    if h is None:
        return None
    return min(1.0, h / math.log(k))


def blau_index(counts: Sequence[int]) -> float | None:
    r"""Blau's index of heterogeneity (the Gini-Simpson index).

    $$B = 1 - \sum_c p_c^2$$

    The chance that two members drawn at random (with replacement) fall into
    different categories. Computed exactly as $(N^2 - \sum_c n_c^2) / N^2$.

    Returns:
        $B$ in [0, 1 - 1/K], or ``None`` when ``N = 0``.

    Examples:
        >>> blau_index([1, 1])
        0.5
        >>> blau_index([4])
        0.0

    Reference:
        Blau, P. M. (1977). *Inequality and Heterogeneity: A Primitive Theory of
        Social Structure*. New York: Free Press.
    """
    total = _checked(counts)
    if total == 0:
        return None
    return (total * total - sum(c * c for c in counts)) / (total * total)


def iqv(counts: Sequence[int], *, k: int) -> float | None:
    r"""The index of qualitative variation: Blau's index over its maximum.

    $$IQV = \frac{B}{1 - 1/K} = \frac{K}{K - 1}\Bigl(1 - \sum_c p_c^2\Bigr)$$

    with $K$ the number of *declared* categories (not only those observed), so
    that an absent category counts as missing variety.

    Returns:
        IQV in [0, 1], or ``None`` when ``N = 0``.

    Examples:
        >>> iqv([1, 1, 0, 0, 0], k=5)
        0.625

    Reference:
        Agresti, A., & Agresti, B. F. (1978). Statistical analysis of qualitative
        variation. *Sociological Methodology* 9, 204-237.
        <https://doi.org/10.2307/270810>
    """
    _checked_k(k, counts)
    total = _checked(counts)
    if total == 0:
        return None
    return k * (total * total - sum(c * c for c in counts)) / ((k - 1) * total * total)


def hhi(counts: Sequence[int]) -> float | None:
    r"""The Herfindahl-Hirschman index of concentration (Simpson's concentration).

    $$HHI = \sum_i s_i^2, \qquad s_i = n_i / N$$

    1 when one member holds everything; $1/m$ when $m$ members hold equal shares.
    Computed exactly as $\sum_i n_i^2 / N^2$.

    Returns:
        HHI in (0, 1], or ``None`` when ``N = 0``.

    Examples:
        >>> hhi([2, 1, 1])
        0.375

    Reference:
        Hirschman, A. O. (1964). The paternity of an index. *American Economic
        Review* 54(5), 761. Herfindahl, O. C. (1950). *Concentration in the
        U.S. Steel Industry*. PhD thesis, Columbia University.
    """
    total = _checked(counts)
    if total == 0:
        return None
    return sum(c * c for c in counts) / (total * total)
