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

    def best(self, limit: int) -> list[tuple[float, int]]:
        """(score, id) of the `limit` best matches, best first."""
        return self.engine.top(self.query, min(limit, self.count)) if self.count else []


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
    count = engine.count(tantivy_query)
    return Found(count, engine.match_set(tantivy_query, count), engine, tantivy_query)


def match(query: str | ParsedQuery) -> Match | None:
    """Ids of the published resources matching `query`, best first; None when it has no words."""
    found = find(query)
    return None if found is None else Match([pk for _, pk in found.best(found.count)])
