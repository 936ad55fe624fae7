"""Field descriptions in JSON Schemas, taken from attribute docstrings when asked for.

pydantic's ``use_attribute_docstrings`` reads every model's source at import time,
which costs tens of milliseconds on ``import grace_support``. This hook does the
same work only when a JSON Schema is generated.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from functools import cache
from typing import Any


@cache
def attribute_docstrings(cls: type) -> dict[str, str]:
    """The docstring written under each annotated attribute of a class."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source available (e.g. a zipped or frozen install)
        return {}
    tree = ast.parse(source)
    class_def = tree.body[0]
    if not isinstance(class_def, ast.ClassDef):  # pragma: no cover (getsource gives the class)
        return {}
    docs: dict[str, str] = {}
    for node, following in zip(class_def.body, class_def.body[1:], strict=False):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = inspect.cleandoc(following.value.value)
    return docs


_CROSS_REFERENCE = re.compile(r"\[(`[^`]+`)\]\[[\w.]+\]")


def plain_text(text: str) -> str:
    """Documentation cross-references (``[`name`][path]``) as plain code spans."""
    return _CROSS_REFERENCE.sub(r"\1", text)


def describe_fields(schema: dict[str, Any], cls: type) -> None:
    """A ``json_schema_extra`` hook: add attribute docstrings as field descriptions.

    Documentation cross-references (``[`name`][path]``) become plain code spans, so
    the schema reads well outside the docs site.
    """
    if isinstance(schema.get("description"), str):
        schema["description"] = plain_text(schema["description"])
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        docs.update(
            attribute_docstrings(klass) if klass.__module__.startswith("grace_support") else {}
        )
    for name, prop in schema.get("properties", {}).items():
        if name in docs and "description" not in prop:
            prop["description"] = plain_text(docs[name])
