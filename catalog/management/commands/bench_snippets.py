"""What the snippets of one page of results cost: database, this process's CPU, and wall time."""

import random
import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from catalog import search
from catalog.filters import PAGE_SIZE
from catalog.management.corpus import CONTENT_WORDS, RARE_WORDS

HOW_TO = """
Make the snippets of the first page of results of many searches (rare, common and
broad words, two words, phrases), after one pass that warms the caches, and print
the median and 95th percentile of: milliseconds in the database (an execute
wrapper), CPU milliseconds of this process (steady on a busy machine; on SQLite it
includes the database's own work) and wall milliseconds. Run it on a catalog built
by seed_corpus:

  DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py bench_snippets
"""
PHRASES = ['"structural racism"', '"implicit bias"', '"language access"', '"health literacy"']


def queries(rng: random.Random) -> list[str]:
    common = CONTENT_WORDS[120:400]
    return (
        rng.sample(RARE_WORDS, 10)
        + rng.sample(common, 10)
        + CONTENT_WORDS[:5]
        + [" ".join(rng.sample(common, 2)) for _ in range(10)]
        + PHRASES
    )


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]


class Command(BaseCommand):
    help = HOW_TO

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rounds", type=int, default=3, help="Timed passes (3).")

    def handle(self, *args: object, rounds: int, **options: Any) -> None:
        if rounds < 1:
            raise CommandError("--rounds must be at least 1.")
        pages = []
        for text in queries(random.Random(7)):  # noqa: S311 - benchmark data
            found = search.match(text)
            if found and found.ids:
                pages.append((search.parse_query(text), found.ids[:PAGE_SIZE]))
        if not pages:
            raise CommandError("No search finds anything: run seed_corpus first.")
        database = [0.0]

        def timed(execute: Any, sql: str, params: Any, many: bool, context: dict) -> Any:
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                database[0] += time.perf_counter() - started

        for query, ids in pages:  # warm the caches
            search.snippets(query, ids)
        db, cpu, wall = [], [], []
        with connection.execute_wrapper(timed):
            for _ in range(rounds):
                for query, ids in pages:
                    database[0] = 0.0
                    cpu_started, started = time.process_time(), time.perf_counter()
                    search.snippets(query, ids)
                    wall.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - cpu_started) * 1000)
                    db.append(database[0] * 1000)
        self.stdout.write(
            f"Snippets of a page of {PAGE_SIZE}, {len(wall)} pages ({connection.vendor}), ms:"
        )
        for name, values in (("database", db), ("CPU", cpu), ("wall", wall)):
            self.stdout.write(
                f"  {name:<9} p50 {statistics.median(values):6.2f}   "
                f"p95 {percentile(values, 95):6.2f}"
            )
