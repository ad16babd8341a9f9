"""Full-text search of published resources: one interface, two backends (DESIGN §9).

The backend is chosen by `connection.vendor`; callers never need to know which:

- **PostgreSQL**: `Resource.search_vector`, a stored weighted `tsvector` (A title;
  B summary, learning objectives, topic names, keywords; C description, materials,
  facilitator notes, evaluation; D text extracted from the files; `english`
  config) with a GIN index. Queries use `websearch_to_tsquery` and are ranked
  with `ts_rank` on the stored column: the document vector is never computed
  per query. Snippets come from `ts_headline`, for the shown rows only.
- **SQLite**: an FTS5 table, `catalog_resource_fts` (porter + unicode61 with
  diacritics removed; columns title, summary, body, attachments; rowid = resource
  id) holding published, non-retired resources only, ranked by `bm25()` with
  column weights. The same web-search syntax is translated by `parse_query` into
  an FTS5 expression in which every word is a quoted string, so the FTS5
  operators (`*`, `NEAR`, `:`, `^`, parentheses, `AND`/`NOT`) typed by a person
  are plain text. Snippets come from FTS5 `snippet()`.

Web-search syntax (the same on both): words are ANDed; `"a phrase"`; `-word` or
`-"a phrase"` excludes; `or` between two terms means either. As in PostgreSQL,
AND binds tighter than OR: `a b or c` is `(a AND b) OR c`. Nothing a person
types can make a search raise: unbalanced quotes, lone operators, NUL bytes and
emoji are tolerated, and very long queries are cut to `MAX_QUERY_CHARS`.

`index_resource` and `remove_resource` run inside the publish / retire
transaction (catalog.services); a resource deleted any other way (the admin) is
taken out by a post_delete receiver. Each also renews the *catalog generation*,
a random token in `catalog_search_generation` that `catalog.facets` reads (one
indexed row) to know when its in-memory index is stale.
"""

import json
import re
import uuid
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection, connections
from django.db.models import FloatField, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from toolkit.text import without_controls

from .models import Resource

FTS_COLUMNS = ("title", "summary", "body", "attachments")
TS_CONFIG = "english"
MAX_QUERY_CHARS = 500
MAX_TERMS = 32
MAX_ATTACHMENT_CHARS = 200_000  # keeps a huge extracted text under tsvector's 1 MB limit

# Snippet markers: control characters that cannot survive in indexed text (see _clean).
START, STOP = "\x02", "\x03"
_QUERY_TOKEN = re.compile(r'(-*)"([^"]*)"?|(-*)([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")


def _clean(text: str) -> str:
    """Text without control characters (NUL, the snippet markers), as both backends need."""
    return without_controls(text)


def clean_query(text: str) -> str:
    """A query safe to hand to the database: no control characters, at most MAX_QUERY_CHARS."""
    return " ".join(_clean(text)[:MAX_QUERY_CHARS].split())


# --- Query parsing -----------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One word or a phrase (several words in order); `negated` for `-term`."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """A web-search query: an OR of groups, each an AND of terms."""

    groups: tuple[tuple[Term, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def words(self) -> list[str]:
        """Every positive word, for highlighting and logging."""
        return [w for g in self.groups for t in g if not t.negated for w in t.words]


def parse_query(text: str) -> ParsedQuery:
    """Parse web-search syntax like PostgreSQL's websearch_to_tsquery; never raises."""
    groups: list[list[Term]] = [[]]
    count = 0
    for m in _QUERY_TOKEN.finditer(clean_query(text)):
        dashes, phrase, word_dashes, word = m.groups()
        if phrase is None and word.lower() == "or" and not word_dashes:
            if groups[-1]:
                groups.append([])
            continue
        raw = phrase if phrase is not None else word
        words = tuple(w.lower() for w in _WORD.findall(raw))
        if not words or count >= MAX_TERMS:
            continue
        negated = len(dashes if phrase is not None else word_dashes) % 2 == 1
        groups[-1].append(Term(words[:MAX_TERMS], negated))
        count += 1
    return ParsedQuery(tuple(tuple(g) for g in groups if g))


def _fts_string(term: Term) -> str:
    """A term as an FTS5 string: always quoted, so nothing in it is an operator."""
    return '"' + " ".join(term.words).replace('"', '""') + '"'


def _fts_any(terms) -> str:
    return " OR ".join(_fts_string(t) for t in terms)


def fts_expression(group: tuple[Term, ...]) -> str | None:
    """The FTS5 MATCH expression of a group's positive terms minus its negative ones."""
    positive = [t for t in group if not t.negated]
    negative = [t for t in group if t.negated]
    if not positive:
        return None
    expression = "(" + " AND ".join(_fts_string(t) for t in positive) + ")"
    if negative:
        expression += f" NOT ({_fts_any(negative)})"
    return expression


# --- Matching ----------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """The published resources matching a query: ids best first (ties: newest first)."""

    ids: list[int]

    def __len__(self) -> int:
        return len(self.ids)


def _vendor(using: str | None = None) -> str:
    return (connections[using] if using else connection).vendor


# Constant SQL: user text only ever travels as a parameter.
PG_MATCH_SQL = """
SELECT r.id FROM catalog_resource r, websearch_to_tsquery('english', %s) query
WHERE r.retired_at IS NULL AND r.search_vector @@ query
ORDER BY ts_rank(r.search_vector, query) DESC, r.published_at DESC, r.id
"""
PG_HEADLINE_SQL = """
SELECT r.id, CASE
    WHEN ts_filter(r.search_vector, '{a,b}') @@ query
        THEN ts_headline('english', concat_ws(' ', r.summary, r.learning_objectives), query, %s)
    WHEN ts_filter(r.search_vector, '{c}') @@ query
        THEN ts_headline('english', r.description, query, %s)
    END
FROM catalog_resource r, websearch_to_tsquery('english', %s) query
WHERE r.id = ANY(%s)
"""
PG_HEADLINE_OPTIONS = (
    'StartSel=\x02, StopSel=\x03, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "'
)
FTS_MATCH_SQL = """
SELECT rowid FROM catalog_resource_fts WHERE catalog_resource_fts MATCH %s
ORDER BY bm25(catalog_resource_fts, 10.0, 4.0, 2.0, 1.0), rowid DESC
"""
FTS_ALL_BUT_SQL = """
SELECT f.rowid FROM catalog_resource_fts f JOIN catalog_resource r ON r.id = f.rowid
WHERE f.rowid NOT IN (
    SELECT rowid FROM catalog_resource_fts WHERE catalog_resource_fts MATCH %s)
ORDER BY r.published_at DESC, r.id
"""
FTS_SNIPPET_SQL = """
SELECT rowid, snippet(catalog_resource_fts, %s, char(2), char(3), '…', 28)
FROM catalog_resource_fts
WHERE catalog_resource_fts MATCH %s AND rowid IN (SELECT value FROM json_each(%s))
"""
FTS_IDS_SQL = "SELECT rowid FROM catalog_resource_fts WHERE catalog_resource_fts MATCH %s"
FTS_ALL_IDS_SQL = "SELECT rowid FROM catalog_resource_fts"


def _fts_query(parsed: ParsedQuery) -> str | None:
    """The FTS5 expression of the groups that have a positive term, ORed."""
    expressions = [e for e in map(fts_expression, parsed.groups) if e]
    return " OR ".join(f"({e})" for e in expressions) or None


def _fetch_ids(sql: str, params) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def match(text: str) -> Match | None:
    """Ids of the published resources matching `text`, best first; None when it has no words."""
    parsed = parse_query(text)
    if not parsed:
        return None
    if _vendor() == "postgresql":
        return Match(_fetch_ids(PG_MATCH_SQL, [clean_query(text)]))
    expression = _fts_query(parsed)
    ids = _fetch_ids(FTS_MATCH_SQL, [expression]) if expression else []
    seen = set(ids)
    for group in parsed.groups:
        if not any(not t.negated for t in group):
            # "-word" alone: everything published but the matches; unranked, newest first.
            for pk in _fetch_ids(FTS_ALL_BUT_SQL, [_fts_any(group)]):
                if pk not in seen:
                    seen.add(pk)
                    ids.append(pk)
    return Match(ids)


def filter_queryset(queryset, text: str):
    """`queryset` restricted in SQL to the resources matching `text` (for FilterSet.qs)."""
    parsed = parse_query(text)
    if not parsed:
        return queryset
    if _vendor(queryset.db) == "postgresql":
        query = SearchQuery(clean_query(text), search_type="websearch", config=TS_CONFIG)
        return queryset.filter(search_vector=query)

    def matching(expression):
        return Q(pk__in=RawSQL(FTS_IDS_SQL, [expression]))  # noqa: S611 - constant SQL

    condition = Q(pk__in=[])
    for group in parsed.groups:
        positive = [t for t in group if not t.negated]
        negative = [t for t in group if t.negated]
        if positive:
            clause = matching(" AND ".join(map(_fts_string, positive)))
        else:
            clause = Q(pk__in=RawSQL(FTS_ALL_IDS_SQL, []))  # noqa: S611 - constant SQL
        if negative:
            clause &= ~matching(_fts_any(negative))
        condition |= clause
    return queryset.filter(condition)


PG_RANK_SQL = "ts_rank(catalog_resource.search_vector, websearch_to_tsquery('english', %s))"
FTS_RANK_SQL = """
-(SELECT bm25(catalog_resource_fts, 10.0, 4.0, 2.0, 1.0) FROM catalog_resource_fts
  WHERE catalog_resource_fts MATCH %s AND rowid = catalog_resource.id)
"""


def rank_queryset(queryset, text: str):
    """`queryset` annotated with `search_rank` (higher is better; NULL when unranked)."""
    parsed = parse_query(text)
    if _vendor(queryset.db) == "postgresql":
        rank = RawSQL(PG_RANK_SQL, [clean_query(text)])  # noqa: S611 - constant SQL
    elif parsed and (expression := _fts_query(parsed)):
        rank = RawSQL(FTS_RANK_SQL, [expression])  # noqa: S611 - constant SQL
    else:
        rank = Value(None, output_field=FloatField())
    return queryset.annotate(search_rank=rank)


# --- Snippets ----------------------------------------------------------------


# Line breaks in a snippet (between the summary and each objective): a separator on the
# one line a snippet is shown on, or just a space after a sentence's end.
_BREAK_AFTER_SENTENCE = re.compile(r"(?<=[.!?:;…])[ \t]*\n\s*")
_BREAK = re.compile(r"[ \t]*\n\s*")


def _one_line(text: str) -> str:
    return _BREAK.sub(" · ", _BREAK_AFTER_SENTENCE.sub(" ", text.strip()))


def highlight(marked: str) -> SafeString:
    """Escape `marked` and turn our START/STOP markers into balanced <mark> elements.

    The only place search text becomes markup: everything else is escaped, and a
    stray or unbalanced marker can never produce an unclosed element. Line breaks
    become separators, so that listed objectives do not run together.
    """
    out, open_ = [], False
    for piece in re.split(f"([{START}{STOP}])", _one_line(marked)):
        if piece == START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == STOP:
            if open_:
                out.append("</mark>")
                open_ = False
        elif piece:
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - built from escaped text and our own tags


def snippets(text: str, resource_ids) -> dict[int, SafeString]:
    """Highlighted snippets of the given resources (the page slice only); absent if no match."""
    parsed = parse_query(text)
    resource_ids = [int(pk) for pk in resource_ids]
    if not parsed or not resource_ids:
        return {}
    with connection.cursor() as cursor:
        if _vendor() == "postgresql":
            # The summary when it (or the title) matches, else the description: the shorter
            # text that can hold a match, since ts_headline parses all it is given.
            options = PG_HEADLINE_OPTIONS
            cursor.execute(PG_HEADLINE_SQL, [options, options, clean_query(text), resource_ids])
            rows = cursor.fetchall()
        else:
            expression = _fts_query(parsed)
            if not expression:
                return {}
            # The summary column when it holds a match, else the body (longer: only if needed).
            cursor.execute(FTS_SNIPPET_SQL, [1, expression, json.dumps(resource_ids)])
            rows = [(pk, snippet) for pk, snippet in cursor.fetchall() if START in snippet]
            missing = set(resource_ids) - {pk for pk, _ in rows}
            if missing:
                cursor.execute(FTS_SNIPPET_SQL, [2, expression, json.dumps(sorted(missing))])
                rows += cursor.fetchall()
    return {pk: highlight(marked) for pk, marked in rows if marked and START in marked}


# --- Indexing ----------------------------------------------------------------


def _join(*parts) -> str:
    return "\n".join(_clean(p) for p in parts if p)


def document(resource) -> dict[str, str]:
    """The four weighted parts of a resource's search document."""
    topics = " ".join(t.name for t in resource.topics.all())
    return {
        "title": _clean(resource.title),
        "summary": _join(resource.summary, resource.learning_objectives, topics, resource.keywords),
        "body": _join(
            resource.description,
            resource.materials,
            resource.facilitator_notes,
            resource.evaluation,
        ),
        "attachments": _clean(resource.attachment_text[:MAX_ATTACHMENT_CHARS]),
    }


GENERATION_RENEW_SQL = "UPDATE catalog_search_generation SET token = %s WHERE id = 1"
GENERATION_SQL = """
SELECT (SELECT token FROM catalog_search_generation WHERE id = 1),
       (SELECT MAX(id) FROM catalog_resource)
"""
PG_VECTOR_SQL = """
UPDATE catalog_resource r SET search_vector =
    setweight(to_tsvector('english', coalesce(r.title, '')), 'A')
 || setweight(to_tsvector('english', concat_ws(' ', r.summary, r.learning_objectives,
        (SELECT string_agg(t.name, ' ') FROM catalog_resource_topics rt
           JOIN catalog_topic t ON t.id = rt.topic_id WHERE rt.resource_id = r.id),
        r.keywords)), 'B')
 || setweight(to_tsvector('english', concat_ws(' ', r.description, r.materials,
        r.facilitator_notes, r.evaluation)), 'C')
 || setweight(to_tsvector('english', left(coalesce(r.attachment_text, ''), %s)), 'D')
WHERE r.retired_at IS NULL AND r.id = ANY(%s)
"""
PG_REMOVE_SQL = "UPDATE catalog_resource SET search_vector = NULL WHERE id = ANY(%s)"
PG_CLEAR_SQL = "UPDATE catalog_resource SET search_vector = NULL"
FTS_REMOVE_SQL = "DELETE FROM catalog_resource_fts WHERE rowid IN (SELECT value FROM json_each(%s))"
FTS_INSERT_SQL = """
INSERT INTO catalog_resource_fts (rowid, title, summary, body, attachments)
VALUES (%s, %s, %s, %s, %s)
"""
FTS_CLEAR_SQL = "DELETE FROM catalog_resource_fts"


def renew_generation(using: str = "default") -> None:
    """Tell every process that the catalog changed (catalog.facets rebuilds its index)."""
    with connections[using].cursor() as cursor:
        cursor.execute(GENERATION_RENEW_SQL, [uuid.uuid4().hex])


def generation(using: str = "default") -> tuple:
    """The catalog generation stamp: two indexed one-row lookups; changes on every write."""
    with connections[using].cursor() as cursor:
        cursor.execute(GENERATION_SQL)
        return tuple(cursor.fetchone())


def index_resource(resource) -> None:
    """Add or refresh one resource in the search index (a retired one is removed)."""
    if resource.retired_at is not None:
        remove_resource(resource)
    else:
        index_many([resource.pk])


def remove_resource(resource) -> None:
    """Take one resource out of the search index."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_REMOVE_SQL, [[resource.pk]])
        else:
            cursor.execute(FTS_REMOVE_SQL, [json.dumps([resource.pk])])
    renew_generation()


@receiver(post_delete, sender=Resource, dispatch_uid="catalog-search-resource-deleted")
def _resource_deleted(sender, instance, using="default", **kwargs):
    """A resource deleted outside the services (say, in the admin) leaves the index too."""
    with connections[using].cursor() as cursor:
        if connections[using].vendor != "postgresql":  # PostgreSQL's vector went with the row
            cursor.execute(FTS_REMOVE_SQL, [json.dumps([instance.pk])])
    renew_generation(using)


def index_many(ids, using: str = "default") -> int:
    """Index many published resources at once (seed_corpus, rebuild_index); returns how many."""
    ids = [int(pk) for pk in ids]
    conn = connections[using]
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute(PG_VECTOR_SQL, [MAX_ATTACHMENT_CHARS, ids])
            count = cursor.rowcount
        else:
            resources = Resource.objects.using(using).published().filter(pk__in=ids)
            rows = []
            for resource in resources.prefetch_related("topics"):
                doc = document(resource)
                rows.append((resource.pk, *(doc[c] for c in FTS_COLUMNS)))
            cursor.execute(FTS_REMOVE_SQL, [json.dumps(ids)])
            cursor.executemany(FTS_INSERT_SQL, rows)
            count = len(rows)
    renew_generation(using)
    return count


def rebuild_index(using: str = "default", batch_size: int = 500, progress=None) -> int:
    """Index every published resource again; returns how many were indexed.

    `progress`, if given, is called with the number of resources done after each batch.
    """
    with connections[using].cursor() as cursor:
        vendor = connections[using].vendor
        cursor.execute(PG_CLEAR_SQL if vendor == "postgresql" else FTS_CLEAR_SQL)
    ids = list(
        Resource.objects.using(using).published().order_by("pk").values_list("pk", flat=True)
    )
    total = 0
    for start in range(0, len(ids), batch_size):
        done = index_many(ids[start : start + batch_size], using=using)
        total += done
        if progress:
            progress(done)
    renew_generation(using)
    return total
