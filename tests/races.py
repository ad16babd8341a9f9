"""Run service calls at the same moment in threads (DESIGN §11: exactly one wins).

Tests that race need `pytest.mark.django_db(transaction=True, serialized_rollback=True)`:
each thread has its own database connection, so the calls really overlap (PostgreSQL row
locks; on SQLite the IMMEDIATE transaction mode of the settings serializes the writers).
"""

import threading

from django.db import close_old_connections, connection

THREADS = 8


def race(calls):
    """Run the callables at the same moment in threads; return their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:  # noqa: BLE001 - collected and asserted by the test
            results[i] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def outcomes(results) -> dict:
    """The results counted by kind: {"ok": n, "Conflict": n, …}, exceptions by class name."""
    counts = {}
    for result in results:
        kind = type(result).__name__ if isinstance(result, Exception) else "ok"
        counts[kind] = counts.get(kind, 0) + 1
    return counts
