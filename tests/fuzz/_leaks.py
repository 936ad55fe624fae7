"""Shared by the fuzz suite: a planted marker, and a search of every part of an error.

Every personal value planted in a fuzzed input contains `MARKER`. An error object
must carry it nowhere: not in its message, ``args``, attributes, ``errors()``
(with inputs and context), ``problems``, ``__cause__``/``__context__`` chain, or the
formatted traceback. Keep the marker's literal out of any line that raises, since a
traceback quotes the source line of each frame.
"""

from __future__ import annotations

import json
import traceback
from typing import Any

MARKER = "Zqx" + "marker"
"""Planted in names, ids, free text and cell values; never in keys the schema defines."""


def _parts(value: Any, seen: set[int], depth: int = 0) -> list[str]:
    """Text of every reachable part of an object, a few levels deep."""
    if id(value) in seen or depth > 6:
        return []
    seen.add(id(value))
    out = [repr(value)]
    if isinstance(value, str | bytes | int | float | bool) or value is None:
        return [*out, str(value)]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _parts(k, seen, depth + 1) + _parts(v, seen, depth + 1)
        return out
    if isinstance(value, list | tuple | set | frozenset):
        for v in value:
            out += _parts(v, seen, depth + 1)
        return out
    for name in getattr(type(value), "__slots__", ()):
        out += _parts(getattr(value, name, None), seen, depth + 1)
    if hasattr(value, "__dict__"):
        out += _parts(vars(value), seen, depth + 1)
    return out


def error_texts(error: BaseException) -> list[str]:
    """Every text an error object can show: message, args, attributes, chain, traceback."""
    texts = ["".join(traceback.format_exception(error))]
    link: BaseException | None = error
    chain_seen: set[int] = set()
    while link is not None and id(link) not in chain_seen:
        chain_seen.add(id(link))
        texts += [str(link), repr(link)]
        texts += _parts(link.args, set())
        texts += _parts(getattr(link, "__dict__", {}), set())
        for name in ("problems", "item", "source", "errors"):
            attribute = getattr(link, name, None)
            if name == "errors" and callable(attribute):
                try:
                    texts.append(json.dumps(attribute(), default=repr))
                except Exception as failure:
                    texts.append(repr(failure))
            elif attribute is not None:
                texts += _parts(attribute, set())
        for name in ("json",):
            method = getattr(link, name, None)
            if callable(method):
                try:
                    texts.append(str(method()))
                except Exception as failure:
                    texts.append(repr(failure))
        texts += _parts(link.__notes__ if hasattr(link, "__notes__") else [], set())
        link = link.__cause__ or link.__context__
    return texts


def assert_clean(error: BaseException, *, marker: str = MARKER) -> None:
    """Fail if the marker is anywhere in the error object (checked case-insensitively)."""
    lowered = marker.lower()
    for text in error_texts(error):
        assert lowered not in text.lower(), "the planted marker leaked into an error object"


def assert_no_chain(error: BaseException) -> None:
    """The library raises its own errors without a chain to the original exception."""
    assert error.__cause__ is None
    assert error.__context__ is None
