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

**LOINC item codes: written for public-domain instruments, only read for licensed
ones.** For a licensed instrument (MOS-SSS, UCLA-3) LOINC's item displays are the
licensed wording, which this library does not ship: the item codes we confirmed
are accepted as ``linkId``s by [`score_response`][grace_support.fhir.score_response]
(see [`LOINC_ITEM_ALIASES`][grace_support.fhir.codes.LOINC_ITEM_ALIASES]) but never
written. Where LOINC publishes item codes for a public-domain instrument (the
NHANES panel, the CMS loneliness item, the PhenX social networks protocol), they
are written ([`LOINC_ITEM_CODES`][grace_support.fhir.codes.LOINC_ITEM_CODES]),
with LOINC's answer codes where we confirmed the whole answer list
([`LOINC_ANSWERS`][grace_support.fhir.codes.LOINC_ANSWERS]).

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
from grace_support.vocabulary import ActionId, Closeness, Contact, Role, Strain, SupportType

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "ACTION",
    "BAND",
    "BANDS",
    "CANONICAL_BASE",
    "CLOSENESS",
    "COMPONENT",
    "CONTACT",
    "DATA_ABSENT_REASON",
    "FINDING",
    "INSTRUMENT",
    "ITEM",
    "LOINC",
    "LOINC_ANSWERS",
    "LOINC_ITEM_ALIASES",
    "LOINC_ITEM_CODES",
    "LOINC_PANELS",
    "LOINC_SCORES",
    "MEASURE",
    "NETWORK",
    "OBSERVATION_CATEGORY",
    "PERSON_ID",
    "QUESTIONNAIRE_BASE",
    "ROLE",
    "ROLE_CODES",
    "SCORE",
    "SCREENING_RESPONSE",
    "SDOHCC",
    "SEVERITY",
    "STRAIN",
    "SUPPORT_TYPE",
    "UCUM",
    "US_CORE_CATEGORY",
    "V3_ROLE_CODE",
    "Code",
    "code_table",
    "coding",
    "loinc_answer_codes",
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
CLOSENESS: Final = f"{CANONICAL_BASE}/CodeSystem/closeness"
"""Which circle of closeness a person is in (``Closeness``)."""
CONTACT: Final = f"{CANONICAL_BASE}/CodeSystem/contact"
"""How often two people are usually in touch (``Contact``)."""
STRAIN: Final = f"{CANONICAL_BASE}/CodeSystem/strain"
"""How draining a relationship feels (``Strain``)."""
NETWORK: Final = f"{CANONICAL_BASE}/CodeSystem/network"
"""What the network observations record beyond LOINC's PhenX items (supports, ties, ...)."""
PERSON_ID: Final = f"{CANONICAL_BASE}/NamingSystem/network-person-id"
"""The identifier system of a person's id in the network document (pseudonymous)."""
SCREENING_RESPONSE: Final = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ObservationScreeningResponse"
"""The SDOH Clinical Care profile for answers and scores from a screening instrument."""

LOINC: Final = "http://loinc.org"
SDOHCC: Final = (
    "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
)
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON: Final = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
V3_ROLE_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
UCUM: Final = "http://unitsofmeasure.org"
US_CORE_CATEGORY: Final = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"

_SYSTEM_NAMES = {
    LOINC: "LOINC",
    SDOHCC: "SDOH Clinical Care temporary codes",
    OBSERVATION_CATEGORY: "FHIR observation category",
    DATA_ABSENT_REASON: "FHIR data absent reason",
    V3_ROLE_CODE: "HL7 v3 RoleCode",
    UCUM: "UCUM",
    US_CORE_CATEGORY: "US Core category",
}

_SRC_LOINC = "LOINC (loinc.org, versions 2.77-2.80)"
_SRC_SDOHCC = "HL7 SDOH Clinical Care IG 3.0.0 (STU 3, FHIR 4.0.1)"
_SRC_THO = "HL7 Terminology (THO)"
_SRC_UCUM = "UCUM"
_SRC_NHANES = "loinc.org/76506-5 (panel hierarchy); HL7 SDOH CC IG 3.0.0 NHANES examples"
_SRC_CMS = "HL7 US Core example Observation AHC-HRSN-item-example-93159-2"
_SRC_PHENX = "loinc.org/63032-7 (panel hierarchy)"
_SRC_SDOH_OSR = "HL7 SDOH CC IG 3.0.0 source, SDOHCC-ObservationScreeningResponse (SDOH-Obs-4)"
_SRC_FREQ = (
    "LOINC answers: LA6270-8 in HL7 US Core's 93159-2 example; the five-answer list of "
    "93159-2 in HL7-published IG value sets and an HRSN validation list (public repository)"
)
_SRC_YES_NO = (
    "HL7 SDC IG STU3 ValueSet LL2828-3 (LOINC answers); SDOH CC IG NHANES question 5 example"
)
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
    Code(LOINC, "76506-5", "Social connection and isolation panel", _SRC_NHANES),
    Code(LOINC, "63503-7", "Marital status [NHANES]", _SRC_NHANES),
    Code(
        LOINC,
        "76508-1",
        "In a typical week, how many times do you talk on the telephone with family, friends, "
        "or neighbors [NHANES III]",
        _SRC_NHANES,
    ),
    Code(
        LOINC,
        "76511-5",
        "Do you belong to any clubs or organizations such as church groups unions, fraternal "
        "or athletic groups, or school groups [NHANES III]",
        _SRC_NHANES,
    ),
    Code(LOINC, "76512-3", "Social isolation score [NHANES]", _SRC_NHANES),
    Code(
        LOINC,
        "93159-2",
        "How often do you feel lonely or isolated from those around you [CMS Assessment]",
        _SRC_CMS,
    ),
    Code(LOINC, "63032-7", "PhenX - social networks protocol 211101", _SRC_PHENX),
    Code(LOINC, "67745-0", "From which name generator was this person mentioned?", _SRC_PHENX),
    Code(LOINC, "67286-5", "If yes, what is his/her relationship to you?", _SRC_PHENX),
    Code(LOINC, "67653-6", "How close are you to this person?", _SRC_PHENX),
    Code(LOINC, "67654-4", "How often do you see or talk to the person?", _SRC_PHENX),
    Code(LOINC, "LA6270-8", "Never", _SRC_FREQ),
    Code(LOINC, "LA10066-1", "Rarely", _SRC_FREQ),
    Code(LOINC, "LA10082-8", "Sometimes", _SRC_FREQ),
    Code(LOINC, "LA10044-8", "Often", _SRC_FREQ),
    Code(LOINC, "LA9933-8", "Always", _SRC_FREQ),
    Code(LOINC, "LA33-6", "Yes", _SRC_YES_NO),
    Code(LOINC, "LA32-8", "No", _SRC_YES_NO),
    Code(US_CORE_CATEGORY, "sdoh", "SDOH", _SRC_SDOH_OSR),
    Code(SDOHCC, "social-connection", "Social Connection", _SRC_SDOHCC),
    Code(OBSERVATION_CATEGORY, "survey", "Survey", _SRC_THO),
    Code(DATA_ABSENT_REASON, "not-applicable", "Not Applicable", _SRC_THO),
    Code(DATA_ABSENT_REASON, "unknown", "Unknown", _SRC_THO),
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

LOINC_PANELS: Final[dict[str, str]] = {
    "ucla3": "106418-7",
    "mos_sss": "91642-9",
    "nhanes_sci": "76506-5",
    "cms_loneliness": "93159-2",
}
"""The LOINC panel code of each instrument LOINC has a panel for.

The CMS loneliness item has no panel: its questionnaire is coded with the item
itself (93159-2).
"""

LOINC_SCORES: Final[dict[tuple[str, str], str]] = {
    ("mos_sss", "total"): "91663-5",
    ("nhanes_sci", "total"): "76512-3",
    ("cms_loneliness", "total"): "93159-2",
}
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

LOINC_ITEM_CODES: Final[dict[tuple[str, str], str]] = {
    ("nhanes_sci", "marital_status"): "63503-7",
    ("nhanes_sci", "phone_per_week"): "76508-1",
    ("nhanes_sci", "club_member"): "76511-5",
    ("cms_loneliness", "lonely_or_isolated"): "93159-2",
}
"""LOINC item codes that are written, by (instrument, item): public-domain instruments only.

The NHANES get-together and religious attendance items (LOINC 76509-9, 76510-7)
are rates per week and per year in LOINC, while ours are a number and a period, so
those codes are not written.
"""

LOINC_ANSWERS: Final[dict[tuple[str, str], dict[int, str]]] = {
    ("nhanes_sci", "club_member"): {1: "LA33-6", 2: "LA32-8"},
    ("cms_loneliness", "lonely_or_isolated"): {
        0: "LA6270-8",
        1: "LA10066-1",
        2: "LA10082-8",
        3: "LA10044-8",
        4: "LA9933-8",
    },
}
"""LOINC's answer code for each response code, for items whose whole answer list we confirmed.

These items are ``choice`` items with LOINC ``valueCoding`` answers that carry the
response code as an ``ordinalValue``. The NHANES marital status answer list
(LL1068-7) could not be confirmed answer by answer, so it stays an integer choice.
"""

_LOINC_ANSWERS_READ: Final[dict[tuple[str, str], dict[str, int]]] = {
    # only "Married" of LL1068-7 is confirmed (SDOH CC IG's NHANES question 1 example)
    ("nhanes_sci", "marital_status"): {"LA48-4": 1},
}


def loinc_answer_codes(instrument_id: str, item_id: str) -> dict[str, int]:
    """LOINC answer code -> response code, for reading another app's answers to an item.

    Every answer of [`LOINC_ANSWERS`][grace_support.fhir.codes.LOINC_ANSWERS], plus
    single answers we confirmed where the rest of LOINC's list is not (NHANES
    "Married", LA48-4).

    Examples:
        >>> loinc_answer_codes("nhanes_sci", "club_member")
        {'LA33-6': 1, 'LA32-8': 2}

    Version added:
        0.2.0
    """
    written = {la: code for code, la in LOINC_ANSWERS.get((instrument_id, item_id), {}).items()}
    return {**_LOINC_ANSWERS_READ.get((instrument_id, item_id), {}), **written}


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
    codes += [Code(CLOSENESS, x.value, f"{_words(x.value)} circle", _SRC_OURS) for x in Closeness]
    codes += [Code(CONTACT, x.value, _words(x.value), _SRC_OURS) for x in Contact]
    codes += [Code(STRAIN, x.value, f"{_words(x.value)} strain", _SRC_OURS) for x in Strain]
    codes += [Code(NETWORK, code, display, _SRC_OURS) for code, display in _network_codes()]
    return codes


def _network_codes() -> list[tuple[str, str]]:
    codes = [
        ("network", "A person's support network, as recorded"),
        ("person", "One person the ego named, and the relationship"),
        ("tie", "Two people the ego named who know each other"),
        ("ego-id", "The id of the person at the centre, in the network document"),
        ("ego-name", "The name of the person at the centre (only when asked)"),
        ("generator", "The name generator used (a short label)"),
        ("max-names", "The cap on names the instrument had"),
        ("ties-asked", "Whether ties among the people were asked about (count or yes/no)"),
        ("supports", "How many kinds of support the person gives the ego"),
        ("gives", "How many kinds of support the ego gives the person"),
        ("strain", "How draining the relationship feels"),
        ("last-contact", "The day they were last in touch"),
        ("person-attribute", "A study variable about the person"),
        ("relationship-attribute", "A study variable about the relationship"),
        ("ego-attribute", "A study variable about the person at the centre"),
        ("tie-attribute", "A study variable about the tie"),
    ]
    for t in SupportType:
        codes += [
            (f"needs.{t.value}", f"Wants {t.value} support"),
            (f"support-asked.{t.value}", f"Asked who gives {t.value} support"),
            (f"gives-asked.{t.value}", f"Asked whom the ego gives {t.value} support"),
            (f"supports.{t.value}", f"The person gives the ego {t.value} support"),
            (f"gives.{t.value}", f"The ego gives the person {t.value} support"),
        ]
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
