"""The regression guard of the judged query set: search quality on the demo catalog.

The demo is seeded once for this module, inside a transaction that is rolled back, and
every judged query goes through the public API (`GET /api/v1/resources/?q=…`).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from tests.catalog.judged import evaluation

JUDGED = evaluation.judged_set()


@dataclass(frozen=True)
class Measured:
    vendor: str
    catalog: set[str]
    rows: dict[str, evaluation.Row]
    misses: str


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker, tmp_path_factory) -> Measured:
    """Seed the demo, run the judged queries, roll everything back."""
    fast = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("judged-media"),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), fast:
        cache.clear()  # the API's throttle counts
        with transaction.atomic():
            call_command("seed_demo", "--force", stdout=io.StringIO())
            catalog = evaluation.catalog_slugs()
            scores = evaluation.evaluate(JUDGED.queries, evaluation.api_search())
            transaction.set_rollback(True)
        cache.clear()
    rows = {row.kind: row for row in evaluation.summary(scores)}
    return Measured(connection.vendor, catalog, rows, evaluation.misses(scores))


def test_the_judged_set_has_forty_queries_of_every_kind_with_grades_from_1_to_3():
    kinds = Counter(query.kind for query in JUDGED.queries)
    assert len(JUDGED.queries) >= 40
    assert set(kinds) == set(evaluation.KINDS)
    assert len({query.text for query in JUDGED.queries}) == len(JUDGED.queries)
    for query in JUDGED.queries:
        assert query.grades, query.text
        assert set(query.grades.values()) <= {1, 2, 3}, query.text


@pytest.mark.django_db  # so that pytest-django sets the test database up
def test_every_judged_resource_is_in_the_published_demo_catalog(measured):
    judged = {slug for query in JUDGED.queries for slug in query.grades}
    assert judged - measured.catalog == set()


@pytest.mark.django_db
def test_search_quality_stays_above_the_recorded_floors(measured):
    overall = measured.rows["overall"]
    floors = JUDGED.floors[measured.vendor]
    report = evaluation.table(list(measured.rows.values())) + "\n" + measured.misses
    assert overall.ndcg_at_10 >= floors["ndcg_at_10"], report
    assert overall.success_at_3 >= floors["success_at_3"], report
