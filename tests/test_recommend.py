"""Recommendations: the resources chosen for each finding, and the crisis lines always."""

from __future__ import annotations

from datetime import date

import pytest

from grace_support import FindingCode, Severity, SupportType, assess
from grace_support.assessment.models import Assessment, Finding
from grace_support.assessment.rules import actions_for
from grace_support.content import Catalog, ResourceKind, default_catalog
from grace_support.demo import example_network
from grace_support.recommendations import GAP_RESOURCE_KINDS, RESOURCE_KINDS, recommend

F = FindingCode
CRISIS = ["988-lifeline", "crisis-text-line", "samhsa-helpline", "emergency-911"]


def assessment_with(*findings: Finding) -> Assessment:
    base = assess(example_network(), as_of=date(2026, 11, 25))
    return base.model_copy(update={"findings": findings})


def finding(code: FindingCode, support_type: SupportType | None = None) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ATTENTION,
        message="m",
        support_type=support_type,
        actions=actions_for(code, support_type),
    )


@pytest.mark.parametrize(
    ("code", "support_type", "resources"),
    [
        (F.MISSING_SUPPORT, SupportType.PEER, ["nami-connection", "dbsa-support-groups"]),
        (
            F.MISSING_SUPPORT,
            SupportType.EMOTIONAL,
            ["nami-connection", "dbsa-support-groups", "grace-therapy"],
        ),
        (
            F.MISSING_SUPPORT,
            SupportType.INFORMATIONAL,
            ["samhsa-helpline", "nami-helpline", "grace-therapy"],
        ),
        (F.MISSING_SUPPORT, SupportType.PRACTICAL, []),
        (F.SINGLE_PROVIDER, SupportType.PEER, ["nami-connection", "dbsa-support-groups"]),
        (F.OVER_RELIANCE, None, ["nami-connection", "dbsa-support-groups"]),
        (F.STRAINED_TIE, None, ["grace-therapy", "grace-group-counseling"]),
        (F.DORMANT_TIE, None, []),
        (
            F.NO_PROFESSIONAL_CARE,
            None,
            ["grace-therapy", "grace-psychiatry", "grace-group-counseling"],
        ),
        (F.NO_PERSONAL_SUPPORT, None, ["nami-connection", "dbsa-support-groups"]),
        (F.SMALL_NETWORK, None, ["nami-connection", "dbsa-support-groups"]),
    ],
)
def test_resources_per_finding(
    code: FindingCode, support_type: SupportType | None, resources: list[str]
) -> None:
    result = recommend(assessment_with(finding(code, support_type)))
    (only,) = result.recommendations
    assert [r.id for r in only.resources] == resources
    assert all(r.reason is code for r in only.resources)
    assert [a.id for a in only.actions] == list(actions_for(code, support_type))
    assert all(a.advice for a in only.actions)
    assert [r.id for r in result.crisis] == CRISIS


def test_every_code_and_type_has_a_resource_rule() -> None:
    assert set(RESOURCE_KINDS) | {F.MISSING_SUPPORT, F.SINGLE_PROVIDER} == set(FindingCode)
    assert set(GAP_RESOURCE_KINDS) == set(SupportType)
    crisis_kind = ResourceKind.CRISIS_LINE
    assert all(
        crisis_kind not in kinds
        for kinds in [*RESOURCE_KINDS.values(), *GAP_RESOURCE_KINDS.values()]
    )


def test_crisis_resources_always_present_even_without_findings_or_catalog() -> None:
    result = recommend(assessment_with(), Catalog())
    assert result.recommendations == ()
    assert result.articles == ()
    assert [r.id for r in result.crisis] == CRISIS
    assert all(r.reason is None for r in result.crisis)


def test_demo_recommendations_follow_findings_order() -> None:
    assessment = assess(example_network(), as_of="2026-11-25")
    result = recommend(assessment)
    assert [r.code for r in result.recommendations] == [f.code for f in assessment.findings]
    assert result.catalog_version == default_catalog().version
    assert [a.id for a in result.articles] == ["role-of-social-support-in-recovery"]
    assert result.recommendations[1].people == ("rosa",)


def test_inactive_resources_are_not_recommended() -> None:
    catalog = default_catalog()
    closed = tuple(
        r.model_copy(update={"status": "temporarily closed"}) if r.id == "nami-connection" else r
        for r in catalog.resources
    )
    result = recommend(assessment_with(finding(F.SMALL_NETWORK)), Catalog(resources=closed))
    assert [r.id for r in result.recommendations[0].resources] == ["dbsa-support-groups"]
