"""The JSON Schemas of the documents this library reads and writes.

Each schema (draft 2020-12) comes from the model that reads or writes the document,
so it cannot drift from the code, and has a stable, versioned ``$id``. This module
sits above every model: the assessment, change and content models are imported only
when their schema is asked for, and no lower module imports this one.

Version added:
    0.2.0 (before, these names were in ``grace_support.documents``, where they still
    work, with a ``DeprecationWarning``, until 0.3.0)

Examples:
    >>> json_schema("network")["$id"] == schema_id("network")
    True
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal, get_args

from grace_support.network import SCHEMA_VERSION, SupportNetwork

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "SCHEMA_ID_BASE",
    "SCHEMA_NAMES",
    "SchemaName",
    "dumps_schema",
    "json_schema",
    "schema_id",
]

SchemaName = Literal[
    "network", "assessment", "recommendations", "article", "resource", "catalog", "change"
]
"""The documents whose JSON Schema [`json_schema`][grace_support.json_schema] gives."""

SCHEMA_NAMES: tuple[str, ...] = get_args(SchemaName)
"""Every name [`json_schema`][grace_support.json_schema] takes, in order."""

SCHEMA_ID_BASE = "https://grace-health.example/schemas/"
"""Where every ``$id`` of our JSON Schemas starts: ``<base><name>/v<version>.json``."""

_FORMAT_VERSIONS: dict[str, int] = {
    "network": SCHEMA_VERSION,
    "assessment": 1,
    "recommendations": 1,
    "article": 1,
    "resource": 1,
    "catalog": 1,
    "change": 1,  # grace_support.change.CHANGE_SCHEMA_VERSION
}
"""The version of each document format; a new version gets a new ``$id``."""


def schema_id(name: SchemaName) -> str:
    """The stable, versioned ``$id`` of a document's JSON Schema.

    The ``$id`` is ``https://grace-health.example/schemas/<name>/v<version>.json``:
    it names the document and its format version, so it changes exactly when the
    format's version does (the URL identifies the schema; nothing is fetched from it).

    Examples:
        >>> schema_id("network")
        'https://grace-health.example/schemas/network/v3.json'
    """
    if name not in _FORMAT_VERSIONS:
        raise ValueError(f"name must be one of: {', '.join(SCHEMA_NAMES)}")
    return f"{SCHEMA_ID_BASE}{name}/v{_FORMAT_VERSIONS[name]}.json"


def json_schema(name: SchemaName = "network") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document this library reads or writes.

    Every schema has a stable, versioned ``$id`` (see
    [`schema_id`][grace_support.schemas.schema_id]).

    Args:
        name: ``"network"`` for the network document, ``"assessment"`` for the
            output of [`assess`][grace_support.assess], ``"recommendations"``, or
            one of the content models: ``"article"``, ``"resource"``, ``"catalog"``;
            ``"change"`` for the output of [`compare`][grace_support.change.compare].

    Examples:
        >>> json_schema("network")["properties"]["schema_version"]["const"]
        3
    """
    model = _schema_model(name)
    schema = model.model_json_schema(mode="validation" if name == "network" else "serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(name),
        **_plain_descriptions(schema),
    }


def _plain_descriptions(node: Any) -> Any:
    """Docs cross-references (``[`x`][path]``) in descriptions become code spans."""
    from grace_support._schema_docs import plain_text  # noqa: PLC0415

    if isinstance(node, dict):
        return {
            k: plain_text(v)
            if k == "description" and isinstance(v, str)
            else _plain_descriptions(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_plain_descriptions(v) for v in node]
    return node


def _schema_model(name: str) -> type[BaseModel]:
    # Imported here: the assessment and content models are not needed to read networks.
    if name == "network":
        return SupportNetwork
    if name == "assessment":
        from grace_support.assessment import Assessment  # noqa: PLC0415

        return Assessment
    if name == "recommendations":
        from grace_support.recommendations import Recommendations  # noqa: PLC0415

        return Recommendations
    if name == "change":
        from grace_support.change import NetworkChange  # noqa: PLC0415

        return NetworkChange
    from grace_support import content  # noqa: PLC0415

    models: dict[str, type[BaseModel]] = {
        "article": content.Article,
        "resource": content.Resource,
        "catalog": content.Catalog,
    }
    if name not in models:
        raise ValueError(f"name must be one of: {', '.join(SCHEMA_NAMES)}")
    return models[name]


def dumps_schema(name: SchemaName = "network") -> str:
    """The JSON Schema as stable, indented JSON text (used by the CLI and snapshots).

    Version added:
        0.2.0 (as a public name; before, ``grace_support.documents.dumps_schema``)
    """
    return json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
