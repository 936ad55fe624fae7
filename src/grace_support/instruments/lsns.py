"""Lubben Social Network Scale: LSNS-6 and LSNS-R.

**What it measures.** The size of a person's active network of family and friends,
and how much they can lean on it: how many they are in touch with at least
monthly, can talk to about private matters, and could call on for help.

**Responses.** Count items: 0 none, 1 one, 2 two, 3 three or four, 4 five to eight,
5 nine or more. The LSNS-R adds, for family and for friends: how often the person
is in touch with the one they have most contact with (0 less than monthly ... 5
daily), and two decision items (0 never ... 5 always). No item is reverse-scored.

**Scoring.** The equally weighted sum: LSNS-6 0-30, with subscales `family` and
`friends` of 0-15 (sums); LSNS-R 0-60, with subscales `family` and `friends` of 0-30.

**Bands.** LSNS-6: a total **below 12** is `at_risk_of_isolation`, 12 or more is
`not_at_risk` (Lubben et al. 2006: five or more friends for each of the three
questions, 4 + 4 + 4 = 12, is not at risk). A page that says "0-12" is at risk
contradicts the paper; we follow the paper. The LSNS-R cut-off of 20 that is
often quoted was not found in a primary source, so the LSNS-R has no band here.

**Item order.** LSNS-6 as on the PhenX protocol; LSNS-R as on the LSNS-R form
(family 1-6, friends 7-12). Printed forms vary: pass answers as a mapping by item
id when in doubt.

**Missing data.** The authors give no rule; `missing="prorate"` is available.

**Licence.** The LSNS-6 is reproduced in the PhenX Toolkit, whose terms were not
read. Item wording is not shipped; the labels are our own.

**References.** Lubben J, Blozik E, Gillmann G, et al. (2006). Performance of an
abbreviated version of the Lubben Social Network Scale among three European
community-dwelling older adult populations. *The Gerontologist* 46(4), 503-513.
<https://doi.org/10.1093/geront/46.4.503>. Lubben J, Gironda M, Lee A (2002).
Refinements to the Lubben Social Network Scale: the LSNS-R. *Behavioral
Measurement Letter* 7(2), 2-11.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.instruments._base import (
    Instrument,
    Item,
    Scored,
    likert,
    per_subscale,
    total_of,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["LSNS6", "LSNS_R"]

_COUNT = likert(0, 5)


def _three(group: str, who: str) -> tuple[Item, ...]:
    return (
        Item(
            f"{group}_monthly",
            f"{who} seen or heard from at least monthly (count)",
            _COUNT,
            subscales=(group,),
        ),
        Item(
            f"{group}_private_matters",
            f"{who} one can talk to about private matters (count)",
            _COUNT,
            subscales=(group,),
        ),
        Item(
            f"{group}_call_for_help",
            f"{who} one could call on for help (count)",
            _COUNT,
            subscales=(group,),
        ),
    )


def _revised(group: str, who: str) -> tuple[Item, ...]:
    monthly, private, helper = _three(group, who)
    return (
        monthly,
        Item(
            f"{group}_most_contact_frequency",
            f"How often in touch with the {who.lower()} one sees most",
            _COUNT,
            subscales=(group,),
        ),
        private,
        helper,
        Item(
            f"{group}_they_consult",
            f"How often {who.lower()} talk to one about their important decisions",
            _COUNT,
            subscales=(group,),
        ),
        Item(
            f"{group}_available_for_decisions",
            f"How often one of the {who.lower()} is there when one has a decision to make",
            _COUNT,
            subscales=(group,),
        ),
    )


def _lsns6(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    total = total_of(values, list(values))
    band = "at_risk_of_isolation" if total < 12 else "not_at_risk"
    return Scored(total=total, subscales=per_subscale(LSNS6, values, total_of), band=band)


def _lsns_r(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    return Scored(
        total=total_of(values, list(values)), subscales=per_subscale(LSNS_R, values, total_of)
    )


LSNS6 = Instrument(
    id="lsns6",
    name="Lubben Social Network Scale, 6-item (LSNS-6)",
    measures="The size of the active family and friendship network, and the help it can give.",
    items=(*_three("family", "Relatives"), *_three("friends", "Friends")),
    citation=(
        "Lubben J, Blozik E, Gillmann G, et al. (2006). The Gerontologist 46(4):503-513. "
        "doi:10.1093/geront/46.4.503"
    ),
    licence="Reproduced in the PhenX Toolkit; terms not confirmed. Item wording not shipped.",
    rule=_lsns6,
)
"""The LSNS-6 (sum 0-30; below 12 is at risk of isolation)."""

LSNS_R = Instrument(
    id="lsns_r",
    name="Lubben Social Network Scale, revised (LSNS-R)",
    measures="Family and friendship networks: size, closeness and mutual confiding.",
    items=(*_revised("family", "Relatives"), *_revised("friends", "Friends")),
    citation="Lubben J, Gironda M, Lee A (2002). Behavioral Measurement Letter 7(2):2-11.",
    licence="No licence statement found. Item wording not shipped.",
    rule=_lsns_r,
)
"""The LSNS-R (sum 0-60; no band: the often-quoted cut-off of 20 is unverified)."""
