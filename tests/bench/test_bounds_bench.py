"""Bounded work per request (issue 11, items 10 and 11): timings printed, never asserted.

Not part of the default run:

  make pytest PYTEST_ARGS="-m bench tests/bench/test_bounds_bench.py -s -p no:xdist"

- the catalog page, the feed and the API with many `year=` values (repeated, and distinct);
- /editor/searches/ after a flood of BENCH_FLOOD (300,000 by default) zero-result
  searches, each a different query, logged through the real code path;
- /editor/searches/ with the largest table the caps allow: TOOLKIT_SEARCH_LOG_DAYS days
  of TOOLKIT_SEARCH_LOG_DAILY_CAP queries and an "other" row each (366,365 rows).
"""

import os
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from catalog import searchlog
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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # commits, as in production
def test_the_zero_result_page_after_a_flood(client, capsys):
    flood = int(os.environ.get("BENCH_FLOOD", "300000"))
    client.force_login(factories.user("editor", roles=["editor"]))
    start = time.perf_counter()
    for n in range(flood):
        searchlog.record(f"flood query {n}", "type=case")
    logging_s = time.perf_counter() - start
    with capsys.disabled():
        print()
        print(
            f"logged {flood} zero-result searches in {logging_s:.1f} s "
            f"({logging_s / flood * 1e6:.0f} µs each); {SearchLog.objects.count()} rows"
        )
        time_pages(client)


def time_pages(client):
    for url in ("/editor/searches/", "/editor/searches/?page=2", "/editor/searches/?page=20"):
        timed_get(client, url)  # warm
        response, elapsed = timed_get(client, url)
        report(url, response, elapsed)


def test_the_zero_result_page_with_the_largest_table_the_caps_allow(client, capsys):
    client.force_login(factories.user("editor", roles=["editor"]))
    now = timezone.now()
    for back in range(settings.TOOLKIT_SEARCH_LOG_DAYS + 1):
        day, seen = timezone.localdate(now) - timedelta(days=back), now - timedelta(days=back)
        queries = [f"query {n}" for n in range(settings.TOOLKIT_SEARCH_LOG_DAILY_CAP)]
        SearchLog.objects.bulk_create(
            SearchLog(query=q, day=day, count=1 + n % 7, last_seen=seen)
            for n, q in enumerate([*queries, searchlog.OTHER])
        )
    with capsys.disabled():
        print()
        print(f"{SearchLog.objects.count()} rows")
        time_pages(client)
