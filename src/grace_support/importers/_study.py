"""Study rows in, validated networks out: the part every table-shaped importer shares.

A reader turns its files into [`EgoRow`][], [`AlterRow`][] and [`TieRow`][] records,
each carrying where it came from (file, row, and which column each field was
read from). [`assemble`][] groups them by ego, reports everything that does not
fit (rows naming an ego or alter that does not exist, duplicate egos and alters,
ties left out), validates each network, and maps every validation problem back
to the file, row and column it came from. Nothing in here ever puts a value in a
message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from grace_support.documents import network_from_data
from grace_support.errors import DocumentError, Problem
from grace_support.network import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from grace_support.network import SupportNetwork

__all__ = ["AlterRow", "EgoRow", "Origin", "TieRow", "assemble"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: the file, its row, and each field's column."""

    source: str | None
    row: str
    columns: dict[str, str] = field(default_factory=dict)

    def at(self, field_name: str | None = None) -> str:
        """The location of the row, or of the column a field was read from.

        A field that no column holds (e.g. a required one that is missing) is
        named as a field: ``line 4, field role``.
        """
        if not field_name:
            return self.row
        column = self.columns.get(field_name)
        if column:
            return f"{self.row}, column {column}"
        return f"{self.row}, field {field_name.removeprefix('attributes.')}"

    def problem(self, message: str, field_name: str | None = None) -> Problem:
        """A problem at this row (and the field's column)."""
        return Problem(self.at(field_name), message, source=self.source)


@dataclass(slots=True)
class EgoRow:
    """One ego: id, and the document fields of the ego (name, attributes, needs)."""

    ego_id: str
    origin: Origin
    person: dict[str, Any] = field(default_factory=dict)
    needs: list[str] | None = None
    problems: list[Problem] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)
    """Fields of the whole document read from the ego's row (``collected_on``)."""
    ties_asked: set[str] | None = None
    """The alters whose ties to each other were asked about (``None``: every alter).
    Only those of this ego's alters count; when they are all of them, everyone was asked."""


@dataclass(slots=True)
class AlterRow:
    """One alter of one ego: the person and the relationship fields."""

    ego_id: str
    alter_id: str
    origin: Origin
    person: dict[str, Any] = field(default_factory=dict)
    relationship: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class TieRow:
    """One alter-alter tie of one ego, with its weight (``None``: unweighted)."""

    ego_id: str
    a: str
    b: str
    origin: Origin
    weight: float | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class _Network:
    ego: EgoRow
    alters: list[AlterRow] = field(default_factory=list)
    ties: list[TieRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dropped: list[Problem] = field(default_factory=list)


def assemble(
    egos: Iterable[EgoRow],
    alters: Iterable[AlterRow],
    ties: Iterable[TieRow],
    *,
    ego_table: str = "the egos file",
    dropped: Iterable[tuple[str, Problem]] = (),
    recorded: Mapping[str, Any] | None = None,
) -> tuple[list[SupportNetwork], list[Problem], list[Problem]]:
    """Group the rows by ego and validate each network.

    Args:
        egos: The ego records.
        alters: The alter records.
        ties: The alter-alter tie records.
        ego_table: How messages name the egos table.
        dropped: What the reader left out before assembling, with each ego's id
            (a wide layout's ``0`` cells): reported only for networks that are kept.
        recorded: Network fields that say what the study asked (the same for every
            network): ``support_types_asked``, ``gives_types_asked``, ``ties_asked``,
            ``generator``, ``max_names``.

    Every network is a version-3 document: a relationship field the rows do not
    give (supports, gives, strain) was not recorded.

    Returns:
        The valid networks (in the order of the egos), the problems (each network
        with a problem is left out; each problem once), and what was dropped from
        networks that were kept (self-loops, repeated ties). Nothing is both: a
        network with problems reports only its problems.
    """
    problems: list[Problem] = []
    left_out: list[Problem] = []
    networks: dict[str, _Network] = {}
    duplicated: set[str] = set()
    for ego in egos:
        if ego.ego_id in networks:
            duplicated.add(ego.ego_id)
            problem = ego.origin.problem("is a second row for the same ego", "id")
            networks[ego.ego_id].problems.append(problem)
            continue
        networks[ego.ego_id] = _Network(ego, problems=list(ego.problems))
    for alter in alters:
        network = networks.get(alter.ego_id)
        if network is None:
            problems.append(alter.origin.problem(f"names no ego in {ego_table}", "ego_id"))
            continue
        network.alters.append(alter)
        network.problems += alter.problems
    for tie in ties:
        network = networks.get(tie.ego_id)
        if network is None:
            problems.append(tie.origin.problem(f"names no ego in {ego_table}", "ego_id"))
            continue
        network.problems += tie.problems
        if not tie.problems:
            network.ties.append(tie)
    for ego_id, item in dropped:
        if ego_id in networks:
            networks[ego_id].dropped.append(item)
    valid: list[SupportNetwork] = []
    for network in networks.values():
        kept = _network(network, recorded or {})
        problems += network.problems
        if kept is not None and not network.problems:
            valid.append(kept)
            left_out += network.dropped
    return valid, list(dict.fromkeys(problems)), left_out


def _network(network: _Network, recorded: Mapping[str, Any]) -> SupportNetwork | None:
    seen: dict[str, AlterRow] = {}
    for alter in network.alters:
        if alter.alter_id in seen:
            network.problems.append(
                alter.origin.problem("repeats an alter id of the same ego", "alter_id")
            )
        seen.setdefault(alter.alter_id, alter)
    if network.ego.ego_id in seen:
        network.problems.append(
            seen[network.ego.ego_id].origin.problem("is the ego's own id", "alter_id")
        )
    ties: list[TieRow] = []
    pairs: set[tuple[str, str]] = set()
    dropped = network.dropped
    for tie in network.ties:
        unknown = [
            tie.origin.problem("names no alter of this ego", name)
            for end, name in ((tie.a, "source"), (tie.b, "target"))
            if end not in seen
        ]
        if unknown:  # one problem per place: a wide cell holds both ends
            network.problems += dict.fromkeys(unknown)
            continue
        if tie.a == tie.b:
            dropped.append(tie.origin.problem("a tie from an alter to itself is left out"))
            continue
        pair = (tie.a, tie.b) if tie.a < tie.b else (tie.b, tie.a)
        if pair in pairs:
            dropped.append(
                tie.origin.problem("repeats a tie between the same two alters; left out")
            )
            continue
        pairs.add(pair)
        ties.append(tie)
    if network.problems:
        return None
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "ego": {"id": network.ego.ego_id, **network.ego.person},
        "people": [{"id": a.alter_id, **a.person} for a in network.alters],
        "relationships": [{"person": a.alter_id, **a.relationship} for a in network.alters],
        "ties": [_tie(t) for t in ties],
    }
    if network.ego.needs is not None:
        document["needs"] = network.ego.needs
    document |= dict(recorded)
    asked = network.ego.ties_asked
    ids = [a.alter_id for a in network.alters]
    if asked is not None and not set(ids) <= asked:
        document["ties_asked"] = [i for i in ids if i in asked]
    document |= network.ego.document
    try:
        return network_from_data(document)
    except DocumentError as error:
        network.problems += [_locate(p, network, ties) for p in error.problems]
        return None


def _tie(tie: TieRow) -> Any:
    if (tie.weight is None or tie.weight == 1) and not tie.attributes:
        return [tie.a, tie.b]
    data: dict[str, Any] = {"between": [tie.a, tie.b]}
    if tie.weight is not None and tie.weight != 1:
        data["weight"] = tie.weight
    if tie.attributes:
        data["attributes"] = tie.attributes
    return data


_PATH = re.compile(
    r"^(ego|people|relationships|ties|needs|schema_version|collected_on|ties_asked)"
    r"(?:\[(\d+)\])?\.?(.*)$"
)


def _locate(problem: Problem, network: _Network, ties: list[TieRow]) -> Problem:
    """Map a validation problem (a document path) to the file, row and column."""
    match = _PATH.match(problem.location)
    if match is None:
        return network.ego.origin.problem(problem.message)
    part, index, rest = match.group(1), match.group(2), match.group(3)
    if part in ("ego", "needs", "schema_version", "collected_on", "ties_asked"):
        origin = network.ego.origin
        rest = part if part in ("needs", "collected_on") else rest
    elif part == "ties":
        origin = ties[int(index)].origin if index is not None else network.ego.origin
        rest = rest or "between"
    else:
        alters = network.alters
        origin = alters[int(index)].origin if index is not None else network.ego.origin
    return origin.problem(problem.message, _field(rest))


def _field(rest: str) -> str:
    """The field a path below a record names: ``attributes.age.years`` -> ``age.years``."""
    rest = rest.removesuffix(" (the name)")
    if rest.startswith("attributes."):
        return "attributes." + rest.removeprefix("attributes.")
    return re.split(r"[.\[]", rest, maxsplit=1)[0]
