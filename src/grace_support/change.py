"""Change over time: how one person's support network changed between two interviews.

[`compare`][grace_support.change.compare] takes two networks of the same ego (the
*before* and the *after* interview) and returns a
[`NetworkChange`][grace_support.change.NetworkChange]: who was kept, gained and
lost, who moved closer or further out among the circles, which ties between people
appeared or went, which kinds of support appeared or went, how every numeric
measure moved, and which findings were resolved, are new or persist.
[`Timeline`][grace_support.change.Timeline] holds several interviews of one ego in
date order. [`carry_forward`][grace_support.change.carry_forward] and
[`to_network_canvas_roster`][grace_support.change.to_network_canvas_roster] prepare
the next interview, and [`change_table`][grace_support.change.change_table]
compares many egos at once (``pandas`` extra).

People are matched by id. When an interviewer gave the same person a new id, pass
``match={before_id: after_id}``. Every id in a change is an *after*-id, except in
``lost`` and in ``findings_resolved`` (which describe the before network).

Examples:
    >>> from grace_support import Relationship, SupportNetwork
    >>> before = SupportNetwork.build("sam", [
    ...     ("jo", Relationship(person="jo", role="sibling", closeness="middle")),
    ...     ("al", Relationship(person="al", role="friend", closeness="inner",
    ...                         supports=["emotional"])),
    ... ])
    >>> after = SupportNetwork.build("sam", [
    ...     ("jo", Relationship(person="jo", role="sibling", closeness="inner",
    ...                         supports=["practical"])),
    ...     ("kim", Relationship(person="kim", role="peer", closeness="outer",
    ...                          supports=["peer"])),
    ... ])
    >>> change = compare(before, after, as_of=("2026-08-01", "2026-11-01"))
    >>> change.kept, change.gained, change.lost, change.closer
    (('jo',), ('kim',), ('al',), 1)
    >>> [t.value for t in change.support_types_gained], change.alter_jaccard
    (['practical', 'peer'], 0.3333333333333333)
    >>> change.measures["size"].delta
    0
"""

from __future__ import annotations

import csv
import io
import textwrap
import warnings
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, cast

from pydantic import BaseModel, Field, NonNegativeInt, PrivateAttr

from grace_support._csv import safe_cell
from grace_support._extras import require
from grace_support._input import GUARD_FRAMES, guarded
from grace_support._model import FrozenModel
from grace_support.assessment import Assessment, Finding, FindingCode, Settings, assess
from grace_support.assessment.rules import actions_for
from grace_support.errors import GeneratorChangedWarning
from grace_support.network import PersonId, SupportNetwork, parse_day
from grace_support.report import CRISIS_LINE, REASONS
from grace_support.report.text import neutralise
from grace_support.vocabulary import ActionId, Closeness, Contact, Role, Strain, SupportType

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    import pandas as pd

    from grace_support.network import Relationship

__all__ = [
    "CHANGE_SCHEMA_VERSION",
    "CHANGE_TABLE_COUNTS",
    "ROSTER_COLUMNS",
    "AlterChange",
    "ChangeType",
    "GeneratorChangedWarning",
    "MeasureChange",
    "NetworkChange",
    "Timeline",
    "carry_forward",
    "change_row",
    "change_table",
    "change_type",
    "compare",
    "numeric_measures",
    "to_network_canvas_roster",
]

CHANGE_SCHEMA_VERSION: Final = 1
"""The version of the change document that this release writes."""

Share = Annotated[float, Field(ge=0, le=1)]
DayLike = date | str
Number = int | float

_CIRCLE_RANK = {c: i for i, c in enumerate(Closeness)}
_TYPE_RANK = {t: i for i, t in enumerate(SupportType)}


class ChangeType(StrEnum):
    """The kind of change in who is named, from the people gained and lost.

    The four patterns of Small, Pamphile and McMahan (2015). They classified the
    changes of a panel's networks; applying them to the change of one ego's
    network, by whether anyone was gained or lost, is this library's rule.

    Reference:
        Small, M. L., Pamphile, V. D., & McMahan, P. (2015). How stable is the
        core discussion network? *Social Networks* 40, 90-102.
        <https://doi.org/10.1016/j.socnet.2014.09.001>

    Version added:
        0.2.0
    """

    STASIS = "stasis"
    """No one was gained or lost."""
    EXPANSION = "expansion"
    """Someone was gained and no one lost."""
    SHEDDING = "shedding"
    """Someone was lost and no one gained."""
    SUBSTITUTION = "substitution"
    """Someone was gained and someone lost."""


def change_type(gained: int, lost: int) -> ChangeType:
    """The kind of change of a network that gained `gained` people and lost `lost`.

    Examples:
        >>> change_type(0, 0).value, change_type(2, 0).value, change_type(1, 3).value
        ('stasis', 'expansion', 'substitution')

    Version added:
        0.2.0
    """
    if gained and lost:
        return ChangeType.SUBSTITUTION
    if gained:
        return ChangeType.EXPANSION
    if lost:
        return ChangeType.SHEDDING
    return ChangeType.STASIS


# -- models -----------------------------------------------------------------------------------


class MeasureChange(FrozenModel):
    """One numeric measure before and after, and how much it moved."""

    before: Number | None
    """The value in the before network (``None`` where it is undefined)."""
    after: Number | None
    """The value in the after network (``None`` where it is undefined)."""
    delta: Number | None
    """``after - before``; ``None`` where either side is ``None``."""


class AlterChange(FrozenModel):
    """How the recorded relationship to one kept person changed.

    A field is set only when that part of the relationship changed; it is then the
    pair ``(before, after)``. ``None`` inside a pair means "not recorded".
    """

    person: PersonId
    """The person's id in the after network."""
    role: tuple[Role | None, Role | None] | None = None
    """Who the person is to the ego, before and after (when it changed)."""
    closeness: tuple[Closeness | None, Closeness | None] | None = None
    """The circle, before and after (when it changed)."""
    contact: tuple[Contact | None, Contact | None] | None = None
    """How often they are in touch, before and after (when it changed)."""
    strain: tuple[Strain | None, Strain | None] | None = None
    """How draining the relationship feels, before and after (when it changed)."""
    supports_gained: tuple[SupportType, ...] = ()
    """Kinds of support the person gives now and did not before."""
    supports_lost: tuple[SupportType, ...] = ()
    """Kinds of support the person gave before and does not now."""
    gives_gained: tuple[SupportType, ...] = ()
    """Kinds of support the ego gives this person now and did not before."""
    gives_lost: tuple[SupportType, ...] = ()
    """Kinds of support the ego gave this person before and does not now."""

    def __repr__(self) -> str:
        changed = [
            name
            for name in ("role", "closeness", "contact", "strain")
            if getattr(self, name) is not None
        ]
        return f"AlterChange(changed={changed})"


class NetworkChange(FrozenModel):
    """How one ego's support network changed between two interviews.

    Made by [`compare`][grace_support.change.compare]. ``model_dump(mode="json")``
    is the change document (JSON Schema: ``json_schema("change")``). Two changes
    compare equal when their fields are equal; the people's names that
    [`to_text`][grace_support.change.NetworkChange.to_text] can show are kept
    outside the fields, so they never reach JSON, reprs or logs.
    """

    schema_version: Literal[1] = CHANGE_SCHEMA_VERSION
    """The version of this output format."""
    ego: PersonId
    """The id of the person at the centre of both networks."""
    as_of: tuple[date, date]
    """The day each network was judged on: ``(before, after)``."""
    kept: tuple[PersonId, ...]
    """People in both networks (after-ids), sorted."""
    gained: tuple[PersonId, ...]
    """People only in the after network, sorted."""
    lost: tuple[PersonId, ...]
    """People only in the before network (before-ids), sorted."""
    alter_changes: tuple[AlterChange, ...]
    """One entry per kept person whose recorded relationship changed, by id."""
    closer: NonNegativeInt
    """Kept people who moved to a closer circle (inner < middle < outer)."""
    further: NonNegativeInt
    """Kept people who moved to a circle further out; unknown closeness is neither."""
    ties_gained: tuple[tuple[PersonId, PersonId], ...]
    """Pairs of kept people who know each other now and did not before, sorted."""
    ties_lost: tuple[tuple[PersonId, PersonId], ...]
    """Pairs of kept people who knew each other before and do not now, sorted."""
    alter_jaccard: Share | None
    """``|kept| / |people before or after|``; ``None`` when both are empty."""
    tie_jaccard: Share | None
    """The same for ties among all people; ``None`` when neither network has ties."""
    support_types_gained: tuple[SupportType, ...]
    """Kinds of support with an in-touch provider after but not before (kinds counted in both
    waves only: asked, with something recorded)."""
    support_types_lost: tuple[SupportType, ...]
    """Kinds of support with an in-touch provider before but not after (kinds counted in both
    waves only)."""
    measures: dict[str, MeasureChange]
    """Every numeric measure of the assessment (nested ones as ``parent.key``)."""
    findings_resolved: tuple[Finding, ...]
    """Findings of the before network with no match after (as the before network gave them)."""
    findings_new: tuple[Finding, ...]
    """Findings of the after network with no match before."""
    findings_persisting: tuple[Finding, ...]
    """Findings of the after network that match one before."""
    change_type: ChangeType
    """Stasis, expansion, shedding or substitution (see `ChangeType`)."""
    turnover: Share | None
    """``1 - alter_jaccard``: the share of everyone named in either interview who is
    in only one; ``None`` when both are empty."""
    stability: Share | None
    """``|kept| / |people before|``: the share of the first interview's people still
    named; ``None`` when the before network names no one."""
    generator_changed: bool = False
    """The two interviews recorded different name generators or caps on names
    (``generator``, ``max_names``): counts of people may then differ for that reason."""

    _before_labels: dict[str, str] = PrivateAttr(default_factory=dict)
    _after_labels: dict[str, str] = PrivateAttr(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NetworkChange):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"NetworkChange(kept={len(self.kept)}, gained={len(self.gained)}, "
            f"lost={len(self.lost)}, closer={self.closer}, further={self.further})"
        )

    def __str__(self) -> str:
        return repr(self)

    @property
    def is_empty(self) -> bool:
        """Whether nothing changed: no one came or went, nothing moved, no finding changed.

        Examples:
            >>> from grace_support.demo import example_network
            >>> net = example_network()
            >>> compare(net, net, as_of=("2026-11-25", "2026-11-25")).is_empty
            True
        """
        return not (
            self.gained
            or self.lost
            or self.alter_changes
            or self.closer
            or self.further
            or self.ties_gained
            or self.ties_lost
            or self.support_types_gained
            or self.support_types_lost
            or self.findings_resolved
            or self.findings_new
            or any(m.delta not in (0, None) for m in self.measures.values())
        )

    def to_text(self, *, names: bool = False) -> str:
        """A short account to read with the person: what grew stronger, then what needs attention.

        The wording describes the network, never the person. What needs attention
        comes with the article's advice, and the text ends with
        [`CRISIS_LINE`][grace_support.report.CRISIS_LINE].

        Args:
            names: Name the people who joined, left or moved (their name when known,
                else their id). Off by default: the text then says how many, never who.
                Names are known only to a change made by ``compare`` in this session;
                a change read back from JSON shows ids.

        Examples:
            >>> from grace_support.demo import example_network
            >>> net = example_network()
            >>> text = compare(net, net.without_person("rosa"),
            ...                as_of=("2026-11-25", "2026-11-25")).to_text()
            >>> "Rosa" in text, text.splitlines()[-1] == CRISIS_LINE
            (False, True)
        """
        return _render(self, names=names)


# -- compare ----------------------------------------------------------------------------------


def numeric_measures(assessment: Assessment) -> dict[str, Number | None]:
    """Every numeric measure of an assessment, flat, in the order of the model.

    Nested measures (such as ``support_counts``) appear as ``parent.key``; lists
    and booleans are left out. ``None`` marks an undefined value. New measures of
    the assessment appear here (and so in every change) without further code.

    Examples:
        >>> from grace_support.demo import example_network
        >>> values = numeric_measures(assess(example_network(), as_of="2026-11-25"))
        >>> values["size"], values["support_counts.peer"]
        (6, 0)
    """
    out: dict[str, Number | None] = {}
    _flatten(assessment.measures, "", out)
    return out


def _flatten(model: BaseModel, prefix: str, out: dict[str, Number | None]) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _flatten(value, f"{prefix}{name}.", out)
        elif value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            out[prefix + name] = value


def _day(value: DayLike, place: str) -> date:
    try:
        return parse_day(value)
    except ValueError as error:
        message = f"{place} {error}"
    raise ValueError(message)  # outside the handler: no chain


def _own_day(network: SupportNetwork) -> date | None:
    return network.collected_on


def _days_pair(as_of: Sequence[DayLike]) -> tuple[date, date]:
    """An explicit ``(before, after)`` pair of days, checked."""
    if isinstance(as_of, str | date) or len(as_of) != 2:
        raise ValueError("as_of must be a pair of days: (before, after)")
    return _day(as_of[0], "as_of[0]"), _day(as_of[1], "as_of[1]")


def _days(
    before: SupportNetwork, after: SupportNetwork, as_of: Sequence[DayLike] | None
) -> tuple[date, date]:
    if as_of is not None:
        return _days_pair(as_of)
    today = date.today()
    return _own_day(before) or today, _own_day(after) or today


def _mapping(
    before: SupportNetwork, after: SupportNetwork, match: Mapping[str, str] | None
) -> dict[str, str]:
    """Before-id -> after-id for every kept person."""
    before_ids = {p.id for p in before.people}
    after_ids = {p.id for p in after.people}
    given = dict(match or {})
    for number, (source, target) in enumerate(given.items()):
        if source not in before_ids:
            raise ValueError(f"match entry {number}: its key names no one in the before network")
        if target not in after_ids:
            raise ValueError(f"match entry {number}: its value names no one in the after network")
    mapping: dict[str, str] = {}
    owner: dict[str, int] = {}
    for index, person in enumerate(before.people):
        target = given.get(person.id, person.id)
        if target not in after_ids:
            continue
        if target in owner:
            raise ValueError(
                f"match: before people[{owner[target]}] and people[{index}] "
                "both map to the same after person"
            )
        owner[target] = index
        mapping[person.id] = target
    return mapping


def _sorted_types(types: Iterable[SupportType]) -> tuple[SupportType, ...]:
    return tuple(sorted(types, key=_TYPE_RANK.__getitem__))


def _recorded_pair(
    old: tuple[SupportType, ...] | None, new: tuple[SupportType, ...] | None
) -> tuple[frozenset[SupportType], frozenset[SupportType]]:
    """Both waves' types as sets; both empty when either wave did not record them."""
    if old is None or new is None:
        return frozenset(), frozenset()
    return frozenset(old), frozenset(new)


def _alter_change(
    person: str, old: Relationship, new: Relationship
) -> tuple[AlterChange | None, int]:
    """The change of one kept relationship, and -1 (closer), 1 (further) or 0."""
    fields: dict[str, Any] = {}
    for name in ("role", "closeness", "contact", "strain"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            fields[name] = (a, b)
    # Support gained or lost is only said where both waves recorded it.
    supports_old, supports_new = _recorded_pair(old.supports, new.supports)
    gives_old, gives_new = _recorded_pair(old.gives, new.gives)
    extra = {
        "supports_gained": _sorted_types(supports_new - supports_old),
        "supports_lost": _sorted_types(supports_old - supports_new),
        "gives_gained": _sorted_types(gives_new - gives_old),
        "gives_lost": _sorted_types(gives_old - gives_new),
    }
    fields.update({k: v for k, v in extra.items() if v})
    a, b = old.closeness, new.closeness
    move = 0
    if a is not None and b is not None:
        move = (_CIRCLE_RANK[b] > _CIRCLE_RANK[a]) - (_CIRCLE_RANK[b] < _CIRCLE_RANK[a])
    if not fields:
        return None, move
    return AlterChange(person=person, **fields), move


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _coverage(before: Assessment, after: Assessment) -> tuple[set[SupportType], set[SupportType]]:
    """The kinds with an in-touch provider in each wave, among the kinds counted in both.

    A kind not asked, or with nothing recorded to rest on, in either wave (its
    count ``None``) is neither gained nor lost: "not asked" is not "none".
    """
    old, new = before.measures.support_counts, after.measures.support_counts
    both = [
        t
        for t in SupportType
        if getattr(old, t.value) is not None and getattr(new, t.value) is not None
    ]
    return (
        {t for t in both if getattr(old, t.value)},
        {t for t in both if getattr(new, t.value)},
    )


def _finding_keys(
    findings: Iterable[Finding], rename: Mapping[str, str] | None
) -> list[tuple[str, str, tuple[str, ...]]]:
    """What each finding is about: its code and support type, or its code and people.

    People of the before network are renamed to after-ids; people who were lost
    get a key no after-id can equal.
    """
    keys: list[tuple[str, str, tuple[str, ...]]] = []
    for finding in findings:
        if finding.support_type is not None:
            keys.append((finding.code.value, finding.support_type.value, ()))
            continue
        people = finding.people
        if rename is not None:
            people = tuple(rename.get(p, "\0lost\0" + p) for p in people)
        keys.append((finding.code.value, "", tuple(sorted(people))))
    return keys


def generators_differ(before: SupportNetwork, after: SupportNetwork) -> bool:
    """Whether two interviews recorded different name generators or caps on names.

    Only recorded values are compared: a wave that does not say which generator
    it used (``generator`` or ``max_names`` left out) differs from nothing.
    """
    for field in ("generator", "max_names"):
        a, b = getattr(before, field, None), getattr(after, field, None)
        if a is not None and b is not None and a != b:
            return True
    return False


def _warn_pairs(count: int) -> None:
    pairs = "two interviews" if count == 1 else f"{count} pairs of interviews"
    warnings.warn(
        GeneratorChangedWarning(
            f"{pairs} of this timeline used different name generators or caps on names: "
            "counts of people may differ because of the instrument (see generator_changed)"
        ),
        stacklevel=3,
    )


def warn_generator_changed(count: int, *, stacklevel: int = 3) -> None:
    """Warn that `count` egos were interviewed with different name generators or caps."""
    who = "one ego's waves" if count == 1 else f"{count} egos' waves"
    warnings.warn(
        GeneratorChangedWarning(
            f"{who} used different name generators or caps on names: counts of "
            "people may differ because of the instrument, not the network "
            "(see generator_changed)"
        ),
        stacklevel=stacklevel,
    )


@guarded()
def compare(
    before: SupportNetwork,
    after: SupportNetwork,
    *,
    match: Mapping[str, str] | None = None,
    as_of: Sequence[DayLike] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> NetworkChange:
    """How one ego's network changed from the `before` interview to the `after` one.

    Args:
        before: The earlier network.
        after: The later network of the same ego.
        match: Before-ids to after-ids, for people the interviewer gave a new id.
            People not in it are matched by their id.
        as_of: The day to judge each network on, ``(before_day, after_day)``. When
            omitted, each network is judged on its own ``collected_on`` date (today
            for a network without one). Only ``dormant-tie`` depends on the day.
        settings: The finding thresholds, as for [`assess`][grace_support.assess].

    Returns:
        The change. Findings are matched by code and by what they are about: the
        support type, or else the people (after renaming).

    Raises:
        ValueError: The networks are of different egos; ``match`` names someone not
            in its network or maps two people to one; ``as_of`` is not a pair of days.
            Messages name positions, never ids or names. Also when ``match`` is not
            a mapping of ids (text) to ids.
        TypeError: ``before`` or ``after`` is not a ``SupportNetwork`` (validate a
            document first with ``network_from_data`` or ``read_network``).
        grace_support.errors.AsOfError: A day of an explicit ``as_of`` is earlier
            than a ``collected_on`` or ``last_contact`` of its network (as ``assess``
            refuses it); the fields are named, never the days.

    Warns:
        GeneratorChangedWarning: The two networks record different ``generator``
            labels or ``max_names`` caps (the change's ``generator_changed`` is then
            true).
    """
    if not isinstance(before, SupportNetwork) or not isinstance(after, SupportNetwork):
        raise TypeError("compare takes two SupportNetworks (validate documents first)")
    if match is not None and not (
        isinstance(match, Mapping)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in match.items())
    ):
        raise ValueError("match must be a mapping of person ids (text) to person ids (text)")
    if before.ego.id != after.ego.id:
        raise ValueError("before and after are networks of different egos")
    before_day, after_day = _days(before, after, as_of)
    chosen = settings if isinstance(settings, Settings) else Settings.model_validate(settings or {})
    mapping = _mapping(before, after, match)
    kept_after = set(mapping.values())

    alter_changes: list[AlterChange] = []
    closer = further = 0
    for source, target in mapping.items():
        entry, move = _alter_change(target, before.relationship(source), after.relationship(target))
        if entry is not None:
            alter_changes.append(entry)
        closer += move < 0
        further += move > 0

    before_ties = {
        _pair(mapping[a], mapping[b]) for a, b in before.ties if a in mapping and b in mapping
    }
    after_ties = {_pair(a, b) for a, b in after.ties}
    after_kept_ties = {t for t in after_ties if t[0] in kept_after and t[1] in kept_after}
    common_ties = len(before_ties & after_ties)
    tie_union = len(before.ties) + len(after.ties) - common_ties
    alter_union = len(before.people) + len(after.people) - len(mapping)

    # Without an explicit pair, each network is judged as assess() judges it on its own
    # (its collected_on, else today): the same days, and no AsOfError for an odd document.
    explicit = as_of is not None
    before_result = assess(before, as_of=before_day if explicit else None, settings=chosen)
    after_result = assess(after, as_of=after_day if explicit else None, settings=chosen)
    old_values, new_values = numeric_measures(before_result), numeric_measures(after_result)
    measures = {}
    for name in dict.fromkeys([*old_values, *new_values]):
        a, b = old_values.get(name), new_values.get(name)
        measures[name] = MeasureChange(
            before=a, after=b, delta=None if a is None or b is None else b - a
        )

    old_keys = _finding_keys(before_result.findings, mapping)
    new_keys = _finding_keys(after_result.findings, None)
    old_set, new_set = set(old_keys), set(new_keys)
    covered_before, covered_after = _coverage(before_result, after_result)

    gained = tuple(sorted(p.id for p in after.people if p.id not in kept_after))
    lost = tuple(sorted(p.id for p in before.people if p.id not in mapping))
    jaccard = None if alter_union == 0 else len(mapping) / alter_union
    generator_changed = generators_differ(before, after)
    if generator_changed:
        warn_generator_changed(1, stacklevel=3 + GUARD_FRAMES)  # compare is a guarded entry point
    change = NetworkChange(
        ego=after.ego.id,
        as_of=(before_day, after_day),
        kept=tuple(sorted(kept_after)),
        gained=gained,
        lost=lost,
        alter_changes=tuple(sorted(alter_changes, key=lambda c: c.person)),
        closer=closer,
        further=further,
        ties_gained=tuple(sorted(after_kept_ties - before_ties)),
        ties_lost=tuple(sorted(before_ties - after_ties)),
        alter_jaccard=jaccard,
        tie_jaccard=None if tie_union == 0 else common_ties / tie_union,
        support_types_gained=_sorted_types(covered_after - covered_before),
        support_types_lost=_sorted_types(covered_before - covered_after),
        measures=measures,
        findings_resolved=tuple(
            f for f, k in zip(before_result.findings, old_keys, strict=True) if k not in new_set
        ),
        findings_new=tuple(
            f for f, k in zip(after_result.findings, new_keys, strict=True) if k not in old_set
        ),
        findings_persisting=tuple(
            f for f, k in zip(after_result.findings, new_keys, strict=True) if k in old_set
        ),
        change_type=change_type(len(gained), len(lost)),
        turnover=None if jaccard is None else 1 - jaccard,
        stability=len(mapping) / len(before.people) if before.people else None,
        generator_changed=generator_changed,
    )
    change._before_labels = {p.id: p.label for p in before.people}
    change._after_labels = {p.id: p.label for p in after.people}
    return change


# -- the text ---------------------------------------------------------------------------------

_WIDTH = 88
_NOTE = (
    "This compares the network as it was entered on two days. It is not a diagnosis or "
    "a score of the person: networks change for many reasons, and a conversation about "
    "what the changes mean is the best next step."
)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent="  - ", subsequent_indent="    ")


def _who(change: NetworkChange, ids: Sequence[str], *, names: bool, lost: bool = False) -> str:
    if not names or not ids:
        return ""
    labels = change._before_labels if lost else change._after_labels
    # Names are typed by people: an escape sequence or a bidi override must not reach a terminal.
    return ": " + ", ".join(neutralise(labels.get(pid, pid)) for pid in ids)


def _render(change: NetworkChange, *, names: bool) -> str:
    start, end = change.as_of
    lines = [
        f"How the support network changed from {start.isoformat()} to {end.isoformat()}",
        "",
        "What grew stronger",
    ]
    for item in _stronger(change, names=names):
        lines.extend(_bullet(item))
    lines.extend(["", "What needs attention"])
    attention, advice = _attention(change, names=names)
    for item in attention:
        lines.extend(_bullet(item))
    if advice:
        lines.extend(["", "What could help"])
        order = {a: i for i, a in enumerate(ActionId)}
        for action in sorted(set(advice), key=order.__getitem__):
            lines.extend(_bullet(action.advice))
    lines.extend(["", *textwrap.wrap(_NOTE, width=_WIDTH), "", CRISIS_LINE])
    return "\n".join(lines)


def _people(change: NetworkChange, ids: Sequence[str], text: str, *, names: bool) -> str:
    """``"2 people <text>: Ana, Ben."`` (names only when asked for)."""
    return f"{_count(len(ids), 'person', 'people')} {text}{_who(change, ids, names=names)}."


def _stronger(change: NetworkChange, *, names: bool) -> list[str]:
    moved_in = [c.person for c in change.alter_changes if _moved(c) < 0]
    giving_more = [c.person for c in change.alter_changes if c.supports_gained]
    items: list[str] = []
    if change.gained:
        items.append(_people(change, change.gained, "joined the network", names=names))
    if moved_in:
        items.append(_people(change, moved_in, "moved into a closer circle", names=names))
    back = [c.person for c in change.alter_changes if _touch(c) > 0]
    if back:
        items.append(
            _people(change, back, f"you had lost touch with {_is(back)} back in touch", names=names)
        )
    if giving_more:
        verb = "gives" if len(giving_more) == 1 else "give"
        items.append(_people(change, giving_more, f"now {verb} more kinds of support", names=names))
    items.extend(
        f"{t.value.capitalize()} support is there now ({t.description})."
        for t in change.support_types_gained
    )
    giving_back = [c.person for c in change.alter_changes if c.gives_gained]
    if giving_back:
        items.append(
            f"You now give more kinds of support to {_count(len(giving_back), 'person', 'people')}"
            f"{_who(change, giving_back, names=names)}."
        )
    if change.ties_gained:
        pairs = _count(len(change.ties_gained), "pair", "pairs")
        items.append(f"{pairs} of people in the network now know each other.")
    still = {f.code for f in (*change.findings_persisting, *change.findings_new)}
    for code in dict.fromkeys(f.code for f in change.findings_resolved):
        if code in still:
            items.append(f"Some progress with {_reason(code)}, though it still comes up.")
        else:
            items.append(f"Less of a concern than last time: {_reason(code)}.")
    return items or ["The network held steady. Keeping connections going is a strength too."]


def _attention(change: NetworkChange, *, names: bool) -> tuple[list[str], list[ActionId]]:
    moved_out = [c.person for c in change.alter_changes if _moved(c) > 0]
    items: list[str] = []
    advice: list[ActionId] = []
    if change.lost:
        verb = "is" if len(change.lost) == 1 else "are"
        who = _who(change, change.lost, names=names, lost=True)
        items.append(
            f"{_count(len(change.lost), 'person', 'people')} named last time {verb} not "
            f"named now{who}. People come and go; if someone is missed, reaching out "
            "again may be worth it."
        )
        advice.append(ActionId.RECONNECT)
    if moved_out:
        items.append(_people(change, moved_out, "moved to a circle further out", names=names))
        advice.append(ActionId.RECONNECT)
    apart = [c.person for c in change.alter_changes if _touch(c) < 0]
    if apart:
        items.append(
            _people(
                change, apart, f"you were in touch with {_is(apart)} out of touch now", names=names
            )
        )
        advice.append(ActionId.RECONNECT)
    professional = (change.measures["professional_count"].after or 0) > 0
    for support_type in change.support_types_lost:
        items.append(
            f"No one in touch gives {support_type.value} support now, as someone did last time."
        )
        advice.extend(
            actions_for(
                FindingCode.MISSING_SUPPORT, support_type, professional_in_network=professional
            )
        )
    for finding in change.findings_new:
        items.append(f"New since last time: {finding.message}")
        advice.extend(finding.actions)
    persisting = list(dict.fromkeys(f.code for f in change.findings_persisting))
    if persisting:
        reasons = "; ".join(_reason(code) for code in persisting)
        items.append(f"Still worth talking about from last time: {reasons}.")
        advice.extend(a for f in change.findings_persisting for a in f.actions)
    return items or ["Nothing new needs attention."], advice


def _reason(code: FindingCode) -> str:
    """What a kind of finding is about, in words (its code for one the report has no words for)."""
    return REASONS.get(code, code.value.replace("-", " "))


def _is(ids: Sequence[str]) -> str:
    return "is" if len(ids) == 1 else "are"


def _touch(entry: AlterChange) -> int:
    """1 when a kept person is back in touch, -1 when out of touch now, else 0."""
    if entry.contact is None:
        return 0
    was, now = (c is Contact.LOST_TOUCH for c in entry.contact)
    return int(was and not now) - int(now and not was)


def _moved(entry: AlterChange) -> int:
    if entry.closeness is None:
        return 0
    a, b = entry.closeness
    if a is None or b is None:
        return 0
    return (_CIRCLE_RANK[b] > _CIRCLE_RANK[a]) - (_CIRCLE_RANK[b] < _CIRCLE_RANK[a])


# -- timelines --------------------------------------------------------------------------------


class Timeline:
    """Several interviews of one ego, in the order of their ``collected_on`` dates.

    Args:
        networks: The networks, in any order; each needs a ``collected_on`` date,
            and no two may share one.
        settings: The finding thresholds used for every assessment and change.

    Raises:
        ValueError: There are no networks, one is of another ego, one has no
            ``collected_on`` date, or two share a date. The message names the
            position in `networks` (``networks[2]``), never an id or a date.
    """

    def __init__(
        self,
        networks: Iterable[SupportNetwork],
        *,
        settings: Settings | Mapping[str, Any] | None = None,
    ) -> None:
        items = list(networks)
        if not items:
            raise ValueError("a timeline needs at least one network")
        seen: dict[date, int] = {}
        for index, network in enumerate(items):
            if network.ego.id != items[0].ego.id:
                raise ValueError(f"networks[{index}] is of a different ego than networks[0]")
            day = _own_day(network)
            if day is None:
                raise ValueError(f"networks[{index}] has no collected_on date")
            if day in seen:
                raise ValueError(
                    f"networks[{index}] has the same collected_on date as networks[{seen[day]}]"
                )
            seen[day] = index
        order = sorted(seen)
        self._networks = tuple(items[seen[day]] for day in order)
        self._days = tuple(order)
        self._settings = (
            settings if isinstance(settings, Settings) else Settings.model_validate(settings or {})
        )

    def __repr__(self) -> str:
        return f"Timeline(waves={len(self._networks)})"

    def __len__(self) -> int:
        return len(self._networks)

    def __iter__(self) -> Iterator[SupportNetwork]:
        return iter(self._networks)

    def __getitem__(self, index: int) -> SupportNetwork:
        return self._networks[index]

    @property
    def networks(self) -> tuple[SupportNetwork, ...]:
        """The networks, earliest first."""
        return self._networks

    @property
    def days(self) -> tuple[date, ...]:
        """The ``collected_on`` date of each network, earliest first."""
        return self._days

    @property
    def ego(self) -> str:
        """The id of the person at the centre."""
        return self._networks[0].ego.id

    def assessments(self) -> tuple[Assessment, ...]:
        """Each network assessed on its own ``collected_on`` date."""
        return tuple(
            assess(n, settings=self._settings)  # on its collected_on, as assess judges it
            for n in self._networks
        )

    def changes(self) -> tuple[NetworkChange, ...]:
        """The change from each interview to the next (one fewer than the waves).

        Warns:
            GeneratorChangedWarning: Once, when two consecutive interviews record
                different name generators or caps on names.
        """
        pairs = zip(self._networks, self._networks[1:], strict=False)
        # Each on its own collected_on, as assess(network) judges it (nothing refused).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeneratorChangedWarning)
            found = tuple(compare(a, b, settings=self._settings) for a, b in pairs)
        if changed := sum(c.generator_changed for c in found):
            _warn_pairs(changed)
        return found

    def measures_frame(self) -> pd.DataFrame:
        """One row per wave: ``wave`` (from 0), ``collected_on``, then every numeric measure.

        Measure columns are named as in
        [`numeric_measures`][grace_support.change.numeric_measures]; ``None`` is
        missing. Needs the ``pandas`` extra.
        """
        pdm = require("pandas", extra="pandas", feature="Timeline.measures_frame")
        rows = [
            {"wave": wave, "collected_on": day} | numeric_measures(result)
            for wave, (day, result) in enumerate(zip(self._days, self.assessments(), strict=True))
        ]
        frame = pdm.DataFrame(rows)
        frame["collected_on"] = pdm.to_datetime(frame["collected_on"])
        return cast("pd.DataFrame", frame)


# -- the next interview -----------------------------------------------------------------------


@guarded()
def carry_forward(network: SupportNetwork, *, collected_on: DayLike) -> SupportNetwork:
    """The starting document of the next interview: the same people, a new date.

    Every person, relationship (``last_contact`` included), tie and need is kept;
    only ``collected_on`` changes. The interviewer then updates what changed.

    Args:
        network: The last interview.
        collected_on: The day of the next interview (``date`` or ``YYYY-MM-DD``).

    Raises:
        ValueError: `collected_on` is not a day, or is not after the network's own date.
    """
    day = _day(collected_on, "collected_on")
    own = _own_day(network)
    if own is not None and day <= own:
        raise ValueError("collected_on must be after the collected_on date of the network")
    fields = {name: getattr(network, name) for name in type(network).model_fields}
    fields["collected_on"] = day
    return type(network).model_validate(fields)


ROSTER_COLUMNS: Final = (
    "id", "name", "role", "closeness", "contact", "last_contact", "strain",
    *(t.value for t in SupportType), *(f"gives_{t.value}" for t in SupportType),
)  # fmt: skip
"""The columns of [`to_network_canvas_roster`][grace_support.change.to_network_canvas_roster]."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_network_canvas_roster(network: SupportNetwork) -> str:
    r"""The people of a network as a Network Canvas roster (external data CSV).

    Load it in Network Canvas Architect as a network asset (external data) and use
    it in a roster name generator, so the next interview starts from the people
    named last time. The CSV has a header row of variable names and one row per
    person, comma-separated with ``\r\n`` line ends as Network Canvas writes:

    - ``id``: the person's id, unique in the file (keep it to compare the waves);
    - ``name``: the person's name, else their id; Network Canvas labels nodes with
      the ``name`` variable;
    - ``role``, ``closeness``, ``contact``, ``last_contact`` (``YYYY-MM-DD``),
      ``strain``: as in the network document, empty when not recorded;
    - ``emotional``, ``practical``, ``informational``, ``peer``: ``true`` or
      ``false``, whether the person gave that kind of support last time;
    - ``gives_emotional``, ... ``gives_peer``: whether the ego gave it to them.

    The file holds names: keep it with the interview data, never in logs.

    Examples:
        >>> from grace_support.demo import example_network
        >>> to_network_canvas_roster(example_network()).splitlines()[0].split(",")[:7]
        ['id', 'name', 'role', 'closeness', 'contact', 'last_contact', 'strain']
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ROSTER_COLUMNS)
    for person, rel in network.alters:
        row: list[object] = [
            person.id,
            person.label,
            rel.role,
            rel.closeness,
            rel.contact,
            rel.last_contact,
            rel.strain,
            *(None if rel.supports is None else t in rel.supports for t in SupportType),
            *(None if rel.gives is None else t in rel.gives for t in SupportType),
        ]
        # A name such as =HYPERLINK(...) must not run when the roster opens in a spreadsheet.
        writer.writerow([safe_cell(_cell(v)) for v in row])
    return buffer.getvalue()


# -- many egos --------------------------------------------------------------------------------

CHANGE_TABLE_COUNTS: Final = (
    "kept", "gained", "lost", "alter_changes", "closer", "further", "ties_gained",
    "ties_lost", "support_types_gained", "support_types_lost",
)  # fmt: skip
"""The count columns of [`change_table`][grace_support.change.change_table]."""


def change_row(change: NetworkChange) -> dict[str, Any]:
    """One row of [`change_table`][grace_support.change.change_table] for one change."""
    row: dict[str, Any] = {"ego_id": change.ego}
    for name in CHANGE_TABLE_COUNTS:
        value = getattr(change, name)
        row[name] = value if isinstance(value, int) else len(value)
    row["alter_jaccard"] = change.alter_jaccard
    row["tie_jaccard"] = change.tie_jaccard
    coverage = change.measures["support_types_covered"]
    row["coverage_before"] = coverage.before
    row["coverage_after"] = coverage.after
    row |= {f"delta_{name}": m.delta for name, m in change.measures.items()}
    row["findings_resolved"] = len(change.findings_resolved)
    row["findings_new"] = len(change.findings_new)
    row["findings_persisting"] = len(change.findings_persisting)
    row |= change_kind(change)
    return row


def change_kind(change: NetworkChange) -> dict[str, Any]:
    """The kind of change: the last four columns of a change row.

    ``change_type``, ``turnover``, ``stability`` and ``generator_changed``.
    """
    return {
        "change_type": change.change_type.value,
        "turnover": change.turnover,
        "stability": change.stability,
        "generator_changed": change.generator_changed,
    }


def _by_ego(networks: Iterable[SupportNetwork], side: str) -> dict[str, SupportNetwork]:
    out: dict[str, SupportNetwork] = {}
    first: dict[str, int] = {}
    for index, network in enumerate(networks):
        ego = network.ego.id
        if ego in out:
            raise ValueError(f"{side}[{index}] is of the same ego as {side}[{first[ego]}]")
        out[ego], first[ego] = network, index
    return out


@guarded()
def change_table(
    before_networks: Iterable[SupportNetwork],
    after_networks: Iterable[SupportNetwork],
    *,
    as_of: Sequence[DayLike] | None = None,
    settings: Settings | Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per ego present in both sets: how each network changed.

    Egos are paired by id and rows sorted by it; egos on one side only are left
    out. Each row is exactly what [`compare`][grace_support.change.compare] gives
    for that ego (people matched by id, each network judged on its own
    ``collected_on`` day unless `as_of` gives the pair of days). Columns:

    - ``ego_id``;
    - counts: ``kept``, ``gained``, ``lost``, ``alter_changes``, ``closer``,
      ``further``, ``ties_gained``, ``ties_lost``, ``support_types_gained``,
      ``support_types_lost``;
    - ``alter_jaccard``, ``tie_jaccard`` (missing when undefined);
    - ``coverage_before``, ``coverage_after``: support types covered;
    - ``delta_<measure>`` for every numeric measure (``delta_support_counts.peer``);
      missing when either wave's value is (not asked, nothing recorded). The
      columns of counts that may be missing (coverage, support counts,
      ``regular_contact_size``, ``strained_count``, ``inner_circle_size``,
      ``role_richness``, ``professional_count``) are pandas ``Int64``;
    - ``findings_resolved``, ``findings_new``, ``findings_persisting``: counts;
    - ``change_type`` (``stasis``, ``expansion``, ``shedding`` or ``substitution``),
      ``turnover`` and ``stability`` (missing when undefined), and
      ``generator_changed`` (see [`NetworkChange`][grace_support.change.NetworkChange]).

    Warns:
        GeneratorChangedWarning: Once, with the number of egos whose two networks
            record different name generators or caps on names.

    Raises:
        MissingExtraError: pandas is not installed.
        ValueError: One side has two networks of the same ego (the message names
            both positions).
    """
    pdm = require("pandas", extra="pandas", feature="change_table")
    old = _by_ego(before_networks, "before_networks")
    new = _by_ego(after_networks, "after_networks")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeneratorChangedWarning)
        rows = [
            change_row(compare(old[ego], new[ego], as_of=as_of, settings=settings))
            for ego in sorted(old.keys() & new.keys())
        ]
    if changed := sum(row["generator_changed"] for row in rows):
        warn_generator_changed(changed, stacklevel=3 + GUARD_FRAMES)  # a guarded entry point
    frame = pdm.DataFrame(rows, columns=_table_columns())
    # Counts that may be missing stay whole numbers: Int64, with <NA>.
    frame = frame.astype(dict.fromkeys(_NULLABLE_COUNT_COLUMNS, "Int64"))
    return cast("pd.DataFrame", frame)


_NULLABLE_COUNT_COLUMNS: Final = (
    "coverage_before",
    "coverage_after",
    "delta_regular_contact_size",
    "delta_support_types_covered",
    "delta_strained_count",
    "delta_inner_circle_size",
    "delta_role_richness",
    "delta_professional_count",
    *(f"delta_support_counts.{t.value}" for t in SupportType),
    *(f"delta_support_given_counts.{t.value}" for t in SupportType),
)
"""The columns of `change_table` that are counts and may be missing."""


def _table_columns() -> list[str]:
    from grace_support.network import SupportNetwork  # noqa: PLC0415

    empty = SupportNetwork.build("ego")
    return list(change_row(compare(empty, empty, as_of=("2000-01-01", "2000-01-01"))))
