"""Crisis resources: a frozen, versioned list that every person-facing output can show.

The details were checked against the project's standards reference (which cites
988lifeline.org, samhsa.gov and the Crisis Text Line's partners) on the
``last_verified`` date of each entry. Re-check them against the live sources before
each release, and bump [`CRISIS_RESOURCES_VERSION`][grace_support.content.CRISIS_RESOURCES_VERSION].

"Press 3" on the 988 line is deliberately absent: the 988 Lifeline's own "what to
expect" page lists only 1 (Veterans) and 2 (Spanish).
"""

from __future__ import annotations

from datetime import date

from grace_support.content.resource import (
    Channel,
    ChannelKind,
    Organization,
    Resource,
    ResourceKind,
)
from grace_support.vocabulary import SupportType

__all__ = ["CRISIS_RESOURCES", "CRISIS_RESOURCES_VERSION"]

CRISIS_RESOURCES_VERSION = "2026.11.25"
"""The version of the crisis list: the day it was last checked as a whole."""

_CHECKED = date(2026, 11, 25)
_US = ("United States",)

CRISIS_RESOURCES: tuple[Resource, ...] = (
    Resource(
        id="988-lifeline",
        name="988 Suicide & Crisis Lifeline",
        description=(
            "Free, confidential support for anyone in suicidal crisis or emotional distress, "
            "24 hours a day, 7 days a week."
        ),
        kind=ResourceKind.CRISIS_LINE,
        supports=(SupportType.EMOTIONAL,),
        organization=Organization(
            name="988 Suicide & Crisis Lifeline",
            description="A national network of local crisis centers in the United States.",
            url="https://988lifeline.org",
        ),
        channels=(
            Channel(
                kind=ChannelKind.PHONE,
                value="988",
                instructions="Call 988 (press 1 for the Veterans Crisis Line, 2 for Spanish)",
            ),
            Channel(kind=ChannelKind.SMS, value="988", instructions="Text 988"),
            Channel(kind=ChannelKind.CHAT, value="https://988lifeline.org/chat"),
        ),
        open_24_7=True,
        languages=("en", "es"),
        service_area=_US,
        url="https://988lifeline.org",
        cost="Free",
        last_verified=_CHECKED,
    ),
    Resource(
        id="crisis-text-line",
        name="Crisis Text Line",
        description=(
            "Free text support from trained volunteers, 24 hours a day, 7 days a week. "
            "The first message can say anything."
        ),
        kind=ResourceKind.CRISIS_LINE,
        supports=(SupportType.EMOTIONAL,),
        organization=Organization(
            name="Crisis Text Line",
            description="A nonprofit offering crisis support by text message.",
            url="https://www.crisistextline.org",
        ),
        channels=(
            Channel(kind=ChannelKind.SMS, value="741741", instructions="Text HOME to 741741"),
        ),
        open_24_7=True,
        service_area=_US,
        url="https://www.crisistextline.org",
        cost="Free",
        last_verified=_CHECKED,
    ),
    Resource(
        id="samhsa-helpline",
        name="SAMHSA National Helpline",
        description=(
            "Free, confidential treatment referral and information about mental health and "
            "substance use, 24 hours a day, every day of the year, in English and Spanish. "
            "It gives referrals and information, not counseling."
        ),
        kind=ResourceKind.INFORMATION,
        supports=(SupportType.INFORMATIONAL,),
        organization=Organization(
            name="Substance Abuse and Mental Health Services Administration (SAMHSA)",
            description="An agency of the U.S. Department of Health and Human Services.",
            url="https://www.samhsa.gov",
        ),
        channels=(
            Channel(
                kind=ChannelKind.PHONE,
                value="1-800-662-4357",
                instructions="Call 1-800-662-HELP (4357); TTY 1-800-487-4889",
            ),
        ),
        open_24_7=True,
        languages=("en", "es"),
        service_area=_US,
        url="https://www.samhsa.gov/find-help/national-helpline",
        cost="Free",
        last_verified=_CHECKED,
    ),
    Resource(
        id="emergency-911",
        name="911",
        description="Emergency services, for immediate danger to anyone's life or safety.",
        kind=ResourceKind.CRISIS_LINE,
        organization=Organization(
            name="Local emergency services",
            description="Police, fire and emergency medical services in the United States.",
        ),
        channels=(Channel(kind=ChannelKind.PHONE, value="911", instructions="Call 911"),),
        open_24_7=True,
        service_area=_US,
        cost="Free",
        last_verified=_CHECKED,
    ),
)
"""988, Crisis Text Line, the SAMHSA National Helpline and 911, in that order."""
