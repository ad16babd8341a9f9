"""Facets: their declarations (`registry`), the per-process bitmap index (`index`) that
selects results and counts every facet disjunctively (`selection`), and its bit helpers."""

from .bits import bit_positions, bitmap, first_members
from .index import CatalogIndex, TextMatch, current_index, get_index
from .registry import BOOLEAN_TERMS, FACETS, Facet, facet_names, facets
from .selection import Criteria, Selection

FACET_NAMES = facet_names()

__all__ = [
    "BOOLEAN_TERMS",
    "FACETS",
    "FACET_NAMES",
    "CatalogIndex",
    "Criteria",
    "Facet",
    "Selection",
    "TextMatch",
    "bit_positions",
    "bitmap",
    "current_index",
    "facet_names",
    "facets",
    "first_members",
    "get_index",
]
