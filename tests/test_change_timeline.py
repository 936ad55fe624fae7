"""Timelines, carrying a network forward, the change plots, and the docs' worked example."""

from __future__ import annotations

import json
import runpy
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from grace_support import FindingCode, Relationship, Role, SupportNetwork, assess
from grace_support.change import Timeline, carry_forward, compare, numeric_measures
from grace_support.demo import example_network
from grace_support.plot import CIRCLE_STYLE, convoy, timeline
from tests.helpers import net, rel

if TYPE_CHECKING:
    from collections.abc import Iterator, Sized

ROOT = Path(__file__).parents[1]


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def dated(network: SupportNetwork, day: str) -> SupportNetwork:
    return carry_forward(network, collected_on=day)


def three_waves() -> tuple[SupportNetwork, SupportNetwork, SupportNetwork]:
    example = runpy.run_path(str(ROOT / "examples" / "change_over_time.py"))
    return example["waves"]()  # type: ignore[no-any-return]


# -- carry_forward ----------------------------------------------------------------------------


def test_carry_forward_keeps_everything_but_the_date() -> None:
    first = dated(example_network(), "2026-11-25")
    second = carry_forward(first, collected_on="2027-02-24")
    assert second.collected_on == date(2027, 2, 24)
    assert second.people == first.people
    assert second.relationships == first.relationships  # last_contact kept
    assert second.ties == first.ties
    assert second.needs == first.needs
    assert second.ego == first.ego
    assert carry_forward(first, collected_on=date(2027, 1, 1)).collected_on == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-11-25", "must be after"),
        ("2026-01-01", "must be after"),
        ("25/11/2026", "collected_on must be a date"),
    ],
)
def test_carry_forward_needs_a_later_day(day: str, message: str) -> None:
    first = dated(example_network(), "2026-11-25")
    with pytest.raises(ValueError, match=message):
        carry_forward(first, collected_on=day)


# -- each network on its own day --------------------------------------------------------------


def test_compare_judges_each_network_on_its_collected_on_day() -> None:
    network = net(rel("ana", "friend", ["emotional"], "inner", last_contact="2026-07-01"), ego="e")
    before, after = dated(network, "2026-08-01"), dated(network, "2026-11-01")
    change = compare(before, after)
    assert change.as_of == (date(2026, 8, 1), date(2026, 11, 1))
    # ana is not in touch on the second day: dormant-tie, and no one in touch gives
    # emotional support (in_touch is the one rule of both)
    assert [f.code for f in change.findings_new] == [
        FindingCode.MISSING_SUPPORT,
        FindingCode.DORMANT_TIE,
    ]
    explicit = compare(before, after, as_of=("2026-11-01", "2026-11-01"))
    assert explicit.findings_new == ()


# -- Timeline ---------------------------------------------------------------------------------


def test_timeline_orders_by_collected_on() -> None:
    first, second, third = three_waves()
    history = Timeline([third, first, second])
    assert history.networks == (first, second, third)
    assert history.days == (date(2026, 11, 25), date(2027, 2, 24), date(2027, 5, 26))
    assert (len(history), list(history), history[1]) == (3, [first, second, third], second)
    assert history.ego == "maria"
    assert repr(history) == "Timeline(waves=3)"
    assert history.changes() == (compare(first, second), compare(second, third))
    assert [a.as_of for a in history.assessments()] == list(history.days)


def test_timeline_of_one_wave_has_no_changes() -> None:
    history = Timeline([dated(example_network(), "2026-11-25")])
    assert history.changes() == ()


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("missing", r"networks\[1\] has no collected_on date"),
        ("repeated", r"networks\[2\] has the same collected_on date as networks\[0\]"),
        ("other-ego", r"networks\[1\] is of a different ego than networks\[0\]"),
    ],
)
def test_timeline_errors_name_the_position(which: str, message: str) -> None:
    first, second, third = three_waves()
    networks: list[SupportNetwork] = {
        "missing": [first, example_network().without_person("sam"), third],
        "repeated": [first, second, carry_forward(third, collected_on="2027-06-01")],
        "other-ego": [first, dated(net(ego="zelda-secret"), "2027-01-01")],
    }[which]
    if which == "repeated":
        networks[2] = networks[2].model_validate(
            networks[2].model_dump() | {"collected_on": first.collected_on}
        )
    if which == "missing" and networks[1].collected_on is not None:
        networks[1] = networks[1].model_validate(networks[1].model_dump() | {"collected_on": None})
    with pytest.raises(ValueError, match=message) as info:
        Timeline(networks)
    text = str(info.value)
    assert "zelda" not in text
    assert "2026" not in text
    assert "2027" not in text


def test_empty_timeline() -> None:
    with pytest.raises(ValueError, match="at least one network"):
        Timeline([])


def test_measures_frame_has_one_row_per_wave() -> None:
    history = Timeline(three_waves())
    frame = history.measures_frame()
    assert list(frame["wave"]) == [0, 1, 2]
    assert [d.date() for d in frame["collected_on"]] == list(history.days)
    for row, result in zip(frame.to_dict(orient="records"), history.assessments(), strict=True):
        for name, value in numeric_measures(result).items():
            assert row[name] == value or (value is None and row[name] != row[name])


def test_the_worked_example_by_hand() -> None:
    first, second, third = three_waves()
    change = compare(first, second)
    assert (change.kept, change.gained, change.lost) == (
        ("ana", "carlos", "dr-lee", "jamie", "rosa", "sam"),
        ("kim",),
        (),
    )
    assert [t.value for t in change.support_types_gained] == ["peer"]
    later = compare(second, third)
    assert later.lost == ("jamie",)
    assert later.gained == ("lee",)
    assert (later.closer, later.further) == (1, 1)  # kim in, carlos out


# -- plots ------------------------------------------------------------------------------------


def test_timeline_plot_panels_differ_in_more_than_colour() -> None:
    measures = ["active_size", "support_types_covered", "top_provider_share"]
    figure = timeline(Timeline(three_waves()), measures=measures)
    axes = [ax for ax in figure.axes if ax.lines]
    assert [ax.get_title() for ax in axes] == measures
    styles = {(ax.lines[0].get_marker(), ax.lines[0].get_linestyle()) for ax in axes}
    assert len(styles) == len(measures)
    assert len(cast("Sized", axes[0].lines[0].get_xdata())) == 3


def test_timeline_plot_rejects_an_unknown_measure() -> None:
    with pytest.raises(ValueError, match="is not a numeric measure"):
        timeline(Timeline(three_waves()), measures=["nope"])


def test_convoy_shows_people_joined_and_gone() -> None:
    ax = convoy(Timeline(three_waves()))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:3] == ["ana", "carlos", "sam"]  # inner circle of the first wave first
    assert set(labels) == {"ana", "carlos", "sam", "dr-lee", "rosa", "jamie", "kim", "lee"}
    assert "Ana" not in labels
    assert [t.get_text() for t in ax.texts].count("joined") == 2
    box = ax.get_legend()
    assert box is not None
    legend = [t.get_text() for t in box.get_texts()]
    assert legend == ["inner circle", "middle circle", "outer circle", "closeness not recorded",
                      "no longer named"]  # fmt: skip
    shapes = {marker for _, marker, _ in CIRCLE_STYLE.values()}
    assert len(shapes) == len(CIRCLE_STYLE)


def test_convoy_names_on_request_and_none() -> None:
    history = Timeline(three_waves())
    assert "Ana" in [t.get_text() for t in convoy(history, labels="name").get_yticklabels()]
    assert not any(t.get_text() for t in convoy(history, labels=None).get_yticklabels())


# -- the docs' worked example stays true ------------------------------------------------------


def test_docs_text_and_json_are_what_the_code_gives() -> None:
    first, second, _ = three_waves()
    change = compare(first, second)
    snippet = (ROOT / "docs" / "snippets" / "change-text.txt").read_text(encoding="utf-8")
    assert snippet.rstrip("\n") == change.to_text()
    data: dict[str, Any] = json.loads(
        (ROOT / "docs" / "snippets" / "change-example.json").read_text(encoding="utf-8")
    )
    full = change.model_dump(mode="json")
    for key, value in data.items():
        if key == "measures":  # the docs show a few of them
            assert value == {name: full["measures"][name] for name in value}
        else:
            assert value == full[key], key
    assert (ROOT / "docs" / "img" / "change-timeline.png").stat().st_size > 1000
    assert (ROOT / "docs" / "img" / "change-convoy.png").stat().st_size > 1000


def test_a_timeline_judges_each_wave_as_assess_does() -> None:
    # A last contact recorded after the interview day: assess(network) judges it on its
    # collected_on without refusing it, and so do the timeline's assessments and changes.
    odd = SupportNetwork.build(
        "sam",
        [("jo", Relationship(person="jo", role=Role.FRIEND, last_contact=date(2026, 2, 1)))],
        collected_on="2026-01-01",
    )
    later = dated(odd, "2026-03-01")
    history = Timeline([odd, later])
    assert history.assessments()[0] == assess(odd)
    (change,) = history.changes()
    assert change == compare(odd, later)
