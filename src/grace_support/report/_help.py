"""Where to find help: the resources a report shows, each reachable, each once.

Shared by the text report and the HTML page so both say the same: a resource
chosen for the findings, with its ways to reach it in plain words (or "Ask your
care team about ..." when the catalogue gives none); then the crisis lines, each
once (a crisis line that a finding also chose is shown there, with the reason);
then the articles, with their link when the catalogue has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from grace_support.report._words import Reach, reach

if TYPE_CHECKING:
    from grace_support.assessment import Assessment
    from grace_support.content.catalog import Catalog
    from grace_support.content.resource import Resource
    from grace_support.recommendations import Recommendations

__all__ = ["Help", "HelpEntry", "find_help"]


@dataclass
class HelpEntry:
    """One resource as a report shows it."""

    name: str
    reach: tuple[Reach, ...]
    """Its ways to reach it; empty when the catalogue gives none (ask the care team)."""
    reasons: list[str] = field(default_factory=list)
    """What it may help with (the findings it was chosen for)."""


@dataclass
class Help:
    """Everything of the "Where to find help" section."""

    resources: list[HelpEntry]
    crisis: list[HelpEntry]
    articles: list[tuple[str, str | None]]
    """Each article's title and link (``None`` when the catalogue has none)."""


def _lookup(resource_id: str, catalog: Catalog | None) -> Resource | None:
    from grace_support.content.catalog import default_catalog  # noqa: PLC0415
    from grace_support.content.crisis import CRISIS_RESOURCES  # noqa: PLC0415

    for source in (catalog, default_catalog()):
        if source is None:
            continue
        try:
            return source.resource(resource_id)
        except KeyError:
            pass
    return next((r for r in CRISIS_RESOURCES if r.id == resource_id), None)


def find_help(
    assessment: Assessment,
    *,
    catalog: Catalog | None = None,
    given: Recommendations | None = None,
) -> Help:
    """The resources, crisis lines and articles to show for an assessment.

    Args:
        assessment: The assessment.
        catalog: The app's catalogue (the bundled one when ``None``).
        given: Recommendations already made (the deprecated argument of
            ``render_report``); made from ``catalog`` when ``None``.
    """
    from grace_support.content.catalog import Catalog  # noqa: PLC0415
    from grace_support.recommendations import recommend  # noqa: PLC0415
    from grace_support.report.text import REASONS  # noqa: PLC0415

    if catalog is not None and not isinstance(catalog, Catalog):
        raise TypeError("catalog must be a Catalog (see Catalog.from_json)")

    result = given if given is not None else recommend(assessment, catalog)
    crisis_ids = [ref.id for ref in result.crisis]
    entries: dict[str, HelpEntry] = {}
    crisis: dict[str, HelpEntry] = {}
    for ref in result.crisis:
        resource = _lookup(ref.id, catalog)
        crisis[ref.id] = HelpEntry(ref.name, reach(resource) if resource else ())
    for recommendation in result.recommendations:
        reason = REASONS[recommendation.code]
        for ref in recommendation.resources:
            if ref.id in crisis_ids:
                entry = crisis[ref.id]
            else:
                if ref.id not in entries:
                    resource = _lookup(ref.id, catalog)
                    entries[ref.id] = HelpEntry(ref.name, reach(resource) if resource else ())
                entry = entries[ref.id]
            if reason not in entry.reasons:
                entry.reasons.append(reason)
    articles = [(a.title, a.url) for a in result.articles]
    return Help(list(entries.values()), list(crisis.values()), articles)
