"""Worker processes for the cohort engine, started without re-running the caller's script.

The ``spawn`` start method (the safe one for a process that already runs polars'
threads) imports the caller's main module again in every worker: a script without
an ``if __name__ == "__main__":`` guard would run again there, and code typed on
standard input cannot be imported at all. The workers only need grace-support, so
each is started while ``__main__`` is a plain, empty module.
"""

from __future__ import annotations

import sys
import types
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from concurrent.futures import Future, ProcessPoolExecutor


@contextmanager
def _plain_main() -> Iterator[None]:
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes (started on demand, see `submit`)."""
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def submit(executor: ProcessPoolExecutor, func: Callable[..., Any], *args: Any) -> Future[Any]:
    """`executor.submit`, starting any new worker with a plain ``__main__``."""
    with _plain_main():
        return executor.submit(func, *args)
