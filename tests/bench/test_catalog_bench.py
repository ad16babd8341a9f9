"""Catalog benchmark at full size (DESIGN §9 goal: p95 ≤ 10 ms a page at 10,000 resources).

Not part of the default run: `pytest -m bench tests/bench -s` seeds a throw-away test
database with BENCH_RESOURCES resources (10,000 by default) and prints the timings of
`bench_catalog`. Timings are reported, never asserted.
"""

import os

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def test_catalog_benchmark_prints_p50_and_p95_per_kind(capsys):
    resources = int(os.environ.get("BENCH_RESOURCES", "10000"))
    call_command("seed_corpus", resources=resources, force=True, verbosity=0)
    call_command("bench_catalog", repeat=int(os.environ.get("BENCH_REPEAT", "50")))
    out = capsys.readouterr().out
    with capsys.disabled():
        print(out)
    assert "broad word" in out and "many facets" in out
