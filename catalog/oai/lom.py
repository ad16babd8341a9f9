"""IEEE LOM (1484.12.3 XML binding) of a record: what a learning-object harvester expects.

Beside oai_dc, this is the format OER repositories (MERLOT, OER Commons, ARIADNE) harvest.
It carries what Dublin Core cannot: the learner levels (a classification with purpose
"educational level", taxa named by the toolkit's vocabulary), the time required
(`educational/typicalLearningTime`, an ISO 8601 duration), the learning objectives (a
classification with purpose "educational objective"), the intended audience, the resource
type in LOM's vocabulary and the licence (`rights`).
"""

from __future__ import annotations

from django.conf import settings
from lxml import etree

from .. import records

NS_LOM = "http://ltsc.ieee.org/xsd/LOM"
LOM_SCHEMA = "http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd"
LOM_VOCABULARY = "LOMv1.0"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
# LOM's educational/learningResourceType of each resource type (LOMv1.0 values).
LOM_TYPES = {
    "curriculum": "narrative text",
    "session-plan": "narrative text",
    "case": "problem statement",
    "slide-deck": "slide",
    "video": "lecture",
    "podcast": "lecture",
    "reading": "narrative text",
    "assessment-tool": "questionnaire",
    "simulation": "simulation",
    "workshop-kit": "exercise",
    "collection": "narrative text",
}
# LOM's educational/context of each stage of the continuum.
LOM_CONTEXTS = {"ume": "higher education", "gme": "training", "cpd": "training"}


def vcard(full_name: str, *, family: str = "", given: str = "", organisation: str = "") -> str:
    """A vCard 3.0 (FN, N, ORG) of a person or an organisation, as LOM's entity holds."""

    def escaped(text: str) -> str:
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")

    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escaped(full_name)}"]
    lines.append(f"N:{escaped(family or full_name)};{escaped(given)};;;")
    if organisation:
        lines.append(f"ORG:{escaped(organisation)}")
    return "\n".join([*lines, "END:VCARD"])


def _lom(tag: str) -> str:
    return f"{{{NS_LOM}}}{tag}"


def _el(parent: etree._Element, tag: str, text: object = None) -> etree._Element:
    element = etree.SubElement(parent, _lom(tag))
    if text is not None:
        element.text = records.xml_text(text)
    return element


def _langstring(parent: etree._Element, tag: str, text: str, language: str) -> None:
    """A LangString element: the text in a <string> with its language."""
    if text:
        holder = _el(parent, tag)
        _el(holder, "string", text).set("language", language)


def _vocab(parent: etree._Element, tag: str, value: str) -> None:
    """A vocabulary element: (source, value) in LOM's own vocabulary."""
    holder = _el(parent, tag)
    _el(holder, "source", LOM_VOCABULARY)
    _el(holder, "value", value)


def _classification(
    parent: etree._Element, purpose: str, source: str, taxa: list[tuple[str, str]], language: str
) -> None:
    """A classification with one taxon path of the toolkit's vocabulary `source`."""
    if not taxa:
        return
    classification = _el(parent, "classification")
    _vocab(classification, "purpose", purpose)
    path = _el(classification, "taxonPath")
    _langstring(path, "source", source, "en")
    for identifier, entry in taxa:
        taxon = _el(path, "taxon")
        _el(taxon, "id", identifier)
        _langstring(taxon, "entry", entry, language)


def lom(
    parent: etree._Element, record: records.ResourceRecord, formats: list[str]
) -> etree._Element:
    """The LOM record of a resource's current version."""
    root = etree.SubElement(parent, _lom("lom"), nsmap={None: NS_LOM, "xsi": NS_XSI})
    root.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_LOM} {LOM_SCHEMA}")
    language = record.language.slug

    general = _el(root, "general")
    identifier = _el(general, "identifier")
    _el(identifier, "catalog", "URI")
    _el(identifier, "entry", record.resource_url)
    if record.concept_doi:  # once deposited (catalog.doi)
        identifier = _el(general, "identifier")
        _el(identifier, "catalog", "DOI")
        _el(identifier, "entry", record.concept_doi)
    _langstring(general, "title", record.title, language)
    _el(general, "language", language)
    _langstring(general, "description", record.summary_text, language)
    for keyword in [*record.keywords, *(t.name for t in record.topics)]:
        _langstring(general, "keyword", keyword, language)

    life = _el(root, "lifeCycle")
    _langstring(life, "version", f"Version {record.number}", "en")
    for author in record.authors:
        contribute = _el(life, "contribute")
        _vocab(contribute, "role", "author")
        _el(
            contribute,
            "entity",
            vcard(
                author.name,
                family=author.family,
                given=author.given,
                organisation=author.affiliation,
            ),
        )
        date = _el(contribute, "date")
        _el(date, "dateTime", record.published_at.date().isoformat())
    publisher = _el(life, "contribute")
    _vocab(publisher, "role", "publisher")
    site = settings.TOOLKIT_SITE_NAME
    _el(publisher, "entity", vcard(site, organisation=site))

    meta = _el(root, "metaMetadata")
    _el(meta, "metadataSchema", "LOMv1.0")

    technical = _el(root, "technical")
    for content_type in ["text/html", *formats]:
        _el(technical, "format", content_type)
    _el(technical, "location", record.resource_url)

    educational = _el(root, "educational")
    _vocab(
        educational,
        "learningResourceType",
        LOM_TYPES.get(record.resource_type.slug, "narrative text"),
    )
    _vocab(educational, "intendedEndUserRole", "teacher")
    _vocab(educational, "intendedEndUserRole", "learner")
    for context in dict.fromkeys(LOM_CONTEXTS.get(lv.stage, "other") for lv in record.levels):
        _vocab(educational, "context", context)
    if record.iso_duration:
        time = _el(educational, "typicalLearningTime")
        _el(time, "duration", record.iso_duration)
    _langstring(educational, "description", "\n".join(record.objectives), language)

    rights = _el(root, "rights")
    _vocab(rights, "cost", "no")
    _vocab(rights, "copyrightAndOtherRestrictions", "yes")
    licence = record.license.name + (f" ({record.license.url})" if record.license.url else "")
    _langstring(rights, "description", licence, "en")

    _classification(
        root,
        "educational level",
        f"{settings.TOOLKIT_SITE_NAME} learner levels",
        [(lv.slug, lv.name) for lv in record.levels],
        "en",
    )
    _classification(
        root,
        "educational objective",
        f"{settings.TOOLKIT_SITE_NAME} learning objectives",
        [(f"objective-{i}", text) for i, text in enumerate(record.objectives, start=1)],
        language,
    )
    _classification(
        root,
        "discipline",
        f"{settings.TOOLKIT_SITE_NAME} topics",
        [(t.slug, t.name) for t in record.topics],
        "en",
    )
    return root
