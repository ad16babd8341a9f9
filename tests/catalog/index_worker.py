"""A stand-in for a gunicorn worker: its own process, its own per-process facet index.

Run by tests/catalog/test_index_workers.py with the test database in its environment. Each
line on stdin asks for the index as a request would (`catalog.facets.get_index`); the answer
is one JSON line: how many resources it holds, its generation stamp, its titles, and whether
this request rebuilt it.
"""

from __future__ import annotations

import json
import sys

import django


def main() -> None:
    django.setup()
    from catalog.facets import get_index

    previous = None
    for _ in sys.stdin:
        index = get_index()
        answer = {
            "size": len(index),
            "stamp": repr(index.stamp),
            "titles": sorted(row["title"] for row in index.listing),
            "rebuilt": index is not previous,
        }
        previous = index
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
