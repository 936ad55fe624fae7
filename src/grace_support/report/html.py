"""The HTML report: one self-contained page a clinician can share on screen or print.

A small builder rather than a template engine: the page is one fixed structure, so
a dependency (and an optional extra) would buy little, and every piece of text from
a document or the catalogue passes through `html.escape` in one
place, `_e`. The page has inline styles (with a print stylesheet), the egogram as
inline SVG, no scripts and no external requests.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from grace_support.report._facts import report_facts
from grace_support.report._help import find_help
from grace_support.report._words import Words
from grace_support.report.svg import egogram_svg
from grace_support.report.text import neutralise

if TYPE_CHECKING:
    from collections.abc import Callable

    from grace_support.assessment import Assessment
    from grace_support.content.catalog import Catalog
    from grace_support.network import SupportNetwork
    from grace_support.report._facts import ReportFacts
    from grace_support.report._help import HelpEntry
    from grace_support.report._words import Voice

__all__ = ["DEFINITIONS", "DOCS_URL", "NOT_A_DIAGNOSIS", "render_html"]

DOCS_URL = "https://grace-health-services.github.io/grace-support/"
"""The project's documentation site; a report links to its measure pages under it."""

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
ol.key { columns: 14rem; padding-left: 2.4rem; margin: .5rem 0; }
ol.key li { break-inside: avoid; }
dl.terms dt { font-weight: 600; margin-top: .5rem; }
dl.terms dd { margin-left: 1rem; }
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
  dl.terms a[href^="http"]::after { content: ""; }
  h2 { break-after: avoid; }
  figure, tr, li, .crisis, .note { break-inside: avoid; }
  figure svg { max-height: 230mm; width: auto; max-width: 100%; }
}
"""

_MEASURE_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("size", "People named", "sizes", "everyone named in the network."),
    (
        "active_size",
        "People in touch",
        "sizes",
        "people named who are in touch: not lost touch, and last in touch no longer ago "
        "than the settings allow.",
    ),
    (
        "regular_contact_size",
        "In touch at least every two weeks",
        "sizes",
        "people in touch whose usual contact is daily, weekly or every two weeks.",
    ),
    ("inner_circle_size", "People in the inner circle", "sizes", "people placed closest."),
    (
        "support_types_covered",
        "Kinds of support covered (of those asked)",
        "support",
        "of the kinds of support the interview asked about, how many at least one person "
        "in touch gives.",
    ),
    (
        "support_evenness",
        "Evenness of support over the kinds asked",
        "support",
        "from 0 to 1: 1 when each kind asked is given by equally many people, lower when "
        "support leans on a few kinds (Pielou's evenness).",
    ),
    (
        "role_richness",
        "Kinds of relationship (of 5)",
        "roles",
        "of family, friend, peer, community and professional, how many are present.",
    ),
    (
        "role_iqv",
        "Variety of relationships (IQV)",
        "diversity",
        "from 0 to 1: 0 when everyone is in one kind of relationship, 1 when people are "
        "spread evenly over all five kinds.",
    ),
    (
        "top_provider_share",
        "Share of support from the busiest person",
        "concentration",
        "the part of all the support given that comes from the person who gives the most.",
    ),
    ("professional_count", "Professionals in touch", "roles", "professionals in touch."),
    (
        "strained_count",
        "Relationships with high strain",
        "composition",
        "relationships recorded as often draining or full of conflict.",
    ),
    (
        "density",
        "Share of people who know each other",
        "structure",
        "of all the pairs among the people whose ties to each other were asked about "
        "(everyone named, unless the interview asked about fewer), the share recorded as "
        "knowing each other.",
    ),
)
"""Each measure row: field, label, docs page, a short definition."""

_COUNTS_OF_RECORDED = frozenset(
    {
        "inner_circle_size", "role_richness", "professional_count",
        "regular_contact_size", "strained_count",
    }
)  # fmt: skip
"""Counts that are null only when nothing they rest on was recorded."""

DEFINITIONS: dict[str, str] = {name: definition for name, _, _, definition in _MEASURE_ROWS}
"""The short definition of each measure the page shows, by field name."""


def _e(text: object) -> str:
    """Escape any text for HTML (the one place text from a document enters the page).

    Control characters (NUL included) and bidirectional overrides and isolates
    (U+202A-U+202E, U+2066-U+2069) become U+FFFD first, as on a terminal: a name
    with U+202E could otherwise show its text reversed.
    """
    return escape(neutralise(str(text)), quote=True)


def _crisis_block(words: Words) -> str:
    line = _e(words.crisis_line())
    line = line.replace("988 (", '<a href="tel:988">988</a> (', 1)
    line = line.replace("call 911", 'call <a href="tel:911">911</a>', 1)
    return f'<p class="crisis" role="note">{line}</p>'


def _entry_html(entry: HelpEntry, words: Words) -> str:
    if not entry.reach:
        return f"<li>{_e(words.ask_care_team(entry.name))}"
    parts = []
    for way in entry.reach:
        text = _e(way.words)
        if way.href is not None:
            shown = _e(way.shown)
            link = f'<a href="{_e(way.href)}">{shown}</a>'
            whole = f'<a href="{_e(way.href)}">{text}</a>'
            text = text.replace(shown, link, 1) if shown in text else whole
        parts.append(text)
    ways = "; ".join(parts)
    return f"<li><strong>{_e(entry.name)}</strong>: {ways[:1].upper()}{ways[1:]}"


def render_html(  # noqa: PLR0912, PLR0915
    assessment: Assessment,
    network: SupportNetwork,
    *,
    voice: Voice = "client",
    names: bool = False,
    recommendations: bool = True,
    catalog: Catalog | None = None,
) -> str:
    """Render an assessment as one self-contained HTML page.

    The page has crisis help at the top and at the end, what is working, the
    findings with the article's advice, suggested resources with their phone numbers
    and links (unless ``recommendations=False``), the egogram with a numbered key,
    the measures with their short definitions, and the "not a diagnosis" statement.
    It has no scripts and makes no external requests; it prints on A4 and Letter.

    Args:
        assessment: The assessment of ``network``.
        network: The network that was assessed.
        voice: ``"client"`` speaks to the person ("you"); ``"clinician"`` speaks
            about them (by name when ``names=True``, else "the person").
        names: Show people's names; by default only their ids appear.
        recommendations: Whether to include the suggested resources.
        catalog: The app's own catalogue of resources and articles (its clinic's
            contact details); the bundled one when ``None``.

    Returns:
        The HTML document.

    Raises:
        ValueError: ``voice`` is neither ``"client"`` nor ``"clinician"``.

    Version changed:
        0.2.0: ``catalog=``; the clinician voice speaks about the person throughout;
        the egogram's people are numbered and listed under it; measure definitions
        are in the page.

    Examples:
        >>> from grace_support import assess
        >>> from grace_support.demo import EXAMPLE_AS_OF, example_network
        >>> network = example_network()
        >>> page = render_html(assess(network, as_of=EXAMPLE_AS_OF), network)
        >>> page.startswith("<!DOCTYPE html>"), "<script" in page, "Maria" in page
        (True, False, False)
    """
    words = Words(voice, network.ego.label if names and network.ego.name else None)

    def label(pid: str) -> str:
        return _e(network.person(pid).label if names else pid)

    def people(ids: tuple[str, ...]) -> str:
        return ", ".join(label(p) for p in ids)

    ms = assessment.measures
    title = words.title()
    body = [
        f"<header><h1>{_e(title)}</h1>",
        f"<p>As of {_e(assessment.as_of.isoformat())}</p>",
        _crisis_block(words),
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
        few = len(close_regular) == 1
        strengths.append(
            _e(
                words.fill(
                    "{count} close {noun} in touch with {whom} at least every two weeks: ",
                    count=len(close_regular),
                    noun="person is" if few else "people are",
                )
            )
            + f"{people(close_regular)}."
        )
    if facts.has_peer:
        strengths.append(
            _e(words.fill("{Whose} network includes someone with lived experience (a peer)."))
        )
    if facts.has_professional:
        strengths.append(_e(words.fill("A professional is part of {whose} network.")))
    if ms.active_size >= 3:
        strengths.append(
            _e(words.fill("{count} are in touch with {whom}.", count=words.people(ms.active_size)))
        )
    body.append("<section><h2>What is working</h2>")
    if strengths:
        body.append("<ul>" + "".join(f"<li>{s}</li>" for s in strengths) + "</ul>")
    else:
        body.append(
            "<p>"
            + _e(words.fill("{Who} {are} at the start of building a network, and every "
                            "connection counts."))
            + "</p>"
        )  # fmt: skip
    body.append("</section>")

    # findings
    body.append("<section><h2>What stands out</h2>")
    if assessment.findings:
        by_person = {r.person: r for r in network.relationships}
        body.append("<ol>")
        for finding in assessment.findings:
            about = f"<br>About: {people(finding.people)}" if finding.people else ""
            advice = "".join(f"<li>{_e(words.advice(a))}</li>" for a in finding.actions)
            said = words.finding(
                finding,
                network=network,
                settings=assessment.settings,
                active=ms.active_size,
                relationships=by_person,
            )
            body.append(
                f"<li><p>{_e(said)}{about}</p><p>What could help:</p><ul>{advice}</ul></li>"
            )
        body.append("</ol>")
    else:
        body.append("<p>Nothing stands out: support in this network looks well spread.</p>")
    body.append("</section>")

    if recommendations:
        body.extend(_resources_section(assessment, words, catalog))

    body.append("<section><h2>The network at a glance</h2>")
    body.extend(_people_html(facts, people))
    order = [r.person for r in network.relationships]
    key = "".join(f"<li>{label(pid)}</li>" for pid in order)
    body.append(
        "<figure>"
        + egogram_svg(
            network,
            labels="number",
            title=title,
            as_of=assessment.as_of,
            settings=assessment.settings,
        )
        + _e(
            words.fill(
                "{Who} {are} the star at the centre; circles show closeness, sectors the "
                "kind of relationship, small shapes the kinds of support each person gives "
                "(where it was recorded), "
                "and each number is a person in the list below."
            )
        ).join(("<figcaption>", "</figcaption>"))
        + (f'<ol class="key">{key}</ol>' if key else "")
        + "</figure></section>"
    )

    body.append("<section><h2>Measures</h2>")
    body.append(
        '<table><thead><tr><th scope="col">Measure</th><th scope="col">Value</th>'
        "</tr></thead><tbody>"
    )
    values = ms.model_dump()
    for name, text, _page, _definition in _MEASURE_ROWS:
        value = values[name]
        if value is None:
            shown = "not recorded" if name in _COUNTS_OF_RECORDED else "not defined"
        else:
            shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        body.append(f'<tr><th scope="row">{_e(text)}</th><td class="num">{_e(shown)}</td></tr>')
    body.append("</tbody></table>")
    body.append('<h3>What the measures mean</h3><dl class="terms">')
    for _name, text, page, definition in _MEASURE_ROWS:
        body.append(
            f"<dt>{_e(text)}</dt><dd>{_e(definition[:1].upper() + definition[1:])} "
            f'<a href="{DOCS_URL}measures/{page}/">Formula and references</a></dd>'
        )
    body.append(
        '</dl><p>"Not defined" means the measure needs more people or more answers than '
        "were recorded.</p></section>"
    )

    body.append(f'<p class="note">{_e(NOT_A_DIAGNOSIS)}</p>')
    body.append("</main><footer>")
    body.append(_crisis_block(words))
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


def _resources_section(assessment: Assessment, words: Words, catalog: Catalog | None) -> list[str]:
    found = find_help(assessment, catalog=catalog)
    out = ["<section><h2>Where to find help</h2>"]
    if found.resources:
        out.append("<ul>")
        out.extend(
            _entry_html(entry, words) + f"<br>May help with {_e(', '.join(entry.reasons))}.</li>"
            for entry in found.resources
        )
        out.append("</ul>")
    out.append("<p>Crisis help, any time:</p><ul>")
    for entry in found.crisis:
        also = f"<br>May also help with {_e(', '.join(entry.reasons))}." if entry.reasons else ""
        out.append(_entry_html(entry, words) + also + "</li>")
    out.append("</ul>")
    if found.articles:
        out.append("<p>To read:</p><ul>")
        for title, url in found.articles:
            if url:
                out.append(f'<li><a href="{_e(url)}">{_e(title)}</a></li>')
            else:
                out.append(f"<li>{_e(words.ask_for_article(title))}</li>")
        out.append("</ul>")
    out.append("</section>")
    return out
