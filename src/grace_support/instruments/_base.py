"""The machinery shared by every instrument: items, responses, options, scores."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, cast

from pydantic import Field

from grace_support._model import FrozenModel
from grace_support.errors import GraceSupportError

if TYPE_CHECKING:
    from grace_support.vocabulary import SupportType

__all__ = [
    "Instrument",
    "InstrumentScore",
    "Item",
    "MissingPolicy",
    "Number",
    "ResponseError",
    "Responses",
    "Scored",
]

Number: TypeAlias = int | float
"""A score: whole numbers stay ``int``; means and transformed scores are ``float``."""

Responses: TypeAlias = Sequence[int | float | None] | Mapping[str, int | float | None]
"""Answers in item order, or a mapping from item id to code; ``None`` (or NaN) is unanswered.

Codes are whole numbers: ``2``, ``2.0`` and numpy integers are the same answer. A
numpy array or a pandas row (a ``Series`` indexed by item id) works as well.
"""

MissingPolicy: TypeAlias = Literal["error", "prorate"]
"""How unanswered items are handled (see the instruments overview)."""


class ResponseError(GraceSupportError, ValueError):
    """The answers to an instrument are missing, out of range, or not for its items.

    Attributes:
        item: The id of the item the problem is about, if any.
    """

    def __init__(self, message: str, *, item: str | None = None) -> None:
        self.item = item
        super().__init__(f"item {item}: {message}" if item else message)


@dataclass(frozen=True, slots=True)
class Item:
    """One question of an instrument.

    Attributes:
        id: A stable id that names the item's content, in snake_case.
        label: A short neutral label in our own words (never the licensed wording).
        codes: The response codes the item accepts, lowest to highest.
        reverse: Whether the item is reverse-scored.
        subscales: The subscales the item counts toward.
    """

    id: str
    label: str
    codes: tuple[int, ...]
    reverse: bool = False
    subscales: tuple[str, ...] = ()
    open_ended: bool = False
    """A count: any whole number from ``codes[0]`` up is a valid answer."""

    def check(self, code: object, *, shift: int = 0) -> int:
        """The code, checked against the item's response codes (moved by `shift`).

        A whole-valued float (``2.0``) and a numpy integer count as whole numbers.
        The error never repeats the answer given.
        """
        whole = _whole(code)
        if whole is None:
            raise ResponseError(
                f"the answer must be a whole number, {self.describe_codes(shift=shift)}",
                item=self.id,
            )
        valid = whole - shift >= self.codes[0] if self.open_ended else whole - shift in self.codes
        if not valid:
            raise ResponseError(
                f"the answer must be {self.describe_codes(shift=shift)}", item=self.id
            )
        return whole

    def describe_codes(self, *, shift: int = 0) -> str:
        """The accepted codes in words, e.g. ``1 to 7``, ``2 or 4`` or ``0 or more``."""
        if self.open_ended:
            return f"{self.codes[0] + shift} or more"
        codes = [c + shift for c in self.codes]
        if len(codes) > 2 and codes == list(range(codes[0], codes[-1] + 1)):
            return f"{codes[0]} to {codes[-1]}"
        return " or ".join(str(c) for c in codes)

    def scored(self, code: float, *, shift: int = 0) -> float:
        """The code after reverse-scoring, if the item is reversed."""
        if not self.reverse:
            return code
        return self.codes[0] + self.codes[-1] + 2 * shift - code


def _whole(code: object) -> int | None:
    """A whole number from an int, a numpy integer or a whole-valued float; else None."""
    if isinstance(code, bool):
        return None
    if isinstance(code, float):
        return int(code) if math.isfinite(code) and code.is_integer() else None
    try:
        return operator.index(code)  # type: ignore[arg-type]  # int, numpy integers
    except TypeError:
        pass
    if type(code).__name__.startswith("float"):  # numpy floating types
        try:
            value = float(code)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return int(value) if math.isfinite(value) and value.is_integer() else None
    return None


def _unanswered(code: object) -> bool:
    """``None``, NaN and pandas' ``NA`` (how pandas marks an empty cell) are unanswered."""
    if code is None or type(code).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(code, float):
        return math.isnan(code)
    if type(code).__name__.startswith("float"):  # numpy floating types
        try:
            return math.isnan(float(code))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return False


@dataclass(frozen=True, slots=True)
class Scored:
    """What an instrument's scoring function returns."""

    total: Number
    subscales: dict[str, Number]
    band: str | None = None


class InstrumentScore(FrozenModel):
    """The score of one respondent on one validated instrument."""

    instrument: str
    """The instrument's id, e.g. ``lsns6``."""
    total: Number
    """The primary score, as the instrument's authors define it."""
    subscales: dict[str, Number] = Field(default_factory=dict)
    """Subscale scores by their names in the literature (snake_case)."""
    band: str | None = None
    """The published cut-off band, where one exists."""
    items_answered: Annotated[int, Field(ge=0)]
    """How many items had an answer."""
    imputed: Annotated[int, Field(ge=0)] = 0
    """How many unanswered items were filled in by the missing-data rule."""
    options: dict[str, str] = Field(default_factory=dict)
    """The scoring options used (coding bases, documented alternatives)."""
    citation: str
    """The reference that defines the scoring."""


@dataclass(frozen=True)
class Instrument:
    """A validated questionnaire: its items, options, scoring rule and reference.

    Attributes:
        id: The registry id (``lsns6``, ``mspss``, ...).
        name: The instrument's name.
        measures: What it measures, in a sentence.
        items: The scored items, in the order of the published form.
        citation: The reference that defines the scoring.
        licence: What is known about the licence of the item wording.
        rule: The scoring rule: item values (after recoding) and options to a score.
        options: Each documented alternative: name -> (default, every allowed value).
        prorate: Whether the ``prorate`` missing-data rule applies to this instrument.
        subscale_support: The support types a subscale speaks to, where that is meaningful.
        shift: How far the chosen options move every response code (e.g. -1 for
            ISEL-12 answers coded 0-3 instead of 1-4).
    """

    id: str
    name: str
    measures: str
    items: tuple[Item, ...]
    citation: str
    licence: str
    rule: Callable[[dict[str, float], Mapping[str, str]], Scored]
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    prorate: bool = True
    subscale_support: Mapping[str, tuple[SupportType, ...]] = field(default_factory=dict)
    shift: Callable[[Mapping[str, str]], int] = field(default=lambda options: 0)

    def item(self, item_id: str) -> Item:
        """The item with this id.

        Raises:
            KeyError: The instrument has no such item (the id is not repeated).
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"{self.id} has no item with that id")

    def resolve_options(self, given: Mapping[str, str]) -> dict[str, str]:
        """Every option with its value: the given ones checked, the rest at their defaults."""
        for number, (name, value) in enumerate(given.items(), start=1):
            if name not in self.options:
                # by position: the name given is not echoed
                known = ", ".join(self.options) or "none"
                raise ResponseError(
                    f"option {number} is not an option of {self.id} (options: {known})"
                )
            if value not in self.options[name]:
                allowed = ", ".join(self.options[name])
                raise ResponseError(f"option {name} must be one of: {allowed}")
        return {name: given.get(name, values[0]) for name, values in self.options.items()}

    def answers(self, responses: Responses, *, shift: int = 0) -> dict[str, int | None]:
        """The responses as item id -> code (``None`` when unanswered), each code checked.

        Accepts a sequence in item order, a mapping by item id, or anything with
        ``keys()`` and ``items()`` (a pandas row); ``None`` and NaN are unanswered.
        Errors name items and positions, never the keys or values given.
        """
        known = {item.id for item in self.items}
        if isinstance(responses, Mapping) or _is_row(responses):
            pairs = list(cast("Any", responses).items())
            for number, (key, _) in enumerate(pairs, start=1):
                if not isinstance(key, str) or key not in known:
                    raise ResponseError(
                        f"answer {number} is for an unknown item; {self.id} has the items "
                        f"listed by --items (ids like {self.items[0].id})"
                    )
            given = dict(pairs)
            raw: dict[str, object] = {item.id: given.get(item.id) for item in self.items}
        elif isinstance(responses, str | bytes) or not _is_sequence(responses):
            raise ResponseError(
                "answers must be a list of codes in item order, or a mapping from item id "
                "to code (e.g. a dict or a pandas row)"
            )
        else:
            codes = list(responses)
            if len(codes) != len(self.items):
                raise ResponseError(
                    f"{self.id} has {len(self.items)} items; {len(codes)} answers were given"
                )
            raw = {item.id: code for item, code in zip(self.items, codes, strict=True)}
        return {
            i.id: None if _unanswered(raw[i.id]) else i.check(raw[i.id], shift=shift)
            for i in self.items
        }

    def score(
        self, responses: Responses, *, missing: MissingPolicy = "error", **options: str
    ) -> InstrumentScore:
        """Score one respondent. See [`score`][grace_support.instruments.score]."""
        if missing not in ("error", "prorate"):
            raise ResponseError('missing must be "error" or "prorate"')
        chosen = self.resolve_options(options)
        shift = self.shift(chosen)
        answers = self.answers(responses, shift=shift)
        values = {
            item.id: item.scored(float(code), shift=shift)
            for item in self.items
            if (code := answers[item.id]) is not None
        }
        unanswered = [item for item in self.items if answers[item.id] is None]
        if unanswered and missing == "error":
            raise ResponseError(
                "has no answer (the prorate missing-data rule can fill gaps)", item=unanswered[0].id
            )
        if unanswered:
            values.update(self._prorated(values, unanswered))
        scored = self.rule(values, chosen)
        return InstrumentScore(
            instrument=self.id,
            total=scored.total,
            subscales=scored.subscales,
            band=scored.band,
            items_answered=len(self.items) - len(unanswered),
            imputed=len(unanswered),
            options=chosen,
            citation=self.citation,
        )

    def _prorated(self, values: dict[str, float], unanswered: list[Item]) -> dict[str, float]:
        """Fill each unanswered item with the mean of the answered items of its subscale.

        The mean is taken after reverse-scoring, so reversed and plain items mix
        correctly. At least half of the subscale (or, for an item in no subscale,
        of the whole scale) must be answered.
        """
        if not self.prorate:
            raise ResponseError(
                "has no answer; this instrument has no missing-data rule, so every item is needed",
                item=unanswered[0].id,
            )
        filled: dict[str, float] = {}
        for item in unanswered:
            group = item.subscales[0] if item.subscales else None
            peers = [i.id for i in self.items if group is None or group in i.subscales]
            answered = [values[pid] for pid in peers if pid in values]
            if len(answered) * 2 < len(peers):
                where = f"subscale {group}" if group else "the scale"
                raise ResponseError(
                    f"has no answer, and fewer than half of {where} is answered, "
                    "so it cannot be prorated",
                    item=item.id,
                )
            filled[item.id] = math.fsum(answered) / len(answered)
        return filled


def _is_row(value: object) -> bool:
    """A mapping-like object that is not a Mapping: a pandas Series, say."""
    return callable(getattr(value, "keys", None)) and callable(getattr(value, "items", None))


def _is_sequence(value: object) -> bool:
    """A sequence of codes: a list, a tuple, a numpy array."""
    if isinstance(value, Sequence):
        return True
    return hasattr(value, "__len__") and hasattr(value, "__iter__") and not isinstance(value, set)


def likert(lo: int, hi: int) -> tuple[int, ...]:
    """The codes ``lo`` to ``hi``."""
    return tuple(range(lo, hi + 1))


def total_of(values: Mapping[str, float], ids: Sequence[str]) -> Number:
    """The sum of the items, as an int when every value is whole."""
    total = math.fsum(values[i] for i in ids)
    return int(total) if total.is_integer() else total


def mean_of(values: Mapping[str, float], ids: Sequence[str]) -> float:
    """The mean of the items."""
    return math.fsum(values[i] for i in ids) / len(ids)


def per_subscale(
    instrument: Instrument,
    values: Mapping[str, float],
    aggregate: Callable[[Mapping[str, float], Sequence[str]], Number],
    order: Sequence[str] = (),
) -> dict[str, Number]:
    """Each subscale's score: `aggregate` over its items.

    Subscales come in `order` (the literature's), else in order of first use.
    """
    names = order or dict.fromkeys(name for item in instrument.items for name in item.subscales)
    return {
        name: aggregate(values, [i.id for i in instrument.items if name in i.subscales])
        for name in names
    }
