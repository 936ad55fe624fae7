"""The models of an assessment: settings, measures, findings and the result.

All are frozen pydantic models; ``Assessment.model_dump(mode="json")`` is the
JSON that ``grace-support assess --format json`` prints.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, NonNegativeFloat, NonNegativeInt

from grace_support._model import FrozenModel
from grace_support.network import PersonId
from grace_support.settings import Settings
from grace_support.vocabulary import ActionId, SupportType

__all__ = [
    "Assessment",
    "Finding",
    "FindingCode",
    "Measures",
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
    """A kind of support the person wants has no active provider."""
    SINGLE_PROVIDER = "single-provider"
    """A kind of support the person wants has exactly one active provider."""
    OVER_RELIANCE = "over-reliance"
    """One person gives more than the set share of all support."""
    STRAINED_TIE = "strained-tie"
    """A relationship has high strain."""
    DORMANT_TIE = "dormant-tie"
    """A close relationship is out of touch, or has not been in touch for a while."""
    NO_PROFESSIONAL_CARE = "no-professional-care"
    """No active professional is in the network."""
    NO_PERSONAL_SUPPORT = "no-personal-support"
    """Every active person in the network is a professional."""
    SMALL_NETWORK = "small-network"
    """Fewer active people than the set minimum."""


class SupportCounts(FrozenModel):
    """For each support type, a number of active people (who give it, or are given it)."""

    emotional: NonNegativeInt
    practical: NonNegativeInt
    informational: NonNegativeInt
    peer: NonNegativeInt


class RoleCounts(FrozenModel):
    """For each role category, the number of active people in it."""

    family: NonNegativeInt
    friend: NonNegativeInt
    peer: NonNegativeInt
    community: NonNegativeInt
    professional: NonNegativeInt


class Measures(FrozenModel):
    """Every measure of one network; ``None`` where a value is undefined.

    The definitions are in [`grace_support.measures`][grace_support.measures]
    (the function of the same name).
    """

    size: NonNegativeInt
    """Number of people named."""
    active_size: NonNegativeInt
    """Number of people not out of touch."""
    regular_contact_size: NonNegativeInt
    """People in touch at least every two weeks."""
    inner_circle_size: NonNegativeInt
    """People in the inner circle."""
    support_counts: SupportCounts
    """Active providers of each support type."""
    support_types_covered: Annotated[int, Field(ge=0, le=4)]
    """Support types with at least one active provider."""
    missing_support_types: tuple[SupportType, ...]
    """Needed types with no active provider."""
    single_provider_types: tuple[SupportType, ...]
    """Needed types with exactly one active provider."""
    support_evenness: Share | None
    """Pielou's evenness of support over the four types."""
    role_counts: RoleCounts
    """Active people in each role category (role known)."""
    role_richness: Annotated[int, Field(ge=0, le=5)]
    """Role categories with at least one active person."""
    role_blau: Share | None
    """Blau's heterogeneity of role categories."""
    role_iqv: Share | None
    """IQV of role categories (K = 5)."""
    top_provider_share: Share | None
    """The busiest provider's share of all support."""
    provider_hhi: Share | None
    """Herfindahl-Hirschman index of support over providers."""
    professional_count: NonNegativeInt
    """Active professionals."""
    strained_count: NonNegativeInt
    """People with high strain."""
    density: Share | None
    """Share of possible ties between people that exist."""
    effective_size: NonNegativeFloat | None
    """Burt's effective size of the ego (tie weights used)."""
    constraint: NonNegativeFloat | None
    """Burt's constraint of the ego."""
    role_unknown_count: NonNegativeInt
    """Active people whose role is not recorded."""
    support_given_counts: SupportCounts
    """Active people the ego gives each support type to."""
    reciprocity: Share | None
    """Share of active people with whom support flows both ways."""
    efficiency: Share | None
    """Burt's efficiency: effective size per alter it was computed over."""
    hierarchy: Share | None
    """Burt's hierarchy: how far the ego's constraint rests on one person."""
    ego_betweenness: NonNegativeFloat | None
    """The ego's betweenness in its own network (Everett and Borgatti)."""
    ego_betweenness_normalized: Share | None
    """Ego betweenness over the number of pairs of people."""


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

    def _repr_html_(self) -> str:
        from grace_support._html import assessment_html  # noqa: PLC0415

        return assessment_html(self)

    def finding_codes(self) -> tuple[FindingCode, ...]:
        """The code of each finding, in order (handy in tests and filters)."""
        return tuple(f.code for f in self.findings)
