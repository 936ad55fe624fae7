"""Test configuration: Hypothesis profiles, and made-up egor-shaped study data.

CI (where ``CI`` is set) runs every property with the full 100 examples; a
developer's quick run uses 25, so the whole suite stays fast enough for the
before-stop check. Choose explicitly with ``HYPOTHESIS_PROFILE=ci|dev``. Neither
profile has a per-example deadline: timing belongs in benchmarks, not in tests.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from pathlib import Path

settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def egor_shapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of made-up study data in every shape of egor's example files
    (see tests/egor_shapes.py), written once per run. Tests that change files copy
    them first."""
    from tests.egor_shapes import write_egor_shapes

    return write_egor_shapes(tmp_path_factory.mktemp("egor-shapes"))
