"""Test configuration: Hypothesis profiles.

CI (where ``CI`` is set) runs every property with the full 100 examples; a
developer's quick run uses 25, so the whole suite stays fast enough for the
before-stop check. Choose explicitly with ``HYPOTHESIS_PROFILE=ci|dev``. Neither
profile has a per-example deadline: timing belongs in benchmarks, not in tests.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
