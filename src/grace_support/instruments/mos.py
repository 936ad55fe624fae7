"""MOS Social Support Survey (MOS-SSS) and its 8-item short form (mMOS-SS-8).

**What it measures.** How often different kinds of support are available when
needed: emotional and informational, tangible, affectionate, and positive social
interaction.

**Responses.** "How often is each available": 1 none of the time, 2 a little,
3 some, 4 most, 5 all of the time. No item is reverse-scored. The survey's first
question (how many close friends and relatives) is a free count and is not scored.

**MOS-SSS scoring (RAND).** Each subscale is the mean of its items, transformed to
0-100 as 100 x (mean - 1) / 4: `emotional_informational` (8 items), `tangible`
(4), `affectionate` (3), `positive_social_interaction` (3). The total is the
overall support index: the mean of **all 19 items**, on 0-100 (RAND; LOINC
91663-5), not the mean of the subscale scores.

**Decision: positive social interaction.** RAND (and the NINDS CDE) score it from
3 items; the item "someone to do things with to get your mind off things" is an
additional item used only in the overall index. Many secondary sources add it as a
fourth item. Default `positive_social_interaction="3_items"` (RAND); choose
`"4_items"` to match those sources. The overall index is the same either way.

**mMOS-SS-8 scoring (Moser et al. 2012).** Eight items from the MOS-SSS, four
`instrumental` (confined to bed, doctor, meals, chores) and four `emotional` (good
time, suggestions, understands problems, love and feeling wanted). Answers given
as a list follow the published form's order: those four instrumental items, then
those four emotional items (earlier releases read the list in the MOS-SSS order).
Total and each
subscale: the average transformed to 0-100, i.e. 100 x (sum - n) / (4n).

**Bands.** None published.

**Missing data.** RAND gives no rule; `missing="prorate"` is available.

**Licence.** A third-party page states "Licence needed: Yes" for the MOS-SSS; RAND's
terms were not retrieved. Item wording not shipped.

**References.** Sherbourne CD, Stewart AL (1991). The MOS social support survey.
*Social Science & Medicine* 32(6), 705-714.
<https://doi.org/10.1016/0277-9536(91)90150-B>. Moser A, Stuck AE, Silliman RA,
Ganz PA, Clough-Gorr KM (2012). The eight-item modified Medical Outcomes Study
Social Support Survey. *Journal of Clinical Epidemiology* 65(10), 1107-1116.
<https://doi.org/10.1016/j.jclinepi.2012.04.007>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.instruments._base import Instrument, Item, Scored, likert, mean_of
from grace_support.vocabulary import SupportType

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MMOS_SS8", "MOS_SSS"]

_EI, _T, _AF, _PSI = (
    "emotional_informational",
    "tangible",
    "affectionate",
    "positive_social_interaction",
)
_CODES = likert(1, 5)
# RAND numbering 2-20 (question 1 is the unscored count).
_LAYOUT = [
    ("help_if_confined_to_bed", "Help if confined to bed", _T),
    ("listens_when_you_talk", "Someone to listen when one needs to talk", _EI),
    ("advice_in_crisis", "Good advice about a crisis", _EI),
    ("takes_you_to_doctor", "Someone to take one to the doctor", _T),
    ("shows_love_and_affection", "Someone who shows love and affection", _AF),
    ("good_time_together", "Someone to have a good time with", _PSI),
    ("information_to_understand", "Information to help understand a situation", _EI),
    ("confide_in", "Someone to confide in", _EI),
    ("hugs_you", "Someone who hugs one", _AF),
    ("get_together_to_relax", "Someone to get together with to relax", _PSI),
    ("prepares_meals", "Someone to prepare meals if one cannot", _T),
    ("advice_you_want", "Someone whose advice one really wants", _EI),
    ("takes_mind_off_things", "Someone to do things with to take one's mind off things", None),
    ("helps_with_chores_if_sick", "Help with daily chores if sick", _T),
    ("share_private_worries", "Someone to share private worries and fears with", _EI),
    ("suggestions_for_problem", "Suggestions on dealing with a personal problem", _EI),
    ("enjoyable_together", "Someone to do something enjoyable with", _PSI),
    ("understands_your_problems", "Someone who understands one's problems", _EI),
    ("love_and_feel_wanted", "Someone to love and make one feel wanted", _AF),
]


def _to_100(mean: float) -> float:
    return 100 * (mean - 1) / 4


def _mos(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    groups: dict[str, list[str]] = {g: [] for g in (_EI, _T, _AF, _PSI)}
    for item in MOS_SSS.items:
        for group in item.subscales:
            groups[group].append(item.id)
    if options["positive_social_interaction"] == "4_items":
        groups[_PSI].append("takes_mind_off_things")
    subscales = {g: _to_100(mean_of(values, ids)) for g, ids in groups.items()}
    return Scored(total=_to_100(mean_of(values, list(values))), subscales=subscales)


MOS_SSS = Instrument(
    id="mos_sss",
    name="MOS Social Support Survey (MOS-SSS), 19 scored items",
    measures="How often emotional, informational, tangible and affectionate support and "
    "positive social interaction are available.",
    items=tuple(
        Item(i, label, _CODES, subscales=(group,) if group else ()) for i, label, group in _LAYOUT
    ),
    citation=(
        "Sherbourne CD, Stewart AL (1991). Social Science & Medicine 32(6):705-714. "
        "doi:10.1016/0277-9536(91)90150-B"
    ),
    licence="A licence may be needed (third-party statement); RAND's terms not retrieved. "
    "Item wording not shipped.",
    rule=_mos,
    options={"positive_social_interaction": ("3_items", "4_items")},
    subscale_support={
        _EI: (SupportType.EMOTIONAL, SupportType.INFORMATIONAL),
        _T: (SupportType.PRACTICAL,),
        _AF: (SupportType.EMOTIONAL,),
    },
)
"""The MOS-SSS (overall index 0-100 from all 19 items; four subscales on 0-100)."""

_INSTRUMENTAL = (
    "help_if_confined_to_bed",
    "takes_you_to_doctor",
    "prepares_meals",
    "helps_with_chores_if_sick",
)
_EMOTIONAL = (
    "good_time_together",
    "suggestions_for_problem",
    "understands_your_problems",
    "love_and_feel_wanted",
)


def _mmos(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    subscales = {
        "instrumental": _to_100(mean_of(values, _INSTRUMENTAL)),
        "emotional": _to_100(mean_of(values, _EMOTIONAL)),
    }
    return Scored(total=_to_100(mean_of(values, list(values))), subscales=subscales)


MMOS_SS8 = Instrument(
    id="mmos_ss8",
    name="Modified MOS Social Support Survey, 8-item (mMOS-SS-8)",
    measures="Instrumental and emotional support available when needed.",
    # The published form's order (Moser et al. 2012): four instrumental, then four emotional.
    items=tuple(
        Item(
            item_id,
            MOS_SSS.item(item_id).label,
            _CODES,
            subscales=("instrumental",) if item_id in _INSTRUMENTAL else ("emotional",),
        )
        for item_id in _INSTRUMENTAL + _EMOTIONAL
    ),
    citation=(
        "Moser A, Stuck AE, Silliman RA, Ganz PA, Clough-Gorr KM (2012). Journal of Clinical "
        "Epidemiology 65(10):1107-1116. doi:10.1016/j.jclinepi.2012.04.007"
    ),
    licence="Items come from the MOS-SSS (see there). Item wording not shipped.",
    rule=_mmos,
    subscale_support={
        "instrumental": (SupportType.PRACTICAL,),
        "emotional": (SupportType.EMOTIONAL,),
    },
)
"""The mMOS-SS-8 (0-100; instrumental and emotional subscales on 0-100)."""
