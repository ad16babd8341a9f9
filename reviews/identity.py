"""Finding people in text: the identity strings of a submission's authors or reviewers.

Both sides are normalised before they are compared: compatibility forms (NFKD),
accents and other combining marks dropped, case folded, every dash or hyphen one
"-", every apostrophe one "'", invisible characters (soft hyphens, zero-width and
bidi controls) ignored, and a few letters NFKD keeps whole spelled out (ø → o).
An offset map ties each normalised character to the one it came from, so a match
is reported, and redacted, as the characters actually written.

What matches what:
- a full name, an e-mail address or an affiliation, in any case and with spaces or
  any hyphen between its words ("ZEBEDEE‑XANTHOS" for "Zebedee Xanthos");
- affiliation words also by their usual abbreviations ("Univ." for "University");
- an ORCID iD with or without hyphens or spaces, bare or inside https://orcid.org/…;
- a lone word written with a capital in the identity (a surname, "Green") in any
  case except all in lower case: "GREEN" and "Green" are a name, "green" a colour;
  a lone word written in lower case (a user name, "zcanary") in any case.
Role words the product itself uses for people ("reviewer", "editor"…) never match.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit.accounts.validators import normalize_orcid

if TYPE_CHECKING:
    from toolkit.accounts.models import User

ROLE_WORDS = frozenset(
    {
        "author",
        "authors",
        "contributor",
        "contributors",
        "editor",
        "editors",
        "reviewer",
        "reviewers",
    }
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd", "mph", "do", "rn", "msc"})
_MIN_LETTERS = 4  # a lone surname or user name shorter than this is too likely an ordinary word

# --- normalisation ------------------------------------------------------------------------------

_APOSTROPHES = frozenset("'\u2018\u2019\u201b\u02bc\u02b9\u2032\uff07`")
_DASHES = frozenset("\u2212\u2043\ufe63\uff0d")  # minus and friends that are not category Pd
_DROPPED = frozenset({"Mn", "Me", "Cf"})  # combining marks, and invisible format characters
_SPELLED = {"ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ı": "i", "ŧ": "t"}
_SPELLED |= {"æ": "ae", "œ": "oe", "þ": "th"}


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character as it is compared (perhaps several characters, perhaps none)."""
    if ch in _DASHES or unicodedata.category(ch) == "Pd":
        return "-"
    if ch in _APOSTROPHES:
        return "'"
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(
        _SPELLED.get(c, c) for c in decomposed if unicodedata.category(c) not in _DROPPED
    )


_UNASSIGNED = frozenset({"Cn", "Co", "Cs"})  # unassigned, private use, surrogates


class _FoldTable(dict):
    """A str.translate table filled on demand (code point → folded text) that remembers
    the characters that do not fold one for one, which the offset map must follow.
    A character is recorded as uneven before it enters the table, under a lock, so a
    thread that finds it in the table also finds it in the uneven pattern."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._uneven: set[str] = set()
        self._uneven_pattern: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if unicodedata.category(ch) in _UNASSIGNED:  # folds to itself; never stored, so the
            return ch  # table holds at most the ~150,000 assigned characters
        piece = _fold_char(ch)
        with self._lock:
            if len(piece) != 1 and ch not in self._uneven:
                self._uneven.add(ch)
                self._uneven_pattern = None
            self[code] = piece
        return piece

    def uneven_pattern(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._uneven_pattern is None and self._uneven:
                self._uneven_pattern = re.compile(_char_class(self._uneven))
            return self._uneven_pattern


def _char_class(chars: Iterable[str]) -> str:
    """A regular expression class for the characters, consecutive ones as ranges (a class
    of single characters outside one plane is matched by a slow linear scan)."""
    ranges: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Text as it is compared: see the module's docstring."""
    text = text or ""
    if text.isascii() and "`" not in text:
        return text.lower()
    return text.translate(_FOLD_TABLE)


class Folded:
    """A text and its folded form. The map back to the original characters is made only
    when a match needs it (a redaction, or the case of a lone surname)."""

    def __init__(self, text: str) -> None:
        self.text = text or ""
        self.folded = fold(self.text)
        self._origin: array | None = None
        self._mapped = self.text.isascii()  # ASCII folds one for one

    def _offsets(self) -> array | None:
        """Where each folded character came from; None when from the same place."""
        if not self._mapped:
            self._mapped = True
            uneven = _FOLD_TABLE.uneven_pattern()
            if uneven is not None and uneven.search(self.text):
                origin, position = array("l"), 0
                for match in uneven.finditer(self.text):
                    origin.extend(range(position, match.start()))
                    origin.extend([match.start()] * len(_FOLD_TABLE[ord(match.group())]))
                    position = match.end()
                origin.extend(range(position, len(self.text)))
                self._origin = origin
        return self._origin

    def written(self, start: int, end: int) -> str:
        """The original characters that the folded characters [start, end) came from."""
        first, last = self.span(start, end)
        return self.text[first:last]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that the folded characters [start, end) came from, with any
        combining marks that follow its last character (an accent written apart)."""
        origin = self._offsets()
        if origin is None:
            return start, end
        first, last = origin[start], origin[end - 1] + 1
        while last < len(self.text) and unicodedata.category(self.text[last]) in _DROPPED:
            last += 1
        return first, last


# --- terms --------------------------------------------------------------------------------------

_AFTER = r"(?![^\W_])"  # not before a letter or digit (an underscore separates words)
_BETWEEN = r"[\s_\-]+"
_ORCID = re.compile(r"^\d{4}-?\d{4}-?\d{4}-?\d{3}[\dX]$")

# Affiliation words (first) and their usual abbreviations: any member of a group matches any
# other. Abbreviations match with or without a full stop; a single letter only with one.
_ABBREVIATION_GROUPS = (
    ("university", "univ", "uni", "u"),
    ("department", "dept", "dep", "dpt"),
    ("institute", "inst", "instit"),
    ("institution", "inst", "instit"),
    ("hospital", "hosp"),
    ("college", "coll"),
    ("school", "sch"),
    ("medicine", "med"),
    ("medical", "med"),
    ("center", "centre", "ctr", "cntr"),
    ("sciences", "sci"),
    ("science", "sci"),
    ("health", "hlth"),
    ("laboratory", "lab"),
    ("association", "assoc", "assn"),
    ("foundation", "fdn"),
    ("national", "natl", "nat"),
    ("international", "intl"),
    ("technology", "tech"),
    ("saint", "st"),
    ("and", "&"),
)


def _abbreviation_table() -> dict[str, str]:
    """Each word of the table → a regular expression for it and its equivalents."""
    forms: dict[str, set[str]] = {}
    for group in _ABBREVIATION_GROUPS:
        for word in group:
            forms.setdefault(word, set()).update(group)
    full_words = {group[0] for group in _ABBREVIATION_GROUPS}
    table = {}
    for word, variants in forms.items():
        patterns = []
        for form in sorted(variants, key=len, reverse=True):
            if form in full_words or not form.isalpha():
                patterns.append(re.escape(form))
            else:
                patterns.append(re.escape(form) + (r"\." if len(form) == 1 else r"\.?"))
        table[word] = "(?:" + "|".join(patterns) + ")"
    return table


_ABBREVIATIONS = _abbreviation_table()


@dataclass(frozen=True)
class Term:
    """An identity string made ready to search for."""

    text: str
    key: str  # the same for two spellings of one identity
    pattern: re.Pattern[str]
    name_word: bool  # a capitalised lone word: never matched written all in lower case


def _words_pattern(folded: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", folded) if w]
    parts = []
    for i, word in enumerate(words):
        bare = word.rstrip(".")
        parts.append(
            _ABBREVIATIONS.get(bare, re.escape(word)) if len(words) > 1 else re.escape(word)
        )
        if i < len(words) - 1:
            parts.append(r"[\s_\-]*" if word.endswith(".") else _BETWEEN)
    return "".join(parts)


@lru_cache(maxsize=4096)
def compile_term(text: str) -> Term | None:
    """The term for an identity string, or None for a blank one or a role word."""
    text = " ".join((text or "").split())
    folded = fold(text)
    if not folded or folded in ROLE_WORDS:
        return None
    orcid = normalize_orcid(text)
    if _ORCID.match(orcid):
        digits = orcid.replace("-", "").lower()
        body = r"[\s\-]?".join(digits[i : i + 4] for i in range(0, 16, 4))
        return Term(text, f"orcid:{digits}", re.compile(body + _AFTER), False)
    lone = len(re.split(r"[\s\-]+", folded)) == 1 and "@" not in folded
    name_word = lone and text != text.lower()
    pattern = re.compile(_words_pattern(folded) + _AFTER)
    return Term(text, folded, pattern, name_word)


def _is_lower_case(written: str) -> bool:
    return written == written.lower() and written != written.upper()


def _matches(document: Folded, term: Term) -> Iterator[tuple[int, int]]:
    """Where the term is in the document, as folded spans. The start of a word is checked
    here, not by a look-behind in the pattern, so that its first letters speed the search;
    a lone surname written all in lower case is an ordinary word, not a match."""
    folded, position = document.folded, 0
    while match := term.pattern.search(folded, position):
        found, position = match.start(), match.start() + 1
        if found and _continues_word(folded[found - 1]):
            continue
        if term.name_word and _is_lower_case(document.written(*match.span())):
            continue
        position = match.end()
        yield match.span()


def _continues_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


def term_spans(text: str, terms: Iterable[str]) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for each place of `text` that shows one of the terms."""
    document = Folded(text)
    for identity in terms:
        term = compile_term(identity or "") if document.folded else None
        if term is not None:
            for span in _matches(document, term):
                yield identity, *document.span(*span)


def find_identities(text: str, identities: Iterable[str]) -> list[str]:
    """The identities found in `text` (any case, accents, hyphens or spacing), in given order;
    of two spellings of one identity, only the first."""
    document = Folded(text)
    found, seen = [], set()
    for identity in identities:
        term = compile_term(identity or "")
        if term is None or term.key in seen:
            continue
        seen.add(term.key)
        if document.folded and next(_matches(document, term), None):
            found.append(identity)
    return found


def replace_identities(text: str, identities: Iterable[str], replacement: str) -> str:
    """`text` with each place that shows one of the identities replaced (overlaps merged)."""
    if not text:
        return text or ""
    spans = sorted((start, end) for _, start, end in term_spans(text, list(identities)))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, position = [], 0
    for start, end in merged:
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# --- the identity strings of people -------------------------------------------------------------


def _field(person: object, name: str) -> str:
    value = person.get(name) if isinstance(person, Mapping) else getattr(person, name, None)
    return " ".join(str(value or "").split())


_DASH_SPLIT = re.compile(r"[\-\u2010-\u2015\u2212]+")


def _surnames(name: str) -> list[str]:
    """The last name token if it has four letters or more, degrees and suffixes skipped;
    a hyphenated surname also gives each long part ("Garcia-Lopez": Garcia, Lopez)."""
    tokens = [token.strip(".,;:()") for token in name.split()]
    while tokens and tokens[-1].lower() in _NAME_SUFFIXES:
        tokens.pop()
    last = tokens[-1] if len(tokens) > 1 else ""
    parts = [last, *_DASH_SPLIT.split(last)]
    return [p for p in dict.fromkeys(parts) if sum(ch.isalpha() for ch in p) >= _MIN_LETTERS]


def _username(person: object) -> str:
    name = _field(person, "username")
    return name if sum(ch.isalnum() for ch in name) >= _MIN_LETTERS else ""


def identity_terms(people: Iterable[object]) -> list[str]:
    """Strings that identify people: full name, surname (4+ letters), e-mail, affiliation,
    ORCID iD and user name (4+ characters). `people` are mappings or objects with those
    fields (`name`, `email`, `affiliation`, `orcid`, `username`; missing ones are skipped)."""
    terms: list[str] = []
    seen: set[str] = set()
    for person in people:
        name = _field(person, "name")
        candidates = [
            name,
            *_surnames(name),
            _field(person, "email"),
            _field(person, "affiliation"),
            _field(person, "orcid"),
            _username(person),
        ]
        for term in candidates:
            compiled = compile_term(term) if term else None
            if compiled is not None and compiled.key not in seen:
                terms.append(term)
                seen.add(compiled.key)
    return terms


def person(user: User) -> dict[str, str]:
    """An account's identity fields, in the shape identity_terms reads."""
    return {
        "name": user.display_name,
        "email": user.email,
        "affiliation": user.affiliation,
        "orcid": user.orcid,
        "username": user.get_username(),
    }
