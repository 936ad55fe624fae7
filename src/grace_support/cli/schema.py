"""``schema [NAME]``: the JSON Schema of a document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from grace_support.cli._common import add_command
from grace_support.schemas import SCHEMA_NAMES

if TYPE_CHECKING:
    import argparse

    from grace_support.cli._common import Commands

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``schema``."""
    schema = add_command(commands, "schema", _schema, help="print the JSON Schema of a document")
    schema.add_argument("name", nargs="?", choices=SCHEMA_NAMES, default="network")


def _schema(args: argparse.Namespace) -> str:
    from grace_support.schemas import dumps_schema  # noqa: PLC0415

    return dumps_schema(args.name)
