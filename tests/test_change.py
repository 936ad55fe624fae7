"""Change over time: worked examples computed by hand, errors, the text and the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from grace_support import (
    FindingCode,
    Person,
    Relationship,
    SupportNetwork,
    SupportType,
    json_schema,
    network_from_data,
)
from grace_support.change import (
    AlterChange,
    MeasureChange,
    NetworkChange,
    change_table,
    compare,
    numeric_measures,
    to_network_canvas_roster,
)
from grace_support.cli import main
from grace_support.demo import example_network
from grace_support.report import CRISIS_LINE
from grace_support.schemas import dumps_schema
from grace_support.vocabulary import ActionId, Closeness, Contact
from tests.helpers import net, rel

SNAPSHOTS = Path(__file__).parent / "snapshots"
DAYS = ("2026-08-01", "2026-11-01")


def maria_before() -> object:
    return net(
        rel("ana", "friend", ["emotional", "practical"], "inner", contact="weekly"),
        rel("ben", "sibling", ["practical"], "middle", contact="monthly"),
        rel("cy", "coworker", [], "outer", contact="monthly"),
        rel("dee", "parent", ["emotional"], "middle", strain="high"),
        rel("eli1", "friend", ["informational"], "outer"),
        ties=[("ana", "ben"), ("ben", "dee"), ("cy", "eli1")],
        ego="maria",
    )


def maria_after() -> object:
    return net(
        rel("ana", "friend", ["emotional", "practical"], "middle", contact="weekly"),
        rel("ben", "sibling", ["practical", "emotional"], "inner", contact="weekly"),
        rel("cy", "coworker", [], "outer", contact="monthly"),
        rel("eli", "friend", ["informational"], "middle"),
        rel("fay", "peer", ["peer"], "middle", contact="weekly"),
        ties=[("ana", "ben"), ("ben", "eli"), ("cy", "eli"), ("eli", "fay")],
        ego="maria",
    )


@pytest.fixture
def change() -> NetworkChange:
    return compare(maria_before(), maria_after(), match={"eli1": "eli"}, as_of=DAYS)  # type: ignore[arg-type]


# -- the worked example (every number below was worked out by hand) ---------------------------


def test_people_kept_gained_lost_with_a_renamed_person(change: NetworkChange) -> None:
    assert change.ego == "maria"
    assert change.as_of == (date(2026, 8, 1), date(2026, 11, 1))
    assert change.kept == ("ana", "ben", "cy", "eli")  # eli1 was renamed eli: after-ids
    assert change.gained == ("fay",)
    assert change.lost == ("dee",)
    assert change.alter_jaccard == pytest.approx(4 / 6)  # 4 kept / (5 + 5 - 4)


def test_circles_crossed_both_ways_and_relationship_changes(change: NetworkChange) -> None:
    assert (change.closer, change.further) == (2, 1)  # ben, eli inward; ana outward
    assert change.alter_changes == (
        AlterChange(person="ana", closeness=(Closeness.INNER, Closeness.MIDDLE)),
        AlterChange(
            person="ben",
            closeness=(Closeness.MIDDLE, Closeness.INNER),
            contact=(Contact.MONTHLY, Contact.WEEKLY),
            supports_gained=(SupportType.EMOTIONAL,),
        ),
        AlterChange(person="eli", closeness=(Closeness.OUTER, Closeness.MIDDLE)),
    )


def test_ties_churned(change: NetworkChange) -> None:
    # among kept people: before (ana,ben), (cy,eli); after adds (ben,eli)
    assert change.ties_gained == (("ben", "eli"),)
    assert change.ties_lost == ()
    # all ties: 3 before, 4 after, 2 in common -> 2 / (3 + 4 - 2)
    assert change.tie_jaccard == pytest.approx(2 / 5)


def test_support_types_appear(change: NetworkChange) -> None:
    assert change.support_types_gained == (SupportType.PEER,)
    assert change.support_types_lost == ()


def test_measure_deltas(change: NetworkChange) -> None:
    assert change.measures["size"] == MeasureChange(before=5, after=5, delta=0)
    assert change.measures["support_types_covered"] == MeasureChange(before=3, after=4, delta=1)
    assert change.measures["strained_count"] == MeasureChange(before=1, after=0, delta=-1)
    assert change.measures["support_counts.peer"] == MeasureChange(before=0, after=1, delta=1)
    assert change.measures["density"].delta == pytest.approx(4 / 10 - 3 / 10)


def test_findings_resolved_new_and_persisting(change: NetworkChange) -> None:
    resolved = [(f.code, f.support_type, f.people) for f in change.findings_resolved]
    assert resolved == [
        (FindingCode.MISSING_SUPPORT, SupportType.PEER, ()),
        (FindingCode.STRAINED_TIE, None, ("dee",)),
    ]
    assert [(f.code, f.support_type) for f in change.findings_new] == [
        (FindingCode.SINGLE_PROVIDER, SupportType.PEER)
    ]
    # single-provider informational persists: matched by type, and its person was renamed
    assert [(f.code, f.support_type, f.people) for f in change.findings_persisting] == [
        (FindingCode.NO_PROFESSIONAL_CARE, None, ()),
        (FindingCode.SINGLE_PROVIDER, SupportType.INFORMATIONAL, ("eli",)),
    ]


def test_without_the_match_the_renamed_person_is_lost_and_gained() -> None:
    change = compare(maria_before(), maria_after(), as_of=DAYS)  # type: ignore[arg-type]
    assert change.kept == ("ana", "ben", "cy")
    assert change.gained == ("eli", "fay")
    assert change.lost == ("dee", "eli1")
    assert change.alter_jaccard == pytest.approx(3 / 7)
    assert change.tie_jaccard == pytest.approx(1 / 6)  # only (ana, ben) in common


def test_findings_about_a_person_follow_the_match() -> None:
    before = net(rel("x1", "friend", ["emotional"], "inner", contact="lost_touch"), ego="e")
    after = net(rel("x2", "friend", ["emotional"], "inner", contact="lost_touch"), ego="e")
    matched = compare(before, after, match={"x1": "x2"}, as_of=DAYS)
    dormant = [f for f in matched.findings_persisting if f.code is FindingCode.DORMANT_TIE]
    assert [f.people for f in dormant] == [("x2",)]
    unmatched = compare(before, after, as_of=DAYS)
    assert [f.people for f in unmatched.findings_resolved if f.code is FindingCode.DORMANT_TIE] == [
        ("x1",)
    ]
    assert [f.people for f in unmatched.findings_new if f.code is FindingCode.DORMANT_TIE] == [
        ("x2",)
    ]


def test_support_type_disappears_when_its_provider_goes_dormant() -> None:
    before = net(rel("ana", "friend", ["emotional"], "inner", contact="weekly"), ego="e")
    after = net(rel("ana", "friend", ["emotional"], "inner", contact="lost_touch"), ego="e")
    change = compare(before, after, as_of=DAYS)
    assert change.support_types_lost == (SupportType.EMOTIONAL,)
    assert change.support_types_gained == ()
    assert change.alter_changes == (
        AlterChange(person="ana", contact=(Contact.WEEKLY, Contact.LOST_TOUCH)),
    )
    assert (change.closer, change.further) == (0, 0)
    new = {(f.code, f.support_type) for f in change.findings_new}
    assert (FindingCode.MISSING_SUPPORT, SupportType.EMOTIONAL) in new
    assert (FindingCode.DORMANT_TIE, None) in new


def test_supports_lost_by_a_kept_person() -> None:
    before = net(rel("ana", "friend", ["emotional", "peer"]), ego="e")
    after = net(rel("ana", "relative", ["emotional"]), ego="e")
    (entry,) = compare(before, after, as_of=DAYS).alter_changes
    assert entry.supports_lost == (SupportType.PEER,)
    assert entry.supports_gained == ()
    assert entry.role is not None
    assert entry.role == ("friend", "relative")


def test_dormant_tie_is_judged_on_each_networks_own_day() -> None:
    network = net(rel("ana", "friend", ["emotional"], "inner", last_contact="2026-07-01"), ego="e")
    change = compare(network, network, as_of=("2026-08-01", "2026-11-01"))
    # 31 days before the first interview, 123 days before the second: ana is not in touch
    # on the second day (in_touch), so no one in touch gives emotional support either
    assert [f.code for f in change.findings_new] == [
        FindingCode.MISSING_SUPPORT,
        FindingCode.DORMANT_TIE,
    ]
    # ...and ana, not in touch, is no longer the one person giving it
    assert [f.code for f in change.findings_resolved] == [FindingCode.SINGLE_PROVIDER]


@pytest.mark.parametrize(
    ("before_people", "after_people", "alter_jaccard"),
    [
        ((), (), None),
        ((), ("a",), 0.0),
        (("a",), (), 0.0),
        (("a", "b"), ("b", "c"), 1 / 3),
        (("a", "b"), ("a", "b"), 1.0),
    ],
)
def test_alter_jaccard_table(
    before_people: tuple[str, ...], after_people: tuple[str, ...], alter_jaccard: float | None
) -> None:
    before = net(*(rel(p) for p in before_people), ego="e")
    after = net(*(rel(p) for p in after_people), ego="e")
    change = compare(before, after, as_of=DAYS)
    assert change.alter_jaccard == (None if alter_jaccard is None else pytest.approx(alter_jaccard))
    assert change.tie_jaccard is None  # no ties on either side


def test_empty_networks() -> None:
    empty = net(ego="e")
    change = compare(empty, empty, as_of=DAYS)
    assert change.is_empty
    assert (change.kept, change.gained, change.lost) == ((), (), ())
    assert change.alter_jaccard is None
    assert change.tie_jaccard is None
    assert change.measures["size"] == MeasureChange(before=0, after=0, delta=0)
    assert change.measures["density"] == MeasureChange(before=None, after=None, delta=None)


def test_undefined_measure_on_one_side_has_no_delta() -> None:
    before = net(ego="e")
    after = net(rel("a", supports=["emotional"]), rel("b"), ego="e")
    change = compare(before, after, as_of=DAYS)
    assert change.measures["density"] == MeasureChange(before=None, after=0.0, delta=None)
    assert change.gained == ("a", "b")
    assert change.alter_jaccard == 0.0


def test_numeric_measures_cover_every_number_of_the_assessment() -> None:
    from grace_support import assess

    result = assess(example_network(), as_of="2026-11-25")
    values = numeric_measures(result)
    dumped = result.measures.model_dump()
    for name, value in dumped.items():
        if isinstance(value, dict):
            assert all(values[f"{name}.{k}"] == v for k, v in value.items())
        elif isinstance(value, tuple):
            assert name not in values
        else:
            assert values[name] == value


# -- errors name places, never ids ------------------------------------------------------------

SECRET = "zelda-secret"


@pytest.mark.parametrize(
    ("match", "message"),
    [
        ({SECRET: "ana"}, "match entry 0: its key names no one in the before network"),
        ({"ana": SECRET}, "match entry 0: its value names no one in the after network"),
        ({"dee": "ana"}, "both map to the same after person"),
    ],
)
def test_bad_match_is_an_error_naming_the_entry(match: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        compare(maria_before(), maria_after(), match=match, as_of=DAYS)  # type: ignore[arg-type]
    assert SECRET not in str(info.value)
    assert "ana" not in str(info.value)
    assert info.value.__cause__ is None
    assert info.value.__context__ is None


def test_different_egos_and_bad_days() -> None:
    with pytest.raises(ValueError, match="different egos") as info:
        compare(net(ego=SECRET), net(ego="other"))
    assert SECRET not in str(info.value)
    with pytest.raises(ValueError, match="pair of days"):
        compare(net(ego="e"), net(ego="e"), as_of="2026-01-01")
    with pytest.raises(ValueError, match=r"as_of\[1\] must be a date"):
        compare(net(ego="e"), net(ego="e"), as_of=("2026-01-01", "soon"))


# -- the document -----------------------------------------------------------------------------


def test_json_round_trip_and_schema(change: NetworkChange) -> None:
    data = change.model_dump(mode="json")
    assert data["schema_version"] == 1
    assert data["as_of"] == ["2026-08-01", "2026-11-01"]
    assert data["measures"]["size"] == {"before": 5, "after": 5, "delta": 0}
    assert data["alter_changes"][0] == {
        "person": "ana",
        "role": None,
        "closeness": ["inner", "middle"],
        "contact": None,
        "strain": None,
        "supports_gained": [],
        "supports_lost": [],
        "gives_gained": [],
        "gives_lost": [],
    }
    jsonschema.validate(data, json_schema("change"))
    again = NetworkChange.model_validate_json(json.dumps(data))
    assert again == change
    assert again.model_dump(mode="json") == data


def test_change_schema_snapshot() -> None:
    path = SNAPSHOTS / "change.schema.json"
    text = dumps_schema("change")
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), "change.schema.json changed"


def test_reprs_hold_no_ids(change: NetworkChange) -> None:
    assert repr(change) == "NetworkChange(kept=4, gained=1, lost=1, closer=2, further=1)"
    assert str(change) == repr(change)
    assert "ben" not in repr(change.alter_changes[1])


def test_changes_are_frozen(change: NetworkChange) -> None:
    with pytest.raises(ValueError, match="frozen"):
        change.closer = 5  # type: ignore[misc]


# -- the text ---------------------------------------------------------------------------------


def named(network: object, names: dict[str, str]) -> object:
    people = tuple(
        Person(id=p.id, name=names.get(p.id))
        for p in network.people  # type: ignore[attr-defined]
    )
    return network.model_copy(update={"people": people})  # type: ignore[attr-defined]


NAMES = {"ana": "Ana", "ben": "Benjamin", "dee": "Deirdre", "fay": "Fayola", "eli": "Elias"}


@pytest.fixture
def named_change() -> NetworkChange:
    before = named(maria_before(), NAMES | {"eli1": "Elias"})
    after = named(maria_after(), NAMES)
    return compare(before, after, match={"eli1": "eli"}, as_of=DAYS)  # type: ignore[arg-type]


def test_text_names_no_one_by_default(named_change: NetworkChange) -> None:
    text = named_change.to_text()
    for name in (*NAMES.values(), *NAMES):
        assert name not in text.split()
        assert f"{name}," not in text
        assert f"{name}." not in text
    assert "1 person joined the network." in text
    assert "2 people moved into a closer circle." in text
    assert "1 person moved to a circle further out." in text


def test_text_order_advice_and_crisis_line(named_change: NetworkChange) -> None:
    text = named_change.to_text()
    lines = text.splitlines()
    assert lines[0] == "How the support network changed from 2026-08-01 to 2026-11-01"
    assert lines[-1] == CRISIS_LINE
    assert text.index("What grew stronger") < text.index("What needs attention")
    assert text.index("What needs attention") < text.index("What could help")
    assert "Peer support is there now" in text
    assert "Less of a concern than last time: a draining relationship." in text
    assert ActionId.RECONNECT.advice in text  # someone left, someone moved further out
    assert "not a diagnosis" in text
    assert all(len(line) <= 88 for line in lines)


def test_text_with_names(named_change: NetworkChange) -> None:
    text = named_change.to_text(names=True)
    assert "joined the network: Fayola." in text
    assert "moved into a closer circle: Benjamin, Elias." in text
    assert "not named now: Deirdre." in text
    assert "further out: Ana." in text


def test_text_of_a_change_read_back_from_json_shows_ids(named_change: NetworkChange) -> None:
    again = NetworkChange.model_validate(named_change.model_dump(mode="json"))
    assert "joined the network: fay." in again.to_text(names=True)


def test_text_when_nothing_changed() -> None:
    network = net(rel("a", supports=list(SupportType)), rel("b"), rel("c"), ego="e")
    text = compare(network, network, as_of=DAYS).to_text()
    assert "The network held steady" in text
    assert "Nothing new needs attention" not in text or "Still worth" not in text
    assert text.endswith(CRISIS_LINE)


# -- Network Canvas roster --------------------------------------------------------------------


def test_roster_csv() -> None:
    text = to_network_canvas_roster(example_network())
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [p.id for p in example_network().people]
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    ana = rows[0]
    assert ana["name"] == "Ana"
    assert ana["closeness"] == "inner"
    assert (ana["emotional"], ana["peer"]) == ("true", "false")
    no_name = to_network_canvas_roster(net(rel("p1", contact=None), ego="e"))
    (row,) = csv.DictReader(io.StringIO(no_name))
    assert row["name"] == "p1"
    assert row["contact"] == ""
    assert row["last_contact"] == ""


def test_roster_of_an_empty_network_is_a_header() -> None:
    text = to_network_canvas_roster(net(ego="e"))
    assert text.count("\r\n") == 1
    assert text.startswith("id,name,")


# -- many egos --------------------------------------------------------------------------------


def test_change_table_worked_example() -> None:
    before = [maria_before(), net(rel("a"), ego="zed"), net(ego="only-before")]
    after = [net(rel("a"), rel("b"), ego="zed"), maria_after(), net(ego="only-after")]
    table = change_table(before, after, as_of=DAYS)  # type: ignore[arg-type]
    assert list(table["ego_id"]) == ["maria", "zed"]
    maria = table.iloc[0]
    assert (maria["kept"], maria["gained"], maria["lost"]) == (3, 2, 2)  # no match here
    assert (maria["closer"], maria["further"]) == (1, 1)
    assert maria["coverage_before"] == 3
    assert maria["coverage_after"] == 4
    assert maria["delta_size"] == 0
    assert maria["delta_support_counts.peer"] == 1
    zed = table.iloc[1]
    assert (zed["kept"], zed["gained"], zed["lost"]) == (1, 1, 0)
    assert zed["alter_jaccard"] == pytest.approx(0.5)


def test_change_table_empty_and_duplicates() -> None:
    table = change_table([], [])
    assert len(table) == 0
    assert {"ego_id", "kept", "delta_size", "findings_new"} <= set(table.columns)
    with pytest.raises(ValueError, match=r"before_networks\[2\] is of the same ego as"):
        change_table([net(ego="a"), net(ego="b"), net(ego="a")], [])


# -- command line -----------------------------------------------------------------------------


def write(tmp_path: Path, name: str, network: object) -> str:
    path = tmp_path / name
    path.write_text(network.to_json(), encoding="utf-8")  # type: ignore[attr-defined]
    return str(path)


def test_cli_compare_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = write(tmp_path, "before.json", named(maria_before(), NAMES))
    after = write(tmp_path, "after.json", named(maria_after(), NAMES))
    match = tmp_path / "match.json"
    match.write_text('{"eli1": "eli"}', encoding="utf-8")
    assert main(["compare", before, after, "--as-of", *DAYS]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(CRISIS_LINE)
    assert "Fayola" not in out
    assert main(["compare", before, after, "--as-of", *DAYS, "--names"]) == 0
    assert "Fayola" in capsys.readouterr().out
    code = main(
        ["compare", before, after, "--match", str(match), "--format", "json", "--as-of", *DAYS]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kept"] == ["ana", "ben", "cy", "eli"]


@pytest.mark.parametrize(
    ("match_text", "message"),
    [
        ("[1, 2]", "must be a JSON object"),
        ('{"eli1": 3}', "entry 0: must map an id to an id"),
        ('{"eli1": ', "is not valid JSON"),
        ('{"zelda-secret": "eli"}', "its key names no one in the before network"),
    ],
)
def test_cli_compare_bad_match_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], match_text: str, message: str
) -> None:
    before = write(tmp_path, "before.json", maria_before())
    after = write(tmp_path, "after.json", maria_after())
    match = tmp_path / "match.json"
    match.write_text(match_text, encoding="utf-8")
    assert main(["compare", before, after, "--match", str(match)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "match.json" in err
    assert "zelda" not in err


def test_cli_compare_other_ego_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = write(tmp_path, "before.json", maria_before())
    other = write(tmp_path, "other.json", net(ego="someone-else"))
    assert main(["compare", before, other]) == 1
    err = capsys.readouterr().err
    assert "ego.id" in err
    assert "someone-else" not in err
    assert main(["compare", before, str(tmp_path / "missing.json")]) == 3


# -- document version 2: unknown closeness, gives, weighted ties, new measures ----------------


def loose(person: str, **fields: Any) -> Relationship:
    """A relationship where role and closeness may be None (not recorded)."""
    return Relationship.model_validate(
        {"person": person, "role": "friend", "closeness": "middle"} | fields
    )


def test_unknown_closeness_is_neither_closer_nor_further() -> None:
    before = net(loose("a", closeness=None), loose("b", closeness="outer"), ego="e")
    after = net(loose("a", closeness="inner"), loose("b", closeness=None), ego="e")
    change = compare(before, after, as_of=DAYS)
    assert (change.closer, change.further) == (0, 0)
    assert [c.closeness for c in change.alter_changes] == [
        (None, Closeness.INNER),
        (Closeness.OUTER, None),
    ]


def test_gives_gained_and_lost() -> None:
    before = net(loose("a", gives=["emotional"]), ego="e")
    after = net(loose("a", gives=["practical", "emotional", "peer"]), ego="e")
    (entry,) = compare(before, after, as_of=DAYS).alter_changes
    assert entry.gives_gained == (SupportType.PRACTICAL, SupportType.PEER)
    assert entry.gives_lost == ()
    assert compare(after, before, as_of=DAYS).alter_changes[0].gives_lost == entry.gives_gained
    assert (
        "You now give more kinds of support to 1 person."
        in compare(before, after, as_of=DAYS).to_text()
    )


def test_a_tie_whose_weight_changed_is_the_same_tie() -> None:
    from grace_support import Tie

    people = [(Person(id=p), rel(p)) for p in ("a", "b", "c")]
    before = SupportNetwork.build("e", people, ties=[Tie("a", "b", weight=1.0), ("b", "c")])
    after = SupportNetwork.build("e", people, ties=[Tie("b", "a", weight=3.5)])
    change = compare(before, after, as_of=DAYS)
    assert change.ties_gained == ()
    assert change.ties_lost == (("b", "c"),)
    assert change.tie_jaccard == pytest.approx(1 / 2)
    assert all(type(pair) is tuple for pair in change.ties_lost)


def test_new_measures_of_the_assessment_appear_without_code() -> None:
    before = net(loose("a", role=None, supports=["emotional"]), ego="e")
    after = net(loose("a", role="friend", supports=["emotional"], gives=["emotional"]), ego="e")
    change = compare(before, after, as_of=DAYS)
    assert change.measures["role_unknown_count"] == MeasureChange(before=1, after=0, delta=-1)
    assert change.measures["support_given_counts.emotional"].delta == 1
    assert change.measures["reciprocity"] == MeasureChange(before=0.0, after=1.0, delta=1.0)


def test_change_schema_has_its_own_id() -> None:
    assert json_schema("change")["$id"].endswith("/schemas/change/v1.json")


def test_roster_gives_and_unknown_role() -> None:
    text = to_network_canvas_roster(net(loose("p1", role=None, closeness=None, gives=["peer"])))
    (row,) = csv.DictReader(io.StringIO(text))
    assert (row["role"], row["closeness"]) == ("", "")
    assert (row["gives_peer"], row["gives_emotional"]) == ("true", "false")


def test_reconnection_and_drifting_apart_in_the_text() -> None:
    before = net(loose("a", contact="lost_touch"), loose("b", contact="weekly"), ego="e")
    after = net(loose("a", contact="weekly"), loose("b", contact="lost_touch"), ego="e")
    text = compare(before, after, as_of=DAYS).to_text()
    assert "1 person you had lost touch with is back in touch." in text
    assert "1 person you were in touch with is out of touch now." in text


def test_importing_change_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, grace_support.change, grace_support.cli.compare;"
        "print(','.join(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


@pytest.mark.parametrize(
    ("asked_before", "supports_before", "gained", "lost"),
    [
        # peer not asked at first: its arrival is not a kind gained ("not asked" is not
        # "none"); emotional, asked both times, goes
        (
            ["emotional", "practical", "informational"],
            ["emotional"],
            (),
            (SupportType.EMOTIONAL,),
        ),
        # asked both times: peer arrives, and emotional goes (ana gives peer only now)
        (None, ["emotional"], (SupportType.PEER,), (SupportType.EMOTIONAL,)),
        # ana's supports not recorded at first: nothing counted, so nothing gained or lost
        (None, None, (), ()),
    ],
)
def test_kinds_gained_and_lost_only_where_counted_both_times(
    asked_before: list[str] | None,
    supports_before: list[str] | None,
    gained: tuple[SupportType, ...],
    lost: tuple[SupportType, ...],
) -> None:
    def wave(day: str, supports: list[str] | None, asked: list[str] | None) -> SupportNetwork:
        document: dict[str, Any] = {
            "schema_version": 3,
            "collected_on": day,
            "ego": {"id": "sam"},
            "people": [{"id": "ana"}],
            "relationships": [{"person": "ana", "role": "friend"}],
        }
        if supports is not None:
            document["relationships"][0]["supports"] = supports
        if asked is not None:
            document["support_types_asked"] = asked
        return network_from_data(document)

    change = compare(
        wave("2026-08-01", supports_before, asked_before), wave("2026-11-01", ["peer"], None)
    )
    assert (change.support_types_gained, change.support_types_lost) == (gained, lost)
    row = change_table(
        [wave("2026-08-01", supports_before, asked_before)], [wave("2026-11-01", ["peer"], None)]
    ).iloc[0]
    assert (row["support_types_gained"], row["support_types_lost"]) == (len(gained), len(lost))
