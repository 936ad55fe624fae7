"""Invariants of the measures and findings for any generated network."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grace_support import (
    Assessment,
    Closeness,
    Contact,
    FindingCode,
    Person,
    Relationship,
    Role,
    SupportNetwork,
    SupportType,
    Tie,
    assess,
)
from grace_support import measures as m
from grace_support.assessment.rules import sort_key
from tests.property.strategies import networks

AS_OF = date(2026, 11, 25)


@given(networks())
def test_measures_are_in_range(network: SupportNetwork) -> None:
    ms = assess(network, as_of=AS_OF).measures
    n = ms.size
    assert 0 <= ms.active_size <= n
    if ms.regular_contact_size is None:  # nothing recorded to rest on
        assert ms.active_size > 0
        assert ms.contact_unknown_count == ms.active_size
    else:
        assert 0 <= ms.regular_contact_size + ms.contact_unknown_count <= ms.active_size
    closeness_recorded = any(r.closeness is not None for r in network.relationships)
    assert (ms.inner_circle_size is None) == (n > 0 and not closeness_recorded)
    assert ms.inner_circle_size is None or 0 <= ms.inner_circle_size <= n
    assert ms.support_types_covered is None or 0 <= ms.support_types_covered <= 4
    assert 0 <= ms.support_unknown_count <= ms.active_size
    assert 0 <= ms.gives_unknown_count <= ms.active_size
    assert 0 <= ms.strain_unknown_count <= n
    assert (ms.strained_count is None) == (n > 0 and ms.strain_unknown_count == n)
    no_role = ms.active_size > 0 and ms.role_unknown_count == ms.active_size
    assert (ms.role_richness is None) == no_role == (ms.professional_count is None)
    assert ms.role_richness is None or 0 <= ms.role_richness <= 5
    assert sum(ms.role_counts.model_dump().values()) + ms.role_unknown_count == ms.active_size
    for value in (
        ms.support_evenness,
        ms.role_blau,
        ms.role_iqv,
        ms.top_provider_share,
        ms.provider_hhi,
        ms.density,
    ):
        assert value is None or 0.0 <= value <= 1.0
    if ms.role_blau is not None:
        assert ms.role_blau <= 0.8 + 1e-12
    if ms.top_provider_share is not None and ms.provider_hhi is not None:
        # the largest share squared is at most the HHI, which is at most the largest share
        assert ms.top_provider_share**2 <= ms.provider_hhi + 1e-12
        assert ms.provider_hhi <= ms.top_provider_share + 1e-12
    if n:
        assert ms.effective_size is not None
        assert 1.0 - 1e-12 <= ms.effective_size <= n
        assert ms.constraint is not None
        assert ms.constraint >= 1 / n - 1e-12
    else:
        assert ms.effective_size is None
        assert ms.constraint is None


@given(networks())
def test_structure_equals_networkx(network: SupportNetwork) -> None:
    if not network.people:
        return
    graph = network.to_networkx()
    ego = network.ego.id
    assert m.effective_size(network) == pytest.approx(
        nx.effective_size(graph, [ego], weight="weight")[ego], abs=1e-9
    )
    assert m.effective_size(network, weighted=False) == pytest.approx(
        nx.effective_size(graph, [ego])[ego], abs=1e-9
    )
    assert m.constraint(network) == pytest.approx(nx.constraint(graph, [ego])[ego], abs=1e-9)
    if len(network.people) >= 2:
        alters = [p.id for p in network.people]
        assert m.density(network) == pytest.approx(nx.density(graph.subgraph(alters)), abs=1e-12)


def _relabelled(
    network: SupportNetwork, prefix: str, *, reverse: bool
) -> tuple[SupportNetwork, dict[str, str]]:
    """The same network with new ids, people in another order, ties reversed."""
    new = {p.id: f"{prefix}{i}" for i, p in enumerate(network.people)}
    order = list(reversed(network.alters)) if reverse else list(network.alters)
    return SupportNetwork(
        ego=network.ego,
        needs=network.needs,
        people=tuple(Person(id=new[p.id], name=p.name) for p, _ in order),
        relationships=tuple(r.model_copy(update={"person": new[r.person]}) for _, r in order),
        ties=tuple(
            Tie(new[b], new[a], weight=t.weight, attributes=t.attributes)
            for t in reversed(network.ties)
            for a, b in [t]
        ),
    ), new


_SUMMED = {
    "constraint", "hierarchy", "effective_size", "efficiency",
    "ego_betweenness", "ego_betweenness_normalized",
}  # fmt: skip


@given(networks(), st.booleans())
def test_relabelling_and_reordering_change_nothing(network: SupportNetwork, reverse: bool) -> None:
    other, new = _relabelled(network, "x", reverse=reverse)
    first = assess(network, as_of=AS_OF)
    second = assess(other, as_of=AS_OF)
    # Sums over ties in another order may differ in the last bit; everything else is exact.
    assert first.measures.model_dump(exclude=_SUMMED) == second.measures.model_dump(exclude=_SUMMED)
    for name in _SUMMED:
        a, b = getattr(first.measures, name), getattr(second.measures, name)
        assert (a is None) == (b is None)
        assert a is None or a == pytest.approx(b, abs=1e-12), name
    renamed = sorted(
        (f.code, f.support_type or "", tuple(sorted(new[p] for p in f.people)), f.message)
        for f in first.findings
    )
    assert renamed == sorted(
        (f.code, f.support_type or "", f.people, f.message) for f in second.findings
    )


@given(networks(), st.sampled_from(SupportType), st.sampled_from(Role))
def test_adding_a_provider_fills_that_gap_only(
    network: SupportNetwork, support_type: SupportType, role: Role
) -> None:
    before = assess(network, as_of=AS_OF)
    newcomer = "newcomer-0"
    if any(p.id == newcomer for p in network.people) or network.ego.id == newcomer:
        return
    after = assess(
        network.with_person(
            newcomer,
            Relationship(
                person=newcomer,
                role=role,
                supports=(support_type,),
                closeness=Closeness.OUTER,
                contact=Contact.WEEKLY,
            ),
        ),
        as_of=AS_OF,
    )

    def missing(result: Assessment) -> set[SupportType | None]:
        return {f.support_type for f in result.findings if f.code is FindingCode.MISSING_SUPPORT}

    assert support_type not in missing(after)
    assert missing(after) == missing(before) - {support_type}


@given(networks())
def test_assessment_json_round_trip(network: SupportNetwork) -> None:
    result = assess(network, as_of=AS_OF)
    assert Assessment.model_validate_json(result.model_dump_json()) == result


@given(networks())
def test_findings_are_sorted_and_well_formed(network: SupportNetwork) -> None:
    result = assess(network, as_of=AS_OF)
    assert list(result.findings) == sorted(result.findings, key=sort_key)
    ids = {p.id for p in network.people}
    for finding in result.findings:
        assert finding.actions
        assert list(finding.people) == sorted(finding.people)
        assert set(finding.people) <= ids
        assert finding.message.strip()
