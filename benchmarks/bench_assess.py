"""Benchmark: parse + assess of one network, against parse alone, in one process.

The network has 25 people and 60 ties between them (seeded, so every run times the
same document). Figures are ratios to the parse-and-validate baseline measured in
the same run, so they travel between machines better than seconds do.

    python benchmarks/bench_assess.py            # measure, print, rewrite README.md
    python benchmarks/bench_assess.py --quick    # a short smoke run; writes nothing
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import timeit
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pydantic

import grace_support
from grace_support import Closeness, Contact, Role, Strain, SupportNetwork, SupportType, assess

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).parent
GOAL = 10.0
MORE = "<!-- bench_cohort.py: start -->"
"""Where the sections of the other benchmarks begin; kept when this one rewrites README.md."""


def make_document(people: int = 25, ties: int = 60, seed: int = 2026) -> str:
    """A realistic network document of the given size, as JSON text."""
    rng = random.Random(seed)
    ids = [f"p{i:02d}" for i in range(people)]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    return json.dumps(
        {
            "schema_version": 1,
            "ego": {"id": "ego", "name": "Ego"},
            "people": [{"id": pid, "name": f"Person {pid}"} for pid in ids],
            "relationships": [
                {
                    "person": pid,
                    "role": rng.choice(list(Role)).value,
                    "supports": [t.value for t in SupportType if rng.random() < 0.4],
                    "closeness": rng.choice(list(Closeness)).value,
                    "contact": rng.choice(list(Contact)).value,
                    "last_contact": date(2026, rng.randint(1, 11), rng.randint(1, 25)).isoformat(),
                    "strain": rng.choice(list(Strain)).value,
                }
                for pid in ids
            ],
            "ties": [list(pair) for pair in rng.sample(pairs, ties)],
        }
    )


def networkx_structure(network: SupportNetwork) -> tuple[float, float]:
    """The structural measures the plain way: build a graph, ask networkx."""
    graph = network.to_networkx()
    ego = network.ego.id
    return nx.effective_size(graph, [ego])[ego], nx.constraint(graph, [ego])[ego]


def import_seconds(statements: list[str], *, runs: int) -> list[float]:
    """The best wall time of each statement in a fresh interpreter, over `runs` turns.

    The statements take turns, so a busy moment on a shared machine slows all of
    them rather than one. Bytecode caches are written first (into a temporary
    folder), as an installed package has them: an environment that sets
    ``PYTHONDONTWRITEBYTECODE`` would otherwise time compiling every module too.
    """
    code = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache

        def once(statement: str) -> float:
            out = subprocess.run(
                [sys.executable, "-c", code.format(statement)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            return float(out.stdout)

        for statement in statements:  # writes the bytecode caches
            once(statement)
        best = [math.inf] * len(statements)
        for _ in range(runs):
            for i, statement in enumerate(statements):
                best[i] = min(best[i], once(statement))
    return best


IMPORTS = [
    (
        "pydantic BaseModel + one model (baseline)",
        "import pydantic\nclass M(pydantic.BaseModel): x: int",
    ),
    ("pydantic BaseModel + networkx", "from pydantic import BaseModel; import networkx"),
    ("import grace_support", "import grace_support"),
]


def best(func: Callable[[], object], *, number: int, repeat: int) -> float:
    """The best time per call over `repeat` rounds of `number` calls, in seconds."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short smoke run; write nothing")
    args = parser.parse_args()
    number, repeat = (20, 3) if args.quick else (300, 15)

    text = make_document()
    network = SupportNetwork.model_validate_json(text)
    assess(network, as_of="2026-11-25")  # warm up (pydantic builds deferred schemas here)
    networkx_structure(network)

    parse = best(lambda: SupportNetwork.model_validate_json(text), number=number, repeat=repeat)
    full = best(
        lambda: assess(SupportNetwork.model_validate_json(text), as_of="2026-11-25"),
        number=number,
        repeat=repeat,
    )
    plain = best(
        lambda: networkx_structure(SupportNetwork.model_validate_json(text)),
        number=number,
        repeat=repeat,
    )
    rows = [
        ("parse + validate (baseline)", parse, 1.0),
        ("parse + assess", full, full / parse),
        ("parse + networkx effective_size and constraint", plain, plain / parse),
    ]
    width = max(len(r[0]) for r in rows)
    for name, seconds, ratio in rows:
        print(f"{name:<{width}}  {seconds * 1e6:9.1f} µs  {ratio:6.1f}x")
    met = full / parse <= GOAL
    print(f"goal: parse + assess within {GOAL:.0f}x of parse: {'met' if met else 'NOT met'}")

    runs = 2 if args.quick else 7
    times = import_seconds([stmt for _, stmt in IMPORTS], runs=runs)
    seconds_each = [(name, seconds) for (name, _), seconds in zip(IMPORTS, times, strict=True)]
    base = seconds_each[0][1]
    imports = [(name, seconds, seconds / base) for name, seconds in seconds_each]
    for name, seconds, ratio in imports:
        print(f"{name:<{width}}  {seconds * 1e3:9.1f} ms  {ratio:6.2f}x")
    if not args.quick:
        write_readme(rows, met, imports)
    return 0


def write_readme(
    rows: list[tuple[str, float, float]], met: bool, imports: list[tuple[str, float, float]]
) -> None:
    table = "\n".join(
        f"| {name} | {ratio:.1f}x | {seconds * 1e6:.0f} µs |" for name, seconds, ratio in rows
    )
    import_table = "\n".join(
        f"| {name} | {ratio:.2f}x | {seconds * 1e3:.0f} ms |" for name, seconds, ratio in imports
    )
    readme = HERE / "README.md"
    old = readme.read_text(encoding="utf-8") if readme.exists() else ""
    kept = old[old.index(MORE) :] if MORE in old else ""  # other benchmarks' sections
    readme.write_text(
        f"""# Benchmarks

`bench_assess.py` times one network of 25 people and 60 ties between them (seeded).
Each figure is the best of 15 rounds of 300 calls, as a ratio to parsing and
validating the same document with pydantic, measured in the same process.

Run `python benchmarks/bench_assess.py` to measure again and rewrite this file;
`--quick` is the smoke run that CI does (it checks that the benchmark runs, not
how fast).

## Latest figures

| what | ratio to parse | time on the machine below |
|---|---|---|
{table}

Goal: parse + assess within {GOAL:.0f}x of parse alone: **{"met" if met else "not met"}**.

The last row is the plain way to get the structural measures (build a networkx graph,
call `effective_size` and `constraint` for the ego); `assess` computes all measures,
findings included, from the ties directly.

## Import cost

Wall time of the import in a fresh interpreter (best of 7, the three taking turns),
as a ratio to importing pydantic and defining one model. Bytecode caches are written
first, as an installed package has them (an environment with
`PYTHONDONTWRITEBYTECODE` set would otherwise time compiling every module too).
networkx is not imported by `import grace_support`; it is loaded only when a graph
is asked for, and each importer only when it is used.

| what | ratio | time |
|---|---|---|
{import_table}

Machine: Python {platform.python_version()}, pydantic {pydantic.VERSION}, networkx
{nx.__version__}, grace-support {grace_support.__version__}, {platform.machine()}.
"""
        + (f"\n{kept}" if kept else "")
    )


if __name__ == "__main__":
    sys.exit(main())
