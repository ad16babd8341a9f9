"""The PostgreSQL backend: `Resource.search_vector`, a stored weighted tsvector with a GIN index.

A title; B summary, learning objectives, topic names, keywords; C description,
materials, facilitator notes, evaluation; D text extracted from the files
(`toolkit_search`: the `english` config with accents folded by unaccent, migration 0009).
Queries use `websearch_to_tsquery` and are ranked with `ts_rank` on the stored column:
the document vector is never computed per query. (Snippets are chosen in Python:
catalog.search.snippets.) User text only ever travels as a parameter of constant SQL.
"""

from __future__ import annotations

from django.db.backends.utils import CursorWrapper

from .query import ParsedQuery
from .reading import read_connection

TS_CONFIG = "toolkit_search"  # english, accents folded (migration 0009); named in the SQL

MATCH_SQL = """
SELECT r.id FROM catalog_resource r, websearch_to_tsquery('toolkit_search', %s) query
WHERE r.retired_at IS NULL AND r.search_vector @@ query
ORDER BY ts_rank(r.search_vector, query) DESC, r.published_at DESC, r.id
"""
VECTOR_SQL = """
UPDATE catalog_resource r SET search_vector =
    setweight(to_tsvector('toolkit_search', coalesce(r.title, '')), 'A')
 || setweight(to_tsvector('toolkit_search', concat_ws(' ', r.summary, r.learning_objectives,
        (SELECT string_agg(t.name, ' ') FROM catalog_resource_topics rt
           JOIN catalog_topic t ON t.id = rt.topic_id WHERE rt.resource_id = r.id),
        r.keywords)), 'B')
 || setweight(to_tsvector('toolkit_search', concat_ws(' ', r.description, r.materials,
        r.facilitator_notes, r.evaluation)), 'C')
 || setweight(to_tsvector('toolkit_search', left(coalesce(r.attachment_text, ''), %s)), 'D')
WHERE r.retired_at IS NULL AND r.id = ANY(%s)
"""
REMOVE_SQL = "UPDATE catalog_resource SET search_vector = NULL WHERE id = ANY(%s)"
CLEAR_SQL = "UPDATE catalog_resource SET search_vector = NULL"


def match_ids(query: ParsedQuery) -> list[int]:
    """Ids of the matching published resources, best first (ties: newest first)."""
    with read_connection().cursor() as cursor:
        cursor.execute(MATCH_SQL, [query.text])
        return [row[0] for row in cursor.fetchall()]


def write(cursor: CursorWrapper, ids: list[int], max_attachment_chars: int) -> int:
    """Compute the stored vectors of `ids` (published ones); returns how many."""
    cursor.execute(VECTOR_SQL, [max_attachment_chars, ids])
    return cursor.rowcount


def remove(cursor: CursorWrapper, ids: list[int]) -> None:
    cursor.execute(REMOVE_SQL, [ids])
