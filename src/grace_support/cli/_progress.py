"""A progress bar on standard error, shown only on a terminal and only after a second.

tqdm draws it when it is installed; otherwise a small built-in bar does. Nothing is
written when standard error is not a terminal (a pipe, a file, a test), so output
that is captured stays clean.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["DELAY", "progress"]

DELAY = 1.0
"""Seconds of work before a bar appears (shorter jobs show nothing)."""

T = TypeVar("T")


def _interactive(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress(
    items: Iterable[T], *, total: int | None, what: str, stream: TextIO | None = None
) -> Iterator[T]:
    """Yield the items, drawing a bar on ``stream`` (standard error) when it is a terminal.

    Args:
        items: What to go through.
        total: How many there are, if known.
        what: A word for the items ("networks", "files").
        stream: Where to draw; standard error by default.
    """
    out = stream if stream is not None else sys.stderr
    if not _interactive(out):
        yield from items
        return
    try:
        tqdm: Any = importlib.import_module("tqdm").tqdm  # the optional "progress" extra
    except ImportError:
        yield from _Bar(total=total, what=what, stream=out).run(items)
        return
    bar: Any = tqdm(items, total=total, unit=f" {what}", file=out, delay=DELAY, leave=False)
    yield from bar


class _Bar:
    """The built-in bar: ``importing 12/40 networks [#####     ]``, redrawn in place."""

    def __init__(self, *, total: int | None, what: str, stream: TextIO) -> None:
        self.total = total
        self.what = what
        self.stream = stream
        self.start = time.monotonic()
        self.drawn = False
        self.last = 0.0

    def draw(self, done: int) -> None:
        now = time.monotonic()
        if now - self.start < DELAY or now - self.last < 0.1:
            return
        self.last = now
        if self.total:
            filled = int(20 * done / self.total)
            line = f"{done}/{self.total} {self.what} [{'#' * filled}{' ' * (20 - filled)}]"
        else:
            line = f"{done} {self.what}"
        self.stream.write(f"\r{line}")
        self.stream.flush()
        self.drawn = True

    def run(self, items: Iterable[T]) -> Iterator[T]:
        done = 0
        try:
            for item in items:
                yield item
                done += 1
                self.draw(done)
        finally:
            if self.drawn:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
