"""Structured metadata of a resource page: schema.org JSON-LD and Highwire Press tags.

JSON-LD follows schema.org `LearningResource` (with the LRMI properties); the
Highwire `citation_*` tags are what Google Scholar and reference managers read.
"""

import json
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .citations import REPORT, citation_type, version_url
from .records import FileEntry, Person, ResourceRecord, Term, absolute, doi_url, site_url

# Characters that could end the <script> element or start an HTML comment inside it.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}

INTERACTIVITY = {  # LRMI interactivityType by resource type slug
    "simulation": "active",
    "case": "active",
    "workshop-kit": "active",
    "assessment-tool": "active",
    "video": "expositive",
    "podcast": "expositive",
    "reading": "expositive",
    "slide-deck": "expositive",
}


def _term(name: str, code: str, term_set: str) -> dict[str, str]:
    return {
        "@type": "DefinedTerm",
        "name": name,
        "termCode": code,
        "inDefinedTermSet": absolute(term_set),
    }


def _person(author: Person) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Person", "name": author.name}
    if not author.is_literal:
        item["givenName"] = author.given
        item["familyName"] = author.family
    if author.affiliation:
        item["affiliation"] = {"@type": "Organization", "name": author.affiliation}
    if author.orcid:
        item["sameAs"] = author.orcid_url
        item["identifier"] = author.orcid_url
    return item


def _licence(licence: Term) -> str | dict[str, str]:
    """The licence's address; a licence without one is named, never written as an address."""
    return licence.url or {"@type": "CreativeWork", "name": licence.name}


def _video(record: ResourceRecord, files: Sequence[FileEntry]) -> dict[str, object]:
    """A video is also a schema.org VideoObject, with what video search needs."""
    videos = [f for f in files if f.content_type.startswith("video/")] or [
        f for f in files if f.is_link
    ]
    video: dict[str, object] = {
        "@type": ["LearningResource", "VideoObject"],
        "thumbnailUrl": record.share_image_url,
        "uploadDate": record.first_published_at.isoformat(),
    }
    if videos:
        video["contentUrl" if not videos[0].is_link else "embedUrl"] = videos[0].absolute_url
    return video


def _media(entry: FileEntry) -> dict[str, str]:
    if entry.is_link:  # linked materials: a page elsewhere, not a file we serve
        return {"@type": "MediaObject", "name": entry.label, "url": entry.url}
    item = {"@type": "MediaObject", "name": entry.label, "contentUrl": entry.absolute_url}
    if entry.content_type:
        item["encodingFormat"] = entry.content_type
    if entry.size:
        item["contentSize"] = f"{entry.size} B"
    return item


def _doi(doi: str) -> dict[str, str]:
    return {"@type": "PropertyValue", "propertyID": "DOI", "value": doi, "url": doi_url(doi)}


def _doi_identifiers(record: ResourceRecord) -> dict[str, Any]:
    """With deposited DOIs: `identifier` lists them as PropertyValues (after the OAI
    identifier) and `sameAs` their https://doi.org/ addresses: this version's, and on the
    current version's page the concept DOI, which resolves to it."""
    dois = [record.doi] if record.doi else []
    if record.is_current and record.concept_doi:
        dois.append(record.concept_doi)
    if not dois:
        return {}
    return {
        "identifier": [record.oai_identifier, *(_doi(d) for d in dois)],
        "sameAs": [doi_url(d) for d in dois],
    }


def _alignment(competency: Any) -> dict[str, str]:
    """An LRMI AlignmentObject: the resource teaches this competency of a framework."""
    return {
        "@type": "AlignmentObject",
        "alignmentType": "teaches",
        "educationalFramework": competency.framework.name,
        "targetName": competency.label,
        "targetUrl": competency.source_url,
        "targetDescription": competency.description,
    }


def _competency_term(competency: Any) -> dict[str, str]:
    return {
        **_term(competency.label, competency.code, reverse("api:competencies-list")),
        "url": competency.source_url,
    }


def educational_use(record: ResourceRecord) -> list[str]:
    """The instructional methods (free text in LRMI), "assessment" for assessment tools."""
    uses = ["assessment"] if record.resource_type.slug == "assessment-tool" else []
    return uses + [m.name for m in record.methods] or ["instruction"]


def learning_resource(record: ResourceRecord, files: Sequence[FileEntry] = ()) -> dict[str, Any]:
    """The schema.org LearningResource of one version of a resource."""
    publisher = {"@type": "Organization", "name": settings.TOOLKIT_SITE_NAME, "url": site_url()}
    audience = {"@type": "EducationalAudience", "educationalRole": "teacher"}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": record.url,
        "url": record.url,
        "mainEntityOfPage": record.url,
        "identifier": record.oai_identifier,
        "name": record.title,
        "description": record.summary_text,
        "version": record.number,
        "learningResourceType": record.resource_type.lrmi_type or record.resource_type.name,
        "educationalLevel": [
            _term(lv.name, lv.slug, reverse("api:learner-levels-list")) for lv in record.levels
        ],
        "teaches": [*record.objectives, *map(_competency_term, record.competencies)],
        "educationalAlignment": [_alignment(c) for c in record.competencies],
        "about": [_term(t.name, t.slug, reverse("api:topics-list")) for t in record.topics],
        "keywords": record.subjects,
        "timeRequired": record.iso_duration,
        "license": _licence(record.license),
        "inLanguage": record.language.slug,
        "author": [_person(a) for a in record.authors],
        "datePublished": record.first_published_at.date().isoformat(),
        "dateModified": record.published_at.date().isoformat(),
        "isAccessibleForFree": True,
        "publisher": publisher,
        "educationalUse": educational_use(record),
        "interactivityType": INTERACTIVITY.get(record.resource_type.slug, "mixed"),
        "audience": audience,
        "associatedMedia": [_media(f) for f in files],
        "image": record.share_image_url,
    }
    data.update(_doi_identifiers(record))
    if record.interprofessional:
        audience["audienceType"] = "interprofessional teams"
    if record.resource_type.slug == "video":
        data.update(_video(record, files))
    return {key: value for key, value in data.items() if value not in ("", [], None)}


def script_json(data: dict[str, Any]) -> SafeString:
    """JSON for inside <script type="application/ld+json">: no "</script>" can end it early."""
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - every character that could close the element is escaped


def _zotero_type_tags(record: ResourceRecord) -> list[tuple[str, str]]:
    """The tag that makes Zotero file the page as the type its RIS gives (not "journalArticle").

    Zotero's "Embedded Metadata" translator takes citation_technical_report_institution
    for a report; it has no Highwire tag for recordings, but a DC.type naming a Zotero
    item type wins over its citation_title guess (tests/catalog/test_zotero_item_types.py).
    """
    ctype = citation_type(record)
    if ctype == REPORT:
        return [("citation_technical_report_institution", settings.TOOLKIT_SITE_NAME)]
    return [("DC.type", ctype.zotero)]


def highwire_tags(record: ResourceRecord, files: Sequence[FileEntry] = ()) -> list[tuple[str, str]]:
    """(name, content) pairs of the Highwire Press citation_* meta tags, in order."""
    tags = [("citation_title", record.title)]
    for author in record.authors:
        tags.append(("citation_author", author.inverted))
        if author.affiliation:
            tags.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            tags.append(("citation_author_orcid", author.orcid_url))
    tags += [
        ("citation_publication_date", f"{record.published_at:%Y/%m/%d}"),
        ("citation_online_date", f"{record.first_published_at:%Y/%m/%d}"),
        ("citation_publisher", settings.TOOLKIT_SITE_NAME),
        *_zotero_type_tags(record),
        ("citation_language", record.language.slug),
    ]
    if record.subjects:
        tags.append(("citation_keywords", "; ".join(record.subjects)))
    if record.doi:
        tags.append(("citation_doi", record.doi))
    tags += [
        ("citation_public_url", version_url(record)),
        ("citation_abstract_html_url", version_url(record)),
    ]
    pdf = next((f for f in files if f.is_pdf), None)
    if pdf:
        tags.append(("citation_pdf_url", pdf.absolute_url))
    return tags
