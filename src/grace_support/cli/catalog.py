"""``catalog [articles|resources]``: the bundled articles and resources."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from grace_support.cli._common import UsageError, add_command

if TYPE_CHECKING:
    import argparse

    from grace_support.cli._common import Commands

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``catalog``."""
    catalog = add_command(
        commands, "catalog", _catalog, help="show the bundled articles or resources"
    )
    catalog.add_argument("what", nargs="?", choices=["articles", "resources"], default="resources")
    catalog.add_argument("--format", choices=["text", "json", "jsonld", "hsds"], default="text")


def _catalog(args: argparse.Namespace) -> str:
    from grace_support.content import default_catalog  # noqa: PLC0415

    what, output_format = args.what, args.format
    catalog = default_catalog()
    if what == "articles":
        if output_format == "hsds":
            raise UsageError("HSDS describes services, not articles: use --format json or jsonld")
        if output_format == "text":
            return "\n\n".join(a.to_text() for a in catalog.articles)
        items = [
            a.to_jsonld() if output_format == "jsonld" else a.model_dump(mode="json")
            for a in catalog.articles
        ]
        return json.dumps(items, indent=2, ensure_ascii=False)
    if output_format == "text":
        lines = []
        for r in catalog.resources:
            lines.append(f"{r.name} [{r.kind}]")
            lines.append(f"  {r.contact_line() or r.organization.name}")
            lines.append(
                f"  supports: {', '.join(r.supports) or '-'}; last verified {r.last_verified}"
            )
        return "\n".join(lines)
    resources = [
        r.to_jsonld()
        if output_format == "jsonld"
        else r.to_hsds()
        if output_format == "hsds"
        else r.model_dump(mode="json")
        for r in catalog.resources
    ]
    return json.dumps(resources, indent=2, ensure_ascii=False)
