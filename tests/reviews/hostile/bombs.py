"""Small uploads that would take far more memory or time to open than they weigh (issue 11
item 4), each built in well under a second without inflating anything."""

import io
import struct
import zlib

import pikepdf

from tests import samples
from tests.reviews.hostile.media import box
from tests.reviews.hostile.package import Package, repeated_deflate, zip_with_bombs

MB = 2**20
PARAGRAPH = b"<w:p><w:r><w:t>Structural racism shapes access to care.</w:t></w:r></w:p>"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def megabyte_of(piece: bytes) -> bytes:
    return piece * (MB // len(piece))


def docx_members(**replaced: bytes) -> dict[str, bytes]:
    """The members of a small Word document, some replaced."""
    members = Package(samples.docx_bytes()).members
    return {**members, **replaced}


def docx_bomb(inflated_mb: int = 400, crc: bool = False) -> bytes:
    """A Word document of about 1.2 MB whose word/document.xml inflates to `inflated_mb` MB."""
    members = docx_members()
    del members["word/document.xml"]
    return zip_with_bombs(
        members, {"word/document.xml": (megabyte_of(PARAGRAPH), inflated_mb)}, crc
    )


def docx_with_document(document: bytes) -> bytes:
    package = Package(samples.docx_bytes())
    package.put("word/document.xml", document)
    return package.pack()


def deep_docx(levels: int = 300) -> bytes:
    """A Word document whose body nests `levels` elements."""
    nested = b"<w:sdt><w:sdtContent>" * (levels // 2) + b"</w:sdtContent></w:sdt>" * (levels // 2)
    return docx_with_document(
        f"<w:document {_W}><w:body>".encode() + nested + b"</w:body></w:document>"
    )


def entity_docx() -> bytes:
    """A Word document whose body declares nested entities ("billion laughs")."""
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "ha"}">' for n in range(10))
    document = f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
    document += (
        f"<w:document {_W}><w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx_with_document(document.encode())


def many_members_docx(count: int = 5_001) -> bytes:
    package = Package(samples.docx_bytes())
    for number in range(count):
        package.put(f"stray/{number}.txt", b"")
    return package.pack()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A PNG of a few hundred bytes that declares `width` × `height` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


def pdf_bomb(inflated_mb: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated_mb` MB."""
    with pikepdf.open(io.BytesIO(samples.pdf_bytes())) as pdf:
        content = b"\x78\xda" + repeated_deflate(megabyte_of(b"0 0 m\n"), inflated_mb)
        stream = pikepdf.Stream(pdf, content)
        stream.Filter = pikepdf.Name.FlateDecode
        pdf.pages[0].Contents = pdf.make_indirect(stream)
        out = io.BytesIO()
        pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def mp4_with_boxes(count: int = 150_000) -> bytes:
    """An MP4 whose movie box holds `count` empty boxes."""
    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isom")
    return ftyp + box(b"moov", box(b"free") * count) + box(b"mdat")


def mp4_nested(depth: int = 30) -> bytes:
    """An MP4 whose tracks nest `depth` deep."""
    inner = box(b"tkhd")
    for _ in range(depth):
        inner = box(b"trak", inner)
    return box(b"ftyp", b"isom", struct.pack(">I", 512), b"isom") + box(b"moov", inner)
