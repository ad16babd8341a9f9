"""Finding a query's words in shown text: accent-insensitive, stemmed, offsets kept.

The snippets (catalog.search.snippets) are chosen and highlighted in Python, over the
texts of the shown page only, so that both databases give the same snippets. A word
of the text matches a query word when their *keys* are equal: the Snowball English
stem of the accent-folded, lower-cased word, a word in "-ism" taken as its "-ist"
(so "racist" is found for "racism", as a reader expects, though neither database
stems them alike). Folding keeps every character's offset, so the original text,
accents and all, is what is shown.
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[^\W_]+")  # a word, as the query parser reads one
_ISM = re.compile(r"^(\w{3,})isms?$")  # not "prism"

# Words too common to highlight alone (English and Spanish); highlighted only when a
# query has nothing else.
STOP_WORDS = frozenset(
    """a an and are as at be but by for from has have in into is it its of on or that the
    their this to was were which with de del el en la las los para por un una y o con""".split()
)


@functools.lru_cache(maxsize=4096)
def _folded_char(char: str) -> str:
    """`char` without its accents when that leaves one character (é → e), else itself."""
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """`text` without accents, character for character: offsets stay those of `text`."""
    if text.isascii():
        return text
    return text.translate({ord(c): _folded_char(c) for c in set(text) if not c.isascii()})


@functools.lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The matching key of a word: folded, lower-cased and stemmed; racism → racist."""
    word = fold(word).lower()
    ism = _ISM.match(word)
    if ism:
        word = ism.group(1) + "ist"
    return str(_STEMMER.stemWord(word))


class Span(NamedTuple):
    """A matched word of a text: its offsets and its key."""

    start: int
    end: int
    key: str


class Words:
    """The words to highlight (a query's, or a synonym expansion's), ready to find in texts.

    Stop words count only when the words are all stop words. The candidates are the words
    of the folded text that start like a query word or its stem (three letters: stemming
    keeps them); only those are stemmed (cached). In ASCII text they are found by jumping
    from one occurrence of a prefix to the next (`str.find`), not by trying a pattern at
    every character: in the texts of a page of two-word results (about 120,000 characters
    of prose and attachment text), the pattern alone took 3.0 ms; finding and stemming the
    candidates now take 0.7 ms.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in (fold(w).lower() for w in words) if _WORD.fullmatch(w)]
        content = [w for w in words if w not in STOP_WORDS]
        self.keys = frozenset(key(w) for w in (content or words))
        prefixes = sorted({p for w in (content or words) for p in (w[:3], key(w)[:3])})
        self._prefixes = prefixes

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        """The candidates of text that is not ASCII (compiled when first needed: most
        texts are ASCII, and compiling costs more than finding in them)."""
        alternatives = "|".join(map(re.escape, self._prefixes))
        return re.compile(r"(?<![^\W_])(?:" + alternatives + r")[^\W_]*", re.IGNORECASE)

    def __bool__(self) -> bool:
        return bool(self.keys)

    def find(self, text: str) -> list[Span]:
        """The matching words of `text`, in order (offsets into `text` itself)."""
        if not self._prefixes:
            return []
        keys, folded = self.keys, fold(text)
        if folded.isascii():
            candidates = _ascii_candidates(folded.lower(), self._prefixes)
        else:
            candidates = ((m.start(), m.end()) for m in self._pattern.finditer(folded))
        return [
            Span(start, end, k)
            for start, end in candidates
            if (k := key(folded[start:end])) in keys
        ]


def _ascii_candidates(lowered: str, prefixes: Iterable[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each word of lower-cased ASCII text that starts with a prefix, in
    order: what the candidate pattern finds, by `str.find` from one occurrence to the next."""
    upcoming = [(at, p) for p in prefixes if (at := lowered.find(p)) >= 0]
    heapq.heapify(upcoming)
    word_end = 0
    while upcoming:
        start, prefix = upcoming[0]
        following = lowered.find(prefix, start + 1)
        if following >= 0:
            heapq.heapreplace(upcoming, (following, prefix))
        else:
            heapq.heappop(upcoming)
        if start < word_end or (start and lowered[start - 1].isalnum()):
            continue  # inside a word, not at its start
        word = _WORD.match(lowered, start)  # the word the prefix starts (never None)
        word_end = word.end() if word else start + len(prefix)
        yield start, word_end
