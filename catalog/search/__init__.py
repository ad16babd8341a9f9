"""Full-text search of published resources: one interface, two backends (DESIGN §9).

The backend is chosen by `connection.vendor`; callers never need to know which:
`postgres` (a stored weighted tsvector, GIN, ts_rank) or `sqlite` (an FTS5
table, bm25). `query` parses the web-search syntax (once per request:
pass the ParsedQuery on), `matching` finds the resources, `snippets` picks and
highlights the best sentence of the shown ones (the same in Python on both
databases; `stems` finds the words) and `indexing` keeps the index and the
catalog generation up to date.
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
from .reading import read_alias, read_connection
from .snippets import highlight, highlight_words, snippets
from .sqlite import CLEAR_SQL as FTS_CLEAR_SQL
from .sqlite import fts_expression
from .stems import Words

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
    "Words",
    "clean_query",
    "clean_text",
    "document",
    "find",
    "fts_expression",
    "generation",
    "highlight",
    "highlight_words",
    "index_many",
    "index_resource",
    "match",
    "parse_query",
    "parsed",
    "read_alias",
    "read_connection",
    "rebuild_index",
    "remove_resource",
    "renew_generation",
    "snippets",
    "vendor",
]
