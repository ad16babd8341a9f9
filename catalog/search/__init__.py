"""Full-text search of published resources: one interface, two backends (DESIGN §9).

The backend is chosen by `connection.vendor`; callers never need to know which:
`postgres` (a stored weighted tsvector, GIN, ts_rank, ts_headline) or `sqlite`
(an FTS5 table, bm25, snippet()). `query` parses the web-search syntax (once per
request: pass the ParsedQuery on), `matching` finds the resources, `snippets`
highlights the shown ones and `indexing` keeps the index and the catalog
generation up to date.
"""

from .indexing import (
    MAX_ATTACHMENT_CHARS,
    document,
    generation,
    index_many,
    index_resource,
    rebuild_index,
    remove_resource,
    renew_generation,
)
from .matching import Found, Match, find, match, vendor
from .query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    START,
    STOP,
    ParsedQuery,
    Term,
    clean_query,
    clean_text,
    parse_query,
    parsed,
)
from .snippets import highlight, snippets
from .sqlite import CLEAR_SQL as FTS_CLEAR_SQL
from .sqlite import fts_expression

__all__ = [
    "FTS_CLEAR_SQL",
    "MAX_ATTACHMENT_CHARS",
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "START",
    "STOP",
    "Found",
    "Match",
    "ParsedQuery",
    "Term",
    "clean_query",
    "clean_text",
    "document",
    "find",
    "fts_expression",
    "generation",
    "highlight",
    "index_many",
    "index_resource",
    "match",
    "parse_query",
    "parsed",
    "rebuild_index",
    "remove_resource",
    "renew_generation",
    "snippets",
    "vendor",
]
