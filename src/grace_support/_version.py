"""The version of this source tree: the one place it is written.

The build (hatchling, ``[tool.hatch.version]`` in pyproject.toml) copies it into the
package metadata; ``grace_support.__version__`` reads it back from there, and from
here only when the package is not installed (a source checkout on ``PYTHONPATH``).
Semantic versioning; between releases the next version with ``.devN`` (see
docs/releases.md).
"""

__version__ = "0.2.0.dev0"
