"""The version of this source tree: the one place it is written.

The build (hatchling, ``[tool.hatch.version]`` in pyproject.toml) copies it into the
package metadata, and ``grace_support.__version__`` reads it back from there (see
`installed_version`). Semantic versioning; between releases the next version with
``.devN`` (see docs/releases.md).
"""

from __future__ import annotations

__version__ = "0.3.0.dev0"

DISTRIBUTION = "grace-support"


def installed_version() -> str:
    """The version of the running package: the installed distribution's metadata.

    The source's own version when the package is not installed (a source checkout on
    ``PYTHONPATH``), or is installed in editable mode: an editable install runs this
    source, and its metadata keeps the version the source had when it was installed.
    """
    import json  # noqa: PLC0415 (only when the version is asked for)
    from importlib import metadata  # noqa: PLC0415

    try:
        distribution = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__
    try:  # PEP 610: how it was installed
        direct = json.loads(distribution.read_text("direct_url.json") or "{}")
    except ValueError:
        direct = None
    dir_info = direct.get("dir_info") if isinstance(direct, dict) else None
    if isinstance(dir_info, dict) and dir_info.get("editable") is True:
        return __version__
    return distribution.version
