"""Reading and writing network documents, and their JSON Schemas.

Every way into a [`SupportNetwork`][grace_support.SupportNetwork] from outside
Python (a file, a string, standard input, decoded JSON) passes through here, so
that every bad document fails the same way: a
[`DocumentError`][grace_support.DocumentError] that names the source and the place
of each problem, and never the personal data found there.

Examples:
    >>> network = parse_network('{"schema_version": 2, "ego": {"id": "sam"}}')
    >>> network.ego.id, network.needs[0]
    ('sam', <SupportType.EMOTIONAL: 'emotional'>)
    >>> parse_network('{"schema_version": 2, "ego": {"id": "sam", "nmae": "Sam"}}')
    Traceback (most recent call last):
        ...
    grace_support.errors.DocumentError: This is not a valid document (1 problem):
      ego.nmae: Extra inputs are not permitted
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ValidationError

from grace_support._input import DEFAULT_MAX_BYTES, read_bytes, source_name
from grace_support.errors import DocumentError
from grace_support.network import SCHEMA_VERSION, SupportNetwork

if TYPE_CHECKING:
    from os import PathLike

__all__ = [
    "SchemaName",
    "json_schema",
    "network_from_data",
    "parse_network",
    "read_network",
    "schema_id",
]

SchemaName = Literal["network", "assessment", "recommendations", "article", "resource", "catalog"]
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
}
"""The version of each document format; a new version gets a new ``$id``."""


def schema_id(name: SchemaName) -> str:
    """The stable, versioned ``$id`` of a document's JSON Schema.

    The ``$id`` is ``https://grace-health.example/schemas/<name>/v<version>.json``:
    it names the document and its format version, so it changes exactly when the
    format's version does (the URL identifies the schema; nothing is fetched from it).

    Examples:
        >>> schema_id("network")
        'https://grace-health.example/schemas/network/v2.json'
    """
    if name not in _FORMAT_VERSIONS:
        raise ValueError(f"name must be one of: {', '.join(SCHEMA_NAMES)}")
    return f"{SCHEMA_ID_BASE}{name}/v{_FORMAT_VERSIONS[name]}.json"


def parse_network(text: str | bytes, *, source: str | None = None) -> SupportNetwork:
    """Parse and validate a network document from JSON text.

    Args:
        text: The JSON document.
        source: Where the text came from (a file name), used in error messages.

    Returns:
        The validated network.

    Raises:
        DocumentError: The text is not JSON, or breaks a rule of the document.
    """
    try:
        return SupportNetwork.model_validate_json(text)
    except ValidationError as error:
        raise DocumentError.from_validation_error(error, source=source) from None


def network_from_data(data: Any, *, source: str | None = None) -> SupportNetwork:
    """Validate a network document that is already decoded JSON (dicts and lists).

    Raises:
        DocumentError: The data breaks a rule of the document.
    """
    try:
        return SupportNetwork.model_validate(data)
    except ValidationError as error:
        raise DocumentError.from_validation_error(error, source=source) from None


def read_network(
    path: str | PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> SupportNetwork:
    """Read and validate a network document from a file; ``"-"`` reads standard input.

    Args:
        path: A regular file, or ``"-"`` for standard input.
        max_bytes: The largest input accepted (64 MiB by default).

    Raises:
        InputError: The file cannot be read: missing, not a regular file, or larger
            than ``max_bytes`` (a kind of ``DocumentError``).
        DocumentError: The file is not UTF-8 JSON, or breaks a rule of the document.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    return parse_network(data, source=source_name(path))


def json_schema(name: SchemaName = "network") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document this library reads or writes.

    Every schema has a stable, versioned ``$id`` (see
    [`schema_id`][grace_support.documents.schema_id]).

    Args:
        name: ``"network"`` for the network document, ``"assessment"`` for the
            output of [`assess`][grace_support.assess], ``"recommendations"``, or
            one of the content models: ``"article"``, ``"resource"``, ``"catalog"``.

    Examples:
        >>> json_schema("network")["properties"]["schema_version"]["const"]
        2
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
    """The JSON Schema as stable, indented JSON text (used by the CLI and snapshots)."""
    return json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
