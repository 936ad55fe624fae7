"""Each benchmark rewrites its own section of ``benchmarks/README.md``."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).parent / "README.md"


def write_section(start: str, end: str, section: str) -> None:
    """Put `section` (which begins with `start` and ends with `end`) into the README.

    The section between the two markers is replaced; without them, it is added at
    the end. The other benchmarks' sections are kept as they are.
    """
    text = README.read_text(encoding="utf-8")
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + section.rstrip("\n") + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text, encoding="utf-8")
