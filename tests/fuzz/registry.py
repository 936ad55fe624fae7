"""The registry of every public entry point that takes outside input.

Each public name in the ``__all__`` of the modules in [`MODULES`][tests.fuzz.registry.MODULES],
each public ``from_*`` method of their classes, and each command of the command line is
either **registered** here (with how to feed it hostile input) or **exempted** with a
reason. ``tests/fuzz/test_registry.py`` fails when a name is in neither, and tries every
registered entry with the hostile inputs of ``tests/fuzz/hostile.py``.

To register a new public function, add one line to ``ENTRIES`` (or a reason to ``EXEMPT``):

```python
Entry(
    "grace_support.importers.read_foo",           # module.name (or module.Class.method)
    errors=DOCUMENT,                              # the exceptions it documents
    path=lambda p: importers.read_foo(p),         # reads a file or folder path (optional)
    text=lambda t: importers.parse_foo(t),        # reads JSON text (optional)
    data=lambda d: importers.foo_from_data(d),    # reads decoded JSON, a mapping (optional)
    table=lambda folder, cell: ...,               # writes CSV with `cell` planted (optional)
    write=lambda p: importers.write_foo([...], p),# writes to a path (optional)
)
```

and for a command, one line to ``COMMANDS``: the command name and a function from an
input path to its arguments (``None`` exempts it, with the reason as a string instead).
Each hostile input is given to every way an entry declares; an entry need not declare
them all (a path reader need not take text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grace_support.errors import DocumentError, InputError, MissingExtraError
from grace_support.instruments import ResponseError

if TYPE_CHECKING:
    from collections.abc import Callable

MODULES = (
    "grace_support",
    "grace_support.importers",
    "grace_support.cohort",
    "grace_support.change",
    "grace_support.fhir",
    "grace_support.instruments",
    "grace_support.content",
    "grace_support.documents",
    "grace_support.graphml",
    "grace_support.tables",
)
"""The modules whose ``__all__`` must be covered, name by name."""

DOCUMENT: tuple[type[BaseException], ...] = (DocumentError, MissingExtraError)
RESPONSE: tuple[type[BaseException], ...] = (ResponseError, InputError, MissingExtraError)


@dataclass(frozen=True)
class Entry:
    """One public entry point and how the fuzz suite feeds it.

    Attributes:
        name: ``module.name`` or ``module.Class.method``.
        errors: The exceptions it documents; anything else fails the suite.
        path: Calls it on one input path (a file, or a folder for folder readers).
        folder: True when ``path`` takes a folder (it is then given a folder holding
            hostile files, and is not given a FIFO or a device as the folder itself).
        text: Calls it on JSON text.
        data: Calls it on decoded JSON (a mapping, a list, ...).
        table: Writes a valid input into a folder with ``cell`` in every cell, and
            calls it (CSV and Parquet readers: the planted value reaches every field).
        write: Calls it to write to a path (a writer: must refuse a non-regular target).
    """

    name: str
    errors: tuple[type[BaseException], ...] = DOCUMENT
    path: Callable[[Path], object] | None = None
    folder: bool = False
    text: Callable[[str], object] | None = None
    data: Callable[[Any], object] | None = None
    table: Callable[[Path, str], object] | None = None
    write: Callable[[Path], object] | None = None
    extra: tuple[str, ...] = field(default=())
    """Optional packages it needs (the entry is skipped without them)."""


# -- how to call each entry ------------------------------------------------------------------


def _network() -> Any:
    from grace_support.demo import example_network

    return example_network()


def _read_network(p: Path) -> object:
    from grace_support import read_network

    return read_network(p)


def _read_networks(p: Path) -> object:
    from grace_support import read_networks

    return read_networks(p, errors="collect")


def _parse_network(t: str) -> object:
    from grace_support import parse_network

    return parse_network(t)


def _network_from_data(d: Any) -> object:
    from grace_support import network_from_data

    return network_from_data(d)


def _validate_json(t: str) -> object:
    from grace_support.documents import validate_json
    from grace_support.network import SupportNetwork

    return validate_json(SupportNetwork, t)


def _write_networks(p: Path) -> object:
    from grace_support import write_networks

    return write_networks([_network()], p)


def _from_graphml(t: str) -> object:
    from grace_support.graphml import from_graphml

    return from_graphml(t)


def _graphml_path(p: Path) -> object:
    from grace_support._input import read_bytes
    from grace_support.graphml import from_graphml

    return from_graphml(read_bytes(p))


def _nc_mapping() -> Any:
    from grace_support.importers import NetworkCanvasMapping

    return NetworkCanvasMapping(role="relationship", closeness="closeness")


def _nc_csv(p: Path) -> object:
    from grace_support.importers import read_network_canvas_csv

    return read_network_canvas_csv(p, _nc_mapping(), errors="collect")


def _nc_csv_table(folder: Path, cell: str) -> object:
    quoted = '"' + cell.replace('"', '""') + '"'
    (folder / "P01_ego.csv").write_text(
        f"networkCanvasEgoUUID,networkCanvasCaseID,note\n{quoted},{quoted},{quoted}\n", "utf-8"
    )
    (folder / "P01_attributeList_Person.csv").write_text(
        "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,relationship,closeness\n"
        + ",".join([quoted] * 6)
        + "\n",
        "utf-8",
    )
    (folder / "P01_edgeList_Knows.csv").write_text(
        "edgeID,from,to,networkCanvasEgoUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\n"
        + ",".join([quoted] * 6)
        + "\n",
        "utf-8",
    )
    return _nc_csv(folder)


def _nc_mapping_argument(d: Any) -> object:
    import tempfile

    from grace_support.importers import read_network_canvas_csv

    with tempfile.TemporaryDirectory() as folder:
        return read_network_canvas_csv(folder, d, errors="collect")


def _nc_graphml(p: Path) -> object:
    from grace_support.importers import read_network_canvas_graphml

    return read_network_canvas_graphml(p, _nc_mapping(), errors="collect")


def _egor(p: Path) -> object:
    from grace_support.importers import read_egor

    return read_egor(p, errors="collect")


def _egor_table(folder: Path, cell: str) -> object:
    quoted = '"' + cell.replace('"', '""') + '"'
    (folder / "egos.csv").write_text(f"egoID,age,sex\n{quoted},{quoted},{quoted}\n", "utf-8")
    (folder / "alters.csv").write_text(
        f"egoID,alterID,name,age\n{quoted},{quoted},{quoted},{quoted}\n", "utf-8"
    )
    (folder / "edges.csv").write_text(
        f"egoID,Source,Target,weight\n{quoted},{quoted},{quoted},{quoted}\n", "utf-8"
    )
    return _egor(folder)


def _persnet(p: Path) -> object:
    from grace_support.importers import read_persnet

    return read_persnet(p, errors="collect")


def _persnet_table(folder: Path, cell: str) -> object:
    quoted = '"' + cell.replace('"', '""') + '"'
    columns = ["record_id", "name1", "name2", "tie1", "closeness1", "sex1", "age1", "relat1___1"]
    path = folder / "persnet.csv"
    path.write_text(",".join(columns) + "\n" + ",".join([quoted] * len(columns)) + "\n", "utf-8")
    return _persnet(path)


def _three_files(p: Path) -> object:
    from grace_support.tables import read_three_files

    return read_three_files(p / "egos.csv", p / "alters.csv", p / "ties.csv", errors="collect")


def _three_files_table(folder: Path, cell: str) -> object:
    quoted = '"' + cell.replace('"', '""') + '"'
    (folder / "egos.csv").write_text(f"ego_id,name,age\n{quoted},{quoted},{quoted}\n", "utf-8")
    (folder / "alters.csv").write_text(
        "ego_id,alter_id,name,role,closeness,emotional,age\n" + ",".join([quoted] * 7) + "\n",
        "utf-8",
    )
    (folder / "ties.csv").write_text(
        "ego_id,alter_a,alter_b,weight\n" + ",".join([quoted] * 4) + "\n", "utf-8"
    )
    return _three_files(folder)


def _from_tables_data(d: Any) -> object:
    import pandas as pd

    from grace_support.tables import from_tables

    egos = pd.DataFrame([{"ego_id": d, "name": d}])
    alters = pd.DataFrame([{"ego_id": d, "alter_id": d, "role": d, "closeness": d}])
    return from_tables(egos, alters, errors="collect")


def _dataset_table(folder: Path, cell: str) -> object:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from grace_support import cohort

    target = folder / "dataset"
    cohort.write_dataset([_network()], target)
    for table in ("egos", "alters", "ties"):
        file = target / table / "part-00000.parquet"
        arrow = pq.read_table(file)
        columns = {
            name: pa.array([cell] * arrow.num_rows, pa.string()) for name in arrow.column_names
        }
        columns[cell[:40] or "x"] = pa.array([cell] * arrow.num_rows, pa.string())
        pq.write_table(pa.table(columns), file)
    cohort.validate(target)
    return list(cohort.read_networks(target))


def _cohort_validate(p: Path) -> object:
    from grace_support import cohort

    return cohort.validate(p)


def _cohort_read(p: Path) -> object:
    from grace_support import cohort

    return list(cohort.read_networks(p))


def _cohort_measure(p: Path) -> object:
    from grace_support import cohort

    return cohort.measure(p, as_of="2026-11-25")


def _cohort_changes(p: Path) -> object:
    from grace_support import cohort

    return cohort.changes(p, p)


def _shared_people(p: Path) -> object:
    from grace_support import cohort

    return cohort.shared_people(p, key="provider_id")


def _shared_people_key(d: Any) -> object:
    from grace_support import cohort

    return cohort.shared_people([_network()], key=d)


def _write_dataset(p: Path) -> object:
    from grace_support import cohort

    return cohort.write_dataset([_network()], p)


def _measure_out(p: Path) -> object:
    from grace_support import cohort

    folder = p.parent / f".{p.name}.dataset"
    if not folder.exists():
        cohort.write_dataset([_network()], folder)
    return cohort.measure(folder, as_of="2026-11-25", out=p)


def _synthesize(p: Path) -> object:
    from grace_support import cohort

    return cohort.synthesize(p, 2, seed=1)


def _summary_data(d: Any) -> object:
    from grace_support import cohort

    return cohort.summary(d)


def _summary_columns(d: Any) -> object:
    import polars as pl

    from grace_support import cohort

    table = pl.DataFrame({"size": [0, 2, 4], "w": [1.0, 1.0, 2.0]})
    return cohort.summary(table, by=d, weights=d, measures=d)


def _follow_up(p: Path) -> object:
    import tempfile

    from grace_support import cohort

    with tempfile.TemporaryDirectory() as out:
        return cohort.synthesize_follow_up(p, Path(out) / "next", seed=1)


def _follow_up_out(p: Path) -> object:
    from grace_support import cohort

    first = p.parent / f".{p.name}.first"
    if not first.exists():
        cohort.synthesize(first, 2, seed=1)
    return cohort.synthesize_follow_up(first, p, seed=2)


def _compare_data(d: Any) -> object:
    from grace_support.change import compare

    return compare(_network(), _network(), match=d)


def _compare_arguments(d: Any) -> object:
    from grace_support.change import compare

    return compare(d, _network())


def _score_response(x: Any) -> object:
    from grace_support.fhir import score_response

    return score_response(x)


def _questionnaire_response(d: Any) -> object:
    from grace_support.fhir import questionnaire_response

    return questionnaire_response("ucla3", d)


def _score(d: Any) -> object:
    from grace_support.instruments import score

    return score("ucla3", d)


def _get(d: Any) -> object:
    from grace_support.instruments import get

    return get(d)


def _catalog_json(t: str) -> object:
    from grace_support.content import Catalog

    # As bytes: a short string without "{" names a file (documented), and a file's name is shown.
    return Catalog.from_json(t.encode("utf-8", "surrogatepass"))


def _catalog_path(p: Path) -> object:
    from grace_support.content import Catalog

    return Catalog.from_json(p)


def _catalog_hsds(d: Any) -> object:
    from grace_support.content import Catalog

    return Catalog.from_hsds(d if isinstance(d, list) else [d])


def _resource_hsds(d: Any) -> object:
    from grace_support.content import Resource

    return Resource.from_hsds(d)


def _parse_day(d: Any) -> object:
    from grace_support import parse_day

    return parse_day(d)


def _assess_as_of(d: Any) -> object:
    from grace_support import assess

    return assess(_network(), as_of=d if isinstance(d, str) else "2026-11-25")


def _in_touch(d: Any) -> object:
    from grace_support import in_touch

    return in_touch(_network().relationships[0], as_of=d)


def _in_touch_ids(d: Any) -> object:
    from grace_support import in_touch_ids

    return in_touch_ids(_network(), as_of=d)


def _judged_on(d: Any) -> object:
    from grace_support import judged_on

    return judged_on(_network(), as_of=d)


ENTRIES: tuple[Entry, ...] = (
    Entry("grace_support.read_network", path=_read_network),
    Entry("grace_support.documents.read_network", path=_read_network),
    Entry("grace_support.parse_network", text=_parse_network),
    Entry("grace_support.documents.parse_network", text=_parse_network),
    Entry("grace_support.network_from_data", data=_network_from_data),
    Entry("grace_support.documents.network_from_data", data=_network_from_data),
    Entry("grace_support.documents.validate_json", text=_validate_json),
    Entry("grace_support.read_networks", path=_read_networks, text=None),
    Entry("grace_support.importers.read_networks", path=_read_networks),
    Entry("grace_support.write_networks", write=_write_networks),
    Entry("grace_support.importers.write_networks", write=_write_networks),
    Entry("grace_support.parse_day", errors=(ValueError,), data=_parse_day),
    Entry("grace_support.assess", errors=(ValueError,), data=_assess_as_of),
    # The day judged on: a bad day is a ValueError naming the argument (TypeError: not a day).
    Entry("grace_support.in_touch", errors=(ValueError, TypeError), data=_in_touch),
    Entry("grace_support.in_touch_ids", errors=(ValueError, TypeError), data=_in_touch_ids),
    Entry("grace_support.judged_on", errors=(ValueError, TypeError), data=_judged_on),
    Entry("grace_support.graphml.from_graphml", text=_from_graphml, path=_graphml_path),
    Entry(
        "grace_support.importers.read_network_canvas_csv",
        path=_nc_csv,
        folder=True,
        table=_nc_csv_table,
    ),
    Entry("grace_support.importers.read_network_canvas_graphml", path=_nc_graphml),
    Entry(
        "grace_support.importers.read_network_canvas_csv[mapping]",
        errors=(*DOCUMENT, TypeError),
        data=_nc_mapping_argument,
    ),
    Entry(
        "grace_support.importers.read_egor",
        errors=(*DOCUMENT, ValueError),  # ValueError: a layout that cannot be told (documented)
        path=_egor,
        folder=True,
        table=_egor_table,
    ),
    Entry("grace_support.importers.read_persnet", path=_persnet, table=_persnet_table),
    Entry(
        "grace_support.tables.read_three_files",
        path=_three_files,
        folder=True,
        table=_three_files_table,
    ),
    Entry(
        "grace_support.importers.read_three_files",
        path=_three_files,
        folder=True,
        table=_three_files_table,
    ),
    Entry("grace_support.tables.from_tables", data=_from_tables_data, extra=("pandas",)),
    Entry(
        "grace_support.cohort.validate",
        path=_cohort_validate,
        folder=True,
        table=_dataset_table,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.read_networks",
        path=_cohort_read,
        folder=True,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.measure",
        path=_cohort_measure,
        folder=True,
        write=_measure_out,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.changes",
        path=_cohort_changes,
        folder=True,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.shared_people",
        errors=(*DOCUMENT, ValueError),  # ValueError: a key, secret or min_egos that cannot be
        path=_shared_people,
        folder=True,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.shared_people[key]",
        errors=(*DOCUMENT, ValueError, TypeError),
        data=_shared_people_key,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.write_dataset",
        errors=(*DOCUMENT, FileExistsError),
        write=_write_dataset,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.synthesize",
        errors=(*DOCUMENT, FileExistsError),
        write=_synthesize,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.summary",
        errors=(TypeError, ValueError),
        data=_summary_data,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.summary[columns]",
        errors=(TypeError, ValueError),
        data=_summary_columns,
        extra=("pyarrow", "polars"),
    ),
    Entry(
        "grace_support.cohort.synthesize_follow_up",
        errors=(*DOCUMENT, ValueError, FileExistsError),
        path=_follow_up,
        folder=True,
        write=_follow_up_out,
        extra=("pyarrow", "polars"),
    ),
    Entry("grace_support.change.compare", errors=(*DOCUMENT, ValueError), data=_compare_data),
    Entry(
        "grace_support.change.compare[networks]",
        errors=(TypeError,),
        data=_compare_arguments,
    ),
    Entry(
        "grace_support.fhir.score_response",
        errors=RESPONSE,
        text=_score_response,
        data=_score_response,
        extra=("fhir.resources",),
    ),
    Entry(
        "grace_support.fhir.questionnaire_response",
        errors=RESPONSE,
        data=_questionnaire_response,
        extra=("fhir.resources",),
    ),
    Entry("grace_support.instruments.score", errors=RESPONSE, data=_score),
    Entry("grace_support.instruments.get", errors=RESPONSE, data=_get),
    Entry("grace_support.content.Catalog.from_json", text=_catalog_json, path=_catalog_path),
    Entry("grace_support.content.Catalog.from_hsds", data=_catalog_hsds),
    Entry("grace_support.content.Resource.from_hsds", data=_resource_hsds),
)
"""Every registered entry point."""


def _reasons(names: str, reason: str) -> dict[str, str]:
    return dict.fromkeys(names.split(), reason)


_MODEL = (
    "a pydantic model: direct construction raises a scrubbed ValidationError "
    "(tests/fuzz/test_fuzz_models.py); documents are read through the registered readers"
)
_VOCABULARY = "an enumeration or type alias: its values are validated by the models that use it"
_CONSTANT = "a constant, not a callable"
_ERROR = "an exception class of the error contract itself"
_OUTPUT = (
    "takes a validated SupportNetwork or Assessment built by the library, no outside input; "
    "its text output is checked for neutralisation in tests/fuzz/test_registry.py"
)

EXEMPT: dict[str, str] = {
    **_reasons(
        "grace_support.Assessment grace_support.Attributes grace_support.Finding "
        "grace_support.Measures grace_support.Person grace_support.Relationship "
        "grace_support.Settings grace_support.SupportNetwork grace_support.Tie "
        "grace_support.importers.NetworkCanvasMapping grace_support.importers.ImportResult "
        "grace_support.change.AlterChange grace_support.change.MeasureChange "
        "grace_support.change.NetworkChange grace_support.instruments.Item "
        "grace_support.instruments.InstrumentScore grace_support.cohort.DatasetSummary "
        "grace_support.tables.Tables grace_support.content.Agent grace_support.content.Article "
        "grace_support.content.CallToAction grace_support.content.Channel "
        "grace_support.content.Hours grace_support.content.ListItem "
        "grace_support.content.Organization grace_support.content.Review "
        "grace_support.content.Section grace_support.content.Source",
        _MODEL,
    ),
    "grace_support.DocumentError.from_validation_error": (
        "converts a pydantic error the library caught; keeps locations and messages only"
    ),
    "grace_support.SupportNetwork.from_networkx": (
        "builds from a networkx graph in the caller's memory; its values are validated by "
        "the models (scrubbed ValidationError), as for direct construction"
    ),
    "grace_support.content.Catalog": "a model; its readers from_json and from_hsds are registered",
    "grace_support.content.Resource": "a model; its reader from_hsds is registered",
    "grace_support.instruments.Instrument": (
        "an instrument definition shipped with the library; answers are scored through "
        "instruments.score (registered), which Instrument.score shares"
    ),
    "grace_support.change.Timeline": (
        "built from validated SupportNetworks; its as_of days go through compare (registered)"
    ),
    **_reasons(
        "grace_support.ActionId grace_support.Closeness grace_support.Contact "
        "grace_support.FindingCode grace_support.IsoDate grace_support.PersonId "
        "grace_support.Role grace_support.RoleCategory grace_support.SchemaName "
        "grace_support.Severity grace_support.Strain grace_support.SupportType "
        "grace_support.importers.EgorLayout "
        "grace_support.importers.ErrorMode grace_support.instruments.MissingPolicy "
        "grace_support.instruments.Number grace_support.instruments.Responses "
        "grace_support.content.ChannelKind grace_support.content.ResourceKind "
        "grace_support.content.ServiceStatus grace_support.content.Weekday "
        "grace_support.change.ChangeType",
        _VOCABULARY,
    ),
    **_reasons(
        "grace_support.SCHEMA_VERSION grace_support.change.CHANGE_SCHEMA_VERSION "
        "grace_support.change.CHANGE_TABLE_COUNTS grace_support.change.ROSTER_COLUMNS "
        "grace_support.cohort.FINDING_COLUMNS grace_support.cohort.OUTPUT_COLUMNS "
        "grace_support.fhir.FHIR_VERSION grace_support.instruments.INSTRUMENTS "
        "grace_support.content.CRISIS_RESOURCES grace_support.content.CRISIS_RESOURCES_VERSION "
        "grace_support.content.HSDS_TAXONOMY",
        _CONSTANT,
    ),
    **_reasons(
        "grace_support.AsOfError grace_support.DocumentError grace_support.GraceSupportError "
        "grace_support.InputError grace_support.MissingExtraError grace_support.Problem "
        "grace_support.UnknownPersonError grace_support.instruments.ResponseError "
        "grace_support.importers.DroppedDataWarning grace_support.change.GeneratorChangedWarning",
        _ERROR,
    ),
    **_reasons(
        "grace_support.recommend grace_support.change.numeric_measures "
        "grace_support.change.change_row grace_support.change.change_table "
        "grace_support.change.carry_forward grace_support.change.to_network_canvas_roster "
        "grace_support.fhir.assessment_bundle grace_support.fhir.observations "
        "grace_support.tables.to_tables grace_support.tables.measures_table "
        "grace_support.tables.composition_table grace_support.graphml.to_graphml "
        "grace_support.importers.alter_pairs grace_support.importers.ring_radii "
        "grace_support.importers.sociogram_ring grace_support.content.default_catalog "
        "grace_support.content.plain_text",
        _OUTPUT,
    ),
    **_reasons(
        "grace_support.change.change_type",
        "takes two counts the library computed (people gained and lost), no outside input",
    ),
    **_reasons(
        "grace_support.json_schema grace_support.fhir.questionnaire "
        "grace_support.instruments.subscale_support_types",
        "takes only a name from a fixed list (an instrument or schema id), checked by its tests",
    ),
}
"""Public names that take no outside input, each with the reason."""


def _argv_file(command: str, *rest: str) -> Callable[[Path], list[str]]:
    return lambda path: [command, str(path), *rest]


COMMANDS: dict[str, Callable[[Path], list[str]] | str] = {
    "validate": _argv_file("validate"),
    "assess": _argv_file("assess", "--as-of", "2026-11-25"),
    "demo": "prints the built-in example; takes no input",
    "report": lambda p: ["report", str(p), "--html", str(p.parent / "out.html")],
    "import": lambda p: ["import", "persnet", str(p), "--out", str(p.parent / "out.jsonl")],
    "score": lambda p: ["score", "ucla3", "--file", str(p)],
    "fhir": lambda p: ["fhir", "score", str(p)],
    "catalog": "prints the built-in catalog; takes no input",
    "schema": "prints a built-in JSON Schema; takes no input",
    "compare": lambda p: ["compare", str(p), str(p)],
    "cohort": lambda p: ["cohort", "validate", str(p)],
}
"""Every command of the command line: how to give it an input path, or why it takes none."""


def entry_names() -> set[str]:
    """The names registered (without a ``[variant]`` suffix)."""
    return {entry.name.split("[")[0] for entry in ENTRIES}


def dumps(value: Any) -> str:
    """JSON text of a value (for entries fed text)."""
    return json.dumps(value)
