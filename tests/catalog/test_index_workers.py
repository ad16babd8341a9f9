"""Several workers stay consistent after a publish: each process keeps its own facet index
and rebuilds it on its next request once the catalog generation stamp changes.

Two real processes (tests/catalog/index_worker.py) read the committed test database while
this one publishes and retires, as gunicorn workers do beside an editor's request.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from catalog import search, services
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_env() -> dict[str, str]:
    """The environment that points a process at this test database."""
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    if connection.vendor == "sqlite":
        return env | {"TOOLKIT_SQLITE_PATH": db["NAME"]}
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return env | {
        "DATABASE_URL": f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    }


class Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, a test module
            [sys.executable, "-m", "tests.catalog.index_worker"],
            cwd=ROOT,
            env=database_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def index(self) -> dict:
        """The index as this worker's next request sees it."""
        self.process.stdin.write("request\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the worker died"
        return json.loads(line)

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def workers():
    started = [Worker(), Worker()]
    yield started
    for worker in started:
        worker.stop()


def test_every_worker_serves_a_publish_from_its_next_request_and_not_before(workers):
    factories.resource("Working with medical interpreters")
    before = [worker.index() for worker in workers]
    unchanged = workers[0].index()
    assert [answer["size"] for answer in before] == [1, 1]
    assert (unchanged["rebuilt"], unchanged["stamp"]) == (False, before[0]["stamp"])

    factories.resource("Structural competency rounds")
    after = [worker.index() for worker in workers]

    assert [answer["size"] for answer in after] == [2, 2]
    assert [answer["rebuilt"] for answer in after] == [True, True]
    assert after[0]["stamp"] == after[1]["stamp"] == repr(search.generation())
    assert after[0]["titles"] == after[1]["titles"]


def test_every_worker_drops_a_retired_resource_from_its_next_request(workers):
    kept = factories.resource("Working with medical interpreters")
    gone = factories.resource("Structural competency rounds")
    assert [worker.index()["size"] for worker in workers] == [2, 2]

    services.retire_resource(gone, "Replaced by a newer session.")

    after = [worker.index() for worker in workers]
    assert [answer["titles"] for answer in after] == [[kept.title], [kept.title]]
