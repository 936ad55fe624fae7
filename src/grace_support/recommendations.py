"""Recommendations: from an assessment's findings to advice and resources that fill the gaps.

This is where the network side (findings) and the content side (the catalogue)
meet. For each finding, the recommendation gives the article's advice in words
(the finding's actions) and the catalogue's resources of the kinds that fit the
gap, each with the finding code it was chosen for. Crisis resources are always
included, whatever the findings.

Which kinds of resource fit which finding is one table,
[`RESOURCE_KINDS`][grace_support.recommendations.RESOURCE_KINDS] (and, for gaps in one
support type, [`GAP_RESOURCE_KINDS`][grace_support.recommendations.GAP_RESOURCE_KINDS]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support._model import FrozenModel
from grace_support.assessment.models import FindingCode
from grace_support.content.catalog import Catalog, default_catalog
from grace_support.content.crisis import CRISIS_RESOURCES
from grace_support.content.resource import Resource, ResourceKind
from grace_support.network import PersonId
from grace_support.vocabulary import ActionId, SupportType

if TYPE_CHECKING:
    from grace_support.assessment.models import Assessment, Finding

__all__ = [
    "GAP_RESOURCE_KINDS",
    "RESOURCE_KINDS",
    "ActionAdvice",
    "ArticleRef",
    "Recommendation",
    "Recommendations",
    "ResourceRef",
    "recommend",
]

K = ResourceKind

GAP_RESOURCE_KINDS: dict[SupportType, tuple[ResourceKind, ...]] = {
    SupportType.EMOTIONAL: (K.SUPPORT_GROUP, K.PEER_PROGRAM, K.THERAPY),
    SupportType.PRACTICAL: (K.COMMUNITY_SERVICE,),
    SupportType.INFORMATIONAL: (K.INFORMATION, K.THERAPY),
    SupportType.PEER: (K.SUPPORT_GROUP, K.PEER_PROGRAM),
}
"""Resource kinds for ``missing-support`` and ``single-provider``, by support type.

Resources must also list that support type among those they give."""

RESOURCE_KINDS: dict[FindingCode, tuple[ResourceKind, ...]] = {
    FindingCode.OVER_RELIANCE: (K.SUPPORT_GROUP, K.PEER_PROGRAM),
    FindingCode.STRAINED_TIE: (K.THERAPY, K.GROUP_COUNSELING),
    FindingCode.DORMANT_TIE: (),
    FindingCode.NO_PROFESSIONAL_CARE: (K.THERAPY, K.PSYCHIATRY, K.GROUP_COUNSELING),
    FindingCode.NO_PERSONAL_SUPPORT: (K.SUPPORT_GROUP, K.PEER_PROGRAM, K.COMMUNITY_SERVICE),
    FindingCode.SMALL_NETWORK: (K.SUPPORT_GROUP, K.PEER_PROGRAM),
}
"""Resource kinds for the findings that are not about one support type.

A dormant tie is about reconnecting with someone already known: advice, no resource."""

MAX_RESOURCES = 3
"""The most resources suggested for one finding."""


class ActionAdvice(FrozenModel):
    """One piece of the article's advice."""

    id: ActionId
    """The action's id."""
    advice: str
    """The advice in words."""


class ResourceRef(FrozenModel):
    """A resource, as a recommendation names it."""

    id: str
    """The resource's id in the catalogue."""
    name: str
    """Its name."""
    kind: ResourceKind
    """What kind of help it is."""
    contact: str
    """How to reach it, in one line (may be empty)."""
    reason: FindingCode | None = None
    """The finding it was chosen for; ``None`` for crisis resources, which are always shown."""

    @classmethod
    def of(cls, resource: Resource, reason: FindingCode | None = None) -> ResourceRef:
        """The reference to a resource."""
        return cls(
            id=resource.id,
            name=resource.name,
            kind=resource.kind,
            contact=resource.contact_line(),
            reason=reason,
        )


class ArticleRef(FrozenModel):
    """An article worth reading alongside the recommendations."""

    id: str
    """The article's id in the catalogue."""
    title: str
    """Its title."""
    url: str | None = None
    """Where it can be read, when the catalogue says."""


class Recommendation(FrozenModel):
    """What could help with one finding."""

    code: FindingCode
    """The finding's code."""
    support_type: SupportType | None = None
    """The support type it is about, if any."""
    people: tuple[PersonId, ...] = ()
    """The ids of the people it is about."""
    actions: tuple[ActionAdvice, ...]
    """The advice, in words."""
    resources: tuple[ResourceRef, ...] = ()
    """Resources that fill this gap (each with this finding as its reason)."""


class Recommendations(FrozenModel):
    """Recommendations for one assessment."""

    ego: PersonId
    """The id of the person at the centre of the network."""
    catalog_version: str
    """The version of the catalogue the resources come from."""
    recommendations: tuple[Recommendation, ...]
    """One per finding, in the findings' order."""
    articles: tuple[ArticleRef, ...] = ()
    """Articles about the support types the findings concern."""
    crisis: tuple[ResourceRef, ...]
    """Crisis resources: always present."""


def _resources_for(finding: Finding, catalog: Catalog) -> tuple[Resource, ...]:
    if finding.support_type is not None:
        kinds = GAP_RESOURCE_KINDS[finding.support_type]
        found = catalog.find_resources(kinds=kinds, support_type=finding.support_type)
    else:
        kinds = RESOURCE_KINDS[finding.code]
        found = catalog.find_resources(kinds=kinds) if kinds else ()
    return found[:MAX_RESOURCES]


def recommend(assessment: Assessment, catalog: Catalog | None = None) -> Recommendations:
    """Turn an assessment's findings into advice and resources.

    Args:
        assessment: The assessment of a network.
        catalog: Where resources and articles come from; the bundled
            [`default_catalog`][grace_support.content.default_catalog] when omitted.

    Returns:
        One recommendation per finding (in the findings' order), related articles,
        and the crisis resources, which are always present.

    Examples:
        >>> from grace_support import assess
        >>> from grace_support.demo import example_network
        >>> result = recommend(assess(example_network(), as_of="2026-11-25"))
        >>> first = result.recommendations[0]
        >>> first.code.value, [r.id for r in first.resources]
        ('missing-support', ['nami-connection', 'dbsa-support-groups'])
        >>> [r.id for r in result.crisis]
        ['988-lifeline', 'crisis-text-line', 'samhsa-helpline', 'emergency-911']
    """
    catalog = catalog if catalog is not None else default_catalog()
    recommendations = tuple(
        Recommendation(
            code=finding.code,
            support_type=finding.support_type,
            people=finding.people,
            actions=tuple(ActionAdvice(id=a, advice=a.advice) for a in finding.actions),
            resources=tuple(
                ResourceRef.of(r, finding.code) for r in _resources_for(finding, catalog)
            ),
        )
        for finding in assessment.findings
    )
    types = {f.support_type for f in assessment.findings if f.support_type is not None}
    articles = tuple(
        ArticleRef(id=a.id, title=a.title, url=a.url)
        for a in catalog.articles
        if assessment.findings and (not types or types & set(a.topics))
    )
    return Recommendations(
        ego=assessment.ego,
        catalog_version=catalog.version,
        recommendations=recommendations,
        articles=articles,
        crisis=tuple(ResourceRef.of(r) for r in CRISIS_RESOURCES),
    )
