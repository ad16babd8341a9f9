"""Zotero files every resource as the item type we mean, from the RIS download and from the
page's meta tags alike, and that item type's CSL type is the one our CSL-JSON declares.

The rules below are Zotero's own, read from its translators (github.com/zotero/translators at
2814370161d05d799086825fac8d499db3a33aa3) and its schema (github.com/zotero/zotero-schema
at 5eedf4402ea6e7393eaf16902b63f572f48707a7); each cites the file and line it encodes.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
import rispy

from tests import factories

pytestmark = pytest.mark.django_db

# What Zotero should file each resource type as.
INTENDED = {
    "curriculum": "report",
    "session-plan": "report",
    "case": "report",
    "slide-deck": "report",
    "video": "videoRecording",
    "podcast": "audioRecording",
    "reading": "report",
    "assessment-tool": "report",
    "simulation": "report",
    "workshop-kit": "report",
    "collection": "report",
}

# RIS.js: exportTypeMap (lines 83-112: `audioRecording: "SOUND"` line 85, `report: "RPRT"`
# line 107, `videoRecording: "VIDEO"` line 110, `webpage: "ELEC"` line 111) is turned into the
# import map at line 166 (`importTypeMap[exportTypeMap[ty]] = ty`); importTypeMap line 147
# has `GEN: "journalArticle"`, and an unknown TY falls back to DEFAULT_IMPORT_TYPE
# "journalArticle" (line 81).
RIS_IMPORT = {
    "SOUND": "audioRecording",
    "RPRT": "report",
    "VIDEO": "videoRecording",
    "ELEC": "webpage",
    "GEN": "journalArticle",
}

# Embedded Metadata.js, init(): the Highwire tag that fixes the type (hwType), lines 299-322.
HIGHWIRE_TYPE = {
    "citation_journal_title": "journalArticle",  # line 300
    "citation_technical_report_institution": "report",  # lines 303-304
    "citation_conference_title": "conferencePaper",  # line 306
    "citation_conference": "conferencePaper",  # line 307
    "citation_book_title": "bookSection",  # line 310
    "citation_inbook_title": "bookSection",  # line 311
    "citation_dissertation_institution": "thesis",  # lines 314-315
}
# ... and the guess citation_title alone gives, "since this is quite common" (lines 317-319).
HIGHWIRE_GUESS = {"citation_title": "journalArticle", "citation_series_title": "journalArticle"}

# RDF.js, detectType(): og:type (lines 697-718) and a dc:type naming a Zotero item type
# (lines 510-514) are firm types that win over the Highwire guess, which is only the
# `defaultUnknownType` (Embedded Metadata.js line 352; priority order RDF.js line 815).
OG_TYPE = {"video.other": "videoRecording", "video.movie": "videoRecording", "website": "webpage"}
ZOTERO_ITEM_TYPES = {"report", "videoRecording", "audioRecording", "webpage", "journalArticle"}

# zotero-schema schema.json, "csl" → "types": motion_picture ← film, videoRecording (line
# 3282); report ← report (line 3303); song ← audioRecording (line 3309).
ZOTERO_CSL_TYPE = {"report": "report", "videoRecording": "motion_picture", "audioRecording": "song"}


def ris_item_type(ris_text: str) -> str:
    [entry] = rispy.loads(ris_text)
    return RIS_IMPORT.get(entry["type_of_reference"], "journalArticle")


def embedded_metadata_item_type(meta: list[tuple[str, str]]) -> str:
    """The item type Zotero's Embedded Metadata translator gives a page with these tags."""
    hw_type = hw_guess = firm = None
    for name, content in meta:
        short = name[name.rfind("citation_") :] if "citation_" in name else name
        hw_type = HIGHWIRE_TYPE.get(short, hw_type)
        hw_guess = hw_guess or HIGHWIRE_GUESS.get(short)
        if name.lower() == "og:type":
            firm = OG_TYPE.get(content, firm)
        if name.lower() in ("dc.type", "dcterms.type") and content in ZOTERO_ITEM_TYPES:
            firm = content
    # Embedded Metadata.js line 361: "hwTypes are generally most accurate".
    return hw_type or firm or hw_guess or "webpage"


class _MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name") or attrs.get("property")
        if tag == "meta" and name and attrs.get("content"):
            self.meta.append((name, attrs["content"]))


def page_meta(html: str) -> list[tuple[str, str]]:
    parser = _MetaTags()
    parser.feed(html)
    return parser.meta


def test_the_encoded_rules_give_what_zotero_gave_before_the_fix():
    """Why the fix was needed: TY GEN and a bare citation_title both meant journalArticle."""
    assert ris_item_type("TY  - GEN\r\nTI  - A case\r\nER  - \r\n") == "journalArticle"
    assert embedded_metadata_item_type([("citation_title", "A case")]) == "journalArticle"


@pytest.mark.parametrize(("type_slug", "item_type"), INTENDED.items())
def test_zotero_files_each_resource_type_as_intended(client, settings, type_slug, item_type):
    settings.TOOLKIT_SITE_URL = "https://toolkit.example.org"
    resource = factories.resource("Working with medical interpreters", type=type_slug)
    ris = client.get(f"/catalog/{resource.slug}/cite.ris").content.decode()
    assert ris_item_type(ris) == item_type
    page = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert embedded_metadata_item_type(page_meta(page)) == item_type
    [csl] = json.loads(client.get(f"/catalog/{resource.slug}/cite.json").content)
    assert csl["type"] == ZOTERO_CSL_TYPE[item_type]
