#!/usr/bin/env bash
# Every check CI runs, in the active environment (see the README's test command).
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "browser for the report tests"
command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
  || (apt-get update && apt-get install -y chromium)
step "poppler and WeasyPrint's libraries for the PDF report and its tests"
{ command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null \
  && command -v pdfimages >/dev/null && [ -n "$(ldconfig -p | grep libpangoft2-1.0)" ] \
  && [ -n "$(fc-list 2>/dev/null | head -n1)" ]; } \
  || (apt-get update \
      && apt-get install -y poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core)
step "ruff check";          ruff check .
step "ruff format --check"; ruff format --check .
step "mypy --strict";       mypy
step "pytest";              HYPOTHESIS_PROFILE=ci pytest   # full property runs; exit 5 ("no tests") fails too
step "mkdocs build --strict"
site=$(mktemp -d)
mkdocs build --strict --site-dir "$site"
rm -rf "$site"
step "examples"
for example in examples/*.py; do
  echo "--- $example"
  python "$example" > /dev/null
done
step "notebooks";           python scripts/run_notebooks.py
step "benchmark (smoke run; timings are not checked)"
python benchmarks/bench_assess.py --quick
python benchmarks/bench_cohort.py --quick
python benchmarks/bench_single.py --quick
python benchmarks/bench_report.py --quick
echo
echo "All checks passed."
