"""mkdocs hook: render `{{ instrument: ID }}` from the instrument registry.

The items, options, citation and licence come from the code, and the scoring notes
from the instrument's module docstring, so the pages cannot drift from the scorer.
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import Any

from grace_support.instruments import INSTRUMENTS, Instrument

_MARKER = re.compile(r"\{\{ instrument: (\w+) \}\}")


def _notes(instrument: Instrument) -> str:
    doc = inspect.getdoc(sys.modules[instrument.rule.__module__]) or ""
    body = doc.split("\n", 1)[1].strip() if "\n" in doc else ""
    sections = re.split(r"^## ", body, flags=re.M)
    if len(sections) == 1:
        return body
    # a module with several instruments: this one's section, plus any closing notes
    own = next((s for s in sections if f"(`{instrument.id}`)" in s.split("\n", 1)[0]), "")
    shared = [p for p in sections[-1].split("\n\n") if p.startswith("**Licences.**")]
    return "\n\n".join([own.split("\n", 1)[1].strip(), *shared])


def _render(instrument_id: str) -> str:
    instrument = INSTRUMENTS[instrument_id]
    rows = [
        f"| {n} | `{item.id}` | {item.describe_codes()} | {'yes' if item.reverse else ''} | "
        f"{', '.join(item.subscales)} | {item.label} |"
        for n, item in enumerate(instrument.items, start=1)
    ]
    options = [
        f"| `{name}` | `{values[0]}` | {', '.join(f'`{v}`' for v in values[1:])} |"
        for name, values in instrument.options.items()
    ]
    support = [
        f"| `{sub}` | {', '.join(t.value for t in types)} |"
        for sub, types in instrument.subscale_support.items()
    ]
    parts = [
        f"*{instrument.measures}* Instrument id: `{instrument.id}`.",
        "## Items",
        "Labels are our own short descriptions; the licensed wording is not shipped.",
        "| # | id | codes | reversed | subscale | label |\n|---|---|---|---|---|---|\n"
        + "\n".join(rows),
        "## Scoring, bands and decisions",
        _notes(instrument),
    ]
    if options:
        parts += [
            "## Options",
            "| option | default | alternatives |\n|---|---|---|\n" + "\n".join(options),
        ]
    if support:
        parts += [
            "## Support types",
            "| subscale | speaks to |\n|---|---|\n" + "\n".join(support),
        ]
    parts += [
        "## Missing data",
        '`missing="prorate"` is available (see the [overview](index.md)).'
        if instrument.prorate
        else "Every item must be answered: this instrument has no missing-data rule.",
        "## Citation",
        instrument.citation,
        "## Licence",
        instrument.licence,
    ]
    return "\n\n".join(parts)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace each marker with the instrument's generated sections."""
    return _MARKER.sub(lambda m: _render(m.group(1)), markdown)
