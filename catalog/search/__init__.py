"""Full-text search of published resources (DESIGN §9), the same on both databases.

`engine` is a tantivy index beside the database (the database holds only the
catalog generation stamp). `query` parses the web-search syntax (once per request:
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
from .stems import Words

__all__ = [
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
