"""Hypothesis strategies for support networks, shared by every property test.

``networks()`` draws valid networks of any shape: empty ones, ones where nobody
gives support, everyone dormant, dense and sparse ties, every role and quality,
and every feature of document version 2: unknown roles and closeness, support the
ego gives, weighted ties with attributes, and the day the network was collected.

``networks(v3=True)`` (or ``v3_networks()``) adds what document version 3 can say:
``supports``, ``gives`` and ``strain`` not recorded (``None``), the kinds of
support asked (``support_types_asked``, ``gives_types_asked``; each person's
recorded kinds are among them), ``ties_asked`` (a subset of the people, with ties
only between asked people), ``generator`` and ``max_names``. Last contacts fall
anywhere from long before to just before the days the tests judge on, so some
people are in touch and some are not.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from grace_support import (
    Attributes,
    Closeness,
    Contact,
    Person,
    Relationship,
    Role,
    Settings,
    Strain,
    SupportNetwork,
    SupportType,
    Tie,
)

ids = st.from_regex(r"[A-Za-z0-9._-]{1,12}", fullmatch=True)
names = st.none() | st.text(min_size=1, max_size=30).filter(lambda s: len(s) <= 200)
support_sets = st.lists(st.sampled_from(SupportType), unique=True, max_size=4)
LAST_DAY = date(2026, 7, 31)
"""The last day drawn: before every day the tests judge networks on (2026-08-01 and after),
since ``assess`` refuses an ``as_of`` earlier than a recorded contact or collection day."""
days = st.dates(min_value=date(2020, 1, 1), max_value=LAST_DAY)
attribute_values = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(max_size=12)
)
attributes = st.dictionaries(
    st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), attribute_values, max_size=3
).map(Attributes)


def _kinds_among(asked: tuple[SupportType, ...]) -> st.SearchStrategy[list[SupportType]]:
    return st.lists(st.sampled_from(asked), unique=True) if asked else st.just([])


@st.composite
def relationships(
    draw: st.DrawFn,
    person: str,
    *,
    v3: bool = False,
    asked: tuple[SupportType, ...] = tuple(SupportType),
    gives_asked: tuple[SupportType, ...] = tuple(SupportType),
) -> Relationship:
    """One relationship to `person`, with any role and qualities.

    With ``v3``, ``supports``, ``gives`` and ``strain`` may be ``None`` (not
    recorded), and the kinds recorded are among `asked` (`gives_asked` for gives).
    """
    if v3:
        supports = draw(st.none() | _kinds_among(asked).map(tuple))
        gives = draw(st.none() | _kinds_among(gives_asked).map(tuple))
        strain = draw(st.none() | st.sampled_from(Strain))
    else:
        supports, gives = tuple(draw(support_sets)), tuple(draw(support_sets))
        strain = draw(st.sampled_from(Strain))
    return Relationship(
        person=person,
        role=draw(st.none() | st.sampled_from(Role)),
        supports=supports,
        gives=gives,
        closeness=draw(st.none() | st.sampled_from(Closeness)),
        contact=draw(st.none() | st.sampled_from(Contact)),
        last_contact=draw(st.none() | days),
        strain=strain,
        attributes=draw(attributes),
    )


asked_types = st.one_of(
    st.just(tuple(SupportType)),
    st.lists(st.sampled_from(SupportType), unique=True, max_size=4).map(tuple),
)
"""Kinds of support an interview asked about: often all four, else any subset (even none)."""
generators = st.none() | st.sampled_from(["persnet", "important-matters", "nc protocol 2"])
"""A name generator's label, or none recorded."""


@st.composite
def networks(draw: st.DrawFn, *, max_people: int = 12, v3: bool = False) -> SupportNetwork:
    """A valid support network with 0 to `max_people` people and any ties among them.

    With ``v3``: fields not recorded, kinds of support asked, ``ties_asked`` (ties
    only between asked people), ``generator`` and ``max_names`` (see the module).
    """
    all_ids = draw(st.lists(ids, min_size=1, max_size=max_people + 1, unique=True))
    ego, people_ids = all_ids[0], all_ids[1:]
    recorded: dict[str, object] = {}
    asked = gives_asked = tuple(SupportType)
    tie_ids = people_ids
    if v3:
        asked, gives_asked = draw(asked_types), draw(asked_types)
        recorded["support_types_asked"] = asked
        recorded["gives_types_asked"] = gives_asked
        if len(people_ids) > 0 and draw(st.booleans()):
            kept: list[bool] = [draw(st.booleans()) for _ in people_ids]
            tie_ids = [pid for pid, keep in zip(people_ids, kept, strict=True) if keep]
            recorded["ties_asked"] = tuple(tie_ids)
        recorded["generator"] = draw(generators)
        recorded["max_names"] = draw(
            st.none() | st.integers(min_value=max(1, len(people_ids)), max_value=50)
        )
    pairs = [(a, b) for i, a in enumerate(tie_ids) for b in tie_ids[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    ties = [
        draw(tie_between(b, a) if draw(st.booleans()) else tie_between(a, b)) for a, b in chosen
    ]
    return SupportNetwork(
        collected_on=draw(st.none() | days),
        ego=Person(id=ego, name=draw(names), attributes=draw(attributes)),
        needs=tuple(draw(support_sets)) if draw(st.booleans()) else tuple(SupportType),
        people=tuple(
            Person(id=pid, name=draw(names), attributes=draw(attributes)) for pid in people_ids
        ),
        relationships=tuple(
            draw(relationships(pid, v3=v3, asked=asked, gives_asked=gives_asked))
            for pid in people_ids
        ),
        ties=tuple(ties),
        **recorded,  # type: ignore[arg-type]
    )


def v3_networks(*, max_people: int = 12) -> st.SearchStrategy[SupportNetwork]:
    """Networks with everything document version 3 can say (``networks(v3=True)``)."""
    return networks(max_people=max_people, v3=True)


settings_strategy = st.builds(
    Settings,
    over_reliance_share=st.floats(0.05, 0.95),
    over_reliance_min_support=st.integers(1, 6),
    dormant_after_days=st.integers(0, 400),
    small_network_size=st.integers(1, 8),
)
"""Custom finding thresholds, across their ranges."""

weights = st.just(1.0) | st.floats(
    min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False, exclude_min=False
)
"""Tie weights: often 1 (a plain tie), else any finite number above 0."""


@st.composite
def tie_between(draw: st.DrawFn, a: str, b: str) -> Tie:
    """A tie from `a` to `b`: plain, weighted, with attributes, or both."""
    return Tie(a, b, weight=draw(weights), attributes=draw(attributes))


@st.composite
def network_pairs(
    draw: st.DrawFn, *, max_people: int = 8, v3: bool = False
) -> tuple[SupportNetwork, SupportNetwork]:
    """Two interviews of one ego: people drawn from one pool, so some are in both.

    With ``v3``, each wave may leave fields not recorded and ask about some kinds
    of support and some people's ties only, as `networks` does (no name generator:
    a change of generator warns, see `change.compare`).
    """
    pool = draw(st.lists(ids, min_size=1, max_size=max_people + 1, unique=True))
    ego, candidates = pool[0], pool[1:]

    def wave() -> SupportNetwork:
        people_ids = [pid for pid in candidates if draw(st.booleans())]
        recorded: dict[str, object] = {}
        asked = gives_asked = tuple(SupportType)
        tie_ids = people_ids
        if v3:
            asked, gives_asked = draw(asked_types), draw(asked_types)
            recorded["support_types_asked"] = asked
            recorded["gives_types_asked"] = gives_asked
            if len(people_ids) > 0 and draw(st.booleans()):
                kept: list[bool] = [draw(st.booleans()) for _ in people_ids]
                tie_ids = [pid for pid, keep in zip(people_ids, kept, strict=True) if keep]
                recorded["ties_asked"] = tuple(tie_ids)
        pairs = [(a, b) for i, a in enumerate(tie_ids) for b in tie_ids[i + 1 :]]
        chosen = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
        ties = [draw(tie_between(a, b)) for a, b in chosen]
        return SupportNetwork(
            collected_on=draw(st.none() | days),
            ego=Person(id=ego),
            needs=tuple(draw(support_sets)) if draw(st.booleans()) else tuple(SupportType),
            people=tuple(Person(id=pid, name=draw(names)) for pid in people_ids),
            relationships=tuple(
                draw(relationships(pid, v3=v3, asked=asked, gives_asked=gives_asked))
                for pid in people_ids
            ),
            ties=tuple(ties),
            **recorded,  # type: ignore[arg-type]
        )

    return wave(), wave()
