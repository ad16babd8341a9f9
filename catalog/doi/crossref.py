"""A Crossref deposit (schema 5.3.1) of a version: `posted_content`, as Crossref registers
works a site posts that are not journal articles, books or datasets.

One `doi_batch` holds two records: the version under its DOI (at its own address), and the
concept DOI (at the resource page, which always shows the newest version), related by
`isVersionOf`/`hasVersion` (Crossref's relations program). Built with lxml; the element
order is the schema's (tests/catalog/test_doi.py checks it).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from lxml import etree

from ..citations import version_url
from ..records import Person, ResourceRecord

VERSION = "5.3.1"
NS = f"http://www.crossref.org/schema/{VERSION}"
NS_JATS = "http://www.ncbi.nlm.nih.gov/JATS1"
NS_AI = "http://www.crossref.org/AccessIndicators.xsd"
NS_REL = "http://www.crossref.org/relations.xsd"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} https://www.crossref.org/schemas/crossref{VERSION}.xsd"
# posted_content/@type: reports for most resources, "other" for recordings.
POSTED_TYPES = {"video": "other", "podcast": "other"}


def _el(
    parent: etree._Element, tag: str, text: object = None, ns: str = NS, **attrs: str
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)
    if text is not None:
        element.text = str(text)
    return element


def _contributors(parent: etree._Element, authors: tuple[Person, ...]) -> None:
    if not authors:
        return
    holder = _el(parent, "contributors")
    for position, author in enumerate(authors):
        sequence = "first" if position == 0 else "additional"
        if author.is_literal:
            _el(
                holder,
                "organization",
                author.name,
                sequence=sequence,
                contributor_role="author",
            )
            continue
        person = _el(holder, "person_name", sequence=sequence, contributor_role="author")
        _el(person, "given_name", author.given)
        _el(person, "surname", author.family)
        if author.suffix:
            _el(person, "suffix", author.suffix)
        if author.affiliation:
            institution = _el(_el(person, "affiliations"), "institution")
            _el(institution, "institution_name", author.affiliation)
        if author.orcid:
            _el(person, "ORCID", author.orcid_url)


def _posted_content(
    body: etree._Element, record: ResourceRecord, doi: str, url: str, relation: tuple[str, str]
) -> None:
    content = _el(
        body,
        "posted_content",
        type=POSTED_TYPES.get(record.resource_type.slug, "report"),
        language=record.language.slug,
    )
    _contributors(content, record.authors)
    _el(_el(content, "titles"), "title", record.title)
    posted = _el(content, "posted_date")
    day = record.published_at.date()
    _el(posted, "month", f"{day.month:02d}")
    _el(posted, "day", f"{day.day:02d}")
    _el(posted, "year", day.year)
    accepted = _el(content, "acceptance_date")
    day = record.reviewed_at.date()
    _el(accepted, "month", f"{day.month:02d}")
    _el(accepted, "day", f"{day.day:02d}")
    _el(accepted, "year", day.year)
    _el(_el(content, "institution"), "institution_name", settings.TOOLKIT_DOI_REGISTRANT)
    if record.summary_text:
        abstract = _el(content, "abstract", ns=NS_JATS)
        _el(abstract, "p", record.summary_text, ns=NS_JATS)
    if record.license.url:
        program = _el(content, "program", ns=NS_AI, name="AccessIndicators")
        _el(program, "license_ref", record.license.url, ns=NS_AI)
    kind, other = relation
    program = _el(content, "program", ns=NS_REL)
    related = _el(program, "related_item", ns=NS_REL)
    _el(
        related,
        "intra_work_relation",
        other,
        ns=NS_REL,
        **{
            "relationship-type": kind,
            "identifier-type": "doi",
        },
    )
    data = _el(content, "doi_data")
    _el(data, "doi", doi)
    _el(data, "resource", url)


def batch_id(doi: str, now: datetime) -> str:
    return f"{doi.split('/', 1)[-1]}-{now:%Y%m%d%H%M%S}"


def deposit(
    record: ResourceRecord,
    doi: str,
    concept: str,
    *,
    current: ResourceRecord | None = None,
    now: datetime | None = None,
) -> bytes:
    """The doi_batch of version `record` (DOI `doi`) and of the concept DOI, described by
    `current` (the newest version; `record` itself by default)."""
    now = now or timezone.now()
    current = current or record
    root = etree.Element(
        f"{{{NS}}}doi_batch",
        {"version": VERSION, f"{{{NS_XSI}}}schemaLocation": SCHEMA_LOCATION},
        nsmap={None: NS, "xsi": NS_XSI, "jats": NS_JATS, "ai": NS_AI, "rel": NS_REL},
    )
    head = _el(root, "head")
    _el(head, "doi_batch_id", batch_id(doi, now))
    _el(head, "timestamp", f"{now:%Y%m%d%H%M%S}{now.microsecond // 1000:03d}")
    depositor = _el(head, "depositor")
    _el(depositor, "depositor_name", settings.TOOLKIT_DOI_REGISTRANT)
    _el(depositor, "email_address", settings.TOOLKIT_DOI_DEPOSITOR_EMAIL)
    _el(head, "registrant", settings.TOOLKIT_DOI_REGISTRANT)
    body = _el(root, "body")
    _posted_content(body, record, doi, version_url(record), ("isVersionOf", concept))
    _posted_content(body, current, concept, current.resource_url, ("hasVersion", doi))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
