"""``cohort synth``, ``validate``, ``measure``, ``changes``, ``summary`` and ``shared``.

Needs the ``cohort`` extra; ``--scheduler`` also needs the ``dask`` extra. On a
terminal, a progress bar (one step per part) goes to standard error: tqdm's when it
is installed, else a small built-in one. ``measure`` and ``changes`` print nothing on
standard output until every part has been read, checked and measured.
"""

from __future__ import annotations

import math
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from grace_support.cli._common import UsageError, add_command, add_settings, day, settings_from
from grace_support.errors import DocumentError, InputError, MissingExtraError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Iterator

    from grace_support.cli._common import Commands

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``cohort`` and its sub-commands."""
    cohort = add_command(
        commands,
        "cohort",
        _missing_subcommand,
        help="synthesize, validate, measure and compare cohort datasets (Parquet)",
        description=(
            "Work with a cohort dataset: a folder of Parquet files of the egos, alters and "
            "ties tables. Needs grace-support[cohort]."
        ),
    )
    actions = cohort.add_subparsers(dest="cohort_command", metavar="ACTION")

    synth = actions.add_parser(
        "synth",
        help="write a synthetic cohort, or the next wave of one",
        description=(
            "Write a synthetic cohort dataset of N networks, or with --follow-up the next "
            "wave of the same egos (then without N)."
        ),
    )
    synth.set_defaults(run=_synth)
    synth.add_argument("n", type=_count, nargs="?", metavar="N", help="how many networks")
    synth.add_argument(
        "--follow-up",
        metavar="DATASET",
        help="write the next wave of this dataset's egos instead (no N: it follows the wave)",
    )
    synth.add_argument("--seed", type=_count, required=True, metavar="S", help="random seed")
    synth.add_argument("--out", required=True, metavar="DATASET", help="the dataset folder")

    validate = actions.add_parser(
        "validate",
        help="check a dataset against the rules of the network document",
        description="Check every part of a dataset; problems name file, row and column.",
    )
    validate.set_defaults(run=_validate)
    validate.add_argument("dataset", metavar="DATASET")

    measure = actions.add_parser(
        "measure",
        help="one row of measures and finding counts per ego",
        description=(
            "Measure every network of a dataset: the columns of the measures table and "
            "one finding_count_<code> per finding. CSV on standard output, or --out."
        ),
    )
    measure.set_defaults(run=_measure)
    measure.add_argument("dataset", metavar="DATASET")
    measure.add_argument(
        "--as-of",
        type=day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day to judge (each network's collected_on, else today)",
    )
    measure.add_argument(
        "--out", metavar="FILE", help="write FILE.parquet or FILE.csv instead of printing CSV"
    )
    measure.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a Dask scheduler, e.g. tcp://10.0.0.5:8786 (needs grace-support[dask])",
    )
    add_settings(measure)

    changes = actions.add_parser(
        "changes",
        help="how each ego's network changed between two waves",
        description=(
            "Compare two waves of a cohort: one row per ego in both, the columns of "
            "change_table. CSV on standard output, or --out."
        ),
    )
    changes.set_defaults(run=_changes)
    changes.add_argument("before", metavar="BEFORE", help="the dataset of the earlier wave")
    changes.add_argument("after", metavar="AFTER", help="the dataset of the later wave")
    changes.add_argument(
        "--as-of",
        type=day,
        nargs=2,
        default=None,
        metavar=("BEFORE_DAY", "AFTER_DAY"),
        help="the day to judge each wave on (default: each network's collected_on, else today)",
    )
    changes.add_argument(
        "--out", metavar="FILE", help="write FILE.parquet or FILE.csv instead of printing CSV"
    )
    add_settings(changes)

    summary = actions.add_parser(
        "summary",
        help="one row per group of a measures or changes table",
        description=(
            "Summarise the table of cohort measure or cohort changes (Parquet or CSV): the "
            "number of egos, the mean, SD and quartiles of each measure and the share of "
            "each finding, by group, survey-weighted with --weights. CSV on standard "
            "output, or --out FILE.csv or FILE.parquet."
        ),
    )
    summary.set_defaults(run=_summary)
    summary.add_argument("table", metavar="TABLE", help="a .parquet or .csv table")
    summary.add_argument("--by", action="append", metavar="COL", help="group by this column")
    summary.add_argument("--weights", metavar="COL", help="a column of survey weights")
    summary.add_argument(
        "--ci", type=float, metavar="LEVEL", help="bootstrap intervals at this level, e.g. 0.95"
    )
    summary.add_argument(
        "--replicates", type=_count, default=1000, metavar="R", help="bootstrap replicates"
    )
    summary.add_argument("--seed", type=_count, default=0, metavar="S", help="bootstrap seed")
    summary.add_argument(
        "--out", metavar="FILE", help="write FILE.parquet or FILE.csv instead of printing CSV"
    )

    shared = actions.add_parser(
        "shared",
        help="people named in several egos' networks, by a person attribute",
        description=(
            "List the people (a clinician, a peer worker) named in at least two egos' "
            "networks, found by a person attribute such as a provider id: person_key "
            "(an HMAC-SHA256 of the key), n_egos, and per support type the egos they "
            "are recorded supporting. CSV on standard output, or --out."
        ),
    )
    shared.set_defaults(run=_shared)
    shared.add_argument("dataset", metavar="DATASET")
    shared.add_argument(
        "--key", required=True, metavar="ATTR", help="the person attribute naming the same person"
    )
    shared.add_argument(
        "--secret-file",
        metavar="F",
        help=(
            "a file whose bytes (trailing newline removed) key the HMAC, so that person_key "
            "is the same in every run; without it a random secret is drawn for this run"
        ),
    )
    shared.add_argument(
        "--names",
        action="store_true",
        help="add the raw key values (they identify people: keep the output with the data)",
    )
    shared.add_argument(
        "--out", metavar="FILE", help="write FILE.parquet or FILE.csv instead of printing CSV"
    )


def _count(text: str) -> int:
    import argparse  # noqa: PLC0415

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _missing_subcommand(args: argparse.Namespace) -> str:
    raise UsageError(
        "choose an action: cohort synth, cohort validate, cohort measure, cohort changes, "
        "cohort summary or cohort shared"
    )


def _progress(items: Iterable[Any], *, total: int | None, unit: str) -> Iterator[Any]:
    """The items, with a progress bar on standard error when it is a terminal."""
    from grace_support.cli._progress import progress  # noqa: PLC0415

    return progress(items, total=total or None, what=f"{unit}s")


def _synth(args: argparse.Namespace) -> str:
    if args.follow_up is not None:
        if args.n is not None:
            raise UsageError("cohort synth --follow-up takes no N: it follows the given wave")
        return _follow_up(args)
    if args.n is None:
        raise UsageError("cohort synth needs N (how many networks), or --follow-up DATASET")
    try:
        from grace_support.cohort import _layout, _synth  # noqa: PLC0415

        _layout.pyarrow()
        parts = _synth.synthetic_parts(args.n, seed=args.seed)
        total = math.ceil(args.n / _layout.PART_ROWS)
        path = _layout.write_parts(args.out, _progress(parts, total=total, unit="part"))
    except MissingExtraError as error:
        raise UsageError(str(error)) from None
    except (FileExistsError, OSError) as error:
        raise InputError(_reason(error), source=args.out) from None
    return f"Wrote {args.n} synthetic networks to {path}."


def _follow_up(args: argparse.Namespace) -> str:
    from grace_support.cohort import synthesize_follow_up  # noqa: PLC0415

    try:
        with _reported(args.out):
            path = synthesize_follow_up(args.follow_up, args.out, seed=args.seed)
    except FileExistsError as error:
        raise InputError(_reason(error), source=args.out) from None
    return f"Wrote the next wave of {args.follow_up} to {path}."


def _validate(args: argparse.Namespace) -> str:
    from grace_support.cohort import validate  # noqa: PLC0415

    try:
        summary = validate(args.dataset)
    except MissingExtraError as error:
        raise UsageError(str(error)) from None
    return (
        f"{args.dataset}: valid ({summary.egos} networks, {summary.alters} alters, "
        f"{summary.ties} ties in {summary.parts} parts; {summary.egos_without_alters} "
        f"with no one named, {summary.egos_with_one_alter} with one person named)."
    )


def _measure(args: argparse.Namespace) -> str | None:
    from grace_support.cohort import measured_batches  # noqa: PLC0415

    if args.out and not args.out.lower().endswith((".parquet", ".csv")):
        raise UsageError("--out must name a .parquet or .csv file")
    client = None
    try:
        with _reported(args.out or args.dataset):
            if args.scheduler:
                from grace_support._extras import require  # noqa: PLC0415

                distributed = require(
                    "distributed", extra="dask", feature="cohort measure --scheduler"
                )
                try:
                    client = distributed.Client(args.scheduler, timeout="20s")
                except (OSError, TimeoutError):
                    raise InputError(
                        "cannot be reached (is the Dask scheduler running?)", source=args.scheduler
                    ) from None
            total, batches = measured_batches(
                args.dataset, as_of=args.as_of, settings=settings_from(args.setting), client=client
            )
            shown = _progress(batches, total=total, unit="part")
            if args.out is None:
                _print_csv(shown)  # only once every part is measured (errors come first)
                return None
            rows = _write(shown, args.out)
    finally:
        if client is not None:
            client.close()
    return f"Wrote the measures of {rows} networks to {args.out}."


@contextmanager
def _reported(source: str | None) -> Iterator[None]:
    """Library errors as the command line reports them.

    A missing extra or a bad value is a usage error (exit 2), a file that cannot be
    read or written an input error (3); a document error (1) passes through.
    """
    try:
        yield
    except MissingExtraError as error:
        raise UsageError(str(error)) from None
    except DocumentError:
        raise
    except ValueError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise InputError(_reason(error), source=source) from None


def _changes(args: argparse.Namespace) -> str | None:
    from grace_support.cohort import changed_batches, write_sorted  # noqa: PLC0415

    if args.out and not args.out.lower().endswith((".parquet", ".csv")):
        raise UsageError("--out must name a .parquet or .csv file")
    chosen = settings_from(args.setting)
    with _reported(args.out or args.after):
        batches = changed_batches(args.before, args.after, as_of=args.as_of, settings=chosen)
        shown = _progress(batches, total=batches.total, unit="part")
        if args.out is None:
            with _scratch() as scratch:
                write_sorted(shown, scratch, ordered=batches.ordered)
                _copy_to_stdout(scratch)
            return None
        rows = write_sorted(shown, args.out, ordered=batches.ordered)
    return f"Wrote the changes of {rows} networks to {args.out}."


def _shared(args: argparse.Namespace) -> str | None:
    from grace_support.cohort import shared_people  # noqa: PLC0415

    if args.out and not args.out.lower().endswith((".parquet", ".csv")):
        raise UsageError("--out must name a .parquet or .csv file")
    secret = None
    if args.secret_file is not None:
        secret = _secret(args.secret_file)
    with _reported(args.out or args.dataset):
        table = shared_people(args.dataset, key=args.key, secret=secret, names=args.names)
        if secret is None:
            sys.stderr.write(
                "note: person_key was computed with a random secret drawn for this run; "
                "pass --secret-file to get keys that match across runs\n"
            )
        if args.out is None:
            sys.stdout.write(table.write_csv())
            sys.stdout.flush()
            return None
        rows = _write([table], args.out)
    return f"Wrote {rows} people named in several networks to {args.out}."


def _secret(path: str) -> bytes:
    """The bytes of the secret file, a trailing line end removed; never empty."""
    try:
        with open(path, "rb") as file:
            data = file.read(1_048_577)
    except OSError as error:
        raise InputError(
            f"cannot be read: {(error.strerror or type(error).__name__).lower()}", source=path
        ) from None
    secret = data.rstrip(b"\r\n")
    if not secret:
        raise InputError("is empty; a secret needs at least one byte", source=path)
    if len(data) > 1_048_576:
        raise InputError("is larger than 1 MiB; a secret is a short key", source=path)
    return secret


@contextmanager
def _scratch() -> Iterator[Any]:
    """A temporary CSV file's path, removed afterwards."""
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="grace-support-") as folder:
        yield Path(folder) / "table.csv"


def _copy_to_stdout(path: Any) -> None:
    import shutil  # noqa: PLC0415

    sys.stdout.flush()
    with path.open("rb") as source:
        target = getattr(sys.stdout, "buffer", None)
        if target is None:  # a text-only stream (as in tests)
            sys.stdout.write(source.read().decode("utf-8"))
        else:
            shutil.copyfileobj(source, target)
            target.flush()
    sys.stdout.flush()


def _print_csv(batches: Iterable[Any]) -> None:
    """Write the batches as one CSV to standard output, once all of them are made.

    They are written to a temporary file first, so an error in a later part leaves
    standard output empty (and memory stays bounded).
    """
    with _scratch() as scratch:
        _write(batches, str(scratch))
        _copy_to_stdout(scratch)


def _summary(args: argparse.Namespace) -> str | None:
    from grace_support.cohort import summary  # noqa: PLC0415

    if args.out and not args.out.lower().endswith((".parquet", ".csv")):
        raise UsageError("--out must name a .parquet or .csv file")
    if not args.table.lower().endswith((".parquet", ".csv")):
        raise UsageError("TABLE must be a .parquet or .csv file")
    with _reported(args.table):
        from grace_support.cohort._layout import polars  # noqa: PLC0415

        pl = polars()
        try:
            if args.table.lower().endswith(".csv"):
                table = pl.read_csv(args.table, infer_schema_length=None)
            else:
                table = pl.read_parquet(args.table)
        except (OSError, pl.exceptions.PolarsError):
            raise InputError("cannot be read as a table", source=args.table) from None
        found = summary(
            table,
            by=args.by,
            weights=args.weights,
            ci=args.ci,
            replicates=args.replicates,
            seed=args.seed,
        )
        if args.out is None:
            sys.stdout.write(found.write_csv())
            sys.stdout.flush()
            return None
        from grace_support.cohort import _run  # noqa: PLC0415

        writer = _run.ResultWriter(args.out)
        try:
            writer.write(found)
            writer.commit(found)
        except BaseException:
            writer.abort()
            raise
    return f"Wrote the summary of {found.height} groups to {args.out}."


def _write(batches: Iterable[Any], out: str) -> int:
    from grace_support.cohort import _empty, _run  # noqa: PLC0415

    writer = _run.ResultWriter(out)
    rows = 0
    try:
        for batch in batches:
            writer.write(batch)
            rows += batch.height
        writer.commit(_empty())
    except BaseException:
        writer.abort()
        raise
    return int(rows)


def _reason(error: OSError) -> str:
    if isinstance(error, FileExistsError):
        return "exists and is not a cohort dataset; choose a new folder"
    return f"cannot be written: {(error.strerror or type(error).__name__).lower()}"
