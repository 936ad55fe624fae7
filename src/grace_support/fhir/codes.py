"""Every code system, code and display the FHIR bridge emits, in one table.

Nothing in [`grace_support.fhir`][grace_support.fhir] writes a coding by hand:
each one is looked up here with [`coding`][grace_support.fhir.codes.coding], and
the docs table is generated from [`code_table`][grace_support.fhir.codes.code_table],
so the table, the docs and the output cannot drift apart.

**External codes** are emitted only where we are sure of them, with their
published display:

- LOINC panels and scores that LOINC defines for instruments we score
  (checked against loinc.org, LOINC 2.77-2.80);
- the ``social-connection`` category of the HL7 SDOH Clinical Care IG
  (STU 3, FHIR 4.0.1), code system ``SDOHCC-CodeSystemTemporaryCodes``;
- ``survey`` from the FHIR observation-category code system, and
  ``not-applicable`` from data-absent-reason;
- personal-relationship codes from HL7 v3 RoleCode for ``RelatedPerson``;
- UCUM units for counts (``{count}``), proportions (``1``) and scores (``{score}``).

**Our own codes** live under [`CANONICAL_BASE`][grace_support.fhir.codes.CANONICAL_BASE],
one code system per kind of thing (instruments, items, scores, bands, measures,
findings, severities, actions, support types, roles). They are stable identifiers
and need not resolve; a code is never reused for a different meaning.

**LOINC item codes are read, not written.** LOINC's displays for questionnaire
items are the instruments' licensed wording, which this library does not ship. The
item codes we confirmed are accepted as ``linkId``s by
[`score_response`][grace_support.fhir.score_response] (see
[`LOINC_ITEM_ALIASES`][grace_support.fhir.codes.LOINC_ITEM_ALIASES]), but never
emitted.

This module is plain data: it imports neither ``fhir.resources`` nor pydantic models
beyond the library's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final, cast

from grace_support.assessment.models import FindingCode, Measures, Severity
from grace_support.instruments import INSTRUMENTS
from grace_support.vocabulary import ActionId, Role, SupportType

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "ACTION",
    "BAND",
    "BANDS",
    "CANONICAL_BASE",
    "COMPONENT",
    "DATA_ABSENT_REASON",
    "FINDING",
    "INSTRUMENT",
    "ITEM",
    "LOINC",
    "LOINC_ITEM_ALIASES",
    "LOINC_PANELS",
    "LOINC_SCORES",
    "MEASURE",
    "OBSERVATION_CATEGORY",
    "QUESTIONNAIRE_BASE",
    "ROLE",
    "ROLE_CODES",
    "SCORE",
    "SDOHCC",
    "SEVERITY",
    "SUPPORT_TYPE",
    "UCUM",
    "V3_ROLE_CODE",
    "Code",
    "code_table",
    "coding",
    "lookup",
    "markdown_table",
    "measure_codes",
    "questionnaire_id",
    "questionnaire_url",
]

# --------------------------------------------------------------------------- systems

CANONICAL_BASE: Final = "http://gracehealth.org/fhir/grace-support"
"""The stable base of every canonical URL this library defines (need not resolve)."""

QUESTIONNAIRE_BASE: Final = f"{CANONICAL_BASE}/Questionnaire"
"""Our questionnaires are ``{QUESTIONNAIRE_BASE}/{id}`` (the id with ``-`` for ``_``)."""

INSTRUMENT: Final = f"{CANONICAL_BASE}/CodeSystem/instrument"
"""Our code for each instrument (its registry id)."""
ITEM: Final = f"{CANONICAL_BASE}/CodeSystem/instrument-item"
"""Our code for each item: ``{instrument}.{item id}``."""
SCORE: Final = f"{CANONICAL_BASE}/CodeSystem/instrument-score"
"""Our code for each score: ``{instrument}`` (the total) or ``{instrument}.{subscale}``."""
BAND: Final = f"{CANONICAL_BASE}/CodeSystem/instrument-band"
"""Our code for each published band: ``{instrument}.{band}``."""
MEASURE: Final = f"{CANONICAL_BASE}/CodeSystem/measure"
"""Our code for each network measure: the field of ``Measures`` (``a.b`` when nested)."""
FINDING: Final = f"{CANONICAL_BASE}/CodeSystem/finding"
"""Our code for each kind of finding (``FindingCode``)."""
SEVERITY: Final = f"{CANONICAL_BASE}/CodeSystem/finding-severity"
"""How much a finding asks for attention (``Severity``)."""
ACTION: Final = f"{CANONICAL_BASE}/CodeSystem/action"
"""The article's advice (``ActionId``)."""
SUPPORT_TYPE: Final = f"{CANONICAL_BASE}/CodeSystem/support-type"
"""The four kinds of support (``SupportType``)."""
ROLE: Final = f"{CANONICAL_BASE}/CodeSystem/role"
"""Who a person is to the person at the centre (``Role``)."""
COMPONENT: Final = f"{CANONICAL_BASE}/CodeSystem/observation-component"
"""The parts of a finding observation (support type, advice, people)."""

LOINC: Final = "http://loinc.org"
SDOHCC: Final = (
    "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
)
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON: Final = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
V3_ROLE_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
UCUM: Final = "http://unitsofmeasure.org"

_SYSTEM_NAMES = {
    LOINC: "LOINC",
    SDOHCC: "SDOH Clinical Care temporary codes",
    OBSERVATION_CATEGORY: "FHIR observation category",
    DATA_ABSENT_REASON: "FHIR data absent reason",
    V3_ROLE_CODE: "HL7 v3 RoleCode",
    UCUM: "UCUM",
}

_SRC_LOINC = "LOINC (loinc.org, versions 2.77-2.80)"
_SRC_SDOHCC = "HL7 SDOH Clinical Care IG 3.0.0 (STU 3, FHIR 4.0.1)"
_SRC_THO = "HL7 Terminology (THO)"
_SRC_UCUM = "UCUM"
_SRC_OURS = "grace-support"


@dataclass(frozen=True, slots=True)
class Code:
    """One code: its system, the code, the display we emit, and where it comes from.

    Examples:
        >>> lookup(SDOHCC, "social-connection").coding()["display"]
        'Social Connection'
    """

    system: str
    code: str
    display: str
    source: str

    def coding(self) -> dict[str, str]:
        """The code as a FHIR ``Coding`` (JSON)."""
        return {"system": self.system, "code": self.code, "display": self.display}


_EXTERNAL: tuple[Code, ...] = (
    Code(
        LOINC,
        "106418-7",
        "Three-Item Loneliness scale [Three-Item Loneliness Scale]",
        _SRC_LOINC,
    ),
    Code(
        LOINC,
        "91642-9",
        "Medical Outcomes Study Social Support Survey panel [MOS Social Support Survey]",
        _SRC_LOINC,
    ),
    Code(LOINC, "91663-5", "Social support index [MOS Social Support Survey]", _SRC_LOINC),
    Code(SDOHCC, "social-connection", "Social Connection", _SRC_SDOHCC),
    Code(OBSERVATION_CATEGORY, "survey", "Survey", _SRC_THO),
    Code(DATA_ABSENT_REASON, "not-applicable", "Not Applicable", _SRC_THO),
    Code(V3_ROLE_CODE, "SIGOTHR", "significant other", _SRC_THO),
    Code(V3_ROLE_CODE, "PRN", "parent", _SRC_THO),
    Code(V3_ROLE_CODE, "CHILD", "child", _SRC_THO),
    Code(V3_ROLE_CODE, "SIB", "sibling", _SRC_THO),
    Code(V3_ROLE_CODE, "FAMMEMB", "family member", _SRC_THO),
    Code(V3_ROLE_CODE, "FRND", "unrelated friend", _SRC_THO),
    Code(V3_ROLE_CODE, "NBOR", "neighbor", _SRC_THO),
    Code(UCUM, "{count}", "count", _SRC_UCUM),
    Code(UCUM, "1", "proportion", _SRC_UCUM),
    Code(UCUM, "{score}", "score", _SRC_UCUM),
)

LOINC_PANELS: Final[dict[str, str]] = {"ucla3": "106418-7", "mos_sss": "91642-9"}
"""The LOINC panel code of each instrument LOINC has a panel for."""

LOINC_SCORES: Final[dict[tuple[str, str], str]] = {("mos_sss", "total"): "91663-5"}
"""The LOINC code of a score, by (instrument, ``total`` or subscale).

Only the MOS-SSS overall index: LOINC 91663-5 is the mean of all 19 items and may
be given on the 0-100 scale, exactly our total. LOINC's subscale scores are item
means on 1-5, while ours are on 0-100 (RAND), so they are not emitted.
"""

LOINC_ITEM_ALIASES: Final[dict[str, str]] = {
    # MOS Social Support Survey panel 91642-9, as listed on loinc.org (LOINC 2.77)
    "91634-6": "listens_when_you_talk",
    "91655-1": "information_to_understand",
    "91635-3": "advice_in_crisis",
    "91637-9": "confide_in",
    "91638-7": "advice_you_want",
    "91640-3": "share_private_worries",
    "91660-1": "suggestions_for_problem",
    "91662-7": "understands_your_problems",
    "91652-8": "help_if_confined_to_bed",
    "91653-6": "takes_you_to_doctor",
    # Three-Item Loneliness Scale panel 106418-7 (loinc.org, LOINC 2.80)
    "66867-3": "feel_isolated",
}
"""LOINC item codes accepted as ``linkId``s, and the item id each one means.

Read only, never emitted (their displays are the licensed item wording). Items
whose LOINC code we could not confirm are not listed; pass ``link_ids`` to
[`score_response`][grace_support.fhir.score_response] for those.
"""

_LOINC_GROUPS: Final = frozenset({"91643-7", "91644-5"})
"""LOINC codes of panel sections (groups) that carry no answer of their own."""

BANDS: Final[dict[str, tuple[str, ...]]] = {
    "lsns6": ("at_risk_of_isolation", "not_at_risk"),
    "mspss": ("low", "moderate", "high"),
    "osss3": ("poor", "moderate", "strong"),
}
"""Every band each instrument can report (instruments with no band are absent)."""

ROLE_CODES: Final[dict[Role, str]] = {
    Role.PARTNER: "SIGOTHR",
    Role.PARENT: "PRN",
    Role.CHILD: "CHILD",
    Role.SIBLING: "SIB",
    Role.RELATIVE: "FAMMEMB",
    Role.FRIEND: "FRND",
    Role.NEIGHBOR: "NBOR",
}
"""The v3 RoleCode of each role that has one.

RoleCode has no personal-relationship code for a peer, a coworker, a classmate or
someone from a faith community or the wider community: those carry only our role
code. Professionals are not exported as ``RelatedPerson`` at all.
"""

_COMPONENTS = (
    ("support-type", "The kind of support it is about"),
    ("action", "Advice that fits"),
    ("people", "Number of people it is about"),
    ("item", "An item or value of the measure"),
)

_FINDING_DISPLAYS = {
    FindingCode.MISSING_SUPPORT: "A kind of support with no active provider",
    FindingCode.SINGLE_PROVIDER: "A kind of support with exactly one active provider",
    FindingCode.OVER_RELIANCE: "One person gives most of the support",
    FindingCode.STRAINED_TIE: "A relationship with high strain",
    FindingCode.DORMANT_TIE: "A close relationship out of touch",
    FindingCode.NO_PROFESSIONAL_CARE: "No active professional in the network",
    FindingCode.NO_PERSONAL_SUPPORT: "Every active person is a professional",
    FindingCode.SMALL_NETWORK: "Fewer active people than the set minimum",
}


def _words(name: str) -> str:
    text = re.sub(r"[_\-]+", " ", name).strip()
    return text[:1].upper() + text[1:]


def questionnaire_id(instrument_id: str) -> str:
    """The FHIR resource id of an instrument's questionnaire (FHIR ids allow no ``_``).

    Examples:
        >>> questionnaire_id("mos_sss")
        'mos-sss'
    """
    return instrument_id.replace("_", "-")


def questionnaire_url(instrument_id: str) -> str:
    """The canonical URL of an instrument's questionnaire.

    Examples:
        >>> questionnaire_url("lsns6")
        'http://gracehealth.org/fhir/grace-support/Questionnaire/lsns6'
    """
    return f"{QUESTIONNAIRE_BASE}/{questionnaire_id(instrument_id)}"


def _short_name(instrument_id: str) -> str:
    name = INSTRUMENTS[instrument_id].name
    match = re.search(r"\(([^)]+)\)", name)
    return match.group(1) if match else name


def _instrument_codes() -> list[Code]:
    codes: list[Code] = []
    for iid, instrument in INSTRUMENTS.items():
        short = _short_name(iid)
        codes.append(Code(INSTRUMENT, iid, instrument.name, _SRC_OURS))
        codes.extend(
            Code(ITEM, f"{iid}.{item.id}", item.label, _SRC_OURS) for item in instrument.items
        )
        codes.append(Code(SCORE, iid, f"{short} total score", _SRC_OURS))
        # the subscales a score reports, from scoring the lowest answers
        sample = instrument.score([item.codes[0] for item in instrument.items])
        codes.extend(
            Code(SCORE, f"{iid}.{sub}", f"{short} {_words(sub).lower()} score", _SRC_OURS)
            for sub in sample.subscales
        )
        codes.extend(
            Code(BAND, f"{iid}.{band}", _words(band), _SRC_OURS) for band in BANDS.get(iid, ())
        )
    return codes


def _field_doc(model: type[BaseModel], name: str) -> str:
    from grace_support._schema_docs import attribute_docstrings, plain_text  # noqa: PLC0415

    doc = attribute_docstrings(model).get(name)
    if not doc:
        return _words(name)
    first = plain_text(doc).split("\n\n", 1)[0].replace("\n", " ").strip()
    return first.rstrip(".")


def measure_codes(model: type[BaseModel] = Measures, prefix: str = "") -> list[Code]:
    """One code per field of the measures model, and per field of a nested model.

    Generated from the model, so a new measure gets its code automatically.

    Examples:
        >>> [c.code for c in measure_codes()][:2]
        ['size', 'active_size']
    """
    from pydantic import BaseModel as PydanticModel  # noqa: PLC0415

    codes: list[Code] = []
    for name, field in model.model_fields.items():
        code = f"{prefix}{name}"
        codes.append(Code(MEASURE, code, _field_doc(model, name), _SRC_OURS))
        nested = _nested_model(field.annotation, PydanticModel)
        if nested is not None:
            codes.extend(measure_codes(nested, prefix=f"{code}."))
    return codes


def _nested_model(annotation: Any, base: type) -> type[BaseModel] | None:
    from typing import get_args  # noqa: PLC0415

    candidates = [annotation, *get_args(annotation)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, base):
            return cast("type[BaseModel]", candidate)
    return None


def _vocabulary_codes() -> list[Code]:
    codes = [
        Code(FINDING, f.value, _FINDING_DISPLAYS.get(f, _words(f.value)), _SRC_OURS)
        for f in FindingCode
    ]
    codes += [Code(SEVERITY, s.value, _words(s.value), _SRC_OURS) for s in Severity]
    codes += [Code(ACTION, a.value, a.advice, _SRC_OURS) for a in ActionId]
    codes += [
        Code(SUPPORT_TYPE, t.value, f"{_words(t.value)} support: {t.description}", _SRC_OURS)
        for t in SupportType
    ]
    codes += [Code(ROLE, r.value, _words(r.value), _SRC_OURS) for r in Role]
    codes += [Code(COMPONENT, code, display, _SRC_OURS) for code, display in _COMPONENTS]
    return codes


@cache
def code_table() -> tuple[Code, ...]:
    """Every code the FHIR bridge can emit, sorted by system and code.

    Examples:
        >>> any(c.code == "91663-5" for c in code_table())
        True
    """
    codes = [*_EXTERNAL, *_instrument_codes(), *measure_codes(), *_vocabulary_codes()]
    seen: set[tuple[str, str]] = set()
    for c in codes:
        if (c.system, c.code) in seen:  # pragma: no cover (a table bug)
            raise AssertionError(f"code listed twice: {c.system}|{c.code}")
        seen.add((c.system, c.code))
    return tuple(sorted(codes, key=lambda c: (c.system, c.code)))


@cache
def _index() -> dict[tuple[str, str], Code]:
    return {(c.system, c.code): c for c in code_table()}


def lookup(system: str, code: str) -> Code:
    """The table's entry for a code.

    Raises:
        KeyError: The code is not in the table (so it is never emitted).
    """
    return _index()[(system, code)]


def coding(system: str, code: str) -> dict[str, str]:
    """A FHIR ``Coding`` (JSON) for a code in the table.

    Examples:
        >>> coding(V3_ROLE_CODE, "FRND")["display"]
        'unrelated friend'
    """
    return lookup(system, code).coding()


def _system_label(system: str) -> str:
    if system.startswith(CANONICAL_BASE):
        return f"grace-support `{system.rsplit('/', 1)[1]}`"
    return _SYSTEM_NAMES.get(system, system)


def markdown_table(*, ours: bool = True) -> str:
    """The code table in Markdown (system, code, display, source) for the docs.

    Args:
        ours: Include this library's own code systems (else only external codes).
    """
    rows = ["| system | code | display | source |", "|---|---|---|---|"]
    for c in code_table():
        if not ours and c.system.startswith(CANONICAL_BASE):
            continue
        display = c.display.replace("|", "\\|")
        rows.append(f"| {_system_label(c.system)} | `{c.code}` | {display} | {c.source} |")
    return "\n".join(rows)
