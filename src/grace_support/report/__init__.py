"""Reports of an assessment: plain text, one HTML page, and a PDF of that page.

All three take ``(assessment, network, *, voice="client", names=False,
recommendations=True, catalog=None)``.

Examples:
    >>> from grace_support import assess
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> text = render_report(assess(network, as_of="2026-11-25"), network)
    >>> text.splitlines()[0]
    'Your support network, as of 2026-11-25'
    >>> text.splitlines()[-1] == CRISIS_LINE
    True
    >>> result = assess(network, as_of="2026-11-25")
    >>> render_report(result, network, voice="clinician", names=True).splitlines()[0]
    'Support network of Maria, as of 2026-11-25'
"""

from grace_support.report.html import render_html
from grace_support.report.pdf import render_pdf
from grace_support.report.svg import egogram_svg
from grace_support.report.text import CRISIS_LINE, REASONS, out_of_touch, render_report

__all__ = [
    "CRISIS_LINE",
    "REASONS",
    "egogram_svg",
    "out_of_touch",
    "render_html",
    "render_pdf",
    "render_report",
]
