"""The HTML report: one self-contained page a clinician can share on screen or print.

A small builder rather than a template engine: the page is one fixed structure, so
a dependency (and an optional extra) would buy little, and every piece of text from
a document or the catalogue passes through `html.escape` in one
place, `_e`. The page has inline styles (with a print stylesheet), the egogram as
inline SVG, no scripts and no external requests.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Literal

from grace_support.content.resource import ChannelKind
from grace_support.report._facts import report_facts
from grace_support.report.svg import egogram_svg
from grace_support.report.text import REASONS

if TYPE_CHECKING:
    from collections.abc import Callable

    from grace_support.assessment import Assessment
    from grace_support.content.resource import Resource
    from grace_support.network import SupportNetwork
    from grace_support.report._facts import ReportFacts

__all__ = ["DOCS_URL", "NOT_A_DIAGNOSIS", "render_html"]

DOCS_URL = "https://grace-health-services.github.io/grace-support/measures/"
"""Where the definitions of the measures are published."""

NOT_A_DIAGNOSIS = (
    "This report describes a support network as it was entered on one day. It is not a "
    "diagnosis or a score of the person, and our measures are not clinically validated: it "
    "works best as a starting point for a conversation."
)
"""The statement every report carries."""

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  margin: 0 auto; max-width: 50rem; padding: 1rem; line-height: 1.5; color: #1a1a1a;
  background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin-top: 1.8rem; border-bottom: 2px solid #0072B2; }
.crisis { border: 2px solid #a33a00; background: #fff4ec; padding: .6rem .9rem;
  border-radius: .4rem; font-weight: 600; }
.crisis a { color: #7a2b00; }
a { color: #005a8c; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ccc;
  vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { background: #f3f6f9; padding: .6rem .9rem; border-radius: .4rem; }
li { margin: .2rem 0; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: #000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; }
  h2 { break-after: avoid; }
  figure, tr, li, .crisis, .note { break-inside: avoid; }
  figure svg { max-height: 230mm; width: auto; max-width: 100%; }
}
"""

_MEASURE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("size", "People named", "sizes"),
    ("active_size", "People in touch", "sizes"),
    ("regular_contact_size", "In touch at least every two weeks", "sizes"),
    ("inner_circle_size", "People in the inner circle", "sizes"),
    ("support_types_covered", "Kinds of support covered (of those asked)", "support"),
    ("support_evenness", "Evenness of support over the kinds asked", "support"),
    ("role_richness", "Kinds of relationship (of 5)", "roles"),
    ("role_iqv", "Variety of relationships (IQV)", "diversity"),
    ("top_provider_share", "Share of support from the busiest person", "concentration"),
    ("professional_count", "Professionals in touch", "roles"),
    ("strained_count", "Relationships with high strain", "composition"),
    ("density", "Share of people who know each other", "structure"),
)


def _e(text: object) -> str:
    """Escape any text for HTML (the one place text from a document enters the page)."""
    return escape(str(text), quote=True)


def _crisis_block() -> str:
    return (
        '<p class="crisis" role="note">If you are in crisis, call or text '
        '<a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline) or call '
        '<a href="tel:911">911</a>.</p>'
    )


def _contact_html(resource: Resource) -> str:
    parts = []
    for channel in resource.channels:
        value = _e(channel.value)
        if channel.kind is ChannelKind.PHONE:
            digits = "".join(c for c in channel.value if c.isdigit() or c == "+")
            link = f'Call <a href="tel:{_e(digits)}">{value}</a>'
        elif channel.kind is ChannelKind.SMS:
            link = f"Text {value}"
        elif channel.kind in (ChannelKind.CHAT, ChannelKind.WEB, ChannelKind.VIRTUAL):
            link = f'<a href="{value}">{value}</a>'
        else:
            link = f"In person: {value}"
        if channel.instructions:
            link += f" ({_e(channel.instructions)})"
        parts.append(link)
    if not parts and resource.url:
        parts.append(f'<a href="{_e(resource.url)}">{_e(resource.url)}</a>')
    return "; ".join(parts) or _e(resource.contact_line())


def render_html(  # noqa: PLR0912, PLR0915
    assessment: Assessment,
    network: SupportNetwork,
    *,
    voice: Literal["client", "clinician"] = "client",
    recommendations: bool = True,
    names: bool = False,
) -> str:
    """Render an assessment as one self-contained HTML page.

    The page has crisis help at the top and at the end, what is working, the
    findings with the article's advice, suggested resources with their phone numbers
    and links (unless ``recommendations=False``), the egogram, the measures with a
    link to their definitions, and the "not a diagnosis" statement. It has no
    scripts and makes no external requests; it prints on A4 and Letter.

    Args:
        assessment: The assessment of ``network``.
        network: The network that was assessed.
        voice: ``"client"`` speaks to the person ("you"); ``"clinician"`` speaks
            about them.
        recommendations: Whether to include the suggested resources.
        names: Show people's names; by default only their ids appear.

    Returns:
        The HTML document.

    Raises:
        ValueError: ``voice`` is neither ``"client"`` nor ``"clinician"``.

    Examples:
        >>> from grace_support import assess
        >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
        >>> network = example_network()
        >>> page = render_html(assess(network, as_of=EXAMPLE_AS_OF), network)
        >>> page.startswith("<!DOCTYPE html>"), "<script" in page, "Maria" in page
        (True, False, False)
    """
    if voice not in ("client", "clinician"):
        raise ValueError("voice must be 'client' or 'clinician'")
    client = voice == "client"
    ego = network.ego.label if names else network.ego.id

    def label(pid: str) -> str:
        return _e(network.person(pid).label if names else pid)

    def people(ids: tuple[str, ...]) -> str:
        return ", ".join(label(p) for p in ids)

    your = "your" if client else "their"
    ms = assessment.measures
    title = "Your support network" if client else f"Support network of {ego}"
    body = [
        f"<header><h1>{_e(title)}</h1>",
        f"<p>As of {_e(assessment.as_of.isoformat())}"
        + ("" if client else f" &middot; person {_e(ego)}")
        + "</p>",
        _crisis_block(),
        "</header><main>",
    ]

    # what is working: from the report's facts (no one with high strain, no one not in touch)
    facts = report_facts(assessment, network)
    strengths = []
    if facts.covered:
        asked = len(network.support_types_asked)
        of = "4 kinds of support are" if asked == 4 else f"the {asked} kinds asked about are"
        strengths.append(
            f"{_e(len(facts.covered))} of {_e(of)} covered: "
            + ", ".join(_e(t.value) for t in facts.covered)
            + "."
        )
    close_regular = facts.close_in_touch
    if close_regular:
        strengths.append(
            f"{'A close person is' if len(close_regular) == 1 else 'Close people are'}"
            f" in touch with {'you' if client else 'them'} at least every two weeks: "
            f"{people(close_regular)}."
        )
    if facts.has_peer:
        strengths.append(
            f"{your.capitalize()} network includes someone with lived experience (a peer)."
        )
    if facts.has_professional:
        strengths.append(f"A professional is part of {your} network.")
    if ms.active_size >= 3:
        strengths.append(
            f"{_e(ms.active_size)} people are in touch with {'you' if client else 'them'}."
        )
    body.append('<section aria-labelledby="strengths"><h2 id="strengths">What is working</h2>')
    if strengths:
        body.append("<ul>" + "".join(f"<li>{s}</li>" for s in strengths) + "</ul>")
    else:
        body.append(
            f"<p>{'You are' if client else 'They are'} at the start of building a network, "
            "and every connection counts.</p>"
        )
    body.append("</section>")

    # findings
    body.append('<section aria-labelledby="findings"><h2 id="findings">What stands out</h2>')
    if assessment.findings:
        body.append("<ol>")
        for finding in assessment.findings:
            about = f"<br>About: {people(finding.people)}" if finding.people else ""
            advice = "".join(f"<li>{_e(a.advice)}</li>" for a in finding.actions)
            body.append(
                f"<li><p>{_e(finding.message)}{about}</p>"
                f"<p>What could help{'' if client else ' (advice addressed to the person)'}:</p>"
                f"<ul>{advice}</ul></li>"
            )
        body.append("</ol>")
    else:
        body.append("<p>Nothing stands out: support in this network looks well spread.</p>")
    body.append("</section>")

    if recommendations:
        body.extend(_resources_section(assessment))

    picture = egogram_svg(
        network,
        labels="name" if names else "id",
        as_of=assessment.as_of,
        settings=assessment.settings,
    )
    body.append('<section aria-labelledby="picture"><h2 id="picture">The network at a glance</h2>')
    body.extend(_people_html(facts, people))
    body.append(
        f"<figure>{picture}"
        f"<figcaption>{'You are' if client else 'The person is'} the star at the centre; "
        "circles show closeness, sectors the kind of relationship, small shapes the kinds "
        "of support each person gives.</figcaption></figure></section>"
    )

    body.append('<section aria-labelledby="measures"><h2 id="measures">Measures</h2>')
    body.append(
        f'<p>What each measure means is explained in <a href="{DOCS_URL}">the definitions '
        "of the measures</a>.</p>"
    )
    body.append(
        '<table><thead><tr><th scope="col">Measure</th><th scope="col">Value</th>'
        "</tr></thead><tbody>"
    )
    values = ms.model_dump()
    for name, text, page in _MEASURE_ROWS:
        value = values[name]
        shown = (
            "not defined"
            if value is None
            else (f"{value:.2f}" if isinstance(value, float) else str(value))
        )
        body.append(
            f'<tr><th scope="row"><a href="{DOCS_URL}{page}/">{_e(text)}</a></th>'
            f'<td class="num">{_e(shown)}</td></tr>'
        )
    body.append("</tbody></table></section>")

    body.append(f'<p class="note">{_e(NOT_A_DIAGNOSIS)}</p>')
    body.append("</main><footer>")
    body.append(_crisis_block())
    body.append("</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        "<body>" + "\n".join(body) + "</body></html>\n"
    )


def _people_html(facts: ReportFacts, people: Callable[[tuple[str, ...]], str]) -> list[str]:
    """Who is in touch and who is not (the in-touch sets), and what was not recorded."""
    out = [
        f'<p data-facts="people">{_e(facts.named)} named: {_e(facts.in_touch_count)} in touch, '
        f"{_e(facts.not_in_touch_count)} not in touch.</p>"
    ]
    if facts.in_touch:
        out.append(f'<p data-facts="in-touch">In touch: {people(facts.in_touch)}.</p>')
    if facts.not_in_touch:
        parts = []
        for pid in facts.not_in_touch:
            why = "lost touch" if pid in facts.lost_touch else "not in touch for a while"
            parts.append(f"{people((pid,))} ({why})")
        out.append(f'<p data-facts="not-in-touch">Not in touch: {", ".join(parts)}.</p>')
    if facts.not_recorded:
        out.append('<p>Not asked or not recorded:</p><ul data-facts="not-recorded">')
        out.extend(f"<li>{_e(note.words)}</li>" for note in facts.not_recorded)
        out.append("</ul>")
    return out


def _resources_section(assessment: Assessment) -> list[str]:
    from grace_support.content.catalog import default_catalog  # noqa: PLC0415
    from grace_support.content.crisis import CRISIS_RESOURCES  # noqa: PLC0415
    from grace_support.recommendations import recommend  # noqa: PLC0415

    catalog = default_catalog()
    result = recommend(assessment, catalog)
    reasons: dict[str, list[str]] = {}
    for recommendation in result.recommendations:
        for ref in recommendation.resources:
            reasons.setdefault(ref.id, [])
            reason = REASONS[recommendation.code]
            if reason not in reasons[ref.id]:
                reasons[ref.id].append(reason)
    out = ['<section aria-labelledby="help"><h2 id="help">Where to find help</h2>']
    if reasons:
        out.append("<ul>")
        for resource_id, why in reasons.items():
            resource = catalog.resource(resource_id)
            out.append(
                f"<li><strong>{_e(resource.name)}</strong>: {_contact_html(resource)}"
                f"<br>May help with {_e(', '.join(why))}.</li>"
            )
        out.append("</ul>")
    out.append("<p>Crisis help, any time:</p><ul>")
    out.extend(
        f"<li><strong>{_e(r.name)}</strong>: {_contact_html(r)}</li>" for r in CRISIS_RESOURCES
    )
    out.append("</ul>")
    if result.articles:
        out.append("<p>To read: " + "; ".join(_e(a.title) for a in result.articles) + "</p>")
    out.append("</section>")
    return out
