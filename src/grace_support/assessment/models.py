"""The models of an assessment: settings, measures, findings and the result.

All are frozen pydantic models; ``Assessment.model_dump(mode="json")`` is the
JSON that ``grace-support assess --format json`` prints.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, NonNegativeFloat, NonNegativeInt, PositiveInt

from grace_support._model import FrozenModel
from grace_support.network import PersonId
from grace_support.settings import Settings
from grace_support.vocabulary import ActionId, SupportType

__all__ = [
    "Assessment",
    "Finding",
    "FindingCode",
    "Measures",
    "NotRecorded",
    "NotRecordedField",
    "RoleCounts",
    "Settings",
    "Severity",
    "Share",
    "SupportCounts",
]

ASSESSMENT_VERSION: Literal[1] = 1
"""The version of the assessment output format (independent of the network document's)."""

Share = Annotated[float, Field(ge=0, le=1)]
"""A proportion between 0 and 1."""


class Severity(StrEnum):
    """How much a finding asks for attention. Declared order: most attention first."""

    ATTENTION = "attention"
    """Worth talking through."""
    INFO = "info"
    """Good to know."""


class FindingCode(StrEnum):
    """The kinds of finding. Declared order is the order findings are listed in."""

    MISSING_SUPPORT = "missing-support"
    """A kind of support the person wants, and was asked about, has no provider in touch."""
    SINGLE_PROVIDER = "single-provider"
    """A kind of support the person wants, and was asked about, has one provider in touch."""
    OVER_RELIANCE = "over-reliance"
    """One person gives more than the set share of all support."""
    STRAINED_TIE = "strained-tie"
    """A relationship's strain is recorded as high."""
    DORMANT_TIE = "dormant-tie"
    """A close relationship is not in touch (lost touch, or no contact for a while)."""
    NO_PROFESSIONAL_CARE = "no-professional-care"
    """No professional in touch is in the network (every role recorded)."""
    NO_PERSONAL_SUPPORT = "no-personal-support"
    """Every person in touch is a professional (every role recorded)."""
    SMALL_NETWORK = "small-network"
    """Fewer people in touch than the set minimum."""


class SupportCounts(FrozenModel):
    """For each support type, a number of people in touch (who give it, or are given it).

    ``None`` for a type that was not asked, or when nothing was recorded to rest on.
    """

    emotional: NonNegativeInt | None
    practical: NonNegativeInt | None
    informational: NonNegativeInt | None
    peer: NonNegativeInt | None


class RoleCounts(FrozenModel):
    """For each role category, the number of people in touch in it (role recorded)."""

    family: NonNegativeInt
    friend: NonNegativeInt
    peer: NonNegativeInt
    community: NonNegativeInt
    professional: NonNegativeInt


class Measures(FrozenModel):
    """Every measure of one network; ``None`` where a value is undefined.

    A measure with nothing recorded to rest on is ``None`` too, never 0.

    The definitions are in [`grace_support.measures`][grace_support.measures]
    (the function of the same name). "In touch" is
    [`in_touch`][grace_support.touch.in_touch] on the day of the assessment.
    """

    size: NonNegativeInt
    """Number of people named."""
    active_size: NonNegativeInt
    """Number of people in touch."""
    regular_contact_size: NonNegativeInt | None
    """People in touch at least every two weeks (contact recorded)."""
    inner_circle_size: NonNegativeInt | None
    """People in the inner circle."""
    support_counts: SupportCounts
    """People in touch recorded as giving each support type (asked types)."""
    support_types_covered: Annotated[int, Field(ge=0, le=4)] | None
    """Asked support types with at least one provider in touch."""
    missing_support_types: tuple[SupportType, ...]
    """Needed, asked types with no provider in touch (everyone's supports recorded)."""
    single_provider_types: tuple[SupportType, ...]
    """Needed, asked types with exactly one provider in touch (everyone's supports recorded)."""
    support_evenness: Share | None
    """Pielou's evenness of support over the asked types."""
    role_counts: RoleCounts
    """People in touch in each role category (role known)."""
    role_richness: Annotated[int, Field(ge=0, le=5)] | None
    """Role categories with at least one person in touch."""
    role_blau: Share | None
    """Blau's heterogeneity of role categories."""
    role_iqv: Share | None
    """IQV of role categories (K = 5)."""
    top_provider_share: Share | None
    """The busiest provider's share of all support."""
    provider_hhi: Share | None
    """Herfindahl-Hirschman index of support over providers."""
    professional_count: NonNegativeInt | None
    """Professionals in touch."""
    strained_count: NonNegativeInt | None
    """People with high strain (strain recorded)."""
    density: Share | None
    """Share of possible ties between people that exist."""
    effective_size: NonNegativeFloat | None
    """Burt's effective size of the ego (tie weights used)."""
    constraint: NonNegativeFloat | None
    """Burt's constraint of the ego."""
    role_unknown_count: NonNegativeInt
    """People in touch whose role is not recorded."""
    support_given_counts: SupportCounts
    """People in touch the ego is recorded giving each support type to (asked types)."""
    reciprocity: Share | None
    """Share of people in touch (supports and gives recorded) with whom support flows both ways."""
    efficiency: Share | None
    """Burt's efficiency: effective size per alter it was computed over."""
    hierarchy: Share | None
    """Burt's hierarchy: how far the ego's constraint rests on one person."""
    ego_betweenness: NonNegativeFloat | None
    """The ego's betweenness in its own network (Everett and Borgatti)."""
    ego_betweenness_normalized: Share | None
    """Ego betweenness over the number of pairs of people."""
    support_unknown_count: NonNegativeInt
    """People in touch whose supports are not recorded."""
    gives_unknown_count: NonNegativeInt
    """People in touch for whom what the ego gives is not recorded."""
    strain_unknown_count: NonNegativeInt
    """People whose strain is not recorded."""
    contact_unknown_count: NonNegativeInt
    """People in touch whose contact (how often) is not recorded."""


class NotRecordedField(StrEnum):
    """What was not asked, or not recorded. Declared order is the order of `not_recorded`.

    The ``*_asked`` values name a question the interview did not ask (for anyone);
    the others a field left unrecorded for some people.

    Version added:
        0.2.0
    """

    SUPPORT_TYPES_ASKED = "support_types_asked"
    """Kinds of support the interview did not ask about (``support_types``)."""
    SUPPORTS = "supports"
    """Which kinds of support a person gives: not recorded."""
    GIVES_TYPES_ASKED = "gives_types_asked"
    """Kinds of support the ego gives that the interview did not ask about."""
    GIVES = "gives"
    """Which kinds of support the ego gives a person: not recorded."""
    ROLE = "role"
    """Who the person is to the ego: not recorded."""
    CONTACT = "contact"
    """How often they are in touch: not recorded."""
    CLOSENESS = "closeness"
    """How close they are: not recorded."""
    STRAIN = "strain"
    """Whether the relationship feels draining: not recorded."""
    TIES_ASKED = "ties_asked"
    """Whose ties to the others the interview did not ask about."""


class NotRecorded(FrozenModel):
    """One thing that was not asked or not recorded, and how many people it concerns.

    Examples:
        >>> NotRecorded(field="supports", count=2, among="in_touch").count
        2

    Version added:
        0.2.0
    """

    field: NotRecordedField
    """What was not asked or not recorded."""
    count: PositiveInt
    """How many people it concerns."""
    among: Literal["named", "in_touch"]
    """Whom ``count`` is counted among: everyone named, or the people in touch (the
    people the measures of that field rest on)."""
    support_types: tuple[SupportType, ...] = ()
    """For ``support_types_asked`` and ``gives_types_asked``: the kinds not asked."""


class Finding(FrozenModel):
    """Something that stands out in the network, with the advice that fits it."""

    code: FindingCode
    """What kind of finding this is."""
    severity: Severity
    """How much it asks for attention."""
    message: str
    """What stands out, in plain words (never names)."""
    support_type: SupportType | None = None
    """The support type it is about, if any."""
    people: tuple[PersonId, ...] = ()
    """The ids of the people it is about, sorted."""
    actions: tuple[ActionId, ...]
    """The article's advice that fits, in the declared order of actions."""


class Assessment(FrozenModel):
    """The measures and findings of one support network on one day."""

    schema_version: Literal[1] = ASSESSMENT_VERSION
    """The version of this output format."""
    ego: PersonId
    """The id of the person at the centre of the network."""
    as_of: date
    """The day the assessment describes (findings about time are judged against it)."""
    settings: Settings
    """The thresholds used."""
    measures: Measures
    """Every measure of the network."""
    findings: tuple[Finding, ...]
    """What stands out, in a fixed order: severity, code, support type, people."""
    not_recorded: tuple[NotRecorded, ...] = ()
    """What was not asked or not recorded, and for how many people, in the order of
    `NotRecordedField` (empty when everything was). Not asked is not none: nothing
    here is reported missing."""

    def _repr_html_(self) -> str:
        from grace_support._html import assessment_html  # noqa: PLC0415

        return assessment_html(self)

    def finding_codes(self) -> tuple[FindingCode, ...]:
        """The code of each finding, in order (handy in tests and filters)."""
        return tuple(f.code for f in self.findings)
