"""A PERSNET REDCap export written by hand: the columns in the order REDCap writes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def header() -> list[str]:
    """Every column of the instrument's raw-data export, in REDCap's order."""
    columns = ["record_id", "redcap_survey_identifier", "network_survey_2_timestamp", "age",
               "sex", *[f"race___{c}" for c in (1, 2, 3, 4, 5, 77, 88)], "ethnicity", "edu",
               "zip", "employment", "occupation", "income", "married", "live_alone",
               "household_number"]  # fmt: skip
    for block in range(3):
        columns += [f"name{k}" for k in range(5 * block + 1, 5 * block + 6)]
        columns.append(f"more_names_{block + 1}")
    columns += [f"name_{k}" for k in range(1, 16)] + ["first", "size"]
    columns += [f"tie{k}" for k in range(1, 16)] + [f"a_tie{m}" for m in range(1, 106)]
    columns += [f"name{k}support" for k in range(1, 16)]
    columns += [f"name{k}supptype___{c}" for k in range(1, 16) for c in (1, 2, 3, 4, 5, 0)]
    for stem in ("sex", "neg", "race", "educ", "speak", "length"):
        columns += [f"name{k}{stem}" for k in range(1, 16)]
    columns += [f"name{k}relat___{c}" for k in range(1, 16) for c in (1, 2, 3, 4, 5, 77)]
    columns += [f"name{k}age" for k in range(1, 16)]
    columns += ["alcohol", "smoke", "exercise", "diet"]
    columns += [f"health___{c}" for c in (1, 2, 3, 4, 0)]
    for stem in ("alcohol", "smoke", "exer", "diet"):
        columns += [f"name{k}{stem}" for k in range(1, 16)]
    columns += [f"name{k}health___{c}" for k in range(1, 16) for c in (1, 2, 3, 4, 0, 99)]
    columns += [f"name{k}dist" for k in range(1, 16)]
    columns += ["difficulties", "network_survey_2_complete"]
    return columns


def row(values: dict[str, str]) -> dict[str, str]:
    """A respondent's row: unticked checkboxes are 0 (as REDCap writes them), else blank."""
    out = {c: ("0" if "___" in c else "") for c in header()}
    unknown = set(values) - set(out)
    assert not unknown, unknown
    return out | values


def write(path: Path, rows: list[dict[str, str]], *, columns: list[str] | None = None) -> Path:
    """Write rows as REDCap does (comma separated, quoted when needed, CRLF)."""
    import csv

    names = columns or header()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=names, lineterminator="\r\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: r.get(k, "") for k in names})
    return path
