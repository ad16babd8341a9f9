"""How to cite a resource: an APA-like reference, RIS, BibTeX and CSL-JSON.

Every function takes a `catalog.records.ResourceRecord`, so a version page cites
that version and the resource page cites the current one. The formats are written
by well-kept libraries (rispy, bibtexparser) rather than by string templates.

CSL type: "document". A teaching resource is a standalone, versioned, peer-reviewed
work with a publisher (the site) but no container: "article" would make styles look
for a journal, and "webpage" would cite it as a web page (access date, no publisher
or version). "document" is CSL 1.0.2's type for such works and renders author,
date, title, version, genre, publisher and URL. RIS uses the matching generic type
GEN and BibTeX the generic @misc (with biblatex's `version` field).
"""

import json
import unicodedata
from collections.abc import Iterable

import bibtexparser
import rispy
from bibtexparser import model as bib
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import slugify
from pylatexenc.latexencode import UnicodeToLatexEncoder

from .records import Person, ResourceRecord

CSL_TYPE = "document"
RIS_TYPE = "GEN"
BIBTEX_TYPE = "misc"

CONTENT_TYPES = {
    "ris": "application/x-research-info-systems",
    "bib": "application/x-bibtex",
    "json": "application/vnd.citationstyles.csl+json",
}


def site_name() -> str:
    return settings.TOOLKIT_SITE_NAME


def licence_note(record: ResourceRecord) -> str:
    """ "Licence: Creative Commons Attribution 4.0 (CC BY 4.0), https://…"."""
    licence = record.license
    name = f"{licence.name} ({licence.badge})" if licence.badge else licence.name
    return f"Licence: {name}, {licence.url}" if licence.url else f"Licence: {name}"


# --- APA-like reference -------------------------------------------------------


def _apa_authors(authors: Iterable[Person]) -> str:
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


def apa_parts(record: ResourceRecord) -> dict:
    """The pieces of the reference, in order: authors, year, title, details, site, URL."""
    return {
        "authors": _end(_apa_authors(record.authors)) if record.authors else "",
        "year": f"({record.year}).",
        "title": record.title,
        "details": f"(Version {record.number}) [{record.resource_type.name}].",
        "publisher": _end(site_name()),
        "url": record.url,
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
    date = record.published_at
    entry = {
        "type_of_reference": RIS_TYPE,
        "title": _line(record.title),
        "authors": [_line(a.inverted) for a in record.authors],
        "year": str(record.year),
        "date": f"{date:%Y/%m/%d}",
        "edition": f"Version {record.number}",
        "type_of_work": _line(record.resource_type.name),
        "publisher": _line(site_name()),
        "urls": [record.url],
        "abstract": _line(record.summary_text),
        "keywords": [_line(k) for k in record.subjects],
        "language": record.language.slug,
        "notes": [_line(licence_note(record))],
    }
    return rispy.dumps([{k: v for k, v in entry.items() if v}], implementation=_RisWriter)


# --- BibTeX -------------------------------------------------------------------


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def bibtex_key(record: ResourceRecord) -> str:
    """Google Scholar style: first author's family name, year, first title word."""
    first = record.authors[0].family if record.authors else ""
    words = [w for w in slugify(_ascii(record.title)).split("-") if len(w) > 3]
    key = slugify(_ascii(first)).replace("-", "") + str(record.year) + (words[0] if words else "")
    return key or f"{record.slug.replace('-', '')}{record.year}"


# Plain text to LaTeX (the encoder bibtexparser's LatexEncodingMiddleware uses), with no
# math mode kept: "$5" in a title is money, not mathematics.
_LATEX = UnicodeToLatexEncoder(
    conversion_rules=["defaults"], unknown_char_policy="keep", unknown_char_warning=False
)


def latex(text: str) -> str:
    return _LATEX.unicode_to_latex(text)


def _bibtex_name(author: Person) -> str:
    if author.is_literal:
        return f"{{{latex(author.name)}}}"  # braces: one name, not "Given Family"
    return latex(author.inverted)


def bibtex(record: ResourceRecord) -> str:
    """A BibTeX @misc entry: text LaTeX-encoded, names BibTeX-style, the URL as it is."""
    date = record.published_at
    text = {
        "title": record.title,
        "year": str(record.year),
        "month": f"{date:%b}".lower(),
        "version": str(record.number),
        "publisher": site_name(),
        "howpublished": site_name(),
        "type": record.resource_type.name,
        "abstract": record.summary_text,
        "keywords": ", ".join(record.subjects),
        "language": record.language.slug,
        "note": licence_note(record),
    }
    fields = {
        "author": " and ".join(_bibtex_name(a) for a in record.authors),
        **{key: latex(value) for key, value in text.items() if value},
        "url": record.url,
    }
    library = bibtexparser.Library()
    library.add(
        bib.Entry(
            BIBTEX_TYPE,
            bibtex_key(record),
            [bib.Field(key, value) for key, value in fields.items() if value],
        )
    )
    return bibtexparser.write_string(library)


# --- CSL-JSON -----------------------------------------------------------------


def _csl_name(author: Person) -> dict:
    if author.is_literal:
        name = {"literal": author.name}
    else:
        name = {"family": author.family, "given": author.given}
        if author.suffix:
            name["suffix"] = author.suffix
    if author.orcid:
        name["ORCID"] = author.orcid_url  # as Crossref's CSL-JSON does
    return name


def csl_item(record: ResourceRecord) -> dict:
    date = record.published_at
    item = {
        "id": record.oai_identifier,
        "type": CSL_TYPE,
        "title": record.title,
        "author": [_csl_name(a) for a in record.authors],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "version": str(record.number),
        "genre": record.resource_type.name,
        "publisher": site_name(),
        "URL": record.url,
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
