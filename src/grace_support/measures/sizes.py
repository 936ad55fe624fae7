r"""How big the network is, and how much of it is close, in touch or strained.

Alters are the people the ego names. An alter is *in touch* on the day judged on
when [`in_touch`][grace_support.touch.in_touch] says so: their contact is not
``lost_touch`` and their ``last_contact``, if recorded, is no more than
``dormant_after_days`` days before that day (see [In touch](../in-touch.md)).
The measures that count people in touch take keyword ``as_of`` and ``settings``,
with the defaults of [`assess`][grace_support.assess] (the network's
``collected_on`` day, else today; the default settings).

A count that rests on a field counts only the people for whom that field was
recorded; a companion ``*_unknown_count`` says how many were left out, and a
count with nothing recorded to rest on is ``None``, never 0.

Examples:
    >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
    >>> network = example_network()
    >>> day = EXAMPLE_AS_OF
    >>> size(network), active_size(network, as_of=day), regular_contact_size(network, as_of=day)
    (6, 4, 3)
    >>> inner_circle_size(network), strained_count(network), strain_unknown_count(network)
    (3, 1, 0)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.measures._recorded import in_touch_relationships
from grace_support.vocabulary import Closeness, Strain

if TYPE_CHECKING:
    from datetime import date

    from grace_support.network import SupportNetwork
    from grace_support.settings import Settings

__all__ = [
    "active_size",
    "contact_unknown_count",
    "inner_circle_size",
    "regular_contact_size",
    "size",
    "strain_unknown_count",
    "strained_count",
]


def size(network: SupportNetwork) -> int:
    """The number of alters (everyone the ego names, in touch or not). 0 for an empty network."""
    return len(network.people)


def active_size(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int:
    r"""The number of alters in touch on the day judged on.

    $$\text{active\_size} = \bigl|\{\,i : \text{in\_touch}(i, \text{as\_of})\,\}\bigr|$$

    with [`in_touch`][grace_support.touch.in_touch]: not ``lost_touch``, and a
    recorded ``last_contact`` no more than ``dormant_after_days`` days before
    ``as_of``. ``rarely`` and an unrecorded contact count as in touch. (Before
    issue 19 only ``lost_touch`` was left out; an alter whose last contact is too
    old is now left out too.)

    Args:
        network: The network.
        as_of: The day judged on; the network's ``collected_on`` day, else today.
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", contact="rarely")),
        ...     ("al", Relationship(person="al", last_contact="2026-01-01")),
        ...     ("bo", Relationship(person="bo", contact="lost_touch")),
        ... ])
        >>> active_size(net, as_of="2026-02-01"), active_size(net, as_of="2026-06-01")
        (2, 1)

    Reference:
        Perry, B. L., Pescosolido, B. A., & Borgatti, S. P. (2018). *Egocentric
        Network Analysis: Foundations, Methods, and Models*, ch. 4. Cambridge
        University Press. <https://doi.org/10.1017/9781316443255>
    """
    return len(in_touch_relationships(network, as_of, settings))


def regular_contact_size(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int | None:
    r"""The number of alters in touch at least every two weeks (daily, weekly or biweekly).

    $$\text{regular\_contact\_size} = \bigl|\{\,i \text{ in touch} :
    \text{contact}_i \in \{\text{daily}, \text{weekly}, \text{biweekly}\}\,\}\bigr|$$

    Only alters in touch on the day judged on count (a ``weekly`` contact whose
    last contact is too old is not regular now). Alters whose contact is not
    recorded are left out (see
    [`contact_unknown_count`][grace_support.measures.contact_unknown_count]);
    ``None`` when people are in touch but none has a recorded contact. The two-week
    rule is the one Cohen's Social Network Index uses for a "regular" contact.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [("jo", Relationship(person="jo"))])
        >>> regular_contact_size(net, as_of="2026-01-01") is None
        True

    Reference:
        Cohen, S., Doyle, W. J., Skoner, D. P., Rabin, B. S., & Gwaltney, J. M.
        (1997). Social ties and susceptibility to the common cold. *JAMA* 277(24),
        1940-1944. <https://doi.org/10.1001/jama.1997.03540480040036>
    """
    in_touch = in_touch_relationships(network, as_of, settings)
    known = [r.contact for r in in_touch if r.contact is not None]
    if in_touch and not known:
        return None
    return sum(1 for contact in known if contact.is_regular)


def contact_unknown_count(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> int:
    r"""The number of alters in touch whose ``contact`` (how often) is not recorded.

    $$\text{contact\_unknown\_count} = \bigl|\{\,i \text{ in touch} :
    \text{contact}_i \text{ not recorded}\,\}\bigr|$$

    They count as in touch (unless an old ``last_contact`` says otherwise) but are
    left out of [`regular_contact_size`][grace_support.measures.regular_contact_size].
    0 for an empty network.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo")),
        ...     ("al", Relationship(person="al", contact="weekly")),
        ... ])
        >>> contact_unknown_count(net, as_of="2026-01-01")
        1

    Reference:
        Perry, B. L., Pescosolido, B. A., & Borgatti, S. P. (2018). *Egocentric
        Network Analysis*, ch. 4 (missing data). Cambridge University Press.
        <https://doi.org/10.1017/9781316443255>

    Version added:
        0.2.0
    """
    return sum(1 for r in in_touch_relationships(network, as_of, settings) if r.contact is None)


def inner_circle_size(network: SupportNetwork) -> int | None:
    """The number of alters in the inner circle (closeness ``inner``), in touch or not.

    ``None`` when people are named but none of their closeness is recorded.

    Reference:
        Kahn, R. L., & Antonucci, T. C. (1980). Convoys over the life course:
        attachment, roles, and social support. In P. B. Baltes & O. G. Brim
        (Eds.), *Life-Span Development and Behavior* 3, 253-286.
    """
    relationships = network.relationships
    if relationships and all(r.closeness is None for r in relationships):
        return None
    return sum(1 for r in relationships if r.closeness is Closeness.INNER)


def strained_count(network: SupportNetwork) -> int | None:
    r"""The number of alters, in touch or not, whose strain is recorded as ``high``.

    $$\text{strained\_count} = \bigl|\{\,i : \text{strain}_i = \text{high}\,\}\bigr|$$

    Alters whose strain is not recorded are left out (see
    [`strain_unknown_count`][grace_support.measures.strain_unknown_count]);
    ``None`` when people are named but no one's strain is recorded. 0 for an
    empty network.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [("jo", Relationship(person="jo", strain=None))])
        >>> strained_count(net) is None, strain_unknown_count(net)
        (True, 1)

    Reference:
        Rook, K. S. (1984). The negative side of social interaction: impact on
        psychological well-being. *Journal of Personality and Social Psychology*
        46(5), 1097-1108. <https://doi.org/10.1037/0022-3514.46.5.1097>
    """
    known = [r.strain for r in network.relationships if r.strain is not None]
    if network.relationships and not known:
        return None
    return sum(1 for strain in known if strain is Strain.HIGH)


def strain_unknown_count(network: SupportNetwork) -> int:
    r"""The number of alters, in touch or not, whose strain is not recorded.

    $$\text{strain\_unknown\_count} = \bigl|\{\,i : \text{strain}_i \text{ not recorded}\,\}\bigr|$$

    They are left out of [`strained_count`][grace_support.measures.strained_count]
    and never raise ``strained-tie``. 0 for an empty network.

    Examples:
        >>> from grace_support import Relationship, SupportNetwork
        >>> net = SupportNetwork.build("sam", [
        ...     ("jo", Relationship(person="jo", strain=None)),
        ...     ("al", Relationship(person="al", strain="high")),
        ... ])
        >>> strain_unknown_count(net), strained_count(net)
        (1, 1)

    Reference:
        Perry, B. L., Pescosolido, B. A., & Borgatti, S. P. (2018). *Egocentric
        Network Analysis*, ch. 4 (missing data). Cambridge University Press.
        <https://doi.org/10.1017/9781316443255>

    Version added:
        0.2.0
    """
    return sum(1 for r in network.relationships if r.strain is None)
