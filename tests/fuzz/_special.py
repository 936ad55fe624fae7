"""Special files for the fuzz suite, made in a temp folder: never the machine's own /dev.

A device node is made with ``os.mknod`` (the kernel's zero device, major 1 minor 5),
which needs root: without it the test is skipped. Reading it would never end and
writing over it would replace it, so every reader and writer must refuse it unopened.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def device_node(folder: Path, name: str = "device") -> Path:
    """A private character device (the zero device) in `folder`; skips the test without root."""
    if not IS_ROOT or not hasattr(os, "mknod"):
        pytest.skip("making a device node needs root")
    path = folder / name
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    except OSError:
        pytest.skip("device nodes cannot be made here")
    return path


def fifo(folder: Path, name: str = "fifo") -> Path:
    """A FIFO in `folder` (nothing ever opens its other end)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = folder / name
    os.mkfifo(path)
    return path
