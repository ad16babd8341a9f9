"""The per-process facet index: bitmaps of every facet value and the page's listing fields.

Design choice. Counting nine facets in SQL means nine GROUP BY queries over
joins, each with its own filter removed: tens of milliseconds at 10,000
resources on either database. Instead each process keeps a `CatalogIndex`:

- every published resource gets a *position*, its rank in newest-first order;
- every value of every declared facet (catalog.facets.registry) is a bitmap: a
  Python int whose bit *p* is set when the resource at position *p* has that
  value. Many-to-many values are bits too, so a resource is counted once however
  many rows it has in a join table;
- time required is a list of cumulative bitmaps ("at most N minutes");
- the terms (labels, known values) and the few fields the catalog page lists
  (title, summary, type, levels, time, year) are kept too, so that a page of
  results needs no database query besides the text search and its snippets.

Freshness: the index is rebuilt (about half a second at 10,000 resources) when
the catalog generation stamp changes: `catalog.search.generation()`, a random
token renewed by every index/remove in the publish and retire transactions and
by every save or delete of a vocabulary term, plus MAX(id); two indexed one-row
lookups, where MAX(updated_at) and COUNT(*) would scan the table. Each gunicorn
worker holds its own index and checks the stamp on every request, so all workers
serve the new catalog from the first request after a publish commits. With read
replicas the stamp and the index come from the same database (`get_index`).
"""

from __future__ import annotations

import bisect
import gc
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .. import search, usage
from ..models import LearnerLevel, Resource, resource_path
from .bits import bitmap, bitmap_of_array, first_members
from .registry import Facet, facets
from .selection import Criteria, Selection

TEXT_CACHE_SIZE = 256
# What the catalog page lists of each resource (facet values are read as the facets say).
LISTING_COLUMNS = (
    "id",
    "slug",
    "title",
    "summary",
    "resource_type__slug",
    "interprofessional",
    "time_required_minutes",
    "first_published_at",
)
Positions = dict[str, dict[str, list[int]]]  # facet -> value -> positions


# Relevance pages ask the engine for the best FIRST_BEST matches, then FIRST_BEST * 4, ...
# until a page of the selection is found among them (the engine finds the top k fast).
FIRST_BEST = 64
MAX_FRAGMENTS = 20_000  # ~0.6 KB each: at most ~12 MB of markup per worker


@dataclass
class TextMatch:
    """A text search turned into positions: `bits` (the match set) for set algebra, and the
    best matches on demand (`ranked_members`), ranked by the engine, ties newest first."""

    bits: int
    count: int
    found: search.Found | None = field(default=None, repr=False)
    position: dict[int, int] = field(default_factory=dict, repr=False)
    _ranked: list[int] = field(default_factory=list, repr=False)
    _limit: int = 0

    def best(self, limit: int) -> list[int]:
        """Positions of the `limit` best matches (at least), best first."""
        if self.found is not None and limit > self._limit and self._limit < self.count:
            scored = [
                (-score, self.position[pk])
                for score, pk in self.found.best(limit)
                if pk in self.position
            ]
            self._ranked = [p for _, p in sorted(scored)]
            self._limit = limit
        return self._ranked

    @property
    def ranked(self) -> list[int]:
        """Positions of every match, best first."""
        return self.best(self.count)

    def ranked_members(self, bits: int, start: int, stop: int) -> list[int]:
        """The start-th to stop-th best matches that are set in `bits`."""
        limit = max(FIRST_BEST, 2 * stop)
        while True:
            out = first_members(self.best(limit), bits, start, stop)
            if len(out) >= stop - start or limit >= self.count:
                return out
            limit *= 4


def _is_many(facet: Facet) -> bool:
    """Whether the facet's path crosses a many-to-many (or reverse) relation."""
    field = Resource._meta.get_field(facet.path.split("__")[0])
    return bool(field.many_to_many or field.one_to_many)


class CatalogIndex:
    """Facet bitmaps and the listing fields of every published resource (a few queries)."""

    def __init__(self, stamp: tuple, using: str = "default") -> None:
        self.stamp = stamp
        self.using = using  # the database it was built from, the one `stamp` was read from
        self.facets = facets()
        self.facet_names = tuple(f.name for f in self.facets)
        single = [f for f in self.facets if not _is_many(f)]
        columns = list(dict.fromkeys([*LISTING_COLUMNS, *(f.path for f in single)]))
        records = list(
            Resource.objects.using(using)
            .published()
            .order_by("-published_at", "id")
            .values_list(*columns)
        )
        at = {name: i for i, name in enumerate(columns)}
        self.ids = [r[0] for r in records]
        self.position = {pk: p for p, pk in enumerate(self.ids)}
        self.position_of_id = np.full(max(self.ids, default=0) + 1, -1, dtype=np.int64)
        self.position_of_id[self.ids] = np.arange(len(self.ids))
        self.all = (1 << len(self.ids)) - 1
        values: Positions = {f.name: {} for f in self.facets}
        for facet in single:
            found, column = values[facet.name], at[facet.path]
            for p, r in enumerate(records):
                if r[column] is not None:
                    found.setdefault(facet.to_value(r[column]), []).append(p)
        members = self._many_values(values, [f for f in self.facets if _is_many(f)])
        self.bits = {
            name: {value: bitmap(set(ps)) for value, ps in by_value.items()}
            for name, by_value in values.items()
        }
        self.terms = {
            f.name: ([(v, v) for v in sorted(values[f.name], reverse=True)])
            if f.open_ended
            else f.terms()
            for f in self.facets
        }
        self.known = {name: frozenset(v for v, _ in terms) for name, terms in self.terms.items()}
        for facet in self.facets:  # values that are no term (a draft collection's) count for none
            if not facet.open_ended:
                known = self.known[facet.name]
                self.bits[facet.name] = {
                    v: b for v, b in self.bits[facet.name].items() if v in known
                }
        self._minutes(records, at["time_required_minutes"])
        self.title_order = sorted(
            range(len(records)), key=lambda p: (records[p][at["title"]].casefold(), self.ids[p])
        )
        self.listing = self._listing(records, at, members.get("level", {}))
        self._usage: tuple[dict[int, int], list[int]] | None = None
        self._text_cache: OrderedDict[str, TextMatch | None] = OrderedDict()
        self._lock = threading.Lock()
        # Markup made only from this index's data (catalog_tags: result cards, facet
        # options), kept until the index is replaced; at most MAX_FRAGMENTS entries.
        self.fragments: dict[tuple, str] = {}

    def _many_values(self, values: Positions, many: list[Facet]) -> dict[str, dict[int, list]]:
        """Fill the many-to-many facets (one query per relation); return each one's values
        per position."""
        members: dict[str, dict[int, list]] = {f.name: {} for f in many}
        relations: dict[str, list[Facet]] = {}
        for facet in many:
            relations.setdefault(facet.path.split("__")[0], []).append(facet)
        for group in relations.values():
            rows = (
                Resource.objects.using(self.using)
                .published()
                .values_list("id", *(f.path for f in group))
            )
            for resource_id, *raw in rows:
                p = self.position.get(resource_id)
                if p is None:
                    continue
                for facet, value in zip(group, raw, strict=True):
                    if value is not None:
                        value = facet.to_value(value)
                        values[facet.name].setdefault(value, []).append(p)
                        members[facet.name].setdefault(p, []).append(value)
        return members

    def _minutes(self, records: list[tuple], column: int) -> None:
        minutes: dict[int, list[int]] = {}
        for p, r in enumerate(records):
            if r[column] is not None:
                minutes.setdefault(r[column], []).append(p)
        self.minute_steps = sorted(minutes)
        cumulative, self.minute_bits = 0, []
        for m in self.minute_steps:
            cumulative |= bitmap(minutes[m])
            self.minute_bits.append(cumulative)

    def _listing(self, records: list[tuple], at: dict[str, int], levels_of: dict) -> list[dict]:
        """The fields the catalog page lists of each resource, by position."""
        levels = list(LearnerLevel.objects.using(self.using))
        order = {level.slug: i for i, level in enumerate(levels)}
        short = {level.slug: f"{level.get_stage_display()} {level.name}" for level in levels}
        types = dict(self.terms.get("type", ()))
        return [
            {
                "id": r[at["id"]],
                "slug": r[at["slug"]],
                "url": resource_path(r[at["slug"]]),
                "title": r[at["title"]],
                "summary": r[at["summary"]],
                "type": types.get(r[at["resource_type__slug"]], ""),
                "levels": ", ".join(
                    short[slug] for slug in sorted(levels_of.get(p, ()), key=order.__getitem__)
                ),
                # Strings: the template then prints them without number formatting.
                "minutes": str(r[at["time_required_minutes"]] or ""),
                "year": str(r[at["first_published_at"]].year),
                "interprofessional": r[at["interprofessional"]],
            }
            for p, r in enumerate(records)
        ]

    def usage_order(self) -> list[int]:
        """Positions by the last twelve months' views and downloads, most first, ties newest
        first; sorted again only when catalog.usage has read new totals."""
        totals = usage.recent_totals.get()
        with self._lock:
            if self._usage is None or self._usage[0] is not totals:
                ids = self.ids
                order = sorted(range(len(ids)), key=lambda p: (-totals.get(ids[p], 0), p))
                self._usage = (totals, order)
            return self._usage[1]

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, positions: Iterable[int]) -> list[dict]:
        """The listing fields of the resources at these positions (fresh dicts)."""
        return [dict(self.listing[p]) for p in positions]

    def years(self) -> list[str]:
        return sorted(self.bits["year"], reverse=True)

    def text_match(self, query: str | search.ParsedQuery) -> TextMatch | None:
        """The resources matching `query` (None: no words to search), cached for this
        generation."""
        query = search.parsed(query)
        key = query.text
        with self._lock:
            if key in self._text_cache:
                self._text_cache.move_to_end(key)
                return self._text_cache[key]
        found = search.find(query, generation=self.stamp)
        result = None
        if found is not None:
            ids = found.ids[found.ids < len(self.position_of_id)]
            positions = self.position_of_id[ids]
            positions = positions[positions >= 0]
            result = TextMatch(bitmap_of_array(positions), len(positions), found, self.position)
        with self._lock:
            self._text_cache[key] = result
            while len(self._text_cache) > TEXT_CACHE_SIZE:
                self._text_cache.popitem(last=False)
        return result

    def clear_text_cache(self) -> None:
        with self._lock:
            self._text_cache.clear()

    def related(self, pk: int, limit: int) -> list[int] | None:
        """Ids of the published resources sharing the most topics and learner levels with
        resource `pk` (more shared topics first, then newest); None if it is not indexed."""
        p = self.position.get(pk)
        if p is None:
            return None
        n = len(self.ids)

        def shared(name: str) -> np.ndarray:
            count = np.zeros(n, dtype=np.int64)
            for bits in self.bits.get(name, {}).values():
                if bits >> p & 1:
                    raw = np.frombuffer(bits.to_bytes((n + 7) // 8, "little"), dtype=np.uint8)
                    count += np.unpackbits(raw, bitorder="little")[:n]
            return count

        topics, levels = shared("topic"), shared("level")
        # Most overlap, then most shared topics, then newest (the lowest position).
        key = ((topics + levels) * 1024 + topics) * (n + 1) + (n - np.arange(n))
        key[p] = 0
        key[topics + levels == 0] = 0
        best = np.argsort(-key, kind="stable")[:limit]
        return [self.ids[q] for q in best if key[q] > 0]

    def facet_filter(self, name: str, values: Iterable[str]) -> int:
        """OR of the bitmaps of the values of one facet (unknown values match nothing)."""
        bits = 0
        for value in values:
            bits |= self.bits[name].get(value, 0)
        return bits

    def minutes_filter(self, max_minutes: int) -> int:
        i = bisect.bisect_right(self.minute_steps, max_minutes)
        return self.minute_bits[i - 1] if i else 0

    def select(self, criteria: Criteria, text: TextMatch | None = None) -> Selection:
        """The resources chosen by `criteria` (and matching `text`), with their counts."""
        base = self.all
        if text is not None:
            base &= text.bits
        if criteria.max_minutes is not None:
            base &= self.minutes_filter(criteria.max_minutes)
        filters = {
            name: self.facet_filter(name, values)
            for name, values in criteria.selected.items()
            if values
        }
        return Selection(self, criteria, text, base, filters)


# --- The per-process index -------------------------------------------------------

_current: CatalogIndex | None = None
_build_lock = threading.Lock()


def current_index() -> CatalogIndex:
    """The index this process has (built if none), without checking the generation."""
    return _current or get_index()


def get_index() -> CatalogIndex:
    """The index of the current catalog generation, rebuilt here when it changed.

    The stamp is read from the database the index would be built from (a replica on public
    pages, see toolkit.replicas), so an index is never kept under a stamp newer than its data:
    a process behind a lagging replica keeps the older catalog until the replica replays the
    change, then rebuilds. The stamp names a state of the catalog, not a database: an index
    built from the primary serves the replica's readers as soon as the replica has caught up.
    """
    global _current
    using = search.read_alias()
    stamp = search.generation(using)
    index = _current
    if index is not None and index.stamp == stamp and index.facets == facets():
        return index
    del index  # the old index: not kept alive here while a new one replaces it
    with _build_lock:
        if _current is None or _current.stamp != stamp or _current.facets != facets():
            _current = CatalogIndex(stamp, using)
            keep_out_of_full_collections(_current)
        return _current


FREEZE_MIN_RESOURCES = 5_000


def keep_out_of_full_collections(index: CatalogIndex) -> None:
    """Leave a large index (and all else this process holds by now) out of the garbage
    collector's full passes (gc.freeze): at 100,000 resources its half a million objects
    made each full pass take 100-200 ms, a pause that some request paid every few hundred
    requests. Before a new index is frozen, the previous one (and any other garbage) is
    collected: frozen objects are never collected, whatever cycles they form."""
    gc.unfreeze()
    if len(index) >= FREEZE_MIN_RESOURCES:
        gc.collect()
        gc.freeze()
