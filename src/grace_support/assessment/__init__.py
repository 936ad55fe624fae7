"""Assessment: measures, findings and advice for one support network.

Examples:
    >>> from grace_support import assess
    >>> from grace_support.demo import example_network
    >>> result = assess(example_network(), as_of="2026-11-25")
    >>> result.measures.missing_support_types
    (<SupportType.PEER: 'peer'>,)
    >>> result.findings[0].actions
    (<ActionId.JOIN_SUPPORT_GROUP: 'join-support-group'>,)
"""

from grace_support.assessment.core import assess, compute_measures, not_recorded
from grace_support.assessment.models import (
    Assessment,
    Finding,
    FindingCode,
    Measures,
    NotRecorded,
    NotRecordedField,
    RoleCounts,
    Settings,
    Severity,
    Share,
    SupportCounts,
)
from grace_support.assessment.rules import RULES, actions_for

__all__ = [
    "RULES",
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
    "actions_for",
    "assess",
    "compute_measures",
    "not_recorded",
]
