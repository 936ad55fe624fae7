"""Validated questionnaires, scored exactly as their authors specify.

```python
from grace_support.instruments import score

result = score("lsns6", [3, 2, 2, 1, 1, 0])
result.total, result.band            # (9, 'at_risk_of_isolation')
score("mspss", {"family_tries_to_help": 6, ...})   # or a mapping by item id
```

Every instrument has stable item ids that name the item's content, short labels in
our own words (the licensed wording is never shipped), explicit response codes and
reverse-scoring, and its citation. Answers out of range, unknown items, or
unanswered items raise [`ResponseError`][grace_support.instruments.ResponseError]
naming the item.

**Missing data.** By default every item must be answered. With
``missing="prorate"``, each unanswered item takes the mean of the person's answered
items in the same subscale (after reverse-scoring; the whole scale for an item in
no subscale), provided at least half of that subscale is answered; the score's
``imputed`` says how many items were filled in. No author of these instruments
publishes a rule, so this is ours, and instruments whose items are on different
scales or are facts (OSSS-3, ESSI, Cohen's SNI) refuse it.

**Mapping to support types.** Where a subscale speaks to one of the library's
support types, [`subscale_support_types`][grace_support.instruments.subscale_support_types]
says which: e.g. MOS tangible -> practical, ISEL appraisal -> informational and
emotional. Subscales about *who* gives support (MSPSS) or about companionship
(ISEL belonging, MOS positive social interaction) map to none.

These instruments are validated by their authors; the measures of the network
model are not (see the assessment docs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support._input import guarded
from grace_support.instruments._base import (
    Instrument,
    InstrumentScore,
    Item,
    MissingPolicy,
    Number,
    ResponseError,
    Responses,
)
from grace_support.instruments.cohen_sni import COHEN_SNI
from grace_support.instruments.isel12 import ISEL12
from grace_support.instruments.lsns import LSNS6, LSNS_R
from grace_support.instruments.mos import MMOS_SS8, MOS_SSS
from grace_support.instruments.mspss import MSPSS
from grace_support.instruments.short_scales import DUKE_FSSQ, ESSI, OSSS3, UCLA3

if TYPE_CHECKING:
    from grace_support.vocabulary import SupportType

__all__ = [
    "INSTRUMENTS",
    "Instrument",
    "InstrumentScore",
    "Item",
    "MissingPolicy",
    "Number",
    "ResponseError",
    "Responses",
    "get",
    "score",
    "subscale_support_types",
]

INSTRUMENTS: dict[str, Instrument] = {
    i.id: i
    for i in (
        LSNS6,
        LSNS_R,
        MSPSS,
        ISEL12,
        MOS_SSS,
        MMOS_SS8,
        UCLA3,
        OSSS3,
        ESSI,
        DUKE_FSSQ,
        COHEN_SNI,
    )
}
"""Every instrument, by id."""


@guarded(ResponseError)
def get(instrument_id: str) -> Instrument:
    """The instrument with this id.

    Raises:
        ResponseError: There is no such instrument (the message lists the ids).
    """
    if isinstance(instrument_id, str) and instrument_id in INSTRUMENTS:
        return INSTRUMENTS[instrument_id]
    # Raised outside the except block, and without the id given (it is not echoed).
    known = ", ".join(INSTRUMENTS)
    raise ResponseError(f"there is no such instrument; known: {known}")


@guarded(ResponseError)
def score(
    instrument_id: str,
    responses: Responses,
    *,
    missing: MissingPolicy = "error",
    **options: str,
) -> InstrumentScore:
    """Score one respondent's answers to a validated instrument.

    Args:
        instrument_id: One of ``lsns6``, ``lsns_r``, ``mspss``, ``isel12``, ``mos_sss``,
            ``mmos_ss8``, ``ucla3``, ``osss3``, ``essi``, ``duke_fssq``, ``cohen_sni``.
        responses: The codes in item order (a list, tuple or numpy array), or a
            mapping from item id to code (a dict, or a pandas row); ``None`` or NaN
            marks an unanswered item. Codes are whole numbers: ``2``, ``2.0`` or a
            numpy integer.
        missing: ``"error"`` (default) or ``"prorate"`` (see the module docs); any
            other value is refused.
        **options: The instrument's documented alternatives, e.g. ``coding="0-3"``
            for the ISEL-12 or ``employee_rule="both"`` for Cohen's SNI.

    Returns:
        The score: total, subscales, band, and how it was computed.

    Raises:
        ResponseError: An unknown instrument, item or option; an answer out of range;
            an unanswered item that the missing-data rule cannot fill; answers that
            are not a sequence or mapping; or an unknown ``missing``. The message
            names the item or the position, never the value, key or name given.

    Examples:
        >>> result = score("lsns6", [3, 2, 2, 1, 1, 0])
        >>> result.total, result.subscales, result.band
        (9, {'family': 7, 'friends': 2}, 'at_risk_of_isolation')
        >>> score("ucla3", {"lack_companionship": 2, "feel_left_out": 1, "feel_isolated": 4})
        Traceback (most recent call last):
            ...
        grace_support.instruments._base.ResponseError: item feel_isolated: the answer must be 1 to 3
    """
    return get(instrument_id).score(responses, missing=missing, **options)


def subscale_support_types(instrument_id: str, subscale: str) -> tuple[SupportType, ...]:
    """The support types a subscale speaks to (empty where no mapping is meaningful).

    Examples:
        >>> subscale_support_types("mos_sss", "tangible")
        (<SupportType.PRACTICAL: 'practical'>,)
        >>> subscale_support_types("mspss", "family")
        ()
    """
    return tuple(get(instrument_id).subscale_support.get(subscale, ()))
