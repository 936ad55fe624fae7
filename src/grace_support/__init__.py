"""grace-support: typed models and measures of social support in mental-health recovery.

The public API is re-exported here; submodules whose names start with an
underscore are private. networkx is imported only when a graph is asked for.

Examples:
    >>> from grace_support import SupportNetwork, Person, Relationship, Role
    >>> net = SupportNetwork.build(Person(id="maria"), [
    ...     ("ana", Relationship(person="ana", role=Role.FRIEND, closeness="inner")),
    ... ])
    >>> net.relationship("ana").category
    <RoleCategory.FRIEND: 'friend'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.assessment import (
    Assessment,
    Finding,
    FindingCode,
    Measures,
    Settings,
    Severity,
    assess,
)
from grace_support.attributes import Attributes
from grace_support.documents import network_from_data, parse_network, read_network
from grace_support.errors import (
    AsOfError,
    DocumentError,
    GraceSupportError,
    InputError,
    MissingExtraError,
    Problem,
    UnknownPersonError,
)
from grace_support.importers.json_lines import read_networks, write_networks
from grace_support.network import (
    SCHEMA_VERSION,
    IsoDate,
    Person,
    PersonId,
    Relationship,
    SupportNetwork,
    Tie,
    parse_day,
)
from grace_support.schemas import SchemaName, json_schema
from grace_support.touch import in_touch, in_touch_ids, judged_on
from grace_support.vocabulary import (
    ActionId,
    Closeness,
    Contact,
    Role,
    RoleCategory,
    Strain,
    SupportType,
)

if TYPE_CHECKING:
    from grace_support.recommendations import recommend

    __version__: str

__all__ = [
    "SCHEMA_VERSION",
    "ActionId",
    "AsOfError",
    "Assessment",
    "Attributes",
    "Closeness",
    "Contact",
    "DocumentError",
    "Finding",
    "FindingCode",
    "GraceSupportError",
    "InputError",
    "IsoDate",
    "Measures",
    "MissingExtraError",
    "Person",
    "PersonId",
    "Problem",
    "Relationship",
    "Role",
    "RoleCategory",
    "SchemaName",
    "Settings",
    "Severity",
    "Strain",
    "SupportNetwork",
    "SupportType",
    "Tie",
    "UnknownPersonError",
    "assess",
    "in_touch",
    "in_touch_ids",
    "json_schema",
    "judged_on",
    "network_from_data",
    "parse_day",
    "parse_network",
    "read_network",
    "read_networks",
    "recommend",
    "write_networks",
]


def __getattr__(name: str) -> object:
    if name == "recommend":  # imported on first use: it loads the content models
        from grace_support.recommendations import recommend  # noqa: PLC0415

        return recommend
    if name == "__version__":  # from the package metadata (see _version.installed_version)
        from grace_support._version import installed_version  # noqa: PLC0415

        return installed_version()
    raise AttributeError(f"module 'grace_support' has no attribute {name!r}")
