"""Measure the per-process facet index (catalog.facets.index.CatalogIndex): memory, build time."""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

from catalog import search
from catalog.facets.index import CatalogIndex

HOW_TO = """
Build the facet index of the current catalog the way a worker does, and print its size:
the process's resident memory before and after (RSS, from /proc), what tracemalloc sees
allocated and still held (the index) and at the peak of its build, the peak RSS of a
rebuild made while the previous index is still in use (what a worker needs when the
catalog changes), per resource, and the index's parts (deep sizes).
Use it on a catalog made by seed_corpus, e.g.

  DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/m.sqlite3 manage.py migrate
  DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/m.sqlite3 manage.py seed_corpus --lean --resources 100000
  DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/m.sqlite3 manage.py facet_index_memory
"""

MB = 1024 * 1024
PARTS = ("listing", "bits", "minute_bits", "ids", "position", "title_order", "terms", "known")


def proc_status(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in bytes (0 off Linux)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return 0
    for line in status.read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def rss_bytes() -> int:
    """This process's resident set size."""
    return proc_status("VmRSS")


def _children(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        yield from value.keys()
        yield from value.values()
    elif isinstance(value, list | tuple | set | frozenset):
        yield from value


def deep_size(value: object) -> int:
    """Bytes held by `value` and everything it contains (each object counted once)."""
    seen: set[int] = set()
    stack, total = [value], 0
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        stack.extend(_children(item))
    return total


class Command(BaseCommand):
    help = HOW_TO

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> Any:
        from argparse import RawDescriptionHelpFormatter

        kwargs["formatter_class"] = RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-tracemalloc",
            action="store_true",
            help="Only RSS and build time (tracemalloc slows the build about twofold).",
        )

    def handle(self, *args: object, no_tracemalloc: bool, **options: Any) -> None:
        using = search.read_alias()
        stamp = search.generation(using)
        gc.collect()
        before = rss_bytes()
        started, cpu = time.perf_counter(), time.process_time()
        index = CatalogIndex(stamp, using)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        gc.collect()
        after = rss_bytes()
        n = max(len(index), 1)

        def row(label: str, size: float, note: str = "") -> None:
            per = f"  ({size / n:,.0f} B per resource)" if not note else f"  ({note})"
            self.stdout.write(f"{label:<22}{size / MB:>10.1f} MB{per}")

        self.stdout.write(f"{'catalog database':<22}{using} ({connections[using].vendor})")
        self.stdout.write(f"{'resources':<22}{len(index):>10,}")
        # CPU time too: on a busy machine the wall time says more about the neighbours.
        self.stdout.write(f"{'build time':<22}{seconds:>10.2f} s  ({cpu:.2f} s CPU)")
        row("RSS before", before, "the process before the index")
        row("RSS growth", after - before)
        # A publish: the worker builds the next index while the current one still serves.
        following = CatalogIndex(stamp, using)
        row("peak RSS", proc_status("VmHWM"), "a rebuild beside the live index")
        del following
        gc.collect()
        if not no_tracemalloc:
            tracemalloc.start()
            traced = CatalogIndex(stamp, using)
            held, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            del traced
            row("tracemalloc held", held)
            row("tracemalloc peak", peak)
        for part in PARTS:
            row(f"  {part}", deep_size(getattr(index, part)))
