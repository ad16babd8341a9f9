"""Which published resources match a query: one interface, the backend of the database."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections

from . import postgres, sqlite
from .query import ParsedQuery, parsed
from .reading import read_connection


@dataclass(frozen=True)
class Match:
    """The published resources matching a query: ids best first (ties: newest first)."""

    ids: list[int]

    def __len__(self) -> int:
        return len(self.ids)


def vendor(using: str | None = None) -> str:
    """The database vendor ("postgresql" or "sqlite") of `using` (the catalog's read alias)."""
    return (connections[using] if using else read_connection()).vendor


def match(query: str | ParsedQuery) -> Match | None:
    """Ids of the published resources matching `query`, best first; None when it has no words."""
    query = parsed(query)
    if not query:
        return None
    backend = postgres if vendor() == "postgresql" else sqlite
    return Match(backend.match_ids(query))
