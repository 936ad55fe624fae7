"""How big the network is, and how much of it is close, in touch or strained.

Alters are the people the ego names; an alter is *active* unless the relationship
is dormant (``contact`` is ``lost_touch``).

Examples:
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> size(network), active_size(network), regular_contact_size(network)
    (6, 5, 3)
    >>> inner_circle_size(network), strained_count(network)
    (3, 1)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.vocabulary import Closeness, Strain

if TYPE_CHECKING:
    from grace_support.network import SupportNetwork

__all__ = ["active_size", "inner_circle_size", "regular_contact_size", "size", "strained_count"]


def size(network: SupportNetwork) -> int:
    """The number of alters (everyone the ego names, dormant or not). 0 for an empty network."""
    return len(network.people)


def active_size(network: SupportNetwork) -> int:
    """The number of active alters: those whose relationship is not dormant."""
    return sum(1 for r in network.relationships if r.is_active)


def regular_contact_size(network: SupportNetwork) -> int:
    """The number of alters in touch at least every two weeks (daily, weekly or biweekly).

    Alters whose contact is unknown are not counted. The two-week rule is the one
    Cohen's Social Network Index uses for a "regular" contact.

    Reference:
        Cohen, S., Doyle, W. J., Skoner, D. P., Rabin, B. S., & Gwaltney, J. M.
        (1997). Social ties and susceptibility to the common cold. *JAMA* 277(24),
        1940-1944. <https://doi.org/10.1001/jama.1997.03540480040036>
    """
    return sum(1 for r in network.relationships if r.contact is not None and r.contact.is_regular)


def inner_circle_size(network: SupportNetwork) -> int:
    """The number of alters in the inner circle (closeness ``inner``), dormant or not.

    Reference:
        Kahn, R. L., & Antonucci, T. C. (1980). Convoys over the life course:
        attachment, roles, and social support. In P. B. Baltes & O. G. Brim
        (Eds.), *Life-Span Development and Behavior* 3, 253-286.
    """
    return sum(1 for r in network.relationships if r.closeness is Closeness.INNER)


def strained_count(network: SupportNetwork) -> int:
    """The number of alters, active or not, whose relationship has strain ``high``."""
    return sum(1 for r in network.relationships if r.strain is Strain.HIGH)
