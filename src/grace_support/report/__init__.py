"""Reports of an assessment: plain text (`render_report`) and one HTML page (`render_html`).

Examples:
    >>> from grace_support import assess
    >>> from grace_support.demo import example_network
    >>> network = example_network()
    >>> text = render_report(network, assess(network, as_of="2026-11-25"))
    >>> text.splitlines()[0]
    'Support network of Maria, as of 2026-11-25'
    >>> text.splitlines()[-1] == CRISIS_LINE
    True
"""

from grace_support.report.html import render_html
from grace_support.report.svg import egogram_svg
from grace_support.report.text import CRISIS_LINE, REASONS, out_of_touch, render_report

__all__ = [
    "CRISIS_LINE",
    "REASONS",
    "egogram_svg",
    "out_of_touch",
    "render_html",
    "render_report",
]
