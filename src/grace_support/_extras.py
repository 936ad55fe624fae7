"""Optional extras, imported only by the functions that need them."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from grace_support.errors import MissingExtraError

if TYPE_CHECKING:
    from types import ModuleType


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import `module`, or fail with a message that names the extra to install.

    Raises:
        MissingExtraError: The module (from ``grace-support[extra]``) is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, feature=feature) from None
