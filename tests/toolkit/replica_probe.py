"""Drive the site against a real primary and streaming replica; print what was observed (JSON).

Run by tests/toolkit/test_replica_streaming.py in a process of its own, with
DATABASE_URL=<primary> and DATABASE_REPLICA_URLS=<replica>, so that the settings, the router
and the middleware are exactly those of production. It publishes on the primary, pauses and
resumes the replica's replay, and notes for each request its status, which resources the
page shows, and on which database alias (and whether that database is in recovery) the
catalog's queries ran.
"""

from __future__ import annotations

import json
import re
import sys
import time
from contextlib import ExitStack
from typing import Any

import django
from django.core.management import call_command
from django.test.utils import override_settings, setup_test_environment

FIRST = "Working with medical interpreters"
SECOND = "Structural competency rounds"
COUNT = re.compile(r'id="results-count"[^>]*>(\d+) result')


def main() -> None:
    django.setup()
    setup_test_environment()
    from django.conf import settings

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        print(json.dumps(scenario()))


def wait_for_replay(timeout: float = 20) -> None:
    from django.db import connections

    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + timeout
    with connections["replica1"].cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
            if time.monotonic() > deadline:
                raise TimeoutError("the replica did not catch up")
            time.sleep(0.05)


def wait_until_paused(timeout: float = 20) -> None:
    """Until the replica's replay is paused (a pause request takes effect at the next record)."""
    from django.db import connections

    deadline = time.monotonic() + timeout
    with connections["replica1"].cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_get_wal_replay_pause_state()")
            if cursor.fetchone()[0] == "paused":
                return
            if time.monotonic() > deadline:
                raise TimeoutError("the replica's replay did not pause")
            time.sleep(0.05)


def replica(sql: str) -> None:
    from django.db import connections

    with connections["replica1"].cursor() as cursor:
        cursor.execute(sql)


def observe(client: Any, path: str) -> dict[str, Any]:
    """GET `path`; which resources it shows and where the catalog's queries ran."""
    from django.db import connections

    from catalog.facets import index

    ran: dict[str, list[str]] = {"default": [], "replica1": []}

    def note(execute, sql, params, many, context):  # noqa: ANN001, ANN202 - Django's hook
        ran[context["connection"].alias].append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for alias in ran:
            stack.enter_context(connections[alias].execute_wrapper(note))
        response = client.get(path)
    body = response.content.decode()
    built = index._current
    found = COUNT.search(body)
    return {
        "status": response.status_code,
        "first": FIRST in body,
        "second": SECOND in body,
        "count": int(found.group(1)) if found else None,
        "catalog_queries": {
            alias: sum("catalog_resource" in sql for sql in sqls) for alias, sqls in ran.items()
        },
        "other_queries": {
            alias: sum("catalog_resource" not in sql for sql in sqls) for alias, sqls in ran.items()
        },
        "index_built_from": built.using if built else None,
        "index_size": len(built) if built else None,
    }


def in_recovery(alias: str) -> bool:
    from django.db import connections

    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return bool(cursor.fetchone()[0])


def scenario() -> dict[str, Any]:
    from django.test import Client

    from tests import factories
    from toolkit.replicas import PIN_COOKIE

    seen: dict[str, Any] = {}
    call_command("migrate", verbosity=0)  # on the primary; the replica replays it
    editor = factories.user("editor", roles=["contributor", "editor"])
    factories.resource(FIRST)
    wait_for_replay()
    seen["recovery"] = {alias: in_recovery(alias) for alias in ("default", "replica1")}
    reader = Client()
    seen["caught_up"] = observe(reader, "/catalog/")

    replica("SELECT pg_wal_replay_pause()")
    second = factories.resource(SECOND)
    wait_until_paused()
    detail = f"/catalog/{second.slug}/"
    seen["paused_list"] = observe(reader, "/catalog/")
    seen["paused_detail"] = observe(reader, detail)
    seen["paused_api"] = observe(reader, "/api/v1/resources/")

    writer = Client()
    signed_in = writer.post(
        "/accounts/login/", {"username": editor.username, "password": factories.PASSWORD}
    )
    seen["pin_cookie"] = PIN_COOKIE in signed_in.cookies
    seen["pinned_detail"] = observe(writer, detail)
    seen["pinned_list"] = observe(writer, "/catalog/")
    seen["reader_after_pinned"] = observe(reader, "/catalog/")

    replica("SELECT pg_wal_replay_resume()")
    wait_for_replay()
    seen["resumed_list"] = observe(reader, "/catalog/")
    seen["resumed_detail"] = observe(reader, detail)
    return seen


if __name__ == "__main__":
    sys.exit(main())
