"""Synonyms and abbreviations, applied to the parsed query at search time (issue 13 item 3).

The admin-edited `catalog.models.Synonym` entries become a `Table`: each term (its words,
case-folded and without accents) maps to the alternatives it also finds. `expand()` turns
a `ParsedQuery` into one whose groups also hold the alternatives: a group
`implicit bias training` becomes `implicit bias training` OR `"unconscious bias" training`
(an OR of ANDs, which both backends and `websearch_to_tsquery` already read), a negated
term excludes its alternatives too. Nothing is re-indexed: saving or deleting an entry
renews the catalog generation, and each process reloads the table when the generation
changes (one query, next to the facet index's).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ..models import Synonym
from .indexing import generation, renew_generation
from .query import ParsedQuery, Term, from_groups

MAX_GROUPS = 16  # an expanded query stays a bounded OR of ANDs
_WORD = re.compile(r"[^\W_]+")
Words = tuple[str, ...]


def fold(word: str) -> str:
    """A word case-folded and without diacritics ("Atención" -> "atencion")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> Words:
    """The words of a term as typed (lower case, accents kept), as the query parser splits."""
    return tuple(w.lower() for w in _WORD.findall(text))


def key_of(words: Iterable[str]) -> Words:
    return tuple(fold(w) for w in words)


@dataclass(frozen=True)
class Table:
    """Each term's alternatives, by its folded words."""

    alternatives: dict[Words, tuple[Words, ...]] = field(default_factory=dict)

    @property
    def longest(self) -> int:
        return max(map(len, self.alternatives), default=0)

    def get(self, words: Iterable[str]) -> tuple[Words, ...]:
        return self.alternatives.get(key_of(words), ())

    @property
    def words(self) -> frozenset[str]:
        """Every folded word of every term (known to the typo suggestions)."""
        return frozenset(w for key in self.alternatives for w in key)


def build_table(entries: Iterable[Synonym]) -> Table:
    """The table of the given entries (the active ones, in practice)."""
    found: dict[Words, dict[Words, None]] = {}
    for entry in entries:
        terms = [w for w in map(words_of, entry.term_list()) if w]
        if entry.kind == Synonym.Kind.ONE_WAY:
            targets = [w for w in map(words_of, entry.expansion_list()) if w]
        else:
            targets = terms
        for term in terms:
            alternatives = found.setdefault(key_of(term), {})
            for target in targets:
                if key_of(target) != key_of(term):
                    alternatives[target] = None
    return Table({key: tuple(alts) for key, alts in found.items() if alts})


_cache: tuple[tuple, Table] | None = None
_lock = threading.Lock()


def table(stamp: tuple | None = None) -> Table:
    """The active entries' table for the catalog generation `stamp` (read when it changed)."""
    global _cache
    stamp = generation() if stamp is None else stamp
    cached = _cache
    if cached is not None and cached[0] == stamp:
        return cached[1]
    with _lock:
        built = build_table(Synonym.objects.filter(is_active=True))
        _cache = (stamp, built)
        return built


def _words(terms: Iterable[Term]) -> Words:
    return tuple(w for t in terms for w in t.words)


def _spans(positive: list[Term], synonyms: Table) -> list[list[tuple[Term, ...]]]:
    """The group's positive terms cut into spans, each with its ways of being written: the
    longest run of terms whose words are a known term (`trauma-informed care` typed as a
    phrase and a word, `implicit bias` as two words), else one term."""
    spans: list[list[tuple[Term, ...]]] = []
    i = 0
    while i < len(positive):
        longest = min(synonyms.longest, len(positive) - i)
        size = next(
            (n for n in range(longest, 1, -1) if synonyms.get(_words(positive[i : i + n]))), 1
        )
        span = tuple(positive[i : i + size])
        spans.append([span, *((Term(words),) for words in synonyms.get(_words(span)))])
        i += size
    return spans


def _expand_group(group: tuple[Term, ...], synonyms: Table) -> list[tuple[Term, ...]]:
    negative: list[Term] = []
    for term in (t for t in group if t.negated):
        negative += [term, *(Term(words, negated=True) for words in synonyms.get(term.words))]
    spans = _spans([t for t in group if not t.negated], synonyms)
    combinations: list[tuple[Term, ...]] = [()]
    for ways in spans:  # the first combination is the group as typed
        combinations = [c + way for c in combinations for way in ways][:MAX_GROUPS]
    return [c + tuple(negative) for c in combinations]


def expand(query: ParsedQuery, synonyms: Table | None = None) -> ParsedQuery:
    """`query` with the alternatives of its terms ORed in (the same query if none apply)."""
    if not query:
        return query
    synonyms = table() if synonyms is None else synonyms
    if not synonyms.alternatives:
        return query
    groups = [g for group in query.groups for g in _expand_group(group, synonyms)]
    expanded = tuple(dict.fromkeys(groups))[:MAX_GROUPS]
    return query if expanded == query.groups else from_groups(expanded)


@receiver(post_save, sender=Synonym, dispatch_uid="catalog-search-synonym-saved")
@receiver(post_delete, sender=Synonym, dispatch_uid="catalog-search-synonym-deleted")
def _synonym_changed(sender: type[Synonym], using: str = "default", **kwargs: object) -> None:
    """A saved or deleted entry renews the catalog generation: every process reloads."""
    renew_generation(using)
