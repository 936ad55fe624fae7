"""What the measures rest on: the people in touch on the day judged on.

Every measure that counts people in touch takes keyword ``as_of`` and
``settings``, with the defaults of [`assess`][grace_support.assess]: the day
given, else the network's ``collected_on`` day, else today
([`judged_on`][grace_support.touch.judged_on]); ``dormant_after_days`` from the
settings given, else the defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.touch import in_touch, judged_on, settings_or_default

if TYPE_CHECKING:
    from datetime import date

    from grace_support.network import Relationship, SupportNetwork
    from grace_support.settings import Settings


def in_touch_relationships(
    network: SupportNetwork, as_of: date | str | None, settings: Settings | None
) -> list[Relationship]:
    """The relationships to the people in touch on the day judged on, in their order."""
    day = judged_on(network, as_of)
    chosen = settings_or_default(settings)
    return [r for r in network.relationships if in_touch(r, as_of=day, settings=chosen)]
