"""Plain text of Word and PowerPoint packages, read as a stream, one paragraph at a time.

python-docx and python-pptx parse every XML part of a package when they open it, which for a
package of many large parts would take far more memory than a worker may use. Here each part
is read through the counting reader and parsed incrementally; a paragraph is dropped from
memory once its text is taken.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from reviews.sanitize import limits, opc

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WORD_PIECES = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
_WORD_PIECES[f"{_W}noBreakHyphen"] = "-"
_SLIDE_PIECES = {f"{_A}t": None, f"{_A}br": "\n"}
_CELL_PIECES = {f"{_X}t": None}
_WORD_PARTS = ("header", "footer", "footnotes", "endnotes", "comments")


class _Reader:
    """A package's members and relationships."""

    def __init__(self, members: limits.Members) -> None:
        self.members = members
        self.package = opc.load(members.archive.namelist(), members.read)

    def body(self, key: str) -> bytes:
        return self.members.read(self.package.names[key], xml=True)

    def related(self, source: str, kind: str) -> list[str]:
        relationships = self.package.relationships.get(source, (None, []))[1]
        return [
            rel.target
            for rel in relationships
            if rel.kind == kind and not rel.external and rel.target in self.package.names
        ]


@contextmanager
def _package(data: bytes) -> Iterator[_Reader]:
    with limits.Members(data) as members:
        yield _Reader(members)


def _elements(body: bytes, tag: str) -> Iterator[etree._Element]:
    """Each `tag` element once it is complete; it is cleared after the caller is done with it."""
    events = etree.iterparse(
        io.BytesIO(body),
        events=("end",),
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for _, element in events:
        yield element
        element.clear(keep_tail=True)
        while element.getprevious() is not None:
            del element.getparent()[0]


def _text(element: etree._Element, pieces: dict) -> str:
    return "".join(
        (node.text or "") if pieces[node.tag] is None else pieces[node.tag]
        for node in element.iter(*pieces)
    )


def _paragraphs(body: bytes, paragraph: str, pieces: dict) -> Iterator[str]:
    for element in _elements(body, paragraph):
        yield _text(element, pieces)


def docx_text(data: bytes) -> Iterator[str]:
    """Paragraphs of the body (tables and text boxes too), headers, footers, notes, comments."""
    with _package(data) as reader:
        main = reader.package.main_part()
        yield from _paragraphs(reader.body(main), f"{_W}p", _WORD_PIECES)
        for kind in _WORD_PARTS:
            for key in reader.related(main, kind):
                yield from _paragraphs(reader.body(key), f"{_W}p", _WORD_PIECES)


def _notes(body: bytes) -> Iterator[str]:
    """The notes placeholder's paragraphs (not the slide number or picture placeholders)."""
    for shape in _elements(body, f"{_P}sp"):
        if any(ph.get("type") == "body" for ph in shape.iter(f"{_P}ph")):
            yield from (_text(p, _SLIDE_PIECES) for p in shape.iter(f"{_A}p"))


def pptx_text(data: bytes) -> Iterator[str]:
    """Paragraphs of every slide (text boxes, tables, groups) in order, each with its notes."""
    with _package(data) as reader:
        main = reader.package.main_part()
        for slide in _ordered(reader, main, "slide", f"{_P}sldId"):
            yield from _paragraphs(reader.body(slide), f"{_A}p", _SLIDE_PIECES)
            for notes in reader.related(slide, "notesslide"):
                yield from _notes(reader.body(notes))


def _ordered(reader: _Reader, main: str, kind: str, element: str) -> list[str]:
    """Part keys of one kind in the order the main part lists them (slides, sheets)."""
    by_id = {
        rel.id: rel.target
        for rel in reader.package.relationships.get(main, (None, []))[1]
        if rel.kind == kind
    }
    listed = limits.parse_xml(reader.body(main), main)
    order = [node.get(f"{_R}id") for node in listed.iter(element)]
    return [by_id[rid] for rid in order if rid in by_id and by_id[rid] in reader.package.names]


def xlsx_text(data: bytes) -> Iterator[str]:
    """The workbook's shared strings, then each sheet's own (inline) strings, in sheet order."""
    with _package(data) as reader:
        main = reader.package.main_part()
        for key in reader.related(main, "sharedstrings"):
            yield from _paragraphs(reader.body(key), f"{_X}si", _CELL_PIECES)
        for sheet in _ordered(reader, main, "worksheet", f"{_X}sheet"):
            yield from _paragraphs(reader.body(sheet), f"{_X}is", _CELL_PIECES)
