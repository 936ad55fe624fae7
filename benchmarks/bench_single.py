"""Benchmark: one network parsed (and assessed) now, against the library at commit 3df9648.

Apps parse and assess one network per request, so the single-network path must
not get slower as the document grows features. The same version-1 documents are
timed with this source tree and with the library as it stood before the second
round of issues (commit 3df9648, extracted with ``git archive`` into a temporary
folder), each in its own fresh interpreter, in one run:

- parse of a document with 1000 people (and 3000 ties); goal at least 1.5x faster;
- parse + assess of a document with 25 people (and 60 ties); goal at least 1.3x faster.

    python benchmarks/bench_single.py            # measure, print, rewrite README.md's section
    python benchmarks/bench_single.py --quick    # a short smoke run; writes nothing

Needs git and the repository's history (for the old version).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _readme import write_section

HERE = Path(__file__).parent
BASE = "3df9648"
START = "<!-- bench_single.py: start -->"
END = "<!-- bench_single.py: end -->"
GOALS = {"parse_1000": 1.5, "assess_25": 1.3}

CHILD = """
import json, sys, timeit
sys.path.insert(0, sys.argv[1])
from grace_support import SupportNetwork, assess
big, small, number, repeat = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
big, small = open(big).read(), open(small).read()
SupportNetwork.model_validate_json(big)
assess(SupportNetwork.model_validate_json(small), as_of="2026-11-25")
def best(f, n):
    return min(timeit.repeat(f, number=n, repeat=repeat)) / n
print(json.dumps({
    "parse_1000": best(lambda: SupportNetwork.model_validate_json(big), max(1, number // 20)),
    "assess_25": best(
        lambda: assess(SupportNetwork.model_validate_json(small), as_of="2026-11-25"), number
    ),
}))
"""


def document(people: int, ties: int, seed: int) -> str:
    """A version-1 document (the format both versions read)."""
    sys.path.insert(0, str(HERE))
    from bench_assess import make_document

    return make_document(people=people, ties=ties, seed=seed)


def timings(src: Path, big: Path, small: Path, number: int, repeat: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(src), str(big), str(small), str(number), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short smoke run; write nothing")
    args = parser.parse_args()
    number, repeat = (20, 2) if args.quick else (300, 5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old = folder / "old"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(HERE.parent), "archive", BASE, "src/grace_support"],
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:  # e.g. a shallow clone: nothing to compare against
            print(f"skipped: commit {BASE} is not in this repository's history")
            return 0
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        big, small = folder / "big.json", folder / "small.json"
        big.write_text(document(1000, 3000, 7), encoding="utf-8")
        small.write_text(document(25, 60, 2026), encoding="utf-8")
        # The two versions take turns, and each keeps its best: on a shared machine a
        # busy moment then slows both rather than one.
        before: dict[str, float] = {}
        now: dict[str, float] = {}
        for _ in range(1 if args.quick else 5):
            for src, best in ((old / "src", before), (HERE.parent / "src", now)):
                for key, seconds in timings(src, big, small, number, repeat).items():
                    best[key] = min(seconds, best.get(key, seconds))
    rows = []
    for key, label in (
        ("parse_1000", "parse, 1000 people"),
        ("assess_25", "parse + assess, 25 people"),
    ):
        speedup = before[key] / now[key]
        rows.append((label, before[key], now[key], speedup, speedup >= GOALS[key], GOALS[key]))
        print(
            f"{label}: {BASE} {before[key] * 1e6:.0f} µs, now {now[key] * 1e6:.0f} µs, "
            f"{speedup:.2f}x faster (goal {GOALS[key]}x)"
        )
    if not args.quick:
        write_readme(rows)
    return 0


def write_readme(rows: list[tuple[str, float, float, float, bool, float]]) -> None:
    import platform

    table = "\n".join(
        f"| {label} | {before * 1e6:.0f} µs | {now * 1e6:.0f} µs | {speedup:.2f}x | "
        f"{goal}x: {'met' if met else 'not met'} |"
        for label, before, now, speedup, met, goal in rows
    )
    section = f"""{START}
## One network, against the library before the second round (`bench_single.py`)

The same version-1 documents (1000 people and 3000 ties; 25 people and 60 ties),
timed with commit `{BASE}` and with this tree, each in a fresh interpreter, in one
run; the two take turns five times, and each keeps its best of 25 rounds.

| what | {BASE} | now | speed-up | goal |
|---|---|---|---|---|
{table}

Machine: Python {platform.python_version()}, {platform.machine()}.
{END}
"""
    write_section(START, END, section)


if __name__ == "__main__":
    sys.exit(main())
