"""Print the search-quality figures of the judged query set against the current database.

Run on a database holding the demo catalog only (`make search-quality` seeds a throw-away
one); `--misses` also lists the queries without a good result in the top 3.
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.catalog.judged", description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the failed queries")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings")
    import django

    django.setup()
    from django.db import connection

    from tests.catalog.judged import evaluation

    scores = evaluation.evaluate(evaluation.judged_set().queries, evaluation.api_search())
    print(f"Search quality on {connection.vendor} ({len(scores)} judged queries)")
    print(evaluation.table(evaluation.summary(scores)))
    if args.misses:
        print("No grade-2 result in the top 3:")
        print(evaluation.misses(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
