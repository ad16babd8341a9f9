"""The SQLite backend: an FTS5 table, `catalog_resource_fts`, ranked by bm25().

The table (porter + unicode61 with diacritics removed; columns title, summary,
body, attachments; rowid = resource id) holds published, non-retired resources
only. The web-search syntax is translated into an FTS5 expression in which every
word is a quoted string, so the FTS5 operators (`*`, `NEAR`, `:`, `^`,
parentheses, `AND`/`NOT`) typed by a person are plain text. (Snippets are chosen
in Python: catalog.search.snippets.) User text only ever travels as a parameter of
constant SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.db.backends.utils import CursorWrapper

from .query import ParsedQuery, Term
from .reading import read_connection

COLUMNS = ("title", "summary", "body", "attachments")

MATCH_SQL = """
SELECT rowid FROM catalog_resource_fts WHERE catalog_resource_fts MATCH %s
ORDER BY bm25(catalog_resource_fts, 10.0, 4.0, 2.0, 1.0), rowid DESC
"""
ALL_BUT_SQL = """
SELECT f.rowid FROM catalog_resource_fts f JOIN catalog_resource r ON r.id = f.rowid
WHERE f.rowid NOT IN (
    SELECT rowid FROM catalog_resource_fts WHERE catalog_resource_fts MATCH %s)
ORDER BY r.published_at DESC, r.id
"""
REMOVE_SQL = "DELETE FROM catalog_resource_fts WHERE rowid IN (SELECT value FROM json_each(%s))"
INSERT_SQL = """
INSERT INTO catalog_resource_fts (rowid, title, summary, body, attachments)
VALUES (%s, %s, %s, %s, %s)
"""
CLEAR_SQL = "DELETE FROM catalog_resource_fts"


def fts_string(term: Term) -> str:
    """A term as an FTS5 string: always quoted, so nothing in it is an operator."""
    return '"' + " ".join(term.words).replace('"', '""') + '"'


def fts_any(terms: Iterable[Term]) -> str:
    """The FTS5 expression matching any of the terms."""
    return " OR ".join(fts_string(t) for t in terms)


def fts_expression(group: tuple[Term, ...]) -> str | None:
    """The FTS5 MATCH expression of a group's positive terms minus its negative ones."""
    positive = [t for t in group if not t.negated]
    negative = [t for t in group if t.negated]
    if not positive:
        return None
    expression = "(" + " AND ".join(fts_string(t) for t in positive) + ")"
    if negative:
        expression += f" NOT ({fts_any(negative)})"
    return expression


def fts_query(query: ParsedQuery) -> str | None:
    """The FTS5 expression of the groups that have a positive term, ORed."""
    expressions = [e for e in map(fts_expression, query.groups) if e]
    return " OR ".join(f"({e})" for e in expressions) or None


def _fetch_ids(sql: str, params: Sequence) -> list[int]:
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def match_ids(query: ParsedQuery) -> list[int]:
    """Ids of the matching resources, best first (a negative-only group: newest first)."""
    expression = fts_query(query)
    ids = _fetch_ids(MATCH_SQL, [expression]) if expression else []
    seen = set(ids)
    for group in query.groups:
        if not any(not t.negated for t in group):
            # "-word" alone: everything published but the matches; unranked, newest first.
            for pk in _fetch_ids(ALL_BUT_SQL, [fts_any(group)]):
                if pk not in seen:
                    seen.add(pk)
                    ids.append(pk)
    return ids


def write(cursor: CursorWrapper, ids: list[int], rows: list[tuple]) -> None:
    """Replace the indexed rows of `ids` with `rows` (id and the four columns)."""
    cursor.execute(REMOVE_SQL, [json.dumps(ids)])
    cursor.executemany(INSERT_SQL, rows)


def remove(cursor: CursorWrapper, ids: list[int]) -> None:
    cursor.execute(REMOVE_SQL, [json.dumps(ids)])
