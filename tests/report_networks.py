"""Networks for the egogram and HTML report tests: generated sizes, stars, empty circles."""

from __future__ import annotations

import random

from grace_support import Person, Relationship, SupportNetwork
from grace_support.vocabulary import Closeness, Contact, Role, Strain, SupportType

SIZES = (1, 2, 6, 18, 40)
"""The network sizes the issue names."""


def generated(n: int, *, seed: int = 0, names: bool = True) -> SupportNetwork:
    """A network of ``n`` alters with mixed roles, circles, support, contact and ties."""
    rng = random.Random(seed)
    roles = list(Role)
    people = []
    for k in range(n):
        pid = f"person-{k:02d}"
        role = rng.choice(roles)
        supports = [t for t in SupportType if rng.random() < 0.5]
        rel = Relationship(
            person=pid,
            role=role,
            supports=tuple(supports),
            closeness=rng.choice(list(Closeness)),
            contact=rng.choice(list(Contact)),
            strain=rng.choice(list(Strain)),
        )
        name = f"Alexandra-Maximiliane {k}" if names else None
        people.append((Person(id=pid, name=name), rel))
    ids = [p.id for p, _ in people]
    ties = sorted({tuple(sorted(rng.sample(ids, 2))) for _ in range(n // 2)}) if n >= 2 else []
    return SupportNetwork.build(
        Person(id="ego", name="Ego Person"),
        people,
        ties=[(a, b) for a, b in ties],
    )


def star(
    n: int, *, closeness: Closeness = Closeness.INNER, role: Role = Role.FRIEND
) -> SupportNetwork:
    """``n`` alters, all in one sector and one circle (the others stay empty)."""
    people = [
        (
            Person(id=f"friend-{k:02d}", name=f"Friend number {k}"),
            Relationship(
                person=f"friend-{k:02d}",
                role=role,
                supports=tuple(SupportType),
                closeness=closeness,
            ),
        )
        for k in range(n)
    ]
    return SupportNetwork.build(Person(id="ego"), people)


def empty() -> SupportNetwork:
    """A network with nobody in it yet."""
    return SupportNetwork.build(Person(id="ego"), [])
