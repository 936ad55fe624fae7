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


def persnet_example() -> SupportNetwork:
    """An 11-person PERSNET respondent, every one a friend (one role: one crowded sector).

    Read from a REDCap export written by hand (``tests/persnet_fixture.py``), as an
    app would read a real one: names, closeness, how often they speak, support
    types, one negative influence, and how well pairs know each other.
    """
    import tempfile
    from pathlib import Path

    from grace_support.importers import read_persnet
    from tests.persnet_fixture import row, write

    names = ["Ana", "Ben", "Cy", "Dee", "Eve", "Flo", "Gus", "Hal", "Ivy", "Jo", "Kit"]
    values = {"record_id": "201", "first": "1", "size": str(len(names))}
    for k, name in enumerate(names, start=1):
        values |= {
            f"name{k}": name,
            f"name_{k}": "1",
            f"name{k}relat___3": "1",  # friend
            f"tie{k}": str(1 + k % 2),  # 2 especially close, 1 not especially close
            f"name{k}speak": str(1 + k % 4),
            f"name{k}supptype___{1 + k % 5}": "1",
            f"name{k}neg": "1" if k == 4 else "0",
        }
    # a_tie<m> numbers the pairs (1,2), (1,3) ... (1,15), (2,3) ...: every third pair of
    # the first ten names knows each other (PERSNET asks about ties among ten only)
    pairs = [(i, j) for i in range(1, 16) for j in range(i + 1, 16)]
    for m, (_, j) in enumerate(pairs, start=1):
        if j <= 10 and m % 3 == 1:
            values[f"a_tie{m}"] = "1"
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "persnet.csv", [row(values)])
        (network,) = read_persnet(path)
    return network
