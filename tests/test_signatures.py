"""Sibling functions share their parameters: the same names, in the same order.

A reader of one format should not call its error mode `errors` and put it first when
the reader of another calls it the same and puts it last, nor give one option two
defaults. Each family below is data: its members (found by name where a new member
should join without anyone remembering to list it), the positional parameters every
member has (or None when they differ by nature, like the files a reader reads), and
the keyword-only options in their one order. Two checks per family:

- *agree*: a parameter two members share has the same kind and default in both;
- *order*: every member takes its positional parameters as listed, and its
  keyword-only options in the family's order (a member may leave options out unless
  the family is exact).
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class Family:
    name: str
    module: str | None  # members: the functions in this module's __all__ ...
    prefix: str  # ... whose names start with this ("" for all) ...
    not_members: tuple[str, ...]  # ... but these
    listed: tuple[str, ...]  # and these, by dotted path
    positional: tuple[str, ...] | None  # None: the positional parameters differ by nature
    keywords: tuple[str, ...]  # the keyword-only options the family shares, in their order
    every_member_has_them: bool = False

    def members(self) -> dict[str, Callable[..., Any]]:
        found: dict[str, Callable[..., Any]] = {}
        if self.module is not None:
            module = importlib.import_module(self.module)
            for name in module.__all__:
                value = getattr(module, name)
                if (
                    name.startswith(self.prefix)
                    and name not in self.not_members
                    and inspect.isfunction(value)
                ):
                    found[f"{self.module}.{name}"] = value
        for path in self.listed:
            module_name, _, name = path.rpartition(".")
            function = getattr(importlib.import_module(module_name), name)
            if all(function is not other for other in found.values()):  # re-exports count once
                found[path] = function
        return found


RENDER = Family(
    "render_* (text, HTML and other reports)",
    "grace_support.report",
    "render_",
    (),
    (),
    positional=("assessment", "network"),
    keywords=("voice", "names", "recommendations", "catalog"),
    every_member_has_them=True,
)
READERS = Family(
    "read_* (importers and document readers)",
    "grace_support.importers",
    "read_",
    (),
    ("grace_support.tables.read_three_files", "grace_support.read_network"),
    positional=None,  # the files each format needs
    keywords=(
        "columns", "sep", "decimal", "layout", "alter_prefix", "encoding", "errors", "max_bytes",
    ),
)  # fmt: skip
FHIR_WRITERS = Family(
    "FHIR writers",
    "grace_support.fhir",
    "",
    ("score_response", "network_from_observations"),  # readers
    (),
    positional=None,  # what each writes
    keywords=(
        "subject", "effective", "authored", "derived_from", "names", "include_names",
        "attributes",
    ),
)  # fmt: skip

CASES = [
    pytest.param(RENDER, "agree", id="render-agree"),
    pytest.param(RENDER, "order", id="render-order"),
    pytest.param(READERS, "agree", id="readers-agree"),
    pytest.param(READERS, "order", id="readers-order"),
    pytest.param(FHIR_WRITERS, "agree", id="fhir-agree"),
    pytest.param(FHIR_WRITERS, "order", id="fhir-order"),
]


def parameters(function: Callable[..., Any]) -> list[inspect.Parameter]:
    """The named parameters (``*args`` and ``**options`` hold no name a sibling could share)."""
    return [
        p
        for p in inspect.signature(function).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


Members = dict[str, "Callable[..., Any]"]


def disagreements(members: Members) -> list[str]:
    seen: dict[str, tuple[str, inspect.Parameter]] = {}
    found = []
    for path, function in members.items():
        for parameter in parameters(function):
            if parameter.name not in seen:
                seen[parameter.name] = (path, parameter)
                continue
            first_path, first = seen[parameter.name]
            if (parameter.kind, parameter.default) != (first.kind, first.default):
                found.append(
                    f"{parameter.name}: {first.kind.name}={first.default!r} in {first_path}, "
                    f"{parameter.kind.name}={parameter.default!r} in {path}"
                )
    return found


def out_of_order(family: Family, members: Members) -> list[str]:
    """Positional parameters as listed; the family's options in order, a member's own after."""
    found = []
    for path, function in members.items():
        params = parameters(function)
        positional = tuple(p.name for p in params if p.kind is not p.KEYWORD_ONLY)
        keywords = tuple(p.name for p in params if p.kind is p.KEYWORD_ONLY)
        if family.positional is not None and positional != family.positional:
            found.append(f"{path}: positional {positional}, not {family.positional}")
        shared = tuple(k for k in keywords if k in family.keywords)
        own = tuple(k for k in keywords if k not in family.keywords)
        wanted = (
            family.keywords
            if family.every_member_has_them
            else tuple(k for k in family.keywords if k in keywords)
        )
        if keywords != wanted + own or shared != wanted:
            found.append(f"{path}: keyword-only {keywords}, not {wanted} then its own {own}")
    return found


@pytest.mark.parametrize(("family", "check"), CASES)
def test_siblings_share_their_parameters(family: Family, check: str) -> None:
    members = family.members()
    assert len(members) >= 2, family.name
    problems = disagreements(members) if check == "agree" else out_of_order(family, members)
    assert problems == []


# -- the checks catch what they are for ----------------------------------------------------


def _a(source: str, *, errors: str = "raise", max_bytes: int = 1) -> None: ...
def _b(path: str, *, max_bytes: int = 1, errors: str = "raise") -> None: ...
def _c(path: str, *, errors: str = "collect") -> None: ...
def _d(path: str, *, encoding: str = "utf-8", errors: str = "raise") -> None: ...


@pytest.mark.parametrize(
    ("members", "agree", "order"),
    [
        ({"a": _a, "d": _d}, True, True),
        ({"a": _a, "b": _b}, True, False),  # same options, other order
        ({"a": _a, "c": _c}, False, True),  # one option, two defaults
        ({"a": _a, "bad": _d, "worse": _b}, True, False),
    ],
)
def test_the_checks_find_what_they_look_for(
    members: dict[str, Callable[..., Any]], agree: bool, order: bool
) -> None:
    family = Family("made", None, "", (), (), None, ("encoding", "errors", "max_bytes"))
    assert (disagreements(members) == []) is agree
    assert (out_of_order(family, members) == []) is order


def _e(
    source: str, *legacy: str, errors: str = "raise", max_bytes: int = 1, x: int = 0
) -> None: ...


def test_a_family_can_want_every_option_and_its_positional_parameters() -> None:
    family = Family("made", None, "", (), (), ("source",), ("errors", "max_bytes"), True)
    assert out_of_order(family, {"a": _a}) == []
    # its own options after the family's, and *args, are fine
    assert out_of_order(family, {"e": _e}) == []
    # path, not source; and a keyword-only encoding before the family's options
    assert len(out_of_order(family, {"d": _d})) == 2
    # every member wants every option: _c leaves out max_bytes
    assert len(out_of_order(family, {"c": _c})) == 2
