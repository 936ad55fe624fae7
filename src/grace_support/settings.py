"""`Settings`: the thresholds of the findings and of "in touch", validated.

They live below the measures and the assessment because the one definition of
being in touch ([`in_touch`][grace_support.touch.in_touch]) depends on
``dormant_after_days``, and measures that count people in touch take it.
"""

from __future__ import annotations

from pydantic import Field

from grace_support._model import FrozenModel

__all__ = ["Settings"]


class Settings(FrozenModel):
    """The thresholds of the findings, validated; every one has a default.

    Examples:
        >>> Settings(dormant_after_days=60).over_reliance_share
        0.5
    """

    over_reliance_share: float = Field(default=0.5, gt=0, lt=1)
    """``over-reliance`` when the top provider's share of support is above this."""
    over_reliance_min_support: int = Field(default=2, ge=1)
    """...and total support S (types given, summed over people in touch) is at least this."""
    dormant_after_days: int = Field(default=90, ge=0)
    """A person last in touch more than this many days before the day judged on is not
    in touch (see [`in_touch`][grace_support.touch.in_touch]); exactly this many days is
    still in touch."""
    small_network_size: int = Field(default=3, ge=1)
    """``small-network`` when fewer people than this are in touch."""
