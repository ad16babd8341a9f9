"""Uploaded files: content checks, anonymised copies, text extraction (DESIGN §7, §8).

Pure functions on uploads and bytes. `reviews.services` decides what is stored and shown:
the original upload for its owner and editors, the sanitized copy for reviewers and readers.
Who is named in the text is found by `reviews.identity`.
"""

import hashlib
import io
import logging
import math
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from reviews.identity import find_identities
from reviews.sanitize import limits, media, office, pdf, residue, text
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
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# --- Upload checks ------------------------------------------------------------------------------


def validate_upload(uploaded: UploadedFile) -> FileFacts:
    """Check an upload's name, size and content; raises ValidationError naming file and reason."""
    name = uploaded.name or ""
    _check_name(name)
    size = _size(uploaded)
    _check_size(name, size)
    extension = _extension(name)
    _check_content(name, extension, uploaded)
    facts = FileFacts(
        extension=extension,
        content_type=KINDS[EXTENSIONS[extension]].mime,
        size=size,
        sha256=_sha256(uploaded),
        original_name=name,
    )
    uploaded.seek(0)
    return facts


def _size(uploaded: UploadedFile) -> int:
    """The upload's size in bytes, measured when it does not say (an UploadedFile made
    without one, as code may make, has None)."""
    if uploaded.size is not None:
        return uploaded.size
    uploaded.seek(0, io.SEEK_END)
    size = uploaded.tell()
    uploaded.seek(0)
    return size


def _refuse(message: str, code: str, name: str, **params: object) -> ValidationError:
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


def _check_content(name: str, extension: str, uploaded: UploadedFile) -> None:
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


def _detect(head: bytes, uploaded: UploadedFile) -> str | None:
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


def _office_kind(uploaded: UploadedFile, guessed: str) -> str:
    """The Office kind whose main part the zip holds (filetype's guess first), else "zip"."""
    try:
        with limits.open_zip(uploaded, limits.Budget()) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return "zip"
    present = [kind for kind in OFFICE_KINDS if KINDS[kind].main_part in names]
    if guessed in present:
        return guessed
    return present[0] if present else "zip"


def _sha256(uploaded: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return digest.hexdigest()


# --- Public byte-level API ----------------------------------------------------------------------


def sanitize(data: bytes, extension: str) -> bytes:
    """A copy without identity metadata or active content (see `reviews.sanitize`).

    Raises ValidationError: "corrupt" if the file is unreadable, "too_large" if it unpacks
    past the limits, "cannot_clean" if a part of it cannot be cleaned with certainty.
    """
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


MAX_FLAGS = 25
UNREAD = "text of this file, which could not be read to look for names"
NOT_CHECKED = {"term": "(not checked)", "where": UNREAD}


def identity_flags(clean: bytes, extension: str, terms: Iterable[str]) -> list[dict[str, str]]:
    """For editors: where author identities remain in the reviewers' copy, i.e. what the
    cleaning could not remove (body text, a slide, a chart, a link, a vector picture).

    Each flag is {"term", "where"}, e.g. "text of page 3" or "slide (ppt/slides/slide2.xml)";
    at most MAX_FLAGS per file, and NOT_CHECKED if the copy's text could not be read (a PDF
    whose streams inflate past the limit). Metadata is not flagged: it is not in the copy.
    """
    flags = []
    for where, found in _residue(clean, extension):
        if where == UNREAD:
            flags.append(NOT_CHECKED)
        for term in find_identities(found, terms):
            if {"term": term, "where": where} not in flags and len(flags) < MAX_FLAGS:
                flags.append({"term": term, "where": where})
    return flags


def _residue(clean: bytes, extension: str) -> Iterator[tuple[str, str]]:
    reader = _RESIDUE_READERS.get(EXTENSIONS.get(_bare(extension), ""))
    if reader is None:
        return
    try:
        yield from reader(clean)
    except Exception:
        logger.warning("Could not scan a cleaned .%s file", extension, exc_info=True)
        yield UNREAD, ""


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


# --- Readers ------------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> Iterator[str]:
    return (page_text for _, page_text in pdf.pdf_pages_text(data))


_SANITIZERS = {
    "pdf": pdf.clean_pdf,
    "docx": office.clean_office,
    "pptx": office.clean_office,
    "xlsx": office.clean_office,
    "png": media.clean_image,
    "jpg": media.clean_image,
    "mp4": media.clean_mp4,
}
_METADATA_READERS = {
    "pdf": pdf.pdf_metadata,
    "docx": office.office_metadata,
    "pptx": office.office_metadata,
    "xlsx": office.office_metadata,
    "png": media.image_metadata,
    "jpg": media.image_metadata,
    "mp4": media.mp4_metadata,
}
_TEXT_READERS = {
    "pdf": _pdf_text,
    "docx": text.docx_text,
    "pptx": text.pptx_text,
    "xlsx": text.xlsx_text,
}
_RESIDUE_READERS = {
    "pdf": pdf.pdf_residue,
    "docx": residue.office_residue,
    "pptx": residue.office_residue,
    "xlsx": residue.office_residue,
    "mp4": residue.mp4_residue,
}
