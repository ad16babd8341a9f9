"""Text formats shared by the catalog's outputs: site URLs, durations, ORCID iDs, licence
badges, file type labels and XML-safe text."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags

from toolkit.site import absolute as absolute
from toolkit.site import site_host as site_host
from toolkit.site import site_url as site_url
from toolkit.text import human_duration as human_duration
from toolkit.text import iso_duration as iso_duration
from toolkit.text import render_markdown

ORCID_RE = re.compile(r"(?:^|/)(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")

FILE_TYPE_LABELS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "PowerPoint (PPTX)"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "video/mp4": "MP4 video",
}


def plain_text(markdown_text: str) -> str:
    """Markdown as one paragraph of plain text (for abstracts, descriptions, meta tags)."""
    text = html.unescape(strip_tags(render_markdown(markdown_text or "")))
    return " ".join(text.split())


def normalize_orcid(value: str) -> str:
    """The bare ORCID iD (0000-0002-1825-0097) of an id or orcid.org URL; "" if malformed.

    The last character is checked with ORCID's ISO 7064 11,2 checksum.
    """
    match = ORCID_RE.search((value or "").strip().rstrip("/").upper())
    if not match:
        return ""
    orcid = match.group(1)
    total = 0
    for digit in orcid.replace("-", "")[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return orcid if orcid[-1] == ("X" if check == 10 else str(check)) else ""


def license_badge(spdx: str) -> str:
    """The short Creative Commons badge text of an SPDX id: CC-BY-NC-4.0 → "CC BY-NC 4.0"."""
    if spdx.startswith("CC0"):
        return spdx.replace("-", " ")
    if spdx.startswith("CC-"):
        parts = spdx.split("-")
        return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
    return ""


def file_type_label(content_type: str, name: str = "") -> str:
    if content_type in FILE_TYPE_LABELS:
        return FILE_TYPE_LABELS[content_type]
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    return extension.upper() or "File"


# Characters XML 1.0 cannot carry at all: dropped from anything the XML formats (OAI-PMH,
# Atom) echo or publish, wherever the text came from.
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """`text` as XML 1.0 can carry it."""
    return XML_INVALID_RE.sub("", str(text))
