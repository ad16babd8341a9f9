"""Authors as citations need them: names split into given, family and suffix."""

from __future__ import annotations

from dataclasses import dataclass

from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

from .formats import normalize_orcid

HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx"}  # compared without "."
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True)
class Person:
    """An author, with the name split for citations (family/given, BibTeX-style particles)."""

    name: str
    affiliation: str = ""
    orcid: str = ""
    given: str = ""
    family: str = ""
    suffix: str = ""

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    @property
    def is_literal(self) -> bool:
        """A one-word name or an organization: cited as written."""
        return not self.given

    @property
    def inverted(self) -> str:
        """ "Family, Given" (plus ", Jr."), the form RIS, BibTeX and Highwire expect."""
        if self.is_literal:
            return self.family or self.name
        text = f"{self.family}, {self.given}"
        return f"{self.family}, {self.suffix}, {self.given}" if self.suffix else text

    @property
    def initials(self) -> str:
        """APA initials of the given names: "Mei-Ling Ann" → "M.-L. A."."""
        words = []
        for word in self.given.split():
            words.append("-".join(f"{part[0]}." for part in word.split("-") if part))
        return " ".join(words)

    @property
    def apa(self) -> str:
        if self.is_literal:
            return self.family or self.name
        name = f"{self.family}, {self.initials}"
        return f"{name}, {self.suffix}" if self.suffix else name


def split_name(name: str) -> tuple[str, str, str]:
    """(given, family, suffix) of a display name; ("", name, "") when it cannot be split.

    Accepts "Given Family", "Family, Given" and "Family, Jr., Given"; drops honorifics
    ("Dr."); keeps lower-case particles with the family name ("Ludwig van Beethoven").
    The splitting itself is BibTeX's, through bibtexparser.
    """
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    text = " ".join(words)
    suffix = ""
    if "," in text:
        head, _, tail = text.rpartition(",")
        if tail.strip().lower().rstrip(".") in SUFFIXES and "," not in head:  # "Martin King, Jr."
            text, suffix = head.strip(), tail.strip()
    if not text or "{" in text or "}" in text:
        return "", name.strip(), ""
    try:
        parts = parse_single_name_into_parts(text, strict=True)
    except (InvalidNameError, ValueError, IndexError):
        return "", name.strip(), ""
    given = " ".join(parts.first)
    family = " ".join([*parts.von, *parts.last])
    suffix = suffix or " ".join(parts.jr)
    if not given or not family:
        return "", name.strip(), ""
    return given, family, suffix


def person(author: dict) -> Person:
    name = " ".join(str(author.get("name") or "").split())
    given, family, suffix = split_name(name)
    return Person(
        name=name,
        affiliation=" ".join(str(author.get("affiliation") or "").split()),
        orcid=normalize_orcid(str(author.get("orcid") or "")),
        given=given,
        family=family,
        suffix=suffix,
    )
