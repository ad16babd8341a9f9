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

import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from toolkit.accounts.validators import normalize_orcid

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


class _FoldTable(dict):
    """A str.translate table filled on demand (code point → folded text) that remembers
    the characters that do not fold one for one, which the offset map must follow."""

    def __init__(self):
        super().__init__()
        self.uneven: set[str] = set()
        self._uneven_pattern = None

    def __missing__(self, code: int) -> str:
        piece = self[code] = _fold_char(chr(code))
        if len(piece) != 1:
            self.uneven.add(chr(code))
            self._uneven_pattern = None
        return piece

    def uneven_pattern(self) -> re.Pattern | None:
        if self._uneven_pattern is None and self.uneven:
            chars = "".join(re.escape(ch) for ch in sorted(self.uneven))
            self._uneven_pattern = re.compile(f"[{chars}]")
        return self._uneven_pattern


_FOLD_TABLE = _FoldTable()


def fold_with_offsets(text: str) -> tuple[str, array | None]:
    """(normalised text, where each of its characters came from; None when the same place)."""
    if text.isascii() and "`" not in text:
        return text.lower(), None
    folded = text.translate(_FOLD_TABLE)
    uneven = _FOLD_TABLE.uneven_pattern()
    if uneven is None or not uneven.search(text):
        return folded, None
    origin, position = array("l"), 0
    for match in uneven.finditer(text):
        origin.extend(range(position, match.start()))
        origin.extend([match.start()] * len(_FOLD_TABLE[ord(match.group())]))
        position = match.end()
    origin.extend(range(position, len(text)))
    return folded, origin


def fold(text: str) -> str:
    """Text as it is compared: see the module's docstring."""
    return fold_with_offsets(text or "")[0]


def _original_span(text: str, origin, start: int, end: int) -> tuple[int, int]:
    """The span of `text` that the normalised characters [start, end) came from, with any
    combining marks that follow its last character (an accent written apart)."""
    if origin is None:
        return start, end
    first, last = origin[start], origin[end - 1] + 1
    while last < len(text) and unicodedata.category(text[last]) in _DROPPED:
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
    for word, group in forms.items():
        patterns = []
        for form in sorted(group, key=len, reverse=True):
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
    pattern: re.Pattern
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


def _matches(text: str, folded: str, origin, term: Term) -> Iterator[tuple[int, int]]:
    """Where the term is in `text`, as original spans. The start of a word is checked here,
    not by a look-behind in the pattern, so that the pattern's first letters speed the search."""
    position = 0
    while match := term.pattern.search(folded, position):
        found, position = match.start(), match.start() + 1
        if found and _continues_word(folded[found - 1]):
            continue
        start, end = _original_span(text, origin, found, match.end())
        if not (term.name_word and _is_lower_case(text[start:end])):
            position = match.end()
            yield start, end


def _continues_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


def term_spans(text: str, terms: Iterable[str]) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for each place of `text` that shows one of the terms."""
    folded, origin = fold_with_offsets(text or "")
    for identity in terms:
        term = compile_term(identity or "") if folded else None
        if term is not None:
            for start, end in _matches(text, folded, origin, term):
                yield identity, start, end


def find_identities(text: str, identities: Iterable[str]) -> list[str]:
    """The identities found in `text` (any case, accents, hyphens or spacing), in given order;
    of two spellings of one identity, only the first."""
    folded, origin = fold_with_offsets(text or "")
    found, seen = [], set()
    for identity in identities:
        term = compile_term(identity or "")
        if term is None or term.key in seen:
            continue
        seen.add(term.key)
        if folded and next(_matches(text, folded, origin, term), None):
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


def _field(person, name: str) -> str:
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


def _username(person) -> str:
    name = _field(person, "username")
    return name if sum(ch.isalnum() for ch in name) >= _MIN_LETTERS else ""


def identity_terms(people) -> list[str]:
    """Strings that identify people: full name, surname (4+ letters), e-mail, affiliation,
    ORCID iD and user name (4+ characters). `people` are mappings or objects with those
    fields (`name`, `email`, `affiliation`, `orcid`, `username`; missing ones are skipped)."""
    terms, seen = [], set()
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


def person(user) -> dict:
    """An account's identity fields, in the shape identity_terms reads."""
    return {
        "name": user.display_name,
        "email": user.email,
        "affiliation": user.affiliation,
        "orcid": user.orcid,
        "username": user.get_username(),
    }
