"""The search engine: a tantivy index of the published resources, beside the database.

Why (issue 13 item 5). FTS5's bm25() and PostgreSQL's ts_rank score every match
before the best 20 can be chosen, and a GIN lookup of a word in most resources
reads most of the table: hundreds of milliseconds at 100,000 resources. Tantivy
(Rust, block-max WAND) returns the top k and the exact count without scoring
every match, and the exact match *set*, which the facet index needs for its
disjunctive counts, comes from hits ordered by id or, for large sets, from one
aggregation without a Python object per match (see `Engine.match_set`). The same
engine serves SQLite and PostgreSQL, so a search means the same on both (snippets are
chosen in Python: catalog.search.snippets).

Text: the four weighted parts of `indexing.document` (title 10, summary 4, body 2,
attachments 1), split on non-alphanumerics, lower-cased,
accents folded to ASCII ("atencion" finds "atención") and Snowball-stemmed.

Keeping in step. Each document carries its resource id and a stamp of its
`updated_at`. The index records the catalog generation (`indexing.generation`)
it reflects; a process that finds the generation changed compares the published
resources' (id, stamp) with the index's and re-indexes the difference
(`Engine.sync`): publish, retire, delete in the admin, a rolled-back transaction
and a crash between the two writes all converge. Only one process writes at a
time (tantivy's writer lock; the others wait, then read what it wrote), so
several gunicorn workers share one index on disk.

Location: `settings.TOOLKIT_SEARCH_INDEX`: "" for the default (a directory beside
the SQLite file, or var/search-<database name> for PostgreSQL), "memory" for a
per-process index in RAM (tests), or a directory.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tantivy
from django.conf import settings
from django.db import connections

from .query import ParsedQuery, Term

FIELDS = (("title", 10.0), ("summary", 4.0), ("body", 2.0), ("attachments", 1.0))
TOKENIZER = "toolkit"
# Each text field has a twin holding its adjacent token pairs ("structur_racism"): a
# two-word phrase is one term there, and a longer one needs every pair before positions
# are checked, instead of a position check in every resource holding all its words
# ("health learners" at 100,000 resources: tens of milliseconds). Pairs are made from the
# analysed tokens, joined by "_" (which no token holds: the simple tokenizer splits on it).
PAIRS = "_pairs"
PAIR_TOKENIZER = "toolkit-pairs"
# The index lives in a directory named after its schema: a new schema starts a new index
# (synced from the database on first use) instead of failing to open the old one.
SCHEMA_DIRECTORY = "v2-pairs"
MAX_TOKEN_CHARS = 40
# A match set is read as hits ordered by id, or above AGGREGATE_SHARE of the catalog as an
# aggregation over blocks of BLOCK ids (Engine._aggregated), which costs less per match but
# more to begin with. At 100,000 resources: 460 matches 0.10 ms as hits against 0.55 ms
# aggregated, 4,000 0.74 against 2.3, 13,000 3.0 against 3.6, 19,000 5.6 against 4.5.
BLOCK = 48
AGGREGATE_SHARE = 0.15
MAX_BUCKETS = 65_000  # tantivy's aggregation limit: above it (over 3 million ids), as hits
WRITER_HEAP = 64_000_000
WRITER_WAIT_SECONDS = 60.0
MARKER = "toolkit-generation"
_BITS = np.arange(BLOCK, dtype=np.uint64)


def analyzer() -> tantivy.TextAnalyzer:
    """The analysis of indexed text and of query words alike."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("rid", indexed=True, fast=True)
    builder.add_unsigned_field("stamp", fast=True)
    builder.add_unsigned_field("block", fast=True)
    builder.add_unsigned_field("bit", fast=True)
    for name, _ in FIELDS:
        builder.add_text_field(name, tokenizer_name=TOKENIZER, index_option="position")
        builder.add_text_field(name + PAIRS, tokenizer_name=PAIR_TOKENIZER, index_option="freq")
    return builder.build()


def pairs(tokens: list[str]) -> list[str]:
    """The adjacent pairs of some analysed tokens, in order."""
    return [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]


@dataclass(frozen=True)
class Entry:
    """What the engine indexes of one resource: id, stamp and the four weighted texts."""

    rid: int
    stamp: int
    texts: dict[str, str]


class Engine:
    """One tantivy index (on disk or in memory) and the searcher of the generation it holds."""

    def __init__(self, path: str | None) -> None:
        self.path = str(Path(path) / SCHEMA_DIRECTORY) if path else None
        if self.path:
            Path(self.path).mkdir(parents=True, exist_ok=True)
        self.schema = schema()
        self.index = tantivy.Index(self.schema, path=self.path, reuse=True)
        self.analyzer = analyzer()
        self.index.register_tokenizer(TOKENIZER, self.analyzer)
        self.index.register_tokenizer(
            PAIR_TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )
        self._memory_marker: str | None = None
        self.synced: object = None  # the generation this process's searcher reflects
        self.searcher = self.index.searcher()
        self._lock = threading.RLock()

    # --- keeping in step ------------------------------------------------------------

    def marker(self) -> str | None:
        """The generation the index on disk reflects (None: unknown)."""
        if not self.path:
            return self._memory_marker
        try:
            return (Path(self.path) / MARKER).read_text()
        except FileNotFoundError:
            return None

    def _write_marker(self, token: str) -> None:
        if not self.path:
            self._memory_marker = token
            return
        target = Path(self.path) / MARKER
        temporary = target.with_suffix(f".{os.getpid()}")
        temporary.write_text(token)
        temporary.replace(target)

    def sync(self, using: str = "default", token: tuple | None = None) -> None:
        """Bring the index to the database's current catalog generation (cheap when it is).

        `token`: the generation, when the caller has just read it.
        """
        from . import indexing

        # The generation is read before the rows, so that the marker never claims rows newer
        # than the ones indexed (a publish in between only causes another sync).
        stamp = repr(token if token is not None else indexing.generation(using))
        if self.synced == stamp:
            return
        with self._lock:
            if self.synced == stamp:
                return
            if self.marker() != stamp:
                with self.writer() as writer:
                    if self.marker() != stamp:  # another process may just have done it
                        self.index.reload()
                        self._apply(writer, indexing.entries_to_sync(self.stamps(), using))
                        writer.commit()
                        self._write_marker(stamp)
            self.index.reload()
            self.searcher = self.index.searcher()
            self.synced = stamp

    def stamps(self) -> dict[int, int]:
        """Resource id -> stamp of every indexed document."""
        searcher = self.index.searcher()
        if not searcher.num_docs:
            return {}
        hits = searcher.search(tantivy.Query.all_query(), searcher.num_docs, count=False).hits
        addresses = [address for _, address in hits]
        rids = searcher.fast_field_values("rid", addresses)
        stamps = searcher.fast_field_values("stamp", addresses)
        return {
            int(rid): int(stamp)
            for rid, stamp in zip(rids, stamps, strict=True)
            if rid is not None and stamp is not None
        }

    @contextlib.contextmanager
    def writer(self) -> Iterator[tantivy.IndexWriter]:
        """The index's only writer: waits while another process holds it."""
        deadline = time.monotonic() + WRITER_WAIT_SECONDS
        while True:
            try:
                writer = self.index.writer(WRITER_HEAP, 1)
                break
            except ValueError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()

    def _apply(
        self, writer: tantivy.IndexWriter, changes: tuple[Iterable[int], Iterable[Entry]]
    ) -> None:
        removed, added = changes
        self._delete(writer, list(removed))
        batch: list[Entry] = []
        for entry in added:
            batch.append(entry)
            if len(batch) >= 500:
                self._add(writer, batch)
                batch = []
        self._add(writer, batch)

    def _delete(self, writer: tantivy.IndexWriter, rids: list[int]) -> None:
        if rids:  # (delete by term does not match an unsigned field from Python: by query)
            writer.delete_documents_by_query(tantivy.Query.term_set_query(self.schema, "rid", rids))

    def _add(self, writer: tantivy.IndexWriter, entries: list[Entry]) -> None:
        self._delete(writer, [entry.rid for entry in entries])
        for entry in entries:
            document = tantivy.Document()
            document.add_unsigned("rid", entry.rid)
            document.add_unsigned("stamp", entry.stamp)
            document.add_unsigned("block", entry.rid // BLOCK)
            document.add_unsigned("bit", 1 << (entry.rid % BLOCK))
            for name, _ in FIELDS:
                text = entry.texts.get(name, "")
                document.add_text(name, text)
                document.add_text(name + PAIRS, " ".join(pairs(self.analyzer.analyze(text))))
            writer.add_document(document)

    def add(self, entries: Iterable[Entry]) -> None:
        """Add (or replace) documents now, in bulk (seed_corpus); the next sync checks them."""
        with self._lock, self.writer() as writer:
            self._apply(writer, ((), entries))
            writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()

    def clear(self) -> None:
        """Drop every document (rebuild_index); the next sync indexes the catalog again."""
        with self._lock, self.writer() as writer:
            writer.delete_all_documents()
            writer.commit()
            self._write_marker("")
            self.synced = None
        self.index.reload()
        self.searcher = self.index.searcher()

    # --- searching --------------------------------------------------------------------

    def tokens(self, words: Iterable[str]) -> list[str]:
        """The indexed tokens of some words, in order."""
        return [token for word in words for token in self.analyzer.analyze(word)]

    def _term(self, term: Term) -> tantivy.Query | None:
        tokens = self.tokens(term.words)
        if not tokens:
            return None
        clauses = []
        joined = pairs(tokens)
        for name, weight in FIELDS:
            if len(tokens) == 1:
                query = tantivy.Query.term_query(self.schema, name, tokens[0])
            elif len(joined) == 1:  # a two-word phrase: one term of the pairs field
                query = tantivy.Query.term_query(self.schema, name + PAIRS, joined[0])
            else:  # the resources holding every pair, then their positions checked
                words: list[str | tuple[int, str]] = list(tokens)
                must = [
                    tantivy.Query.term_query(self.schema, name + PAIRS, pair) for pair in joined
                ]
                must.append(tantivy.Query.phrase_query(self.schema, name, words))
                query = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in must])
            clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, weight)))
        return tantivy.Query.boolean_query(clauses)

    def query(self, parsed: ParsedQuery) -> tantivy.Query:
        """The tantivy query of a parsed web-search query (an OR of ANDs, minus exclusions)."""
        groups = []
        for group in parsed.groups:
            clauses = []
            for term in group:
                query = self._term(term)
                if query is None:
                    if not term.negated:  # a positive word that cannot match
                        break
                    continue
                clauses.append(
                    (tantivy.Occur.MustNot if term.negated else tantivy.Occur.Must, query)
                )
            else:
                if not any(occur == tantivy.Occur.Must for occur, _ in clauses):
                    # "-word" alone: everything but; constant score, ranked after the rest.
                    all_docs = tantivy.Query.boost_query(tantivy.Query.all_query(), 0.0)
                    clauses.append((tantivy.Occur.Must, all_docs))
                groups.append((tantivy.Occur.Should, tantivy.Query.boolean_query(clauses)))
        if not groups:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query(groups)

    def count(self, query: tantivy.Query) -> int:
        result = self.searcher.search(query, 1, count=True)
        return int(result.count)  # type: ignore[attr-defined]  # (missing from the stubs)

    def top(self, query: tantivy.Query, limit: int) -> list[tuple[float, int]]:
        """(score, id) of the `limit` best matches, best first."""
        return self._scored(self.searcher.search(query, max(1, limit), count=False).hits)

    def first(self, query: tantivy.Query, limit: int) -> tuple[int, list[tuple[float, int]]]:
        """The exact number of matches and (score, id) of the `limit` best, in one pass over
        the matches (a search that counts visits every match anyway: `count` then `top`
        would evaluate the query twice, which is what a phrase's cost is made of)."""
        result = self.searcher.search(query, max(1, limit), count=True)
        return int(result.count), self._scored(result.hits)  # type: ignore[attr-defined]

    def _scored(self, hits: list[tuple[float, tantivy.DocAddress]]) -> list[tuple[float, int]]:
        rids = self.searcher.fast_field_values("rid", [address for _, address in hits])
        return [
            (float(score), int(rid))
            for (score, _), rid in zip(hits, rids, strict=True)
            if rid is not None
        ]

    def match_set(self, query: tantivy.Query, count: int) -> np.ndarray:
        """Ids of every match (ascending), exactly.

        Hits ordered by id, or for a large set one aggregation (`_aggregated`), read the ids;
        when most of the catalog matches, the ids that do not match are read instead.
        """
        total = self.searcher.num_docs
        if count == 0:
            return np.zeros(0, dtype=np.int64)
        if count > total // 2:
            rest = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.all_query()),
                    (tantivy.Occur.MustNot, query),
                ]
            )
            ids = np.setdiff1d(self.all_ids(), self._ids(rest, total - count), assume_unique=True)
            if len(ids) == count:
                return ids
        return self._ids(query, count)

    def all_ids(self) -> np.ndarray:
        """Ids of every indexed resource (ascending), once per searcher."""
        searcher = self.searcher
        if getattr(self, "_all_of", None) is not searcher:
            self._all = self._ids(tantivy.Query.all_query(), searcher.num_docs)
            self._all_of = searcher
        return self._all

    def _ids(self, query: tantivy.Query, count: int) -> np.ndarray:
        if count == 0:
            return np.zeros(0, dtype=np.int64)
        total = self.searcher.num_docs
        if count > total * AGGREGATE_SHARE and total // BLOCK + 1 < MAX_BUCKETS:
            ids = self._aggregated(query)
            if len(ids) == count:
                return ids
        # Ordered by the id's fast field, which is each hit's key: no score, no lookup.
        hits = self.searcher.search(
            query, count, count=False, order_by_field="rid", order=tantivy.Order.Asc
        ).hits
        return np.fromiter((rid for rid, _ in hits), np.int64, len(hits))

    def _aggregated(self, query: tantivy.Query) -> np.ndarray:
        """Per block of BLOCK ids, the sum of 2**(id % BLOCK) over the matches: the block's
        bitmap (exact: below 2**53 in a double)."""
        spec = {
            "b": {
                "terms": {"field": "block", "size": MAX_BUCKETS},
                "aggs": {"s": {"sum": {"field": "bit"}}},
            }
        }
        buckets = self.searcher.aggregate(query, spec)["b"]["buckets"]
        blocks = np.fromiter((b["key"] for b in buckets), np.int64, len(buckets))
        sums = np.fromiter((b["s"]["value"] for b in buckets), np.float64, len(buckets))
        bits = (sums.astype(np.uint64)[:, None] >> _BITS) & np.uint64(1)
        rows, columns = np.nonzero(bits)
        return np.sort(blocks[rows] * BLOCK + columns)


# --- the engine of each database --------------------------------------------------

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def location(using: str = "default") -> str | None:
    """Where the index of database `using` lives (None: in memory)."""
    setting = getattr(settings, "TOOLKIT_SEARCH_INDEX", "")
    if setting == "memory":
        return None
    if setting:
        return str(setting)
    connection = connections[using]
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite":
        if name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
            return None
        return f"{name}.search"
    return str(Path(settings.BASE_DIR) / "var" / f"search-{name}")


def engine(using: str = "default") -> Engine:
    """This process's engine for database `using` (opened once), not yet synced."""
    path = location(using)
    key = f"{using}:{path or 'memory:' + str(connections[using].settings_dict['NAME'])}"
    found = _engines.get(key)
    if found is None:
        with _engines_lock:
            found = _engines.get(key)
            if found is None:
                found = _engines[key] = Engine(path)
    return found


def synced(using: str = "default") -> Engine:
    """The engine of `using`, brought up to the catalog's current generation."""
    found = engine(using)
    found.sync(using)
    return found
