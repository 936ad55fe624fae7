"""Findings and their boundaries, the order of findings, settings and determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from grace_support import (
    ActionId,
    AsOfError,
    Assessment,
    DocumentError,
    FindingCode,
    Settings,
    Severity,
    SupportNetwork,
    SupportType,
    assess,
)
from grace_support.assessment import actions_for, compute_measures
from grace_support.demo import example_network
from tests.helpers import net, rel

AS_OF = date(2026, 11, 25)
F = FindingCode

# A network with none of the findings: three active people covering every type,
# a professional, nobody above half of the support.
HEALTHY = net(
    rel("a", role="friend", supports=["emotional", "practical"]),
    rel("b", role="sibling", supports=["emotional", "practical", "peer"]),
    rel("c", role="therapist", supports=["informational", "emotional"]),
    rel("d", role="peer", supports=["peer", "informational"]),
)


def codes(
    network: SupportNetwork, **kwargs: object
) -> list[tuple[str, str | None, tuple[str, ...]]]:
    result = assess(network, as_of=kwargs.pop("as_of", AS_OF), **kwargs)  # type: ignore[arg-type]
    return [
        (f.code.value, f.support_type.value if f.support_type else None, f.people)
        for f in result.findings
    ]


def test_healthy_network_has_no_findings() -> None:
    assert codes(HEALTHY) == []


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        pytest.param(
            net(),
            [
                ("missing-support", "emotional", ()),
                ("missing-support", "practical", ()),
                ("missing-support", "informational", ()),
                ("missing-support", "peer", ()),
                ("no-professional-care", None, ()),
                ("small-network", None, ()),
            ],
            id="empty",
        ),
        pytest.param(
            net(rel("a", supports=["emotional"]), needs=["emotional"]),
            [
                ("no-professional-care", None, ()),
                ("small-network", None, ()),
                ("single-provider", "emotional", ("a",)),
            ],
            id="one-alter",
        ),
        pytest.param(
            net(rel("a"), rel("b"), rel("c", role="therapist"), needs=["peer"]),
            [("missing-support", "peer", ())],
            id="nobody-gives-support",
        ),
        pytest.param(
            net(
                rel("a", supports=["emotional"], contact="lost_touch", closeness="outer"),
                rel(
                    "b",
                    role="therapist",
                    supports=["peer"],
                    contact="lost_touch",
                    closeness="outer",
                ),
                needs=[],
            ),
            [("no-professional-care", None, ()), ("small-network", None, ())],
            id="all-dormant",
        ),
        pytest.param(
            net(
                rel("a", role="therapist", supports=["emotional", "informational"]),
                rel("b", role="psychiatrist", supports=["informational"]),
                rel("c", role="case_manager", supports=["practical", "informational"]),
                needs=["informational"],
            ),
            [("no-personal-support", None, ())],
            id="only-professionals",
        ),
    ],
)
def test_findings_table(
    network: SupportNetwork, expected: list[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert codes(network) == expected


def test_needs_narrower_than_four_types() -> None:
    network = HEALTHY.model_copy(update={"needs": (SupportType.PEER,)})
    # peer has one provider (d): single-provider; other types are not judged
    assert codes(network) == []
    only_d = HEALTHY.model_copy(update={"needs": (SupportType.PEER,)}).without_person("b")
    assert codes(only_d) == [("single-provider", "peer", ("d",))]


@pytest.mark.parametrize(
    ("last_contact", "flagged"),
    [
        pytest.param("2026-08-27", False, id="exactly-90-days"),
        pytest.param("2026-08-26", True, id="91-days"),
        pytest.param("2026-11-25", False, id="same-day"),
    ],
)
def test_dormant_tie_boundary(last_contact: str, flagged: bool) -> None:
    network = HEALTHY.with_person("e", rel("e", closeness="inner", last_contact=last_contact))
    assert (("dormant-tie", None, ("e",)) in codes(network)) is flagged


def test_as_of_before_a_recorded_day_names_each_field() -> None:
    network = HEALTHY.with_person(
        "e", rel("e", closeness="inner", last_contact="2026-12-25")
    ).model_copy(update={"collected_on": date(2026, 12, 1)})
    with pytest.raises(AsOfError) as refused:
        assess(network, as_of="2026-11-25")
    places = [p.location for p in refused.value.problems]
    last = len(network.relationships) - 1
    assert places == ["collected_on", f"relationships[{last}].last_contact"]
    assert "2026-12" not in str(refused.value)
    assert isinstance(refused.value, DocumentError)
    # the same day as the recorded ones is fine
    assert assess(network, as_of="2026-12-25").as_of == date(2026, 12, 25)


@pytest.mark.parametrize(
    ("closeness", "contact", "flagged"),
    [
        ("inner", "lost_touch", True),
        ("middle", "lost_touch", True),
        ("outer", "lost_touch", False),
        ("inner", "weekly", False),
        ("inner", None, False),
    ],
)
def test_dormant_tie_by_closeness(closeness: str, contact: str | None, flagged: bool) -> None:
    network = HEALTHY.with_person("e", rel("e", closeness=closeness, contact=contact))
    assert (("dormant-tie", None, ("e",)) in codes(network)) is flagged


def test_dormant_after_days_setting() -> None:
    network = HEALTHY.with_person("e", rel("e", closeness="inner", last_contact="2026-10-25"))
    assert ("dormant-tie", None, ("e",)) not in codes(network)
    assert ("dormant-tie", None, ("e",)) in codes(network, settings={"dormant_after_days": 30})


@pytest.mark.parametrize(
    ("supports", "flagged"),
    [
        # a gives 2 of S = 4: exactly one half is not over-reliance
        pytest.param(
            (["emotional", "practical"], ["peer"], ["informational"]), False, id="share-0.5"
        ),
        # a gives 3 of S = 5: 0.6
        pytest.param(
            (["emotional", "practical", "peer"], ["peer"], ["informational"]), True, id="share-0.6"
        ),
        # one provider giving one type: share 1 but S = 1 < 2
        pytest.param((["emotional"], [], []), False, id="S-below-minimum"),
        # share 1 and S = 2
        pytest.param((["emotional", "practical"], [], []), True, id="S-at-minimum"),
    ],
)
def test_over_reliance_boundary(supports: tuple[list[str], ...], flagged: bool) -> None:
    network = net(
        rel("a", supports=supports[0]),
        rel("b", supports=supports[1]),
        rel("c", role="therapist", supports=supports[2]),
        needs=[],
    )
    assert (("over-reliance", None, ("a",)) in codes(network)) is flagged


def test_over_reliance_share_setting() -> None:
    network = net(
        rel("a", supports=["emotional", "practical"]),
        rel("b", supports=["peer"]),
        rel("c", role="therapist", supports=["informational"]),
        needs=[],
    )
    assert codes(network, settings=Settings(over_reliance_share=0.4)) == [
        ("over-reliance", None, ("a",))
    ]
    message = (
        assess(network, as_of=AS_OF, settings={"over_reliance_share": 0.4}).findings[0].message
    )
    assert "more than 40% of" in message


@pytest.mark.parametrize(("active", "flagged"), [(2, True), (3, False)])
def test_small_network_boundary(active: int, flagged: bool) -> None:
    alters = [rel(f"p{i}", role="therapist" if i == 0 else "friend") for i in range(active)]
    alters.append(rel("gone", contact="lost_touch", closeness="outer"))
    network = net(*alters, needs=[])
    assert (("small-network", None, ()) in codes(network)) is flagged


def test_strained_tie_counts_dormant_relationships_too() -> None:
    network = HEALTHY.with_person(
        "e", rel("e", strain="high", contact="lost_touch", closeness="outer")
    )
    assert codes(network) == [("strained-tie", None, ("e",))]
    assert codes(HEALTHY.with_person("e", rel("e", strain="some"))) == []


def test_single_provider_ignores_dormant_providers() -> None:
    network = net(
        rel("a", supports=["peer"]),
        rel("b", supports=["peer"], contact="lost_touch", closeness="outer"),
        rel("c", role="therapist"),
        rel("d"),
        needs=["peer"],
    )
    assert codes(network) == [("single-provider", "peer", ("a",))]


def test_order_is_severity_code_type_people() -> None:
    network = net(
        rel("z", supports=["emotional"], strain="high", closeness="inner", contact="lost_touch"),
        rel("y", strain="high", closeness="inner", contact="lost_touch"),
        rel("x", supports=["practical"]),
    )
    result = assess(network, as_of=AS_OF)
    ranks = [list(Severity).index(f.severity) for f in result.findings]
    assert ranks == sorted(ranks)
    assert codes(network) == [
        ("missing-support", "emotional", ()),
        ("missing-support", "informational", ()),
        ("missing-support", "peer", ()),
        ("strained-tie", None, ("y",)),
        ("strained-tie", None, ("z",)),
        ("no-professional-care", None, ()),
        ("small-network", None, ()),
        ("single-provider", "practical", ("x",)),
        ("dormant-tie", None, ("y",)),
        ("dormant-tie", None, ("z",)),
    ]


@pytest.mark.parametrize("code", list(FindingCode))
def test_every_finding_code_has_actions_in_declared_order(code: FindingCode) -> None:
    support_type = SupportType.PEER if code in (F.MISSING_SUPPORT, F.SINGLE_PROVIDER) else None
    actions = actions_for(code, support_type)
    assert actions
    assert list(actions) == sorted(actions, key=list(ActionId).index)


@pytest.mark.parametrize(
    ("support_type", "actions"),
    [
        (SupportType.EMOTIONAL, ("reconnect", "share-needs")),
        (SupportType.PRACTICAL, ("reconnect", "share-needs")),
        (SupportType.INFORMATIONAL, ("share-needs", "add-professional-care")),
        (SupportType.PEER, ("join-support-group",)),
    ],
)
def test_gap_actions_by_type(support_type: SupportType, actions: tuple[str, ...]) -> None:
    assert actions_for(F.MISSING_SUPPORT, support_type) == actions
    assert actions_for(F.SINGLE_PROVIDER, support_type) == actions


def test_gap_actions_need_a_type() -> None:
    with pytest.raises(ValueError, match="needs a support type"):
        actions_for(F.MISSING_SUPPORT)


def test_messages_never_contain_names_or_ids() -> None:
    network = example_network()
    result = assess(network, as_of=AS_OF)
    text = " ".join(f.message for f in result.findings)
    for person in (network.ego, *network.people):
        assert person.id not in text
        assert person.name is not None
        assert person.name not in text
    for word in ("diagnos", "disorder", "failure", "poor", "bad"):
        assert word not in text.lower()


@pytest.mark.parametrize(
    "settings",
    [
        {"over_reliance_share": 0},
        {"over_reliance_share": 1},
        {"dormant_after_days": -1},
        {"small_network_size": 0},
        {"over_reliance_min_support": 0},
        {"unknown_threshold": 3},
    ],
)
def test_settings_are_validated(settings: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        assess(HEALTHY, as_of=AS_OF, settings=settings)


@pytest.mark.parametrize("as_of", ["2026-13-01", "26-11-25", "2026-11-25T00:00"])
def test_bad_as_of(as_of: str) -> None:
    with pytest.raises(ValueError, match="as_of"):
        assess(HEALTHY, as_of=as_of)


def test_as_of_defaults_to_today() -> None:
    assert assess(HEALTHY).as_of == date.today()


def test_assessment_fields_and_round_trip() -> None:
    result = assess(example_network(), as_of="2026-11-25")
    data = result.model_dump(mode="json")
    assert list(data) == [
        "schema_version",
        "ego",
        "as_of",
        "settings",
        "measures",
        "findings",
        "not_recorded",
    ]
    assert data["as_of"] == "2026-11-25"
    assert data["ego"] == "maria"
    assert Assessment.model_validate_json(result.model_dump_json()) == result
    assert result.measures == compute_measures(example_network(), as_of="2026-11-25")
    assert result.finding_codes()[0] is F.MISSING_SUPPORT


def test_measures_match_contract_names() -> None:
    names = list(compute_measures(HEALTHY).model_dump())
    assert names == [
        "size",
        "active_size",
        "regular_contact_size",
        "inner_circle_size",
        "support_counts",
        "support_types_covered",
        "missing_support_types",
        "single_provider_types",
        "support_evenness",
        "role_counts",
        "role_richness",
        "role_blau",
        "role_iqv",
        "top_provider_share",
        "provider_hhi",
        "professional_count",
        "strained_count",
        "density",
        "effective_size",
        "constraint",
        "role_unknown_count",
        "support_given_counts",
        "reciprocity",
        "efficiency",
        "hierarchy",
        "ego_betweenness",
        "ego_betweenness_normalized",
        "support_unknown_count",
        "gives_unknown_count",
        "strain_unknown_count",
        "contact_unknown_count",
    ]


def test_output_bytes_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    script = (
        "from grace_support import assess, read_network;"
        "import sys;"
        "print(assess(read_network(sys.argv[1]), as_of='2026-11-25').model_dump_json())"
    )
    document = Path(__file__).parents[1] / "examples" / "networks" / "jordan.json"
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(document)],
            env=env,
            capture_output=True,
            check=True,
            text=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["ego"] == "jordan"
