"""PERSNET ("Personal network survey for clinical research") REDCap exports.

PERSNET is a REDCap Shared Library instrument (Dhand et al., Nature Communications
2018). A REDCap "CSV (raw data)" export has one row per respondent and wide
columns: up to 15 names (``name1`` ... ``name15``), a yes/no per name saying whether
to keep it (``name_1`` ... ``name_15``; no means it repeats another name), then per
name: relationship types (checkboxes ``name<k>relat___<code>``), support types
(``name<k>supptype___<code>``), how often they speak (``name<k>speak``), negative
influence (``name<k>neg``) and more; how close the respondent is to each person
(``tie1`` ... ``tie15``); how close each pair of people are (``a_tie1`` ...
``a_tie105``); and the respondent's own answers. The codes follow the instrument's
data dictionary as its authors' published R code reads it. The page "Importing
PERSNET (REDCap)" in the docs has the whole mapping table.

Each network says what PERSNET asked (version 3): emotional, practical and
informational support (no peer question), nothing about what the respondent gives,
and ties among the first 10 kept names only (``ties_asked``), with ``generator``
``"persnet"`` and ``max_names`` 15; an unanswered question is not recorded.

Nothing is dropped without a word: answers this module does not map are kept as
attributes; a name marked as a repeat, and answers about a name that is not in
the network, are listed in ``ImportResult.dropped``; a code the data dictionary
does not define is a problem naming the row and the column.

Examples:
    >>> [pair for pair in alter_pairs()][:3], len(alter_pairs())
    ([(1, 2), (1, 3), (1, 4)], 105)
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from grace_support._input import DEFAULT_MAX_BYTES, column_label, guarded
from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, Problem
from grace_support.importers._common import (
    attribute_name_ok,
    check_mode,
    complete,
    read_csv_rows,
)
from grace_support.importers._values import parse_cell
from grace_support.network import SCHEMA_VERSION

if TYPE_CHECKING:
    from os import PathLike

    from grace_support.importers._result import ErrorMode, ImportResult
    from grace_support.network import SupportNetwork

__all__ = [
    "ALTERS",
    "GENERATOR",
    "REDCAP_MISSING",
    "SUPPORT_TYPES_ASKED",
    "TIE_QUESTIONS",
    "alter_pairs",
    "read_persnet",
]

ALTERS = 15
"""PERSNET asks about at most 15 named people."""
TIE_QUESTIONS = 10
"""PERSNET asks how well people know each other among the first 10 kept names only."""
SUPPORT_TYPES_ASKED = ("emotional", "practical", "informational")
"""The kinds of support PERSNET asks about (it has no question about peer support)."""
GENERATOR = "persnet"
"""The ``generator`` label of networks read from PERSNET."""

# REDCap's missing-data codes (a project may enter them instead of an answer): not
# recorded, never a problem.
REDCAP_MISSING = frozenset(
    {"NI", "INV", "UNK", "NASK", "ASKU", "NAV", "MSK", "NA", "NAVU", "NP", "QS", "QI", "TRC",
     "UNC", "DER", "PINF", "NINF", "OTH"}
)  # fmt: skip


@cache
def alter_pairs() -> tuple[tuple[int, int], ...]:
    """The pair of names each ``a_tie<m>`` asks about, for ``m = 1..105``, in order.

    The authors' R code fills the lower triangle of a 16 by 16 matrix (the
    respondent, then names 1-15) column by column from ``tie1`` ... ``tie15``
    (the respondent with each name) then ``a_tie1`` ... ``a_tie105``: so ``a_tie1``
    is names 1 and 2, ``a_tie14`` names 1 and 15, ``a_tie15`` names 2 and 3, and
    ``a_tie105`` names 14 and 15.
    """
    return tuple((i, j) for i in range(1, ALTERS + 1) for j in range(i + 1, ALTERS + 1))


# -- the data dictionary -----------------------------------------------------------------------

_YES_NO = {"1": True, "0": False}

# Relationship types (checkboxes name<k>relat___<code>): code -> label, in the
# order that chooses the role when several are ticked.
_RELATIONSHIP = {"1": "spouse", "2": "family", "3": "friend", "4": "advisor", "5": "coworker",
                 "77": "other"}  # fmt: skip
_ROLE_OF = {"spouse": "partner", "family": "relative", "friend": "friend",
            "advisor": "other_professional", "coworker": "coworker"}  # fmt: skip
_ROLE_ORDER = ("spouse", "family", "friend", "advisor", "coworker")

# Support types (checkboxes name<k>supptype___<code>).
_SUPPORT = {"1": "emotional", "2": "advice", "3": "financial", "4": "health", "5": "camaraderie",
            "0": "none"}  # fmt: skip
_SUPPORT_TYPE_OF = {"emotional": "emotional", "advice": "informational",
                    "financial": "practical", "health": "practical"}  # fmt: skip

# tie<k>: how close the respondent is to name k. The codebook defines 2 (especially
# close) and 1 (not especially close) only; any other value (0 too) is a problem.
_CLOSENESS = {"2": "inner", "1": "middle"}
_CONTACT = {"1": "daily", "2": "weekly", "3": "monthly", "4": "rarely", "99": None}  # speak
_STRAIN = {"1": "some", "0": "none"}  # neg: a negative influence on your health
_TIE_WEIGHT = {"0": None, "1": 1.0, "2": 2.0}  # a_tie<m>: 0 strangers, 1 know, 2 close

_RACE = {"1": "black", "2": "white", "3": "american_indian_alaska_native", "4": "asian",
         "5": "native_hawaiian_pacific_islander", "77": "other", "88": "unknown",
         "99": "dont_know"}  # fmt: skip
_EDUCATION = {"1": "some_high_school_or_less", "2": "high_school_graduate",
              "3": "some_college", "4": "associate_degree", "5": "bachelors_degree",
              "6": "graduate_degree", "88": "prefer_not_to_answer",
              "99": "dont_know"}  # fmt: skip
_SEX = {"0": "female", "1": "male", "2": "other"}
_HEALTH = {"1": "general", "2": "pain", "3": "cognitive_mental_health", "4": "cardiac",
           "0": "none", "99": "dont_know"}  # fmt: skip
_DONT_KNOW = {"99": "dont_know"}

# name<k><stem>: (where, attribute name, codes). "person" attributes describe the
# named person; "relationship" attributes the tie between them and the respondent.
_ALTER_QUESTIONS: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "sex": ("person", "sex", _SEX),
    "race": ("person", "race", _RACE),
    "educ": ("person", "education", _EDUCATION),
    "age": ("person", "age", None),
    "alcohol": ("person", "drinks_heavily",
                {"1": "yes", "0": "no", "9": "does_not_drink_heavily", **_DONT_KNOW}),
    "smoke": ("person", "smokes", {"1": "yes", "0": "no", "9": "does_not_smoke", **_DONT_KNOW}),
    "exer": ("person", "exercises", {"1": "yes", "0": "no", **_DONT_KNOW}),
    "diet": ("person", "healthy_diet", {"1": "yes", "0": "no", **_DONT_KNOW}),
    "support": ("relationship", "supports_most", {"1": True, "0": False}),
    "length": ("relationship", "years_known", {"1": "less_than_3", "2": "3_to_6",
                                               "3": "more_than_6", **_DONT_KNOW}),
    "dist": ("relationship", "distance", {"1": "same_house", "2": "1_to_5_miles",
                                          "3": "6_to_15_miles", "4": "16_to_50_miles",
                                          "5": "more_than_50_miles"}),
}  # fmt: skip
_ALTER_CHECKBOXES: dict[str, tuple[str, str, dict[str, str]]] = {
    "relat": ("relationship", "relationship", _RELATIONSHIP),
    "supptype": ("relationship", "support", _SUPPORT),
    "health": ("person", "health", _HEALTH),
}
_MAPPED_STEMS = frozenset({"", "speak", "neg"})  # name, contact, strain

_EGO_QUESTIONS: dict[str, dict[str, Any] | None] = {
    "sex": _SEX,
    "ethnicity": {"0": "hispanic_or_latino", "1": "not_hispanic_or_latino", "99": "unknown",
                  "88": "skipped"},
    "edu": _EDUCATION,
    "employment": {"1": "employed_for_wages", "2": "self_employed",
                   "3": "out_of_work_looking", "0": "out_of_work_not_looking",
                   "4": "student", "5": "retired", "6": "unable_to_work",
                   "7": "prefer_not_to_answer"},
    "occupation": {"1": "executive_manager", "2": "sales_or_clerical",
                   "3": "mechanic_electrician_skilled", "4": "machine_operator_driver",
                   "5": "service_worker", "6": "professional", "7": "business_owner",
                   "8": "laborer_unskilled", "9": "farming", "10": "military", "11": "other",
                   "77": "other"},
    "income": {"1": "less_than_5000", "2": "5000_to_49000", "3": "50000_to_169000",
               "4": "170000_to_499000", "5": "more_than_500000"},
    "married": {"0": "not_married", "1": "married"},
    "live_alone": _YES_NO,
    "alcohol": {"1": "yes", "0": "no", "9": "does_not_drink_heavily"},
    "smoke": {"1": "yes", "0": "no", "9": "does_not_smoke"},
    "exercise": _YES_NO,
    "diet": _YES_NO,
    "difficulties": _YES_NO,
    "network_survey_2_complete": {"0": "incomplete", "1": "unverified", "2": "complete"},
}  # fmt: skip
_EGO_CHECKBOXES = {"race": _RACE, "health": _HEALTH}
_TEXT = frozenset({"zip", "redcap_survey_identifier"})  # kept as text, never as numbers
_MORE_NAMES = re.compile(r"^more_names_\d+$")  # boxes of extra names, asked nothing more

_ALTER_COLUMN = re.compile(r"^name(\d{1,2})([a-z][a-z0-9_]*)?$")
_CHECKBOX = re.compile(r"^(.+?)___(\d+)$")
_KEEP = re.compile(r"^name_(\d{1,2})$")
_EGO_TIE = re.compile(r"^tie(\d{1,2})$")
_ALTER_TIE = re.compile(r"^a_tie(\d{1,3})$")
_ID_COLUMNS = ("record_id", "study_id")


# -- the reader --------------------------------------------------------------------------------


@overload
def read_persnet(
    path: str | PathLike[str],
    *,
    encoding: str = "utf-8",
    errors: Literal["raise"] = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...]: ...
@overload
def read_persnet(
    path: str | PathLike[str],
    *,
    encoding: str = "utf-8",
    errors: Literal["collect"],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportResult: ...
@guarded()
def read_persnet(
    path: str | PathLike[str],
    *,
    encoding: str = "utf-8",
    errors: ErrorMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[SupportNetwork, ...] | ImportResult:
    """Read a PERSNET REDCap CSV export: one network per respondent (row).

    Each respondent's id (``record_id``, or ``study_id``) becomes the ego id; each
    kept name ``k`` becomes the person ``name<k>``. The mapping (documented in full
    on the docs page "Importing PERSNET (REDCap)"):

    - relationship types -> role (spouse: partner, family: relative, friend,
      advisor: other_professional, coworker; the first ticked in that order; only
      "other" ticked, or none, leaves the role unknown); every type ticked is also
      kept as a ``relationship_<type>`` true/false attribute;
    - support types -> supports (emotional; advice: informational; financial and
      health: practical); camaraderie and "none" are kept as attributes;
    - ``tie<k>`` (how close the respondent is to the name: 2 especially close,
      1 not especially close) -> closeness inner, middle; any other value is a
      problem;
    - ``speak`` -> contact (daily, weekly, monthly, less often: rarely; don't know:
      not recorded);
    - ``neg`` (a negative influence on your health: yes/no) -> strain some/none;
    - ``a_tie<m>`` (0 strangers, 1 know each other, 2 especially close) -> ties,
      with weight 1 or 2;
    - the extra-names boxes (``more_names_1`` ... ``more_names_3``) -> the ego
      attribute ``more_names``: how many more people they name (never the names),
      so that the people listed plus ``more_names`` is the authors' network size;
    - the respondent's answers -> ego attributes (codes as words); any other
      column -> an attribute as it is.

    Args:
        path: The CSV file REDCap exported ("CSV (raw data)", codes not labels).
        encoding: The file's encoding (UTF-8 with or without a byte order mark by
            default).
        errors: ``"raise"`` (the default) or ``"collect"``.
        max_bytes: The largest file accepted.

    Returns:
        With ``errors="raise"``, the networks in row order (names marked as repeats
        and answers about absent names are reported with a
        [`DroppedDataWarning`][grace_support.importers.DroppedDataWarning]); with
        ``"collect"``, an ``ImportResult``.

    Raises:
        DocumentError: With ``errors="raise"``, listing every problem (each names
            the file, the line (the header is line 1) and the column).
        InputError: The file cannot be read at all.
    """
    mode = check_mode(errors)
    file = Path(path)
    header, rows, problems = read_csv_rows(file, encoding=encoding, max_bytes=max_bytes)
    problems = [Problem(p.location.removeprefix(f"{file.name} "), p.message, source=file.name)
                for p in problems]  # fmt: skip
    id_column = next((c for c in _ID_COLUMNS if c in header), None)
    if header and id_column is None:
        problems.append(
            Problem("(header)", "has no record_id column (the REDCap record id)", source=file.name)
        )
        rows = []
    if not header and not problems:
        problems.append(Problem("(file)", "is empty", source=file.name))
    networks: list[SupportNetwork] = []
    dropped: list[Problem] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        respondent = _Respondent(file.name, line, row)
        record = (row.get(id_column or "") or "").strip()
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,128}", record):
            respondent.problem(id_column or "record_id", "is not a record id (letters, digits)")
        elif record in seen:
            respondent.problem(
                id_column or "record_id", f"repeats the record of line {seen[record]}"
            )
        else:
            seen[record] = line
        network = respondent.network(record, id_column or "")
        problems += respondent.problems
        if network is not None:
            networks.append(network)
            dropped += respondent.dropped
    return complete(networks, problems, errors=mode, source=file.name, dropped=dropped)


class _Respondent:
    """One row of the export, turned into one network document."""

    def __init__(self, file: str, line: int, row: dict[str, str]) -> None:
        self.file, self.line, self.row = file, line, row
        self.problems: list[Problem] = []
        self.dropped: list[Problem] = []

    def problem(self, column: str, message: str) -> None:
        place = column_label(column, list(self.row))
        self.problems.append(Problem(f"line {self.line}, column {place}", message, self.file))

    def drop(self, column: str, message: str) -> None:
        place = column_label(column, list(self.row))
        self.dropped.append(Problem(f"line {self.line}, column {place}", message, self.file))

    def cell(self, column: str) -> str | None:
        value = (self.row.get(column) or "").strip()
        return value or None

    def code(self, column: str, codes: dict[str, Any] | None) -> Any:
        """The answer in a column, through the data dictionary's codes (None: unanswered)."""
        raw = self.cell(column)
        if raw is None or raw in REDCAP_MISSING:
            return None
        if codes is None:
            return parse_cell(raw)
        key = raw[:-2] if raw.endswith(".0") else raw  # 2.0 is code 2 (spreadsheets)
        if key not in codes:
            self.problem(column, "is not a code the PERSNET data dictionary defines here")
            return None
        return codes[key]

    def ticked(self, column: str) -> bool:
        """A checkbox column: 1 ticked, 0 or blank not; anything else is a problem."""
        value = self.code(column, {"1": True, "0": False})
        return bool(value)

    # -- the network ---------------------------------------------------------------------------

    def network(self, record: str, id_column: str) -> SupportNetwork | None:
        alters = self._alters()
        people, relationships = [], []
        for k in sorted(alters):
            person, relationship = self._alter(k, alters[k])
            people.append(person)
            relationships.append(relationship)
        asked = sorted(alters)[:TIE_QUESTIONS]
        ties = self._ties(alters, set(asked))
        ego: dict[str, Any] = {"id": record or "respondent"}
        attributes, day = self._ego_attributes(id_column)
        if (more := self.more_names(alters)) is not None:
            attributes["more_names"] = more
        if attributes:
            ego["attributes"] = attributes
        document: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,  # an unanswered question is not recorded
            "ego": ego,
            "people": people,
            "relationships": relationships,
            "ties": ties,
            "support_types_asked": list(SUPPORT_TYPES_ASKED),
            "gives_types_asked": [],  # PERSNET asks nothing about what the respondent gives
            "generator": GENERATOR,
            "max_names": ALTERS,
        }
        if len(alters) > len(asked):
            document["ties_asked"] = [f"name{k}" for k in asked]
        if day is not None:
            document["collected_on"] = day
        try:
            network = network_from_data(document)
        except DocumentError as error:
            ks = sorted(alters)
            known = {p.location for p in self.problems}  # a bad code is also a missing value
            located = [self._located(p, ks) for p in error.problems]
            self.problems[:0] = [p for p in located if p.location not in known]
            return None
        return None if self.problems else network

    def _located(self, problem: Problem, ks: list[int]) -> Problem:
        match = re.match(r"^(people|relationships)\[(\d+)\](?:\.(\w+))?", problem.location)
        if match is None:
            return Problem(f"line {self.line}, {problem.location}", problem.message, self.file)
        k = ks[int(match.group(2))]
        field = match.group(3) or ""
        column = {"role": f"name{k}relat___*", "closeness": f"tie{k}", "contact": f"name{k}speak",
                  "strain": f"name{k}neg", "supports": f"name{k}supptype___*"}.get(
            field, f"name{k}")  # fmt: skip
        return Problem(f"line {self.line}, column {column}", problem.message, self.file)

    def _alters(self) -> dict[int, str]:
        """The kept names: number -> name. Repeats and answers without a name are dropped."""
        alters: dict[int, str] = {}
        for k in range(1, ALTERS + 1):
            name = self.cell(f"name{k}")
            keep = self.code(f"name_{k}", _YES_NO) if f"name_{k}" in self.row else True
            if name is None:
                if self._answered(k):
                    self.drop(f"name{k}", "has answers but no name; the answers are left out")
            elif keep is False:
                self.drop(f"name_{k}", "marks this name as a repeat of another; left out")
            else:
                alters[k] = name
        return alters

    def _answered(self, k: int) -> bool:
        """Whether any question about name ``k`` (not a checkbox) has an answer."""
        for column in self.row:
            match = _ALTER_COLUMN.match(column)
            if match and int(match.group(1)) == k and match.group(2):
                stem = match.group(2)
                if not _CHECKBOX.match(stem) and self.cell(column) is not None:
                    return True
        return self.cell(f"tie{k}") not in (None, "0")

    def _alter(self, k: int, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
        person: dict[str, Any] = {"id": f"name{k}"}
        if len(name) <= 200:
            person["name"] = name
        else:
            self.problem(f"name{k}", "is longer than 200 characters")
        relationship: dict[str, Any] = {"person": f"name{k}"}
        person_attributes: dict[str, Any] = {}
        relationship_attributes: dict[str, Any] = {}
        bucket = {"person": person_attributes, "relationship": relationship_attributes}
        ticked: dict[str, dict[str, bool]] = {"relat": {}, "supptype": {}}
        for column in self.row:
            match = _ALTER_COLUMN.match(column)
            if not match or int(match.group(1)) != k or (match.group(2) or "") in _MAPPED_STEMS:
                continue
            stem = match.group(2) or ""
            if checkbox := _CHECKBOX.match(stem):
                self._alter_checkbox(column, checkbox.group(1), checkbox.group(2), bucket, ticked)
            elif stem in _ALTER_QUESTIONS:
                where, attribute, codes = _ALTER_QUESTIONS[stem]
                if (value := self.code(column, codes)) is not None:
                    bucket[where][attribute] = value
            elif (value := parse_cell(self.cell(column))) is not None:
                relationship_attributes[stem] = value  # a question this module does not know
        self._mapped(k, relationship, ticked)
        if person_attributes:
            person["attributes"] = person_attributes
        if relationship_attributes:
            relationship["attributes"] = relationship_attributes
        return person, relationship

    def _mapped(
        self, k: int, relationship: dict[str, Any], ticked: dict[str, dict[str, bool]]
    ) -> None:
        """Role, supports, closeness, contact and strain of name ``k``."""
        role = next((_ROLE_OF[t] for t in _ROLE_ORDER if ticked["relat"].get(t)), None)
        if role is not None:
            relationship["role"] = role
        if any(ticked["supptype"].values()):  # no box ticked, not even "none": not answered
            relationship["supports"] = sorted(
                {_SUPPORT_TYPE_OF[t] for t, on in ticked["supptype"].items() if on and t in
                 _SUPPORT_TYPE_OF}
            )  # fmt: skip
        if (closeness := self.code(f"tie{k}", _CLOSENESS)) is not None:
            relationship["closeness"] = closeness
        if (contact := self.code(f"name{k}speak", _CONTACT)) is not None:
            relationship["contact"] = contact
        if (strain := self.code(f"name{k}neg", _STRAIN)) is not None:
            relationship["strain"] = strain

    def _alter_checkbox(
        self,
        column: str,
        stem: str,
        code: str,
        bucket: dict[str, dict[str, Any]],
        ticked: dict[str, dict[str, bool]],
    ) -> None:
        on = self.ticked(column)
        if stem not in _ALTER_CHECKBOXES:
            bucket["relationship"][f"{stem}_{code}"] = on
            return
        where, prefix, labels = _ALTER_CHECKBOXES[stem]
        if code not in labels:
            self.problem(column, "is not an option the PERSNET data dictionary defines")
            return
        label = labels[code]
        if stem in ticked:
            ticked[stem][label] = on
        if stem == "supptype" and label in _SUPPORT_TYPE_OF:
            return  # mapped to supports
        bucket[where][f"{prefix}_{label}"] = on

    def _ties(self, alters: dict[int, str], asked: set[int]) -> list[Any]:
        """Ties among the asked names (the first 10 kept); others are listed as dropped."""
        ties: list[Any] = []
        for m, (i, j) in enumerate(alter_pairs(), start=1):
            column = f"a_tie{m}"
            if column not in self.row:
                continue
            weight = self.code(column, _TIE_WEIGHT)
            if weight is None:
                continue
            if i not in alters or j not in alters:
                self.drop(column, "joins a name that is not in the network; left out")
                continue
            if i not in asked or j not in asked:
                self.drop(
                    column,
                    "joins a name beyond the first 10 kept, about whom PERSNET asks no tie "
                    "questions; left out",
                )
                continue
            pair = [f"name{i}", f"name{j}"]
            ties.append(pair if weight == 1 else {"between": pair, "weight": weight})
        return ties

    def more_names(self, alters: dict[int, str]) -> int | None:
        """How many people the extra-names boxes add (``None``: the export has no boxes).

        As the authors' ``calculate_size`` counts them: the boxes' comma-separated
        names, without spaces and in upper case, each once, less those already among
        the kept names. The names themselves are never kept.
        """
        boxes = [c for c in self.row if _MORE_NAMES.match(c)]
        if not boxes:
            return None
        kept = {_same_name(name) for name in alters.values()}
        extra = {
            _same_name(part)
            for column in boxes
            for part in (self.cell(column) or "").split(",")
            if _same_name(part)
        }
        return len(extra - kept)

    def _ego_attributes(self, id_column: str) -> tuple[dict[str, Any], str | None]:
        attributes: dict[str, Any] = {}
        day: str | None = None
        for column in self.row:
            if column == id_column or _is_alter_column(column) or _MORE_NAMES.match(column):
                continue
            value: Any
            if column.endswith("_timestamp") and re.match(
                r"\d{4}-\d{2}-\d{2}", self.cell(column) or ""
            ):
                day = day or (self.cell(column) or "")[:10]
            if checkbox := _CHECKBOX.match(column):
                stem, code = checkbox.group(1), checkbox.group(2)
                labels = _EGO_CHECKBOXES.get(stem)
                if labels is not None and code not in labels:
                    self.problem(column, "is not an option the PERSNET data dictionary defines")
                    continue
                name = f"{stem}_{labels[code] if labels else code}"
                value = self.ticked(column)
            elif column in _EGO_QUESTIONS:
                name, value = column, self.code(column, _EGO_QUESTIONS[column])
            elif column in _TEXT:
                name, value = column, self.cell(column)
            else:
                name, value = column, parse_cell(self.cell(column))
            if not attribute_name_ok(name):
                self.problem(column, "cannot be an attribute name")
            elif value is not None:
                attributes[name] = value
        return attributes, day


def _same_name(name: str) -> str:
    """A name as the authors compare names: no spaces, upper case."""
    return name.replace(" ", "").upper()


def _is_alter_column(column: str) -> bool:
    match = _ALTER_COLUMN.match(column)
    if match and 1 <= int(match.group(1)) <= ALTERS:
        return True
    return bool(
        (m := _KEEP.match(column) or _EGO_TIE.match(column)) and 1 <= int(m.group(1)) <= ALTERS
    ) or bool((t := _ALTER_TIE.match(column)) and 1 <= int(t.group(1)) <= len(alter_pairs()))
