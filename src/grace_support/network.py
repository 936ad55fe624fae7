"""The support-network models: `Person`, `Relationship` and `SupportNetwork`.

A support network is drawn around one person, the *ego*: the people they name
(the *alters*), one relationship from the ego to each of them, and which of those
people know each other (the *ties*). The models are frozen pydantic models that read
and write the network document (schema_version 3) field for field; a document of
version 1 or 2 is read as the version-3 document it means.

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
    ...     ties=[Tie("ana", "dr-lee", weight=2.5)],
    ... )
    >>> network
    SupportNetwork(ego='maria', people=2, ties=1)
    >>> [(a, b, tie.weight) for tie in network.ties for a, b in [tie]]
    [('ana', 'dr-lee', 2.5)]
    >>> [r.person for r in network.providers(SupportType.EMOTIONAL)]
    ['ana']

Names are personal health information: they are left out of every `repr`, and
errors name the place of a problem, never the value found there.
"""

from __future__ import annotations

import math
import re
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from itertools import chain, islice, repeat
from numbers import Real
from operator import attrgetter, eq
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, Self

from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

from grace_support._deprecation import deprecated
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
    from collections.abc import Iterable, Mapping

    import networkx as nx
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, TypeAdapter
    from pydantic.json_schema import JsonSchemaValue

    from grace_support.attributes import AttributeValue
    from grace_support.settings import Settings

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

SCHEMA_VERSION: Final = 3
"""The version of the network document that this release writes (it reads 1, 2 and 3)."""

READ_VERSIONS: Final = (1, 2, 3)
"""The versions of the network document that this release reads."""

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
            pass
        # Raised outside the handler: no chain (Python's error may quote the text).
        raise ValueError("is not a real calendar day (YYYY-MM-DD)")
    raise ValueError("must be a date written YYYY-MM-DD")


def _iso_date(value: object) -> date:
    try:
        return parse_day(value)
    except ValueError as error:
        raise PydanticCustomError("date_format", str(error)) from None


class _IsoDay:
    r"""The schema of `IsoDate`: `parse_day`'s rules, checked without Python in JSON.

    In JSON (not strict) a day is read by pydantic-core: text of the shape
    ``\d{4}-\d{2}-\d{2}`` (as `parse_day` asks), then a real calendar day, each
    failure with `parse_day`'s own words. Python values, and strict mode (whose
    date schema takes no text), go through `parse_day` itself.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        day = handler(source)
        python = core_schema.no_info_before_validator_function(_iso_date, day)
        in_json = core_schema.chain_schema(
            [
                core_schema.custom_error_schema(
                    core_schema.str_schema(pattern=rf"^{_DATE_SHAPE.pattern}$"),
                    "date_format",
                    custom_error_message="must be a date written YYYY-MM-DD",
                ),
                core_schema.custom_error_schema(
                    day,
                    "date_format",
                    custom_error_message="is not a real calendar day (YYYY-MM-DD)",
                ),
            ]
        )
        return core_schema.json_or_python_schema(
            json_schema=core_schema.lax_or_strict_schema(lax_schema=in_json, strict_schema=python),
            python_schema=python,
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.date_schema())


IsoDate = Annotated[date, _IsoDay()]
"""A calendar day, written ``YYYY-MM-DD`` in documents."""


class Tie(tuple[str, str]):
    """Two people who know each other, with the tie's weight and study variables.

    A tie behaves as the pair of ids it joins, so ``a, b = tie``, ``"ana" in tie``,
    ``tie[0]`` and ``sorted(ties)`` work as they do on a plain pair. On top of that
    it has a ``weight`` (finite and above 0; 1 unless recorded) and ``attributes``
    (study variables about the tie). A tie with weight 1 and no attributes equals
    (and hashes as) the plain pair ``(a, b)``; any other tie equals only a tie with
    the same ids, weight and attributes. Ties are immutable.

    In a document a tie is written as the pair ``["a", "b"]`` when its weight is 1
    and it has no attributes, else as ``{"between": ["a", "b"], "weight": 2.5,
    "attributes": {...}}`` (either key may be left out).

    Examples:
        >>> tie = Tie("ana", "jo", weight=2.5, attributes={"kind": "coworkers"})
        >>> a, b = tie
        >>> (a, b), tie.between, tie.weight, tie.attributes["kind"]
        (('ana', 'jo'), ('ana', 'jo'), 2.5, 'coworkers')
        >>> Tie("ana", "jo") == ("ana", "jo"), tie == ("ana", "jo")
        (True, False)
        >>> tie
        Tie('ana', 'jo', weight=2.5, attributes=Attributes(kind))

    Raises:
        ValueError: The weight is not a finite number above 0, or an attribute is
            not a plain value.
    """

    # No __slots__: the class-level defaults serve every plain tie; only weighted ties or ties with
    # attributes carry their own values (kept in the instance dict).
    weight: float = 1.0
    """How strong the tie is: a finite number above 0 (1 when not recorded)."""
    attributes: Attributes = Attributes()
    """Study variables about the tie; empty when none."""

    def __new__(
        cls,
        a: str,
        b: str,
        *,
        weight: float = 1.0,
        attributes: Mapping[str, AttributeValue] | None = None,
    ) -> Self:
        """A tie between people `a` and `b`, with a weight and attributes."""
        if not (isinstance(a, str) and isinstance(b, str)):
            raise ValueError("a tie joins two ids, each a string")
        tie = tuple.__new__(cls, (a, b))
        if weight != 1.0 or type(weight) is not float:
            if isinstance(weight, bool) or not isinstance(weight, Real):
                raise ValueError("a tie's weight must be a number")
            if not (math.isfinite(weight) and weight > 0):
                raise ValueError("a tie's weight must be finite and above 0")
            if weight != 1.0:
                tie.__dict__["weight"] = float(weight)
        if attributes:
            checked = _checked_attributes(attributes)
            if checked is None:  # raised here, outside the except block: no context kept
                raise ValueError(
                    "a tie's attributes must have valid names and plain values (text, a whole "
                    "or finite number, true/false, or null)"
                )
            tie.__dict__["attributes"] = checked
        return tie

    @classmethod
    def _plain(cls, a: str, b: str) -> Tie:
        return tuple.__new__(cls, (a, b))

    @property
    def between(self) -> tuple[str, str]:
        """The two ids, as a plain pair."""
        return (self[0], self[1])

    @property
    def is_plain(self) -> bool:
        """Whether the tie has weight 1 and no attributes (written as a pair)."""
        return not self.__dict__

    def swapped(self) -> Tie:
        """The same tie with its two ends in the other order."""
        return Tie(self[1], self[0], weight=self.weight, attributes=self.attributes)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Tie is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Tie is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple):
            return NotImplemented
        if not tuple.__eq__(self, other):
            return False
        mine = self.__dict__
        theirs = other.__dict__ if isinstance(other, Tie) else {}
        same_weight: bool = mine.get("weight", 1.0) == theirs.get("weight", 1.0)
        same_attributes: bool = mine.get("attributes", _NO_ATTRIBUTES) == theirs.get(
            "attributes", _NO_ATTRIBUTES
        )
        return same_weight and same_attributes

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        if not self.__dict__:
            return tuple.__hash__(self)
        return hash((self[0], self[1], self.weight, self.attributes))

    def __repr__(self) -> str:
        extra = "".join(
            f", {k}={v!r}"
            for k, v in (("weight", self.weight), ("attributes", self.attributes))
            if k in self.__dict__
        )
        return f"Tie({self[0]!r}, {self[1]!r}{extra})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make_tie, (self[0], self[1], self.weight, self.attributes.to_dict()))

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: object) -> Self:
        return self

    def to_document(self) -> list[str] | dict[str, Any]:
        """The tie as written in a document: a pair, or an object when it has more.

        Examples:
            >>> Tie("a", "b").to_document(), Tie("a", "b", weight=2).to_document()
            (['a', 'b'], {'between': ['a', 'b'], 'weight': 2.0})
        """
        if not self.__dict__:
            return [self[0], self[1]]
        document: dict[str, Any] = {"between": [self[0], self[1]]}
        if "weight" in self.__dict__:
            document["weight"] = self.weight
        if "attributes" in self.__dict__:
            document["attributes"] = self.attributes.to_dict()
        return document

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        pair = handler.generate_schema(tuple[PersonId, PersonId])
        document = handler.generate_schema(WeightedTie)
        written = core_schema.union_schema([pair, document])  # what a document holds
        return core_schema.no_info_plain_validator_function(
            _validate_tie,
            json_schema_input_schema=written,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _written_tie, when_used="always", return_schema=written
            ),
        )


_NO_ATTRIBUTES = Attributes()


def _no_default_shown(schema: dict[str, Any]) -> None:
    """Leave the shared empty default out of the JSON Schema (it reads as no attributes)."""
    schema.pop("default", None)


def _make_tie(a: str, b: str, weight: float, attributes: dict[str, AttributeValue]) -> Tie:
    return Tie(a, b, weight=weight, attributes=attributes)


def _is_one(value: float) -> bool:
    return value == 1


def _empty(value: Attributes | tuple[object, ...]) -> bool:
    return not value


def _no_attributes() -> Any:
    """The field of a model's ``attributes``, empty by default and then left out of documents.

    The default is the one empty `Attributes`, shared: it is immutable and hashable,
    so pydantic neither copies it nor calls a factory for each model it reads.
    """
    return Field(default=_NO_ATTRIBUTES, exclude_if=_empty, json_schema_extra=_no_default_shown)


class WeightedTie(FrozenModel):
    """A tie written as an object: the two people, and the tie's weight and attributes."""

    model_config = ConfigDict(title="WeightedTie")

    between: tuple[PersonId, PersonId]
    """The ids of the two people who know each other."""
    weight: Annotated[float, Field(gt=0, allow_inf_nan=False, strict=True)] = Field(
        default=1.0, exclude_if=_is_one
    )
    """How strong the tie is: a finite number above 0 (default 1)."""
    attributes: Attributes = Field(default_factory=Attributes, exclude_if=_empty)
    """Study variables about the tie (e.g. how they know each other)."""


def _written_tie(tie: Tie) -> tuple[str, str] | WeightedTie:
    """What a document holds for the tie: the pair, or the object (serialized by its schema)."""
    if not tie.__dict__:
        return (tie[0], tie[1])
    return WeightedTie.model_construct(
        between=(tie[0], tie[1]), weight=tie.weight, attributes=tie.attributes
    )


@cache
def _adapters() -> tuple[TypeAdapter[Attributes], TypeAdapter[tuple[str, str]]]:
    """Validators of tie attributes and of an id pair, built on first use (cheap import)."""
    from pydantic import TypeAdapter  # noqa: PLC0415 (its module is slow to import)

    hidden = ConfigDict(hide_input_in_errors=True)
    return (
        TypeAdapter(Attributes, config=hidden),
        TypeAdapter(tuple[PersonId, PersonId], config=hidden),
    )


def _checked_attributes(attributes: Mapping[str, AttributeValue]) -> Attributes | None:
    """The validated attributes, or None when they break a rule."""
    try:
        return _adapters()[0].validate_python(attributes)
    except ValidationError:
        return None


_new_tuple = tuple.__new__


def _validate_tie(value: object) -> Tie:
    """One tie from a document: a pair of ids or an object (errors name the inner place)."""
    if type(value) is list and len(value) == 2:
        a, b = value
        # The fast path: the ids' shape need not be checked here, as a tie must name
        # people of the network (whose ids are checked) and an id of another shape
        # is reported at the same place as one that names no one.
        if type(a) is str and type(b) is str:
            return _new_tuple(Tie, (a, b))
    if isinstance(value, list | tuple) and not isinstance(value, Tie):
        a, b = _adapters()[1].validate_python(value)
        return Tie._plain(a, b)
    if isinstance(value, Tie):
        if value.is_plain:
            return value
        value = value.to_document()
    if not isinstance(value, dict):
        raise PydanticCustomError(
            "tie_type", "must be a pair of ids, or an object with the key 'between'"
        )
    document = WeightedTie.model_validate(value)
    a, b = document.between
    if document.weight == 1 and not document.attributes:
        # Equal to a plain tie; the type only remembers where errors are (ties[i].between).
        return _new_tuple(_WrittenAsObject, (a, b))
    return Tie(a, b, weight=document.weight, attributes=document.attributes)


class _WrittenAsObject(Tie):
    """A plain tie that its document wrote as an object (so errors say ``.between``)."""


class _PairsToCheck(list[tuple[str, str]]):
    """The ties of a document read on the fast path, waiting for the network's check.

    Every tie was a plain pair of two different strings; each is kept here as a
    sorted pair (``a < b``). ``document`` is the list as read, so that, when a rule
    is broken, the ties are read again one by one and the errors name each place.
    """

    document: list[object] | tuple[object, ...]


def _sorted_pairs(ties: list[object] | tuple[object, ...]) -> _PairsToCheck | None:
    """Each tie as a sorted pair, when every tie is a plain pair of two different strings."""
    pairs = _PairsToCheck()
    add = pairs.append
    a: str
    b: str
    for item in ties:
        kind = type(item)
        if kind is list:
            try:
                a, b = item  # type: ignore[misc]
            except ValueError:  # not two items
                return None
            if type(a) is not str or type(b) is not str:
                return None
        elif kind is Tie and not item.__dict__:
            a, b = item  # type: ignore[misc]
        else:  # an object, a weighted tie, a tuple (whose ids are checked), or a mistake
            return None
        if a < b:
            add((a, b))
        elif b < a:
            add((b, a))
        else:  # a self-tie: the slow path words it
            return None
    pairs.document = ties
    return pairs


def _read_ties(
    value: object,
    handler: core_schema.ValidatorFunctionWrapHandler,
    info: core_schema.ValidationInfo,
) -> object:
    """The ``ties`` of a network: plain pairs in one pass, anything else tie by tie.

    The fast pass takes a document's list of ``[a, b]`` pairs (or a tuple of plain
    ties, as the ``with_*`` methods give) and leaves the rules to the network's
    check. Anything else, and a list given in Python (where strict mode wants a
    tuple), goes to the schema of ``tuple[Tie, ...]``, which reads each tie and
    names the place of each problem (``ties[i]``, ``ties[i].between``).
    """
    kind = type(value)
    if kind is tuple or (kind is list and info.mode == "json"):
        pairs = _sorted_pairs(value)  # type: ignore[arg-type]
        if pairs is not None:
            return pairs
        if kind is list:  # a JSON array: a tuple, so that strict mode accepts it as JSON does
            value = tuple(value)  # type: ignore[arg-type]
    return handler(value)


class _ReadTies:
    """Marks the network's ``ties``: read by `_read_ties` (JSON Schema of ``tuple[Tie, ...]``)."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_wrap_validator_function(_read_ties, handler(source))


_SUPPORT_ORDER = {t: i for i, t in enumerate(SupportType)}

_Types = tuple[SupportType, ...] | None

_IN_ORDER: Final = frozenset(
    tuple(t for i, t in enumerate(SupportType) if chosen >> i & 1)
    for chosen in range(2 ** len(SupportType))
)
"""Every list of support types without repeats, in the declared order (one set lookup)."""


_ALL_TYPES: Final = tuple(SupportType)


def _all_types(value: tuple[SupportType, ...]) -> bool:
    return value == _ALL_TYPES


_V3_FIELDS: Final = frozenset({"supports", "gives", "strain"})


_STATED_VERSION: ContextVar[int | None] = ContextVar("stated_schema_version", default=None)
"""The schema_version stated by the network being validated.

Set by the ``schema_version`` validator, which runs first whenever the input states a
version, and read by the network's after-validator in the same validation only then
(``schema_version`` in ``model_fields_set``), so it is never stale."""


def _not_recorded_in_v3(network: SupportNetwork) -> None:
    """In a version-3 document, a relationship field left out was not recorded (None).

    In versions 1 and 2 (and with no ``schema_version``) a left-out ``supports``,
    ``gives`` or ``strain`` keeps its old meaning, none: the defaults. A field is
    left out when the relationship was validated without it (``model_fields_set``).
    """
    relationships = network.relationships
    if all(r.model_fields_set >= _V3_FIELDS for r in relationships):
        return
    object.__setattr__(
        network,
        "relationships",
        tuple(
            r
            if r.model_fields_set >= _V3_FIELDS
            else r.model_copy(update=dict.fromkeys(_V3_FIELDS - r.model_fields_set))
            for r in relationships
        ),
    )


GeneratorLabel = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._:/-]*$"),
    Field(
        description="A short label of a name generator: letters, digits, spaces and ._:/-",
        examples=["persnet", "important-matters"],
    ),
]
"""A name generator's label: 1-64 letters, digits, spaces or ``._:/-``."""


def _canonical_support_types(values: _Types) -> _Types:
    """Reject repeats, then put support types in their declared order (``None`` kept)."""
    if values is None or values in _IN_ORDER:
        return values  # already in order, without repeats (the common case)
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


class Person(FrozenModel):
    """Someone in the network: the ego at the centre, or one of the people they name."""

    id: PersonId
    """The person's id, unique within the network."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, repr=False
    )
    """How to show the person, if known. Personal health information: never logged."""
    attributes: Attributes = _no_attributes()
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
    role: Role | None = None
    """Who the person is to the ego; left out (``None``) when not recorded."""
    supports: tuple[SupportType, ...] | None = ()
    """The kinds of support the person gives the ego, in the declared order: an empty list
    when they give none, null (``None``) when it was not recorded for this person."""
    gives: tuple[SupportType, ...] | None = ()
    """The kinds of support the ego gives the person, in the declared order: an empty list
    when the ego gives none, null (``None``) when it was not recorded."""
    closeness: Closeness | None = None
    """Which circle of closeness the person is in; left out (``None``) when not recorded."""
    contact: Contact | None = None
    """How often they are usually in touch, if known."""
    last_contact: IsoDate | None = None
    """The day they were last in touch, if known."""
    strain: Strain | None = Strain.NONE
    """How draining or conflict-laden the relationship feels: ``none`` for no strain, null
    (``None``) when it was not recorded."""
    attributes: Attributes = _no_attributes()
    """Study variables about the relationship (e.g. years known); left out when empty."""

    _check_supports = field_validator("supports", "gives")(_canonical_support_types)

    @property
    def category(self) -> RoleCategory | None:
        """The category of this relationship's role; ``None`` when the role is unknown."""
        return None if self.role is None else self.role.category

    @property
    def is_dormant(self) -> bool:
        """Whether ``contact`` is ``lost_touch`` (the contact field alone).

        This looks at ``contact`` only, not at ``last_contact``. Whether two people
        are in touch on a day is [`in_touch`][grace_support.touch.in_touch].

        Deprecated:
            0.2.0: use ``not grace_support.in_touch(relationship, as_of=...)``.
        """
        deprecated(
            "Relationship.is_dormant",
            use="use not grace_support.in_touch(relationship, as_of=...), which also "
            "reads last_contact",
            since="0.2.0",
        )
        return self.contact is Contact.LOST_TOUCH

    @property
    def is_active(self) -> bool:
        """Whether ``contact`` is not ``lost_touch`` (the contact field alone).

        This looks at ``contact`` only, not at ``last_contact``. Whether two people
        are in touch on a day is [`in_touch`][grace_support.touch.in_touch].

        Deprecated:
            0.2.0: use ``grace_support.in_touch(relationship, as_of=...)``.
        """
        deprecated(
            "Relationship.is_active",
            use="use grace_support.in_touch(relationship, as_of=...), which also reads "
            "last_contact",
            since="0.2.0",
        )
        return self.contact is not Contact.LOST_TOUCH

    def provides(self, support_type: SupportType) -> bool:
        """Whether the person gives the ego this kind of support (it is in `supports`).

        ``False`` when `supports` was not recorded.
        """
        return self.supports is not None and support_type in self.supports

    def receives(self, support_type: SupportType) -> bool:
        """Whether the ego gives the person this kind of support (it is in `gives`).

        ``False`` when `gives` was not recorded.
        """
        return self.gives is not None and support_type in self.gives

    @property
    def is_reciprocal(self) -> bool:
        """Whether support flows both ways: the person gives some and receives some.

        ``False`` when either side was not recorded.
        """
        return bool(self.supports) and bool(self.gives)


class SupportNetwork(FrozenModel):
    """One person's support network (the network document, schema_version 3).

    Every rule of the document is checked when the model is built: ids are unique
    across the ego and people; each person has exactly one relationship and each
    relationship names a person; ties join two different, known people, once.
    Support types and `needs` are kept in their declared order, and each tie is
    kept as a sorted pair in a sorted list, so equal networks compare equal.

    A document of schema_version 1 or 2 is read as the version-3 document it means
    (there, an absent ``supports``, ``gives`` or ``strain`` means none, as it always
    did; in version 3 it means not recorded) and written as version 3.

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

    schema_version: Literal[3] = SCHEMA_VERSION
    """The document format version. This release reads versions 1, 2 and 3 and writes 3."""
    collected_on: IsoDate | None = None
    """The day the network was recorded, if known (``assess`` judges on this day)."""
    generator: GeneratorLabel | None = None
    """A short label of the name generator the interview used (e.g. ``"persnet"``), if
    known; waves with different generators are not directly comparable."""
    max_names: Annotated[int, Field(ge=1, le=100_000)] | None = None
    """The most names the name generator took, when the instrument capped them."""
    ego: Person
    """The person at the centre of the network."""
    needs: tuple[SupportType, ...] = tuple(SupportType)
    """The kinds of support this person wants to have (default: all four)."""
    support_types_asked: tuple[SupportType, ...] = Field(default=_ALL_TYPES, exclude_if=_all_types)
    """The kinds of support the interview asked about (who gives the ego what); all four
    when left out. A kind that was not asked is never reported missing."""
    gives_types_asked: tuple[SupportType, ...] = Field(default=_ALL_TYPES, exclude_if=_all_types)
    """The kinds of support the interview asked the ego gives each person; all four when
    left out."""
    people: tuple[Person, ...] = ()
    """Everyone the ego names (the alters), in the order they were named."""
    relationships: tuple[Relationship, ...] = ()
    """Exactly one relationship from the ego to each person."""
    ties_asked: tuple[PersonId, ...] | None = None
    """The ids of the people whose ties to each other were asked about (sorted); everyone
    when left out (``None``), and no one when empty. Ties only ever join two asked people."""
    ties: Annotated[tuple[Tie, ...], _ReadTies()] = ()
    """People who know each other (the ego is never part of a tie): each a pair of ids,
    or an object with the pair (``between``), a ``weight`` and ``attributes``."""

    _check_needs = field_validator("needs", "support_types_asked", "gives_types_asked")(
        _canonical_support_types
    )

    @field_validator("schema_version", mode="before")
    @classmethod
    def _known_version(cls, value: object) -> object:
        # Versions 1 and 2 are subsets of version 3: migrating them is only a new number
        # (with the old meaning of absent fields kept, see `_unrecorded_in_v3`).
        if isinstance(value, bool) or value not in READ_VERSIONS:
            raise PydanticCustomError(
                "schema_version",
                "this release of grace-support reads schema_version 1, 2 or 3 only",
            )
        _STATED_VERSION.set(value)
        return SCHEMA_VERSION

    @field_validator("ties_asked")
    @classmethod
    def _unique_asked(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is None or len(set(value)) == len(value):
            return value
        first: dict[str, int] = {}
        for i, pid in enumerate(value):
            if pid in first:
                raise PydanticCustomError(
                    "duplicate_id",
                    "repeats ties_asked[{other}] at position {i}; each id is listed once",
                    {"other": first[pid], "i": i},
                )
            first[pid] = i
        return value

    @model_validator(mode="after")
    def _check_references(self) -> Self:
        # The version the input states (set by `_known_version` in this validation);
        # with none stated, absent fields keep their old meaning.
        if "schema_version" in self.model_fields_set and _STATED_VERSION.get() == 3:
            _not_recorded_in_v3(self)
        read: object = self.ties
        if type(read) is _PairsToCheck:  # plain pairs read in one pass
            ties = _checked_pairs(self, read)
            if ties is not None:
                object.__setattr__(self, "ties", ties)
                return self
            # A rule is broken: read the ties one by one, as written, to word the errors.
            object.__setattr__(self, "ties", tuple(map(_validate_tie, read.document)))
        if not _references_hold(self):  # only then find (and word) every problem
            problems = _Problems()
            index = _check_ids(self, problems)
            _check_relationships(self, index, problems)
            _check_ties(self, index, problems)
            _check_asked(self, index, problems)
            if problems.dropped:
                problems.LIMIT += 1
                problems.add((), "has {more} more problems of these kinds", more=problems.dropped)
            if problems.errors:
                raise ValidationError.from_exception_data(type(self).__name__, problems.errors)

        # Canonical form: asked ids sorted; each tie as a sorted pair, the list sorted.
        if self.ties_asked is not None:
            object.__setattr__(self, "ties_asked", tuple(sorted(self.ties_asked)))
        ties = self.ties
        if ties:
            if any(a > b for a, b in ties):
                ties = tuple(t if t[0] < t[1] else t.swapped() for t in ties)
            object.__setattr__(self, "ties", tuple(sorted(ties, key=tuple)))
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
        ties: Iterable[Tie | tuple[str, str]] = (),
        needs: Iterable[SupportType | str] | None = None,
        collected_on: date | str | None = None,
        **recorded: Any,
    ) -> SupportNetwork:
        """Build a network in code from (person, relationship) pairs.

        Args:
            ego: The person at the centre, or just their id.
            alters: Each person (or just their id) with the relationship to them.
            ties: Pairs of people ids who know each other, or [`Tie`][grace_support.Tie]s
                (with a weight or attributes).
            needs: The kinds of support the ego wants; all four when omitted.
            collected_on: The day the network was recorded, if known.
            **recorded: Any other network field: ``support_types_asked``,
                ``gives_types_asked``, ``ties_asked``, ``generator``, ``max_names``.

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
        if collected_on is not None:
            fields["collected_on"] = collected_on
        fields.update(recorded)
        return cls.model_validate(fields)

    def _replace(self, **changes: Any) -> SupportNetwork:
        # No schema_version: the models given keep their meaning (see `_not_recorded_in_v3`).
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        del fields["schema_version"]
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

    def with_tie(
        self,
        a: str,
        b: str,
        *,
        weight: float = 1.0,
        attributes: Mapping[str, AttributeValue] | None = None,
    ) -> SupportNetwork:
        """Return a new network in which people `a` and `b` know each other.

        Args:
            a: One person's id.
            b: The other person's id.
            weight: The tie's weight (finite, above 0).
            attributes: Study variables about the tie.

        Raises:
            ValueError: The weight is not finite and above 0.
            pydantic.ValidationError: The tie breaks a rule of the document.
        """
        tie = Tie(a, b, weight=weight, attributes=attributes)
        return self._replace(ties=(*self.ties, tie))

    def tie(self, a: str, b: str) -> Tie:
        """The tie between people `a` and `b` (in either order).

        Raises:
            KeyError: The two are not tied.

        Examples:
            >>> from grace_support.demo import example_network
            >>> example_network().tie("carlos", "ana")
            Tie('ana', 'carlos')
        """
        key = (a, b) if a < b else (b, a)
        for tie in self.ties:
            if tie.between == key:
                return tie
        raise KeyError("no tie joins these two people")

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
    def tie_asked_ids(self) -> frozenset[str]:
        """The ids of the people whose ties to each other were asked about.

        Everyone when ``ties_asked`` is left out. Structural measures (density,
        effective size, constraint) are computed over the ego and these people.

        Version added:
            0.2.0

        Examples:
            >>> net = SupportNetwork.build("sam", [
            ...     ("jo", Relationship(person="jo")), ("al", Relationship(person="al"))],
            ...     ties_asked=["jo"])
            >>> sorted(net.tie_asked_ids)
            ['jo']
        """
        if self.ties_asked is None:
            return frozenset(p.id for p in self.people)
        return frozenset(self.ties_asked)

    @property
    def active_relationships(self) -> tuple[Relationship, ...]:
        """The relationships to the people in touch on the day this network is judged on.

        That day is ``collected_on``, else today
        ([`judged_on`][grace_support.touch.judged_on]), with the default settings;
        for another day use [`in_touch_ids`][grace_support.touch.in_touch_ids].
        """
        from grace_support.touch import in_touch, judged_on  # noqa: PLC0415 (touch imports us)

        day = judged_on(self)
        return tuple(r for r in self.relationships if in_touch(r, as_of=day))

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
        return tuple(r for r in self.relationships if r.category is kind)

    def providers(
        self,
        support_type: SupportType,
        *,
        include_dormant: bool = False,
        as_of: date | str | None = None,
        settings: Settings | None = None,
    ) -> tuple[Relationship, ...]:
        """The relationships through which this kind of support is given.

        Args:
            support_type: The kind of support.
            include_dormant: Also count people who are not in touch.
            as_of: The day judged on (who is in touch): ``collected_on``, else today,
                as in [`assess`][grace_support.assess].
            settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

        Returns:
            The relationships whose recorded ``supports`` include the type, of the
            people in touch on that day ([`in_touch`][grace_support.touch.in_touch])
            unless ``include_dormant``; in the order of the relationships.
        """
        givers = (r for r in self.relationships if r.provides(support_type))
        if include_dormant:
            return tuple(givers)
        from grace_support.touch import in_touch, judged_on  # noqa: PLC0415 (touch imports us)

        day = judged_on(self, as_of)
        return tuple(r for r in givers if in_touch(r, as_of=day, settings=settings))

    # -- documents and graphs ---------------------------------------------------------------

    def to_document(self) -> dict[str, Any]:
        """The network document as JSON-ready data (unset optional fields left out)."""
        return self.model_dump(mode="json", exclude_none=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The network document as JSON text (unset optional fields left out)."""
        return self.model_dump_json(indent=indent, exclude_none=True)

    def to_networkx(self, *, flat: bool = False) -> nx.Graph:
        """A fresh undirected networkx graph of the ego, the people and their ties.

        ``flat=True`` gives only scalar attributes, for ``nx.write_graphml`` and
        ``nx.write_gexf``. See
        [`grace_support.graph.to_networkx`][grace_support.graph.to_networkx].
        """
        from grace_support.graph import to_networkx  # noqa: PLC0415 (networkx is slow to import)

        return to_networkx(self, flat=flat)

    @classmethod
    def from_networkx(cls, graph: nx.Graph, *, ego: str | None = None) -> SupportNetwork:
        """Read a network back from a graph made by `to_networkx` (either form).

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


_id_of = attrgetter("id")
_person_of = attrgetter("person")


def _people_ids(network: SupportNetwork) -> set[str] | None:
    """The people's ids, when they are unique, not the ego's, and each has one relationship."""
    ids = list(map(_id_of, network.people))
    known = set(ids)
    if len(known) != len(ids) or network.ego.id in known:
        return None
    persons = list(map(_person_of, network.relationships))
    if len(persons) != len(ids) or known.symmetric_difference(persons):
        return None
    return known


def _checked_pairs(network: SupportNetwork, pairs: _PairsToCheck) -> tuple[Tie, ...] | None:
    """The network's ties in canonical form, when every reference rule holds (else None).

    `pairs` are sorted pairs of two different ids (`_sorted_pairs`); sorted, a
    repeated tie sits next to its first.
    """
    known = _people_ids(network)
    if known is None or network.ties_asked is not None:
        return None  # ties_asked: checked tie by tie, below
    pairs.sort()
    if not known.issuperset(chain.from_iterable(pairs)):
        return None
    if any(map(eq, pairs, islice(pairs, 1, None))):
        return None
    return tuple(map(_new_tuple, repeat(Tie), pairs))  # plain ties, made without checks


def _references_hold(network: SupportNetwork) -> bool:
    """Whether every reference rule holds, checked with sets (the fast, common case).

    When this says no, the loops below find each problem and where it is; they
    are the definition of the rules, and give the same errors as before.
    """
    known = _people_ids(network)
    if known is None:
        return False
    asked = network.ties_asked
    if asked is not None and not known.issuperset(asked):
        return False
    ties = network.ties
    if asked is not None and ties:
        asked_set = set(asked)
        if not all(a in asked_set and b in asked_set for a, b in ties):
            return False
    if not ties:
        return True
    pairs = {(a, b) if a < b else (b, a) for a, b in ties}
    if len(pairs) != len(ties):
        return False
    ends = {a for a, _ in pairs} | {b for _, b in pairs}
    return ends <= known and all(a != b for a, b in pairs)


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
    ties = network.ties
    # The common case in one cheap pass: `index` holds people's ids other than the ego's.
    if all(a != b and a in index and b in index for a, b in ties) and len(
        {(a, b) if a < b else (b, a) for a, b in ties}
    ) == len(ties):
        return
    tie_at: dict[frozenset[str], int] = {}
    for i, (a, b) in enumerate(ties):
        known = True
        for end, pid in enumerate((a, b)):
            if pid == network.ego.id:
                problems.add(
                    _tie_end(ties[i], i, end),
                    "names the ego; ties join two people (the ego's links are relationships)",
                )
                known = False
            elif pid not in index:
                problems.add(_tie_end(ties[i], i, end), "names no one in people")
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


def _check_asked(network: SupportNetwork, index: dict[str, int], problems: _Problems) -> None:
    """``ties_asked`` names people (never the ego); ties join two asked people."""
    asked = network.ties_asked
    if asked is None:
        return
    for i, pid in enumerate(asked):
        if pid not in index:
            problems.add(("ties_asked", i), "names no one in people")
    asked_set = set(asked)
    for i, tie in enumerate(network.ties):
        for end, pid in enumerate(tie):
            if pid in index and pid not in asked_set:
                problems.add(
                    _tie_end(tie, i, end),
                    "names someone not in ties_asked; ties are recorded only between "
                    "people whose ties were asked about",
                )


def _tie_end(tie: Tie, i: int, end: int) -> tuple[str | int, ...]:
    """Where one end of ties[i] is: ``ties[i][end]``, or ``ties[i].between[end]``."""
    plain = tie.is_plain and type(tie) is not _WrittenAsObject
    return ("ties", i, end) if plain else ("ties", i, "between", end)
