"""Images and MP4 video: copies without tags, and the tags for `metadata_text`.

Images are decoded (after their size is checked) and re-encoded from the pixels alone: EXIF,
XMP, IPTC, ICC profiles, comments and text chunks do not survive. JPEG data inside a PDF is
kept byte for byte and loses only its application segments. MP4 boxes are walked at every
depth: tag boxes become zero-filled `free` space (so no sample offset moves) and handler names
are zeroed; a box structure that cannot be walked with certainty is refused.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from typing import NamedTuple

from mutagen.mp4 import MP4
from PIL import Image, ImageOps, JpegImagePlugin

from reviews.sanitize import limits

_KEPT_IMAGE_INFO = ("transparency", "dpi")
_EXIF_WINDOWS_TAGS = range(0x9C9B, 0x9CA0)


def printable(raw: bytes) -> str:
    """Readable runs of at least three characters in binary metadata."""
    return " ".join(re.findall(r"[^\x00-\x1f\x7f-\x9f\ufffd]{3,}", raw.decode("utf-8", "replace")))


def as_text(value: object) -> str:
    if isinstance(value, bytes):
        return printable(value)
    return value if isinstance(value, str) else ""


# --- Images -------------------------------------------------------------------------------------


def _open_image(data: bytes) -> Image.Image:
    """The image, its size checked before any pixel is decoded."""
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:  # Pillow's own limit, far above ours
        raise limits.cannot_clean(
            f"an image has more than the {limits.MAX_PIXELS // 1_000_000} million pixels we "
            "can process"
        ) from error
    width, height = image.size
    if width * height > limits.MAX_PIXELS:
        image.close()
        raise limits.cannot_clean(
            f"an image is {width} × {height} pixels, more than the "
            f"{limits.MAX_PIXELS // 1_000_000} million we can process"
        )
    return image


def clean_image(data: bytes) -> bytes:
    """Re-encode the pixels (upright) with no EXIF, XMP, ICC profile, comments or text chunks."""
    with _open_image(data) as image:
        image_format, kept = image.format, dict(image.info)
        options: dict[str, object] = {}
        if isinstance(image, JpegImagePlugin.JpegImageFile):  # JPEG, and MPO (its subclass)
            image_format = "JPEG"
            options = {
                "qtables": image.quantization,
                "subsampling": JpegImagePlugin.get_sampling(image),
            }
        ImageOps.exif_transpose(image, in_place=True)  # a copy only if it must turn
        image.info = {key: kept[key] for key in _KEPT_IMAGE_INFO if key in kept}
        out = io.BytesIO()
        image.save(out, image_format, **options)
    return out.getvalue()


def image_metadata(data: bytes) -> Iterator[str]:
    with _open_image(data) as image:
        image.load()
        yield from (as_text(value) for value in image.info.values())
        exif = image.getexif()
        yield from (_exif_text(tag, value) for tag, value in exif.items())
        yield from (as_text(value) for value in exif.get_ifd(0x8769).values())


def _exif_text(tag: int, value: object) -> str:
    """EXIF values as text; Windows XPAuthor and friends are UTF-16."""
    if tag in _EXIF_WINDOWS_TAGS and isinstance(value, bytes):
        return value.decode("utf-16-le", "ignore").rstrip("\x00")
    return as_text(value)


_JPEG_KEPT_SEGMENTS = frozenset({0xE0, 0xEE})  # JFIF and Adobe (colour transform)


def strip_jpeg(data: bytes) -> bytes:
    """JPEG data without application segments (EXIF, XMP, IPTC, ICC) or comments; the scan
    data is kept byte for byte. Raises ValueError if the segments cannot be walked."""
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("Not JPEG data")
    kept, position = [b"\xff\xd8"], 2
    while position + 4 <= len(data):
        marker, length = data[position + 1], struct.unpack_from(">H", data, position + 2)[0]
        if data[position] != 0xFF or length < 2:
            raise ValueError(f"Bad JPEG segment at byte {position}")
        end = position + 2 + length
        if marker == 0xDA:  # start of scan: the rest is image data
            return b"".join([*kept, data[position:]])
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker in _JPEG_KEPT_SEGMENTS:
            kept.append(data[position:end])
        position = end
    raise ValueError("JPEG data without a scan")


# --- MP4 ----------------------------------------------------------------------------------------


class Span(NamedTuple):
    kind: bytes
    start: int
    body: int
    end: int


# Boxes made only of boxes, walked at every depth. Sample descriptions are not walked, and tag
# boxes are not walked either: they are wiped whole.
_CONTAINERS = frozenset(
    {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"dinf", b"edts", b"mvex", b"moof", b"traf"}
    | {b"tref", b"mfra"}
)
# Tags and vendor data: udta (©nam, ©ART, cprt, loci…), meta (ilst, keys, ID3), uuid (XMP,
# camera maker data); free, skip and wide often keep the tags an editor removed earlier.
_TAG_BOXES = frozenset({b"udta", b"meta", b"uuid", b"free", b"skip", b"wide"})
# Track handlers that carry pictures, sound, subtitles or time codes; a timed-metadata track
# (GPS, camera data) cannot be removed without rewriting the file, so it is refused.
_MEDIA_HANDLERS = frozenset(
    {b"vide", b"soun", b"text", b"sbtl", b"subt", b"clcp", b"tmcd", b"hint", b"auxv"}
)
_HANDLER_NAME = 24  # hdlr: version and flags, pre-defined, handler type, three reserved words


def box_at(data: bytes | bytearray, position: int, end: int) -> Span:
    size, kind = struct.unpack_from(">I4s", data, position)
    header = 8
    if size == 1:
        (size,) = struct.unpack_from(">Q", data, position + 8)
        header = 16
    elif size == 0:
        size = end - position
    if size < header or position + size > end:
        raise ValueError(f"Malformed MP4 box {kind!r} at byte {position}")
    return Span(kind, position, position + header, position + size)


class _Walk:
    """Counts the boxes of one file while they are walked."""

    def __init__(self) -> None:
        self.boxes = 0

    def boxes_in(
        self, data: bytes, start: int, end: int, parent: bytes, depth: int = 0
    ) -> Iterator[tuple[Span, bytes]]:
        """(box, its parent's type) for every box between start and end, containers walked."""
        if depth > limits.MAX_MP4_DEPTH:
            raise limits.cannot_clean("the video's boxes are nested too deeply")
        position = start
        while position + 8 <= end:
            span = box_at(data, position, end)
            self.boxes += 1
            if self.boxes > limits.MAX_MP4_BOXES:
                raise limits.cannot_clean(f"the video has more than {limits.MAX_MP4_BOXES} boxes")
            yield span, parent
            if span.kind in _CONTAINERS:
                yield from self.boxes_in(data, span.body, span.end, span.kind, depth + 1)
            position = span.end
        if position != end:
            raise ValueError(f"{end - position} stray bytes at byte {position}")


def boxes(data: bytes) -> Iterator[tuple[Span, bytes]]:
    """(box, its parent's type) for every box of a file, within MAX_MP4_BOXES and _DEPTH."""
    return _Walk().boxes_in(data, 0, len(data), b"")


def _tag_spans(data: bytes) -> Iterator[Span]:
    """Every tag box and track handler, the whole box structure checked on the way."""
    for span, parent in boxes(data):
        if span.kind in _TAG_BOXES or (span.kind, parent) == (b"hdlr", b"mdia"):
            yield span


def _clean_handler(clean: bytearray, span: Span) -> None:
    handler = bytes(clean[span.body + 8 : span.body + 12])
    if handler not in _MEDIA_HANDLERS:
        raise limits.cannot_clean(
            f"the video has a {handler.decode('latin-1')!r} track (timed metadata such as GPS "
            "or camera data), which cannot be removed"
        )
    name = span.body + _HANDLER_NAME
    clean[name : span.end] = bytes(max(0, span.end - name))


def clean_mp4(data: bytes) -> bytes:
    """Zero-filled `free` boxes in place of tags, zeroed handler names; nothing moves."""
    spans = list(_tag_spans(data))  # the whole structure, walked within bounds, first
    MP4(io.BytesIO(data))  # then mutagen refuses what is not a readable MP4
    clean = bytearray(data)
    for span in spans:
        if span.kind == b"hdlr":
            _clean_handler(clean, span)
            continue
        clean[span.start + 4 : span.start + 8] = b"free"
        clean[span.body : span.end] = bytes(span.end - span.body)
    return bytes(clean)


def mp4_metadata(data: bytes) -> Iterator[str]:
    for span in _tag_spans(data):
        start = span.body + _HANDLER_NAME if span.kind == b"hdlr" else span.body
        yield printable(data[start : span.end])
