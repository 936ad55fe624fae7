"""The words of the text report (issue 13): advice that fits, contact that is current,
days that are in order, and lines that wrap."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from grace_support import FindingCode, SupportType, assess
from grace_support.change import compare
from grace_support.cli import main
from grace_support.errors import AsOfError, DocumentError
from grace_support.report import render_html, render_report
from grace_support.report.html import DOCS_URL
from grace_support.vocabulary import ActionId
from tests.helpers import net, rel

AS_OF = "2026-11-25"
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "networks"
PROFESSIONAL_ADVICE = ActionId.ADD_PROFESSIONAL_CARE.advice


def _section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start)
    return lines[start:end]


def test_no_professional_care_advice_when_a_professional_is_in_the_network() -> None:
    # The therapist is the only one giving informational support: single-provider,
    # whose generic advice includes "add professional care". A professional already fills it.
    network = net(
        rel("a", role="friend", supports=["emotional", "practical", "peer"]),
        rel("b", role="sibling", supports=["emotional", "practical", "peer"]),
        rel("t", role="therapist", supports=["informational"]),
    )
    result = assess(network, as_of=AS_OF)
    (gap,) = [f for f in result.findings if f.support_type is SupportType.INFORMATIONAL]
    assert gap.code is FindingCode.SINGLE_PROVIDER
    assert gap.actions == (ActionId.SHARE_NEEDS,)  # the advice itself, so every output agrees
    assert PROFESSIONAL_ADVICE not in " ".join(render_report(result, network).split())
    assert PROFESSIONAL_ADVICE not in render_html(result, network)


def test_professional_care_advice_kept_without_a_professional() -> None:
    network = net(
        rel("a", role="friend", supports=["emotional", "practical", "peer"]),
        rel("b", role="sibling", supports=["emotional", "practical", "peer"]),
    )
    result = assess(network, as_of=AS_OF)
    (gap,) = [f for f in result.findings if f.support_type is SupportType.INFORMATIONAL]
    assert gap.actions == (ActionId.SHARE_NEEDS, ActionId.ADD_PROFESSIONAL_CARE)
    assert PROFESSIONAL_ADVICE in " ".join(render_report(result, network).split())


def test_the_account_of_change_follows_the_same_advice() -> None:
    before = net(
        rel("a", role="friend", supports=["emotional", "practical", "peer"]),
        rel("p", role="coworker", supports=["informational"]),
        rel("t", role="therapist", supports=["emotional"]),
    )
    after = before.without_person("p")
    change = compare(before, after, as_of=(AS_OF, AS_OF))
    assert change.support_types_lost == (SupportType.INFORMATIONAL,)
    assert PROFESSIONAL_ADVICE not in " ".join(change.to_text().split())


def test_a_person_called_out_of_touch_is_not_listed_as_in_touch() -> None:
    network = net(
        rel(
            "a",
            role="friend",
            supports=["emotional"],
            closeness="inner",
            contact="weekly",
            last_contact="2026-01-02",
        ),
        rel("b", role="sibling", supports=["emotional", "practical", "peer", "informational"]),
        rel("t", role="therapist", supports=["informational"]),
    )
    result = assess(network, as_of=AS_OF)
    assert any(f.code.value == "dormant-tie" and f.people == ("a",) for f in result.findings)
    rows = _section(render_report(result, network), "Support by type (4 of 4 kinds covered)")
    emotional = next(line for line in rows if line.strip().startswith("Emotional"))
    assert emotional.split()[1:] == ["b", "(not", "in", "touch:", "a)"]
    glance = _section(render_report(result, network), "At a glance")
    # one rule (in_touch): a's last contact is too old, so a is not in touch, counted once
    assert glance[0].split() == ["People", "3", "named:", "2", "in", "touch,", "1", "not", "in",
                                 "touch"]  # fmt: skip
    assert glance[1].split() == ["In", "touch", "b,", "t"]
    assert glance[2].split() == ["Not", "in", "touch", "a", "(not", "in", "touch", "for", "a",
                                 "while)"]  # fmt: skip
    html = render_html(result, network)
    # a is the only close person in weekly contact on paper: no strength names them
    assert "in touch with you at least every two weeks" not in html


@pytest.mark.parametrize(
    ("field", "document_change"),
    [
        ("collected_on", {"collected_on": date(2026, 12, 1)}),
        ("relationships[1].last_contact", None),
    ],
)
def test_as_of_before_a_recorded_day_is_an_error_naming_the_field(
    field: str, document_change: dict[str, object] | None
) -> None:
    network = net(
        rel("a", role="friend", supports=["emotional"], last_contact="2026-11-01"),
        rel("b", role="friend", supports=["emotional"], last_contact="2026-12-20"),
    )
    if document_change is not None:
        network = net(rel("a", role="friend", supports=["emotional"])).model_copy(
            update=document_change
        )
    with pytest.raises(AsOfError) as info:
        assess(network, as_of="2026-11-30")
    assert [p.location for p in info.value.problems] == [field]
    assert field in str(info.value)
    assert isinstance(info.value, DocumentError)
    assert "2026-12" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_as_of_on_the_day_of_a_contact_is_fine() -> None:
    network = net(rel("a", role="friend", supports=["emotional"], last_contact="2026-11-30"))
    assert assess(network, as_of="2026-11-30").as_of == date(2026, 11, 30)


def test_long_lines_wrap() -> None:
    people = [
        rel(
            f"person-with-a-long-id-{i:02d}",
            role="friend",
            supports=["emotional", "practical"],
            closeness="inner",
            contact="rarely",
        )
        for i in range(12)
    ]
    network = net(*people)
    result = assess(network, as_of=AS_OF)
    text = render_report(result, network)
    assert max(len(line) for line in text.splitlines()) <= 88
    for name in (r.person for r in people):
        assert name in text


@pytest.mark.parametrize("command", ["assess", "report"])
def test_the_command_line_refuses_an_early_as_of_and_writes_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    argv = [command, str(EXAMPLES / "devon.json"), "--as-of", "2000-01-01"]
    assert main([*argv, "--html", str(out)] if command == "report" else argv) == 1
    err = capsys.readouterr().err
    assert "relationships[0].last_contact: is later than as_of" in err
    assert not out.exists()


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built as CI builds it (mkdocs build --strict)."""
    pytest.importorskip("mkdocs")
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return site


def test_every_docs_link_a_report_emits_is_a_page_of_the_built_site(built_site: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = next(
        line.split(":", 1)[1].strip()
        for line in config.splitlines()
        if line.startswith("site_url:")
    )
    assert site_url == DOCS_URL
    network = net(rel("a", role="friend", supports=["emotional"]))
    result = assess(network, as_of=AS_OF)
    pages = [render_html(result, network, voice=v) for v in ("client", "clinician")]
    pages.append(render_report(result, network))
    linked = {
        path for page in pages for path in re.findall(re.escape(DOCS_URL) + r"([^\s\"<>)]*)", page)
    }
    assert linked  # the definitions link each measure to its page
    for path in linked:
        target = built_site / path
        assert (target / "index.html").is_file() or target.is_file(), path
