"""Made-up study data in the shapes of egor's example files, written into a folder.

egor (the R package, AGPL-3) ships example studies in ``inst/extdata``. We do not
copy them: this module writes *our own* made-up data with the same file names,
column names, separators, quoting and counts, so that ``read_egor`` can be tested
on every call shape egor's readers take without shipping egor's rows. The values
are obviously fake (people are ``fake-a``, countries ``Testland``); a seeded
``random.Random`` makes every run write the same bytes (nothing from the clock).

What :func:`write_egor_shapes` writes, with the counts egor's documentation gives
for its own files (the tests assert them):

| Files | egor's reader | Egos | Alters | Ties |
|---|---|---|---|---|
| ``egos_32.csv``, ``alters_32/``, ``edges_32/`` | ``read_egonet`` | 32 | 384 | 1,056 |
| ``egoweb/`` (``egos_32``, ``alters_32``, ``edges_32``) | ``read_egoweb`` | 32 | 508 | 4,112 |
| ``openeddi/`` (``study_x_*``) | ``read_openeddi`` | 32 | 508 | 4,112 |
| ``one_file_8.csv`` | ``onefile_to_egor`` | 16 | 128 | 448 |
| ``one_file_8.csv``, ``alters_8.csv`` | ``twofiles_to_egor`` | 16 | 128 | 448 |
| ``egos_ws.csv``, ``alters_ws.csv``, ``edges_ws.csv`` | ``threefiles_to_egor`` | 3 | 15 | 30 |

(7 of the 30 ``_ws`` ties have weight 0.)

Also, as in egor's folder: ``two_files_8_egos.csv`` (128 egos with netsize 8, which
do not belong with ``alters_8.csv``'s 16), ``two_files_ws_egos.csv`` (the ``_ws``
egos with their ties as wide ``X<i>.to.<j>`` cells) and ``alters_ws/`` and
``edges_ws/`` (the ``_ws`` study in the folder layout). As in egor's files, the
first ``_ws`` ego is called by a name (:data:`WS_FIRST_EGO`) in ``egos_ws.csv`` and
``two_files_ws_egos.csv`` but ``1`` in the alters and edges files, and that ego's
alters are named (:data:`WS_FIRST_ALTERS`) where the others' are numbered.
"""

from __future__ import annotations

import random
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

SEED = 24
"""The one seed: every call writes the same files."""

WS_FIRST_EGO = "fake-ego-one"
"""The first ``_ws`` ego's name in the egos files (its alters and edges say ``1``)."""

WS_FIRST_ALTERS = ("fake-a", "fake-b", "fake-c", "fake-d", "fake-e")
"""The first ``_ws`` ego's alters, named instead of numbered."""

# Made-up network sizes of the EgoWeb/openeddi study: 508 alters in all, and every
# pair of an ego's alters is a tie (sum of n(n-1)/2 = 4,112), as in egor's export.
EGOWEB_SIZES = (
    17, 13, 23, 11, 15, 18, 19, 23, 23, 12, 21, 15, 8, 20, 18, 15,
    18, 26, 8, 13, 16, 18, 17, 15, 12, 19, 10, 13, 15, 7, 13, 17,
)  # fmt: skip

# Ties among the _ws alters, ego by ego (10 pairs each): 4, 2 and 1 zero weights (7).
WS_ZERO_PAIRS = ((0, 3, 5, 9), (4, 7), (6,))

SEXES = ("w", "m")
AGES = ("0 - 17", "18 - 25", "26 - 35", "36 - 45", "46 - 55", "56 - 65", "66 - 100")
COUNTRIES = ("Testland", "Sampleland", "Mockland")
THIRDS = ("1", "0,666666666666667", "0,333333333333333")  # a decimal comma, as egor's


def q(value: object) -> str:
    """A quoted CSV cell, as R's write.csv2 writes text."""
    return f'"{value}"'


def write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def sizes_summing_to(rng: random.Random, total: int, parts: int, spread: int) -> list[int]:
    """``parts`` whole numbers around ``total / parts`` that add up to ``total``."""
    base, extra = divmod(total, parts)
    sizes = [base + (1 if i < extra else 0) for i in range(parts)]
    for i in range(0, parts - 1, 2):  # move d from one to the next: the sum stays
        d = rng.randint(0, spread)
        sizes[i] += d
        sizes[i + 1] -= d
    rng.shuffle(sizes)
    return sizes


def write_folders_32(folder: Path, rng: random.Random) -> None:
    """egos_32.csv + alters_32/<ego>.csv + edges_32/<ego>.csv: 32 egos, 12 alters each
    (384), 1,056 ties."""
    head = ";".join(q(c) for c in ("egoID", "sex", "age", "age.years", "country", "income"))
    egos = [head]
    ties_per_ego = sizes_summing_to(rng, 1056, 32, 7)
    for ego in range(1, 33):
        egos.append(person(rng, ego))
        alters = [head.replace('"egoID"', '"alterID"')]
        alters += [person(rng, alter) for alter in range(1, 13)]
        write(folder / "alters_32" / f"{ego}.csv", alters)
        pairs = rng.sample(list(combinations(range(1, 13), 2)), ties_per_ego[ego - 1])
        edges = [";".join(q(c) for c in ("Source", "Target", "weight"))]
        edges += [f"{a};{b};{rng.choice(THIRDS)}" for a, b in pairs]
        write(folder / "edges_32" / f"{ego}.csv", edges)
    write(folder / "egos_32.csv", egos)


def person(rng: random.Random, number: int) -> str:
    age = rng.randrange(len(AGES))
    years = rng.randint(*(int(x) for x in AGES[age].split(" - ")))
    income = rng.randrange(10_000, 90_000, 5)
    cells = [q(rng.choice(SEXES)), q(AGES[age]), str(years), q(rng.choice(COUNTRIES))]
    return ";".join([str(number), *cells, str(income)])


def write_egoweb_and_openeddi(folder: Path, rng: random.Random) -> None:
    """The same made-up study as an EgoWeb and an openeddi export: 32 egos, 508 alters,
    4,112 ties (every pair of an ego's alters, weights 1 to 3)."""
    egos, alters, ties = [], [], []
    for ego, size in enumerate(EGOWEB_SIZES, start=1):
        egos.append(f"{ego},{rng.choice(SEXES)},{rng.choice(AGES)},{size}")
        alters += [f"{ego},{a},{rng.choice(SEXES)},{rng.choice(AGES)}" for a in range(1, size + 1)]
        pairs = combinations(range(1, size + 1), 2)
        ties += [f"{ego},{a},{b},{rng.randint(1, 3)}" for a, b in pairs]
    egoweb, openeddi = folder / "egoweb", folder / "openeddi"
    write(egoweb / "egos_32.csv", ["EgoID,sex,age,netsize", *egos])
    write(egoweb / "alters_32.csv", ["EgoID,Alter.Number,alter.sex,alter.age", *alters])
    write(egoweb / "edges_32.csv", ["EgoID,Alter.1.Number,Alter.2.Number,weight", *ties])
    write(openeddi / "study_x_responses.csv", ["puid,sex,age,netsize", *egos])
    write(openeddi / "study_x_namedetails.csv", ["puid,nameid,alter.sex,alter.age", *alters])
    write(openeddi / "study_x_nameties.csv", ["puid,nameid,targetid,weight", *ties])


def alter_columns(size: int) -> list[str]:
    return [f"alter.{v}.{n}" for n in range(1, size + 1) for v in ("sex", "age")]


def write_eight(folder: Path, rng: random.Random) -> None:
    """one_file_8.csv (16 egos, 8 alters each, all 28 X cells 1 to 3: 448 ties),
    alters_8.csv (the same 128 alters in long form) and two_files_8_egos.csv (128 egos
    with netsize 8 and wide alter columns, no X cells)."""
    dyads = [f"X{a}.to.{b}" for a, b in combinations(range(1, 9), 2)]
    one = [";".join(["egoID", "sex", "age", "netsize", "egoID.1", *alter_columns(8), *dyads])]
    long = ["egoID;alterID;alter.sex;alter.age"]
    for ego in range(1, 17):
        people = [(rng.choice(SEXES), rng.choice(AGES)) for _ in range(8)]
        wide = [cell for person in people for cell in person]
        cells = [str(rng.randint(1, 3)) for _ in dyads]
        ego_cells = [str(ego), rng.choice(SEXES), rng.choice(AGES), "8", str(ego)]
        one.append(";".join([*ego_cells, *wide, *cells]))
        long += [f"{ego};{n};{s};{a}" for n, (s, a) in enumerate(people, start=1)]
    write(folder / "one_file_8.csv", one)
    write(folder / "alters_8.csv", long)

    head = ["", "egoID", "sex", "age", "netsize", "egoID.1", *alter_columns(8)]
    two = [";".join(q(c) for c in head)]
    for ego in range(1, 129):
        wide = [q(rng.choice(v)) for _ in range(8) for v in (SEXES, AGES)]
        row = [q(8 * (ego - 1) + 1), str(ego), q(rng.choice(SEXES)), q(rng.choice(AGES))]
        two.append(";".join([*row, "8", q(ego), *wide]))
    write(folder / "two_files_8_egos.csv", two)


def write_ws(folder: Path, rng: random.Random) -> None:
    """The small ``_ws`` study: 3 egos with 5 alters each (15), every pair of an ego's
    alters a row (30), 7 of them of weight 0; as three files, as folders and as wide
    egos (``two_files_ws_egos.csv``)."""
    dyads = list(combinations(range(5), 2))
    egos_head = ";".join(q(c) for c in ("", "egoID", "sex", "age", "netsize"))
    wide_head = [egos_head, *(q(f"X{a + 1}.to.{b + 1}") for a, b in dyads)]
    alters_head = ";".join(q(c) for c in ("", "egoID", "alterID", "alter.sex", "alter.age"))
    egos, wide, alters, edges = (
        [egos_head],
        [";".join(wide_head)],
        [alters_head],
        [";".join(q(c) for c in ("", "egoID", "Source", "Target", "weight"))],
    )
    row = 0
    for ego in (1, 2, 3):
        name = WS_FIRST_EGO if ego == 1 else str(ego)
        ego_cells = ";".join([q(ego), q(name), q(rng.choice(SEXES)), q(rng.choice(AGES)), "5"])
        egos.append(ego_cells)
        ids = WS_FIRST_ALTERS if ego == 1 else tuple(str(n) for n in range(1, 6))
        own_alters, own_edges = (
            [alters_head],
            [";".join(q(c) for c in ("", "Source", "Target", "weight"))],
        )
        for n, alter in enumerate(ids):
            cells = [q(ego), q(alter), q(rng.choice(SEXES)), q(rng.randint(20, 95))]
            number = 5 * (ego - 1) + n + 1
            alters.append(";".join([q(f"{ego}.{ego}.{number}"), *cells]))
            own_alters.append(";".join([q(f"{ego}.{number}"), *cells]))
        weights = [0 if k in WS_ZERO_PAIRS[ego - 1] else rng.randint(1, 2) for k in range(10)]
        wide.append(";".join([ego_cells, *(str(w) for w in weights)]))
        for k, ((a, b), weight) in enumerate(zip(dyads, weights, strict=True), start=1):
            row += 1
            ends = (q(ids[a]), q(ids[b])) if ego == 1 else (ids[a], ids[b])
            edges.append(";".join([q(row), str(ego), *ends, str(weight)]))
            own_edges.append(";".join([q(k), *ends, str(weight)]))
        write(folder / "alters_ws" / f"{ego}.csv", own_alters)
        write(folder / "edges_ws" / f"{ego}.csv", own_edges)
    write(folder / "egos_ws.csv", egos)
    write(folder / "two_files_ws_egos.csv", wide)
    write(folder / "alters_ws.csv", alters)
    write(folder / "edges_ws.csv", edges)


def write_egor_shapes(folder: Path) -> Path:
    """Write every made-up egor-shaped study into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    write_folders_32(folder, rng)
    write_egoweb_and_openeddi(folder, rng)
    write_eight(folder, rng)
    write_ws(folder, rng)
    return folder
