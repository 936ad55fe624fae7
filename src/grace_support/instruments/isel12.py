"""Interpersonal Support Evaluation List, 12-item (ISEL-12).

**What it measures.** Perceived availability of three kinds of support: someone
to talk to about problems (`appraisal`), people to do things with (`belonging`),
and material help (`tangible`).

**Responses.** 12 items, 1 definitely false, 2 probably false, 3 probably true,
4 definitely true. Items 1, 2, 7, 8, 11 and 12 are reverse-scored (5 - x).

**Coding base.** Some studies code the answers 0-3 instead. Choose it with
`coding="1-4"` (default) or `coding="0-3"`; reverse-scoring is then 3 - x, and
the score says which base it used (`options["coding"]`).

**Scoring (Cohen's lab).** "Sum across all items" after reverse-coding: total
12-48 (0-36 on the 0-3 base). Subscales are sums of four items each:
`appraisal` (2, 4, 6, 11), `belonging` (1, 5, 7, 9), `tangible` (3, 8, 10, 12),
each 4-16 (0-12).

**Bands.** None published.

**Missing data.** No author rule; `missing="prorate"` is available.

**Licence.** No licence statement found. Item wording not shipped.

**References.** Cohen S, Mermelstein R, Kamarck T, Hoberman HM (1985). Measuring
the functional components of social support. In Sarason IG, Sarason BR (eds),
*Social Support: Theory, Research and Applications*, pp. 73-94. Martinus Nijhoff.
<https://doi.org/10.1007/978-94-009-5115-0_5>
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

__all__ = ["ISEL12"]

_A, _B, _T = "appraisal", "belonging", "tangible"
_LAYOUT = [
    ("day_trip_companion", "Hard to find company for a day trip", _B, True),
    ("no_one_for_private_worries", "No one to share private worries and fears with", _A, True),
    ("help_with_chores_if_sick", "Could find help with chores if sick", _T, False),
    ("advice_on_family_problems", "Someone to turn to for advice on family problems", _A, False),
    ("movie_companion", "Could easily find company for an evening out", _B, False),
    (
        "suggestions_on_personal_problem",
        "Someone to turn to for suggestions on a personal problem",
        _A,
        False,
    ),
    ("seldom_invited", "Not often invited to do things with others", _B, True),
    (
        "house_sitter_hard_to_find",
        "Hard to find someone to look after one's home while away",
        _T,
        True,
    ),
    ("lunch_companion", "Could easily find someone to have lunch with", _B, False),
    ("ride_if_stranded", "Someone who would come if stranded away from home", _T, False),
    ("crisis_advice_hard_to_find", "Hard to find good advice in a family crisis", _A, True),
    ("moving_help_hard_to_find", "Hard to find help with moving house", _T, True),
]


def _rule(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    return Scored(
        total=total_of(values, list(values)),
        subscales=per_subscale(ISEL12, values, total_of, order=(_A, _B, _T)),
    )


ISEL12 = Instrument(
    id="isel12",
    name="Interpersonal Support Evaluation List, 12-item (ISEL-12)",
    measures="Perceived availability of appraisal, belonging and tangible support.",
    items=tuple(
        Item(i, label, likert(1, 4), reverse=rev, subscales=(group,))
        for i, label, group, rev in _LAYOUT
    ),
    citation=(
        "Cohen S, Mermelstein R, Kamarck T, Hoberman HM (1985). In Sarason IG, Sarason BR (eds), "
        "Social Support: Theory, Research and Applications, 73-94. Martinus Nijhoff."
    ),
    licence="No licence statement found. Item wording not shipped.",
    rule=_rule,
    options={"coding": ("1-4", "0-3")},
    subscale_support={
        "appraisal": (SupportType.INFORMATIONAL, SupportType.EMOTIONAL),
        "tangible": (SupportType.PRACTICAL,),
    },
    shift=lambda options: -1 if options["coding"] == "0-3" else 0,
)
"""The ISEL-12 (sum 12-48 on the 1-4 coding; three subscale sums)."""
