"""What a reader of a cleaned copy can still read, place by place, for the editor's flags.

Nothing here changes a file. The cleaning removes what it can; an author's name in the body
text, a slide title, a chart label, a hyperlink or a vector picture's text cannot be removed
without changing the work, so the editor is told where it is.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

from lxml import etree

from reviews.sanitize import limits, office, opc
from reviews.sanitize.media import Span, box_at

_WINDOW = 1 * limits.MB
_OVERLAP = 512
# Content-type markers and how an editor would call the part.
_LABELS = (
    ("document.main", "document text"),
    ("header", "header"),
    ("footer", "footer"),
    ("footnotes", "footnotes"),
    ("endnotes", "endnotes"),
    ("comments", "comments"),
    ("notesslide", "speaker notes"),
    ("slide+xml", "slide"),
    ("sharedstrings", "cell text"),
    ("worksheet", "worksheet"),
    ("chart", "chart"),
    ("diagram", "diagram"),
    ("drawing", "drawing"),
    ("properties", "document properties"),
)


def _label(content_type: str) -> str:
    return next((label for marker, label in _LABELS if marker in content_type), "file part")


def binary_text(data: bytes) -> Iterator[str]:
    """Overlapping windows of binary data read as Latin-1 and as UTF-16 (both byte orders)."""
    for start in range(0, max(len(data), 1), _WINDOW):
        window = bytes(data[start : start + _WINDOW + _OVERLAP])
        yield window.decode("latin-1")
        for offset in (0, 1):
            yield window[offset:].decode("utf-16-le", "ignore")
            yield window[offset:].decode("utf-16-be", "ignore")


_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
)
# Word and slide paragraphs, a cell's rich text: runs inside them belong together.
_PARAGRAPHS = frozenset(
    f"{{{namespace}}}{name}" for namespace in _NAMESPACES for name in ("p", "si", "is")
)
_CHUNK = 50_000
T = TypeVar("T")


def _chunks(iterable: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, _CHUNK)):
        yield chunk


def _xml_texts(where: str, body: bytes, path: str) -> Iterator[tuple[str, str]]:
    """The part's text read three ways: every text apart (a name next to a number in the next
    cell, "Xanthos|42"), each paragraph's runs together (a name split by formatting,
    "Xan|thos"), and every attribute value (alternative text, field codes, link targets).
    Read in chunks, so a long part never makes one giant string."""
    root = limits.parse_xml(body, path)
    last = ""
    for chunk in _chunks(root.itertext()):
        yield where, " ".join([last, *chunk])
        last = chunk[-1]
    for chunk in _chunks(root.iter(etree.Element)):
        yield where, " ".join(value for element in chunk for value in element.values())
        paragraphs = (element for element in chunk if element.tag in _PARAGRAPHS)
        yield where, "\n".join("".join(paragraph.itertext()) for paragraph in paragraphs)


def _links(root: etree._Element) -> str:
    return " ".join(element.get("Target", "") for element in root.iter(opc.RELATIONSHIP))


def office_residue(
    data: bytes, prefix: str = "", budget: limits.Budget | None = None
) -> Iterator[tuple[str, str]]:
    """(where, text) for every member of a cleaned package, embedded packages included."""
    with limits.Members(data, budget) as members:
        package = opc.load(members.archive.namelist(), members.read)
        for info in members.infolist():
            key, path = info.filename.lower(), prefix + info.filename
            if key == opc.CONTENT_TYPES:
                continue
            content_type = package.content_type(key)
            todo = office.action(content_type, package.reached_by.get(key, set()), path)
            xml = todo in {"core", "app", "custom", "xml"}
            body = members.read(info.filename, xml=xml)
            if key.endswith(".rels"):
                yield f"links ({path})", _links(limits.parse_xml(body, path))
            elif todo == "package":
                yield from office_residue(body, f"{path} › ", members.budget)
            elif xml:
                yield from _xml_texts(f"{_label(content_type)} ({path})", body, path)
            elif todo == "keep":
                yield from ((f"picture ({path})", text) for text in binary_text(body))


def _outside_media(data: bytes) -> Iterator[Span]:
    position = 0
    while position + 8 <= len(data):
        span = box_at(data, position, len(data))
        if span.kind != b"mdat":
            yield span
        position = span.end


def mp4_residue(data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) for the boxes around the pictures and sound (tracks, descriptions)."""
    for span in _outside_media(data):
        for text in binary_text(data[span.start : span.end]):
            yield f"video boxes ({span.kind.decode('latin-1')})", text
