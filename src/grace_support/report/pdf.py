"""The PDF report: the HTML page, laid out on A4 or Letter paper by WeasyPrint.

Needs the ``pdf`` extra (``pip install 'grace-support[pdf]'``), which installs
WeasyPrint; WeasyPrint needs the Pango libraries of the system (Debian:
``libpango-1.0-0 libpangoft2-1.0-0``). The egogram stays vector graphics (inline
SVG), and nothing is fetched: WeasyPrint is given a fetcher that refuses every URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NoReturn

from grace_support._extras import require
from grace_support.report.html import render_html

if TYPE_CHECKING:
    from grace_support.assessment import Assessment
    from grace_support.content.catalog import Catalog
    from grace_support.network import SupportNetwork
    from grace_support.report._words import Voice

__all__ = ["PAGE_SIZES", "render_pdf"]

PAGE_SIZES = ("A4", "Letter")
"""The paper sizes a PDF report can be laid out on."""

_PAGE_CSS = (
    "<style>@page {{ size: {size}; margin: 14mm; }} "
    "body {{ max-width: none; padding: 0; font-size: 11pt; }} "
    "figure svg {{ max-width: 100%; height: auto; max-height: 230mm; }}</style></head>"
)


def _refuse(url: str, *args: object, **kwargs: object) -> NoReturn:
    raise ValueError("a report fetches nothing")


def render_pdf(
    assessment: Assessment,
    network: SupportNetwork,
    *,
    voice: Voice = "client",
    names: bool = False,
    recommendations: bool = True,
    catalog: Catalog | None = None,
    page_size: Literal["A4", "Letter"] = "A4",
) -> bytes:
    """Render an assessment as a PDF: the HTML report (`render_html`) on paper.

    Args:
        assessment: The assessment of ``network``.
        network: The network that was assessed.
        voice: ``"client"`` or ``"clinician"`` (see `render_html`).
        names: Show people's names; by default only their ids appear.
        recommendations: Whether to include the suggested resources.
        catalog: The app's own catalogue (the bundled one when ``None``).
        page_size: ``"A4"`` (default) or ``"Letter"`` (either spelling case).

    Returns:
        The PDF document.

    Raises:
        ValueError: An unknown ``voice`` or ``page_size``.
        MissingExtraError: WeasyPrint (``grace-support[pdf]``) is not installed.

    Version added:
        0.2.0
    """
    size = next((s for s in PAGE_SIZES if s.casefold() == str(page_size).casefold()), None)
    if size is None:
        raise ValueError("page_size must be 'A4' or 'Letter'")
    page = render_html(
        assessment,
        network,
        voice=voice,
        names=names,
        recommendations=recommendations,
        catalog=catalog,
    )
    weasyprint = require("weasyprint", extra="pdf", feature="PDF reports")
    page = page.replace("</head>", _PAGE_CSS.format(size=size), 1)
    document = weasyprint.HTML(string=page, url_fetcher=_refuse)
    pdf: bytes = document.write_pdf()
    return pdf
