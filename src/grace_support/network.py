"""The support-network models: `Person`, `Relationship` and `SupportNetwork`.

A support network is drawn around one person, the *ego*: the people they name
(the *alters*), one relationship from the ego to each of them, and which of those
people know each other (the *ties*). The models are frozen pydantic models that read
and write the network document (schema_version 1) field for field.

Examples:
    >>> network = SupportNetwork.build(
    ...     Person(id="maria", name="Maria"),
    ...     [
    ...         (Person(id="ana", name="Ana"),
    ...          Relationship(person="ana", role="friend", supports=["emotional"],
    ...                       closeness="inner", contact="weekly")),
    ...         (Person(id="dr-lee"),
    ...          Relationship(person="dr-lee", role="therapist",
    ...                       supports=["informational"], closeness="middle")),
    ...     ],
    ...     ties=[("ana", "dr-lee")],
    ... )
    >>> network
    SupportNetwork(ego='maria', people=2, ties=1)
    >>> [r.person for r in network.providers(SupportType.EMOTIONAL)]
    ['ana']

Names are personal health information: they are left out of every `repr`, and
errors name the place of a problem, never the value found there.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, Self

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from grace_support._model import FrozenModel
from grace_support.attributes import Attributes
from grace_support.errors import UnknownPersonError
from grace_support.vocabulary import (
    Closeness,
    Contact,
    Role,
    RoleCategory,
    Strain,
    SupportType,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    import networkx as nx

__all__ = [
    "SCHEMA_VERSION",
    "IsoDate",
    "Person",
    "PersonId",
    "Relationship",
    "SupportNetwork",
    "Tie",
    "parse_day",
]

SCHEMA_VERSION: Final = 1
"""The version of the network document that this release reads and writes."""

PersonId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._-]+$"),
    Field(
        description=(
            "An id for a person, unique within the network: letters, digits, '-', '_' and '.'."
        ),
        examples=["ana", "dr-lee"],
    ),
]
"""A person's id: 1-128 letters, digits, ``-``, ``_`` or ``.``, unique within a network."""

_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: object) -> date:
    """A calendar day from a ``date`` or a ``YYYY-MM-DD`` string, and nothing else.

    Raises:
        ValueError: The value is a date and time, a number, or not a real day.

    Examples:
        >>> parse_day("2026-10-30")
        datetime.date(2026, 10, 30)
    """
    if isinstance(value, datetime):
        raise ValueError("must be a calendar day, not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a real calendar day (YYYY-MM-DD)") from None
    raise ValueError("must be a date written YYYY-MM-DD")


def _iso_date(value: object) -> date:
    try:
        return parse_day(value)
    except ValueError as error:
        raise PydanticCustomError("date_format", str(error)) from None


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar day, written ``YYYY-MM-DD`` in documents."""

Tie = tuple[PersonId, PersonId]
"""An unordered pair of alters who know each other."""


_SUPPORT_ORDER = {t: i for i, t in enumerate(SupportType)}


def _canonical_support_types(values: tuple[SupportType, ...]) -> tuple[SupportType, ...]:
    """Reject repeats, then put support types in their declared order."""
    seen: set[SupportType] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "duplicate_support_type",
                "lists {support_type} more than once",
                {"support_type": str(value)},
            )
        seen.add(value)
    return tuple(sorted(values, key=_SUPPORT_ORDER.__getitem__))


def _empty(value: Attributes) -> bool:
    return not value


class Person(FrozenModel):
    """Someone in the network: the ego at the centre, or one of the people they name."""

    id: PersonId
    """The person's id, unique within the network."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, repr=False
    )
    """How to show the person, if known. Personal health information: never logged."""
    attributes: Attributes = Field(default_factory=Attributes, exclude_if=_empty)
    """Study variables about the person (e.g. age group); left out of documents when empty."""

    @property
    def label(self) -> str:
        """The name when there is one, else the id (for reports shown to the person).

        Examples:
            >>> Person(id="p1").label, Person(id="p2", name="Sam").label
            ('p1', 'Sam')
        """
        return self.name if self.name is not None else self.id


class Relationship(FrozenModel):
    """The relationship from the ego to one person, and the support it carries."""

    person: PersonId
    """The id of the person (one of the network's `people`)."""
    role: Role
    """Who the person is to the ego."""
    supports: tuple[SupportType, ...] = ()
    """The kinds of support the person gives; written in the declared order."""
    closeness: Closeness
    """Which circle of closeness the person is in."""
    contact: Contact | None = None
    """How often they are usually in touch, if known."""
    last_contact: IsoDate | None = None
    """The day they were last in touch, if known."""
    strain: Strain = Strain.NONE
    """How draining or conflict-laden the relationship feels."""
    attributes: Attributes = Field(default_factory=Attributes, exclude_if=_empty)
    """Study variables about the relationship (e.g. years known); left out when empty."""

    _check_supports = field_validator("supports")(_canonical_support_types)

    @property
    def category(self) -> RoleCategory:
        """The category of this relationship's role."""
        return self.role.category

    @property
    def is_dormant(self) -> bool:
        """Whether the two are out of touch for now (``contact`` is ``lost_touch``)."""
        return self.contact is Contact.LOST_TOUCH

    @property
    def is_active(self) -> bool:
        """Whether the relationship is not dormant."""
        return self.contact is not Contact.LOST_TOUCH

    def gives(self, support_type: SupportType) -> bool:
        """Whether the person gives this kind of support."""
        return support_type in self.supports


class SupportNetwork(FrozenModel):
    """One person's support network (the network document, schema_version 1).

    Every rule of the document is checked when the model is built: ids are unique
    across the ego and people; each person has exactly one relationship and each
    relationship names a person; ties join two different, known people, once.
    Support types and `needs` are kept in their declared order, and each tie is
    kept as a sorted pair in a sorted list, so equal networks compare equal.

    Build one from a document with
    [`parse_network`][grace_support.parse_network] or
    [`read_network`][grace_support.read_network], or in code with
    [`build`][grace_support.SupportNetwork.build] and
    [`with_person`][grace_support.SupportNetwork.with_person]. Change one with the
    ``with_*``/``without_person`` methods, which validate the result: pydantic's
    ``model_copy(update=...)`` skips validation, so it can make a network that breaks
    the rules.
    """

    model_config = ConfigDict(title="SupportNetwork")

    schema_version: Literal[1] = SCHEMA_VERSION
    """The document format version. This release reads and writes version 1."""
    ego: Person
    """The person at the centre of the network."""
    needs: tuple[SupportType, ...] = tuple(SupportType)
    """The kinds of support this person wants to have (default: all four)."""
    people: tuple[Person, ...] = ()
    """Everyone the ego names (the alters), in the order they were named."""
    relationships: tuple[Relationship, ...] = ()
    """Exactly one relationship from the ego to each person."""
    ties: tuple[Tie, ...] = ()
    """Pairs of people who know each other (the ego is never part of a tie)."""

    _check_needs = field_validator("needs")(_canonical_support_types)

    @field_validator("schema_version", mode="before")
    @classmethod
    def _known_version(cls, value: object) -> object:
        if value != SCHEMA_VERSION or isinstance(value, bool):
            raise PydanticCustomError(
                "schema_version",
                "this release of grace-support reads schema_version {supported} only",
                {"supported": SCHEMA_VERSION},
            )
        return value

    @model_validator(mode="after")
    def _check_references(self) -> Self:
        problems = _Problems()
        index = _check_ids(self, problems)
        _check_relationships(self, index, problems)
        _check_ties(self, index, problems)
        if problems.dropped:
            problems.LIMIT += 1
            problems.add((), "has {more} more problems of these kinds", more=problems.dropped)
        if problems.errors:
            raise ValidationError.from_exception_data(type(self).__name__, problems.errors)

        # Canonical form: each tie as a sorted pair, the list sorted.
        canonical = tuple(sorted((a, b) if a < b else (b, a) for a, b in self.ties))
        if canonical != self.ties:
            object.__setattr__(self, "ties", canonical)
        return self

    def __repr__(self) -> str:
        return (
            f"SupportNetwork(ego={self.ego.id!r}, people={len(self.people)}, ties={len(self.ties)})"
        )

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        from grace_support._html import network_html  # noqa: PLC0415

        return network_html(self)

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        ego: Person | str,
        alters: Iterable[tuple[Person | str, Relationship]] = (),
        *,
        ties: Iterable[tuple[str, str]] = (),
        needs: Iterable[SupportType | str] | None = None,
    ) -> SupportNetwork:
        """Build a network in code from (person, relationship) pairs.

        Args:
            ego: The person at the centre, or just their id.
            alters: Each person (or just their id) with the relationship to them.
            ties: Pairs of people ids who know each other.
            needs: The kinds of support the ego wants; all four when omitted.

        Returns:
            The validated network.

        Raises:
            pydantic.ValidationError: A rule of the document is broken (the error
                names where, e.g. ``relationships[1].person``).

        Examples:
            >>> SupportNetwork.build("sam").people
            ()
        """
        people: list[Person] = []
        relationships: list[Relationship] = []
        for person, relationship in alters:
            people.append(Person(id=person) if isinstance(person, str) else person)
            relationships.append(relationship)
        fields: dict[str, Any] = {
            "ego": Person(id=ego) if isinstance(ego, str) else ego,
            "people": people,
            "relationships": relationships,
            "ties": list(ties),
        }
        if needs is not None:
            fields["needs"] = list(needs)
        return cls.model_validate(fields)

    def _replace(self, **changes: Any) -> SupportNetwork:
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        fields.update(changes)
        return type(self).model_validate(fields)

    def with_person(self, person: Person | str, relationship: Relationship) -> SupportNetwork:
        """Return a new network with one more person and the relationship to them.

        Examples:
            >>> net = SupportNetwork.build("sam").with_person(
            ...     "jo", Relationship(person="jo", role="sibling", closeness="inner"))
            >>> net.relationship("jo").category
            <RoleCategory.FAMILY: 'family'>
        """
        new = Person(id=person) if isinstance(person, str) else person
        return self._replace(
            people=(*self.people, new), relationships=(*self.relationships, relationship)
        )

    def with_tie(self, a: str, b: str) -> SupportNetwork:
        """Return a new network in which people `a` and `b` know each other."""
        return self._replace(ties=(*self.ties, (a, b)))

    def without_person(self, person_id: str) -> SupportNetwork:
        """Return a new network without this person, their relationship and their ties.

        Raises:
            UnknownPersonError: No person in the network has this id.
        """
        if all(p.id != person_id for p in self.people):
            raise UnknownPersonError()
        return self._replace(
            people=tuple(p for p in self.people if p.id != person_id),
            relationships=tuple(r for r in self.relationships if r.person != person_id),
            ties=tuple(t for t in self.ties if person_id not in t),
        )

    # -- looking things up ------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        """The person (or the ego) with this id.

        Raises:
            UnknownPersonError: No one in the network has this id.
        """
        if person_id == self.ego.id:
            return self.ego
        for person in self.people:
            if person.id == person_id:
                return person
        raise UnknownPersonError()

    def relationship(self, person_id: str) -> Relationship:
        """The ego's relationship to the person with this id.

        Raises:
            UnknownPersonError: No person (other than the ego) has this id.
        """
        for relationship in self.relationships:
            if relationship.person == person_id:
                return relationship
        raise UnknownPersonError()

    @property
    def alters(self) -> tuple[tuple[Person, Relationship], ...]:
        """Each person with the relationship to them, in the order of `people`."""
        relationship_of = {r.person: r for r in self.relationships}
        return tuple((p, relationship_of[p.id]) for p in self.people)

    @property
    def active_relationships(self) -> tuple[Relationship, ...]:
        """The relationships that are not dormant."""
        return tuple(r for r in self.relationships if r.is_active)

    def relationships_of(self, kind: Role | RoleCategory) -> tuple[Relationship, ...]:
        """The relationships with this role, or with any role in this category.

        Examples:
            >>> net = SupportNetwork.build("sam", [
            ...     ("jo", Relationship(person="jo", role="sibling", closeness="inner")),
            ...     ("al", Relationship(person="al", role="parent", closeness="middle")),
            ... ])
            >>> [r.person for r in net.relationships_of(RoleCategory.FAMILY)]
            ['jo', 'al']
            >>> [r.person for r in net.relationships_of(Role.PARENT)]
            ['al']
        """
        if isinstance(kind, Role):
            return tuple(r for r in self.relationships if r.role is kind)
        return tuple(r for r in self.relationships if r.role.category is kind)

    def providers(
        self, support_type: SupportType, *, include_dormant: bool = False
    ) -> tuple[Relationship, ...]:
        """The relationships through which this kind of support is given.

        Args:
            support_type: The kind of support.
            include_dormant: Also count people the ego has lost touch with.
        """
        return tuple(
            r
            for r in self.relationships
            if support_type in r.supports and (include_dormant or r.is_active)
        )

    # -- documents and graphs ---------------------------------------------------------------

    def to_document(self) -> dict[str, Any]:
        """The network document as JSON-ready data (unset optional fields left out)."""
        return self.model_dump(mode="json", exclude_none=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The network document as JSON text (unset optional fields left out)."""
        return self.model_dump_json(indent=indent, exclude_none=True)

    def to_networkx(self) -> nx.Graph:
        """A fresh undirected networkx graph of the ego, the people and their ties.

        See [`grace_support.graph.to_networkx`][grace_support.graph.to_networkx].
        """
        from grace_support.graph import to_networkx  # noqa: PLC0415 (networkx is slow to import)

        return to_networkx(self)

    @classmethod
    def from_networkx(cls, graph: nx.Graph, *, ego: str | None = None) -> SupportNetwork:
        """Read a network back from a graph made by `to_networkx`.

        See [`grace_support.graph.from_networkx`][grace_support.graph.from_networkx].
        """
        from grace_support.graph import from_networkx  # noqa: PLC0415

        return from_networkx(graph, ego=ego)


class _Problems:
    """Collects reference problems with their exact locations.

    Only the first `LIMIT` are kept, then one that says how many more there are, so
    a document with 200,000 repeated ties fails fast with a short error.
    """

    LIMIT = 1000

    def __init__(self) -> None:
        self.errors: list[InitErrorDetails] = []
        self.dropped = 0

    def add(self, loc: tuple[str | int, ...], message: str, **ctx: object) -> None:
        if len(self.errors) >= self.LIMIT:
            self.dropped += 1
            return
        self.errors.append(
            InitErrorDetails(
                type=PydanticCustomError("network_reference", message, ctx), loc=loc, input=None
            )
        )


def _check_ids(network: SupportNetwork, problems: _Problems) -> dict[str, int]:
    """Ids are unique across the ego and people; returns id -> index in people."""
    first_seen: dict[str, int] = {}
    for i, person in enumerate(network.people):
        if person.id == network.ego.id:
            problems.add(("people", i, "id"), "is the ego's id; every id must be unique")
        elif person.id in first_seen:
            problems.add(
                ("people", i, "id"),
                "is already the id of people[{other}]; every id must be unique",
                other=first_seen[person.id],
            )
        else:
            first_seen[person.id] = i
    return first_seen


def _check_relationships(
    network: SupportNetwork, index: dict[str, int], problems: _Problems
) -> None:
    """Each relationship names a person, and each person has exactly one."""
    owner: dict[str, int] = {}
    for i, relationship in enumerate(network.relationships):
        pid = relationship.person
        loc = ("relationships", i, "person")
        if pid == network.ego.id:
            problems.add(loc, "names the ego; relationships go to people")
        elif pid not in index:
            problems.add(loc, "names no one in people")
        elif pid in owner:
            problems.add(
                loc,
                "already has relationships[{other}]; each person has exactly one",
                other=owner[pid],
            )
        else:
            owner[pid] = i
    for pid, i in index.items():
        if pid not in owner:
            problems.add(("people", i), "has no relationship; each person needs exactly one")


def _check_ties(network: SupportNetwork, index: dict[str, int], problems: _Problems) -> None:
    """Ties join two different known people (never the ego), once each."""
    tie_at: dict[frozenset[str], int] = {}
    for i, (a, b) in enumerate(network.ties):
        known = True
        for end, pid in enumerate((a, b)):
            if pid == network.ego.id:
                problems.add(
                    ("ties", i, end),
                    "names the ego; ties join two people (the ego's links are relationships)",
                )
                known = False
            elif pid not in index:
                problems.add(("ties", i, end), "names no one in people")
                known = False
        if a == b:
            problems.add(("ties", i), "joins a person to themselves")
        elif known:
            key = frozenset((a, b))
            if key in tie_at:
                problems.add(
                    ("ties", i), "repeats ties[{other}] (ties have no direction)", other=tie_at[key]
                )
            else:
                tie_at[key] = i
