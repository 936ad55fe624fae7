"""Being in touch: the one definition every measure, finding and report uses.

A person is **in touch** with the ego on a day when

- their ``contact`` is not ``lost_touch``, and
- their ``last_contact``, if recorded, is no more than ``dormant_after_days``
  (a [`Settings`][grace_support.Settings] field, 90 by default) before that day.

A ``contact`` that was not recorded counts as in touch unless ``last_contact``
says otherwise. ``rarely`` counts as in touch (the two have not lost touch), but
not as regular contact (see
[`regular_contact_size`][grace_support.measures.regular_contact_size]).

The day a network is judged on is the same everywhere
([`judged_on`][grace_support.touch.judged_on]): the day given, else the day the
network was collected, else today.

Examples:
    >>> from grace_support import Relationship
    >>> r = Relationship(person="ana", contact="rarely", last_contact="2026-01-10")
    >>> in_touch(r, as_of="2026-04-10")  # 90 days: still in touch
    True
    >>> in_touch(r, as_of="2026-04-11")  # 91 days
    False
    >>> in_touch(Relationship(person="al", contact="lost_touch"), as_of="2026-04-10")
    False
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from grace_support.network import parse_day
from grace_support.settings import Settings
from grace_support.vocabulary import Contact

if TYPE_CHECKING:
    from grace_support.network import Relationship, SupportNetwork

__all__ = ["as_day", "in_touch", "in_touch_ids", "judged_on"]


@cache
def _default_settings() -> Settings:
    """The default settings, built once (``Settings`` is frozen)."""
    return Settings()


def settings_or_default(settings: Settings | None) -> Settings:
    """``settings``, or the default settings when it is ``None``."""
    return _default_settings() if settings is None else settings


def as_day(value: date | str, *, name: str = "as_of") -> date:
    """A day given as a ``date`` or ``YYYY-MM-DD`` text, checked.

    Raises:
        ValueError: The value is not a real calendar day; the message names
            ``name``, never the value.

    Version added:
        0.2.0

    Examples:
        >>> as_day("2026-02-03")
        datetime.date(2026, 2, 3)
    """
    if type(value) is date:
        return value
    try:
        return parse_day(value)
    except ValueError as error:
        message = f"{name} {error}"
    raise ValueError(message)  # outside the except block: no chain


def judged_on(network: SupportNetwork, as_of: date | str | None = None) -> date:
    """The day a network is judged on: ``as_of``, else its ``collected_on``, else today.

    This is the rule of [`assess`][grace_support.assess]; the measures that count
    people in touch, the reports, change and the cohort engine all follow it.

    Version added:
        0.2.0

    Examples:
        >>> from grace_support import SupportNetwork
        >>> judged_on(SupportNetwork.build("sam", collected_on="2026-03-01"))
        datetime.date(2026, 3, 1)
        >>> judged_on(SupportNetwork.build("sam"), "2026-05-01")
        datetime.date(2026, 5, 1)
    """
    if as_of is not None:
        return as_day(as_of)
    return network.collected_on if network.collected_on is not None else date.today()


def in_touch(
    relationship: Relationship, *, as_of: date | str, settings: Settings | None = None
) -> bool:
    """Whether the ego and this person are in touch on the day ``as_of``.

    Args:
        relationship: The ego's relationship to the person.
        as_of: The day judged on (a ``date`` or ``YYYY-MM-DD``).
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Returns:
        ``False`` when ``contact`` is ``lost_touch``, or when ``last_contact`` is
        recorded and more than ``dormant_after_days`` days before ``as_of``;
        otherwise ``True`` (an unrecorded contact included).

    Raises:
        ValueError: ``as_of`` is not a real ``YYYY-MM-DD`` day.

    Version added:
        0.2.0

    Examples:
        >>> from grace_support import Relationship
        >>> in_touch(Relationship(person="jo"), as_of="2026-01-01")  # nothing recorded
        True
    """
    if relationship.contact is Contact.LOST_TOUCH:
        return False
    last = relationship.last_contact
    if last is None:
        return True
    day = as_day(as_of)
    return (day - last).days <= settings_or_default(settings).dormant_after_days


def in_touch_ids(
    network: SupportNetwork, *, as_of: date | str | None = None, settings: Settings | None = None
) -> frozenset[str]:
    """The ids of the people in touch with the ego on the day judged on.

    Args:
        network: The support network.
        as_of: The day judged on; by default as [`judged_on`][grace_support.touch.judged_on]
            says.
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Version added:
        0.2.0

    Examples:
        >>> from grace_support.demo import example_network
        >>> sorted(in_touch_ids(example_network(), as_of="2026-11-25"))
        ['ana', 'dr-lee', 'jamie', 'rosa']
    """
    day = judged_on(network, as_of)
    chosen = settings_or_default(settings)
    return frozenset(
        r.person for r in network.relationships if in_touch(r, as_of=day, settings=chosen)
    )
