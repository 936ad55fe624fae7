"""Measures and findings rest on what was recorded, for the people in touch (issue 19).

Every expected value here is derived by hand from the definitions in
docs/in-touch.md and the measures' docstrings (no published source gives them).
"""

from __future__ import annotations

from typing import Any

import pytest

from grace_support import (
    FindingCode,
    Relationship,
    Settings,
    SupportNetwork,
    SupportType,
    assess,
    network_from_data,
)
from grace_support import measures as m
from grace_support.assessment import NotRecorded, NotRecordedField, compute_measures
from grace_support.report._facts import not_recorded_words

DAY = "2026-11-25"
E, P, INF, PEER = (SupportType.EMOTIONAL, SupportType.PRACTICAL, SupportType.INFORMATIONAL,
                 SupportType.PEER)  # fmt: skip


def build(*relationships: Relationship, **recorded: Any) -> SupportNetwork:
    return SupportNetwork.build("ego", [(r.person, r) for r in relationships], **recorded)


def r(person: str, **fields: Any) -> Relationship:
    base: dict[str, Any] = {"role": "friend", "closeness": "middle", "contact": "weekly"}
    return Relationship.model_validate({"person": person, **base, **fields})


def codes(network: SupportNetwork, **kwargs: Any) -> list[tuple[str, str | None]]:
    return [
        (f.code.value, None if f.support_type is None else f.support_type.value)
        for f in assess(network, as_of=DAY, **kwargs).findings
    ]


# -- in touch -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "in_touch"),
    [
        pytest.param({}, True, id="nothing-recorded"),
        pytest.param({"contact": "rarely"}, True, id="rarely-is-in-touch"),
        pytest.param({"contact": "lost_touch"}, False, id="lost-touch"),
        pytest.param({"last_contact": "2026-08-27"}, True, id="exactly-90-days"),
        pytest.param({"last_contact": "2026-08-26"}, False, id="91-days"),
        pytest.param({"contact": "daily", "last_contact": "2026-01-01"}, False, id="stale-daily"),
    ],
)
def test_active_size_counts_exactly_the_people_in_touch(
    fields: dict[str, Any], in_touch: bool
) -> None:
    network = build(Relationship(person="a", **fields), r("b"))
    assert m.active_size(network, as_of=DAY) == 1 + in_touch
    assert compute_measures(network, as_of=DAY).active_size == 1 + in_touch


def test_settings_move_the_line_of_in_touch() -> None:
    network = build(r("a", last_contact="2026-10-26"), r("b"))  # 30 days before DAY
    assert m.active_size(network, as_of=DAY) == 2
    assert m.active_size(network, as_of=DAY, settings=Settings(dormant_after_days=29)) == 1
    loose = assess(network, as_of=DAY, settings={"dormant_after_days": 29})
    assert loose.measures.active_size == 1


def test_the_default_day_is_collected_on() -> None:
    network = build(r("a", last_contact="2026-01-01"), collected_on="2026-02-01")
    assert m.active_size(network) == 1  # judged on collected_on, not today
    assert compute_measures(network).active_size == 1


def test_regular_contact_needs_in_touch_and_a_recorded_contact() -> None:
    network = build(
        r("a", contact="weekly", last_contact="2026-01-01"),  # weekly on paper, not in touch
        r("b", contact="biweekly"),
        r("c", contact="rarely"),
        Relationship(person="d"),  # contact not recorded
    )
    ms = compute_measures(network, as_of=DAY)
    assert (ms.active_size, ms.regular_contact_size, ms.contact_unknown_count) == (3, 1, 1)
    nobody_known = build(Relationship(person="a"), Relationship(person="b"))
    assert m.regular_contact_size(nobody_known, as_of=DAY) is None
    assert m.contact_unknown_count(nobody_known, as_of=DAY) == 2


# -- supports and gives ---------------------------------------------------------------


PERSNET_LIKE = build(
    r("a", supports=["emotional", "practical"]),
    r("b", supports=["informational"]),
    r("c", supports=[]),
    support_types_asked=["emotional", "practical", "informational"],
)
NO_SUPPORT_QUESTIONS = build(
    Relationship(person="a", supports=None, gives=None),
    Relationship(person="b", supports=None, gives=None),
    support_types_asked=[],
    gives_types_asked=[],
)
ONE_UNRECORDED = build(
    r("a", supports=["emotional"]),
    r("b", supports=None),
)
UNRECORDED_BUT_NOT_IN_TOUCH = build(
    r("a", supports=["emotional"]),
    r("b", supports=None, contact="lost_touch"),
)


@pytest.mark.parametrize(
    ("network", "counts", "covered", "unknown", "missing", "single"),
    [
        pytest.param(PERSNET_LIKE, (1, 1, 1, None), 3, 0, (), (E, P, INF), id="peer-not-asked"),
        pytest.param(
            NO_SUPPORT_QUESTIONS, (None, None, None, None), None, 2, (), (), id="nothing-asked"
        ),
        pytest.param(ONE_UNRECORDED, (1, 0, 0, 0), 1, 1, (), (), id="one-unrecorded"),
        pytest.param(
            UNRECORDED_BUT_NOT_IN_TOUCH, (1, 0, 0, 0), 1, 0, (P, INF, PEER), (E,), id="not-in-touch"
        ),
        pytest.param(
            build(Relationship(person="a", supports=None)),
            (None, None, None, None),
            None,
            1,
            (),
            (),
            id="no-one-recorded",
        ),
        pytest.param(build(), (0, 0, 0, 0), 0, 0, (E, P, INF, PEER), (), id="empty"),
    ],
)
def test_support_measures_count_recorded_people_and_asked_types(
    network: SupportNetwork,
    counts: tuple[int | None, ...],
    covered: int | None,
    unknown: int,
    missing: tuple[SupportType, ...],
    single: tuple[SupportType, ...],
) -> None:
    assert tuple(m.support_counts(network, as_of=DAY).values()) == counts
    assert m.support_types_covered(network, as_of=DAY) == covered
    assert m.support_unknown_count(network, as_of=DAY) == unknown
    assert m.missing_support_types(network, as_of=DAY) == missing
    assert m.single_provider_types(network, as_of=DAY) == single
    ms = compute_measures(network, as_of=DAY)
    assert tuple(ms.support_counts.model_dump().values()) == counts
    assert (ms.support_types_covered, ms.support_unknown_count) == (covered, unknown)
    assert (ms.missing_support_types, ms.single_provider_types) == (missing, single)


def test_no_missing_support_finding_for_a_kind_not_asked() -> None:
    assert ("missing-support", "peer") not in codes(PERSNET_LIKE)
    assert not [c for c in codes(NO_SUPPORT_QUESTIONS) if c[0] in ("missing-support",
                                                                   "single-provider")]  # fmt: skip
    assert not [c for c in codes(ONE_UNRECORDED) if c[0] == "missing-support"]
    # once everyone in touch is recorded, the gap is real
    assert ("missing-support", "peer") in codes(UNRECORDED_BUT_NOT_IN_TOUCH)


def test_evenness_over_the_kinds_asked() -> None:
    # n = (1, 1, 1) over 3 kinds asked: perfectly even
    assert m.support_evenness(PERSNET_LIKE, as_of=DAY) == pytest.approx(1.0)
    one_kind = build(r("a", supports=["emotional"]), support_types_asked=["emotional"])
    assert m.support_evenness(one_kind, as_of=DAY) is None  # one kind: evenness undefined


def test_loads_count_only_kinds_asked_and_recorded_people() -> None:
    network = build(
        r("a", supports=["emotional", "practical"]),
        r("b", supports=None),
        r("c", supports=["emotional"], contact="lost_touch"),
    )
    assert m.provider_loads(network, as_of=DAY) == {"a": 2}
    assert m.top_provider_share(network, as_of=DAY) == 1.0


@pytest.mark.parametrize(
    ("relationships", "recorded", "expected"),
    [
        # a: both ways; b: gives not recorded (left out); c: supports none -> one way
        pytest.param(
            (
                r("a", supports=["emotional"], gives=["practical"]),
                r("b", supports=["emotional"], gives=None),
                r("c", supports=[], gives=["emotional"]),
            ),
            {},
            (0.5, 1, (1, 1, 0, 0)),
            id="gives-unrecorded-left-out",
        ),
        pytest.param(
            (r("a", supports=["emotional"], gives=None),),
            {},
            (None, 1, (None, None, None, None)),
            id="nothing-recorded",
        ),
        pytest.param(
            (r("a", supports=["emotional"], gives=["emotional"]),),
            {"gives_types_asked": []},
            (None, 0, (None, None, None, None)),
            id="gives-not-asked",
        ),
    ],
)
def test_gives_and_reciprocity(
    relationships: tuple[Relationship, ...],
    recorded: dict[str, Any],
    expected: tuple[float | None, int, tuple[int | None, ...]],
) -> None:
    network = build(*relationships, **recorded)
    share, unknown, given = expected
    assert m.reciprocity(network, as_of=DAY) == share
    assert m.gives_unknown_count(network, as_of=DAY) == unknown
    assert tuple(m.support_given_counts(network, as_of=DAY).values()) == given
    ms = compute_measures(network, as_of=DAY)
    assert (ms.reciprocity, ms.gives_unknown_count) == (share, unknown)


# -- strain ---------------------------------------------------------------------------


def test_strain_findings_need_recorded_strain() -> None:
    network = build(r("a", strain=None), r("b", strain="high"), r("c", strain="none"))
    ms = compute_measures(network, as_of=DAY)
    assert (ms.strained_count, ms.strain_unknown_count) == (1, 1)
    assert [f.people for f in assess(network, as_of=DAY).findings
            if f.code is FindingCode.STRAINED_TIE] == [("b",)]  # fmt: skip
    unknown = build(r("a", strain=None))
    assert m.strained_count(unknown) is None
    assert FindingCode.STRAINED_TIE not in assess(unknown, as_of=DAY).finding_codes()


def test_a_version_3_document_leaves_absent_fields_unrecorded_and_v2_keeps_none() -> None:
    person = {"person": "a", "role": "friend", "contact": "weekly"}
    document = {"ego": {"id": "e"}, "people": [{"id": "a"}], "relationships": [person]}
    v3 = network_from_data({**document, "schema_version": 3})
    v2 = network_from_data({**document, "schema_version": 2})
    ms3, ms2 = compute_measures(v3, as_of=DAY), compute_measures(v2, as_of=DAY)
    assert (ms3.support_unknown_count, ms3.strained_count, ms3.support_types_covered) == (
        1,
        None,
        None,
    )
    assert (ms2.support_unknown_count, ms2.strained_count, ms2.support_types_covered) == (0, 0, 0)
    assert FindingCode.MISSING_SUPPORT not in assess(v3, as_of=DAY).finding_codes()
    assert FindingCode.MISSING_SUPPORT in assess(v2, as_of=DAY).finding_codes()


# -- findings that count people in touch ----------------------------------------------


def test_dormant_tie_is_exactly_not_in_touch_for_close_people() -> None:
    network = build(
        r("a", closeness="inner", last_contact="2026-08-27"),  # 90 days: in touch
        r("b", closeness="inner", last_contact="2026-08-26"),  # 91 days
        r("c", closeness="middle", contact="lost_touch"),
        r("d", closeness="outer", contact="lost_touch"),  # not close
        r("e", closeness="inner", contact="rarely"),  # rarely is in touch
    )
    found = [f.people for f in assess(network, as_of=DAY).findings
             if f.code is FindingCode.DORMANT_TIE]  # fmt: skip
    assert found == [("b",), ("c",)]


def test_small_network_and_no_professional_care_count_people_in_touch() -> None:
    network = build(
        r("t", role="therapist", last_contact="2026-01-01"),  # not in touch
        r("a"),
    )
    found = assess(network, as_of=DAY).finding_codes()
    assert FindingCode.NO_PROFESSIONAL_CARE in found
    assert FindingCode.SMALL_NETWORK in found


# -- not recorded ---------------------------------------------------------------------


def test_not_recorded_lists_what_was_not_asked_and_for_how_many() -> None:
    result = assess(NO_SUPPORT_QUESTIONS, as_of=DAY)
    assert result.not_recorded == (
        NotRecorded(field=NotRecordedField.SUPPORT_TYPES_ASKED, count=2, among="named",
                    support_types=(E, P, INF, PEER)),
        NotRecorded(field=NotRecordedField.GIVES_TYPES_ASKED, count=2, among="named",
                    support_types=(E, P, INF, PEER)),
        NotRecorded(field=NotRecordedField.ROLE, count=2, among="in_touch"),
        NotRecorded(field=NotRecordedField.CONTACT, count=2, among="in_touch"),
        NotRecorded(field=NotRecordedField.CLOSENESS, count=2, among="named"),
    )  # fmt: skip
    words = [not_recorded_words(entry) for entry in result.not_recorded]
    assert words[0] == "Kinds of support were not asked in this interview (2 people)."
    assert all("none" not in w.lower() for w in words)


def test_not_recorded_is_empty_when_everything_was() -> None:
    network = build(r("a", supports=["emotional"], gives=[]))
    assert assess(network, as_of=DAY).not_recorded == ()


def test_ties_not_asked_are_counted() -> None:
    network = build(r("a"), r("b"), r("c"), ties_asked=["a", "b"], ties=[("a", "b")])
    (entry,) = [
        e for e in assess(network, as_of=DAY).not_recorded
        if e.field is NotRecordedField.TIES_ASKED
    ]  # fmt: skip
    assert (entry.count, entry.among) == (1, "named")


# -- the example exports import with nothing invented ---------------------------------


def _nothing_invented(network: SupportNetwork) -> None:
    result = assess(network)
    ms = result.measures
    for finding in result.findings:
        if finding.code in (FindingCode.MISSING_SUPPORT, FindingCode.SINGLE_PROVIDER):
            assert finding.support_type in network.support_types_asked
            assert ms.support_unknown_count == 0
        if finding.code is FindingCode.STRAINED_TIE:
            (person,) = finding.people
            assert network.relationship(person).strain is not None
    for support_type in SupportType:
        if support_type not in network.support_types_asked:
            assert getattr(ms.support_counts, support_type.value) is None


@pytest.mark.parametrize("layout", ["folder", "three-files", "one-file", "two-files", "egoweb"])
def test_egor_examples_say_nothing_about_kinds_not_asked(layout: str) -> None:
    from grace_support.importers import read_egor
    from tests.test_egor_import import MAPPING, source

    networks = read_egor(source(layout), columns=MAPPING, errors="collect").networks
    assert networks
    for network in networks:
        # the example asks about emotional support only: never a missing practical, ...
        assert network.support_types_asked == (E,)
        _nothing_invented(network)


def test_persnet_example_never_reports_peer_support_missing(tmp_path: Any) -> None:
    from grace_support.importers import read_persnet
    from tests.persnet_fixture import write
    from tests.test_persnet import EVERY_ANSWER

    (network,) = read_persnet(write(tmp_path / "e.csv", [EVERY_ANSWER]), errors="collect").networks
    assert PEER not in network.support_types_asked
    result = assess(network)
    assert (FindingCode.MISSING_SUPPORT, PEER) not in [
        (f.code, f.support_type) for f in result.findings
    ]
    _nothing_invented(network)
