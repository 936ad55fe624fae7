"""Draw the example egogram, its support coverage, and measures across a cohort.

Run: python examples/plots.py [FOLDER]   (PNG files go to FOLDER, a temporary one by default)
Needs the plot extra: pip install 'grace-support[plot]'.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from grace_support import assess
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.plot import coverage_chart, egogram, measure_distributions
from grace_support.synthetic import cohort

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
folder.mkdir(parents=True, exist_ok=True)
network = example_network()

figure, ax = plt.subplots(figsize=(7.5, 7.5))
egogram(network, ax=ax, as_of=EXAMPLE_AS_OF)
figure.savefig(folder / "egogram.png", dpi=80, bbox_inches="tight")
figure, ax = plt.subplots(figsize=(7, 3.2))
coverage_chart(assess(network, as_of=EXAMPLE_AS_OF), ax=ax)
figure.savefig(folder / "coverage.png", dpi=80, bbox_inches="tight")
results = [assess(n, as_of=EXAMPLE_AS_OF) for n in cohort(300, seed=1)]
measure_distributions(results).savefig(folder / "distributions.png", dpi=70)
print(f"Wrote egogram.png, coverage.png and distributions.png to {folder}")
