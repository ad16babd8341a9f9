"""Which published resources match a query: the search engine (catalog.search.engine) on
either database."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import tantivy
from django.db import connections

from . import engine as engines
from .query import ParsedQuery, parsed
from .reading import read_connection

# The best matches read with the count (`find`): at most this many is one pass over the
# matches (the match set comes from them); more need a second pass for the match set, which
# is cheap (hits ordered by id), while every best match read costs a Python object. 256
# covers the first two rounds of a relevance page (facets.index.FIRST_BEST, then 4 times
# it). At 100,000 resources, reading 1,000 rather than 256 cost 0.4-0.7 ms more for a word
# in 13 % to 98 % of the catalog.
FIRST = 256


@dataclass(frozen=True)
class Match:
    """The published resources matching a query: ids best first."""

    ids: list[int]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Found:
    """A search's matches: their exact count and ids (ascending); the best ones on demand."""

    count: int
    ids: np.ndarray
    engine: engines.Engine = field(repr=False)
    query: tantivy.Query = field(repr=False)
    ranked: list[tuple[float, int]] = field(default_factory=list, repr=False)  # the best first

    def best(self, limit: int) -> list[tuple[float, int]]:
        """(score, id) of the `limit` best matches, best first."""
        limit = min(limit, self.count)
        if limit <= len(self.ranked):
            return self.ranked[:limit]
        return self.engine.top(self.query, limit) if limit else []


def vendor(using: str | None = None) -> str:
    """The database vendor ("postgresql" or "sqlite") of `using` (the catalog's read alias)."""
    return (connections[using] if using else read_connection()).vendor


def find(query: str | ParsedQuery, generation: tuple | None = None) -> Found | None:
    """The resources matching `query` (None when it has no words).

    `generation`, when the caller has just read it (the facet index), saves a query.
    """
    query = parsed(query)
    if not query:
        return None
    engine = engines.engine()
    engine.sync(token=generation)
    tantivy_query = engine.query(query)
    # One pass gives the exact count and the best FIRST: every match when there are no
    # more (most searches), else the best the page and its facets' first pages need.
    count, ranked = engine.first(tantivy_query, FIRST)
    if count == len(ranked):
        ids = np.sort(np.fromiter((pk for _, pk in ranked), np.int64, len(ranked)))
    else:
        ids = engine.match_set(tantivy_query, count)
    return Found(count, ids, engine, tantivy_query, ranked)


def match(query: str | ParsedQuery) -> Match | None:
    """Ids of the published resources matching `query`, best first; None when it has no words."""
    found = find(query)
    return None if found is None else Match([pk for _, pk in found.best(found.count)])
