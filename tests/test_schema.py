"""JSON Schema snapshots: a change to a public document format must be deliberate.

To accept a deliberate change, run ``UPDATE_SNAPSHOTS=1 pytest tests/test_schema.py``
and review the diff of ``tests/snapshots/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from grace_support import assess, json_schema
from grace_support.demo import example_network
from grace_support.schemas import dumps_schema

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize(
    "name", ["network", "assessment", "recommendations", "article", "resource", "catalog"]
)
def test_schema_snapshot(name: str) -> None:
    path = SNAPSHOTS / f"{name}.schema.json"
    text = dumps_schema(name)  # type: ignore[arg-type]
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; see module docstring"


def test_documents_validate_against_their_schema() -> None:
    network = example_network()
    jsonschema.validate(json.loads(network.to_json()), json_schema("network"))
    result = assess(network, as_of="2026-11-25")
    jsonschema.validate(result.model_dump(mode="json"), json_schema("assessment"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"ego": {"id": "x", "nmae": 1}}, json_schema("network"))


def test_unknown_schema_name() -> None:
    with pytest.raises(ValueError, match="name must be one of: network, assessment"):
        json_schema("nope")  # type: ignore[arg-type]
