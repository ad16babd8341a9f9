"""The web-search syntax, parsed once per request (the same meaning on both databases).

Words are ANDed; `"a phrase"`; `-word` or `-"a phrase"` excludes; `or` between two
terms means either. As in PostgreSQL, AND binds tighter than OR: `a b or c` is
`(a AND b) OR c`. Nothing a person types can make a search raise: unbalanced
quotes, lone operators, NUL bytes and emoji are tolerated, and very long queries
are cut to `MAX_QUERY_CHARS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.text import without_controls

MAX_QUERY_CHARS = 500
MAX_TERMS = 32

# Snippet markers: control characters that cannot survive in indexed text (see clean_text).
START, STOP = "\x02", "\x03"
_QUERY_TOKEN = re.compile(r'(-*)"([^"]*)"?|(-*)([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")


def clean_text(text: str) -> str:
    """Text without control characters (NUL, the snippet markers), as both backends need."""
    return without_controls(text)


def clean_query(text: str) -> str:
    """A query safe to hand to the database: no control characters, at most MAX_QUERY_CHARS."""
    return " ".join(clean_text(text)[:MAX_QUERY_CHARS].split())


@dataclass(frozen=True)
class Term:
    """One word or a phrase (several words in order); `negated` for `-term`."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """A web-search query: an OR of groups, each an AND of terms; `text` is the cleaned query."""

    groups: tuple[tuple[Term, ...], ...] = ()
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def words(self) -> list[str]:
        """Every positive word, for highlighting and logging."""
        return [w for g in self.groups for t in g if not t.negated for w in t.words]


def parse_query(text: str) -> ParsedQuery:
    """Parse web-search syntax like PostgreSQL's websearch_to_tsquery; never raises."""
    cleaned = clean_query(text)
    groups: list[list[Term]] = [[]]
    count = 0
    for m in _QUERY_TOKEN.finditer(cleaned):
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
    return ParsedQuery(tuple(tuple(g) for g in groups if g), cleaned)


def _term_text(term: Term) -> str:
    text = " ".join(term.words)
    if len(term.words) > 1 or text == "or":
        text = f'"{text}"'
    return f"-{text}" if term.negated else text


def from_groups(groups: tuple[tuple[Term, ...], ...]) -> ParsedQuery:
    """A query built from parsed groups (synonyms, corrections), with the web-search text
    that means the same: `parse_query(q.text)` and PostgreSQL read it as `q.groups`."""
    text = " or ".join(" ".join(_term_text(t) for t in group) for group in groups)
    return ParsedQuery(groups, text)


def parsed(query: str | ParsedQuery) -> ParsedQuery:
    """`query` parsed (a ParsedQuery is returned as it is: parse once, pass it on)."""
    return query if isinstance(query, ParsedQuery) else parse_query(query)
