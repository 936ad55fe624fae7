"""The public API as a set of names, to know what a version added (tests/test_releases.py).

Public: every name in the ``__all__`` of a module whose path has no part starting with
an underscore, that is a class or a function defined in grace_support, and every
public method or property a public class defines itself. A name is written
``module:Name`` or ``module:Class.member``.

``tests/data/public_api_0.1.0.txt`` lists the names of version 0.1.0, written with
``sorted(public_api())`` from the source of the commit that released it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import grace_support


def _modules() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(grace_support.__path__, "grace_support.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    return sorted(["grace_support", *names])


def _ours(value: Any) -> bool:
    return (inspect.isclass(value) or inspect.isfunction(value)) and (
        getattr(value, "__module__", "") or ""
    ).startswith("grace_support")


def _members(cls: type) -> list[tuple[str, Any]]:
    found = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        target = value.__func__ if isinstance(value, classmethod | staticmethod) else value
        if isinstance(target, property):
            found.append((name, target.fget))
        elif inspect.isfunction(target):
            found.append((name, target))
    return found


def public_api() -> dict[str, Any]:
    """Each public name, and the object whose docstring documents it."""
    api: dict[str, Any] = {}
    for module_name in _modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if not _ours(value):
                continue
            api[f"{module_name}:{name}"] = value
            if inspect.isclass(value):
                for member, function in _members(value):
                    api[f"{module_name}:{name}.{member}"] = function
    return api


def short(name: str) -> str:
    """The name without its module: a name that moved keeps its short name."""
    return name.partition(":")[2]
