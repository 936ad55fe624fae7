"""Composition measures on alter attributes, against hand-computed egor definitions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from grace_support import Attributes, Person, SupportNetwork
from grace_support import measures as m
from tests.helpers import net, rel
from tests.property.strategies import networks


def with_sex(*values: str | None, ego: str | None = "w") -> SupportNetwork:
    """Alters a0, a1, ... with attribute sex on the person; the ego's sex too."""
    alters = [
        (Person(id=f"a{i}", attributes=Attributes({} if v is None else {"sex": v})), rel(f"a{i}"))
        for i, v in enumerate(values)
    ]
    ego_person = Person(id="ego", attributes=Attributes({} if ego is None else {"sex": ego}))
    return SupportNetwork.build(ego_person, alters)


# alters m, m, w and one missing: egor drops NA for count/entropy/E-I
SAMPLE = with_sex("m", "m", "w", None)


def test_composition_leaves_missing_out() -> None:
    assert m.composition(SAMPLE, "sex") == {"m": 2 / 3, "w": 1 / 3}
    assert m.missing_count(SAMPLE, "sex") == 1
    assert math.fsum(m.composition(SAMPLE, "sex").values()) == pytest.approx(1.0)


def test_hand_computed_diversity() -> None:
    assert m.richness(SAMPLE, "sex") == 2
    # -(2/3 log2 2/3 + 1/3 log2 1/3)
    assert m.entropy(SAMPLE, "sex", base=2) == pytest.approx(0.9182958340544896)
    assert m.entropy(SAMPLE, "sex") == pytest.approx(0.6365141682948128)
    assert m.blau(SAMPLE, "sex") == pytest.approx(4 / 9)
    assert m.iqv(SAMPLE, "sex") == pytest.approx((4 / 9) / (1 - 1 / 2))  # K observed = 2
    assert m.iqv(SAMPLE, "sex", k=3) == pytest.approx((4 / 9) / (1 - 1 / 3))  # K declared


def test_ei_index_like_egor_comp_ei() -> None:
    # ego w: E = 2 (m, m), I = 1 (w); the missing alter is left out
    assert m.ei_index(SAMPLE, "sex") == pytest.approx((2 - 1) / 3)
    assert m.ei_index(with_sex("w", "w"), "sex") == -1.0
    assert m.ei_index(with_sex("m", "m"), "sex") == 1.0
    assert m.ei_index(with_sex("m", "w", ego=None), "sex") is None


@pytest.mark.parametrize(
    ("network", "shares", "richness", "entropy", "blau", "iqv"),
    [
        pytest.param(net(), {}, 0, None, None, None, id="empty"),
        pytest.param(with_sex(None, None), {}, 0, None, None, None, id="all-missing"),
        pytest.param(with_sex("m"), {"m": 1.0}, 1, 0.0, 0.0, 0.0, id="one-alter"),
        pytest.param(with_sex("m", "w"), {"m": 0.5, "w": 0.5}, 2, math.log(2), 0.5, 1.0, id="even"),
    ],
)
def test_edge_cases(
    network: SupportNetwork,
    shares: dict[str, float],
    richness: int,
    entropy: float | None,
    blau: float | None,
    iqv: float | None,
) -> None:
    assert m.composition(network, "sex") == shares
    assert m.richness(network, "sex") == richness
    assert m.entropy(network, "sex") == pytest.approx(entropy)
    assert m.blau(network, "sex") == blau
    assert m.iqv(network, "sex") == iqv


def test_built_in_attributes_in_declared_order() -> None:
    network = net(
        rel("a", role="therapist"),
        rel("b", role="friend", contact="lost_touch"),
        rel("c", role="sibling"),
        rel("d", role="parent"),
    )
    assert m.composition(network, "category") == {
        "family": 0.5,
        "friend": 0.25,
        "professional": 0.25,
    }
    assert m.composition(network, "category", active_only=True) == {
        "family": 2 / 3,
        "professional": 1 / 3,
    }
    assert m.composition(network, "contact") == {"lost_touch": 1.0}
    assert m.missing_count(network, "contact") == 3
    assert m.richness(network, "role") == 4


def test_relationship_attributes_come_before_person_attributes() -> None:
    person_level = Attributes({"group": "person-level"})
    network = SupportNetwork.build(
        "ego",
        [
            (
                Person(id="a", attributes=person_level),
                rel("a", attributes=Attributes({"group": "tie-level"})),
            ),
            (Person(id="b", attributes=person_level), rel("b")),
        ],
    )
    assert m.alter_values(network, "group") == ["tie-level", "person-level"]


def test_unknown_attribute_is_an_error_not_none() -> None:
    with pytest.raises(KeyError, match="no alter has the attribute 'sexx'"):
        m.composition(SAMPLE, "sexx")
    assert m.composition(net(), "anything") == {}  # no alters: nothing to contradict


def test_declared_k_smaller_than_observed() -> None:
    with pytest.raises(ValueError, match="more counts than declared"):
        m.iqv(with_sex("a", "b", "c"), "sex", k=2)


@given(networks())
def test_composition_invariants(network: SupportNetwork) -> None:
    shares = m.composition(network, "category")
    if shares:
        assert math.fsum(shares.values()) == pytest.approx(1.0)
        assert m.richness(network, "category") == len(shares)
        blau = m.blau(network, "category")
        assert blau is not None
        assert 0.0 <= blau <= 1 - 1 / len(shares) + 1e-12
        iqv = m.iqv(network, "category", k=5)
        assert iqv is not None
        assert 0.0 <= iqv <= 1.0 + 1e-12
    else:
        assert m.richness(network, "category") == 0
        assert m.blau(network, "category") is None
