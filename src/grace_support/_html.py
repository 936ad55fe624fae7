"""Compact HTML summaries for notebooks (``_repr_html_``).

Text is escaped, nothing runs (no scripts, no styles, no event attributes), and, as
with every repr, names and attribute values are left out: ids only.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from grace_support.assessment.models import Assessment
    from grace_support.network import SupportNetwork


def _table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return (
        f'<table class="grace-support"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def network_html(network: SupportNetwork) -> str:
    """The people of a network, one row each (ids, no names)."""
    caption = (
        f"Support network of {network.ego.id}: {len(network.people)} people, "
        f"{len(network.ties)} ties"
    )
    rows = [
        (
            r.person,
            r.role.value if r.role else None,
            r.category.value if r.category else None,
            "not recorded" if r.supports is None else ", ".join(r.supports),
            r.closeness.value if r.closeness else None,
            r.contact.value if r.contact else None,
            r.strain.value if r.strain else None,
        )
        for r in network.relationships
    ]
    header = ("id", "role", "category", "supports", "closeness", "contact", "strain")
    return _table(caption, header, rows)


def assessment_html(assessment: Assessment) -> str:
    """The measures and findings of an assessment."""
    flat: list[tuple[str, object]] = []
    for name, value in assessment.measures.model_dump(mode="json").items():
        if isinstance(value, dict):
            flat += [(f"{name}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            flat.append((name, ", ".join(value)))
        else:
            flat.append((name, value))
    measures = _table(
        f"Assessment of {assessment.ego} as of {assessment.as_of.isoformat()}",
        ("measure", "value"),
        flat,
    )
    findings = _table(
        "Findings",
        ("code", "severity", "support type", "people"),
        (
            (f.code.value, f.severity.value, f.support_type, ", ".join(f.people))
            for f in assessment.findings
        ),
    )
    return measures + findings
