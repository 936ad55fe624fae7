"""Networks as egos/alters/ties tables, and the measures table."""

from __future__ import annotations

import io
import math
import sys
from typing import TYPE_CHECKING

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from grace_support import (
    Attributes,
    DocumentError,
    MissingExtraError,
    Person,
    SupportNetwork,
    Tie,
    assess,
)
from grace_support.demo import example_network
from grace_support.synthetic import cohort
from grace_support.tables import from_tables, measures_table, to_tables
from tests.helpers import net, rel
from tests.property.strategies import networks

if TYPE_CHECKING:
    from pathlib import Path

NETWORKS = (example_network(), *cohort(15, seed=5), net())


def without_null_attributes(network: SupportNetwork) -> SupportNetwork:
    """Tables cannot tell a null attribute from a missing one: drop nulls to compare."""

    def clean(attributes: Attributes) -> Attributes:
        return Attributes({k: v for k, v in attributes.items() if v is not None})

    return network.model_copy(
        update={
            "ego": network.ego.model_copy(update={"attributes": clean(network.ego.attributes)}),
            "people": tuple(
                p.model_copy(update={"attributes": clean(p.attributes)}) for p in network.people
            ),
            "relationships": tuple(
                r.model_copy(update={"attributes": clean(r.attributes)})
                for r in network.relationships
            ),
            "ties": tuple(
                Tie(t[0], t[1], weight=t.weight, attributes=clean(t.attributes))
                for t in network.ties
            ),
        }
    )


def test_tables_shape_and_columns() -> None:
    tables = to_tables([example_network()])
    assert list(tables.egos.columns) == [
        "ego_id",
        "name",
        "need_emotional",
        "need_practical",
        "need_informational",
        "need_peer",
        "collected_on",
        "support_types_asked",
        "gives_types_asked",
        "ties_asked",
        "generator",
        "max_names",
    ]
    assert list(tables.alters.columns)[:13] == [
        "ego_id",
        "alter_id",
        "name",
        "role",
        "category",
        "emotional",
        "practical",
        "informational",
        "peer",
        "closeness",
        "contact",
        "last_contact",
        "strain",
    ]
    assert len(tables.alters) == 6
    assert list(tables.ties.itertuples(index=False, name=None)) == [
        ("maria", "ana", "carlos", 1.0),
        ("maria", "ana", "sam", 1.0),
        ("maria", "carlos", "rosa", 1.0),
    ]
    rosa = tables.alters.set_index("alter_id").loc["rosa"]
    assert rosa["category"] == "family"
    assert bool(rosa["emotional"]) is True
    assert rosa["strain"] == "high"


def test_round_trip_of_real_and_synthetic_networks() -> None:
    assert from_tables(*to_tables(NETWORKS)) == NETWORKS


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(networks(max_people=6))
def test_round_trip_of_any_network(network: SupportNetwork) -> None:
    (back,) = from_tables(*to_tables([network]))
    assert back == without_null_attributes(network)


def test_round_trip_through_csv_files(tmp_path: Path) -> None:
    tables = to_tables(NETWORKS[:4])
    for name, frame in tables._asdict().items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    read = [
        pd.read_csv(tmp_path / f"{name}.csv", dtype={"ego_id": str, "alter_id": str})
        for name in ("egos", "alters", "ties")
    ]
    back = from_tables(*read)
    assert [n.ego.id for n in back] == [n.ego.id for n in NETWORKS[:4]]
    assert [len(n.people) for n in back] == [len(n.people) for n in NETWORKS[:4]]
    assert back[0] == NETWORKS[0]


def test_attribute_columns() -> None:
    network = net(rel("a", attributes=Attributes({"years_known": 3}))).with_person(
        Person(id="b", attributes=Attributes({"age_group": "18-25"})), rel("b")
    )
    alters = to_tables([network]).alters
    assert str(alters["rel.years_known"].dtype) == "Int64"
    assert alters["rel.years_known"].tolist()[0] == 3
    assert alters["rel.years_known"].isna().tolist() == [False, True]
    assert str(alters["age_group"].dtype) == "string"
    assert alters["age_group"].isna().tolist() == [True, False]
    assert alters["age_group"].tolist()[1] == "18-25"
    (back,) = from_tables(*to_tables([network]))
    assert back == network


def test_attribute_named_like_a_column_is_refused() -> None:
    network = net().with_person(Person(id="b", attributes=Attributes({"role": "x"})), rel("b"))
    with pytest.raises(ValueError, match="'role' has the name of a built-in column"):
        to_tables([network])


def frames(alters_csv: str, ties_csv: str = "ego_id,alter_a,alter_b\n") -> tuple[pd.DataFrame, ...]:
    egos = pd.DataFrame({"ego_id": ["e1", "e2"]})
    return egos, pd.read_csv(io.StringIO(alters_csv)), pd.read_csv(io.StringIO(ties_csv))


@pytest.mark.parametrize(
    ("alters_csv", "ties_csv", "location"),
    [
        (
            "ego_id,alter_id,role,closeness\ne1,a,friend,inner\ne2,b,pal,inner\n",
            "ego_id,alter_id,alter_b\n",
            "ties table",
        ),
        (
            "ego_id,alter_id,role,closeness\ne1,a,friend,inner\ne2,b,pal,inner\n",
            "ego_id,alter_a,alter_b\n",
            "alters row 1, column role",
        ),
        (
            "ego_id,alter_id,role,closeness\ne1,a,friend,inner\ne1,a,friend,inner\n",
            "ego_id,alter_a,alter_b\n",
            "alters row 1, column alter_id",
        ),
        (
            "ego_id,alter_id,role,closeness,contact\ne1,a,friend,inner,hourly\n",
            "ego_id,alter_a,alter_b\n",
            "alters row 0, column contact",
        ),
        (
            "ego_id,alter_id,role,closeness\ne1,a,friend,inner\ne2,b,friend,inner\n",
            "ego_id,alter_a,alter_b\ne2,b,zz\n",
            "ties row 0",
        ),
        (
            "ego_id,alter_id,role,closeness\ne9,a,friend,inner\n",
            "ego_id,alter_a,alter_b\n",
            "alters row 0, column ego_id",
        ),
        ("ego_id,role\ne1,friend\n", "ego_id,alter_a,alter_b\n", "alters table"),
    ],
)
def test_errors_name_table_row_and_column(alters_csv: str, ties_csv: str, location: str) -> None:
    egos, alters, ties = frames(alters_csv, ties_csv)
    with pytest.raises(DocumentError) as caught:
        from_tables(egos, alters, ties)
    assert caught.value.problems[0].location == location


def test_measures_table_equals_assess() -> None:
    table = measures_table(NETWORKS, as_of="2026-11-25")
    assert list(table["ego_id"]) == [n.ego.id for n in NETWORKS]
    for network, (_, row) in zip(NETWORKS, table.iterrows(), strict=True):
        measures = assess(network, as_of="2026-11-25").measures
        for name in ("size", "active_size", "role_richness", "professional_count"):
            assert row[name] == getattr(measures, name)
        for name in ("support_evenness", "role_blau", "provider_hhi", "density", "constraint"):
            expected = getattr(measures, name)
            if expected is None:
                assert row[name] is None or math.isnan(row[name])
            else:
                assert row[name] == expected
        assert row["support_count_peer"] == measures.support_counts.peer
        assert row["role_count_family"] == measures.role_counts.family
        assert bool(row["missing_support_peer"]) == ("peer" in measures.missing_support_types)


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'grace-support\[pandas\]'"):
        to_tables([net()])


def test_composition_table_matches_the_measures() -> None:
    from grace_support import measures as m
    from grace_support.tables import composition_table

    networks = cohort(8, seed=3)
    table = composition_table(networks, "gender", k=3)
    assert list(table.columns)[:1] == ["ego_id"]
    for network, (_, row) in zip(networks, table.iterrows(), strict=True):
        shares = m.composition(network, "gender")
        for column in (c for c in table.columns if c.startswith("share_")):
            assert row[column] == shares.get(column.removeprefix("share_"), 0.0)
        assert row["richness"] == m.richness(network, "gender")
        assert row["blau"] == m.blau(network, "gender")
        assert row["iqv"] == m.iqv(network, "gender", k=3)
        assert row["ei_index"] == m.ei_index(network, "gender")


def test_read_three_files_in_egor_style(tmp_path: Path) -> None:
    from grace_support.tables import read_three_files

    # R's write.csv2: ';' separators, decimal commas, quoted header names and strings
    (tmp_path / "egos.csv").write_text('"egoID";"sex"\n"1";"w"\n"2";"m"\n')
    (tmp_path / "alters.csv").write_text(
        '"egoID";"alterID";"role";"closeness";"weight"\n'
        '"1";"1";"friend";"inner";0,5\n"1";"2";"sibling";"middle";1\n"2";"1";"peer";"outer";0,25\n'
    )
    (tmp_path / "edges.csv").write_text('"egoID";"Source";"Target"\n"1";"1";"2"\n')
    egor_names = {
        "egoID": "ego_id",
        "alterID": "alter_id",
        "Source": "alter_a",
        "Target": "alter_b",
    }
    first, second = read_three_files(
        tmp_path / "egos.csv",
        tmp_path / "alters.csv",
        tmp_path / "edges.csv",
        columns=egor_names,
        sep=";",
        decimal=",",
        alter_prefix="a",
    )
    assert first.ego.id == "1"
    assert first.ego.attributes == {"sex": "w"}
    assert [p.id for p in first.people] == ["a1", "a2"]
    assert first.person("a1").attributes == {"weight": 0.5}
    assert first.ties == (("a1", "a2"),)
    assert second.relationship("a1").role == "peer"
    assert second.person("a1").attributes == {"weight": 0.25}
