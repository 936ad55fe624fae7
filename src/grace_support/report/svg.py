"""The egogram as inline SVG, drawn from the same layout as the matplotlib egogram.

Every text is escaped; the SVG has no scripts, no links and no external references.
"""

from __future__ import annotations

import math
from html import escape as _escape
from typing import TYPE_CHECKING

from grace_support import _egogram as eg
from grace_support.report.text import neutralise
from grace_support.vocabulary import Strain, SupportType

if TYPE_CHECKING:
    from datetime import date

    from grace_support.network import SupportNetwork
    from grace_support.settings import Settings

__all__ = ["egogram_svg"]

_COLOUR = {
    SupportType.EMOTIONAL: "#D55E00",
    SupportType.PRACTICAL: "#0072B2",
    SupportType.INFORMATIONAL: "#009E73",
    SupportType.PEER: "#CC79A7",
}
_GREY = "#777777"
_SKY = "#56B4E9"
_VERMILION = "#D55E00"


def _f(value: float) -> str:
    return f"{value:.1f}"


def _mark(support: SupportType, x: float, y: float, size: float) -> str:
    h = size / 2
    colour = _COLOUR[support]
    common = f'fill="{colour}" stroke="#000" stroke-width="0.4"'
    if support is SupportType.EMOTIONAL:
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(h)}" {common}/>'
    if support is SupportType.PRACTICAL:
        corner = f'x="{_f(x - h)}" y="{_f(y - h)}"'
        return f'<rect {corner} width="{_f(size)}" height="{_f(size)}" {common}/>'
    if support is SupportType.INFORMATIONAL:
        points = f"{_f(x)},{_f(y - h)} {_f(x + h)},{_f(y + h)} {_f(x - h)},{_f(y + h)}"
        return f'<polygon points="{points}" {common}/>'
    points = f"{_f(x)},{_f(y - h)} {_f(x + h)},{_f(y)} {_f(x)},{_f(y + h)} {_f(x - h)},{_f(y)}"
    return f'<polygon points="{points}" {common}/>'


def escape(text: str) -> str:
    """Escape text for SVG, control characters and bidi overrides made U+FFFD first."""
    return _escape(neutralise(text))


def egogram_svg(
    network: SupportNetwork,
    *,
    labels: eg.Labels = "id",
    title: str | None = None,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> str:
    """The egogram of a network as an inline ``<svg>`` element.

    Args:
        network: The network.
        labels: Label people by ``"id"`` (default), ``"name"``, their number in the
            network (``"number"``), or not at all.
        title: The drawing's title (by default "Support network", or "Support
            network of" the ego's name with ``labels="name"``; never an id).
        as_of: The day judged on: people not in touch on it get a dashed line
            (``collected_on``, else today, by default).
        settings: Where ``dormant_after_days`` comes from; the defaults when omitted.

    Version changed:
        0.2.0: ``labels="number"`` and ``title=``; the title never shows an id;
        ``as_of`` and ``settings`` (the dashed line means not in touch on that day).

    Returns:
        The SVG markup (``role="img"`` with a title and a description).

    Examples:
        >>> from grace_support.demo import example_network
        >>> svg = egogram_svg(example_network())
        >>> svg.startswith("<svg"), "Ana" in svg, ">ana<" in svg
        (True, False, True)
    """
    geo = eg.layout(network, labels=labels, title=title, as_of=as_of, settings=settings)
    height = geo.height

    def y(value: float) -> float:
        return height - value

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(geo.width)} {_f(height)}" '
        f'width="{_f(geo.width)}" height="{_f(height)}" role="img" aria-labelledby="egogram-title '
        'egogram-desc" font-family="DejaVu Sans, Verdana, Arial, sans-serif">',
        f'<title id="egogram-title">{escape(geo.title)}</title>',
        f'<desc id="egogram-desc">{len(geo.items)} people around the centre, by circle of '
        "closeness and kind of relationship.</desc>",
        f'<text x="{_f(geo.width / 2)}" y="{_f(eg.TITLE_BAND * 0.7)}" text-anchor="middle" '
        f'font-size="{_f(eg.TITLE_SIZE)}" fill="#000">{escape(geo.title)}</text>',
    ]
    for name, radius in geo.rings:
        dash = ' stroke-dasharray="4 3"' if name == eg.NOT_RECORDED else ""
        out.append(
            f'<circle cx="{_f(geo.cx)}" cy="{_f(y(geo.cy))}" r="{_f(radius)}" fill="none" '
            f'stroke="#999999" stroke-width="0.8"{dash}/>'
        )
    outer = geo.rings[-1][1]
    for angle in geo.spokes:
        x2, y2 = geo.cx + outer * math.cos(angle), geo.cy + outer * math.sin(angle)
        out.append(
            f'<line x1="{_f(geo.cx)}" y1="{_f(y(geo.cy))}" x2="{_f(x2)}" y2="{_f(y(y2))}" '
            'stroke="#999999" stroke-width="0.5" stroke-dasharray="1 2"/>'
        )
    out.extend(
        f'<text x="{_f(label.x)}" y="{_f(y(label.y) + eg.SECTOR_SIZE * 0.35)}" '
        f'text-anchor="middle" font-size="{_f(eg.SECTOR_SIZE)}" fill="#333333">'
        f"{escape(label.text)}</text>"
        for label in geo.sector_labels
    )
    where = {i.person: (i.x, i.y) for i in geo.items}
    for a, b in geo.ties:
        (xa, ya), (xb, yb) = where[a], where[b]
        out.append(
            f'<line x1="{_f(xa)}" y1="{_f(y(ya))}" x2="{_f(xb)}" y2="{_f(y(yb))}" '
            f'stroke="{_SKY}" stroke-width="1.6"/>'
        )
    for item in geo.items:
        colour, width, dash = _GREY, 0.9, ' stroke-dasharray="5 3"' if item.dormant else ""
        if item.strain is Strain.HIGH:
            colour, width = _VERMILION, 2.6
        elif item.strain is Strain.SOME:
            colour, width, dash = _VERMILION, 1.2, ' stroke-dasharray="1 2"'
        out.append(
            f'<line x1="{_f(geo.cx)}" y1="{_f(y(geo.cy))}" x2="{_f(item.x)}" y2="{_f(y(item.y))}" '
            f'stroke="{colour}" stroke-width="{width}"{dash}/>'
        )
    for item in geo.items:
        out.append(
            f'<circle cx="{_f(item.x)}" cy="{_f(y(item.y))}" r="{_f(eg.NODE / 2)}" '
            'fill="#DDDDDD" stroke="#333333" stroke-width="0.8"/>'
        )
        for support in item.supports:
            dx, dy = eg.MARK_DIRECTIONS[support]
            out.append(
                _mark(
                    support,
                    item.x + dx * eg.MARK_OFFSET,
                    y(item.y + dy * eg.MARK_OFFSET),
                    eg.MARK,
                )
            )
        if item.label:
            top = y(item.y - eg.MARK_OFFSET - eg.MARK / 2 - 1)
            out.append(
                f'<text x="{_f(item.x)}" y="{_f(top + eg.LABEL_SIZE)}" text-anchor="middle" '
                f'font-size="{_f(eg.LABEL_SIZE)}" fill="#000">{escape(item.label)}</text>'
            )
    out.append(
        f'<text x="{_f(geo.cx)}" y="{_f(y(geo.cy) + 7)}" text-anchor="middle" font-size="20" '
        'fill="#000">&#9733;</text>'
    )
    out.extend(_legend(geo))
    out.append("</svg>")
    return "\n".join(out)


def _legend(geo: eg.Geometry) -> list[str]:
    columns = geo.legend_columns
    column_w = (geo.width - 2 * eg.MARGIN) / columns
    out = []
    for n, entry in enumerate(eg.LEGEND_ENTRIES):
        row, col = divmod(n, columns)
        x = eg.MARGIN + col * column_w
        yy = geo.height - (geo.legend_top - row * eg.LEGEND_SIZE * 2.0) + eg.LEGEND_SIZE
        if n < len(SupportType):
            out.append(_mark(list(SupportType)[n], x + 10, yy - 3, 7))
        else:
            style = {
                "not in touch": (_GREY, 1.2, ' stroke-dasharray="5 3"'),
                "high strain": (_VERMILION, 2.6, ""),
                "some strain": (_VERMILION, 1.2, ' stroke-dasharray="1 2"'),
                "know each other": (_SKY, 1.6, ""),
            }[entry]
            out.append(
                f'<line x1="{_f(x)}" y1="{_f(yy - 3)}" x2="{_f(x + 22)}" y2="{_f(yy - 3)}" '
                f'stroke="{style[0]}" stroke-width="{style[1]}"{style[2]}/>'
            )
        out.append(
            f'<text x="{_f(x + 28)}" y="{_f(yy)}" font-size="{_f(eg.LEGEND_SIZE)}" '
            f'fill="#000">{escape(entry)}</text>'
        )
    return out
