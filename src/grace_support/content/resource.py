"""Resources: services a person can reach, aligned with Open Referral HSDS 3.0.

A [`Resource`][grace_support.content.Resource] describes one service: who offers it,
what kind it is, which kinds of support it gives, how to reach it and when. It
converts to an HSDS 3.0 ``service`` object (with its ``organization``) and back, and
to schema.org JSON-LD.

**Our taxonomy in HSDS.** HSDS has no field for our kinds of resource or support
types, so they travel as ``attributes`` linked to taxonomy terms of the taxonomy
``grace-support``: term codes ``kind:<kind>`` (e.g. ``kind:support_group``),
``support:<type>`` (e.g. ``support:peer``), ``channel:<kind>`` for ways of reaching
the service that HSDS has no place for (chat, in person, virtual; the attribute's
``value`` holds the address), ``resource:<id>`` for our id, and ``hours:24-7``.
HSDS ids are UUIDs derived from our ids (UUID 5), so an export is stable.
"""

from __future__ import annotations

import uuid
from datetime import date, time
from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from grace_support._input import guarded
from grace_support._model import FrozenModel
from grace_support.content._common import HttpsUrl, Slug, Text
from grace_support.errors import DocumentError, Problem, validated
from grace_support.vocabulary import SupportType

__all__ = [
    "HSDS_TAXONOMY",
    "Channel",
    "ChannelKind",
    "Hours",
    "Organization",
    "Resource",
    "ResourceKind",
    "ServiceStatus",
    "Weekday",
]

HSDS_TAXONOMY = "grace-support"
"""The name of our taxonomy in HSDS ``taxonomy_term.taxonomy``."""

_NAMESPACE = uuid.UUID("6f1c3f0e-8a4b-5d0e-9c39-3c6d2f1b7a10")


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


class ResourceKind(StrEnum):
    """What kind of help a resource offers."""

    CRISIS_LINE = "crisis_line"
    """Immediate help in a crisis, by phone, text or chat."""
    SUPPORT_GROUP = "support_group"
    """A group of people who meet to support each other."""
    PEER_PROGRAM = "peer_program"
    """Support from trained people with lived experience."""
    THERAPY = "therapy"
    """Individual therapy or counseling."""
    PSYCHIATRY = "psychiatry"
    """Psychiatric care, including medication management."""
    GROUP_COUNSELING = "group_counseling"
    """Counseling in a group led by a professional."""
    INFORMATION = "information"
    """Information and referral."""
    COMMUNITY_SERVICE = "community_service"
    """Practical help in the community (transport, meals, childcare, ...)."""


class ChannelKind(StrEnum):
    """A way to reach a resource."""

    PHONE = "phone"
    """A voice call."""
    SMS = "sms"
    """A text message."""
    CHAT = "chat"
    """An online chat (the value is its https address)."""
    WEB = "web"
    """A web page (the value is its https address)."""
    IN_PERSON = "in_person"
    """In person (the value says where)."""
    VIRTUAL = "virtual"
    """A video or online meeting (the value is its https address)."""


class ServiceStatus(StrEnum):
    """Whether a resource is available (HSDS ``service.status``)."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


class Weekday(StrEnum):
    """A day of the week, as iCalendar writes it."""

    MO = "MO"
    TU = "TU"
    WE = "WE"
    TH = "TH"
    FR = "FR"
    SA = "SA"
    SU = "SU"

    @property
    def schema_org(self) -> str:
        """The schema.org ``DayOfWeek`` name, e.g. ``Monday``."""
        return _DAY_NAMES[self]


_DAY_NAMES = dict(
    zip(
        Weekday,
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        strict=True,
    )
)
_PHONE_TYPES = {ChannelKind.PHONE: "voice", ChannelKind.SMS: "text"}
_URL_CHANNELS = (ChannelKind.CHAT, ChannelKind.WEB, ChannelKind.VIRTUAL)


class Channel(FrozenModel):
    """One way to reach a resource."""

    kind: ChannelKind
    """Phone, text, chat, web, in person or virtual."""
    value: Text
    """The number, short code, https address or place."""
    instructions: Text | None = None
    """What to do, e.g. "Text HOME to 741741" or "Press 1 for the Veterans Crisis Line"."""

    @model_validator(mode="after")
    def _check_address(self) -> Channel:
        if self.kind in _URL_CHANNELS and not self.value.startswith("https://"):
            raise ValueError(f"a {self.kind} channel needs an https:// address")
        return self


class Hours(FrozenModel):
    """Opening hours on some days of the week, in the resource's local time."""

    days: tuple[Weekday, ...] = Field(min_length=1)
    """The days these hours apply to."""
    opens: time
    """When it opens."""
    closes: time
    """When it closes."""


class Organization(FrozenModel):
    """The organization that offers a resource."""

    name: Text
    """Its name."""
    description: Text
    """What it is."""
    url: HttpsUrl | None = None
    """Its website."""


class Resource(FrozenModel):
    """A service a person can reach for support (HSDS 3.0 ``service``, plus our fields)."""

    id: Slug
    """Our stable id, e.g. ``988-lifeline``."""
    name: Text
    """The service's name."""
    description: Text
    """What it offers, in plain words."""
    kind: ResourceKind
    """What kind of help it is."""
    supports: tuple[SupportType, ...] = ()
    """The kinds of support it gives."""
    organization: Organization
    """Who offers it."""
    channels: tuple[Channel, ...] = ()
    """How to reach it."""
    open_24_7: bool = False
    """Whether it is open around the clock, every day."""
    hours: tuple[Hours, ...] = ()
    """Opening hours, when it is not open around the clock."""
    languages: tuple[str, ...] = ("en",)
    """Languages it is offered in (BCP 47 codes, e.g. ``en``, ``es``)."""
    service_area: tuple[Text, ...] = ()
    """Where it is offered, e.g. ``United States`` or ``Virginia``."""
    url: HttpsUrl | None = None
    """Its web page."""
    cost: Text | None = None
    """What it costs, in words (e.g. "Free")."""
    status: ServiceStatus = ServiceStatus.ACTIVE
    """Whether it is available."""
    last_verified: date
    """The day its details were last checked against the source."""

    @model_validator(mode="after")
    def _check_hours(self) -> Resource:
        if self.open_24_7 and self.hours:
            raise ValueError("a resource open 24/7 has no other opening hours")
        return self

    def channel(self, kind: ChannelKind) -> Channel | None:
        """The first channel of this kind, if any."""
        return next((c for c in self.channels if c.kind is kind), None)

    def contact_line(self) -> str:
        """How to reach it, in one line (e.g. ``Call 988; Text 988; chat at https://...``).

        With no channel, the organization and the area it serves.
        """
        parts = []
        for channel in self.channels:
            verb = {
                ChannelKind.PHONE: "call",
                ChannelKind.SMS: "text",
                ChannelKind.CHAT: "chat at",
                ChannelKind.WEB: "visit",
                ChannelKind.IN_PERSON: "in person at",
                ChannelKind.VIRTUAL: "online at",
            }[channel.kind]
            parts.append(channel.instructions or f"{verb} {channel.value}")
        if not parts:
            area = f" ({', '.join(self.service_area)})" if self.service_area else ""
            return f"{self.organization.name}{area}"
        return "; ".join(parts)

    # -- HSDS ---------------------------------------------------------------------------------

    def to_hsds(self) -> dict[str, Any]:
        """This resource as an HSDS 3.0 ``service`` object (with its ``organization``).

        Examples:
            >>> from grace_support.content import CRISIS_RESOURCES
            >>> service = CRISIS_RESOURCES[0].to_hsds()
            >>> service["name"], service["status"], service["phones"][0]["number"]
            ('988 Suicide & Crisis Lifeline', 'active', '988')
        """
        sid = _uuid("service", self.id)
        service: dict[str, Any] = {
            "id": sid,
            "name": self.name,
            "description": self.description,
            "status": self.status.value,
            "organization_id": _uuid("organization", self.organization.name),
            "organization": {
                "id": _uuid("organization", self.organization.name),
                "name": self.organization.name,
                "description": self.organization.description,
                **({"website": self.organization.url} if self.organization.url else {}),
            },
            "assured_date": self.last_verified.isoformat(),
        }
        if self.url:
            service["url"] = self.url
        if self.cost:
            service["fees_description"] = self.cost
        service["phones"] = [
            {
                "id": _uuid("phone", self.id, str(n)),
                "service_id": sid,
                "number": c.value,
                "type": _PHONE_TYPES[c.kind],
                **({"description": c.instructions} if c.instructions else {}),
            }
            for n, c in enumerate(self.channels)
            if c.kind in _PHONE_TYPES
        ]
        service["schedules"] = [
            {
                "id": _uuid("schedule", self.id, str(n)),
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": ",".join(h.days),
                "opens_at": h.opens.strftime("%H:%M"),
                "closes_at": h.closes.strftime("%H:%M"),
                "description": "Local time.",
            }
            for n, h in enumerate(self.hours)
        ]
        if self.open_24_7:
            service["schedules"].append(
                {
                    "id": _uuid("schedule", self.id, "24-7"),
                    "service_id": sid,
                    "freq": "WEEKLY",
                    "byday": ",".join(Weekday),
                    "opens_at": "00:00",
                    "closes_at": "23:59",
                    "description": "Open 24 hours a day, 7 days a week.",
                }
            )
        service["languages"] = [
            {"id": _uuid("language", self.id, code), "service_id": sid, "code": code}
            for code in self.languages
        ]
        service["service_areas"] = [
            {"id": _uuid("area", self.id, area), "service_id": sid, "name": area}
            for area in self.service_area
        ]
        terms: list[tuple[str, str, str | None]] = [
            (f"resource:{self.id}", f"Resource {self.id}", None),
            (f"kind:{self.kind}", f"Kind: {self.kind}", None),
            *((f"support:{t}", f"Support: {t}", None) for t in self.supports),
            *(
                (f"channel:{c.kind}", f"Channel: {c.kind}", c.value)
                for c in self.channels
                if c.kind not in _PHONE_TYPES
            ),
        ]
        if self.open_24_7:
            terms.append(("hours:24-7", "Open 24/7", None))
        service["attributes"] = [
            {
                "id": _uuid("attribute", self.id, code, value or ""),
                "link_id": sid,
                "link_entity": "service",
                "link_type": "service_characteristic",
                **({"value": value} if value else {}),
                "taxonomy_term": {
                    "id": _uuid("term", code),
                    "code": code,
                    "name": name,
                    "description": f"grace-support taxonomy term {code}",
                    "taxonomy": HSDS_TAXONOMY,
                },
            }
            for code, name, value in terms
        ]
        return service

    @classmethod
    @guarded()
    def from_hsds(cls, service: dict[str, Any]) -> Resource:
        """Read a resource from an HSDS 3.0 ``service`` object.

        Kind, support types, our id and channels HSDS has no place for come from
        attributes linked to ``grace-support`` taxonomy terms (see the module docs).

        What it cannot keep is refused rather than guessed: two ``kind:`` terms,
        and dates that are not text (``assured_date`` must be ``YYYY-MM-DD``).

        Raises:
            DocumentError: The object is not a service this library can read (the
                problem names the field, e.g. ``attributes`` when no kind is given).
                The error carries no exception chain and quotes no value.
        """
        problem: Problem | None = None
        try:
            data = _from_hsds(service)
        except DocumentError as error:
            problem = error.problems[0]
        except KeyError as error:
            key = error.args[0] if error.args and isinstance(error.args[0], str) else None
            problem = Problem(key if key in _HSDS_KEYS else "(service)", "is required")
        except (TypeError, AttributeError, ValueError, IndexError, LookupError):
            problem = Problem("(service)", "is not an HSDS service object this library reads")
        if problem is not None:
            raise DocumentError([problem], source="HSDS")
        return validated(cls.model_validate, data, source="HSDS")

    # -- schema.org ---------------------------------------------------------------------------

    def to_jsonld(self, *, context: bool = True) -> dict[str, Any]:
        """This resource as schema.org JSON-LD: a ``Service`` with its channels and hours."""
        data: dict[str, Any] = {"@context": "https://schema.org"} if context else {}
        data |= {
            "@type": "Service",
            "identifier": self.id,
            "name": self.name,
            "description": self.description,
            "serviceType": self.kind.value,
            "category": [t.value for t in self.supports],
            "provider": {
                "@type": "Organization",
                "name": self.organization.name,
                "description": self.organization.description,
                **({"url": self.organization.url} if self.organization.url else {}),
            },
            "availableLanguage": list(self.languages),
        }
        if self.url:
            data["url"] = self.url
        if self.service_area:
            data["areaServed"] = list(self.service_area)
        hours = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [d.schema_org for d in h.days],
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in self.hours
        ]
        if self.open_24_7:
            hours.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [d.schema_org for d in Weekday],
                    "opens": "00:00",
                    "closes": "23:59",
                }
            )
        if hours:
            data["hoursAvailable"] = hours
        data["availableChannel"] = [_jsonld_channel(c) for c in self.channels]
        return data


def _jsonld_channel(channel: Channel) -> dict[str, Any]:
    contact = {
        "@type": "ContactPoint",
        "telephone": channel.value,
        **({"description": channel.instructions} if channel.instructions else {}),
    }
    if channel.kind is ChannelKind.PHONE:
        return {"@type": "ServiceChannel", "servicePhone": contact}
    if channel.kind is ChannelKind.SMS:
        return {"@type": "ServiceChannel", "serviceSmsNumber": contact}
    if channel.kind is ChannelKind.IN_PERSON:
        return {
            "@type": "ServiceChannel",
            "serviceLocation": {"@type": "Place", "name": channel.value},
        }
    return {"@type": "ServiceChannel", "serviceUrl": channel.value, "name": channel.kind.value}


_HSDS_KEYS = frozenset(
    {
        "id",
        "name",
        "organization",
        "description",
        "number",
        "byday",
        "opens_at",
        "closes_at",
        "status",
        "assured_date",
        "taxonomy_term",
        "code",
    }
)


def _from_hsds(service: dict[str, Any]) -> dict[str, Any]:
    terms: list[tuple[str, str | None]] = [
        (a["taxonomy_term"]["code"], a.get("value"))
        for a in service.get("attributes", [])
        if isinstance(a.get("taxonomy_term"), dict)
        and a["taxonomy_term"].get("taxonomy") == HSDS_TAXONOMY
    ]

    def codes(prefix: str) -> list[tuple[str, str | None]]:
        return [(code.split(":", 1)[1], value) for code, value in terms if code.startswith(prefix)]

    kinds = codes("kind:")
    if not kinds:
        raise DocumentError(
            [Problem("attributes", "have no grace-support kind:<kind> term; the kind is needed")],
            source="HSDS",
        )
    if len(kinds) > 1:
        raise DocumentError(
            [Problem("attributes", "have more than one grace-support kind: term; give one")],
            source="HSDS",
        )
    if not isinstance(service["assured_date"], str):
        raise DocumentError(
            [Problem("assured_date", "must be a date written YYYY-MM-DD")], source="HSDS"
        )
    ids = codes("resource:")
    org = service["organization"]
    channels: list[dict[str, Any]] = []
    for phone in service.get("phones", []):
        kind = ChannelKind.SMS if phone.get("type") == "text" else ChannelKind.PHONE
        channels.append(
            {"kind": kind, "value": phone["number"]}
            | ({"instructions": phone["description"]} if phone.get("description") else {})
        )
    channels += [{"kind": kind, "value": value} for kind, value in codes("channel:")]
    open_24_7 = bool(codes("hours:"))
    hours = [
        {
            "days": schedule["byday"].split(","),
            "opens": schedule["opens_at"][:5],
            "closes": schedule["closes_at"][:5],
        }
        for schedule in service.get("schedules", [])
        if not (
            open_24_7
            and schedule.get("opens_at") == "00:00"
            and schedule.get("closes_at") == "23:59"
        )
    ]
    return {
        "id": ids[0][0] if ids else service["id"],
        "name": service["name"],
        "description": service.get("description") or service["name"],
        "kind": kinds[0][0],
        "supports": [t for t, _ in codes("support:")],
        "organization": {
            "name": org["name"],
            "description": org["description"],
            **({"url": org["website"]} if org.get("website") else {}),
        },
        "channels": channels,
        "open_24_7": open_24_7,
        "hours": hours,
        "languages": [lang["code"] for lang in service.get("languages", []) if lang.get("code")],
        "service_area": [
            area["name"] for area in service.get("service_areas", []) if area.get("name")
        ],
        **({"url": service["url"]} if service.get("url") else {}),
        **({"cost": service["fees_description"]} if service.get("fees_description") else {}),
        "status": service["status"],
        "last_verified": service["assured_date"],
    }
