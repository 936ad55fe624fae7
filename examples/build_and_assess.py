"""Build a support network in code, assess it, and print the report.

Run: python examples/build_and_assess.py
"""

from __future__ import annotations

from grace_support import (
    Closeness,
    Contact,
    Person,
    Relationship,
    Role,
    SupportNetwork,
    SupportType,
    assess,
)
from grace_support.report import render_report

network = SupportNetwork.build(
    Person(id="lee", name="Lee"),
    [
        (
            Person(id="jo", name="Jo"),
            Relationship(
                person="jo",
                role=Role.SIBLING,
                closeness=Closeness.INNER,
                supports=(SupportType.EMOTIONAL, SupportType.PRACTICAL),
                contact=Contact.WEEKLY,
            ),
        ),
        (
            Person(id="group", name="Tuesday group"),
            Relationship(
                person="group",
                role=Role.PEER,
                closeness=Closeness.MIDDLE,
                supports=(SupportType.PEER,),
            ),
        ),
    ],
)

# Networks are frozen: each change returns a new, validated network.
network = network.with_person(
    Person(id="dr-ray", name="Dr. Ray"),
    Relationship(
        person="dr-ray",
        role=Role.THERAPIST,
        closeness=Closeness.MIDDLE,
        supports=(SupportType.INFORMATIONAL, SupportType.EMOTIONAL),
        contact=Contact.WEEKLY,
    ),
).with_tie("jo", "dr-ray")

result = assess(network, as_of="2026-11-25")
print(render_report(result, network))
print()
print("As JSON for another app:")
print(result.model_dump_json(indent=2)[:400], "...")
