"""``compare BEFORE AFTER``: how one person's network changed between two interviews.

``--match FILE`` is a JSON object from before-ids to after-ids, for people the
interviewer gave a new id: ``{"ana-1": "ana"}``. ``--format json`` prints
``NetworkChange.model_dump(mode="json")``; the text (the default) names no one
unless ``--names`` is given, and ends with the crisis line. Each network is judged
on its own ``collected_on`` day, or on the two days of ``--as-of BEFORE AFTER``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from grace_support._input import DEFAULT_MAX_BYTES
from grace_support.cli._common import UsageError, add_command, add_max_bytes, add_names, day
from grace_support.errors import AsOfError

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from grace_support.cli._common import Commands
    from grace_support.network import SupportNetwork

__all__ = ["read_match", "register"]


def register(commands: Commands) -> None:
    """Add ``compare``."""
    compare = add_command(
        commands,
        "compare",
        _compare,
        help="show how a network changed between two interviews",
        description=(
            "Compare two network documents of the same person: who joined, who left, "
            "who moved closer or further out, and which findings eased or are new."
        ),
    )
    compare.add_argument("before", metavar="BEFORE", help="the earlier network document (JSON)")
    compare.add_argument("after", metavar="AFTER", help="the later network document (JSON)")
    compare.add_argument(
        "--match",
        metavar="FILE",
        default=None,
        help='a JSON object of before-id to after-id, e.g. {"ana-1": "ana"}',
    )
    compare.add_argument("--format", choices=["text", "json"], default="text")
    compare.add_argument(
        "--as-of",
        type=day,
        nargs=2,
        default=None,
        metavar=("BEFORE_DAY", "AFTER_DAY"),
        help="the day to judge each network on (default: each one's collected_on, else today)",
    )
    add_names(compare, help_text="name the people who joined, left or moved (text)")
    add_max_bytes(compare)


def read_match(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, str]:
    """Read a match file: a JSON object whose keys and values are person ids.

    Raises:
        InputError: The file cannot be read.
        DocumentError: It is not a JSON object of strings (the problem names the
            entry by position, never by its id).
    """
    from grace_support._input import loads_json, read_bytes, source_name  # noqa: PLC0415
    from grace_support.errors import DocumentError, Problem  # noqa: PLC0415

    name = source_name(path)
    data: Any = loads_json(read_bytes(path, max_bytes=max_bytes), source=name)
    if not isinstance(data, dict):
        raise DocumentError(
            [Problem("(document)", "must be a JSON object of before-id to after-id")],
            source=name,
        )
    for number, value in enumerate(data.values()):
        if not isinstance(value, str) or isinstance(value, bool):
            raise DocumentError(
                [Problem(f"entry {number}", "must map an id to an id (a string)")], source=name
            )
    return data


def _as_of_message(error: AsOfError, before: SupportNetwork, before_day: date) -> str:
    """Which day of ``--as-of`` is too early, and the fields it conflicts with (no dates).

    Examples:
        >>> from grace_support import Problem, network_from_data
        >>> net = network_from_data({"ego": {"id": "e"}, "people": [], "relationships": [],
        ...                          "collected_on": "2026-05-01"})
        >>> from datetime import date
        >>> error = AsOfError([Problem("collected_on", "is later than as_of")])
        >>> print(_as_of_message(error, net, date(2026, 1, 1)))  # doctest: +NORMALIZE_WHITESPACE
        --as-of: BEFORE_DAY (the first day) is earlier than a day recorded in BEFORE
        (collected_on); give a later day
    """
    from grace_support.assessment import assess  # noqa: PLC0415

    try:
        assess(before, as_of=before_day)
    except AsOfError:
        wave, position, document = "BEFORE_DAY", "first", "BEFORE"
    else:
        wave, position, document = "AFTER_DAY", "second", "AFTER"
    fields = ", ".join(dict.fromkeys(p.location for p in error.problems))
    return (
        f"--as-of: {wave} (the {position} day) is earlier than a day recorded in "
        f"{document} ({fields}); give a later day"
    )


def _compare(args: argparse.Namespace) -> str:
    from grace_support.change import compare  # noqa: PLC0415
    from grace_support.documents import read_network  # noqa: PLC0415
    from grace_support.errors import DocumentError, Problem  # noqa: PLC0415

    before = read_network(args.before, max_bytes=args.max_bytes)
    after = read_network(args.after, max_bytes=args.max_bytes)
    match = read_match(args.match, max_bytes=args.max_bytes) if args.match is not None else None
    if before.ego.id != after.ego.id:
        raise DocumentError(
            [Problem("ego.id", "is not the ego of BEFORE; compare two networks of one person")],
            source="<stdin>" if args.after == "-" else args.after,
        )
    try:
        change = compare(before, after, match=match, as_of=args.as_of)
    except AsOfError as error:  # a usage error: name the wave and the fields, never the days
        raise UsageError(_as_of_message(error, before, args.as_of[0])) from None
    except ValueError as error:  # a match entry names no one, or two people map to one
        problem: Problem | None = Problem("(document)", str(error))  # compare's messages name no id
    else:
        problem = None
    if problem is not None:
        raise DocumentError([problem], source=args.match)
    if args.format == "json":
        return json.dumps(change.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return change.to_text(names=args.names)
