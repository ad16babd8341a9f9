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
    vocab = suggest.vocabulary(stamp)
    build = perf_counter() - start
    start = perf_counter()
    vocab.update()  # what a new catalog generation costs: nothing new was published
    update = perf_counter() - start
    print(f"{connection.vendor}, {len(index)} published resources")
    words = len(vocab.uses)
    print(f"vocabulary: first build {build * 1000:.0f} ms ({words} words), ", end="")
    print(f"update for a new generation {update * 1000:.1f} ms")

    def count(query: search.ParsedQuery) -> int:
        found = index.text_match(synonyms.expand(query, table))
        return len(found.ranked) if found else 0

    print(f"{'search':28} {'expand µs':>10} {'suggest: first ms':>18} {'again µs':>9}  suggestion")
    for text in WELL_SPELT + OR_SEARCHES + MISSPELT:
        query = search.parse_query(text)
        found = count(query)  # the search itself, cached: only the added work is timed
        expand = _median_us(lambda q=query: synonyms.expand(q, table))[0]
        start = perf_counter()  # the first time: the candidates' searches are not cached
        fixed = suggest.correction(query, found, count, stamp)
        first = (perf_counter() - start) * 1000
        again = _median_us(lambda q=query, n=found: suggest.correction(q, n, count, stamp), 20)[0]
        shown = fixed.text if fixed else "-"
        print(f"{text:28} {expand:10.1f} {first:18.1f} {again:9.1f}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
