"""How to cite a resource: an APA reference, RIS, BibTeX and CSL-JSON.

Every function takes a `catalog.records.ResourceRecord`, so a version page cites
that version and the resource page cites the current one. The formats are written
by well-kept libraries (rispy, bibtexparser) rather than by string templates.

Types (tests/catalog/test_citation_styles.py renders them with citeproc-py and the
official APA 7, AMA 11 and NLM/Vancouver styles; test_zotero_item_types.py follows
Zotero's own translators):

- Most resources (curricula, session plans, cases, slide decks, readings, ...) are
  standalone, peer-reviewed works issued by the site, which is what CSL "report"
  describes: APA gives "(Year). *Title* (Version 2) [Slide deck]. Site. URL", AMA
  gives "*Title*. Version 2. Site; Year. Accessed <date>. URL", NLM gives "Title
  [Slide deck] [Internet]. Version 2. Site; Year Mon [cited <date>]. Available from:
  URL". "document" fell into AMA's journal branch (no site, no version) and
  "webpage" needs a container title, drops the version in APA and moves the title
  after the site in NLM. RIS "RPRT", BibTeX @techreport and the Highwire tag
  citation_technical_report_institution all make Zotero file a "report", whose
  CSL type is "report" again.
- Videos are CSL "motion_picture" (APA "[Video]" with the full date), RIS "VIDEO",
  BibLaTeX @video: Zotero "videoRecording".
- Podcasts and audio are CSL "song" (APA "[Podcast or audio]"), RIS "SOUND",
  BibLaTeX @audio: Zotero "audioRecording".

The version goes in CSL "edition" ("Version 2"), which all three styles print; CSL
"version" is printed by APA only (and both would print twice). Every version is cited
at its own address (/catalog/<slug>/v<N>/), which never changes, with its own
BibTeX key and CSL id; AMA's "Accessed" date is the day of the download. A version whose
DOI is deposited (catalog.doi) carries it: RIS DO, BibTeX doi, CSL DOI, and the APA
reference links https://doi.org/… instead of the address.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import bibtexparser
import rispy
from bibtexparser import model as bib
from bibtexparser.middlewares import MonthAbbreviationMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from pylatexenc.latexencode import UnicodeToLatexEncoder

from .records import Person, ResourceRecord, absolute


@dataclass(frozen=True)
class CitationType:
    """How one kind of resource is typed in each format, and what Zotero files it as."""

    csl: str
    ris: str
    bibtex: str
    zotero: str
    full_date: bool = False  # APA dates audiovisual works to the day, reports to the year


REPORT = CitationType(csl="report", ris="RPRT", bibtex="techreport", zotero="report")
CITATION_TYPES = {
    "video": CitationType("motion_picture", "VIDEO", "video", "videoRecording", full_date=True),
    "podcast": CitationType("song", "SOUND", "audio", "audioRecording", full_date=True),
}

CONTENT_TYPES = {
    "ris": "application/x-research-info-systems",
    "bib": "application/x-bibtex",
    "json": "application/vnd.citationstyles.csl+json",
}


def citation_type(record: ResourceRecord) -> CitationType:
    return CITATION_TYPES.get(record.resource_type.slug, REPORT)


def site_name() -> str:
    return settings.TOOLKIT_SITE_NAME


def version_url(record: ResourceRecord) -> str:
    """The address of this version, /catalog/<slug>/v<N>/, even for the current one."""
    return absolute(reverse("catalog:resource-version", args=[record.slug, record.number]))


def accessed_on() -> date:
    """The access date AMA and NLM print for web sources: today, in the site's time zone."""
    return timezone.localdate()


def genre(record: ResourceRecord) -> str:
    """The resource type as a genre: "Case (paper case, ...)" → "Case"."""
    return re.sub(r"\s*\(.*\)\s*$", "", record.resource_type.name)


def edition(record: ResourceRecord) -> str:
    return f"Version {record.number}"


def licence_note(record: ResourceRecord) -> str:
    """ "Licence: Creative Commons Attribution 4.0 (CC BY 4.0), https://…"."""
    licence = record.license
    name = f"{licence.name} ({licence.badge})" if licence.badge else licence.name
    return f"Licence: {name}, {licence.url}" if licence.url else f"Licence: {name}"


# --- APA reference ------------------------------------------------------------


def _apa_authors(authors: tuple[Person, ...]) -> str:
    names = [a.apa for a in authors]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) > 20:  # APA 7: the first 19, an ellipsis, the last
        return ", ".join(names[:19]) + ", … " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _apa_date(record: ResourceRecord) -> str:
    day = record.published_at
    if citation_type(record).full_date:
        return f"({day.year}, {day:%B} {day.day})."
    return f"({day.year})."


def apa_parts(record: ResourceRecord) -> dict[str, str]:
    """The pieces of the reference, in order: authors, date, title, details, site, URL."""
    return {
        "authors": _end(_apa_authors(record.authors)) if record.authors else "",
        "year": _apa_date(record),
        "title": record.title,
        "details": f"({edition(record)}) [{genre(record)}].",
        "publisher": _end(site_name()),
        "url": record.doi_url or version_url(record),  # APA 7: the DOI, when there is one
    }


def apa_html(record: ResourceRecord) -> SafeString:
    """The reference as HTML: the title in italics, the URL a link; everything escaped."""
    parts = apa_parts(record)
    head = format_html_join(" ", "{}", ((p,) for p in (parts["authors"], parts["year"]) if p))
    return format_html(
        '{} <i>{}</i> {} {} <a href="{}">{}</a>',
        head,
        parts["title"],
        parts["details"],
        parts["publisher"],
        parts["url"],
        parts["url"],
    )


# --- RIS ----------------------------------------------------------------------


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its "1." numbering line and with the CRLF of the RIS spec."""

    NEWLINE = "\r\n"

    def set_header(self, count: int) -> str:
        return ""


def _line(text: str) -> str:
    """RIS is line-based: a value must not contain a line break."""
    return " ".join(str(text).split())


def ris(record: ResourceRecord) -> str:
    """One RIS record; TY per resource type, Y2 the access date, UR the version's address."""
    entry = {
        "type_of_reference": citation_type(record).ris,
        "title": _line(record.title),
        "authors": [_line(a.inverted) for a in record.authors],
        "year": str(record.year),
        "date": f"{record.published_at:%Y/%m/%d}",
        "access_date": f"{accessed_on():%Y/%m/%d}",
        "edition": edition(record),
        "type_of_work": _line(genre(record)),
        "publisher": _line(site_name()),
        "urls": [version_url(record)],
        "doi": record.doi,
        "abstract": _line(record.summary_text),
        "keywords": [_line(k) for k in record.subjects],
        "language": record.language.slug,
        "notes": [_line(licence_note(record))],
    }
    return rispy.dumps([{k: v for k, v in entry.items() if v}], implementation=_RisWriter)


# --- BibTeX -------------------------------------------------------------------


def bibtex_key(record: ResourceRecord) -> str:
    """slug-year-vN: one key per version, unique on the site because slugs are."""
    return f"{record.slug}-{record.year}-v{record.number}"


# Plain text to LaTeX (the encoder bibtexparser's LatexEncodingMiddleware uses), with no
# math mode kept: "$5" in a title is money, not mathematics.
_LATEX = UnicodeToLatexEncoder(
    conversion_rules=["defaults"], unknown_char_policy="keep", unknown_char_warning=False
)
# A word (no spaces or surrounding punctuation) with a capital after its first letter:
# SDOH, LGBTQ+, DEI, COVID-19, McDonald, Non-English.
_WORD_RE = re.compile(r"[^\s()\[\]{}:;,.!?\"]+")


def latex(text: str) -> str:
    return _LATEX.unicode_to_latex(text)


def latex_title(text: str) -> str:
    """`text` in LaTeX with acronyms in braces, so styles that lower-case titles keep them."""
    out, start = [], 0
    for match in _WORD_RE.finditer(text):
        word = match.group()
        if any(c.isupper() for c in word[1:]):
            out += [latex(text[start : match.start()]), "{", latex(word), "}"]
            start = match.end()
    return "".join(out) + latex(text[start:])


def _bibtex_name(author: Person) -> str:
    if author.is_literal:
        return f"{{{latex(author.name)}}}"  # braces: one name, not "Given Family"
    return latex(author.inverted)


def _bibtex_fields(record: ResourceRecord) -> dict[str, str | int]:
    published, ctype = record.published_at, citation_type(record)
    text = {
        "year": str(record.year),
        "date": f"{published:%Y-%m-%d}",
        "urldate": f"{accessed_on():%Y-%m-%d}",
        "version": str(record.number),
        "institution": site_name() if ctype == REPORT else "",
        "publisher": site_name(),
        "howpublished": site_name(),
        "type": genre(record),
        "abstract": record.summary_text,
        "keywords": ", ".join(record.subjects),
        "language": record.language.slug,
        "note": licence_note(record),
    }
    return {
        "author": " and ".join(_bibtex_name(a) for a in record.authors),
        "title": latex_title(record.title),
        "month": published.month,  # written as the month macro (sep), not {sep}
        **{key: latex(value) for key, value in text.items() if value},
        "doi": record.doi,  # not LaTeX-encoded, as the URL
        "url": version_url(record),
    }


def bibtex(record: ResourceRecord) -> str:
    """A BibTeX entry: text LaTeX-encoded, acronyms protected, names BibTeX-style."""
    fields = _bibtex_fields(record)
    library = bibtexparser.Library()
    library.add(
        bib.Entry(
            citation_type(record).bibtex,
            bibtex_key(record),
            [bib.Field(key, value) for key, value in fields.items() if value],
        )
    )
    return bibtexparser.write_string(library, prepend_middleware=[MonthAbbreviationMiddleware()])


# --- CSL-JSON -----------------------------------------------------------------


def _csl_name(author: Person) -> dict[str, str]:
    if author.is_literal:
        name = {"literal": author.name}
    else:
        name = {"family": author.family, "given": author.given}
        if author.suffix:
            name["suffix"] = author.suffix
    if author.orcid:
        name["ORCID"] = author.orcid_url  # as Crossref's CSL-JSON does
    return name


def _date_parts(day: date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(record: ResourceRecord) -> dict[str, object]:
    item = {
        "id": version_url(record),
        "type": citation_type(record).csl,
        "title": record.title,
        "author": [_csl_name(a) for a in record.authors],
        "issued": _date_parts(record.published_at),
        "accessed": _date_parts(accessed_on()),
        "edition": edition(record),
        "genre": genre(record),
        "publisher": site_name(),
        "URL": version_url(record),
        "DOI": record.doi,
        "abstract": record.summary_text,
        "keyword": ", ".join(record.subjects),
        "language": record.language.slug,
        "license": record.license.url or record.license.name,
        "note": licence_note(record),
    }
    return {key: value for key, value in item.items() if value not in ("", [], None)}


def csl_json(record: ResourceRecord) -> str:
    """CSL-JSON: a list with the one item, as citeproc and Zotero import it."""
    return json.dumps([csl_item(record)], ensure_ascii=False, indent=2)


FORMATS = {"ris": ris, "bib": bibtex, "json": csl_json}


def render(record: ResourceRecord, fmt: str) -> tuple[str, str]:
    """(body, content type) of a citation format: "ris", "bib" or "json"."""
    return FORMATS[fmt](record), CONTENT_TYPES[fmt]


def render_many(records: Sequence[ResourceRecord], fmt: str) -> tuple[str, str]:
    """(body, content type) of several records in one file, as reference managers import
    them: RIS records one after another, BibTeX entries, one CSL-JSON array (a saved list)."""
    if fmt == "json":
        body = json.dumps([csl_item(r) for r in records], ensure_ascii=False, indent=2)
    else:
        body = ("" if fmt == "ris" else "\n").join(FORMATS[fmt](r) for r in records)
    return body, CONTENT_TYPES[fmt]
