"""Social connection as US health records exchange it: the NHANES panel and the CMS item.

## NHANES social connection and isolation panel (`nhanes_sci`)

**Measures** social connection, as the number of kinds of social ties a person
has: a partner, frequent contact, religious attendance and a club or
organisation. LOINC codes the panel as 76506-5 and its score as 76512-3; the
ONC Interoperability Standards Advisory names it for social connection and
isolation.

**Answers (by item id).** `marital_status` 1 married, 2 widowed, 3 divorced,
4 separated, 5 never married, 6 living with a partner (the answers of LOINC
63503-7, in its question's order); `phone_per_week` how many times in a typical
week the person talks on the telephone with family, friends or neighbours (any
whole number from 0; LOINC 76508-1); `get_together_times` and `get_together_per`
how often they get together with friends or relatives: a number of times (from 0)
per 1 week, 2 month or 3 year; `religious_times` and `religious_per` how often
they attend church or religious services, the same way; `club_member` 1 yes,
2 no (belongs to a club or organisation such as a church group, union,
fraternal, athletic or school group; LOINC 76511-5).

**Score** (Pantell et al. 2013, the study LOINC cites for the panel): one point
each for

- being married or living with a partner (`marital_status` 1 or 6);
- three or more social contacts a week: telephone contacts plus get-togethers,
  with get-togethers converted to a weekly rate (per month x 12/52, per year
  x 1/52), since the study averages contacts per week;
- frequent religious attendance: more than four times a year (per week x 52,
  per month x 12);
- belonging to a club or organisation.

The total runs from 0 (the most isolated) to 4 (the least isolated). The four
points are also reported as subscales (`partnered`, `frequent_contact`,
`religious_attendance`, `club_membership`, each 0 or 1), so a record shows which
kinds of tie are there. Arithmetic is exact (fractions), so a rate of exactly 3
a week counts.

**A published example.** The HL7 SDOH Clinical Care guide (IG 3.0.0) gives the
answers of one person as example observations: married; 7 telephone contacts,
7 get-togethers and 7 religious services a week; a club. Its example score
(76512-3) is 4, and this rule gives 4 (a test reads those answers as an EHR
would send them). The other worked examples in the tests are derived by hand
from the rule.

**Band** none: LOINC's score text says scores of 0 or 1 are the most socially
isolated participants of the study, a description of that sample, not a cut-off
for a person.

**A discrepancy in LOINC** (`religious_rule`). LOINC's panel text (76506-5)
gives religious attendance "more than four times per year", its score text
(76512-3) "4 or more times per year". The default, `"more_than_4"`, follows the
panel text, which describes the source study; `"4_or_more"` follows the score
text. Only someone attending exactly four times a year is scored differently.
The study's abstract was read; its methods section was not available here, so
the rule is taken from LOINC's panel description of the study, and the weekly
and yearly conversions are ours (exact: a month is 52/12 weeks).

**Items LOINC codes differently.** LOINC records get-togethers (76509-9) as a
rate per week and religious attendance (76510-7) as a rate per year. We ask for
a number and a period, so that the conversion is done by the scoring rule, not by
whoever records the answer; those two LOINC item codes are therefore not written
on our items (they would describe a different answer).

**Missing data.** Every item is needed (no author rule; the items are facts).

Reference: Pantell M, Rehkopf D, Jutte D, Syme SL, Balmes J, Adler N (2013).
Social isolation: a predictor of mortality comparable to traditional clinical
risk factors. *American Journal of Public Health* 103(11), 2056-2062.
<https://doi.org/10.2105/AJPH.2013.301261> (PMID 24028260).

## Loneliness, one item (`cms_loneliness`)

**Measures** how often a person feels lonely or isolated from those around them:
the single item that CMS post-acute assessments (MDS 3.0, OASIS-E, IRF-PAI,
LCDS) exchange as LOINC 93159-2.

**Answers** `lonely_or_isolated` 0 never, 1 rarely, 2 sometimes, 3 often,
4 always (LOINC's answers LA6270-8, LA10066-1, LA10082-8, LA10044-8, LA9933-8).
An answer of "declines to respond" or "unable to respond" is not a frequency:
leave the item unanswered.

**Score** the answer itself, 0-4; higher means lonelier. **Band** none.

Reference: Centers for Medicare & Medicaid Services, standardized patient
assessment data element "Social isolation" (item D0700 in MDS 3.0), coded by
LOINC as 93159-2 "How often do you feel lonely or isolated from those around
you [CMS Assessment]".

**Licences.** Both are US federal government works (NCHS's NHANES questions; CMS's
assessment item): in the public domain, so LOINC publishes their item codes and
we write them. LOINC's codes and names are used under the LOINC licence
(free of charge, <https://loinc.org/license>). Our labels are short descriptions;
the full question wording is in the sources.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from grace_support.instruments._base import Instrument, Item, Scored, likert

if TYPE_CHECKING:
    from collections.abc import Mapping

    from grace_support.instruments._base import Number

__all__ = ["CMS_LONELINESS", "NHANES_SCI", "weekly_contacts", "yearly_attendance"]

_PARTNERED = frozenset({1, 6})  # married; living with a partner
_WEEKS_PER = {1: Fraction(1), 2: Fraction(52, 12), 3: Fraction(52)}  # week, month, year
_PERIOD = likert(1, 3)  # 1 week, 2 month, 3 year


def weekly_contacts(phone_per_week: int, times: int, per: int) -> Fraction:
    """Telephone contacts plus get-togethers in a week (exact), as Pantell et al. count them.

    Args:
        phone_per_week: Telephone contacts in a typical week.
        times: Get-togethers with friends or relatives ...
        per: ... per 1 week, 2 month or 3 year.

    Examples:
        >>> weekly_contacts(1, 26, 3)  # one call a week, a get-together every two weeks
        Fraction(3, 2)
        >>> weekly_contacts(0, 13, 2) >= 3  # 13 a month is exactly 3 a week
        True

    Version added:
        0.2.0
    """
    return phone_per_week + times / _WEEKS_PER[per]


def yearly_attendance(times: int, per: int) -> Fraction:
    """Religious services attended in a year (exact).

    Examples:
        >>> yearly_attendance(1, 2)  # once a month
        Fraction(12, 1)

    Version added:
        0.2.0
    """
    return times * 52 / _WEEKS_PER[per]


def _nhanes(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    v = {key: int(value) for key, value in values.items()}
    contacts = weekly_contacts(v["phone_per_week"], v["get_together_times"], v["get_together_per"])
    attendance = yearly_attendance(v["religious_times"], v["religious_per"])
    religious = attendance >= 4 if options["religious_rule"] == "4_or_more" else attendance > 4
    points: dict[str, Number] = {
        "partnered": int(v["marital_status"] in _PARTNERED),
        "frequent_contact": int(contacts >= 3),
        "religious_attendance": int(religious),
        "club_membership": int(v["club_member"] == 1),
    }
    return Scored(total=int(sum(points.values())), subscales=points)


NHANES_SCI = Instrument(
    id="nhanes_sci",
    name="NHANES Social Connection and Isolation Panel (NHANES panel)",
    measures="Social connection: partner, frequent contact, religious attendance, clubs "
    "(0 most isolated to 4).",
    items=(
        Item(
            "marital_status",
            "Marital status (1 married, 2 widowed, 3 divorced, 4 separated, 5 never married, "
            "6 living with a partner)",
            likert(1, 6),
        ),
        Item(
            "phone_per_week",
            "Telephone contacts with family, friends or neighbours in a typical week (count)",
            (0,),
            open_ended=True,
        ),
        Item(
            "get_together_times",
            "Get-togethers with friends or relatives: how many times (count)",
            (0,),
            open_ended=True,
        ),
        Item(
            "get_together_per",
            "Get-togethers: per 1 week, 2 month, 3 year",
            _PERIOD,
        ),
        Item(
            "religious_times",
            "Attending church or religious services: how many times (count)",
            (0,),
            open_ended=True,
        ),
        Item("religious_per", "Religious services: per 1 week, 2 month, 3 year", _PERIOD),
        Item(
            "club_member",
            "Belongs to a club or organisation (1 yes, 2 no)",
            (1, 2),
        ),
    ),
    citation=(
        "Pantell M, Rehkopf D, Jutte D, Syme SL, Balmes J, Adler N (2013). Am J Public Health "
        "103(11):2056-2062. doi:10.2105/AJPH.2013.301261 (PMID 24028260)"
    ),
    licence=(
        "US federal government work (NHANES, NCHS): public domain. LOINC codes and names "
        "used under the LOINC licence. Full item wording not shipped (see the source)."
    ),
    rule=_nhanes,
    options={"religious_rule": ("more_than_4", "4_or_more")},
    prorate=False,
)
"""The NHANES social connection and isolation panel (0 most isolated to 4; LOINC 76506-5)."""


def _single(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    return Scored(total=int(values["lonely_or_isolated"]), subscales={})


CMS_LONELINESS = Instrument(
    id="cms_loneliness",
    name="Loneliness, single CMS item (CMS loneliness)",
    measures="How often one feels lonely or isolated (0 never to 4 always; higher is lonelier).",
    items=(
        Item(
            "lonely_or_isolated",
            "How often one feels lonely or isolated from those around one "
            "(0 never, 1 rarely, 2 sometimes, 3 often, 4 always)",
            likert(0, 4),
        ),
    ),
    citation=(
        "Centers for Medicare & Medicaid Services, standardized patient assessment data "
        "element 'Social isolation' (MDS 3.0 item D0700); LOINC 93159-2"
    ),
    licence=(
        "US federal government work (CMS): public domain. LOINC codes and names used under "
        "the LOINC licence. Full item wording not shipped (see the source)."
    ),
    rule=_single,
    prorate=False,
)
"""The CMS loneliness item (0 never to 4 always; LOINC 93159-2)."""
