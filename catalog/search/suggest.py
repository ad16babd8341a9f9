"""Typo suggestions from the catalog's own vocabulary (issue 13 item 2).

`Vocabulary` is the published catalog's words (titles, summaries, keywords and topic
names; folded: no case, no accents) with how often each is used. Each process builds
it once, when a search first needs it, and afterwards only reads what was published
since (an indexed range of `published_at`) when the catalog generation changes. A
misspelt word is looked up by edit distance (optimal string alignment: a swap of two
letters is one edit, "racsim" -> "racism") with rapidfuzz; the candidates of the words
are tried together and the correction with the fewest edits that finds more wins, the
one finding the most among equals ("implict bais" -> "implicit bias", not "implicit
basis").

Cost: a search whose words found at least `FEW` resources (no "or") pays nothing; an
"or" search with enough results pays a dictionary check; only a search with few results
or an unknown word pays the lookup. `python -m tests.bench.suggest_timing` prints it.
"""

from __future__ import annotations

import itertools
import re
import sys
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..models import Resource, Topic
from . import synonyms
from .indexing import generation
from .query import ParsedQuery, parse_query
from .synonyms import fold

FEW = 3  # fewer results than this: look for a correction
MAX_CANDIDATES = 3  # per word
MAX_TRIES = 9  # corrections counted, at most
RARE_FACTOR = 20  # a known word is corrected only to a word this many times more used
SOURCE_FIELDS = ("title", "summary", "keywords")
OVERLAP = timedelta(minutes=5)  # re-read a little before the last publication seen
_WORD = re.compile(r"[^\W_]+")
# Tokenizing with str.translate and split is twice as fast as a regex over the catalog.
_SEPARATORS = str.maketrans(
    {
        c: " "
        for c in map(chr, range(0x3000))
        if not c.isalnum() and not c.isspace() and not unicodedata.combining(c)
    }
)

Count = Callable[[ParsedQuery], int]


def words_in(texts: Iterable[str]) -> list[str]:
    """The lower-case words of the texts, as the query parser splits them."""
    return "\n".join(texts).lower().translate(_SEPARATORS).split()


@dataclass(frozen=True)
class Correction:
    """A better search than the one typed: offered, or `applied` (its results are shown)."""

    typed: str
    query: ParsedQuery
    applied: bool

    @property
    def text(self) -> str:
        return self.query.text


class Vocabulary:
    """The catalog's words with how often each is used; `update()` reads what is new."""

    def __init__(self) -> None:
        self.written: Counter[str] = Counter()
        self.counted: dict[int, datetime] = {}  # resource id -> publication counted
        self.since: datetime | None = None
        self.uses: Counter[str] = Counter()
        self.shown: dict[str, str] = {}
        self.choices: list[str] = []

    def update(self) -> None:
        """Count the words of the resources published since the last update (all, at first)."""
        published = Resource.objects.published()
        if self.since is not None:
            published = published.filter(published_at__gt=self.since - OVERLAP)
        rows = published.values_list("id", "published_at", *SOURCE_FIELDS)
        texts: list[str] = []
        for pk, published_at, *fields in rows.iterator(chunk_size=2000):
            if self.counted.get(pk) == published_at:
                continue
            self.counted[pk] = published_at
            self.since = max(self.since or published_at, published_at)
            texts += [text for text in fields if text]
        self.written.update(words_in(texts))
        topics = Counter(words_in(Topic.objects.values_list("name", flat=True)))
        self._derive(self.written + topics)

    def _derive(self, written: Counter[str]) -> None:
        uses: Counter[str] = Counter()
        shown: dict[str, tuple[int, str]] = {}
        for word, n in written.items():
            key = fold(word)
            uses[key] += n
            if n > shown.get(key, (0, ""))[0]:
                shown[key] = (n, word)
        self.uses = uses
        self.shown = {key: word for key, (_, word) in shown.items()}
        self.choices = [w for w in uses if len(w) >= 3 and not w.isdigit()]

    def known(self, word: str) -> bool:
        return fold(word) in self.uses

    def candidates(self, word: str) -> list[tuple[str, int]]:
        """The likeliest corrections of `word` (as written in the catalog) with their
        edits, best first: fewest edits, then the most used; none for short words."""
        key = fold(word)
        if len(key) < 4 or key.isdigit():
            return []
        most = 1 if len(key) <= 5 else 2
        found = process.extract(
            key, self.choices, scorer=OSA.distance, score_cutoff=most, limit=None
        )
        ranked = sorted(found, key=lambda f: (f[1], -self.uses[f[0]], f[0]))
        return [(self.shown[w], int(d)) for w, d, _ in ranked if w != key][:MAX_CANDIDATES]


_vocabulary: tuple[tuple, Vocabulary] | None = None
_lock = threading.Lock()


def vocabulary(stamp: tuple | None = None) -> Vocabulary:
    """The vocabulary of the catalog generation `stamp` (brought up to date if it changed)."""
    global _vocabulary
    stamp = generation() if stamp is None else stamp
    with _lock:
        if _vocabulary is None or _vocabulary[0] != stamp:
            vocab = _vocabulary[1] if _vocabulary else Vocabulary()
            vocab.update()
            _vocabulary = (stamp, vocab)
        return _vocabulary[1]


def forget() -> None:
    """Drop this process's vocabulary (it only grows: words of retired resources stay,
    harmlessly, since a correction is offered only when it finds more)."""
    global _vocabulary
    with _lock:
        _vocabulary = None


def _replace(text: str, corrections: dict[str, str]) -> str:
    return _WORD.sub(lambda m: corrections.get(m.group(0).lower(), m.group(0)), text)


def _to_fix(
    words: list[str], vocab: Vocabulary, known: frozenset[str]
) -> dict[str, list[tuple[str, int]]]:
    """Each word worth correcting with its candidates: the unknown words, or else the rare
    ones with a far more used neighbour."""
    unknown = [w for w in words if not vocab.known(w) and fold(w) not in known]
    if unknown:
        return {w: c for w in unknown if (c := vocab.candidates(w))}
    fixes = {}
    for word in words:
        used = vocab.uses[fold(word)]
        candidates = vocab.candidates(word)
        better = [c for c in candidates if vocab.uses[fold(c[0])] >= RARE_FACTOR * used]
        if better:
            fixes[word] = better
    return fixes


def suggest(
    query: ParsedQuery, found: int, count: Count, stamp: tuple | None = None
) -> ParsedQuery | None:
    """A corrected query that finds more than the `found` of `query` (`count` counts one),
    or None. Free when `query` is an AND whose results are not few."""
    if not query or (found >= FEW and len(query.groups) == 1):
        return None
    stamp = generation() if stamp is None else stamp
    vocab = vocabulary(stamp)
    known = synonyms.table(stamp).words
    words = list(dict.fromkeys(query.words))
    if found >= FEW and all(vocab.known(w) or fold(w) in known for w in words):
        return None  # the dictionary check of an "or" search
    fixes = _to_fix(words, vocab, known)
    if not fixes:
        return None
    best, best_rank = None, (sys.maxsize, -found)
    for choice in itertools.islice(itertools.product(*fixes.values()), MAX_TRIES):
        replace = {word: written for word, (written, _) in zip(fixes, choice, strict=True)}
        corrected = parse_query(_replace(query.text, replace))
        n = count(corrected)
        rank = (sum(edits for _, edits in choice), -n)
        if n > found and rank < best_rank:
            best, best_rank = corrected, rank
    return best


def correction(
    query: ParsedQuery, found: int, count: Count, stamp: tuple | None = None, exact: bool = False
) -> Correction | None:
    """The correction to offer for `query`; `applied` when the query found nothing (unless
    `exact`: the searcher asked for the words as typed)."""
    suggested = suggest(query, found, count, stamp)
    if suggested is None:
        return None
    return Correction(query.text, suggested, applied=not found and not exact)
