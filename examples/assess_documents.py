"""Read every example document, assess it, and use the networkx view.

Run: python examples/assess_documents.py
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from grace_support import DocumentError, assess, parse_network, read_network

HERE = Path(__file__).parent

for path in sorted((HERE / "networks").glob("*.json")):
    network = read_network(path)
    result = assess(network, as_of="2026-11-25")
    measures = result.measures
    print(f"{path.name}: {measures.size} people, {measures.support_types_covered}/4 types covered")
    for finding in result.findings:
        print(f"  {finding.severity:<9} {finding.code:<20} {finding.people or ''}")

    # The graph view is a fresh networkx graph: any networkx algorithm applies.
    graph = network.to_networkx()
    alters = [n for n in graph if n != network.ego.id]
    groups = nx.number_connected_components(graph.subgraph(alters))
    print(f"  groups of people who know each other: {groups}")

# A bad document fails with every problem named by place, never by value.
try:
    parse_network('{"ego": {"id": "x"}, "people": [{"id": "a"}]}', source="upload")
except DocumentError as error:
    print(error)
