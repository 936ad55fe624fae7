"""One way to deprecate a public name: the policy of docs/releases.md, in one place.

A deprecated name keeps working for one minor version and warns with a
``DeprecationWarning`` that names what to use instead, the version that deprecated it
and the version it goes in (the next minor one).
"""

from __future__ import annotations

import re
import warnings

__all__ = ["deprecated", "removed_in"]

_SEMANTIC = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def removed_in(since: str) -> str:
    """The version a name deprecated in `since` goes in: the next minor version.

    Examples:
        >>> removed_in("0.2.0"), removed_in("1.4.2")
        ('0.3.0', '1.5.0')
    """
    match = _SEMANTIC.fullmatch(since)
    if match is None:
        raise ValueError("since must be a version MAJOR.MINOR.PATCH")
    major, minor, _ = map(int, match.groups())
    return f"{major}.{minor + 1}.0"


def deprecated(old: str, *, use: str, since: str, stacklevel: int = 2) -> None:
    """Warn that `old` is deprecated, saying what to use and when it goes.

    Args:
        old: What the caller used, e.g. ``"grace_support.documents.json_schema"``.
        use: What to do instead, e.g. ``"import it from grace_support.schemas"``.
        since: The version that deprecated it.
        stacklevel: As for ``warnings.warn``, counted from the caller of this
            function (2: the warning points at whoever called the deprecated name).

    Examples:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     deprecated("f(x=...)", use="use f(y=...)", since="0.2.0")
        >>> print(caught[0].message)
        f(x=...) is deprecated since 0.2.0 and goes in 0.3.0: use f(y=...)
    """
    warnings.warn(
        f"{old} is deprecated since {since} and goes in {removed_in(since)}: {use}",
        DeprecationWarning,
        stacklevel=stacklevel + 1,
    )
