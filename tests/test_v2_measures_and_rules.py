"""Measures and findings for version-2 networks: unknown roles and closeness, support
the ego gives, and weighted ties."""

from __future__ import annotations

import math
from datetime import date

import networkx as nx
import pytest
from hypothesis import given, settings

from grace_support import (
    Closeness,
    Contact,
    FindingCode,
    Relationship,
    Role,
    RoleCategory,
    SupportNetwork,
    SupportType,
    Tie,
    assess,
)
from grace_support import measures as m
from grace_support.assessment import compute_measures
from grace_support.touch import in_touch_ids
from tests.property.strategies import networks

E, P, I, PEER = (  # noqa: E741
    SupportType.EMOTIONAL,
    SupportType.PRACTICAL,
    SupportType.INFORMATIONAL,
    SupportType.PEER,
)
AS_OF = date(2026, 11, 25)


def build(*relationships: Relationship, ties: tuple[Tie, ...] = ()) -> SupportNetwork:
    return SupportNetwork.build("me", [(r.person, r) for r in relationships], ties=ties)


def codes(network: SupportNetwork) -> list[FindingCode]:
    return list(assess(network, as_of=AS_OF).finding_codes())


# -- roles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "counts", "unknown", "richness", "blau"),
    [
        ((), {}, 0, 0, None),
        # No role recorded for anyone in touch: nothing to count (None, not 0).
        ((None,), {}, 1, None, None),
        ((None, None), {}, 2, None, None),
        ((Role.FRIEND, None), {RoleCategory.FRIEND: 1}, 1, 1, 0.0),
        (
            (Role.FRIEND, Role.THERAPIST, None),
            {RoleCategory.FRIEND: 1, RoleCategory.PROFESSIONAL: 1},
            1,
            2,
            0.5,
        ),
    ],
)
def test_role_measures_count_known_roles(
    roles: tuple[Role | None, ...],
    counts: dict[RoleCategory, int],
    unknown: int,
    richness: int | None,
    blau: float | None,
) -> None:
    network = build(*(Relationship(person=f"p{i}", role=role) for i, role in enumerate(roles)))
    assert m.role_counts(network) == dict.fromkeys(RoleCategory, 0) | counts
    assert m.role_unknown_count(network) == unknown
    assert m.role_richness(network) == richness
    assert m.role_blau(network) == blau
    iqv = m.role_iqv(network)
    assert (iqv is None) == (blau is None)
    professionals = None if richness is None else counts.get(RoleCategory.PROFESSIONAL, 0)
    assert m.professional_count(network) == professionals


def test_dormant_unknown_roles_are_not_counted() -> None:
    network = build(Relationship(person="a", contact=Contact.LOST_TOUCH))
    assert m.role_unknown_count(network) == 0


def test_no_professional_care_waits_for_unknown_roles() -> None:
    known = build(Relationship(person="a", role=Role.FRIEND))
    assert FindingCode.NO_PROFESSIONAL_CARE in codes(known)
    gap = build(Relationship(person="a", role=Role.FRIEND), Relationship(person="b"))
    assert FindingCode.NO_PROFESSIONAL_CARE not in codes(gap)
    # An unknown role of someone the ego lost touch with is no active gap.
    dormant_gap = build(
        Relationship(person="a", role=Role.FRIEND),
        Relationship(person="b", contact=Contact.LOST_TOUCH),
    )
    assert FindingCode.NO_PROFESSIONAL_CARE in codes(dormant_gap)


def test_no_personal_support_waits_for_unknown_roles() -> None:
    only_professionals = build(Relationship(person="a", role=Role.THERAPIST))
    assert FindingCode.NO_PERSONAL_SUPPORT in codes(only_professionals)
    gap = build(Relationship(person="a", role=Role.THERAPIST), Relationship(person="b"))
    assert FindingCode.NO_PERSONAL_SUPPORT not in codes(gap)


@pytest.mark.parametrize(
    ("closeness", "contact", "last_contact", "expected"),
    [
        (None, Contact.LOST_TOUCH, None, False),
        (None, Contact.WEEKLY, date(2020, 1, 1), False),
        (Closeness.INNER, Contact.LOST_TOUCH, None, True),
        (Closeness.MIDDLE, Contact.WEEKLY, date(2020, 1, 1), True),
        (Closeness.OUTER, Contact.LOST_TOUCH, None, False),
    ],
)
def test_dormant_tie_treats_unknown_closeness_as_not_close(
    closeness: Closeness | None, contact: Contact, last_contact: date | None, expected: bool
) -> None:
    network = build(
        Relationship(person="a", closeness=closeness, contact=contact, last_contact=last_contact)
    )
    assert (FindingCode.DORMANT_TIE in codes(network)) is expected


@given(networks())
def test_every_network_is_assessed_and_reported(network: SupportNetwork) -> None:
    from grace_support.report import render_report

    result = assess(network, as_of=AS_OF)
    touching = in_touch_ids(network, as_of=AS_OF)
    assert result.measures.role_unknown_count == sum(
        1 for r in network.relationships if r.person in touching and r.role is None
    )
    assert isinstance(render_report(result, network), str)


# -- support given and reciprocity --------------------------------------------------------


def test_support_given_counts_and_reciprocity() -> None:
    network = build(
        Relationship(person="a", supports=(E,), gives=(P, PEER)),
        Relationship(person="b", supports=(E, I)),
        Relationship(person="c", gives=(P,)),
        Relationship(person="d", supports=(E,), gives=(E,), contact=Contact.LOST_TOUCH),
    )
    assert m.support_given_counts(network) == {E: 0, P: 2, I: 0, PEER: 1}
    assert m.reciprocity(network) == pytest.approx(1 / 3)
    measures = compute_measures(network)
    assert measures.support_given_counts.practical == 2
    assert measures.reciprocity == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("relationships", "expected"),
    [
        ((), None),
        ((Relationship(person="a", contact=Contact.LOST_TOUCH, supports=(E,), gives=(E,)),), None),
        ((Relationship(person="a"),), 0.0),
        ((Relationship(person="a", supports=(E,), gives=(E,)),), 1.0),
        ((Relationship(person="a", supports=(E,)), Relationship(person="b", gives=(E,))), 0.0),
    ],
)
def test_reciprocity_edges(relationships: tuple[Relationship, ...], expected: float | None) -> None:
    assert m.reciprocity(build(*relationships)) == expected


# -- weighted structure -------------------------------------------------------------------


def test_weighted_density_example() -> None:
    network = build(
        *(Relationship(person=p) for p in "abc"),
        ties=(Tie("a", "b", weight=2.5), Tie("b", "c")),
    )
    assert m.density(network) == pytest.approx(2 / 3)
    assert m.density(network, weighted=True) == pytest.approx(3.5 / 3)
    assert m.density(build(Relationship(person="a")), weighted=True) is None


@given(networks())
def test_weighted_density_is_the_sum_of_weights_over_pairs(network: SupportNetwork) -> None:
    n = len(network.people)
    value = m.density(network, weighted=True)
    if n < 2:
        assert value is None
    else:
        assert value == pytest.approx(sum(t.weight for t in network.ties) / (n * (n - 1) / 2))
    if all(t.weight == 1 for t in network.ties):
        assert value == m.density(network)


@given(networks())
def test_weighted_constraint_equals_networkx(network: SupportNetwork) -> None:
    ego = network.ego.id
    ours = m.constraint(network, weighted=True)
    if not network.people:
        assert ours is None
        return
    graph = network.to_networkx()
    theirs = nx.constraint(graph, [ego], weight="weight")[ego]
    assert ours is not None
    assert math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-12)
    unweighted = nx.constraint(graph, [ego])[ego]
    assert math.isclose(m.constraint(network) or 0.0, unweighted, rel_tol=1e-9, abs_tol=1e-12)


def test_existing_measures_stay_unweighted() -> None:
    plain = build(*(Relationship(person=p) for p in "abc"), ties=(Tie("a", "b"), Tie("b", "c")))
    heavy = build(
        *(Relationship(person=p) for p in "abc"), ties=(Tie("a", "b", weight=9), Tie("b", "c"))
    )
    assert m.density(plain) == m.density(heavy)
    assert m.constraint(plain) == m.constraint(heavy)
    # Effective size uses the weights by default (issue 23), and only then differs.
    assert m.effective_size(plain, weighted=False) == m.effective_size(heavy, weighted=False)
    assert m.effective_size(plain) == m.effective_size(plain, weighted=False)
    assert m.effective_size(heavy) != m.effective_size(heavy, weighted=False)
    assert m.constraint(plain, weighted=True) == m.constraint(plain)
    assert m.constraint(heavy, weighted=True) != m.constraint(heavy)


@settings(max_examples=15, deadline=None)
@given(networks(max_people=8))
def test_unknown_roles_and_closeness_break_no_view(network: SupportNetwork) -> None:
    """Every view of a network copes with unknown role and closeness."""
    result = assess(network, as_of=AS_OF)
    assert network._repr_html_()
    assert result._repr_html_()
    for attribute in m.BUILT_IN_ATTRIBUTES:
        shares = m.composition(network, attribute)
        assert all(key is not None for key in shares)
        known = sum(1 for v in m.alter_values(network, attribute) if v is not None)
        assert m.missing_count(network, attribute) == len(network.people) - known
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from grace_support.plot import egogram

    assert egogram(network).has_data()
    plt.close("all")
