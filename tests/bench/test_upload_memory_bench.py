"""Peak memory of a worker checking each bomb and the largest legitimate file of each type.

Not part of the default run (the large files take a minute to build and check):
`make pytest PYTEST_ARGS="-m bench tests/bench/test_upload_memory_bench.py -s"`, or
`python -m tests.bench.upload_memory` for the table alone. The default suite measures the
issue's 400 MB bomb the same way (tests/reviews/test_upload_bounds.py).
"""

import pytest

from tests.bench import upload_memory

pytestmark = pytest.mark.bench


@pytest.mark.parametrize("scenario", upload_memory.SCENARIOS)
def test_checking_an_upload_stays_within_256_mb_above_an_idle_worker(scenario, capsys):
    figures = upload_memory.measure(scenario)

    with capsys.disabled():
        print(f"\n{figures}")
    assert figures["peak_above_idle_mb"] <= upload_memory.BUDGET_MB
    expected = "accepted" if scenario.startswith("largest") or scenario == "pdf-bomb" else "refused"
    assert figures["outcome"].startswith(expected)
