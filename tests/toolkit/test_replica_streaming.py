"""Read replicas against a real PostgreSQL streaming replica started for the test.

A throw-away primary and a hot standby made from it with `pg_basebackup -R`
(tests/toolkit/pg_cluster.py), both on free ports, torn down after. The site runs in a
process of its own with DATABASE_URL and DATABASE_REPLICA_URLS pointing at them
(tests/toolkit/replica_probe.py) and reports what it saw; pausing the standby's replay
shows that the public pages really read the standby, and that a client that has just
written reads the primary. Runs in `make test-postgres`.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.toolkit import pg_cluster

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="read replicas are PostgreSQL streaming replicas (run with make test-postgres)",
    ),
    pytest.mark.skipif(
        bool(pg_cluster.missing()), reason=f"no throw-away clusters: {pg_cluster.missing()}"
    ),
]


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    """What the site saw, once for the module (making the clusters takes a few seconds)."""
    with pg_cluster.primary_and_replica() as (primary, replica):
        primary.query("CREATE DATABASE toolkit")
        pg_cluster.wait_for_replay(primary, replica)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
        env |= {
            "DATABASE_URL": primary.url("toolkit"),
            "DATABASE_REPLICA_URLS": replica.url("toolkit"),
            "TOOLKIT_MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        }
        result = subprocess.run(  # noqa: S603 - this interpreter, a module of the tests
            [sys.executable, "-m", "tests.toolkit.replica_probe"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_replica_is_a_standby_of_the_primary(seen):
    assert seen["recovery"] == {"default": False, "replica1": True}


def test_a_caught_up_replica_serves_the_catalog_page(seen):
    page = seen["caught_up"]
    assert (page["status"], page["first"], page["count"]) == (200, True, 1)
    assert page["catalog_queries"]["replica1"] > 0
    assert page["catalog_queries"]["default"] == 0
    assert page["index_built_from"] == "replica1"


def test_while_the_replica_lags_public_pages_show_its_older_catalog(seen):
    listing, detail, api = seen["paused_list"], seen["paused_detail"], seen["paused_api"]
    assert (listing["first"], listing["second"], listing["count"]) == (True, False, 1)
    assert detail["status"] == 404
    assert (api["status"], api["first"], api["second"]) == (200, True, False)
    for page in (listing, detail, api):
        assert page["catalog_queries"]["default"] == 0


def test_a_client_that_just_wrote_reads_its_writes_from_the_primary(seen):
    assert seen["pin_cookie"]
    detail, listing = seen["pinned_detail"], seen["pinned_list"]
    assert (detail["status"], detail["second"]) == (200, True)
    assert (listing["second"], listing["count"]) == (True, 2)
    assert detail["catalog_queries"]["replica1"] == listing["catalog_queries"]["replica1"] == 0
    assert listing["index_built_from"] == "default"


def test_a_facet_index_built_from_the_primary_is_not_served_to_readers_of_the_lagging_replica(
    seen,
):
    page = seen["reader_after_pinned"]
    assert (page["second"], page["count"], page["index_size"]) == (False, 1, 1)
    assert page["index_built_from"] == "replica1"


def test_once_the_replica_replays_the_publish_every_page_shows_it(seen):
    listing, detail = seen["resumed_list"], seen["resumed_detail"]
    assert (listing["second"], listing["count"], detail["status"]) == (True, 2, 200)
    assert listing["index_built_from"] == "replica1"
    assert detail["catalog_queries"]["default"] == 0
