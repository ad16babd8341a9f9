"""The XML of OAI-PMH answers: the envelope, the echoed request, headers and oai_dc."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from lxml import etree

from .. import records
from ..models import Resource
from .arguments import DAY_RE, SECOND_RE, argument
from .queries import set_specs

NS_OAI = "http://www.openarchives.org/OAI/2.0/"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS_OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_OAI_ID = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
OAI_ID_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
ERROR_ECHO_CHARS = 40  # of an argument echoed in an error answer
_SPEC_CHARS = r"[A-Za-z0-9\-_.!~*'()]+"
ECHO_PATTERNS = {  # the XML schema types of the <request> attributes that have one
    "metadataPrefix": re.compile(_SPEC_CHARS),
    "set": re.compile(rf"{_SPEC_CHARS}(:{_SPEC_CHARS})*"),
    "from": re.compile(rf"{DAY_RE.pattern}|{SECOND_RE.pattern}"),
    "until": re.compile(rf"{DAY_RE.pattern}|{SECOND_RE.pattern}"),
}
DCMI_TYPES = {  # DCMI Type Vocabulary term of each resource type (default Text)
    "video": "MovingImage",
    "podcast": "Sound",
    "simulation": "InteractiveResource",
    "collection": "Collection",
}


def datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def base_url() -> str:
    return records.absolute(reverse("catalog:oai"))


def echoable(name: str, value: str) -> bool:
    """Whether an argument may be echoed in <request>: only values valid for the schema."""
    pattern = ECHO_PATTERNS.get(name)
    return pattern is None or bool(pattern.fullmatch(value))


def echoed(params: QueryDict, *, error: bool) -> dict:
    """The <request> attributes; an error echoes no long value whole (a bad token, say).

    A long free-text value (resumptionToken, identifier) is cut to ERROR_ECHO_CHARS and
    "…"; a long patterned one (set, metadataPrefix) is left out, keeping the schema valid.
    """
    attrs = {}
    for key in params:
        value = argument(params, key)
        if not echoable(key, value):
            continue
        if error and len(value) > ERROR_ECHO_CHARS:
            if key in ECHO_PATTERNS:
                continue
            value = f"{value[:ERROR_ECHO_CHARS]}…"
        attrs[key] = value
    return attrs


def oai(tag: str) -> str:
    return f"{{{NS_OAI}}}{tag}"


def sub(parent: etree._Element, tag: str, text: object = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: records.xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = records.xml_text(text)
    return element


def envelope(
    params: QueryDict, verb: str | None, now: datetime, *, error: bool = False
) -> etree._Element:
    root = etree.Element(oai("OAI-PMH"), nsmap={None: NS_OAI, "xsi": NS_XSI})
    root.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_OAI} {OAI_SCHEMA}")
    sub(root, oai("responseDate"), datestamp(now))
    # badVerb and badArgument answers echo the base URL only
    attrs = echoed(params, error=error) if verb else {}
    sub(root, oai("request"), base_url(), **attrs)
    return root


def header(parent: etree._Element, resource: Resource) -> etree._Element:
    element = sub(parent, oai("header"), **({"status": "deleted"} if resource.is_retired else {}))
    sub(element, oai("identifier"), records.oai_identifier(resource.slug))
    sub(element, oai("datestamp"), datestamp(resource.updated_at))
    for spec in set_specs(resource):
        sub(element, oai("setSpec"), spec)
    return element


def dublin_core(
    parent: etree._Element, record: records.ResourceRecord, formats: list[str]
) -> etree._Element:
    """oai_dc of a record: the Dublin Core elements harvesters expect of a learning object."""
    dc = etree.SubElement(
        parent,
        f"{{{NS_OAI_DC}}}dc",
        nsmap={"oai_dc": NS_OAI_DC, "dc": NS_DC, "xsi": NS_XSI},
    )
    dc.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_OAI_DC} {OAI_DC_SCHEMA}")

    def put(name: str, value: object) -> None:
        if value:
            sub(dc, f"{{{NS_DC}}}{name}", value)

    put("title", record.title)
    for author in record.authors:
        put("creator", author.inverted)
    for subject in record.subjects + [lv.name for lv in record.levels]:
        put("subject", subject)
    put("description", record.summary_text)
    put("publisher", settings.TOOLKIT_SITE_NAME)
    put("date", record.published_at.date().isoformat())
    put("type", DCMI_TYPES.get(record.resource_type.slug, "Text"))
    put("type", record.resource_type.name)
    put("format", "text/html")
    for content_type in formats:
        put("format", content_type)
    put("identifier", record.resource_url)
    put("identifier", record.concept_doi_url)  # once deposited (catalog.doi)
    put("language", record.language.slug)
    put("rights", record.license.url or record.license.name)
    return dc


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
