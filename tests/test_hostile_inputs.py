"""Property: no hostile command line gives a traceback or leaves anything behind.

Hypothesis draws invocations of the main commands (tests/_hostile.py): huge and
negative integers, extreme dates and date-times (also in AKSANSI_NOW), text that is
not UTF-8 (also in --by and AKSANSI_USER), control characters, very long strings,
output paths whose folder is missing or a file, names too long, `-o FOLDER/`, KSM
sheets with oversized or undecodable cells, number formats and template overrides
that fail. Each runs in-process on its own copy of a seeded SQLite file; the property
is: no traceback, exit status 0, 1 or 2, and a refusal (exit 1 or 2) leaves every
table's rows and every file of its folder unchanged.

The run is derandomized (the same examples every time) and its size is a profile:
`hostile-ci` (the default, under a minute) or `HYPOTHESIS_PROFILE=hostile-long`.
A larger tally without stopping at the first failure: `python tests/_hostile.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _hostile import Invocation, invocations, make_template, problems, run
from hypothesis import HealthCheck, given, settings

settings.register_profile(
    "hostile-ci",
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "hostile-long", parent=settings.get_profile("hostile-ci"), max_examples=500
)

pytestmark = [pytest.mark.hostile, pytest.mark.slow]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("hostile"))


def test_hostile_invocations_are_refused_cleanly(template: Path) -> None:
    profile = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile-ci"))

    @profile
    @given(invocation=invocations())
    def property_holds(invocation: Invocation) -> None:
        outcome = run(template, invocation)
        assert not problems(outcome), (
            problems(outcome),
            invocation.argv,
            outcome.output,
            outcome.tb,
        )

    property_holds()
