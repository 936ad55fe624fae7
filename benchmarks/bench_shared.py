"""Benchmark: ``cohort.shared_people`` over a synthetic cohort of 1,000,000 egos.

The cohort is written with ``cohort.synthesize``; then every professional and peer
specialist gets a person attribute ``provider_id`` drawn from a clinic's staff of
2,000 (seeded), as a clinic's export would carry it. Only the call is timed, best
of three; goal: at most 10 s.

    python benchmarks/bench_shared.py            # measure, print, rewrite README.md's section
    python benchmarks/bench_shared.py --quick    # a short smoke run; writes nothing
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

from _readme import write_section

START = "<!-- bench_shared.py: start -->"
END = "<!-- bench_shared.py: end -->"
GOAL_SECONDS = 10.0
STAFF = 2_000


def with_provider_ids(path: Path, *, seed: int) -> int:
    """Give professionals and peer specialists a ``provider_id``; how many were given one."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    given = 0
    for file in sorted((path / "alters").glob("part-*.parquet")):
        table = pq.read_table(file)
        category = table.column("category").cast(pa.string())
        role = table.column("role").cast(pa.string())
        staff = pc.or_(pc.equal(category, "professional"), pc.equal(role, "peer_specialist"))
        chosen = staff.to_numpy(zero_copy_only=False).astype(bool)
        numbers = rng.integers(0, STAFF, table.num_rows)
        ids = pa.array([f"staff-{n:04d}" for n in range(STAFF)]).take(pa.array(numbers))
        table = table.append_column(
            "provider_id", pc.if_else(pa.array(chosen), ids, pa.nulls(table.num_rows, pa.string()))
        )
        pq.write_table(table, file)
        given += int(chosen.sum())
    return given


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run; writes nothing")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent.parent / "src"))
    from grace_support import __version__, cohort

    n = 20_000 if args.quick else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = cohort.synthesize(Path(folder) / "cohort", n, seed=2026)
        given = with_provider_ids(path, seed=2026)
        times = []
        for _ in range(1 if args.quick else 3):
            start = time.perf_counter()
            table = cohort.shared_people(path, key="provider_id", secret=b"benchmark")
            times.append(time.perf_counter() - start)
    seconds = min(times)
    print(
        f"{n} egos, {given} people with a provider_id, {table.height} shared: "
        f"cohort.shared_people {seconds:.2f} s (goal {GOAL_SECONDS:.0f} s)"
    )
    if args.quick:
        return 0
    met = "met" if seconds <= GOAL_SECONDS else "NOT met"
    section = f"""{START}
## People named by many (`bench_shared.py`)

`cohort.shared_people(dataset, key="provider_id")` over a synthetic cohort of
{n:,} egos (`cohort.synthesize`, seed 2026) in which every professional and peer
specialist carries a `provider_id` from a staff of {STAFF:,}: {given:,} people
with the attribute, {table.height:,} named by two egos or more. Best of
{len(times)} calls.

| what | time |
|---|---|
| `cohort.shared_people` of {n:,} egos | {seconds:.2f} s |

Goal: at most {GOAL_SECONDS:.0f} s: **{met}**.

Machine: Python {platform.python_version()}, grace-support {__version__},
{platform.machine()}, shared with other work while it ran.
{END}
"""
    write_section(START, END, section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
