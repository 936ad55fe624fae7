"""The HTML report in a real browser: layout at phone and desktop widths, no requests, axe.

Needs Debian's ``chromium`` (``scripts/check.sh`` installs it) and Playwright's Python
package; skipped with a reason only when chromium is absent.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from grace_support import assess
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.documents import read_network
from grace_support.report import render_html
from tests.report_networks import generated, persnet_example

if TYPE_CHECKING:
    from collections.abc import Iterator

    from grace_support import SupportNetwork

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = Path(__file__).parents[1]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": 375, "desktop": 1280}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="the chromium browser is not installed"),
]


def _reports() -> list[tuple[str, SupportNetwork]]:
    cases = [("example_network", example_network())]
    cases += [
        (p.stem, read_network(p)) for p in sorted((ROOT / "examples/networks").glob("*.json"))
    ]
    cases.append(("persnet", persnet_example()))
    cases.append(("generated-40", generated(40, seed=40)))
    return cases


REPORTS = _reports()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


# the smallest text of the egogram as drawn: its font size times the drawing's scale
SMALLEST_TEXT = """() => {
  const svg = document.querySelector('figure svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')]
    .map(t => parseFloat(t.getAttribute('font-size')) * scale);
  return Math.min(...sizes);
}"""


@pytest.mark.parametrize("voice", ["client", "clinician"])
@pytest.mark.parametrize(("name", "network"), REPORTS, ids=[n for n, _ in REPORTS])
def test_report_in_browser(
    browser: Any, name: str, network: SupportNetwork, voice: str, tmp_path: Path
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page_html = render_html(assess(network, as_of=EXAMPLE_AS_OF), network, voice=voice)  # type: ignore[arg-type]
    for width_name, width in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        requests: list[str] = []

        def record(request: Any, seen: list[str] = requests) -> None:
            seen.append(request.url)

        page.on("request", record)
        page.set_content(page_html, wait_until="load")
        overflow = page.evaluate(
            """() => {
              const width = document.documentElement.clientWidth;
              return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .map(e => e.tagName);
            }"""
        )
        assert overflow == [], f"{width_name}: elements overflow the page"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        shot = tmp_path / f"{name}-{width_name}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
        if width_name == "desktop":
            assert page.evaluate(SMALLEST_TEXT) >= 11, "egogram text under 11 px"
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 688, "height": 900})  # A4 less the margins
            assert page.evaluate(SMALLEST_TEXT) >= 11, "egogram text under 11 px in print"
            page.emulate_media(media="screen")
            page.set_viewport_size({"width": width, "height": 900})
        wanted = voice == "client" or name == "example_network"
        if os.environ.get("UPDATE_SCREENSHOTS") and width_name == "desktop" and wanted:
            suffix = "" if voice == "client" else "-clinician"
            shutil.copy(shot, ROOT / f"docs/img/report-{name}{suffix}.png")
        results = Axe().run(
            page,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
            },
        )
        assert results.violations_count == 0, results.generate_report()
        assert not requests, "the report made network requests"
        page.close()
