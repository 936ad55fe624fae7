"""Benchmark: the egogram layout grows as O(n log n), and ``report`` on 20,000 people is quick.

Two measures, in one run:

- the layout of the egogram (``grace_support._egogram.layout``) for networks of
  2,500, 5,000, 10,000 and 20,000 people (as many ties as people), each the best of
  three in CPU time; the ratio of each time to the one of half as many people. O(n log n) gives
  a little over 2, O(n²) gives 4. Goal: every ratio at most 2.5;
- ``grace-support report FILE --html OUT.html`` on a document of 20,000 people, in a
  fresh interpreter (import, read, assess, lay out, write), best of three. Goal: at
  most 5 s.

    python benchmarks/bench_report.py            # measure, print, rewrite README.md's section
    python benchmarks/bench_report.py --quick    # a short smoke run; writes nothing
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _readme import write_section

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "src"))

from grace_support import SupportNetwork, _egogram  # noqa: E402
from grace_support.vocabulary import Closeness, Contact, Role, Strain, SupportType  # noqa: E402

START = "<!-- bench_report.py: start -->"
END = "<!-- bench_report.py: end -->"
RATIO_GOAL = 2.5
REPORT_GOAL = 5.0


def make_document(people: int, seed: int = 2026) -> str:
    """A version-1 document of ``people`` people and as many ties (random pairs)."""
    rng = random.Random(seed)
    ids = [f"p{i:05d}" for i in range(people)]
    ties = {tuple(sorted(rng.sample(ids, 2))) for _ in range(people)} if people > 1 else set()
    return json.dumps(
        {
            "schema_version": 1,
            "ego": {"id": "ego"},
            "people": [{"id": pid} for pid in ids],
            "relationships": [
                {
                    "person": pid,
                    "role": rng.choice(list(Role)).value,
                    "supports": [t.value for t in SupportType if rng.random() < 0.4],
                    "closeness": rng.choice(list(Closeness)).value,
                    "contact": rng.choice(list(Contact)).value,
                    "strain": rng.choice(list(Strain)).value,
                }
                for pid in ids
            ],
            "ties": [list(pair) for pair in sorted(ties)],
        }
    )


def layout_seconds(people: int, rounds: int) -> float:
    network = SupportNetwork.model_validate_json(make_document(people))
    best = float("inf")
    for _ in range(rounds):  # CPU time: on a shared machine, waiting for a core is not work
        start = time.process_time()
        _egogram.layout(network, labels="number")
        best = min(best, time.process_time() - start)
    return best


def report_seconds(people: int, rounds: int) -> tuple[float, float]:
    """The best wall time and the best CPU time of the command, in seconds."""
    import resource

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "network.json"
        source.write_text(make_document(people), encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "grace_support",
            "report",
            str(source),
            "--html",
            str(folder / "report.html"),
            "--as-of",
            "2026-11-25",
        ]
        env = {"PYTHONPATH": str(HERE.parent / "src")}
        best, cpu = float("inf"), float("inf")
        for _ in range(rounds):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            best = min(best, time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = min(cpu, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    return best, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short smoke run; write nothing")
    args = parser.parse_args()
    sizes = (250, 500, 1000) if args.quick else (2500, 5000, 10000, 20000)
    rounds = 1 if args.quick else 3
    layouts = [(n, layout_seconds(n, rounds)) for n in sizes]
    rows = []
    for (half, before), (n, seconds) in itertools.pairwise(layouts):
        ratio = seconds / before
        rows.append((half, n, before, seconds, ratio))
        print(f"layout of {n} people: {seconds:.3f} s, {ratio:.2f}x the time of {half}")
    report_people = 2000 if args.quick else 20000
    report, cpu = report_seconds(report_people, rounds)
    print(
        f"report --html on {report_people} people: {report:.2f} s, {cpu:.2f} s of CPU "
        f"(goal {REPORT_GOAL} s)"
    )
    if not args.quick:
        write_readme(layouts, rows, report, cpu)
    return 0


def write_readme(
    layouts: list[tuple[int, float]],
    rows: list[tuple[int, int, float, float, float]],
    report: float,
    cpu: float,
) -> None:
    import platform

    first = layouts[0][1]
    table = "\n".join(
        f"| {n:,} | {seconds:.3f} s | {seconds / first:.1f}x | {ratio:.2f}x |"
        for (_, n, _, seconds, ratio) in rows
    )
    worst = max(ratio for *_, ratio in rows)
    section = f"""{START}
## The egogram and `report` on large networks (`bench_report.py`)

The layout of the egogram, best of three in CPU time, for networks of {layouts[0][0]:,} to
{layouts[-1][0]:,} people (as many ties as people); each row's ratio is to the time
of half as many people: O(n log n) gives a little over 2, O(n²) gives 4.

| people | layout | ratio to {layouts[0][0]:,} ({first:.3f} s) | ratio to half as many |
|---|---|---|---|
{table}

Goal: every doubling at most {RATIO_GOAL}x: **{"met" if worst <= RATIO_GOAL else "not met"}**.

`grace-support report FILE --html OUT.html` on 20,000 people, in a fresh interpreter
(import, read, assess, lay out, write the page), best of three: **{report:.2f} s**
of wall time, {cpu:.2f} s of CPU (goal at most {REPORT_GOAL} s:
**{"met" if report <= REPORT_GOAL else "not met"}**). The machine is shared: wall time
includes waiting for a core.

Machine: Python {platform.python_version()}, {platform.machine()}.
{END}
"""
    write_section(START, END, section)


if __name__ == "__main__":
    sys.exit(main())
