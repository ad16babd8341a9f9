"""Bounded work per request (issue 11, items 10 and 11): timings printed, never asserted.

Not part of the default run:

  make pytest PYTEST_ARGS="-m bench tests/bench/test_bounds_bench.py -s -p no:xdist"

- the catalog page, the feed and the API with many `year=` values (repeated, and distinct);
- /editor/searches/ after a flood of BENCH_FLOOD (300,000 by default) zero-result
  searches, each a different query, logged through the real code path.
"""

import os
import time

import pytest

from catalog import search
from catalog.models import SearchLog
from tests import factories

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def timed_get(client, url):
    start = time.perf_counter()
    response = client.get(url)
    return response, (time.perf_counter() - start) * 1000


def report(label, response, elapsed_ms):
    print(
        f"{label:<48} {response.status_code}  {elapsed_ms:8.1f} ms  "
        f"{len(response.content) / 1024:9.1f} KB"
    )


def test_many_filter_values_cost_little(client, capsys):
    factories.resource("Working with interpreters")
    client.get("/catalog/")  # builds the facet index
    with capsys.disabled():
        print()
        for count in (350, 1100):
            repeated = "&".join(["year=2024"] * count)
            distinct = "&".join(f"year={1900 + n}" for n in range(count))
            for path in ("/catalog/", "/catalog/feed/", "/api/v1/resources/"):
                for kind, query in (("repeated", repeated), ("distinct", distinct)):
                    response, elapsed = timed_get(client, f"{path}?{query}")
                    report(f"{path} {count} {kind} year values", response, elapsed)


def test_the_zero_result_page_after_a_flood(client, capsys):
    flood = int(os.environ.get("BENCH_FLOOD", "300000"))
    client.force_login(factories.user("editor", roles=["editor"]))
    start = time.perf_counter()
    for n in range(flood):
        search.log_zero_result(f"flood query {n}", "type=case")
    logging_s = time.perf_counter() - start
    with capsys.disabled():
        print()
        print(
            f"logged {flood} zero-result searches in {logging_s:.1f} s "
            f"({logging_s / flood * 1e6:.0f} µs each); {SearchLog.objects.count()} rows"
        )
        for url in ("/editor/searches/", "/editor/searches/?page=2", "/editor/searches/?page=20"):
            timed_get(client, url)  # warm
            response, elapsed = timed_get(client, url)
            report(url, response, elapsed)
