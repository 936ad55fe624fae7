r"""Which kinds of support the network gives, and how evenly.

Only alters *in touch* on the day judged on count as providers (see
[`in_touch`][grace_support.touch.in_touch]): someone the ego is not in touch
with is not giving support now. Only alters whose ``supports`` were recorded are
counted; [`support_unknown_count`][grace_support.measures.support_unknown_count]
says how many in-touch alters were left out. Only the kinds of support the
interview asked about (the network's ``support_types_asked``) are counted: a kind
that was not asked has no count (``None``), and is never reported missing.

With $T$ the alters in touch, $A$ the kinds asked, $K$ the alters in $T$ whose
supports are recorded and $U = |T| - |K|$ those whose supports are not:

- the support measures are ``None`` ("nothing recorded to rest on") when
  $A = \varnothing$, or when $K = \varnothing$ and $U > 0$;
- otherwise $n_t = |\{\,i \in K : t \in \text{supports}_i\,\}|$ for each $t \in A$.

Results follow the declared order of [`SupportType`][grace_support.SupportType].
Measures that count people in touch take keyword ``as_of`` and ``settings`` with
the defaults of [`assess`][grace_support.assess].

Examples:
    >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
    >>> network = example_network()
    >>> {t.value: n for t, n in support_counts(network, as_of=EXAMPLE_AS_OF).items()}
    {'emotional': 3, 'practical': 2, 'informational': 1, 'peer': 0}
    >>> missing_support_types(network, as_of=EXAMPLE_AS_OF)
    (<SupportType.PEER: 'peer'>,)
    >>> single_provider_types(network, as_of=EXAMPLE_AS_OF)
    (<SupportType.INFORMATIONAL: 'informational'>,)

Support also flows the other way: a relationship's ``gives`` lists the types the
ego gives that person, among the network's ``gives_types_asked``.
[`support_given_counts`][grace_support.measures.support_given_counts],
[`gives_unknown_count`][grace_support.measures.gives_unknown_count] and
[`reciprocity`][grace_support.measures.reciprocity] describe it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures._recorded import in_touch_relationships
from grace_support.measures.diversity import pielou_evenness
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from grace_support.network import Relationship, SupportNetwork
    from grace_support.settings import Settings

__all__ = [
    "gives_unknown_count",
    "missing_support_types",
    "reciprocity",
    "single_provider_types",
    "support_counts",
    "support_evenness",
    "support_given_counts",
    "support_types_covered",
    "support_unknown_count",
]


def tally(
    in_touch: Sequence[Relationship], asked: Sequence[SupportType], *, gives: bool = False
) -> dict[SupportType, int | None]:
    """Per type, how many recorded in-touch alters give it (``gives``: are given it).

    ``None`` for a type not asked, and for every type when nothing was recorded to
    rest on (no type asked, or no in-touch alter's field recorded while some are in
    touch).
    """
    recorded = [r.gives if gives else r.supports for r in in_touch]
    known = [types for types in recorded if types is not None]
    counts: dict[SupportType, int | None] = dict.fromkeys(SupportType)
    if not asked or (not known and recorded):
        return counts
    for support_type in asked:
        counts[support_type] = sum(1 for types in known if support_type in types)
    return counts


def support_counts(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> dict[SupportType, int | None]:
    r"""For each support type, the number of in-touch alters recorded as giving it.

    $$n_t = \bigl|\{\,i \in T : \text{supports}_i \text{ recorded},\ t \in
    \text{supports}_i\,\}\bigr| \quad (t \in A)$$

    Every type is present, in the declared order: a count (0 when nobody gives
    it), or ``None`` when the type was not asked (not in ``support_types_asked``)
    or nothing was recorded to rest on (see the module). 0 for every asked type
    when nobody is in touch.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", supports=["emotional"])),
        ...     ("al", Relationship(person="al", supports=None)),
        ... ], support_types_asked=["emotional", "practical"])
        >>> {t.value: n for t, n in support_counts(net, as_of="2026-01-01").items()}
        {'emotional': 1, 'practical': 0, 'informational': None, 'peer': None}

    Reference:
        Cohen, S., & Wills, T. A. (1985). Stress, social support, and the buffering
        hypothesis. *Psychological Bulletin* 98(2), 310-357.
        <https://doi.org/10.1037/0033-2909.98.2.310>
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return tally(in_touch, network.support_types_asked)


def support_unknown_count(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int:
    r"""The number of in-touch alters whose ``supports`` are not recorded.

    $$U = \bigl|\{\,i \in T : \text{supports}_i \text{ not recorded}\,\}\bigr|$$

    They are left out of every support measure, and while $U > 0$ no kind of
    support is reported missing or resting on one person (the unrecorded people
    may give it). 0 for an empty network.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [("jo", Relationship(person="jo", supports=None))])
        >>> support_unknown_count(net, as_of="2026-01-01"), support_types_covered(
        ...     net, as_of="2026-01-01")
        (1, None)

    Reference:
        Perry, B. L., Pescosolido, B. A., & Borgatti, S. P. (2018). *Egocentric
        Network Analysis*, ch. 4 (missing data). Cambridge University Press.
        <https://doi.org/10.1017/9781316443255>

    Version added:
        0.2.0
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return sum(1 for r in in_touch if r.supports is None)


def support_types_covered(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int | None:
    r"""The number of asked support types with at least one in-touch provider (0-4).

    $$\text{covered} = \bigl|\{\,t \in A : n_t > 0\,\}\bigr|$$

    ``None`` when nothing was recorded to rest on (no type asked, or no in-touch
    alter's supports recorded while some are in touch).

    Examples:
        >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
        >>> support_types_covered(example_network(), as_of=EXAMPLE_AS_OF)
        3

    Reference:
        Cohen, S., & Wills, T. A. (1985). Stress, social support, and the buffering
        hypothesis. *Psychological Bulletin* 98(2), 310-357.
        <https://doi.org/10.1037/0033-2909.98.2.310>
    """
    counts = support_counts(network, as_of=as_of, settings=settings)
    if all(n is None for n in counts.values()):
        return None
    return sum(1 for n in counts.values() if n)


def missing_support_types(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> tuple[SupportType, ...]:
    r"""The types in the ego's `needs` that no in-touch alter gives, as far as recorded.

    A type $t$ is missing when all of these hold:

    - $t$ is in ``needs`` and was asked ($t \in A$);
    - no in-touch alter gives it ($n_t = 0$);
    - no in-touch alter's supports are unrecorded ($U = 0$).

    In declared order; empty when any of them fails for every type.

    Reference:
        Cohen, S., & Wills, T. A. (1985). Stress, social support, and the buffering
        hypothesis. *Psychological Bulletin* 98(2), 310-357.
        <https://doi.org/10.1037/0033-2909.98.2.310>
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return _types_with(network, in_touch, 0)


def single_provider_types(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> tuple[SupportType, ...]:
    r"""The types in the ego's `needs` that exactly one in-touch alter gives.

    The same rule as [`missing_support_types`][grace_support.measures.missing_support_types]
    with $n_t = 1$: $t$ in ``needs`` and asked, exactly one in-touch provider, and
    no in-touch alter's supports unrecorded ($U = 0$; an unrecorded person may be a
    second provider).

    Reference:
        Cohen, S., & Wills, T. A. (1985). Stress, social support, and the buffering
        hypothesis. *Psychological Bulletin* 98(2), 310-357.
        <https://doi.org/10.1037/0033-2909.98.2.310>
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return _types_with(network, in_touch, 1)


def _types_with(
    network: SupportNetwork, in_touch: Sequence[Relationship], providers: int
) -> tuple[SupportType, ...]:
    if any(r.supports is None for r in in_touch):
        return ()
    counts = tally(in_touch, network.support_types_asked)
    return tuple(t for t in network.needs if counts[t] == providers)


def support_evenness(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> float | None:
    r"""How evenly support is spread over the kinds asked (Pielou's evenness, K = |A|).

    $$E = \frac{-\sum_{t \in A:\,n_t>0} (n_t/N)\ln(n_t/N)}{\ln |A|}, \qquad N = \sum_{t \in A} n_t$$

    with $n_t$ from [`support_counts`][grace_support.measures.support_counts].
    1 when the kinds asked are given equally often; 0 when all support is of one
    kind. ``None`` when fewer than two kinds were asked, when nothing was recorded
    to rest on, or when nobody in touch gives any support ($N = 0$). With all four
    kinds asked (the default) K = 4, whatever the ego's `needs`.

    Reference:
        Pielou, E. C. (1966). *Journal of Theoretical Biology* 13, 131-144.
        <https://doi.org/10.1016/0022-5193(66)90013-0>
    """
    counts = support_counts(network, as_of=as_of, settings=settings)
    return evenness(counts, network.support_types_asked)


def evenness(counts: dict[SupportType, int | None], asked: Sequence[SupportType]) -> float | None:
    """Pielou's evenness of the asked types' counts (``None`` as `support_evenness` says)."""
    values = [counts[t] for t in asked]
    if len(values) < 2:  # evenness needs two kinds
        return None
    known = [n for n in values if n is not None]
    if len(known) != len(values):
        return None
    return pielou_evenness(known, k=len(known))


def support_given_counts(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> dict[SupportType, int | None]:
    r"""For each support type, the number of in-touch alters the ego is recorded giving it to.

    $$g_t = \bigl|\{\,i \in T : \text{gives}_i \text{ recorded},\ t \in \text{gives}_i\,\}\bigr|
    \quad (t \in A_g)$$

    The mirror of [`support_counts`][grace_support.measures.support_counts], with
    $A_g$ the network's ``gives_types_asked``: every type is present, a count or
    ``None`` (type not asked, or nothing recorded to rest on: no type asked, or no
    in-touch alter's ``gives`` recorded while some are in touch). Alters whose
    ``gives`` is not recorded are counted by
    [`gives_unknown_count`][grace_support.measures.gives_unknown_count].

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", gives=["emotional", "practical"])),
        ...     ("al", Relationship(person="al", gives=["emotional"], contact="lost_touch")),
        ... ])
        >>> {t.value: n for t, n in support_given_counts(net, as_of="2026-01-01").items()}
        {'emotional': 1, 'practical': 1, 'informational': 0, 'peer': 0}

    Reference:
        Antonucci, T. C., & Jackson, J. S. (1990). The role of reciprocity in social
        support. In B. R. Sarason, I. G. Sarason, & G. R. Pierce (Eds.), *Social
        Support: An Interactional View*, 173-198. New York: Wiley.
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return tally(in_touch, network.gives_types_asked, gives=True)


def gives_unknown_count(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int:
    r"""The number of in-touch alters for whom what the ego gives is not recorded.

    $$U_g = \bigl|\{\,i \in T : \text{gives}_i \text{ not recorded}\,\}\bigr|$$

    They are left out of [`support_given_counts`][grace_support.measures.support_given_counts]
    and [`reciprocity`][grace_support.measures.reciprocity]. 0 for an empty network.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", gives=None)),
        ...     ("al", Relationship(person="al", gives=["practical"])),
        ... ])
        >>> gives_unknown_count(net, as_of="2026-01-01")
        1

    Reference:
        Perry, B. L., Pescosolido, B. A., & Borgatti, S. P. (2018). *Egocentric
        Network Analysis*, ch. 4 (missing data). Cambridge University Press.
        <https://doi.org/10.1017/9781316443255>

    Version added:
        0.2.0
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return sum(1 for r in in_touch if r.gives is None)


def reciprocity(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> float | None:
    r"""The share of in-touch alters with whom support flows both ways, as far as recorded.

    $$\text{reciprocity} = \frac{\bigl|\{\,i \in R : \text{supports}_i \cap A \ne
    \varnothing \text{ and } \text{gives}_i \cap A_g \ne \varnothing\,\}\bigr|}{|R|}$$

    where $R$ is the in-touch alters whose ``supports`` and ``gives`` are both
    recorded (those left out are counted by
    [`support_unknown_count`][grace_support.measures.support_unknown_count] and
    [`gives_unknown_count`][grace_support.measures.gives_unknown_count]). An alter
    counts when they give the ego at least one kind of support and the ego gives
    them at least one (not necessarily the same kind). 0 when support flows one
    way only; ``None`` when $R$ is empty or no kind was asked on either side.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", supports=["emotional"], gives=["practical"])),
        ...     ("al", Relationship(person="al", supports=["emotional"])),
        ...     ("bo", Relationship(person="bo", supports=["emotional"], gives=None)),
        ... ])
        >>> reciprocity(net, as_of="2026-01-01")
        0.5
        >>> reciprocity(SupportNetwork.build("sam")) is None
        True

    Reference:
        Antonucci, T. C., & Jackson, J. S. (1990). The role of reciprocity in social
        support. In B. R. Sarason, I. G. Sarason, & G. R. Pierce (Eds.), *Social
        Support: An Interactional View*, 173-198. New York: Wiley.
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    return reciprocal_share(in_touch, network.support_types_asked, network.gives_types_asked)


def reciprocal_share(
    in_touch: Sequence[Relationship],
    asked: Sequence[SupportType],
    gives_asked: Sequence[SupportType],
) -> float | None:
    """`reciprocity` of these in-touch relationships."""
    if not asked or not gives_asked:
        return None
    both = [r for r in in_touch if r.supports is not None and r.gives is not None]
    if not both:
        return None
    asked_set, gives_set = set(asked), set(gives_asked)
    flowing = sum(
        1
        for r in both
        if not asked_set.isdisjoint(r.supports or ()) and not gives_set.isdisjoint(r.gives or ())
    )
    return flowing / len(both)
