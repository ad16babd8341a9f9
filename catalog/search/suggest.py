"""Typo suggestions from the catalog's own vocabulary (issue 13 item 2).

`Vocabulary` is the published catalog's words (title, summary, objectives, keywords,
description and topic names; folded: no case, no accents) with the number of resources
using each, built in each process once per catalog generation and only when a search
needs it. A misspelt word is looked up by edit distance (optimal string alignment:
a swap of two letters is one edit, "racsim" -> "racism") with rapidfuzz; the
candidates of each word are tried together, and the correction that finds the most
resources wins ("implict bais" -> "implicit bias", not "implicit basis").

Cost: a search whose words all found at least `FEW` resources (no "or") pays nothing;
an "or" search with enough results pays a dictionary check; only a search with few
results or an unknown word pays the lookup (and, once per generation, the build).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..models import Resource
from . import synonyms
from .indexing import generation
from .query import ParsedQuery, parse_query
from .synonyms import fold

FEW = 3  # fewer results than this: look for a correction
MAX_CANDIDATES = 3  # per word
MAX_TRIES = 9  # corrections counted, at most
RARE_FACTOR = 20  # a known word is corrected only to a word this many times more used
SOURCE_FIELDS = ("title", "summary", "learning_objectives", "keywords", "description")
_WORD = re.compile(r"[^\W_]+")

Count = Callable[[ParsedQuery], int]


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
    """The catalog's words with how many published resources use each."""

    def __init__(self, written: Counter[str]) -> None:
        self.documents: Counter[str] = Counter()
        shown: dict[str, tuple[int, str]] = {}
        for word, n in written.items():
            key = fold(word)
            self.documents[key] += n
            if n > shown.get(key, (0, ""))[0]:
                shown[key] = (n, word)
        self.shown = {key: word for key, (_, word) in shown.items()}
        self.choices = [w for w in self.documents if len(w) >= 3 and not w.isdigit()]

    def known(self, word: str) -> bool:
        return fold(word) in self.documents

    def candidates(self, word: str) -> list[str]:
        """The likeliest corrections of `word` (as written in the catalog), best first:
        fewest edits, then the most used; none for short words and numbers."""
        key = fold(word)
        if len(key) < 4 or key.isdigit():
            return []
        most = 1 if len(key) <= 5 else 2
        found = process.extract(
            key, self.choices, scorer=OSA.distance, score_cutoff=most, limit=None
        )
        ranked = sorted(found, key=lambda f: (f[1], -self.documents[f[0]], f[0]))
        return [self.shown[w] for w, _, _ in ranked if w != key][:MAX_CANDIDATES]


def build_vocabulary() -> Vocabulary:
    """Count the words of every published resource (one pass, two queries)."""
    written: Counter[str] = Counter()
    published = Resource.objects.published()
    for row in published.values_list(*SOURCE_FIELDS).iterator(chunk_size=2000):
        written.update({w.lower() for text in row if text for w in _WORD.findall(text)})
    for (name,) in published.values_list("topics__name").iterator(chunk_size=2000):
        if name:
            written.update({w.lower() for w in _WORD.findall(name)})
    return Vocabulary(written)


_cache: tuple[tuple, Vocabulary] | None = None
_lock = threading.Lock()


def vocabulary(stamp: tuple | None = None) -> Vocabulary:
    """The vocabulary of the catalog generation `stamp` (built here when it changed)."""
    global _cache
    stamp = generation() if stamp is None else stamp
    with _lock:
        if _cache is None or _cache[0] != stamp:
            _cache = (stamp, build_vocabulary())
        return _cache[1]


def _replace(text: str, corrections: dict[str, str]) -> str:
    return _WORD.sub(lambda m: corrections.get(m.group(0).lower(), m.group(0)), text)


def _to_fix(words: list[str], vocab: Vocabulary, known: frozenset[str]) -> dict[str, list[str]]:
    """Each word worth correcting with its candidates: the unknown words, or else the rare
    ones with a far more used neighbour."""
    unknown = [w for w in words if not vocab.known(w) and fold(w) not in known]
    if unknown:
        return {w: c for w in unknown if (c := vocab.candidates(w))}
    fixes = {}
    for word in words:
        used = vocab.documents[fold(word)]
        candidates = vocab.candidates(word)
        better = [c for c in candidates if vocab.documents[fold(c)] >= RARE_FACTOR * used]
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
    best, best_count = None, found
    for choice in itertools.islice(itertools.product(*fixes.values()), MAX_TRIES):
        corrected = parse_query(_replace(query.text, dict(zip(fixes, choice, strict=True))))
        n = count(corrected)
        if n > best_count:
            best, best_count = corrected, n
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
