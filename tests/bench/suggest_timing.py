"""Print what synonyms and typo suggestions cost a search, on a seeded catalog.

    TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py seed_corpus --resources 10000
    TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 python -m tests.bench.suggest_timing

(or DATABASE_URL=postgres://… for PostgreSQL). A well-spelt search pays the synonym
expansion and, for its suggestion, nothing (an AND search with results) or a dictionary
check (an "or" search); a misspelt one pays the lookup; the vocabulary is built once per
catalog generation and process.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from time import perf_counter

WELL_SPELT = ["structural racism", "implicit bias", "interpreter", "housing", "health literacy"]
OR_SEARCHES = ["racism or housing", "interpreter or language"]
MISSPELT = ["implict bais", "racsim", "structural rascism", "helth literacy", "interpeter"]
REPEAT = 200


def _median_us(run: Callable[[], object], repeat: int = REPEAT) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = perf_counter()
        run()
        times.append((perf_counter() - start) * 1e6)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings")
    import django

    django.setup()
    from django.db import connection

    from catalog import facets, search
    from catalog.search import suggest, synonyms

    index = facets.get_index()
    stamp = index.stamp
    table = synonyms.table(stamp)
    start = perf_counter()
    vocab = suggest.build_vocabulary()
    build = perf_counter() - start
    suggest._cache = (stamp, vocab)  # as a search would have left it
    print(f"{connection.vendor}, {len(index)} published resources")
    words = len(vocab.documents)
    print(f"vocabulary build (once per generation): {build * 1000:.0f} ms, {words} words")

    def count(query: search.ParsedQuery) -> int:
        found = index.text_match(synonyms.expand(query, table))
        return len(found.ranked) if found else 0

    print(f"{'search':28} {'expand µs':>10} {'suggest µs p50/p95':>20}  suggestion")
    for text in WELL_SPELT + OR_SEARCHES + MISSPELT:
        query = search.parse_query(text)
        found = count(query)  # the search itself, cached: only the added work is timed
        expand = _median_us(lambda q=query: synonyms.expand(q, table))[0]
        p50, p95 = _median_us(lambda q=query, n=found: suggest.correction(q, n, count, stamp), 20)
        fixed = suggest.correction(query, found, count, stamp)
        print(f"{text:28} {expand:10.1f} {p50:10.1f} /{p95:9.1f}  {fixed.text if fixed else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
