"""Reading and validating network documents.

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
      ego, unknown field 2: Extra inputs are not permitted
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Mapping
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

from grace_support._deprecation import deprecated
from grace_support._input import DEFAULT_MAX_BYTES, guarded, read_bytes, source_name
from grace_support.attributes import Attributes
from grace_support.errors import DocumentError, Problem, validated
from grace_support.network import SupportNetwork

if TYPE_CHECKING:
    from os import PathLike

__all__ = [
    "network_from_data",
    "parse_network",
    "read_network",
    "validate_json",
]


@guarded()
def parse_network(text: str | bytes, *, source: str | None = None) -> SupportNetwork:
    """Parse and validate a network document from JSON text.

    A UTF-8 byte order mark is accepted. An object that repeats a key is refused
    (JSON readers disagree about which of the two values wins, so one would be
    lost silently).

    Args:
        text: The JSON document.
        source: Where the text came from (a file name), used in error messages.

    Returns:
        The validated network.

    Raises:
        DocumentError: The text is not JSON, repeats a key, or breaks a rule of the
            document. The error names places only and carries no exception chain.

    Examples:
        >>> parse_network('{"schema_version": 1, "ego": {"id": "a", "id": "b"}}')
        Traceback (most recent call last):
            ...
        grace_support.errors.DocumentError: This is not a valid document (1 problem):
          (document): repeats a key in one object; each key may appear once
    """
    return validate_json(SupportNetwork, text, source=source)


ModelT = TypeVar("ModelT", bound=BaseModel)


@guarded()
def validate_json(model: type[ModelT], text: str | bytes, *, source: str | None = None) -> ModelT:
    """Validate JSON text as one of the library's models, the way `parse_network` does.

    A UTF-8 byte order mark is accepted; an object that repeats a key is refused;
    the error names places only and carries no exception chain (pydantic's
    ``ValidationError`` keeps every input, so it is never left in ``__context__``).

    Raises:
        DocumentError: The text is not JSON, repeats a key, or breaks a rule of the model.
    """
    text = _without_bom(text)
    result = validated(model.model_validate_json, text, source=source)
    if _repeats_a_key(text, result):
        problem = Problem("(document)", "repeats a key in one object; each key may appear once")
        raise DocumentError([problem], source=source)
    return result


@guarded()
def network_from_data(data: Any, *, source: str | None = None) -> SupportNetwork:
    """Validate a network document that is already decoded JSON (dicts and lists).

    Raises:
        DocumentError: The data breaks a rule of the document.
    """
    return validated(SupportNetwork.model_validate, data, source=source)


@guarded()
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
        DocumentError: The file is not UTF-8 JSON, repeats a key, or breaks a rule
            of the document.
        ValueError: ``max_bytes`` is not a positive whole number.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    return parse_network(data, source=source_name(path))


def _without_bom(text: str | bytes) -> str | bytes:
    if isinstance(text, bytes):
        return text[3:] if text.startswith(codecs.BOM_UTF8) else text
    return text[1:] if text.startswith("\ufeff") else text


_KEY_END = re.compile(rb'"[ \t\r\n]*:')
_SPACED_KEY_END = re.compile(rb'"[ \t\r\n]+:')


def _repeats_a_key(text: str | bytes, model: BaseModel) -> bool:
    r"""Whether some object of the JSON text repeats a key (which a parser drops silently).

    Fast path: every key of a JSON object ends in ``"`` then ``:`` (whitespace
    between them allowed); outside a key, that can only occur as an escaped ``\\"``
    followed by ``:`` inside a string. So the count of those in the text is at
    least the number of keys written, and if it equals the number of keys the
    validated model was built from, no key was repeated. Only when the counts
    differ is the text parsed again to find out exactly.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    written = data.count(b'":')
    # Every colon right after a quote means no key has space before its colon
    # (two cheap counts); otherwise count the spaced ones with a pattern.
    if data.count(b":") != written and _SPACED_KEY_END.search(data) is not None:
        written = len(_KEY_END.findall(data))
    if written == _count_keys(model):
        return False
    objects: list[list[tuple[str, Any]]] = []
    try:
        json.loads(data, object_pairs_hook=objects.append)
    except (ValueError, RecursionError):  # pydantic read it; should Python not, keep its result
        return False
    return sum(map(len, objects)) != sum(map(len, map(dict, objects)))


def _count_keys(model: BaseModel) -> int:
    """The number of distinct keys of the JSON objects a validated model was built from.

    Each model counts the fields the document set, each mapping (attributes) its
    keys. Models are counted a field at a time over all models of one kind (every
    person at once), so the loops run in C: this runs on every parsed document.
    A miscount cannot hide a repeated key, it only sends the text to the exact check.
    """
    return _count_models([model])


def _count_models(models: list[Any]) -> int:
    total = sum(map(len, map(_FIELDS_SET, models)))
    for name in _nested_fields(type(models[0])):
        values = [v for v in map(attrgetter(name), models) if v]
        if values:
            total += _count_values(values)
    return total


def _count_values(values: list[Any]) -> int:
    kinds = set(map(type, values))
    if len(kinds) > 1:
        return sum(_count_values([v for v in values if type(v) is kind]) for kind in kinds)
    kind = kinds.pop()
    if kind is Attributes:  # plain values only: its keys are all there is
        return sum(map(len, values))
    if issubclass(kind, BaseModel):
        return _count_models(values)
    if issubclass(kind, tuple | list):
        items = [item for item in chain.from_iterable(values) if item]
        return _count_values(items) if items else 0
    if issubclass(kind, Mapping):
        nested = [v for mapping in values for v in mapping.values() if v]
        return sum(map(len, values)) + (_count_values(nested) if nested else 0)
    return 0


def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model whose values can hold JSON objects (models, mappings)."""
    if model not in _NESTED:
        _NESTED[model] = tuple(
            name
            for name, field in model.model_fields.items()
            if any(
                issubclass(kind, BaseModel | Mapping | dict) for kind in _classes(field.annotation)
            )
        )
    return _NESTED[model]


_NESTED: dict[type[BaseModel], tuple[str, ...]] = {}


def _classes(annotation: Any) -> set[type]:
    """Every class named in a type annotation (``tuple[Person, ...] | None`` -> Person, ...)."""
    found: set[type] = set()
    stack = [annotation]
    while stack:
        current = stack.pop()
        origin = get_origin(current)
        if origin is not None:
            if isinstance(origin, type):
                found.add(origin)
            stack.extend(get_args(current))
        elif isinstance(current, type):
            found.add(current)
    return found


_FIELDS_SET = attrgetter("__pydantic_fields_set__")


_MOVED_TO_SCHEMAS = frozenset(
    {"SCHEMA_ID_BASE", "SCHEMA_NAMES", "SchemaName", "dumps_schema", "json_schema", "schema_id"}
)
"""Names that moved to `grace_support.schemas` in 0.2.0; here they go in 0.3.0."""


def __getattr__(name: str) -> object:
    """The JSON Schema builders under their old path, with a ``DeprecationWarning``.

    Deprecated:
        0.2.0: import them from ``grace_support.schemas`` (``json_schema`` and
        ``SchemaName`` also from ``grace_support``); this path goes in 0.3.0.
    """
    if name in _MOVED_TO_SCHEMAS:
        deprecated(
            f"grace_support.documents.{name}",
            use=f"import grace_support.schemas.{name} instead",
            since="0.2.0",
        )
        from grace_support import schemas  # noqa: PLC0415 (the deprecated path, until 0.3.0)

        return getattr(schemas, name)
    raise AttributeError(f"module 'grace_support.documents' has no attribute {name!r}")
