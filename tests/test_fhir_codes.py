"""The FHIR code table: every emitted code is in it, LOINC with its published display."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grace_support import assess
from grace_support.assessment import Measures
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.fhir import (
    assessment_bundle,
    network_observations,
    observations,
    questionnaire,
    questionnaire_response,
)
from grace_support.fhir import codes as c
from grace_support.instruments import INSTRUMENTS, get, score
from grace_support.network import SupportNetwork
from grace_support.vocabulary import Role, RoleCategory

if TYPE_CHECKING:
    from collections.abc import Iterator

# Long common names as published on loinc.org (checked for LOINC 2.77-2.80).
PUBLISHED_LOINC = {
    "106418-7": "Three-Item Loneliness scale [Three-Item Loneliness Scale]",
    "91642-9": "Medical Outcomes Study Social Support Survey panel [MOS Social Support Survey]",
    "91663-5": "Social support index [MOS Social Support Survey]",
    # NHANES panel: loinc.org/76506-5 and the SDOH CC IG 3.0.0 NHANES examples
    "76506-5": "Social connection and isolation panel",
    "63503-7": "Marital status [NHANES]",
    "76508-1": "In a typical week, how many times do you talk on the telephone with family, "
    "friends, or neighbors [NHANES III]",
    "76511-5": "Do you belong to any clubs or organizations such as church groups unions, "
    "fraternal or athletic groups, or school groups [NHANES III]",
    "76512-3": "Social isolation score [NHANES]",
    # CMS item: HL7 US Core example AHC-HRSN-item-example-93159-2
    "93159-2": "How often do you feel lonely or isolated from those around you [CMS Assessment]",
    # PhenX social networks protocol: loinc.org/63032-7 panel hierarchy
    "63032-7": "PhenX - social networks protocol 211101",
    "67745-0": "From which name generator was this person mentioned?",
    "67286-5": "If yes, what is his/her relationship to you?",
    "67653-6": "How close are you to this person?",
    "67654-4": "How often do you see or talk to the person?",
    # LOINC answers (HL7 US Core, HL7 SDC and SDOH CC IG pages)
    "LA6270-8": "Never",
    "LA10066-1": "Rarely",
    "LA10082-8": "Sometimes",
    "LA10044-8": "Often",
    "LA9933-8": "Always",
    "LA33-6": "Yes",
    "LA32-8": "No",
}

ROOT = Path(__file__).resolve().parents[1]


def codings(node: Any) -> Iterator[dict[str, Any]]:
    """Every Coding (a dict with a system and a code) at any depth of a JSON tree."""
    if isinstance(node, dict):
        if "system" in node and "code" in node and "value" not in node:
            yield node
        for value in node.values():
            yield from codings(value)
    elif isinstance(node, list):
        for value in node:
            yield from codings(value)


def everything_emitted() -> list[dict[str, Any]]:
    """The JSON of one of every kind of resource the module produces."""
    out: list[dict[str, Any]] = []
    for iid, instrument in INSTRUMENTS.items():
        answers = [item.codes[-1] for item in instrument.items]
        out.append(json.loads(questionnaire(iid).model_dump_json()))
        out.append(json.loads(questionnaire_response(iid, answers).model_dump_json()))
        out.extend(json.loads(o.model_dump_json()) for o in observations(score(iid, answers)))
    network = example_network()
    bundle = assessment_bundle(assess(network, as_of=EXAMPLE_AS_OF), network)
    out.append(json.loads(bundle.model_dump_json()))
    recorded = SupportNetwork.model_validate(
        {**network.to_document(), "generator": "important matters", "max_names": 10}
    )
    coded = network_observations(recorded, subject="Patient/1", names=True, attributes=True)
    out.append(json.loads(coded.model_dump_json()))
    return out


def test_every_loinc_code_emitted_is_in_the_table_with_its_published_display() -> None:
    emitted = {
        (x["code"], x.get("display"))
        for resource in everything_emitted()
        for x in codings(resource)
        if x["system"] == c.LOINC
    }
    assert {code for code, _ in emitted} == set(PUBLISHED_LOINC)
    for code, display in emitted:
        assert display == PUBLISHED_LOINC[code]
        assert c.lookup(c.LOINC, code).display == display
    table = {x.code: x.display for x in c.code_table() if x.system == c.LOINC}
    assert table == PUBLISHED_LOINC


def test_every_coding_emitted_is_in_the_table() -> None:
    for resource in everything_emitted():
        for x in codings(resource):
            if x["system"] == c.UCUM:  # a Quantity: unit and code
                assert c.lookup(c.UCUM, x["code"])
                continue
            assert c.lookup(x["system"], x["code"]).display == x["display"]


def test_loinc_item_aliases_are_read_only_and_name_real_items() -> None:
    items = {i.id for instrument in INSTRUMENTS.values() for i in instrument.items}
    assert set(c.LOINC_ITEM_ALIASES.values()) <= items
    emitted = {x["code"] for r in everything_emitted() for x in codings(r)}
    assert not emitted & set(c.LOINC_ITEM_ALIASES)


def test_sdoh_and_role_codes() -> None:
    assert c.coding(c.SDOHCC, "social-connection") == {
        "system": "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/"
        "SDOHCC-CodeSystemTemporaryCodes",
        "code": "social-connection",
        "display": "Social Connection",
    }
    assert {c.lookup(c.V3_ROLE_CODE, v).display for v in c.ROLE_CODES.values()} == {
        "significant other",
        "parent",
        "child",
        "sibling",
        "family member",
        "unrelated friend",
        "neighbor",
    }
    assert not any(r.category is RoleCategory.PROFESSIONAL for r in c.ROLE_CODES)
    assert all(c.lookup(c.ROLE, r.value) for r in Role)


def test_every_measure_field_has_a_code() -> None:
    codes = {x.code for x in c.code_table() if x.system == c.MEASURE}
    assert set(Measures.model_fields) <= codes
    assert "support_counts.peer" in codes
    assert "role_counts.professional" in codes


def test_every_score_of_every_instrument_has_a_code() -> None:
    for iid, instrument in INSTRUMENTS.items():
        result = score(iid, [i.codes[0] for i in instrument.items])
        assert c.lookup(c.SCORE, iid)
        for name in result.subscales:
            assert c.lookup(c.SCORE, f"{iid}.{name}")


@given(data=st.data(), instrument=st.sampled_from(sorted(INSTRUMENTS)))
def test_every_band_an_instrument_reports_is_in_the_table(
    data: st.DataObject, instrument: str
) -> None:
    answers = [data.draw(st.sampled_from(i.codes)) for i in get(instrument).items]
    band = score(instrument, answers).band
    if band is None:
        assert instrument not in c.BANDS
    else:
        assert band in c.BANDS[instrument]
        assert c.lookup(c.BAND, f"{instrument}.{band}")


def test_unknown_codes_are_never_emitted() -> None:
    with pytest.raises(KeyError):
        c.coding(c.LOINC, "00000-0")


def test_the_docs_table_is_generated_from_the_code_table() -> None:
    import importlib
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))  # the mkdocs hooks live outside docs/
    try:
        hooks = importlib.import_module("mkdocs_hooks")
    finally:
        sys.path.pop(0)
    page = (ROOT / "docs" / "fhir.md").read_text(encoding="utf-8")
    assert "{{ fhir_codes }}" in page
    rendered = hooks.on_page_markdown(page)
    for x in c.code_table():
        assert f"`{x.code}`" in rendered
    for code, display in PUBLISHED_LOINC.items():
        assert f"| `{code}` | {display} |" in rendered
    assert '"resourceType": "Bundle"' in rendered
