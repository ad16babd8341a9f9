"""The zero-result log: counted per normalised query and day, capped, pruned, race-safe."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from catalog import searchlog
from catalog.models import SearchLog
from tests import factories
from tests.reviews.test_races import race

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def rows():
    return [(r.day, r.query, r.count) for r in searchlog.listing()]


def test_searches_are_counted_per_normalised_query_and_day():
    searchlog.record("Dental  Care", "type=case", now=NOW)
    searchlog.record("dental care", now=NOW + timedelta(hours=1))
    searchlog.record("DENTAL CARE\x00", now=NOW - timedelta(days=1))
    searchlog.record("   ", now=NOW)
    assert rows() == [
        (date(2026, 3, 10), "dental care", 2),
        (date(2026, 3, 9), "dental care", 1),
    ]
    latest = SearchLog.objects.get(day=date(2026, 3, 10))
    assert latest.last_seen == NOW + timedelta(hours=1) and latest.params == ""


def test_a_flood_of_different_queries_keeps_at_most_the_cap_a_day(settings):
    settings.TOOLKIT_SEARCH_LOG_DAILY_CAP = 5
    for n in range(40):
        searchlog.record(f"flood {n}", now=NOW)
    today = SearchLog.objects.filter(day=NOW.date())
    assert today.count() == 6  # the cap, and one row for the others
    assert today.get(query=searchlog.OTHER).count == 35
    searchlog.record("flood 3", now=NOW)  # a kept query still counts on its own row
    assert today.get(query="flood 3").count == 2
    assert sum(today.values_list("count", flat=True)) == 41
    searchlog.record("flood 39", now=NOW + timedelta(days=1))  # a new day, a new allowance
    assert SearchLog.objects.get(day=date(2026, 3, 11)).query == "flood 39"


def test_days_beyond_the_retention_go_when_a_day_starts(settings):
    settings.TOOLKIT_SEARCH_LOG_DAYS = 30
    searchlog.record("old", now=NOW - timedelta(days=31))
    searchlog.record("kept", now=NOW - timedelta(days=30))
    searchlog.record("today", now=NOW)
    assert [query for _, query, _ in rows()] == ["today", "kept"]


def test_an_insert_lost_to_another_request_counts_on_the_row_it_made():
    searchlog.record("podiatry", now=NOW)
    searchlog._insert(searchlog.Entry("podiatry", NOW.date(), NOW, ""))
    assert rows() == [(NOW.date(), "podiatry", 2)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_searches_for_one_query_make_one_row_with_every_count():
    results = race([lambda: searchlog.record("Podiatry") for _ in range(8)])
    assert results == [None] * 8
    assert rows() == [(timezone.localdate(), "podiatry", 8)]


def test_the_editors_page_lists_days_then_counts_in_pages_of_50(client, editor):
    for n in range(55):  # even numbers today, odd ones yesterday
        searchlog.record(f"query {n:02d}", now=NOW - timedelta(days=n % 2))
    searchlog.record("query 10", now=NOW)
    searchlog.record("query 10", now=NOW)
    client.force_login(editor)
    html = client.get("/editor/searches/").content.decode()
    found = re.findall(
        r'<td><time datetime="([^"]*)">[^<]*</time></td>\s*<td><a href="[^"]*">([^<]*)</a></td>'
        r"\s*<td>(\d+)</td>",
        html,
    )
    assert found[:3] == [
        ("2026-03-10", "query 10", "3"),
        ("2026-03-10", "query 00", "1"),
        ("2026-03-10", "query 02", "1"),
    ]
    assert found[28] == ("2026-03-09", "query 01", "1")
    assert len(found) == 50 and "Page 1 of 2" in html
    second = client.get("/editor/searches/?page=2").content.decode()
    assert second.count('<td><a href="/catalog/?q=') == 5


def test_the_other_searches_row_is_named_on_the_page(client, editor, settings):
    settings.TOOLKIT_SEARCH_LOG_DAILY_CAP = 1
    searchlog.record("kept", now=NOW)
    searchlog.record("xylophone", now=NOW)
    client.force_login(editor)
    html = client.get("/editor/searches/").content.decode()
    assert "<em>Other searches</em></td>\n      <td>1</td>" in html
    assert "A day keeps 1 different searches" in html
    assert "xylophone" not in html


def test_the_listing_is_read_in_index_order_without_sorting():
    factories.resource()  # any content: the plan must not depend on an empty table
    sql, params = searchlog.listing()[:50].query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "catalog_searchlog_list" in plan and "Sort" not in plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "catalog_searchlog_list" in plan and "TEMP B-TREE" not in plan


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_folds_old_rows_into_counts_per_query_and_day(settings):
    settings.TOOLKIT_SEARCH_LOG_DAILY_CAP = 2
    before = [("catalog", "0005_license_slug_is_an_spdx_identifier")]
    after = [("catalog", "0006_searchlog_per_query_and_day")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("catalog", "SearchLog")
    searches = [
        ("Podiatry", 1, "type=case"),
        ("podiatry ", 2, "level=cpd-faculty"),
        ("dental care", 3, ""),
        ("x-rays", 4, ""),
        ("yoga", 5, ""),
        ("podiatry", 24 + 6, ""),
    ]
    for text, hour, params in searches:
        made = old.objects.create(query=text, params=params)
        old.objects.filter(pk=made.pk).update(created_at=NOW + timedelta(hours=hour))
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()  # later migrations exist: leave the database at the latest
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert [(r.day, r.query, r.count, r.params) for r in SearchLog.objects.all()] == [
        (date(2026, 3, 11), "podiatry", 1, ""),
        (date(2026, 3, 10), searchlog.OTHER, 2, ""),  # x-rays and yoga, beyond the cap
        (date(2026, 3, 10), "podiatry", 2, "level=cpd-faculty"),
        (date(2026, 3, 10), "dental care", 1, ""),
    ]
    assert SearchLog.objects.get(query="").last_seen == NOW + timedelta(hours=5)
