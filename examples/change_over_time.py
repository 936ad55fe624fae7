"""Change over time: three interviews of the example network, compared and drawn.

Run: python examples/change_over_time.py [FOLDER]   (PNG files go to FOLDER, a temporary
one by default). The plots need the plot extra: pip install 'grace-support[plot]'.

Maria is interviewed on 2026-11-25 (the bundled example), then twice more, three
months apart. The script prints what changed between the first two interviews, as
a clinician would read it with her, and draws the timeline and convoy plots of the
docs page "Change over time".
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from grace_support import (
    Closeness,
    Contact,
    Person,
    Relationship,
    Role,
    SupportNetwork,
    SupportType,
)
from grace_support.change import Timeline, carry_forward, compare
from grace_support.demo import example_network


def updated(network: SupportNetwork, person: str, **fields: Any) -> SupportNetwork:
    """The network with some fields of one relationship changed (validated)."""
    data = network.model_dump()
    for relationship in data["relationships"]:
        if relationship["person"] == person:
            relationship.update(fields)
    return SupportNetwork.model_validate(data)


def waves() -> tuple[SupportNetwork, SupportNetwork, SupportNetwork]:
    """Maria's three interviews."""
    first = example_network()
    if first.collected_on is None:
        first = carry_forward(first, collected_on="2026-11-25")

    # February: she reconnected with Sam, set boundaries with Rosa, joined a peer group.
    second = carry_forward(first, collected_on="2027-02-24")
    second = updated(second, "sam", contact="weekly", last_contact="2027-02-10")
    second = updated(second, "rosa", strain="some")
    second = updated(second, "ana", last_contact="2027-02-20")
    second = updated(second, "dr-lee", last_contact="2027-02-18")
    second = second.with_person(
        Person(id="kim", name="Kim"),
        Relationship(
            person="kim",
            role=Role.PEER,
            supports=(SupportType.EMOTIONAL, SupportType.PEER),
            closeness=Closeness.MIDDLE,
            contact=Contact.WEEKLY,
            last_contact=date(2027, 2, 20),
        ),
    ).with_tie("kim", "sam")

    # May: Jamie is no longer named, Carlos drifted, Kim is close, a neighbour helps.
    third = carry_forward(second, collected_on="2027-05-26").without_person("jamie")
    third = updated(third, "carlos", closeness="middle", contact="rarely")
    third = updated(third, "kim", closeness="inner", last_contact="2027-05-22")
    third = updated(third, "ana", last_contact="2027-05-20")
    third = updated(third, "dr-lee", last_contact="2027-05-19")
    third = updated(third, "sam", last_contact="2027-05-01")
    third = third.with_person(
        Person(id="lee", name="Lee"),
        Relationship(
            person="lee",
            role=Role.NEIGHBOR,
            supports=(SupportType.PRACTICAL,),
            closeness=Closeness.OUTER,
            contact=Contact.WEEKLY,
        ),
    )
    return first, second, third


def main(folder: Path) -> None:
    """Print the first change and write the two plots to `folder`."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    from grace_support.plot import convoy, timeline  # noqa: PLC0415

    first, second, third = waves()
    print(compare(first, second).to_text())
    history = Timeline([third, first, second])
    folder.mkdir(parents=True, exist_ok=True)
    timeline(history).savefig(folder / "change-timeline.png", dpi=80, bbox_inches="tight")
    figure, ax = plt.subplots(figsize=(6.5, 4.2))
    convoy(history, ax=ax)
    figure.savefig(folder / "change-convoy.png", dpi=80, bbox_inches="tight")
    print(f"\nWrote change-timeline.png and change-convoy.png to {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
