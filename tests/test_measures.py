"""Every measure against hand-computed values, including the edge cases."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from grace_support import RoleCategory, SupportNetwork, SupportType
from grace_support import measures as m
from grace_support.measures.diversity import iqv as iqv_counts
from tests.helpers import net, rel

EMPTY = net()
ONE = net(rel("a", supports=["emotional"]))
NOBODY_GIVES = net(rel("a"), rel("b"), ties=[("a", "b")])
ALL_DORMANT = net(
    rel("a", supports=["emotional"], contact="lost_touch"),
    rel("b", role="therapist", supports=["peer"], contact="lost_touch"),
)
# a: friend E+P (weekly, inner); b: sibling E (daily, inner, high strain);
# c: therapist I (monthly, middle); d: peer P+Pe dormant (outer)
MIXED = net(
    rel(
        "a", role="friend", supports=["emotional", "practical"], contact="weekly", closeness="inner"
    ),
    rel(
        "b",
        role="sibling",
        supports=["emotional"],
        contact="daily",
        closeness="inner",
        strain="high",
    ),
    rel("c", role="therapist", supports=["informational"], contact="monthly"),
    rel("d", role="peer", supports=["practical", "peer"], contact="lost_touch", closeness="outer"),
    ties=[("a", "b"), ("b", "c")],
)


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        pytest.param(EMPTY, (0, 0, 0, 0, 0), id="empty"),
        # one person in touch, contact not recorded: regular contact has nothing to rest on
        pytest.param(ONE, (1, 1, None, 0, 0), id="one"),
        pytest.param(ALL_DORMANT, (2, 0, 0, 0, 0), id="all-dormant"),
        pytest.param(MIXED, (4, 3, 2, 2, 1), id="mixed"),
    ],
)
def test_sizes(network: SupportNetwork, expected: tuple[int, ...]) -> None:
    got = (
        m.size(network),
        m.active_size(network),
        m.regular_contact_size(network),
        m.inner_circle_size(network),
        m.strained_count(network),
    )
    assert got == expected


def test_regular_contact_counts_biweekly_but_not_unknown() -> None:
    network = net(rel("a", contact="biweekly"), rel("b"), rel("c", contact="rarely"))
    assert m.regular_contact_size(network) == 1


@pytest.mark.parametrize(
    ("network", "counts", "covered", "evenness"),
    [
        pytest.param(EMPTY, (0, 0, 0, 0), 0, None, id="empty"),
        pytest.param(NOBODY_GIVES, (0, 0, 0, 0), 0, None, id="nobody-gives"),
        pytest.param(ALL_DORMANT, (0, 0, 0, 0), 0, None, id="all-dormant"),
        pytest.param(ONE, (1, 0, 0, 0), 1, 0.0, id="one-type"),
        # N = 4: p = (2/4, 1/4, 1/4, 0); H = ln2/2 + ln4/4 + ln4/4 = 1.5 ln2; J = 0.75
        pytest.param(MIXED, (2, 1, 1, 0), 3, 0.75, id="mixed"),
        pytest.param(
            net(rel("a", supports=["emotional", "practical", "informational", "peer"])),
            (1, 1, 1, 1),
            4,
            1.0,
            id="perfectly-even",
        ),
    ],
)
def test_support(
    network: SupportNetwork, counts: tuple[int, ...], covered: int, evenness: float | None
) -> None:
    assert tuple(m.support_counts(network).values()) == counts
    assert list(m.support_counts(network)) == list(SupportType)
    assert m.support_types_covered(network) == covered
    if evenness is None:
        assert m.support_evenness(network) is None
    else:
        assert m.support_evenness(network) == pytest.approx(evenness, abs=1e-12)


@pytest.mark.parametrize(
    ("network", "needs", "missing", "single"),
    [
        pytest.param(
            EMPTY, None, ("emotional", "practical", "informational", "peer"), (), id="empty"
        ),
        pytest.param(MIXED, None, ("peer",), ("practical", "informational"), id="mixed"),
        pytest.param(MIXED, ("peer", "informational"), ("peer",), ("informational",), id="narrow"),
        pytest.param(MIXED, (), (), (), id="no-needs"),
    ],
)
def test_missing_and_single_provider_types(
    network: SupportNetwork,
    needs: tuple[str, ...] | None,
    missing: tuple[str, ...],
    single: tuple[str, ...],
) -> None:
    if needs is not None:
        network = network.model_copy(update={"needs": tuple(SupportType(n) for n in needs)})
    assert m.missing_support_types(network) == tuple(SupportType(t) for t in missing)
    assert m.single_provider_types(network) == tuple(SupportType(t) for t in single)


@pytest.mark.parametrize(
    ("network", "counts", "richness", "blau", "iqv", "professionals"),
    [
        pytest.param(EMPTY, (0, 0, 0, 0, 0), 0, None, None, 0, id="empty"),
        pytest.param(ALL_DORMANT, (0, 0, 0, 0, 0), 0, None, None, 0, id="all-dormant"),
        pytest.param(ONE, (0, 1, 0, 0, 0), 1, 0.0, 0.0, 0, id="one"),
        # active: friend, family, professional -> 1 - 3/9 = 2/3; IQV = (2/3) / 0.8 = 5/6
        pytest.param(MIXED, (1, 1, 0, 0, 1), 3, 2 / 3, 5 / 6, 1, id="mixed"),
        pytest.param(
            net(
                rel("a", role="partner"),
                rel("b", role="friend"),
                rel("c", role="peer"),
                rel("d", role="coworker"),
                rel("e", role="case_manager"),
            ),
            (1, 1, 1, 1, 1),
            5,
            0.8,
            1.0,
            1,
            id="all-five",
        ),
    ],
)
def test_roles(
    network: SupportNetwork,
    counts: tuple[int, ...],
    richness: int,
    blau: float | None,
    iqv: float | None,
    professionals: int,
) -> None:
    assert tuple(m.role_counts(network).values()) == counts
    assert list(m.role_counts(network)) == list(RoleCategory)
    assert m.role_richness(network) == richness
    assert m.role_blau(network) == pytest.approx(blau, abs=1e-15)
    assert m.role_iqv(network) == pytest.approx(iqv, abs=1e-15)
    assert m.professional_count(network) == professionals


@pytest.mark.parametrize(
    ("network", "share", "hhi", "top"),
    [
        pytest.param(EMPTY, None, None, (), id="empty"),
        pytest.param(NOBODY_GIVES, None, None, (), id="nobody-gives"),
        pytest.param(ALL_DORMANT, None, None, (), id="all-dormant"),
        pytest.param(ONE, 1.0, 1.0, ("a",), id="one"),
        # s = a:2, b:1, c:1 (d dormant); S = 4; share 2/4; HHI = (4+1+1)/16
        pytest.param(MIXED, 0.5, 6 / 16, ("a",), id="mixed"),
        pytest.param(
            net(rel("b", supports=["peer"]), rel("a", supports=["emotional"])),
            0.5,
            0.5,
            ("a", "b"),
            id="tied-top-sorted",
        ),
    ],
)
def test_concentration(
    network: SupportNetwork, share: float | None, hhi: float | None, top: tuple[str, ...]
) -> None:
    assert m.top_provider_share(network) == share
    assert m.provider_hhi(network) == hhi
    assert m.top_providers(network) == top


def test_provider_loads_include_active_people_who_give_nothing() -> None:
    assert m.provider_loads(MIXED) == {"a": 2, "b": 1, "c": 1}
    assert m.provider_loads(NOBODY_GIVES) == {"a": 0, "b": 0}


@pytest.mark.parametrize(
    ("network", "density", "effective", "constraint"),
    [
        pytest.param(EMPTY, None, None, None, id="empty"),
        pytest.param(ONE, None, 1.0, 1.0, id="one"),
        pytest.param(net(rel("a"), rel("b")), 0.0, 2.0, 0.5, id="two-strangers"),
        # two who know each other: each p = 1/2 + (1/2)(1/2) = 3/4; c = 2 * 9/16
        pytest.param(net(rel("a"), rel("b"), ties=[("a", "b")]), 1.0, 1.0, 9 / 8, id="two-tied"),
        # n = 4, t = 2: density 2/6; effective 4 - 1 = 3; see test_constraint_by_hand
        pytest.param(MIXED, 1 / 3, 3.0, None, id="mixed"),
    ],
)
def test_structure(
    network: SupportNetwork,
    density: float | None,
    effective: float | None,
    constraint: float | None,
) -> None:
    assert m.density(network) == density
    assert m.effective_size(network) == effective
    if constraint is not None or m.size(network) == 0:
        assert m.constraint(network) == pytest.approx(constraint, abs=1e-15)


def test_constraint_by_hand() -> None:
    # MIXED: alters a, b, c, d; ties a-b, b-c; d_a = 1, d_b = 2, d_c = 1, d_d = 0.
    # term_j = (1 + sum over q tied to j of 1 / (1 + d_q)) / n
    # a: 1 + 1/3; b: 1 + 1/2 + 1/2 = 2; c: 1 + 1/3; d: 1
    expected = ((4 / 3) ** 2 + 2**2 + (4 / 3) ** 2 + 1) / 16
    assert m.constraint(MIXED) == pytest.approx(expected, abs=1e-15)


BORGATTI_EDGES = [
    ("A", "B"),
    ("A", "F"),
    ("A", "G"),
    ("A", "E"),
    ("E", "G"),
    ("F", "G"),
    ("B", "G"),
    ("B", "D"),
    ("D", "G"),
    ("G", "C"),
]


@pytest.mark.parametrize(
    ("ego", "constraint", "effective"),
    [("G", 0.400, 4.67), ("C", 1.0, 1.0)],
)
def test_structure_matches_published_values(ego: str, constraint: float, effective: float) -> None:
    """Borgatti's test graph, with values networkx checks against UCINET and igraph.

    Only egos whose ego network carries every tie their alters have: the published
    value for A (0.595) counts ties of A's contacts outside A's ego network, which
    the network document does not hold.
    """
    graph = nx.Graph(BORGATTI_EDGES)
    alters = sorted(graph[ego])
    ties = [(a, b) for a, b in graph.subgraph(alters).edges()]
    network = net(*(rel(a) for a in alters), ties=ties, ego=ego)
    assert m.constraint(network) == pytest.approx(constraint, abs=5e-4)
    assert m.effective_size(network) == pytest.approx(effective, abs=5e-3)


@pytest.mark.parametrize("ego", sorted({n for edge in BORGATTI_EDGES for n in edge}))
def test_structure_matches_networkx_on_each_ego_graph(ego: str) -> None:
    graph = nx.ego_graph(nx.Graph(BORGATTI_EDGES), ego)
    alters = sorted(n for n in graph if n != ego)
    ties = [(a, b) for a, b in graph.edges() if ego not in (a, b)]
    network = net(*(rel(a) for a in alters), ties=ties, ego=ego)
    assert m.constraint(network) == pytest.approx(nx.constraint(graph, [ego])[ego], abs=1e-12)
    assert m.effective_size(network) == pytest.approx(
        nx.effective_size(graph, [ego])[ego], abs=1e-12
    )
    if len(alters) >= 2:  # with one alter networkx says 0; our contract says undefined (None)
        assert m.density(network) == pytest.approx(nx.density(graph.subgraph(alters)), abs=1e-12)
    else:
        assert m.density(network) is None


@pytest.mark.parametrize(
    ("counts", "entropy_bits", "blau", "hhi"),
    [
        ([1, 1], 1.0, 0.5, 0.5),
        ([2, 1, 1], 1.5, 0.625, 0.375),
        ([3], 0.0, 0.0, 1.0),
        ([0, 0], None, None, None),
        ([], None, None, None),
    ],
)
def test_diversity_formulas(
    counts: list[int], entropy_bits: float | None, blau: float | None, hhi: float | None
) -> None:
    assert m.shannon_entropy(counts, base=2) == pytest.approx(entropy_bits)
    assert m.blau_index(counts) == blau
    assert m.hhi(counts) == hhi


def test_entropy_is_never_negative_zero() -> None:
    assert math.copysign(1.0, m.shannon_entropy([5]) or 0.0) == 1.0
    assert m.pielou_evenness([3, 0, 0, 0], k=4) == 0.0


def test_iqv_uses_declared_k() -> None:
    # Two of five categories, evenly: Blau 0.5; IQV (K=5) = 0.5 / 0.8; with K=2 it would be 1.
    assert iqv_counts([1, 1, 0, 0, 0], k=5) == 0.625
    assert iqv_counts([1, 1], k=2) == 1.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: m.blau_index([1, -1]), "must not be negative"),
        (lambda: iqv_counts([1], k=1), "at least 2"),
        (lambda: m.pielou_evenness([1, 1, 1], k=2), "more counts than declared"),
    ],
)
def test_diversity_rejects_bad_input(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
