"""Short scales: UCLA-3 loneliness, Oslo-3 (OSSS-3), ESSI and the Duke-UNC FSSQ.

## UCLA-3 (`ucla3`)

**Measures** loneliness: how often one lacks companionship, feels left out, feels
isolated. **Responses** 1 hardly ever (or never), 2 some of the time, 3 often; no
reverse-scoring. **Score** the sum, 3-9; higher means lonelier. **Bands** none:
the common "6 or more is lonely" split was not found in a primary source.
Reference: Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT (2004). A short scale for
measuring loneliness in large surveys. *Research on Aging* 26(6), 655-672.
<https://doi.org/10.1177/0164027504268574>

## Oslo Social Support Scale (`osss3`)

**Measures** support from close people, their interest and concern, and practical
help from neighbours. **Responses** item 1 (people close enough to count on):
1 none, 2 one or two, 3 three to five, 4 six or more; item 2 (interest and
concern): 1 none ... 5 a lot; item 3 (practical help from neighbours): 1 very
difficult ... 5 very easy. **Score** the sum, 3-14. **Bands** 3-8 `poor`,
9-11 `moderate`, 12-14 `strong` (Kocalevent et al. 2018). Some data sets (e.g.
Sciensano) store items 2-3 in the opposite direction: check before scoring. No
missing-data rule (the three items are on different scales).
Reference: Kocalevent RD, Berg L, Beutel ME, et al. (2018). Social support in the
general population: standardization of the Oslo social support scale (OSSS-3).
*BMC Psychology* 6, 31. <https://doi.org/10.1186/s40359-018-0249-9>

## ENRICHD Social Support Instrument (`essi`)

**Measures** perceived emotional and instrumental support after a heart attack,
used widely beyond it. **Responses** items 1-6, 1 none of the time ... 5 all of
the time; item 7 (married or living with a partner) is answered **4 for yes and
2 for no**, the values it scores. **Score** the sum, 8-34. **Bands** none: the
published low-support criteria use item subsets not confirmed here. No
missing-data rule (item 7 is a yes/no fact).
Reference: Mitchell PH, Powell L, Blumenthal J, et al. (2003). A short social
support measure for patients recovering from myocardial infarction: the ENRICHD
Social Support Inventory. *Journal of Cardiopulmonary Rehabilitation* 23(6),
398-403. <https://doi.org/10.1097/00008483-200311000-00001>

## Duke-UNC Functional Social Support Questionnaire (`duke_fssq`)

**Measures** functional support compared with what one would like. **Responses**
1 much less than I would like ... 5 as much as I would like; no reverse-scoring.
**Score** the sum, 8-40, with subscales `confidant` (5 items: talking about
problems, someone to trust, money matters, invitations, useful advice; 5-25) and
`affective` (3 items: people who care, love and affection, help when sick in bed;
3-15). Printed forms order the items differently; the subscales here follow the
items' content, and the order is the SABI form's. **Bands** none.
Reference: Broadhead WE, Gehlbach SH, de Gruy FV, Kaplan BH (1988). The Duke-UNC
Functional Social Support Questionnaire. *Medical Care* 26(7), 709-723.
<https://doi.org/10.1097/00005650-198807000-00006>

**Licences.** No licence statement was found for UCLA-3, ESSI or the FSSQ; the
OSSS-3 is described by a third party as free to use with citation. Item wording
is not shipped for any of them.
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
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DUKE_FSSQ", "ESSI", "OSSS3", "UCLA3"]


def _sum(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    return Scored(total=total_of(values, list(values)), subscales={})


UCLA3 = Instrument(
    id="ucla3",
    name="UCLA Loneliness Scale, 3-item (UCLA-3)",
    measures="Loneliness (higher is lonelier).",
    items=(
        Item("lack_companionship", "How often one feels a lack of companionship", likert(1, 3)),
        Item("feel_left_out", "How often one feels left out", likert(1, 3)),
        Item("feel_isolated", "How often one feels isolated from others", likert(1, 3)),
    ),
    citation=(
        "Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT (2004). Research on Aging 26(6):655-672. "
        "doi:10.1177/0164027504268574"
    ),
    licence="No licence statement found. Item wording not shipped.",
    rule=_sum,
)
"""UCLA-3 (sum 3-9; no band)."""


def _osss(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    total = total_of(values, list(values))
    band = "poor" if total <= 8 else "moderate" if total <= 11 else "strong"
    return Scored(total=total, subscales={}, band=band)


OSSS3 = Instrument(
    id="osss3",
    name="Oslo Social Support Scale (OSSS-3)",
    measures="Close people to count on, their concern, and practical help from neighbours.",
    items=(
        Item(
            "people_to_count_on",
            "People close enough to count on (1 none ... 4 six or more)",
            likert(1, 4),
        ),
        Item(
            "interest_and_concern",
            "Interest and concern others show (1 none ... 5 a lot)",
            likert(1, 5),
        ),
        Item(
            "neighbour_help",
            "Ease of practical help from neighbours (1 very hard ... 5 very easy)",
            likert(1, 5),
        ),
    ),
    citation=(
        "Kocalevent RD, Berg L, Beutel ME, et al. (2018). BMC Psychology 6:31. "
        "doi:10.1186/s40359-018-0249-9"
    ),
    licence="Described by a third party as free to use with citation. Item wording not shipped.",
    rule=_osss,
    prorate=False,
)
"""OSSS-3 (sum 3-14; poor 3-8, moderate 9-11, strong 12-14)."""

ESSI = Instrument(
    id="essi",
    name="ENRICHD Social Support Instrument (ESSI)",
    measures="Perceived emotional and instrumental support.",
    items=(
        Item("someone_to_listen", "Someone to listen when one needs to talk", likert(1, 5)),
        Item("advice_about_problem", "Someone to give good advice about a problem", likert(1, 5)),
        Item("love_and_affection", "Someone who shows love and affection", likert(1, 5)),
        Item("help_with_chores", "Someone to help with daily chores", likert(1, 5)),
        Item("emotional_support", "Emotional support from someone", likert(1, 5)),
        Item(
            "contact_with_trusted_person",
            "As much contact as wanted with someone trusted",
            likert(1, 5),
        ),
        Item("has_partner", "Married or living with a partner (4 yes, 2 no)", (2, 4)),
    ),
    citation=(
        "Mitchell PH, Powell L, Blumenthal J, et al. (2003). Journal of Cardiopulmonary "
        "Rehabilitation 23(6):398-403. doi:10.1097/00008483-200311000-00001"
    ),
    licence="No licence statement found. Item wording not shipped.",
    rule=_sum,
    prorate=False,
)
"""ESSI (sum 8-34; no band)."""

_CONFIDANT, _AFFECTIVE = "confidant", "affective"
_FSSQ = [
    ("people_who_care", "People who care what happens to one", _AFFECTIVE),
    ("love_and_affection", "Love and affection", _AFFECTIVE),
    ("talk_about_problems", "Chances to talk about problems at work or home", _CONFIDANT),
    (
        "someone_to_trust",
        "Chances to talk to someone one trusts about personal problems",
        _CONFIDANT,
    ),
    ("talk_about_money", "Chances to talk about money matters", _CONFIDANT),
    ("invitations", "Invitations to go out and do things", _CONFIDANT),
    ("useful_advice", "Useful advice about important things in life", _CONFIDANT),
    ("help_when_sick", "Help when sick in bed", _AFFECTIVE),
]


def _fssq(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    subscales = per_subscale(DUKE_FSSQ, values, total_of, order=(_CONFIDANT, _AFFECTIVE))
    return Scored(total=total_of(values, list(values)), subscales=subscales)


DUKE_FSSQ = Instrument(
    id="duke_fssq",
    name="Duke-UNC Functional Social Support Questionnaire (FSSQ)",
    measures="Confidant and affective support, compared with what one would like.",
    items=tuple(Item(i, label, likert(1, 5), subscales=(group,)) for i, label, group in _FSSQ),
    citation=(
        "Broadhead WE, Gehlbach SH, de Gruy FV, Kaplan BH (1988). Medical Care 26(7):709-723. "
        "doi:10.1097/00005650-198807000-00006"
    ),
    licence="No licence statement found. Item wording not shipped.",
    rule=_fssq,
    subscale_support={
        _CONFIDANT: (SupportType.EMOTIONAL, SupportType.INFORMATIONAL),
        _AFFECTIVE: (SupportType.EMOTIONAL,),
    },
)
"""Duke-UNC FSSQ (sum 8-40; confidant and affective sums)."""
