"""Uploaded files: content checks, anonymised copies, text extraction (DESIGN §7, §8).

Pure functions on uploads and bytes. `reviews.services` decides what is stored and shown:
the original upload for its owner and editors, the sanitized copy for reviewers and readers.
Who is named in the text is found by `reviews.identity`.
"""

import hashlib
import io
import logging
import math
import re
import struct
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import NamedTuple

import docx
import filetype
import openpyxl
import pikepdf
import pptx
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from docx.text.paragraph import Paragraph
from lxml import etree
from mutagen.mp4 import MP4
from PIL import Image, ImageOps, JpegImagePlugin
from pptx.shapes.group import GroupShape

from toolkit.text import without_controls

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileFacts:
    """What the server established about an accepted upload."""

    extension: str
    content_type: str
    size: int
    sha256: str
    original_name: str


@dataclass(frozen=True)
class _Kind:
    description: str
    mime: str
    main_part: str = ""


_OOXML = "application/vnd.openxmlformats-officedocument"
KINDS = {
    "pdf": _Kind("a PDF document", "application/pdf"),
    "docx": _Kind("a Word document", f"{_OOXML}.wordprocessingml.document", "word/document.xml"),
    "pptx": _Kind(
        "a PowerPoint presentation",
        f"{_OOXML}.presentationml.presentation",
        "ppt/presentation.xml",
    ),
    "xlsx": _Kind("an Excel workbook", f"{_OOXML}.spreadsheetml.sheet", "xl/workbook.xml"),
    "png": _Kind("a PNG image", "image/png"),
    "jpg": _Kind("a JPEG image", "image/jpeg"),
    "mp4": _Kind("an MP4 video", "video/mp4"),
}
EXTENSIONS = {name: name for name in KINDS} | {"jpeg": "jpg"}
ALLOWED_TYPES = "PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), PNG, JPEG or MP4"
OFFICE_KINDS = ("docx", "pptx", "xlsx")

_LOOKS_LIKE = {
    "exe": "a Windows executable",
    "elf": "a Linux executable",
    "zip": "a ZIP archive",
    "rar": "a RAR archive",
    "7z": "a 7-Zip archive",
    "gz": "a gzip archive",
    "doc": "an old-format Word document (.doc)",
    "xls": "an old-format Excel workbook (.xls)",
    "ppt": "an old-format PowerPoint presentation (.ppt)",
    "rtf": "a Rich Text document",
    "gif": "a GIF image",
    "webp": "a WebP image",
    "tif": "a TIFF image",
    "heic": "a HEIC photo",
    "apng": "an animated PNG image",
    "mov": "a QuickTime video",
    "m4v": "an M4V video",
    "mp3": "an MP3 audio file",
    "m4a": "an M4A audio file",
}
_HEAD_BYTES = 8192
_MAX_UNPACKED = 512 * 2**20
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# --- Upload checks ------------------------------------------------------------------------------


def validate_upload(uploaded) -> FileFacts:
    """Check an upload's name, size and content; raises ValidationError naming file and reason."""
    name = uploaded.name or ""
    _check_name(name)
    _check_size(name, uploaded.size)
    extension = _extension(name)
    _check_content(name, extension, uploaded)
    facts = FileFacts(
        extension=extension,
        content_type=KINDS[EXTENSIONS[extension]].mime,
        size=uploaded.size,
        sha256=_sha256(uploaded),
        original_name=name,
    )
    uploaded.seek(0)
    return facts


def _refuse(message: str, code: str, name: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params={"name": _shown(name), **params})


def _shown(name: str) -> str:
    """The name made safe to show in a message: no control characters, at most 80 characters."""
    visible = "".join("\ufffd" if _is_control(ch) else ch for ch in name)
    return visible if len(visible) <= 80 else f"{visible[:79]}…"


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS


def _split_name(name: str) -> tuple[str, str]:
    stem, dot, extension = name.rpartition(".")
    return (stem, extension.lower()) if dot else (name, "")


def _name_problem(name: str) -> str:
    """Why a file name cannot be used, or "" when it can."""
    if len(name) > 255:
        return "it is longer than 255 characters"
    if "/" in name or "\\" in name:
        return "it contains a folder path (/ or \\)"
    if ".." in name:
        return "it contains “..”"
    if any(_is_control(ch) for ch in name):
        return "it contains control or hidden text-direction characters"
    if not _split_name(name)[0].strip():
        return "it has no name before the extension"
    return ""


def _check_name(name: str) -> None:
    if reason := _name_problem(name):
        raise _refuse(
            "The file name “%(name)s” cannot be used: %(reason)s. Rename the file and try again.",
            "bad_name",
            name,
            reason=reason,
        )


def _check_size(name: str, size: int) -> None:
    limit = settings.TOOLKIT_MAX_UPLOAD_MB
    if size == 0:
        raise _refuse("“%(name)s” is empty (0 bytes).", "empty", name)
    if size > limit * 2**20:
        raise _refuse(
            "“%(name)s” is %(size)s MB, over the %(limit)s MB limit for uploads.",
            "too_large",
            name,
            size=math.ceil(size * 10 / 2**20) / 10,
            limit=limit,
        )


def _extension(name: str) -> str:
    extension = _split_name(name)[1]
    if extension not in EXTENSIONS:
        shown = f".{extension} files are" if extension else "files without an extension are"
        raise _refuse(
            "“%(name)s” cannot be uploaded: %(shown)s not accepted. Upload %(allowed)s.",
            "type_not_allowed",
            name,
            shown=shown,
            allowed=ALLOWED_TYPES,
        )
    return extension


def _check_content(name: str, extension: str, uploaded) -> None:
    """The bytes must be a file of the kind the extension names."""
    expected = EXTENSIONS[extension]
    uploaded.seek(0)
    found = _detect(uploaded.read(_HEAD_BYTES), uploaded)
    if found is None:
        raise _refuse(
            "“%(name)s” cannot be uploaded: its content is not a type we accept (%(allowed)s).",
            "type_not_allowed",
            name,
            allowed=ALLOWED_TYPES,
        )
    if found != expected:
        raise _refuse(
            "“%(name)s” is named as %(expected)s but looks like %(found)s. "
            "Upload the file in its real format, with the matching extension.",
            "type_mismatch",
            name,
            expected=KINDS[expected].description,
            found=_description(found),
        )


def _description(found: str) -> str:
    if found in KINDS:
        return KINDS[found].description
    return _LOOKS_LIKE.get(found, f"a .{found} file")


def _detect(head: bytes, uploaded) -> str | None:
    """The kind of file the bytes are (a KINDS key or filetype's extension), None if unknown."""
    guess = filetype.guess(head)
    if guess is None:
        return None
    found = EXTENSIONS.get(guess.extension, guess.extension)
    if found == "pdf" and not head.startswith(b"%PDF-"):
        return None
    if found in {"zip", *OFFICE_KINDS}:
        return _office_kind(uploaded, found)
    return found


def _office_kind(uploaded, guessed: str) -> str:
    """The Office kind whose main part the zip holds (filetype's guess first), else "zip"."""
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return "zip"
    present = [kind for kind in OFFICE_KINDS if KINDS[kind].main_part in names]
    if guessed in present:
        return guessed
    return present[0] if present else "zip"


def _sha256(uploaded) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return digest.hexdigest()


# --- Public byte-level API ----------------------------------------------------------------------


def sanitize(data: bytes, extension: str) -> bytes:
    """A copy without identity metadata; raises ValidationError(code="corrupt") if unreadable."""
    kind = _kind(extension)
    try:
        return _SANITIZERS[kind](data)
    except ValidationError:
        raise
    except Exception as error:
        logger.warning("Could not sanitize a .%s file", extension, exc_info=True)
        raise ValidationError(
            "The file could not be read as %(kind)s, so no anonymised copy can be made. "
            "It may be damaged or password-protected: check that it opens, save or export it "
            "again, and re-upload it.",
            code="corrupt",
            params={"kind": KINDS[kind].description},
        ) from error


def extract_text(data: bytes, extension: str, limit: int = 1_000_000) -> str:
    """Plain text for search and identity scans; "" for images, video and unreadable files."""
    reader = _TEXT_READERS.get(EXTENSIONS.get(_bare(extension), ""))
    if reader is None:
        return ""
    try:
        return without_controls(_take(reader(data), limit))  # a NUL would not store
    except Exception:
        logger.warning("Could not extract text from a .%s file", extension, exc_info=True)
        return ""


def metadata_text(data: bytes, extension: str) -> str:
    """Every metadata string in the file (properties, authors, tags), one per line; "" if none."""
    reader = _METADATA_READERS.get(EXTENSIONS.get(_bare(extension), ""))
    if reader is None:
        return ""
    try:
        return without_controls("\n".join(text for text in reader(data) if text and text.strip()))
    except Exception:
        logger.warning("Could not read metadata of a .%s file", extension, exc_info=True)
        return ""


def _bare(extension: str) -> str:
    return extension.lower().lstrip(".")


def _kind(extension: str) -> str:
    try:
        return EXTENSIONS[_bare(extension)]
    except KeyError:
        raise ValueError(f"Unsupported file extension: {extension!r}") from None


def _take(pieces: Iterable[str], limit: int) -> str:
    """Join text pieces with newlines, reading no further than `limit` characters."""
    kept, length = [], 0
    for piece in pieces:
        kept.append(piece)
        length += len(piece) + 1
        if length >= limit:
            break
    return "\n".join(kept)[:limit]


def _printable(raw: bytes) -> str:
    """Readable runs of at least three characters in binary metadata."""
    return " ".join(re.findall(r"[^\x00-\x1f\x7f-\x9f\ufffd]{3,}", raw.decode("utf-8", "replace")))


def _as_text(value) -> str:
    if isinstance(value, bytes):
        return _printable(value)
    return value if isinstance(value, str) else ""


# --- PDF ----------------------------------------------------------------------------------------


def _pdf_dictionaries(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj


def _pdf_identity_keys(obj: pikepdf.Object) -> list[str]:
    """Keys of a PDF dictionary that hold metadata: XMP, app data, annotation and file authors."""
    keys = ["/Metadata", "/PieceInfo"]
    if obj.get("/Type") == pikepdf.Name.EmbeddedFile:
        keys.append("/Params")
    if obj.get("/Type") == pikepdf.Name.Filespec:
        keys.append("/Desc")
    if "/Rect" in obj and obj.get("/Subtype", pikepdf.Name.Widget) != pikepdf.Name.Widget:
        keys.append("/T")
    return [key for key in keys if key in obj]


def _clean_pdf(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in _pdf_dictionaries(pdf):
            for key in _pdf_identity_keys(obj):
                del obj[key]
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _pdf_strings(value, depth: int = 0) -> str:
    """The text inside a PDF value: decoded streams, strings, nested containers."""
    if depth > 8:
        return ""
    if isinstance(value, pikepdf.Stream):
        return value.read_bytes().decode("utf-8", "replace")
    if isinstance(value, pikepdf.Dictionary):
        value = list(value.values())
    if isinstance(value, list | pikepdf.Array):
        return " ".join(_pdf_strings(item, depth + 1) for item in value)
    return str(value) if isinstance(value, pikepdf.String) else ""


def _pdf_metadata(data: bytes) -> Iterator[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        yield _pdf_strings(pdf.trailer.get("/Info", pikepdf.Dictionary()))
        for obj in _pdf_dictionaries(pdf):
            for key in _pdf_identity_keys(obj):
                yield _pdf_strings(obj[key])


def _pdf_text(data: bytes) -> Iterator[str]:
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        yield page.extract_text() or ""


# --- Office Open XML (docx, pptx, xlsx) ---------------------------------------------------------


@dataclass(frozen=True)
class _Scrub:
    """Identity fields (local names) in Office package parts matching `parts` (lower case)."""

    parts: str
    attributes: frozenset[str] = field(default_factory=frozenset)
    texts: frozenset[str] = field(default_factory=frozenset)
    elements: frozenset[str] = field(default_factory=frozenset)


_CORE_PROPERTIES = frozenset(
    {
        "creator",
        "lastModifiedBy",
        "title",
        "subject",
        "description",
        "keywords",
        "category",
        "contentStatus",
        "identifier",
    }
)
_OFFICE_SCRUBS = (
    _Scrub("docprops/core.xml", texts=_CORE_PROPERTIES),
    _Scrub("docprops/app.xml", texts=frozenset({"Company", "Manager", "HyperlinkBase"})),
    _Scrub("docprops/custom.xml", elements=frozenset({"property"})),
    _Scrub("word/*.xml", attributes=frozenset({"author", "initials"})),
    _Scrub("word/people.xml", elements=frozenset({"person"})),
    _Scrub("ppt/commentauthors.xml", attributes=frozenset({"name", "initials"})),
    _Scrub("ppt/authors.xml", attributes=frozenset({"name", "initials", "userId", "providerId"})),
    _Scrub("xl/comment*.xml", texts=frozenset({"author"})),
    _Scrub("xl/persons/*.xml", attributes=frozenset({"displayName", "userId", "providerId"})),
    _Scrub("xl/*.xml", attributes=frozenset({"userName"})),
    _Scrub("xl/revisions/usernames*.xml", attributes=frozenset({"name"})),
)
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def _parse_xml(body: bytes) -> etree._Element:
    """Parse an XML part without DTDs, entity expansion or network access."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(body, parser)


def _serialize_xml(root: etree._Element) -> bytes:
    tree = root.getroottree()
    return etree.tostring(
        tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone
    )


def _local(name) -> str:
    return etree.QName(name).localname


def _strings(element: etree._Element) -> list[str]:
    """All text and attribute values in an element and its descendants."""
    found = ["".join(element.itertext())]
    for node in element.iter(etree.Element):
        found.extend(node.attrib.values())
    return found


def _scrub_xml(root: etree._Element, scrub: _Scrub) -> list[str]:
    """Blank or remove what `scrub` names, in place; returns the strings taken out."""
    found = []
    for element in list(root.iter(etree.Element)):
        local = _local(element)
        if local in scrub.elements:
            found += _strings(element)
            element.getparent().remove(element)
            continue
        if local in scrub.texts:
            found += _strings(element)
            element.text = None
            del element[:]
        for name, value in element.attrib.items():
            if _local(name) in scrub.attributes:
                found.append(value)
                element.set(name, "")
    return found


def _is_image(name: str) -> bool:
    return name.lower().endswith(_IMAGE_SUFFIXES)


def _scrub_part(name: str, body: bytes) -> tuple[bytes, list[str]]:
    """An XML member without identity fields, and the strings taken out (unchanged if none)."""
    scrubs = [scrub for scrub in _OFFICE_SCRUBS if fnmatchcase(name.lower(), scrub.parts)]
    if not scrubs:
        return body, []
    root = _parse_xml(body)
    found = [text for scrub in scrubs for text in _scrub_xml(root, scrub)]
    return _serialize_xml(root), found


def _clean_office_part(name: str, body: bytes) -> bytes:
    return _clean_image(body) if _is_image(name) else _scrub_part(name, body)[0]


def _office_part_metadata(name: str, body: bytes) -> list[str]:
    return list(_image_metadata(body)) if _is_image(name) else _scrub_part(name, body)[1]


def _office_members(archive: zipfile.ZipFile) -> Iterator[tuple[zipfile.ZipInfo, bytes]]:
    """Each member with its bytes, refusing archives that unpack to absurd sizes."""
    if sum(info.file_size for info in archive.infolist()) > _MAX_UNPACKED:
        raise ValidationError(
            "The document unpacks to more than %(limit)s MB, which is more than we can process.",
            code="too_large",
            params={"limit": _MAX_UNPACKED // 2**20},
        )
    for info in archive.infolist():
        yield info, archive.read(info)


def _clean_office(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info, body in _office_members(source):
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, _clean_office_part(info.filename, body))
    return out.getvalue()


def _office_metadata(data: bytes) -> Iterator[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info, body in _office_members(archive):
            yield from _office_part_metadata(info.filename, body)


def _docx_blocks(container) -> Iterator[str]:
    """Paragraph texts of a body, header, footer, comment or cell, tables included."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
            continue
        for row in block.rows:
            for cell in row.cells:
                yield from _docx_blocks(cell)


def _docx_text(data: bytes) -> Iterator[str]:
    document = docx.Document(io.BytesIO(data))
    yield from _docx_blocks(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                yield from _docx_blocks(part)
    for comment in document.comments:
        yield from _docx_blocks(comment)


def _shape_texts(shapes) -> Iterator[str]:
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _shape_texts(shape.shapes)
        elif shape.has_text_frame:
            yield shape.text_frame.text
        elif shape.has_table:
            yield from (cell.text for row in shape.table.rows for cell in row.cells)


def _pptx_text(data: bytes) -> Iterator[str]:
    for slide in pptx.Presentation(io.BytesIO(data)).slides:
        yield from _shape_texts(slide.shapes)
        notes = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        if notes is not None:
            yield notes.text


def _xlsx_text(data: bytes) -> Iterator[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                yield from (value for value in row if isinstance(value, str))
    finally:
        workbook.close()


# --- Images -------------------------------------------------------------------------------------

_KEPT_IMAGE_INFO = ("transparency", "dpi")
_EXIF_WINDOWS_TAGS = range(0x9C9B, 0x9CA0)


def _clean_image(data: bytes) -> bytes:
    """Re-encode the pixels (upright) with no EXIF, XMP, ICC profile, comments or text chunks."""
    with Image.open(io.BytesIO(data)) as source:
        image = ImageOps.exif_transpose(source)
        image.info = {key: source.info[key] for key in _KEPT_IMAGE_INFO if key in source.info}
        out = io.BytesIO()
        if source.format in {"JPEG", "MPO"}:
            image.save(
                out,
                "JPEG",
                qtables=source.quantization,
                subsampling=JpegImagePlugin.get_sampling(source),
            )
        else:
            image.save(out, source.format)
    return out.getvalue()


def _image_metadata(data: bytes) -> Iterator[str]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        yield from (_as_text(value) for value in image.info.values())
        exif = image.getexif()
        yield from (_exif_text(tag, value) for tag, value in exif.items())
        yield from (_as_text(value) for value in exif.get_ifd(0x8769).values())


def _exif_text(tag: int, value) -> str:
    """EXIF values as text; Windows XPAuthor and friends are UTF-16."""
    if tag in _EXIF_WINDOWS_TAGS and isinstance(value, bytes):
        return value.decode("utf-16-le", "ignore").rstrip("\x00")
    return _as_text(value)


# --- MP4 ----------------------------------------------------------------------------------------


class _Span(NamedTuple):
    start: int
    body: int
    end: int


def _mp4_boxes(data: bytes | bytearray, start: int, end: int) -> Iterator[tuple[bytes, _Span]]:
    """Each box between start and end: its type and where it starts, its payload starts, it ends."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", data, position + 8)
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            raise ValueError(f"Malformed MP4 box {kind!r} at byte {position}")
        yield kind, _Span(position, position + header, position + size)
        position += size


def _mp4_tag_boxes(data: bytes | bytearray, start: int, end: int, top=True) -> Iterator[_Span]:
    """Boxes holding tags: udta and meta in moov and its tracks, uuid (XMP, maker data) at top."""
    for kind, span in _mp4_boxes(data, start, end):
        if kind in {b"udta", b"meta"} or (top and kind == b"uuid"):
            yield span
        elif kind in {b"moov", b"trak"}:
            yield from _mp4_tag_boxes(data, span.body, span.end, top=False)


def _clean_mp4(data: bytes) -> bytes:
    """Turn every tag box into zero-filled `free` space, so no sample offset moves."""
    MP4(io.BytesIO(data))  # mutagen refuses what is not a readable MP4
    clean = bytearray(data)
    for span in list(_mp4_tag_boxes(clean, 0, len(clean))):
        clean[span.start + 4 : span.start + 8] = b"free"
        clean[span.body : span.end] = bytes(span.end - span.body)
    return bytes(clean)


def _mp4_metadata(data: bytes) -> Iterator[str]:
    for span in _mp4_tag_boxes(data, 0, len(data)):
        yield _printable(data[span.body : span.end])


_SANITIZERS = {
    "pdf": _clean_pdf,
    "docx": _clean_office,
    "pptx": _clean_office,
    "xlsx": _clean_office,
    "png": _clean_image,
    "jpg": _clean_image,
    "mp4": _clean_mp4,
}
_METADATA_READERS = {
    "pdf": _pdf_metadata,
    "docx": _office_metadata,
    "pptx": _office_metadata,
    "xlsx": _office_metadata,
    "png": _image_metadata,
    "jpg": _image_metadata,
    "mp4": _mp4_metadata,
}
_TEXT_READERS = {"pdf": _pdf_text, "docx": _docx_text, "pptx": _pptx_text, "xlsx": _xlsx_text}
