"""mkdocs hook: render generated sections from the code, so pages cannot drift.

- `{{ instrument: ID }}`: the items, options, citation and licence come from the
  instrument registry, and the scoring notes from the instrument's module docstring.
- `{{ fhir_codes }}`: the table of every FHIR code (``grace_support.fhir.codes``).
- `{{ fhir_example_bundle }}`: the FHIR assessment bundle of the bundled example network.
- `{{ fhir_network_bundle }}`: the bundled example network as coded FHIR observations.
- `{{ fhir_network_mapping }}`: how the network document maps to FHIR codes.
"""

from __future__ import annotations

import inspect
import json
import re
import sys
from typing import Any

from grace_support import assess
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.fhir import assessment_bundle, network_observations
from grace_support.fhir.codes import markdown_table
from grace_support.fhir.network import mapping_table
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
    shared = [
        p
        for p in sections[-1].split("\n\n")
        if p.startswith("**Licences.**") and p not in own  # the last section has it already
    ]
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


def _fhir_codes() -> str:
    return markdown_table()


def _fhir_example_bundle() -> str:
    network = example_network()
    bundle = assessment_bundle(
        assess(network, as_of=EXAMPLE_AS_OF), network, subject="Patient/example"
    )
    text = json.dumps(json.loads(bundle.model_dump_json()), indent=2, ensure_ascii=False)
    return f"```json\n{text}\n```"


def _fhir_network_bundle() -> str:
    bundle = network_observations(example_network(), subject="Patient/example")
    text = json.dumps(json.loads(bundle.model_dump_json()), indent=2, ensure_ascii=False)
    return f"```json\n{text}\n```"


_GENERATED = {
    "{{ fhir_network_bundle }}": _fhir_network_bundle,
    "{{ fhir_network_mapping }}": mapping_table,
}


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace each marker with its generated section."""
    for marker, render in _GENERATED.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render())
    markdown = _MARKER.sub(lambda m: _render(m.group(1)), markdown)
    if "{{ fhir_codes }}" in markdown:
        markdown = markdown.replace("{{ fhir_codes }}", _fhir_codes())
    if "{{ fhir_example_bundle }}" in markdown:
        markdown = markdown.replace("{{ fhir_example_bundle }}", _fhir_example_bundle())
    return markdown
