"""What another Grace app does with the content models, end to end.

Load the bundled catalogue, render the article safely, publish its JSON-LD, export
the resources to Open Referral HSDS, and turn an assessment into recommendations.
Needs the html extra for the HTML step: pip install 'grace-support[html]'.

Run: python examples/content_for_apps.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from grace_support import assess, recommend
from grace_support.content import Resource, default_catalog
from grace_support.demo import example_network

catalog = default_catalog()
article = catalog.articles[0]

# 1. A safe HTML page with the article's JSON-LD for search engines.
ld = json.dumps(article.to_jsonld(), ensure_ascii=False).replace("</", "<\\/")
page = f'<script type="application/ld+json">{ld}</script>\n{article.to_html()}'
out = Path(tempfile.mkdtemp()) / "article.html"
out.write_text(page, encoding="utf-8")
print(f"Wrote {out} ({len(page)} characters)")

# 2. Every resource as an HSDS 3.0 service, for a 211-style directory; and back.
services = [resource.to_hsds() for resource in catalog.resources]
assert [Resource.from_hsds(s) for s in services] == list(catalog.resources)
print(f"Exported {len(services)} HSDS services; first: {services[0]['name']}")

# 3. Recommendations for a person's network.
result = recommend(assess(example_network(), as_of="2026-11-25"), catalog)
for item in result.recommendations:
    names = ", ".join(r.name for r in item.resources) or "advice only"
    print(f"- {item.code}: {names}")
print("Always available:", "; ".join(f"{r.name}: {r.contact}" for r in result.crisis[:2]))
