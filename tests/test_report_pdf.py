"""The PDF report: every page inside its edges, and every word of the page in the PDF.

Needs WeasyPrint (the ``pdf`` extra) and poppler's ``pdftoppm`` and ``pdftotext``
(``scripts/check.sh`` installs poppler-utils); skipped with a reason when either is
absent. ``UPDATE_SCREENSHOTS=1`` copies the first page images to ``docs/img/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from grace_support import assess
from grace_support.demo import EXAMPLE_AS_OF, example_network
from grace_support.documents import read_network
from grace_support.errors import MissingExtraError
from grace_support.report import render_html, render_pdf
from tests.report_networks import generated, persnet_example

if TYPE_CHECKING:
    from grace_support import SupportNetwork

ROOT = Path(__file__).resolve().parents[1]
POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdfimages"))

pytestmark = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftoppm, pdftotext) is not installed"
)


def _cases() -> list[tuple[str, SupportNetwork]]:
    cases = [("example_network", example_network())]
    cases += [
        (p.stem, read_network(p)) for p in sorted((ROOT / "examples/networks").glob("*.json"))
    ]
    cases += [("persnet", persnet_example()), ("generated-40", generated(40, seed=40))]
    return cases


CASES = _cases()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "title", "desc")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "title", "desc")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _words(page: str) -> list[str]:
    parser = _Text()
    parser.feed(page)
    return " ".join(parser.parts).split()


def _pages(pdf: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "72", "-png", str(pdf), str(out / "page")], check=True)
    return sorted(out.glob("page-*.png"))


def _edges_blank(image: Path) -> bool:
    """Whether the outermost pixels of a page image are all white (nothing crosses an edge)."""
    from PIL import Image

    with Image.open(image) as opened:
        page = opened.convert("L")
        width, height = page.size
        band = 3
        strips = [
            page.crop((0, 0, width, band)),
            page.crop((0, height - band, width, height)),
            page.crop((0, 0, band, height)),
            page.crop((width - band, 0, width, height)),
        ]
        darkest = [strip.getextrema()[0] for strip in strips]
        return all(isinstance(d, int) and d >= 250 for d in darkest)


@pytest.mark.parametrize("voice", ["client", "clinician"])
@pytest.mark.parametrize(("name", "network"), CASES, ids=[n for n, _ in CASES])
def test_pdf_pages_stay_inside_their_edges_and_keep_every_word(
    name: str, network: SupportNetwork, voice: str, tmp_path: Path
) -> None:
    pytest.importorskip("weasyprint")
    result = assess(network, as_of=EXAMPLE_AS_OF)
    size = "Letter" if name == "generated-40" else "A4"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_pdf(result, network, voice=voice, page_size=size))  # type: ignore[arg-type]
    pages = _pages(pdf, tmp_path)
    assert pages
    for image in pages:
        assert _edges_blank(image), f"{image.name}: content crosses the page edge"
    if os.environ.get("UPDATE_SCREENSHOTS") and name == "example_network":
        shutil.copy(pages[0], ROOT / f"docs/img/report-pdf-{voice}-page1.png")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    joined = "".join(text.split())
    page = render_html(result, network, voice=voice)  # type: ignore[arg-type]
    missing = [word for word in _words(page) if word not in joined]
    assert not missing, f"clipped from the PDF: {missing[:10]}"


def test_the_egogram_is_vector_graphics(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    network = example_network()
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_pdf(assess(network, as_of=EXAMPLE_AS_OF), network))
    listed = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert listed[0].split()[:2] == ["page", "num"]
    assert len(listed) == 2  # the header and its rule: no raster image, the SVG is paths
    drawn = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "informational support" in drawn  # the egogram's legend, drawn as text


def test_page_size_is_checked() -> None:
    network = example_network()
    with pytest.raises(ValueError, match="page_size"):
        render_pdf(assess(network, as_of=EXAMPLE_AS_OF), network, page_size="A5")  # type: ignore[arg-type]


def test_without_weasyprint_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    network = example_network()
    with pytest.raises(MissingExtraError, match=r"grace-support\[pdf\]"):
        render_pdf(assess(network, as_of=EXAMPLE_AS_OF), network)
