"""Content other Grace apps import: articles, resources, crisis lines, the catalogue.

- [`Article`][grace_support.content.Article]: structured articles with schema.org
  JSON-LD, Markdown, text and sanitised HTML.
- [`Resource`][grace_support.content.Resource]: services aligned with Open Referral
  HSDS 3.0, with schema.org JSON-LD.
- [`CRISIS_RESOURCES`][grace_support.content.CRISIS_RESOURCES]: 988, Crisis Text Line,
  SAMHSA's National Helpline and 911.
- [`Catalog`][grace_support.content.Catalog] and
  [`default_catalog`][grace_support.content.default_catalog].

These models know nothing of support networks;
[`recommend`][grace_support.recommendations.recommend] is where the two meet.
"""

from grace_support.content.article import (
    Agent,
    Article,
    CallToAction,
    ListItem,
    Review,
    Section,
    Source,
    plain_text,
)
from grace_support.content.catalog import Catalog, default_catalog
from grace_support.content.crisis import CRISIS_RESOURCES, CRISIS_RESOURCES_VERSION
from grace_support.content.resource import (
    HSDS_TAXONOMY,
    Channel,
    ChannelKind,
    Hours,
    Organization,
    Resource,
    ResourceKind,
    ServiceStatus,
    Weekday,
)

__all__ = [
    "CRISIS_RESOURCES",
    "CRISIS_RESOURCES_VERSION",
    "HSDS_TAXONOMY",
    "Agent",
    "Article",
    "CallToAction",
    "Catalog",
    "Channel",
    "ChannelKind",
    "Hours",
    "ListItem",
    "Organization",
    "Resource",
    "ResourceKind",
    "Review",
    "Section",
    "ServiceStatus",
    "Source",
    "Weekday",
    "default_catalog",
    "plain_text",
]
