"""Burt's four (effective size, efficiency, constraint, hierarchy) and ego betweenness.

Each is held to networkx where networkx has the measure, to the values networkx's
own tests publish (checked there against UCINET and igraph) where they apply, and
otherwise to values derived by hand from the formula (said so at each test).
"""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings

from grace_support import Relationship, SupportNetwork, Tie
from grace_support import measures as m
from grace_support.assessment import Measures, compute_measures
from tests.helpers import net, rel
from tests.property.strategies import networks

# Borgatti's test graph from networkx's tests of structural holes; the ego network
# of G holds every tie G's alters have (A-B, A-F, A-E, B-D), so its published values
# apply to a network document (unweighted: the document's ego-alter ties weigh 1).
EGO_G = net(*(rel(a) for a in "ABCDEF"), ties=[("A", "B"), ("A", "F"), ("A", "E"), ("B", "D")])


def _graph(network: SupportNetwork) -> nx.Graph:
    return network.to_networkx()


@settings(max_examples=60, deadline=None)
@given(networks())
def test_effective_size_equals_networkx_weighted_and_unweighted(network: SupportNetwork) -> None:
    ego = network.ego.id
    if not network.people:  # networkx: NaN for an ego with no one to be tied to
        assert m.effective_size(network) is None
        assert m.efficiency(network) is None
        return
    graph = _graph(network)
    weighted = nx.effective_size(graph, weight="weight")[ego]
    plain = nx.effective_size(graph)[ego]
    assert math.isclose(m.effective_size(network) or 0, weighted, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(
        m.effective_size(network, weighted=False) or 0, plain, rel_tol=1e-12, abs_tol=1e-12
    )
    n = len(network.people)
    assert math.isclose(m.efficiency(network) or 0, weighted / n, rel_tol=1e-12, abs_tol=1e-12)
    if all(t.weight == 1 for t in network.ties):  # unchanged on unweighted networks
        assert m.effective_size(network) == m.effective_size(network, weighted=False)


@settings(max_examples=60, deadline=None)
@given(networks())
def test_ego_betweenness_equals_networkx(network: SupportNetwork) -> None:
    graph = _graph(network)
    ego = network.ego.id
    raw = nx.betweenness_centrality(graph, normalized=False)[ego]
    normalised = nx.betweenness_centrality(graph, normalized=True)[ego]
    assert math.isclose(m.ego_betweenness(network) or 0, raw, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(
        m.ego_betweenness_normalized(network) or 0, normalised, rel_tol=1e-12, abs_tol=1e-12
    )


def test_efficiency_is_not_networkx_efficiency() -> None:
    """networkx.efficiency is Latora's pair efficiency; Burt's is effective size / n."""
    network = net(rel("a"), rel("b"))
    assert m.efficiency(network) == 1.0
    assert nx.efficiency(_graph(network), "a", "b") == 0.5


def test_published_values_of_borgattis_graph() -> None:
    """Ego G of networkx's test graph: effective size 4.67, constraint 0.400 (published)."""
    assert m.effective_size(EGO_G) == pytest.approx(4.67, abs=5e-3)
    assert m.constraint(EGO_G) == pytest.approx(0.400, abs=5e-4)


def test_efficiency_hierarchy_and_betweenness_of_g_by_hand() -> None:
    """Derived by hand from the formulas (no published value is reachable).

    n = 6, t = 4: efficiency = (6 - 8/6) / 6 = 7/9.
    Hierarchy: v_A = 1/3 + 1/2 + 1/2 = 4/3, v_B = 1/4 + 1/2 = 3/4, v_C = 0,
    v_D = 1/3, v_E = v_F = 1/4; a_j = (1 + v_j)^2; r_j = 6 a_j / sum(a);
    H = sum r ln r / (6 ln 6).
    Ego betweenness: 15 pairs, 4 tied; B-E, B-F, E-F (through A) and A-D (through B)
    have one alter in common (1/2 each); the other 7 untied pairs count 1: 9.
    """
    assert m.efficiency(EGO_G) == pytest.approx(7 / 9, abs=1e-15)
    a = [(1 + v) ** 2 for v in (4 / 3, 3 / 4, 0, 1 / 3, 1 / 4, 1 / 4)]
    r = [6 * x / sum(a) for x in a]
    expected = sum(x * math.log(x) for x in r) / (6 * math.log(6))
    assert m.hierarchy(EGO_G) == pytest.approx(expected, abs=1e-15)
    assert m.hierarchy(EGO_G) == pytest.approx(0.0947, abs=5e-5)
    assert m.ego_betweenness(EGO_G) == 9.0
    assert m.ego_betweenness_normalized(EGO_G) == pytest.approx(9 / 15, abs=1e-15)


@pytest.mark.parametrize(
    ("ties", "expected"),
    [
        pytest.param([], 0.0, id="no-ties: every alter constrains equally"),
        pytest.param([("a", "b"), ("a", "c"), ("b", "c")], 0.0, id="everyone-tied"),
        # by hand: r_a = r_b = 27/22, r_c = 6/11 (see the docstring of hierarchy)
        pytest.param(
            [("a", "b")],
            (2 * 27 / 22 * math.log(27 / 22) + 6 / 11 * math.log(6 / 11)) / (3 * math.log(3)),
            id="one-tie",
        ),
    ],
)
def test_hierarchy_by_hand(ties: list[tuple[str, str]], expected: float) -> None:
    network = net(rel("a"), rel("b"), rel("c"), ties=ties)
    assert m.hierarchy(network) == pytest.approx(expected, abs=1e-15)


def test_weighted_effective_size_by_hand() -> None:
    """Derived by hand: s_a = 3, M_a = 3; s_b = 4, M_b = 3; s_c = 1, M_c = 1 (the ego's 1)."""
    network = SupportNetwork.build(
        "sam",
        [(p, Relationship(person=p)) for p in "abc"],
        ties=[Tie("a", "b", weight=3), ("b", "c")],
    )
    assert m.effective_size(network) == pytest.approx(3 - (1 + 4 / 3 + 1) / 3, abs=1e-15)
    assert m.effective_size(network, weighted=False) == pytest.approx(3 - 4 / 3, abs=1e-15)


def test_weights_below_one_are_scaled_by_the_egos_tie() -> None:
    """The ego's tie (weight 1) is the strongest of an alter whose ties weigh less."""
    network = SupportNetwork.build(
        "sam", [(p, Relationship(person=p)) for p in "ab"], ties=[Tie("a", "b", weight=0.5)]
    )
    assert m.effective_size(network) == pytest.approx(2 - (0.5 + 0.5) / 2, abs=1e-15)


def test_hierarchy_weighted_follows_weighted_constraint() -> None:
    plain = net(rel("a"), rel("b"), rel("c"), ties=[("a", "b"), ("b", "c")])
    heavy = SupportNetwork.build(
        "ego",
        [(p, Relationship(person=p)) for p in "abc"],
        ties=[Tie("a", "b", weight=5), ("b", "c")],
    )
    assert m.hierarchy(heavy) == m.hierarchy(plain)
    assert m.hierarchy(heavy, weighted=True) != m.hierarchy(heavy)
    assert m.hierarchy(plain, weighted=True) == pytest.approx(m.hierarchy(plain), abs=1e-15)


@settings(max_examples=60, deadline=None)
@given(networks())
def test_hierarchy_is_a_share_and_null_below_two(network: SupportNetwork) -> None:
    value = m.hierarchy(network)
    if len(network.people) < 2:
        assert value is None
    else:
        assert value is not None
        assert 0.0 <= value <= 1.0


# -- every measure at 0 and 1 alter --------------------------------------------------------

_TYPES = {"emotional": 0, "practical": 0, "informational": 0, "peer": 0}
_ALL_MISSING = ["emotional", "practical", "informational", "peer"]
AT_ZERO_AND_ONE = {
    # name: (value with no alters, value with one alter who gives nothing)
    "size": (0, 1),
    "active_size": (0, 1),
    "regular_contact_size": (0, None),  # the one alter's contact is not recorded
    "inner_circle_size": (0, 0),
    "support_counts": (_TYPES, _TYPES),
    "support_types_covered": (0, 0),
    "missing_support_types": (_ALL_MISSING, _ALL_MISSING),
    "single_provider_types": ([], []),
    "support_evenness": (None, None),  # nobody gives support: 0/0
    "role_counts": (
        {"family": 0, "friend": 0, "peer": 0, "community": 0, "professional": 0},
        {"family": 0, "friend": 1, "peer": 0, "community": 0, "professional": 0},
    ),
    "role_richness": (0, 1),
    "role_blau": (None, 0.0),  # no one with a role: 0/0
    "role_iqv": (None, 0.0),
    "top_provider_share": (None, None),  # S = 0
    "provider_hhi": (None, None),
    "professional_count": (0, 0),
    "strained_count": (0, 0),
    "density": (None, None),  # no pair of alters to be tied
    "effective_size": (None, 1.0),  # networkx: NaN without alters, 1 with one
    "constraint": (None, 1.0),  # networkx: NaN without alters, 1 with one
    "role_unknown_count": (0, 0),
    "support_given_counts": (_TYPES, _TYPES),
    "reciprocity": (None, 0.0),  # no one active: 0/0
    "efficiency": (None, 1.0),
    "hierarchy": (None, None),  # n ln n = 0
    "ego_betweenness": (0.0, 0.0),  # networkx: 0, no pair to stand between
    "ego_betweenness_normalized": (0.0, 0.0),
    "support_unknown_count": (0, 0),
    "gives_unknown_count": (0, 0),
    "strain_unknown_count": (0, 0),
    "contact_unknown_count": (0, 1),
}


def test_the_table_lists_every_measure() -> None:
    assert set(AT_ZERO_AND_ONE) == set(Measures.model_fields)


@pytest.mark.parametrize("name", sorted(AT_ZERO_AND_ONE))
def test_every_measure_is_defined_at_zero_and_one_alter(name: str) -> None:
    empty, one = net(), net(rel("a"))
    for network, expected in zip((empty, one), AT_ZERO_AND_ONE[name], strict=True):
        got = compute_measures(network).model_dump(mode="json")[name]
        assert got == expected, (name, len(network.people))
        function = getattr(m, name, None)
        if function is not None and not isinstance(expected, dict | list):
            assert function(network) == expected


@pytest.mark.parametrize("name", ["effective_size", "constraint", "ego_betweenness"])
def test_structural_values_at_one_alter_are_networkxs(name: str) -> None:
    network = net(rel("a"))
    graph = _graph(network)
    theirs = {
        "effective_size": nx.effective_size(graph)["ego"],
        "constraint": nx.constraint(graph)["ego"],
        "ego_betweenness": nx.betweenness_centrality(graph, normalized=False)["ego"],
    }[name]
    assert getattr(m, name)(network) == theirs


# -- computed over the ego and the asked people --------------------------------------------

STRUCTURAL = (
    "density",
    "effective_size",
    "efficiency",
    "constraint",
    "hierarchy",
    "ego_betweenness",
    "ego_betweenness_normalized",
)


def _asked(network: SupportNetwork, asked: tuple[str, ...]) -> SupportNetwork:
    return network.model_copy(update={"ties_asked": asked})


def test_structure_is_computed_over_the_asked_people() -> None:
    """PERSNET-like: ties asked among a, b, c only; d was named but not asked about."""
    whole = net(rel("a"), rel("b"), rel("c"), rel("d"), ties=[("a", "b"), ("b", "c")])
    partial = _asked(whole, ("a", "b", "c"))
    alone = net(rel("a"), rel("b"), rel("c"), ties=[("a", "b"), ("b", "c")])
    graph = _graph(alone)
    for name in STRUCTURAL:
        assert getattr(m, name)(partial) == getattr(m, name)(alone), name
    assert m.density(partial) == 2 / 3  # not 2/6: d's ties were never asked
    assert m.ego_betweenness(partial) == nx.betweenness_centrality(graph, normalized=False)["ego"]
    measures = compute_measures(partial)
    assert [getattr(measures, name) for name in STRUCTURAL] == [
        getattr(m, name)(partial) for name in STRUCTURAL
    ]


@pytest.mark.parametrize("name", STRUCTURAL)
def test_structure_is_null_when_no_ties_were_asked(name: str) -> None:
    network = _asked(net(rel("a"), rel("b")), ())
    assert getattr(m, name)(network) is None
    assert getattr(compute_measures(network), name) is None
