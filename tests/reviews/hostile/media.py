"""Pictures and a video with the canary in every metadata block they can carry."""

import io
import struct
import zlib

from mutagen.mp4 import MP4
from PIL import Image, PngImagePlugin

from tests.reviews.hostile.canary import EMAIL, HOME, NAME, ORCID, USERNAME

REMOTE_PICTURE = f"https://tracker.canary-lab.example/{USERNAME}/pixel.png"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    '22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
    f"<dc:creator>{NAME}</dc:creator><dc:rights>{EMAIL}</dc:rights></rdf:Description>"
    "</rdf:RDF></x:xmpmeta>"
)
ICC = b"\x00\x00\x02\x00lcms\x02\x10\x00\x00mntrRGB XYZ " + f"desc {NAME}".encode() * 4
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def _picture() -> Image.Image:
    image = Image.new("RGB", (16, 12), (200, 40, 40))
    image.paste((20, 90, 200), (0, 0, 8, 6))
    return image


def _exif() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    exif[0x8298] = f"(c) {NAME}"  # Copyright
    exif[0x010E] = EMAIL  # ImageDescription
    exif[0x9C9D] = f"{USERNAME}\x00".encode("utf-16-le")  # XPAuthor
    return exif.tobytes()


def _iptc_segment() -> bytes:
    """A Photoshop APP13 segment with an IPTC By-line (2:80)."""
    by_line = NAME.encode()
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(by_line)) + by_line
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg_everywhere() -> bytes:
    """EXIF (Artist, Copyright, description, XPAuthor), XMP, a comment, ICC and IPTC."""
    out = io.BytesIO()
    _picture().save(
        out,
        "JPEG",
        quality=90,
        exif=_exif(),
        xmp=XMP.encode(),
        comment=f"Shot by {USERNAME} ({ORCID})",
        icc_profile=ICC,
    )
    data = out.getvalue()
    after_first = 4 + struct.unpack_from(">H", data, 4)[0]  # after the JFIF or EXIF segment
    return data[:after_first] + _iptc_segment() + data[after_first:]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_everywhere() -> bytes:
    """tEXt, zTXt and iTXt (XMP), eXIf, an ICC profile and a private chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_text("Comment", f"Drawn by {USERNAME}", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    out = io.BytesIO()
    _picture().save(out, "PNG", pnginfo=info, exif=_exif(), icc_profile=ICC)
    data = out.getvalue()
    return data[:-12] + _png_chunk(b"zxId", f"{EMAIL} {HOME}".encode()) + data[-12:]


# --- MP4 ----------------------------------------------------------------------------------------


def box(kind: bytes, *payload: bytes) -> bytes:
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def full_box(kind: bytes, *payload: bytes) -> bytes:
    return box(kind, b"\x00\x00\x00\x00", *payload)


def _tag(kind: bytes, text: str) -> bytes:
    """A QuickTime user-data text atom (©nam, ©ART…)."""
    encoded = text.encode()
    return box(kind, struct.pack(">HH", len(encoded), 0x55C4), encoded)


def handler(kind: bytes, name: str) -> bytes:
    return full_box(b"hdlr", b"\x00" * 4, kind, b"\x00" * 12, name.encode() + b"\x00")


_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _track(handler_kind: bytes = b"vide") -> bytes:
    tkhd = full_box(
        b"tkhd", struct.pack(">5I", 0, 0, 1, 0, 1000), b"\x00" * 16, _MATRIX, b"\x00" * 8
    )
    mdhd = full_box(b"mdhd", struct.pack(">IIIIHH", 0, 0, 1000, 1000, 0x55C4, 0))
    dinf = box(b"dinf", full_box(b"dref", struct.pack(">I", 1), box(b"url ", b"\x00\x00\x00\x01")))
    tables = [full_box(kind, struct.pack(">I", 0)) for kind in (b"stsd", b"stts", b"stsc", b"stco")]
    stbl = box(b"stbl", *tables, full_box(b"stsz", struct.pack(">II", 0, 0)))
    minf = box(
        b"minf",
        full_box(b"vmhd", b"\x00" * 8),
        box(b"udta", _tag(b"\xa9cmt", USERNAME)),
        dinf,
        stbl,
    )
    mdia = box(
        b"mdia",
        mdhd,
        handler(handler_kind, f"{NAME} handler"),
        box(b"udta", _tag(b"\xa9ART", EMAIL)),
        minf,
    )
    xmp = box(b"uuid", _XMP_UUID, XMP.encode())
    return box(b"trak", tkhd, box(b"udta", _tag(b"\xa9nam", NAME)), mdia, xmp)


def mp4_bytes(handler_kind: bytes = b"vide") -> bytes:
    """A minimal MP4 whose boxes name the canary at every depth, plus iTunes-style tags."""
    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2mp41")
    mvhd = full_box(
        b"mvhd",
        struct.pack(">IIII", 0, 0, 1000, 1000),
        struct.pack(">IH", 0x10000, 0x100),
        b"\x00" * 10,
        _MATRIX,
        b"\x00" * 24,
        struct.pack(">I", 2),
    )
    meta = full_box(b"meta", handler(b"mdir", USERNAME), box(b"xml ", XMP.encode()))
    data = b"".join(
        [
            ftyp,
            box(b"moov", mvhd, _track(handler_kind)),
            box(b"free", f"old tags: {NAME} {ORCID}".encode()),
            meta,
            box(b"uuid", _XMP_UUID, XMP.encode()),
            box(b"mdat"),
        ]
    )
    buffer = io.BytesIO(data)
    video = MP4(buffer)
    video.add_tags()
    video.tags["\xa9ART"] = [NAME]
    video.tags["\xa9nam"] = [f"Lecture by {NAME}"]
    video.save(buffer)
    return buffer.getvalue()


def mp4_everywhere() -> bytes:
    return mp4_bytes()
