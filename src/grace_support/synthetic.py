"""A synthetic cohort of support networks for demos, docs, tests and benchmarks.

The networks are made up, reproducible from a seed, and shaped like real ones:
family and friends are most common; who gives which support depends on the role
(peers give peer support, professionals information); family members tend to
know each other; a few relationships are dormant or strained. They contain no
names, and carry the study variables ``age_group`` and ``gender`` on every person.

Examples:
    >>> networks = cohort(3, seed=7)
    >>> len(networks), networks == cohort(3, seed=7)
    (3, True)
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

from grace_support.attributes import Attributes
from grace_support.network import Person, Relationship, SupportNetwork, Tie
from grace_support.vocabulary import Closeness, Contact, Role, RoleCategory, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["REFERENCE_DAY", "cohort", "follow_up", "synthetic_network"]

REFERENCE_DAY = date(2026, 11, 25)
"""Last-contact dates fall in the 200 days before this day."""

_ROLE_WEIGHTS: dict[Role, float] = {
    Role.PARTNER: 8, Role.PARENT: 10, Role.CHILD: 6, Role.SIBLING: 10, Role.RELATIVE: 8,
    Role.FRIEND: 25, Role.PEER: 8, Role.NEIGHBOR: 4, Role.COWORKER: 6, Role.CLASSMATE: 2,
    Role.FAITH_COMMUNITY: 3, Role.COMMUNITY_MEMBER: 2, Role.THERAPIST: 4, Role.PSYCHIATRIST: 2,
    Role.GROUP_COUNSELOR: 1, Role.PEER_SPECIALIST: 1, Role.CASE_MANAGER: 1, Role.PRIMARY_CARE: 1,
    Role.OTHER_PROFESSIONAL: 1,
}  # fmt: skip
_SUPPORT_CHANCE = {  # emotional, practical, informational, peer
    RoleCategory.FAMILY: (0.6, 0.5, 0.2, 0.05),
    RoleCategory.FRIEND: (0.6, 0.3, 0.2, 0.1),
    RoleCategory.PEER: (0.5, 0.1, 0.3, 0.9),
    RoleCategory.COMMUNITY: (0.2, 0.3, 0.2, 0.05),
    RoleCategory.PROFESSIONAL: (0.4, 0.1, 0.8, 0.0),
}
_CLOSENESS = {  # inner, middle, outer
    RoleCategory.FAMILY: (5, 3.5, 1.5),
    RoleCategory.FRIEND: (3.5, 4.5, 2),
    RoleCategory.PEER: (1, 4, 5),
    RoleCategory.COMMUNITY: (0.5, 3, 6.5),
    RoleCategory.PROFESSIONAL: (0.5, 6, 3.5),
}
_CONTACT_WEIGHTS: dict[Contact, float] = {
    Contact.DAILY: 12, Contact.WEEKLY: 30, Contact.BIWEEKLY: 15, Contact.MONTHLY: 18,
    Contact.RARELY: 12, Contact.LOST_TOUCH: 8,
}  # fmt: skip
_AGE_GROUPS = ("18-25", "26-35", "36-50", "51-65", "66+")
_GENDERS: dict[str, float] = {"woman": 48, "man": 46, "nonbinary": 6}


_T = TypeVar("_T")


def _pick(rng: random.Random, weights: Mapping[_T, float]) -> _T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _attributes(rng: random.Random) -> Attributes:
    return Attributes({"age_group": rng.choice(_AGE_GROUPS), "gender": _pick(rng, _GENDERS)})


def synthetic_network(rng: random.Random, ego_id: str, *, mean_size: float = 7.0) -> SupportNetwork:
    """One synthetic network drawn with `rng` (see the module docs)."""
    size = min(_poisson(rng, mean_size), 25)
    people: list[Person] = []
    relationships: list[Relationship] = []
    for i in range(size):
        pid = f"a{i:02d}"
        role = _pick(rng, _ROLE_WEIGHTS)
        category = role.category
        chance = _SUPPORT_CHANCE[category]
        if role is Role.PEER_SPECIALIST:
            chance = (0.5, 0.1, 0.6, 0.9)
        supports = tuple(t for t, c in zip(SupportType, chance, strict=True) if rng.random() < c)
        closeness = rng.choices(list(Closeness), weights=_CLOSENESS[category])[0]
        contact = _pick(rng, _CONTACT_WEIGHTS) if rng.random() < 0.95 else None
        strain = rng.choices(list(Strain), weights=(73, 20, 7))[0]
        last = REFERENCE_DAY - timedelta(days=rng.randint(0, 200)) if rng.random() < 0.6 else None
        people.append(Person(id=pid, attributes=_attributes(rng)))
        relationships.append(
            Relationship(
                person=pid,
                role=role,
                supports=supports,
                closeness=closeness,
                contact=contact,
                last_contact=last,
                strain=strain,
            )
        )
    ties = []
    for i, a in enumerate(relationships):
        for b in relationships[i + 1 :]:
            same = a.category is b.category
            tie_chance = (
                0.8 if same and a.category is RoleCategory.FAMILY else 0.35 if same else 0.08
            )
            if rng.random() < tie_chance:
                ties.append(Tie(a.person, b.person))
    needs = (
        tuple(SupportType)
        if rng.random() < 0.8
        else tuple(t for t in SupportType if rng.random() < 0.7)
    )
    return SupportNetwork(
        ego=Person(id=ego_id, attributes=_attributes(rng)),
        needs=needs,
        people=tuple(people),
        relationships=tuple(relationships),
        ties=tuple(ties),
    )


def cohort(n: int, *, seed: int = 0, mean_size: float = 7.0) -> tuple[SupportNetwork, ...]:
    """`n` synthetic networks, the same for the same `seed` on every machine.

    Args:
        n: How many networks.
        seed: The random seed.
        mean_size: The average number of people per network (sizes are Poisson, capped at 25).

    Returns:
        The networks; egos are ``ego0000``, ``ego0001``, ...
    """
    if n < 0:
        raise ValueError("n must not be negative")
    rng = random.Random(seed)
    return tuple(synthetic_network(rng, f"ego{i:04d}", mean_size=mean_size) for i in range(n))


def follow_up(
    networks: Iterable[SupportNetwork], *, seed: int = 0, mean_new: float = 1.0
) -> tuple[SupportNetwork, ...]:
    """A second wave of a synthetic cohort: the same egos some months later.

    Each relationship is kept with chance 0.88; a kept one moves one circle in or
    out with chance 0.2, changes how often they are in touch with chance 0.2, and
    gains or loses one kind of support with chance 0.15. About `mean_new` new
    people join each network (Poisson), with ids that continue the old ones; ties
    among kept people stay with chance 0.9 and new ones form as in the first wave.
    Dates (``collected_on`` and the like) are left for the caller to set.

    Args:
        networks: The first wave (e.g. from [`cohort`][grace_support.synthetic.cohort]).
        seed: The random seed; the same networks and seed give the same second wave.
        mean_new: The average number of people who join each network.

    Examples:
        >>> first = cohort(2, seed=3)
        >>> second = follow_up(first, seed=4)
        >>> [n.ego.id for n in second] == [n.ego.id for n in first]
        True
    """
    rng = random.Random(seed)
    return tuple(_next_wave(rng, network, mean_new) for network in networks)


def _next_wave(rng: random.Random, network: SupportNetwork, mean_new: float) -> SupportNetwork:
    circles = list(Closeness)
    people: list[Person] = []
    relationships: list[Relationship] = []
    for person, rel in network.alters:
        if rng.random() >= 0.88:
            continue
        changes: dict[str, object] = {}
        if rng.random() < 0.2 and rel.closeness in circles:
            here = circles.index(rel.closeness)
            changes["closeness"] = circles[max(0, min(2, here + rng.choice((-1, 1))))]
        if rng.random() < 0.2:
            changes["contact"] = _pick(rng, _CONTACT_WEIGHTS)
        if rng.random() < 0.15:
            flipped = rng.choice(list(SupportType))
            changes["supports"] = tuple(
                t for t in SupportType if (t in (rel.supports or ())) != (t == flipped)
            )
        people.append(person)
        relationships.append(rel.model_validate(rel.model_dump() | changes))
    kept = {p.id for p in people}
    ties: list[tuple[str, str]] = [
        (a, b) for a, b in network.ties if a in kept and b in kept and rng.random() < 0.9
    ]
    taken = {p.id for p in network.people}
    number = len(network.people)
    for _ in range(_poisson(rng, mean_new)):
        while f"a{number:02d}" in taken:
            number += 1
        newcomer = synthetic_network(rng, "x", mean_size=3.0)
        pid = f"a{number:02d}"
        taken.add(pid)
        if not newcomer.relationships:
            continue
        rel = newcomer.relationships[0].model_copy(update={"person": pid})
        ties.extend(
            (other.person, pid)
            for other in relationships
            if rng.random() < (0.35 if other.category is rel.category else 0.08)
        )
        people.append(Person(id=pid, attributes=_attributes(rng)))
        relationships.append(rel)
    return network.model_validate(
        network.model_dump()
        | {
            "people": [p.model_dump() for p in people],
            "relationships": [r.model_dump() for r in relationships],
            "ties": ties,
        }
    )
