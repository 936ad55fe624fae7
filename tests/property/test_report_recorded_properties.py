"""Reports say only what the measures say (issue 19).

Over generated version-3 networks (fields not recorded, kinds of support not asked,
partial ``ties_asked``, stale last contacts, custom ``dormant_after_days``), the
rendered text report and HTML page are parsed back, and every count and every list
of people is checked against the measures, ``in_touch`` and the findings.
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from grace_support import Person, Settings, SupportNetwork, SupportType, assess
from grace_support.assessment import Assessment, NotRecordedField
from grace_support.report import render_html, render_report
from grace_support.report._facts import not_recorded_words, report_facts
from grace_support.touch import in_touch_ids
from grace_support.vocabulary import Closeness, Contact, RoleCategory, Strain
from tests.property.strategies import settings_strategy, v3_networks

judge_days = st.dates(date(2026, 8, 1), date(2027, 6, 30))
"""Days after every drawn last contact (so ``assess`` accepts them), near and far."""


def _ids_only(network: SupportNetwork) -> SupportNetwork:
    """The network with no names, so every label is an id (which has no comma or space)."""
    return network.model_copy(update={"people": tuple(Person(id=p.id) for p in network.people)})


def _rows(text: str, section: str) -> dict[str, str]:
    """The labelled rows of a text section, each with its wrapped lines joined."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(section)) + 1
    rows: dict[str, str] = {}
    label = ""
    for line in lines[start:]:
        if not line:
            break
        if line.startswith(" " * 26):
            rows[label] += " " + line.strip()
        else:
            label, value = line[2:26].strip(), line[26:].strip()
            rows[label] = value
    return rows


def _list(value: str) -> list[str]:
    return value.split(", ") if value else []


def _in_order(network: SupportNetwork, ids: set[str] | frozenset[str]) -> list[str]:
    return [r.person for r in network.relationships if r.person in ids]


def _check_text(network: SupportNetwork, result: Assessment, touching: frozenset[str]) -> None:
    ms = result.measures
    text = render_report(result, network)
    glance = _rows(text, "At a glance")
    apart = {r.person for r in network.relationships} - touching
    # named = in touch + not in touch, each a measure's value
    apart_count = ms.size - ms.active_size
    expected = f"{ms.size} named: {ms.active_size} in touch, {apart_count} not in touch"
    assert glance["People"] == (expected if ms.size else "0 named")
    assert _list(glance.get("In touch", "")) == _in_order(network, touching)
    shown_apart = [
        re.fullmatch(r"(\S+) \((lost touch|not in touch for a while)\)", item)
        for item in _list(glance.get("Not in touch", ""))
    ]
    assert all(match is not None for match in shown_apart)
    assert [m.group(1) for m in shown_apart if m] == _in_order(network, apart)
    for match in shown_apart:
        assert match is not None
        lost = network.relationship(match.group(1)).contact is Contact.LOST_TOUCH
        assert (match.group(2) == "lost touch") is lost
    inner = ms.inner_circle_size
    assert glance["Inner circle"] == ("not recorded" if inner is None else str(inner))
    regular = ms.regular_contact_size
    assert glance["In touch every 2 weeks"] == ("not recorded" if regular is None else str(regular))
    roles = ms.role_counts.model_dump()
    parts = [f"{c} {roles[c]}" for c in RoleCategory if roles[c]]
    if ms.role_unknown_count:
        parts.append(f"role not recorded {ms.role_unknown_count}")
    assert glance["Who is in touch"] == (", ".join(parts) or "no one yet")
    _check_support_text(network, result, touching, text)
    _check_notes_and_counts(result, text)


def _check_support_text(
    network: SupportNetwork, result: Assessment, touching: frozenset[str], text: str
) -> None:
    """Support by type: counts and people are the measures' and the in-touch set's."""
    ms = result.measures
    heading = next(line for line in text.splitlines() if line.startswith("Support by type"))
    covered = ms.support_types_covered
    if covered is None:
        assert heading == "Support by type (not recorded)"
    else:
        assert heading.startswith(f"Support by type ({covered} of ")
    support = _rows(text, "Support by type")
    counts = ms.support_counts.model_dump()
    for support_type in SupportType:
        value = support[support_type.value.capitalize()]
        if support_type not in network.support_types_asked:
            assert value == "not asked in this interview"
            assert counts[support_type.value] is None
            continue
        givers = {r.person for r in network.relationships if r.provides(support_type)}
        main, _, rest = value.partition(" (not in touch: ")
        assert _list(rest.removesuffix(")")) == _in_order(network, givers - touching)
        shown: list[str] = []
        for part in main.split("; "):
            unknown = re.fullmatch(r"not recorded for (\d+) (?:person|people) in touch", part)
            if unknown:
                assert int(unknown.group(1)) == ms.support_unknown_count
            elif part != "no one right now":
                shown = _list(part)
        assert shown == _in_order(network, givers & touching)
        if counts[support_type.value] is not None:
            assert len(shown) == counts[support_type.value]
        assert ("not recorded for" in main) is (ms.support_unknown_count > 0)


def _check_notes_and_counts(result: Assessment, text: str) -> None:
    """Not recorded in plain words; findings' people; every count of people a measure's."""
    joined = " ".join(text.split())
    if result.not_recorded:
        notes = joined.partition("Not asked or not recorded - ")[2]
        for entry in result.not_recorded:
            words = not_recorded_words(entry)
            assert notes.startswith(words)
            notes = notes.removeprefix(words).removeprefix(" - ")
    else:
        assert "Not asked or not recorded" not in text

    # findings: every "About:" list is a finding's people
    about = [" ".join(m.split()) for m in re.findall(r"About: ([^\n]+(?:\n {7}[^\n]+)*)", text)]
    assert about == [", ".join(f.people) for f in result.findings if f.people]

    # every count of people in the text is a measure's (or a not-recorded entry's) value
    allowed = _people_counts(result)
    for number in re.findall(r"(\d+) (?:people|person)\b", joined):
        assert int(number) in allowed, number


def _people_counts(result: Assessment) -> set[int]:
    ms = result.measures
    values = {v for v in ms.model_dump().values() if isinstance(v, int)}
    values |= {ms.size - ms.active_size}
    values |= {entry.count for entry in result.not_recorded}
    return values


def _facts(page: str, name: str) -> str:
    match = re.search(rf'<(?:p|ul) data-facts="{name}">(.*?)</(?:p|ul)>', page, re.S)
    return "" if match is None else unescape(match.group(1))


def _check_html(network: SupportNetwork, result: Assessment, touching: frozenset[str]) -> None:
    ms = result.measures
    page = render_html(result, network)
    apart = {r.person for r in network.relationships} - touching
    assert _facts(page, "people") == (
        f"{ms.size} named: {ms.active_size} in touch, {ms.size - ms.active_size} not in touch."
    )
    in_touch = _facts(page, "in-touch").removeprefix("In touch: ").removesuffix(".")
    assert _list(in_touch) == _in_order(network, touching)
    not_in_touch = _facts(page, "not-in-touch").removeprefix("Not in touch: ").removesuffix(".")
    shown = [item.split(" (")[0] for item in _list(not_in_touch)]
    assert shown == _in_order(network, apart)
    for item in _list(not_in_touch):
        pid, _, why = item.partition(" (")
        lost = network.relationship(pid).contact is Contact.LOST_TOUCH
        assert why == ("lost touch)" if lost else "not in touch for a while)")
    notes = re.findall(r"<li>(.*?)</li>", _facts(page, "not-recorded"))
    assert [unescape(n) for n in notes] == [not_recorded_words(e) for e in result.not_recorded]

    # what is working: no one with high strain, no one not in touch
    working = re.search(r"<h2[^>]*>What is working</h2>(.*?)</section>", page, re.S)
    assert working is not None
    close = re.search(r"at least every two weeks: (.*?)\.</li>", working.group(1))
    listed = _list(unescape(close.group(1))) if close else []
    for pid in listed:
        relationship = network.relationship(pid)
        assert pid in touching
        assert relationship.strain is not Strain.HIGH
        assert relationship.closeness is Closeness.INNER
    expected_close = [
        r.person
        for r in network.relationships
        if r.person in touching
        and r.closeness is Closeness.INNER
        and r.contact is not None
        and r.contact.is_regular
        and r.strain is not Strain.HIGH
    ]
    assert listed == expected_close
    covered = re.search(r"(\d+) of (?:4 kinds of support are|the \d+ kinds asked about are)", page)
    if covered is not None:
        assert int(covered.group(1)) == ms.support_types_covered
    in_touch_line = re.search(r"(\d+) people are in touch with", working.group(1))
    if in_touch_line is not None:
        assert int(in_touch_line.group(1)) == ms.active_size
    about = [unescape(m) for m in re.findall(r"<br>About: (.*?)</p>", page)]
    assert about == [", ".join(f.people) for f in result.findings if f.people]
    allowed = _people_counts(result)
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    for number in re.findall(r"(\d+) (?:people|person)\b", words):
        assert int(number) in allowed, number


@settings(max_examples=150, deadline=None)
@given(v3_networks(max_people=9), judge_days, settings_strategy)
def test_reports_say_only_what_the_measures_and_in_touch_say(
    network: SupportNetwork, as_of: date, chosen: Settings
) -> None:
    network = _ids_only(network)
    result = assess(network, as_of=as_of, settings=chosen)
    touching = in_touch_ids(network, as_of=as_of, settings=chosen)
    assert result.measures.active_size == len(touching)
    facts = report_facts(result, network)
    assert set(facts.in_touch) == touching
    assert set(facts.lost_touch) | set(facts.not_lately) == set(facts.not_in_touch)
    assert not set(facts.lost_touch) & set(facts.not_lately)
    assert not set(facts.in_touch) & set(facts.not_in_touch)
    _check_text(network, result, touching)
    _check_html(network, result, touching)


@settings(max_examples=150, deadline=None)
@given(v3_networks(max_people=9), judge_days, settings_strategy)
def test_not_recorded_counts_are_the_measures(
    network: SupportNetwork, as_of: date, chosen: Settings
) -> None:
    result = assess(network, as_of=as_of, settings=chosen)
    ms = result.measures
    by_field = {entry.field: entry for entry in result.not_recorded}
    expected = {
        NotRecordedField.SUPPORTS: ms.support_unknown_count if network.support_types_asked else 0,
        NotRecordedField.GIVES: ms.gives_unknown_count if network.gives_types_asked else 0,
        NotRecordedField.ROLE: ms.role_unknown_count,
        NotRecordedField.CONTACT: ms.contact_unknown_count,
        NotRecordedField.STRAIN: ms.strain_unknown_count,
        NotRecordedField.TIES_ASKED: ms.size - len(network.tie_asked_ids),
        NotRecordedField.SUPPORT_TYPES_ASKED: ms.size
        if len(network.support_types_asked) < len(SupportType)
        else 0,
    }
    for field, count in expected.items():
        assert (by_field[field].count if field in by_field else 0) == count, field
    # a kind not asked is never reported missing, nor resting on one person
    for support_type in (*ms.missing_support_types, *ms.single_provider_types):
        assert support_type in network.support_types_asked
        assert ms.support_unknown_count == 0
