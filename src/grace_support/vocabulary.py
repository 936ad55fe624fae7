"""The shared vocabulary: kinds of support, roles, closeness, contact, strain, actions.

Every value is a lower-case string (an ``enum.StrEnum``), so the members can be
written to JSON as they are and compared with plain strings.

The order in which members are declared is meaningful: every list of support
types or role categories that the library outputs follows it.

The four support types and the advice behind [`ActionId`][grace_support.ActionId]
come from the clinic's article *The Role of Social Support in Mental Health
Recovery* (Grace Health Services); the three circles of closeness come from the
convoy model of Kahn and Antonucci (1980).

Examples:
    >>> SupportType.PEER == "peer"
    True
    >>> Role.THERAPIST.category
    <RoleCategory.PROFESSIONAL: 'professional'>
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ActionId",
    "Closeness",
    "Contact",
    "Role",
    "RoleCategory",
    "Strain",
    "SupportType",
]


class SupportType(StrEnum):
    """A kind of support that one person gives another (the article's four types)."""

    EMOTIONAL = "emotional"
    """Listening without judgment, encouragement and comfort."""
    PRACTICAL = "practical"
    """Concrete help: chores, childcare, rides to appointments, money.

    Also called instrumental or tangible support in the research literature.
    """
    INFORMATIONAL = "informational"
    """Guidance, advice, and information about mental-health resources."""
    PEER = "peer"
    """Shared understanding from someone who has lived through similar struggles."""

    @property
    def description(self) -> str:
        """A short plain-language description of this kind of support.

        Examples:
            >>> SupportType.PRACTICAL.description
            'concrete help such as chores, childcare or rides to appointments'
        """
        return _SUPPORT_DESCRIPTIONS[self]


_SUPPORT_DESCRIPTIONS = {
    SupportType.EMOTIONAL: "someone who listens without judgment and offers encouragement",
    SupportType.PRACTICAL: "concrete help such as chores, childcare or rides to appointments",
    SupportType.INFORMATIONAL: "guidance, advice, or information about mental-health resources",
    SupportType.PEER: "shared understanding from someone who has been through similar struggles",
}


class RoleCategory(StrEnum):
    """The five groups that roles fall into (K = 5 for the diversity measures)."""

    FAMILY = "family"
    """Partner, parents, children, siblings and other relatives."""
    FRIEND = "friend"
    """Friends."""
    PEER = "peer"
    """People with lived experience met in a peer relationship, such as a support group."""
    COMMUNITY = "community"
    """Neighbours, coworkers, classmates, faith community and other community members."""
    PROFESSIONAL = "professional"
    """Paid or trained helpers: therapy, psychiatry, group counseling and other care."""


class Role(StrEnum):
    """Who a person is to the person at the centre of the network.

    Each role belongs to exactly one [`RoleCategory`][grace_support.RoleCategory],
    given by [`Role.category`][grace_support.Role.category].
    """

    PARTNER = "partner"
    """A spouse or partner (family)."""
    PARENT = "parent"
    """A parent or someone in a parent's place (family)."""
    CHILD = "child"
    """A son or daughter (family)."""
    SIBLING = "sibling"
    """A brother or sister (family)."""
    RELATIVE = "relative"
    """Any other relative (family)."""
    FRIEND = "friend"
    """A friend (friend)."""
    PEER = "peer"
    """A support-group member or anyone with lived experience in a peer relationship (peer)."""
    NEIGHBOR = "neighbor"
    """A neighbour (community)."""
    COWORKER = "coworker"
    """Someone from work (community)."""
    CLASSMATE = "classmate"
    """Someone from school or a course (community)."""
    FAITH_COMMUNITY = "faith_community"
    """Someone from a church, temple, mosque or other faith community (community)."""
    COMMUNITY_MEMBER = "community_member"
    """Anyone else from the person's community (community)."""
    THERAPIST = "therapist"
    """A therapist or counsellor giving individual therapy (professional)."""
    PSYCHIATRIST = "psychiatrist"
    """A psychiatrist or psychiatric prescriber (professional)."""
    GROUP_COUNSELOR = "group_counselor"
    """Someone who leads group counseling (professional)."""
    PEER_SPECIALIST = "peer_specialist"
    """A trained peer-support specialist working in a professional role (professional)."""
    CASE_MANAGER = "case_manager"
    """A case manager or care coordinator (professional)."""
    PRIMARY_CARE = "primary_care"
    """A primary-care doctor, nurse or physician assistant (professional)."""
    OTHER_PROFESSIONAL = "other_professional"
    """Any other professional helper (professional)."""

    @property
    def category(self) -> RoleCategory:
        """The category this role belongs to.

        Examples:
            >>> Role.SIBLING.category
            <RoleCategory.FAMILY: 'family'>
        """
        return ROLE_CATEGORIES[self]


ROLE_CATEGORIES: dict[Role, RoleCategory] = {
    Role.PARTNER: RoleCategory.FAMILY,
    Role.PARENT: RoleCategory.FAMILY,
    Role.CHILD: RoleCategory.FAMILY,
    Role.SIBLING: RoleCategory.FAMILY,
    Role.RELATIVE: RoleCategory.FAMILY,
    Role.FRIEND: RoleCategory.FRIEND,
    Role.PEER: RoleCategory.PEER,
    Role.NEIGHBOR: RoleCategory.COMMUNITY,
    Role.COWORKER: RoleCategory.COMMUNITY,
    Role.CLASSMATE: RoleCategory.COMMUNITY,
    Role.FAITH_COMMUNITY: RoleCategory.COMMUNITY,
    Role.COMMUNITY_MEMBER: RoleCategory.COMMUNITY,
    Role.THERAPIST: RoleCategory.PROFESSIONAL,
    Role.PSYCHIATRIST: RoleCategory.PROFESSIONAL,
    Role.GROUP_COUNSELOR: RoleCategory.PROFESSIONAL,
    Role.PEER_SPECIALIST: RoleCategory.PROFESSIONAL,
    Role.CASE_MANAGER: RoleCategory.PROFESSIONAL,
    Role.PRIMARY_CARE: RoleCategory.PROFESSIONAL,
    Role.OTHER_PROFESSIONAL: RoleCategory.PROFESSIONAL,
}
"""The category of every role (each role belongs to exactly one)."""


class Closeness(StrEnum):
    """How close a person feels: the three circles of the convoy model (Kahn & Antonucci 1980)."""

    INNER = "inner"
    """So close that it is hard to imagine life without them."""
    MIDDLE = "middle"
    """Close and important, though not quite as close as the inner circle."""
    OUTER = "outer"
    """Close enough to matter, further out than the other two circles."""


class Contact(StrEnum):
    """How often the two people are usually in touch."""

    DAILY = "daily"
    """Every day or nearly every day."""
    WEEKLY = "weekly"
    """About once a week."""
    BIWEEKLY = "biweekly"
    """About every two weeks."""
    MONTHLY = "monthly"
    """About once a month."""
    RARELY = "rarely"
    """Less than once a month."""
    LOST_TOUCH = "lost_touch"
    """Out of touch for now. A relationship with this contact is *dormant*."""

    @property
    def is_regular(self) -> bool:
        """Whether contact is at least every two weeks (Cohen's rule for "regular").

        Examples:
            >>> Contact.BIWEEKLY.is_regular, Contact.MONTHLY.is_regular
            (True, False)
        """
        return self in _REGULAR_CONTACT


_REGULAR_CONTACT = frozenset({Contact.DAILY, Contact.WEEKLY, Contact.BIWEEKLY})


class Strain(StrEnum):
    """How draining or conflict-laden a relationship feels."""

    NONE = "none"
    """No notable strain."""
    SOME = "some"
    """Some strain or conflict from time to time."""
    HIGH = "high"
    """The relationship is often draining or full of conflict."""


class ActionId(StrEnum):
    """The article's advice for building a support network, as stable ids.

    Findings name these ids; [`ActionId.advice`][grace_support.ActionId.advice]
    gives the advice in words.
    """

    RECONNECT = "reconnect"
    """Reconnect with trusted friends or family you have lost touch with."""
    SET_BOUNDARIES = "set-boundaries"
    """Set boundaries with toxic or draining relationships."""
    JOIN_SUPPORT_GROUP = "join-support-group"
    """Join support groups online or in your community."""
    SHARE_NEEDS = "share-needs"
    """Let others know how they can support you."""
    WORK_WITH_THERAPIST = "work-with-therapist"
    """Work with a therapist on social anxiety or trust issues."""
    ADD_PROFESSIONAL_CARE = "add-professional-care"
    """Therapy, psychiatry and group counseling supplement social support."""
    BUILD_SOCIAL_SUPPORT = "build-social-support"
    """Professional care cannot replace everyday personal connection."""

    @property
    def advice(self) -> str:
        """The advice in plain words, addressed to the person.

        Examples:
            >>> ActionId.RECONNECT.advice
            'Reconnect with trusted friends or family you have lost touch with.'
        """
        return _ADVICE[self]


_ADVICE = {
    ActionId.RECONNECT: "Reconnect with trusted friends or family you have lost touch with.",
    ActionId.SET_BOUNDARIES: "Set boundaries with relationships that feel toxic or draining.",
    ActionId.JOIN_SUPPORT_GROUP: "Join a support group, online or in your community.",
    ActionId.SHARE_NEEDS: "Let the people around you know how they can support you.",
    ActionId.WORK_WITH_THERAPIST: (
        "Work with a therapist on anything that makes connecting hard, "
        "such as social anxiety or trust."
    ),
    ActionId.ADD_PROFESSIONAL_CARE: (
        "Consider professional care: therapy, psychiatry and group counseling "
        "work alongside the support of people you know."
    ),
    ActionId.BUILD_SOCIAL_SUPPORT: (
        "Professional care works best next to everyday personal connection: "
        "friends, family, peers and community."
    ),
}
