"""Bounds on the work one upload may cause, and the refusals that name them (issue 11 item 4).

A small upload must not exhaust a worker: a 1.2 MB Word document can inflate to 400 MB. Every
zip member is read through a counting reader that stops at a limit (the sizes a zip declares are
never trusted), XML is parsed without DTDs, entities or network and with libxml2's own bounds
(text nodes up to 10 MB, nesting up to 256 levels), images are measured before they are decoded,
and PDF and MP4 structures are counted. The limits keep the peak memory of checking any upload
under 256 MB above an idle worker (tests/bench/test_upload_memory_bench.py measures it).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from typing import IO, Self

from django.core.exceptions import ValidationError
from lxml import etree

MB = 2**20
MAX_MEMBERS = 5_000  # zip members in a package and the packages embedded in it
MAX_DIRECTORY_BYTES = 1 * MB  # a zip's central directory, measured before it is parsed
MAX_MEMBER_BYTES = 64 * MB  # one member, really inflated
MAX_XML_BYTES = 8 * MB  # one XML part: its parsed tree takes 10 to 15 times as much
MAX_TOTAL_BYTES = 160 * MB  # all members of a package and its embedded packages
MAX_TOTAL_XML_BYTES = 24 * MB  # all XML parts of a package (XML is what takes time)
MAX_NESTING = 2  # packages inside packages inside the upload
MAX_PIXELS = 25_000_000  # an image's width times height (6000 x 4000 and a little more)
MAX_PDF_OBJECTS = 500_000
MAX_PDF_STREAM_BYTES = 32 * MB  # one PDF stream, decoded, while its text is read
MAX_MP4_BOXES = 100_000
MAX_MP4_DEPTH = 12
_CHUNK = 256 * 1024


def too_large(what: str, limit: int) -> ValidationError:
    """The refusal of a file that would take more than `limit` bytes to check."""
    return ValidationError(
        "The file cannot be processed: %(what)s more than %(limit)s MB when unpacked, which is "
        "more than we accept. Upload a smaller file, or split it.",
        code="too_large",
        params={"what": what, "limit": round(limit / MB)},
    )


def cannot_clean(reason: str) -> ValidationError:
    """The refusal of a file whose copy for reviewers could not be cleaned with certainty."""
    return ValidationError(
        "The file cannot be accepted because we cannot make an anonymised copy of it for "
        "reviewers: %(reason)s. Remove that part (or save the file again without it) and "
        "upload it again.",
        code="cannot_clean",
        params={"reason": reason},
    )


@dataclass
class Budget:
    """What one upload has spent so far: members opened and bytes really inflated."""

    members: int = 0
    inflated: int = 0
    xml: int = 0

    def open_members(self, count: int) -> None:
        self.members += count
        if self.members > MAX_MEMBERS:
            raise cannot_clean(f"it holds more than {MAX_MEMBERS} parts")

    def inflate(self, count: int, xml: bool) -> None:
        self.inflated += count
        self.xml += count if xml else 0
        if self.inflated > MAX_TOTAL_BYTES:
            raise too_large("its parts come to", MAX_TOTAL_BYTES)
        if self.xml > MAX_TOTAL_XML_BYTES:
            raise too_large("its XML parts come to", MAX_TOTAL_XML_BYTES)


# --- Zip ----------------------------------------------------------------------------------------

_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


def _directory_size(stream: IO[bytes]) -> tuple[int, int]:
    """(entries, central directory bytes) from the end records, read before zipfile parses."""
    length = stream.seek(0, io.SEEK_END)
    start = max(0, length - _EOCD.size - 65_535)
    stream.seek(start)
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _EOCD.size > len(tail):
        raise zipfile.BadZipFile("No end of central directory")
    _, _, _, _, entries, size, _, _ = _EOCD.unpack_from(tail, at)
    locator = at - _ZIP64_LOCATOR.size
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0:
        signature, _, offset, _ = _ZIP64_LOCATOR.unpack_from(tail, locator)
        stream.seek(offset)
        record = stream.read(_ZIP64_EOCD.size)
        if signature != b"PK\x06\x07" or len(record) < _ZIP64_EOCD.size:
            raise zipfile.BadZipFile("Bad zip64 locator")
        fields = _ZIP64_EOCD.unpack(record)
        entries, size = fields[6], fields[7]
    stream.seek(0)
    return entries, size


def open_zip(source: bytes | bytearray | IO[bytes], budget: Budget) -> zipfile.ZipFile:
    """A zip (bytes or a file) whose directory was measured before zipfile parsed it; its
    member names are unique and none is encrypted."""
    stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    entries, size = _directory_size(stream)
    budget.open_members(entries)
    if size > MAX_DIRECTORY_BYTES:
        raise cannot_clean("its table of contents is too large")
    archive = zipfile.ZipFile(stream)
    names = [info.filename.lower() for info in archive.infolist()]
    if len(names) != entries:
        raise zipfile.BadZipFile("The directory does not count its entries right")
    if len(set(names)) != len(names):
        raise cannot_clean("it holds two parts with the same name")
    if any(info.flag_bits & 0x1 for info in archive.infolist()):
        raise cannot_clean("it holds encrypted parts")
    return archive


def read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget, xml: bool = False
) -> bytes:
    """The member's bytes, counted as they really inflate; refused past its limit (an XML
    part's or any member's) or past the budget. The size the zip declares only refuses early:
    the count is what holds."""
    limit = MAX_XML_BYTES if xml else MAX_MEMBER_BYTES
    if info.file_size > limit:
        raise too_large(f"the part {info.filename} comes to", limit)
    out, size = io.BytesIO(), 0
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise too_large(f"the part {info.filename} comes to", limit)
            budget.inflate(len(chunk), xml)
            out.write(chunk)
    return out.getvalue()


class Members:
    """A zip opened within bounds, whose members are read by name through the counting reader."""

    def __init__(self, source: bytes | bytearray | IO[bytes], budget: Budget | None = None) -> None:
        self.budget = budget or Budget()
        self.archive = open_zip(source, self.budget)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.archive.close()

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self.archive.infolist()

    def read(self, name: str, xml: bool = False) -> bytes:
        return read_member(self.archive, self.archive.getinfo(name), self.budget, xml)


# --- XML ----------------------------------------------------------------------------------------


def parse_xml(body: bytes, where: str) -> etree._Element:
    """An XML part parsed without DTDs, entities or network access, within libxml2's bounds.

    huge_tree=False keeps libxml2's limits: a text node up to 10 MB and nesting up to 256
    levels. A document type declaration (never in Office XML, the door to entity tricks) is
    refused; comments and processing instructions are dropped.
    """
    if len(body) > MAX_XML_BYTES:
        raise too_large(f"the part {where} comes to", MAX_XML_BYTES)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        if "depth" in str(error).lower():
            raise cannot_clean(f"the part {where} is nested too deeply") from error
        raise cannot_clean(f"the part {where} is not well-formed XML") from error
    if root.getroottree().docinfo.doctype:
        raise cannot_clean(f"the part {where} declares a document type")
    return root


def serialize_xml(root: etree._Element) -> bytes:
    tree = root.getroottree()
    return etree.tostring(
        tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone
    )
