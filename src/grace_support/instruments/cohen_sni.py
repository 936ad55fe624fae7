"""Cohen Social Network Index (SNI).

**What it measures.** Social integration: in how many social roles a person has
regular contact (at least once every two weeks), how many people that is, and in
how many groups they are embedded.

**Answers (by item id; counts are people in touch at least every two weeks).**
`marital_status` 1 married or living in a marital-like relationship, 2 never
married, 3 separated, 4 divorced, 5 widowed; `children_contact` count;
`parents_contact` 0 neither, 1 mother only, 2 father only, 3 both;
`in_laws_contact` the same codes, plus 4 not applicable; `relatives_contact`,
`friends_contact`, `religious_contact`, `school_contact`, `work_supervised_contact`
(people one supervises), `work_other_contact` (other people at work),
`neighbors_contact`, `volunteer_contact` and `group_contact` (members of other
groups, summed over the groups) as counts: any whole number from 0 (100 or more
is a valid count; every count above 6 is recoded to 7 for the scores).

**Scores.**

- `high_contact_roles` (the total, 0-12): one point for each of spouse, children,
  parents, in-laws, other relatives, close friends, religious group, school, work,
  neighbours, volunteering, other groups with at least one regular contact.
- `network_size`: the number of people in regular contact, over the roles:
  spouse 1 if married; parents and in-laws recoded 1 or 2 -> 1 and 3 -> 2 (4, not
  applicable, -> 0); every count above 6 recoded to 7, as Cohen recommends; work
  is supervised + other.
- `embedded_networks` (0-8): the networks among family, friends, religious group,
  school, work, neighbours, volunteering and other groups that are large enough.

**Decisions** (the author's text is ambiguous or was not retrieved):

- *Role labels.* Cohen's scoring table labels item 2a "parent" and 3a "child",
  but on the form 2a asks about children and 3a about parents; the recode 1, 2 ->
  1; 3 -> 2 only fits the parent and in-law items. Items here are keyed by
  content, so the mix-up cannot reach a score.
- *Work role* (`employee_rule`). Cohen: the role counts when the two work items
  are "not 0 for both items". We read that as *not both zero*: `"either"` (default),
  so a person who talks to coworkers but supervises no one has the work role. The
  public implementations we know (Boyle; Gruskin; the Human Penguin Project) require
  both to be non-zero: choose `"both"` to match them.
- *Embedded networks* (`embedded_rule`). Default `"at_least_4"` (Boyle; Gruskin): a
  network counts with 4 or more people; the family network needs 4 or more
  members **and** 3 or more high-contact family roles. `"more_than_4"` (Human
  Penguin Project): more than 4 people, and for family more than 4 members with no
  roles criterion. Family members are counted after the recodes above.

**Missing data.** No author rule; public scorers set a missing answer to 0. Here
every item must be answered (pass 0 where that is what was meant).

**Licence.** No licence statement found. Item wording not shipped.

**Reference.** Cohen S, Doyle WJ, Skoner DP, Rabin BS, Gwaltney JM Jr (1997).
Social ties and susceptibility to the common cold. *JAMA* 277(24), 1940-1944.
<https://doi.org/10.1001/jama.1997.03540480040036>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.instruments._base import Instrument, Item, Scored, likert

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["COHEN_SNI"]

_COUNT = (0,)  # with open_ended=True: any whole number from 0 (above 6 recoded to 7)
_PAIR = {0: 0, 1: 1, 2: 1, 3: 2, 4: 0}  # neither / mother / father / both / not applicable

_COUNTS = [
    ("relatives_contact", "Other close relatives in regular contact (count)"),
    ("friends_contact", "Close friends in regular contact (count)"),
    ("religious_contact", "Members of one's religious group in regular contact (count)"),
    ("school_contact", "Fellow students or teachers in regular contact (count)"),
    ("work_supervised_contact", "People one supervises at work, in regular contact (count)"),
    ("work_other_contact", "Other people at work in regular contact (count)"),
    ("neighbors_contact", "Neighbours in regular contact (count)"),
    ("volunteer_contact", "People met through volunteering in regular contact (count)"),
    ("group_contact", "Members of other groups in regular contact (count, all groups)"),
]


def _rule(values: Mapping[str, float], options: Mapping[str, str]) -> Scored:
    v = {key: int(value) for key, value in values.items()}

    def people(key: str) -> int:
        return min(v[key], 7)

    married = v["marital_status"] == 1
    supervised, other = v["work_supervised_contact"], v["work_other_contact"]
    work_role = (
        (supervised and other) if options["employee_rule"] == "both" else (supervised or other)
    )
    family_roles = [
        married,
        v["children_contact"] > 0,
        _PAIR[v["parents_contact"]] > 0,
        _PAIR[v["in_laws_contact"]] > 0,
        v["relatives_contact"] > 0,
    ]
    other_roles = [v[key] > 0 for key in ("friends_contact", "religious_contact", "school_contact")]
    other_roles += [bool(work_role)]
    other_roles += [
        v[key] > 0 for key in ("neighbors_contact", "volunteer_contact", "group_contact")
    ]

    family_people = (
        int(married)
        + people("children_contact")
        + _PAIR[v["parents_contact"]]
        + _PAIR[v["in_laws_contact"]]
        + people("relatives_contact")
    )
    networks = {
        "friends": people("friends_contact"),
        "religious": people("religious_contact"),
        "school": people("school_contact"),
        "work": people("work_supervised_contact") + people("work_other_contact"),
        "neighbors": people("neighbors_contact"),
        "volunteer": people("volunteer_contact"),
        "groups": people("group_contact"),
    }
    if options["embedded_rule"] == "more_than_4":
        embedded = int(family_people > 4) + sum(n > 4 for n in networks.values())
    else:
        embedded = int(sum(family_roles) >= 3 and family_people >= 4)
        embedded += sum(n >= 4 for n in networks.values())
    roles = sum(family_roles) + sum(other_roles)
    return Scored(
        total=roles,
        subscales={
            "high_contact_roles": roles,
            "network_size": family_people + sum(networks.values()),
            "embedded_networks": embedded,
        },
    )


COHEN_SNI = Instrument(
    id="cohen_sni",
    name="Cohen Social Network Index (SNI)",
    measures="Social integration: roles with regular contact, people, embedded networks.",
    items=(
        Item(
            "marital_status", "Marital status (1 married or marital-like; 2-5 other)", likert(1, 5)
        ),
        Item("children_contact", "Children in regular contact (count)", _COUNT, open_ended=True),
        Item(
            "parents_contact",
            "Parents in regular contact (0 neither, 1 mother, 2 father, 3 both)",
            likert(0, 3),
        ),
        Item(
            "in_laws_contact",
            "Partner's parents in regular contact (as parents; 4 not applicable)",
            likert(0, 4),
        ),
        *(Item(key, label, _COUNT, open_ended=True) for key, label in _COUNTS),
    ),
    citation=(
        "Cohen S, Doyle WJ, Skoner DP, Rabin BS, Gwaltney JM Jr (1997). JAMA 277(24):1940-1944. "
        "doi:10.1001/jama.1997.03540480040036"
    ),
    licence="No licence statement found. Item wording not shipped.",
    rule=_rule,
    options={"employee_rule": ("either", "both"), "embedded_rule": ("at_least_4", "more_than_4")},
    prorate=False,
)
"""Cohen's SNI (high-contact roles 0-12; network size; embedded networks 0-8)."""
