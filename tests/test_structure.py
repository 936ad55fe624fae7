"""The shape of the package: each rule in one place, and imports that point one way.

The layers are those drawn in docs/architecture.md. A module may import modules of
its own layer or of a lower one; importing a higher layer (at module level or inside
a function, where it is only hidden) is allowed only where listed below, by name.
Imports under ``if TYPE_CHECKING:`` never run and are not counted.
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

import grace_support
from grace_support import Person, SupportNetwork, documents, schemas
from grace_support.errors import DocumentError, validated
from tests.fuzz._leaks import MARKER, error_texts

if TYPE_CHECKING:
    from collections.abc import Iterator

PACKAGE = Path(grace_support.__file__).parent

# -- the layers, lowest first (docs/architecture.md draws the same) ------------------------
# Each entry is the first part of a module's name below grace_support ("importers" holds
# grace_support.importers and every module in it); "" is the package itself.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        (
            "_version", "_deprecation", "_extras", "errors", "_input", "_csv", "_xml",
            "_schema_docs", "vocabulary", "attributes", "_model",
        ),
    ),
    # "settings" and "touch" arrive with the version-3 document (tracker issue 19).
    ("models", ("network", "settings", "touch", "instruments")),
    ("ways in", ("documents", "graph", "graphml", "importers", "content", "synthetic", "demo")),
    ("numbers", ("measures",)),
    ("findings", ("assessment",)),
    ("advice", ("recommendations",)),
    (
        "many networks, figures, records",
        ("tables", "change", "cohort", "plot", "_html", "_egogram", "fhir"),
    ),
    ("output", ("report", "schemas")),
    ("front door", ("cli", "__main__", "")),
)  # fmt: skip

# The only imports that point up: (importing module, function it is in, unit imported).
CONVENIENCE_METHODS: dict[tuple[str, str, str], str] = {
    ("grace_support.network", "SupportNetwork.to_networkx", "graph"): "thin convenience method",
    ("grace_support.network", "SupportNetwork.from_networkx", "graph"): "thin convenience method",
    ("grace_support.network", "SupportNetwork._repr_html_", "_html"): "notebook display",
    ("grace_support.assessment.models", "Assessment._repr_html_", "_html"): "notebook display",
    # Within the models layer: in touch is touch's one rule, and touch reads the network.
    ("grace_support.network", "SupportNetwork.active_relationships", "touch"): (
        "in touch on the day the network is judged on: touch.in_touch (issue 19)"
    ),
    ("grace_support.network", "SupportNetwork.providers", "touch"): (
        "providers in touch on a day: touch.in_touch (issue 19)"
    ),
}
DEPRECATED_PATHS: dict[tuple[str, str, str], str] = {
    ("grace_support.documents", "__getattr__", "schemas"): (
        "json_schema and the other schema builders under their old path; goes in 0.3.0"
    ),
}
# Upward imports in modules other engineers are editing this round (tracker issue 26).
TO_BE_MOVED: dict[tuple[str, str, str], str] = {
    ("grace_support.change", "<module>", "report"): (
        "to be moved after this round's merges: the change text (CRISIS_LINE, REASONS, "
        "NetworkChange.to_text) moves to report/, so that change.py imports nothing above it"
    ),
}
ALLOWED = CONVENIENCE_METHODS | DEPRECATED_PATHS | TO_BE_MOVED


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. grace_support.importers.egor
    function: str  # the qualified name of the function it is in, or "<module>"
    target: str  # the module imported
    line: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.module, self.function, unit(self.target))


def unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> frozenset[str]:
    return frozenset(module_name(p) for p in PACKAGE.rglob("*.py"))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def scoped(node: ast.AST, scope: tuple[str, ...] = ()) -> Iterator[tuple[ast.AST, str]]:
    """Every node below `node` that runs, with the qualified name of the function it is in.

    The body of ``if TYPE_CHECKING:`` never runs and is skipped (its ``else`` is not).
    """
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield other, ".".join(scope) or "<module>"
                yield from scoped(other, scope)
            continue
        yield child, ".".join(scope) or "<module>"
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from scoped(child, (*scope, child.name))
        else:
            yield from scoped(child, scope)


def _imports_of(path: Path) -> list[Import]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    for node, function in scoped(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import | ast.ImportFrom):
            line = node.lineno
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                targets.append(submodule if submodule in modules() else base)
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        found += [
            Import(name, function, target, line)
            for target in targets
            if target == "grace_support" or target.startswith("grace_support.")
        ]
    return found


@cache
def imports() -> tuple[Import, ...]:
    return tuple(i for path in sorted(PACKAGE.rglob("*.py")) for i in _imports_of(path))


def layer_of(module: str) -> int:
    for number, (_, units) in enumerate(LAYERS):
        if unit(module) in units:
            return number
    raise AssertionError(f"{module} is in no layer: add it to LAYERS (and docs/architecture.md)")


def upward() -> list[Import]:
    return [i for i in imports() if layer_of(i.target) > layer_of(i.module)]


# -- imports point down --------------------------------------------------------------------


def test_every_module_is_in_exactly_one_layer() -> None:
    units = [u for _, members in LAYERS for u in members]
    assert len(units) == len(set(units))
    for module in modules():
        layer_of(module)


def test_docs_architecture_draws_these_layers() -> None:
    text = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \d+\. ([^|]+?) \| (.+) \|$", text, re.MULTILINE)
    drawn = {
        name: {
            "" if code == "grace_support" else code
            for code in re.findall(r"`([\w.]+)`", modules_cell)
        }
        for name, modules_cell in rows
    }
    assert drawn == {name: set(units) for name, units in LAYERS}


def test_the_scan_sees_function_level_imports_and_skips_type_checking_ones() -> None:
    # A check of the check: imports the test must find, and one it must not.
    found = {(i.module, i.function, i.target) for i in imports()}
    assert (
        "grace_support.network",
        "SupportNetwork.to_networkx",
        "grace_support.graph",
    ) in found
    assert ("grace_support.graph", "<module>", "grace_support.network") in found
    assert ("grace_support.schemas", "_schema_model", "grace_support.change") in found
    # network.py imports AttributeValue from attributes only for type checking
    assert not any(
        i.module == "grace_support.network"
        and i.target == "grace_support.attributes"
        and i.function != "<module>"
        for i in imports()
    )


def test_no_lower_layer_imports_a_higher_one() -> None:
    unexpected = [
        f"{i.module}:{i.line} ({i.function}) imports {i.target}: "
        f"layer {LAYERS[layer_of(i.module)][0]!r} below {LAYERS[layer_of(i.target)][0]!r}"
        for i in upward()
        if i.key not in ALLOWED
    ]
    assert unexpected == []


def unit_graph() -> nx.DiGraph:
    """Which units import which, leaving out the listed exceptions."""
    graph = nx.DiGraph()
    for i in imports():
        if i.key not in ALLOWED and unit(i.module) != unit(i.target):
            graph.add_edge(unit(i.module), unit(i.target))
    return graph


def test_every_listed_exception_is_still_needed() -> None:
    # An exception is an import that points up, or one within a layer that closes a
    # circle; when it goes, its entry goes too, so the list stays the truth.
    graph = unit_graph()
    needed = {i.key for i in upward()} | {
        i.key
        for i in imports()
        if unit(i.target) in graph
        and unit(i.module) in graph
        and nx.has_path(graph, unit(i.target), unit(i.module))
    }
    assert set(ALLOWED) - needed == set()


def test_no_import_circle_beyond_the_listed_exceptions() -> None:
    # e.g. network -> touch -> network; list the import that closes one, with its reason.
    assert list(nx.simple_cycles(unit_graph())) == []


def test_graph_depends_only_on_the_model_modules() -> None:
    targets = {unit(i.target) for i in imports() if unit(i.module) == "graph"}
    foundation, models = (set(members) for _, members in LAYERS[:2])
    assert targets <= foundation | models
    assert "network" in targets


def test_no_lower_module_imports_the_json_schema_builders() -> None:
    users = {
        unit(i.module)
        for i in imports()
        if unit(i.target) == "schemas" and i.key not in DEPRECATED_PATHS
    }
    assert users - {"schemas"} == {"", "cli"}  # the package's front door and `schema`


# -- the JSON Schema builders: new home, old path deprecated -------------------------------


def test_json_schema_keeps_its_public_paths() -> None:
    assert grace_support.json_schema is schemas.json_schema
    assert grace_support.SchemaName is schemas.SchemaName


@pytest.mark.parametrize("name", sorted(documents._MOVED_TO_SCHEMAS))
def test_the_old_documents_path_works_and_warns(name: str) -> None:
    expected = rf"since 0\.2\.0 and goes in 0\.3\.0: .*schemas\.{name}\b"
    with pytest.warns(DeprecationWarning, match=expected):
        old = getattr(documents, name)
    assert old is getattr(schemas, name)


def test_documents_still_refuses_names_it_never_had() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # and no warning on the way
        with pytest.raises(AttributeError, match="no_such_name"):
            documents.no_such_name  # noqa: B018


# -- one converter of validation errors ----------------------------------------------------


def test_validated_returns_what_the_validator_returns() -> None:
    person = validated(Person.model_validate, {"id": "sam"}, source="people.json")
    assert person == Person(id="sam")


def test_validated_raises_a_document_error_without_the_input_or_a_chain() -> None:
    document = {"ego": {"id": f"ana {MARKER}", "name": MARKER}, "schema_version": 9}
    with pytest.raises(DocumentError) as caught:
        validated(SupportNetwork.model_validate, document, source="a.json")
    error = caught.value
    assert error.source == "a.json"
    assert {p.location for p in error.problems} >= {"ego.id", "schema_version"}
    assert error.__cause__ is None
    assert error.__context__ is None
    assert not any(MARKER in text for text in error_texts(error))


def test_validated_lets_other_errors_through_unchanged() -> None:
    failure = KeyError("ego")

    def broken(data: object) -> object:
        raise failure

    with pytest.raises(KeyError) as caught:
        validated(broken, {})
    assert caught.value is failure


# Where `except ValidationError` may appear: (module, function) -> why it is not a copy
# of the conversion `validated` does.
VALIDATION_ERROR_HANDLERS = {
    ("grace_support.errors", "validated"): "the one conversion into DocumentError",
    ("grace_support._model", "FrozenModel.__init__"): "scrubs inputs; stays a ValidationError",
    ("grace_support._model", "FrozenModel.model_validate"): "scrubs inputs",
    ("grace_support._model", "FrozenModel.model_validate_json"): "scrubs inputs",
    ("grace_support._model", "FrozenModel.model_validate_strings"): "scrubs inputs",
    ("grace_support.network", "_checked_attributes"): "a yes/no check, nothing raised",
    ("grace_support.fhir._resources", "validate"): (
        "to be moved after this round's merges (fhir/ is being edited): use `validated`"
    ),
}


def test_validation_errors_are_converted_in_one_place() -> None:
    handlers = {
        (module_name(path), function)
        for path in PACKAGE.rglob("*.py")
        for node, function in scoped(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ExceptHandler)
        and node.type is not None
        and "ValidationError" in ast.unparse(node.type)
    }
    assert handlers == set(VALIDATION_ERROR_HANDLERS)
