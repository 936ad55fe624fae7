"""Multidimensional Scale of Perceived Social Support (MSPSS).

**What it measures.** How much support a person feels they have from a
significant other, from family, and from friends.

**Responses.** 12 items, 1 very strongly disagree ... 7 very strongly agree. No
item is reverse-scored.

**Scoring (Zimet's scoring sheet).** Each subscale is the mean of its four items:
`significant_other` (items 1, 2, 5, 10), `family` (3, 4, 8, 11), `friends`
(6, 7, 9, 12). The total is the mean of all 12 items (1-7).

**Bands.** Zimet suggests the response descriptors as a rough guide: mean 1 to 2.9
`low`, 3 to 5 `moderate`, 5.1 to 7 `high`. Those bands leave gaps that real means
fall into (35/12 = 2.917, 61/12 = 5.083), so a rule is needed:

- `band_gaps="half_open"` (default): `low` below 3, `moderate` from 3 to 5
  inclusive, `high` above 5. Every mean gets the band whose descriptor range it
  is closest to on the scale, and 5.083 is `high` as Zimet's 5.1 suggests.
- `band_gaps="rounded"`: round the mean to one decimal (halves up), then apply
  Zimet's bands exactly; 2.96 becomes 3.0 (`moderate`), 5.04 becomes 5.0 (`moderate`).

Zimet notes there are no population norms; the bands describe the answers,
they are not a clinical threshold.

**Missing data.** No author rule; `missing="prorate"` is available.

**Licence.** No licence statement found. Item wording not shipped.

**Reference.** Zimet GD, Dahlem NW, Zimet SG, Farley GK (1988). The
Multidimensional Scale of Perceived Social Support. *Journal of Personality
Assessment* 52(1), 30-41. <https://doi.org/10.1207/s15327752jpa5201_2>
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from grace_support.instruments._base import (
    Instrument,
    Item,
    Scored,
    likert,
    mean_of,
    per_subscale,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MSPSS", "mspss_band"]

_SO, _FAM, _FR = "significant_other", "family", "friends"
_CODES = likert(1, 7)
_LAYOUT = [
    ("special_person_near", "A special person is around when needed", _SO),
    ("special_person_share", "A special person to share joys and sorrows with", _SO),
    ("family_tries_to_help", "Family really tries to help", _FAM),
    ("family_emotional_help", "Emotional help and support from family", _FAM),
    ("special_person_comfort", "A special person who is a real source of comfort", _SO),
    ("friends_try_to_help", "Friends really try to help", _FR),
    ("friends_count_on", "Can count on friends when things go wrong", _FR),
    ("family_talk_problems", "Can talk about problems with family", _FAM),
    ("friends_share", "Friends to share joys and sorrows with", _FR),
    ("special_person_cares", "A special person who cares about one's feelings", _SO),
    ("family_help_decisions", "Family willing to help make decisions", _FAM),
    ("friends_talk_problems", "Can talk about problems with friends", _FR),
]


def mspss_band(mean: float, *, band_gaps: str = "half_open") -> str:
    """The descriptor band of an MSPSS mean, with an explicit rule for Zimet's gaps.

    Examples:
        >>> mspss_band(35 / 12), mspss_band(61 / 12), mspss_band(5.0)
        ('low', 'high', 'moderate')
        >>> mspss_band(2.96, band_gaps="rounded"), mspss_band(5.04, band_gaps="rounded")
        ('moderate', 'moderate')
    """
    if band_gaps == "rounded":
        mean = float(Decimal(repr(mean)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        return "low" if mean <= 2.9 else "moderate" if mean <= 5.0 else "high"
    return "low" if mean < 3 else "moderate" if mean <= 5 else "high"


def _rule(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    subscales = per_subscale(MSPSS, values, mean_of)
    total = mean_of(values, list(values))
    return Scored(
        total=total, subscales=subscales, band=mspss_band(total, band_gaps=options["band_gaps"])
    )


MSPSS = Instrument(
    id="mspss",
    name="Multidimensional Scale of Perceived Social Support (MSPSS)",
    measures="Perceived support from a significant other, family and friends.",
    items=tuple(Item(i, label, _CODES, subscales=(group,)) for i, label, group in _LAYOUT),
    citation=(
        "Zimet GD, Dahlem NW, Zimet SG, Farley GK (1988). Journal of Personality Assessment "
        "52(1):30-41. doi:10.1207/s15327752jpa5201_2"
    ),
    licence="No licence statement found. Item wording not shipped.",
    rule=_rule,
    options={"band_gaps": ("half_open", "rounded")},
)
"""The MSPSS (mean 1-7, three subscale means, descriptor bands)."""
