"""Small builders for hand-computed test networks."""

from __future__ import annotations

from typing import Any

from grace_support import Person, Relationship, SupportNetwork


def rel(
    person: str,
    role: str = "friend",
    supports: tuple[str, ...] | list[str] = (),
    closeness: str = "middle",
    **fields: Any,
) -> Relationship:
    """A relationship with friendly defaults (a middle-circle friend giving nothing)."""
    return Relationship.model_validate(
        {"person": person, "role": role, "supports": supports, "closeness": closeness, **fields}
    )


def net(
    *relationships: Relationship,
    ties: tuple[tuple[str, str], ...] | list[tuple[str, str]] = (),
    needs: tuple[str, ...] | list[str] | None = None,
    ego: str = "ego",
) -> SupportNetwork:
    """A network of the given relationships (one person per relationship, no names)."""
    return SupportNetwork.build(
        Person(id=ego),
        [(Person(id=r.person), r) for r in relationships],
        ties=ties,
        needs=needs,
    )


def document(**overrides: Any) -> dict[str, Any]:
    """A valid network document (as decoded JSON) with fields overridden."""
    base: dict[str, Any] = {
        "schema_version": 1,
        "ego": {"id": "maria", "name": "Maria"},
        "people": [{"id": "ana", "name": "Ana"}, {"id": "dr-lee", "name": "Dr. Lee"}],
        "relationships": [
            {
                "person": "ana",
                "role": "friend",
                "supports": ["emotional", "practical"],
                "closeness": "inner",
                "contact": "weekly",
                "last_contact": "2026-10-30",
                "strain": "none",
            },
            {
                "person": "dr-lee",
                "role": "therapist",
                "supports": ["informational", "emotional"],
                "closeness": "middle",
                "contact": "weekly",
            },
        ],
        "ties": [["ana", "dr-lee"]],
    }
    base.update(overrides)
    return base
