"""PERSNET REDCap exports: every answer type imports with the documented mapping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from grace_support import DocumentError, SupportType
from grace_support.importers import DroppedDataWarning, read_persnet
from grace_support.importers.persnet import alter_pairs
from tests.persnet_fixture import header, row, write

if TYPE_CHECKING:
    from pathlib import Path

# One respondent who gives every kind of answer the instrument has.
EVERY_ANSWER = row(
    {
        "record_id": "101",
        "redcap_survey_identifier": "",
        "network_survey_2_timestamp": "2026-03-04 10:22:01",
        "age": "52", "sex": "0", "race___1": "1", "race___2": "1", "ethnicity": "1",
        "edu": "5", "zip": "02143", "employment": "0", "occupation": "77", "income": "3",
        "married": "1", "live_alone": "0", "household_number": "3",
        "name1": "Ana", "name2": "Ben", "name3": "Cy", "name4": "Ben", "name5": "Dee",
        "more_names_1": "Eve, Flo",
        "name_1": "1", "name_2": "1", "name_3": "1", "name_4": "0", "name_5": "1",
        "first": "1", "size": "5",
        "tie1": "2", "tie2": "1", "tie3": "1", "tie5": "2",
        # a_tie1 = names 1-2, a_tie2 = 1-3, a_tie4 = 1-5, a_tie15 = 2-3, a_tie29 = 3-5
        "a_tie1": "2", "a_tie2": "1", "a_tie4": "0", "a_tie15": "1", "a_tie29": "2",
        "a_tie3": "1",  # names 1-4: name 4 repeats name 2
        "name1support": "1", "name2support": "0",
        "name1supptype___1": "1", "name1supptype___3": "1", "name1supptype___5": "1",
        "name2supptype___2": "1", "name2supptype___4": "1", "name3supptype___0": "1",
        "name1sex": "1", "name2sex": "0", "name3sex": "2",
        "name1neg": "0", "name2neg": "1",
        "name1race": "2", "name2race": "99", "name1educ": "6", "name2educ": "99",
        "name1speak": "1", "name2speak": "2", "name3speak": "3", "name5speak": "4",
        "name1length": "3", "name2length": "1", "name3length": "99",
        "name1relat___1": "1", "name1relat___3": "1",  # spouse and friend: partner
        "name2relat___3": "1", "name2relat___5": "1",  # friend and coworker: friend
        "name3relat___4": "1",  # advisor
        "name5relat___77": "1",  # other only: role not recorded
        "name1age": "50", "name2age": "33",
        "alcohol": "9", "smoke": "0", "exercise": "1", "diet": "0",
        "health___2": "1", "health___3": "1",
        "name1alcohol": "1", "name2alcohol": "9", "name3alcohol": "99",
        "name1smoke": "9", "name1exer": "0", "name1diet": "1",
        "name1health___4": "1", "name2health___99": "1",
        "name1dist": "1", "name2dist": "5",
        "difficulties": "0", "network_survey_2_complete": "2",
    }
)  # fmt: skip


def pair(tie: Any) -> tuple[str, ...]:
    """The two ids of a tie, whether it is a pair (v1) or a tie object (v2)."""
    return tuple(getattr(tie, "between", tie))


def test_pairs_follow_the_authors_matrix_order() -> None:
    pairs = alter_pairs()
    assert len(pairs) == 105
    assert (pairs[0], pairs[13], pairs[14], pairs[26], pairs[27], pairs[104]) == (
        (1, 2), (1, 15), (2, 3), (2, 15), (3, 4), (14, 15)
    )  # fmt: skip
    assert len(set(pairs)) == 105


def test_every_answer_type(tmp_path: Path) -> None:
    result = read_persnet(write(tmp_path / "export.csv", [EVERY_ANSWER]), errors="collect")
    assert result.problems == ()
    (network,) = result.networks
    assert network.ego.id == "101"
    assert [p.id for p in network.people] == ["name1", "name2", "name3", "name5"]
    assert [p.name for p in network.people] == ["Ana", "Ben", "Cy", "Dee"]
    ana, ben, cy, dee = network.relationships
    # roles: the first ticked of spouse, family, friend, advisor, coworker
    assert (ana.role, ben.role, cy.role) == ("partner", "friend", "other_professional")
    # supports: emotional; advice -> informational; financial and health -> practical
    assert ana.supports == (SupportType.EMOTIONAL, SupportType.PRACTICAL)
    assert ben.supports == (SupportType.PRACTICAL, SupportType.INFORMATIONAL)
    assert cy.supports == ()
    # closeness from tie<k>: 2 (especially close) inner, 1 (not especially close) middle
    assert (ana.closeness, ben.closeness, cy.closeness, dee.closeness) == (
        "inner", "middle", "middle", "inner"
    )  # fmt: skip
    # contact from speak: daily, weekly, monthly, less often -> rarely
    assert [r.contact for r in network.relationships] == ["daily", "weekly", "monthly", "rarely"]
    # strain from neg: 1 some, 0 none
    assert (ana.strain, ben.strain) == ("none", "some")
    # ties from a_tie: 0 is no tie; a tie to the repeated name 4 is dropped
    assert [pair(t) for t in network.ties] == [
        ("name1", "name2"), ("name1", "name3"), ("name2", "name3"), ("name3", "name5")
    ]  # fmt: skip
    assert [str(p) for p in result.dropped] == [
        "export.csv: line 2, column name_4: marks this name as a repeat of another; left out",
        "export.csv: line 2, column a_tie3: joins a name that is not in the network; left out",
    ]
    # the people's own answers
    assert network.person("name1").attributes == {
        "sex": "male", "race": "white", "education": "graduate_degree", "age": 50,
        "drinks_heavily": "yes", "smokes": "does_not_smoke", "exercises": "no",
        "healthy_diet": "yes", "health_general": False, "health_pain": False,
        "health_cognitive_mental_health": False, "health_cardiac": True, "health_none": False,
        "health_dont_know": False,
    }  # fmt: skip
    assert network.person("name2").attributes["race"] == "dont_know"
    assert network.person("name2").attributes["health_dont_know"] is True
    assert network.person("name3").attributes["drinks_heavily"] == "dont_know"
    # relationship answers that are not mapped are kept
    assert ana.attributes == {
        "supports_most": True, "support_camaraderie": True, "support_none": False,
        "years_known": "more_than_6", "distance": "same_house",
        "relationship_spouse": True, "relationship_family": False, "relationship_friend": True,
        "relationship_advisor": False, "relationship_coworker": False,
        "relationship_other": False,
    }  # fmt: skip
    assert ben.attributes["distance"] == "more_than_50_miles"
    assert cy.attributes["support_none"] is True
    assert cy.attributes["years_known"] == "dont_know"
    # the respondent's own answers
    ego = network.ego.attributes
    assert {k: ego[k] for k in ("age", "sex", "ethnicity", "edu", "zip", "employment")} == {
        "age": 52, "sex": "female", "ethnicity": "not_hispanic_or_latino",
        "edu": "bachelors_degree", "zip": "02143", "employment": "out_of_work_not_looking",
    }  # fmt: skip
    assert (ego["race_black"], ego["race_white"], ego["race_asian"]) == (True, True, False)
    assert (ego["occupation"], ego["income"], ego["married"]) == (
        "other", "50000_to_169000", "married"
    )  # fmt: skip
    assert (ego["live_alone"], ego["household_number"], ego["alcohol"], ego["smoke"]) == (
        False, 3, "does_not_drink_heavily", "no"
    )  # fmt: skip
    assert (ego["exercise"], ego["diet"], ego["health_pain"], ego["health_cardiac"]) == (
        True, False, True, False
    )  # fmt: skip
    assert (ego["difficulties"], ego["network_survey_2_complete"]) == (False, "complete")
    assert (ego["more_names"], ego["first"], ego["size"]) == (2, 1, 5)
    assert "more_names_1" not in ego  # the extra names themselves are never kept
    assert ego["network_survey_2_timestamp"] == "2026-03-04 10:22:01"


@pytest.mark.parametrize("code", ["0", "3", "-1", "2.5"])
def test_closeness_codes_are_the_codebooks_2_and_1_only(tmp_path: Path, code: str) -> None:
    answers = row({"record_id": "1", "name1": "Ana", "tie1": code, "name1relat___3": "1"})
    result = read_persnet(write(tmp_path / "export.csv", [answers]), errors="collect")
    assert result.networks == ()
    assert [str(p) for p in result.problems] == [
        "export.csv: line 2, column tie1: is not a code the PERSNET data dictionary defines here"
    ]
    assert result.dropped == ()


@pytest.mark.parametrize(
    ("boxes", "expected", "authors_size"),
    [
        ({}, 0, 2),
        ({"more_names_1": "Eve, Flo"}, 2, 4),
        # as the authors' calculate_size counts (worked by hand from their R code):
        # spaces and case do not matter, each name once, a listed name is not counted again
        ({"more_names_1": "eve ,E VE", "more_names_2": "ana, Gus", "more_names_3": ","}, 2, 4),
    ],
)
def test_more_names_is_a_count_that_completes_the_authors_size(
    tmp_path: Path, boxes: dict[str, str], expected: int, authors_size: int
) -> None:
    answers = row({"record_id": "1", "name1": "Ana", "name2": "Ben", "tie1": "2", "tie2": "1",
                   **boxes})  # fmt: skip
    (network,) = read_persnet(write(tmp_path / "export.csv", [answers]))
    assert network.ego.attributes["more_names"] == expected
    assert len(network.people) + network.ego.attributes["more_names"] == authors_size


def test_weights_unknown_role_and_day(tmp_path: Path) -> None:
    result = read_persnet(write(tmp_path / "export.csv", [EVERY_ANSWER]), errors="collect")
    (network,) = result.networks
    weights = {tuple(t.between): t.weight for t in network.ties}
    assert weights == {
        ("name1", "name2"): 2, ("name1", "name3"): 1, ("name2", "name3"): 1,
        ("name3", "name5"): 2,
    }  # fmt: skip
    assert network.relationship("name5").role is None
    assert network.relationship("name5").attributes["relationship_other"] is True
    assert str(network.collected_on) == "2026-03-04"


def test_dropped_things_warn_in_raise_mode(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", [EVERY_ANSWER])
    with pytest.warns(DroppedDataWarning, match=r"2 things left out.*name_4.*a_tie3") as caught:
        (network,) = read_persnet(path)
    assert len(network.people) == 4
    assert caught[0].filename == __file__  # points at the caller of the reader


def test_answers_about_a_missing_name_are_not_lost_silently(tmp_path: Path) -> None:
    answers = row({"record_id": "1", "name1": "Ana", "tie1": "2", "name1relat___3": "1",
                   "name7age": "40", "a_tie1": "1"})  # fmt: skip
    result = read_persnet(write(tmp_path / "export.csv", [answers]), errors="collect")
    assert [str(p) for p in result.dropped] == [
        "export.csv: line 2, column name7: has answers but no name; the answers are left out",
        "export.csv: line 2, column a_tie1: joins a name that is not in the network; left out",
    ]


def test_unknown_questions_are_kept_as_attributes(tmp_path: Path) -> None:
    columns = [*header(), "name1religion", "name1pets___2", "custom_question"]
    answers = row({"record_id": "1", "name1": "Ana", "tie1": "2", "name1relat___3": "1"}) | {
        "name1religion": "3", "name1pets___2": "1", "custom_question": "often"
    }  # fmt: skip
    (network,) = read_persnet(write(tmp_path / "export.csv", [answers], columns=columns))
    relationship = network.relationship("name1")
    assert relationship.attributes["religion"] == 3
    assert relationship.attributes["pets_2"] is True
    assert network.ego.attributes["custom_question"] == "often"


def test_more_than_one_respondent_and_one_bad(tmp_path: Path) -> None:
    good = row({"record_id": "1", "name1": "Ana", "tie1": "1", "name1relat___2": "1"})
    bad = row({"record_id": "2", "name1": "Secret", "tie1": "7", "name1relat___2": "1",
               "name1speak": "5", "name1supptype___1": "yes", "sex": "4"})  # fmt: skip
    path = write(tmp_path / "export.csv", [good, bad])
    result = read_persnet(path, errors="collect")
    assert [n.ego.id for n in result.networks] == ["1"]
    assert sorted(str(p) for p in result.problems) == [
        "export.csv: line 3, column name1speak: is not a code the PERSNET data dictionary"
        " defines here",
        "export.csv: line 3, column name1supptype___1: is not a code the PERSNET data dictionary"
        " defines here",
        "export.csv: line 3, column sex: is not a code the PERSNET data dictionary defines here",
        "export.csv: line 3, column tie1: is not a code the PERSNET data dictionary defines here",
    ]
    with pytest.raises(DocumentError) as caught:
        read_persnet(path)
    assert "Secret" not in str(caught.value)
    assert "yes" not in str(caught.value)


def test_records_must_be_there_and_unique(tmp_path: Path) -> None:
    one = row({"record_id": "1"})
    path = write(tmp_path / "export.csv", [one, one])
    with pytest.raises(
        DocumentError, match=r"line 3, column record_id: repeats the record of line 2"
    ):
        read_persnet(path)
    no_id = write(tmp_path / "noid.csv", [{"age": "3"}], columns=["age"])
    with pytest.raises(DocumentError, match="has no record_id column"):
        read_persnet(no_id)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError, match="is empty"):
        read_persnet(empty)


def test_a_respondent_with_no_names(tmp_path: Path) -> None:
    (network,) = read_persnet(write(tmp_path / "export.csv", [row({"record_id": "9"})]))
    assert network.people == ()
    assert network.ties == ()


def test_encodings_and_byte_order_mark(tmp_path: Path) -> None:
    answers = row({"record_id": "1", "name1": "Zoë", "tie1": "2", "name1relat___3": "1"})
    path = write(tmp_path / "export.csv", [answers])
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(DocumentError, match=r"line 2: is not valid utf-8 text"):
        read_persnet(path)
    (network,) = read_persnet(path, encoding="latin-1")
    assert network.person("name1").name == "Zoë"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (network,) = read_persnet(path)
    assert network.ego.id == "1"


def test_codes_written_as_decimals(tmp_path: Path) -> None:
    answers = row({"record_id": "1", "name1": "Ana", "tie1": "2.0", "name1relat___3": "1.0"})
    (network,) = read_persnet(write(tmp_path / "export.csv", [answers]))
    assert network.relationship("name1").closeness == "inner"


def test_bad_mode(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", [row({"record_id": "1"})])
    with pytest.raises(ValueError, match="errors must be"):
        read_persnet(path, errors="skip")  # type: ignore[call-overload]


def test_the_docs_table_names_every_label_the_code_writes() -> None:
    from pathlib import Path

    from grace_support.importers import persnet

    page = (Path(__file__).parents[1] / "docs" / "importing-persnet.md").read_text()
    tables: list[dict[str, Any] | None] = [
        *(codes for _, _, codes in persnet._ALTER_QUESTIONS.values()),
        *persnet._EGO_QUESTIONS.values(),
        persnet._CONTACT,
        persnet._STRAIN,
        persnet._CLOSENESS,
    ]
    labels = {v for t in tables if t for v in t.values() if isinstance(v, str)}
    labels |= {f"health_{v}" for v in persnet._HEALTH.values()}
    labels |= {f"race_{v}" for v in persnet._RACE.values() if v != "dont_know"}
    labels |= {f"relationship_{v}" for v in persnet._RELATIONSHIP.values()}
    labels |= set(persnet._ROLE_OF.values())
    labels |= {name for _, name, _ in persnet._ALTER_QUESTIONS.values()}
    missing = sorted(label for label in labels if f"`{label}`" not in page)
    assert missing == []


def test_the_name_generator_is_recorded(tmp_path: Path) -> None:
    """PERSNET's name generator takes up to 15 names (issue 23)."""
    result = read_persnet(write(tmp_path / "export.csv", [EVERY_ANSWER]), errors="collect")
    network = result.networks[0]
    assert (network.generator, network.max_names) == ("persnet", 15)
