"""PDF: a copy without document metadata, signatures, attachments or active content.

pikepdf's sanitizer removes JavaScript (named scripts and actions), attachments and associated
files, multimedia, thumbnails, search indexes, private application data, Web Capture data and
portfolios. This module then removes what it leaves: the Info dictionary and XMP at every level,
signature fields with their values (signer's /Name, /ContactInfo, /Location, /Reason, /M and
certificates), the signature store and permissions, XFA forms, article threads, file attachment
and media annotations, automatic triggers (/OpenAction, /AA), actions that reach outside the
document (/Launch, /SubmitForm, /ImportData, /GoToR, /GoToE), the authors of annotations (/T),
file names of file specifications, and the application segments (EXIF, XMP) of JPEG images.
Links (/URI actions) stay when they are http, https or mailto links: a reader follows one only
by clicking it, like a link in a Word document; any other scheme is removed.

qpdf refuses to inflate a Flate or run-length stream past MAX_PDF_STREAM_BYTES; streams are
copied without decoding when the copy is written; pypdf reads text under the same limit.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator
from typing import cast

import pikepdf
import pikepdf.sanitize
import pypdf

from reviews.sanitize import limits, media

Name = pikepdf.Name
_STREAM_LIMIT = limits.MAX_PDF_STREAM_BYTES
pikepdf.settings.set_qpdf_limits(
    flate_max_memory=_STREAM_LIMIT,
    run_length_max_memory=_STREAM_LIMIT,
    png_max_memory=_STREAM_LIMIT,
    tiff_max_memory=_STREAM_LIMIT,
    dct_max_memory=_STREAM_LIMIT,
)
_PYPDF_LIMITS = {
    "maximum_declared_stream_length": _STREAM_LIMIT,
    "zlib_maximum_output_length": _STREAM_LIMIT,
    "lzw_maximum_output_length": _STREAM_LIMIT,
    "run_length_maximum_output_length": _STREAM_LIMIT,
    "jbig2_maximum_output_length": _STREAM_LIMIT,
    "brotli_maximum_output_length": _STREAM_LIMIT,
    "image_maximum_buffer_size": _STREAM_LIMIT,
    "stream_decoding_work_maximum_length": 2 * _STREAM_LIMIT,
}
MAX_TEXT_PAGES = 2_000

_SANITIZER = (
    pikepdf.sanitize.Sanitizer()
    .remove_javascript()
    .remove_attachments()
    .remove_multimedia()
    .remove_thumbnails()
    .remove_search_index()
    .remove_private_app_data()
    .remove_web_capture()
    .remove_collection()
)
_ROOT_KEYS: tuple[str, ...] = (
    "/Metadata",
    "/OpenAction",
    "/AA",
    "/Threads",
    "/Perms",
    "/DSS",
    "/AF",
)
_ROOT_KEYS += ("/Legal", "/NeedsRendering", "/SpiderInfo", "/PieceInfo", "/Collection")
_NAME_TREES = ("/JavaScript", "/EmbeddedFiles", "/AlternatePresentations", "/Renditions")
_EVERYWHERE = ("/Metadata", "/PieceInfo", "/AA", "/AF")
_SIGNATURE_KEYS: tuple[str, ...] = (
    "/Name",
    "/ContactInfo",
    "/Location",
    "/Reason",
    "/M",
    "/Contents",
    "/Cert",
)
_SIGNATURE_KEYS += ("/Prop_Build", "/Prop_AuthTime", "/Prop_AuthType", "/Reference")
_FILESPEC_KEYS = ("/EF", "/RF", "/F", "/UF", "/DOS", "/Mac", "/Unix", "/Desc", "/CI", "/Thumb")
_SAFE_ACTIONS = frozenset({Name.GoTo, Name.Named, Name.SetOCGState, Name.ResetForm, Name.Hide})
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_REMOVED_ANNOTATIONS = frozenset(
    {Name.FileAttachment, Name.Sound, Name.Movie, Name.Screen, Name.RichMedia, Name("/3D")}
)
_MAX_FIELD_DEPTH = 32


def _open(data: bytes) -> pikepdf.Pdf:
    pdf = pikepdf.open(io.BytesIO(data))
    size = int(pdf.trailer.get("/Size", 0))
    if size > limits.MAX_PDF_OBJECTS:
        pdf.close()
        raise limits.cannot_clean(f"the PDF has more than {limits.MAX_PDF_OBJECTS} objects")
    return pdf


def _drop(obj: pikepdf.Object, keys: Iterable[str]) -> None:
    for key in keys:
        if key in obj:
            del obj[key]


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj


# --- What is removed ----------------------------------------------------------------------------


def _is_unsafe(action: pikepdf.Object, depth: int = 0) -> bool:
    """An action (with its /Next chain) that runs a script or reaches outside the document."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 20:
        return True
    kind = action.get("/S")
    if kind == Name.URI:
        if not str(action.get("/URI", "")).strip().lower().startswith(_LINK_SCHEMES):
            return True
    elif kind not in _SAFE_ACTIONS:
        return True
    following = action.get("/Next")
    if following is None:
        return False
    chain = following if isinstance(following, pikepdf.Array) else [following]
    return any(_is_unsafe(item, depth + 1) for item in chain)


def _is_annotation(obj: pikepdf.Object) -> bool:
    return "/Rect" in obj and "/Subtype" in obj


def _field_type(field: pikepdf.Object | None, depth: int = 0) -> pikepdf.Object | None:
    """A form field's /FT, inherited from its parents."""
    if not isinstance(field, pikepdf.Dictionary) or depth > _MAX_FIELD_DEPTH:
        return None
    return field.get("/FT") or _field_type(field.get("/Parent"), depth + 1)


def _is_removed_annotation(annotation: pikepdf.Object) -> bool:
    if not isinstance(annotation, pikepdf.Dictionary):
        return True
    return annotation.get("/Subtype") in _REMOVED_ANNOTATIONS or _field_type(annotation) == Name.Sig


def _without_signatures(fields: pikepdf.Array, depth: int = 0) -> pikepdf.Array:
    """The field array without signature fields, their kids pruned the same way."""
    kept = pikepdf.Array()
    for field in fields:
        if not isinstance(field, pikepdf.Dictionary) or _field_type(field) == Name.Sig:
            continue
        kids = field.get("/Kids")
        if isinstance(kids, pikepdf.Array) and depth < _MAX_FIELD_DEPTH:
            field.Kids = _without_signatures(kids, depth + 1)
        kept.append(field)
    return kept


def _clean_catalog(pdf: pikepdf.Pdf) -> None:
    root = pdf.Root
    _drop(root, _ROOT_KEYS)
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        _drop(names, _NAME_TREES)
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        _drop(form, ("/XFA", "/SigFlags"))
        fields = form.get("/Fields")
        if isinstance(fields, pikepdf.Array):
            form.Fields = _without_signatures(fields)
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]


def _clean_pages(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        _drop(page.obj, ["/B"])  # article beads
        annotations = page.obj.get("/Annots")
        if isinstance(annotations, pikepdf.Array):
            page.obj.Annots = pikepdf.Array(
                [item for item in annotations if not _is_removed_annotation(item)]
            )


def _clean_jpeg(stream: pikepdf.Stream) -> None:
    """JPEG image data without EXIF or XMP; the compressed pixels are kept as they are."""
    filters = stream.get("/Filter")
    if filters == Name.DCTDecode or (
        isinstance(filters, pikepdf.Array) and list(filters) == [Name.DCTDecode]
    ):
        try:
            clean = media.strip_jpeg(stream.read_raw_bytes())
        except ValueError as error:
            raise limits.cannot_clean("an image in the PDF is not readable JPEG data") from error
        # A JPEG's /DecodeParms, when there is one, is a dictionary or an array of them.
        parameters = cast("pikepdf.Dictionary | pikepdf.Array | None", stream.get("/DecodeParms"))
        stream.write(clean, filter=Name.DCTDecode, decode_parms=parameters)


def _clean_object(obj: pikepdf.Object) -> None:
    _drop(obj, _EVERYWHERE)
    for key in ("/A", "/OpenAction"):
        if key in obj and _is_unsafe(obj[key]):
            del obj[key]
    if obj.get("/Type") == Name.Sig or "/ByteRange" in obj:
        _drop(obj, _SIGNATURE_KEYS)
    if obj.get("/Type") == Name.Filespec or "/EF" in obj:
        _drop(obj, _FILESPEC_KEYS)
    if _is_annotation(obj) and obj.get("/Subtype") != Name.Widget:
        _drop(obj, ["/T"])
    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == Name.Image:
        _clean_jpeg(obj)


def clean_pdf(data: bytes) -> bytes:
    with _open(data) as pdf:
        _SANITIZER.apply(pdf)
        _clean_catalog(pdf)
        _clean_pages(pdf)
        for obj in _dictionaries(pdf):
            _clean_object(obj)
        out = io.BytesIO()
        pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


# --- What was there, and what is left -----------------------------------------------------------


def _bounded_bytes(stream: pikepdf.Stream) -> bytes:
    """A stream's data if it is plain or Flate-compressed, inflated no further than the limit."""
    filters = stream.get("/Filter")
    raw = stream.read_raw_bytes()
    if filters is None:
        return raw
    if filters == Name.FlateDecode or list(filters) == [Name.FlateDecode]:
        return zlib.decompressobj().decompress(raw, _STREAM_LIMIT)
    return b""


def _strings(value: pikepdf.Object | list[pikepdf.Object], depth: int = 0) -> str:
    """The text inside a PDF value: plain or Flate streams, strings, nested containers."""
    if depth > 8:
        return ""
    if isinstance(value, pikepdf.Stream):
        return _bounded_bytes(value).decode("utf-8", "replace")
    if isinstance(value, pikepdf.Dictionary):
        value = list(value.values())
    if isinstance(value, list | pikepdf.Array):
        return " ".join(_strings(item, depth + 1) for item in value)
    return str(value) if isinstance(value, pikepdf.String) else ""


def _removed_keys(obj: pikepdf.Object) -> list[str]:
    """The keys of a dictionary whose values the cleaning removes and that may name someone."""
    keys = ["/Metadata", "/PieceInfo", "/I"]
    if obj.get("/Type") == Name.Sig or "/ByteRange" in obj:
        keys += _SIGNATURE_KEYS
    if obj.get("/Type") in (Name.Filespec, Name.EmbeddedFile) or "/EF" in obj:
        keys += ["/F", "/UF", "/Desc", "/Params"]
    if _is_annotation(obj) and obj.get("/Subtype") != Name.Widget:
        keys.append("/T")
    return [key for key in keys if key in obj and key != "/Contents"]


def pdf_metadata(data: bytes) -> Iterator[str]:
    """Document information, XMP, annotation authors, signers and attachment names."""
    with _open(data) as pdf:
        yield _strings(pdf.trailer.get("/Info", pikepdf.Dictionary()))
        yield from pdf.attachments.keys()
        for obj in _dictionaries(pdf):
            for key in _removed_keys(obj):
                yield _strings(obj[key])


def pdf_pages_text(data: bytes) -> Iterator[tuple[int, str]]:
    """(page number, text) for the first MAX_TEXT_PAGES pages, streams inflated within limits."""
    with pypdf.apply_configuration(None, **_PYPDF_LIMITS):
        reader = pypdf.PdfReader(io.BytesIO(data))
        for number, page in enumerate(reader.pages[:MAX_TEXT_PAGES], start=1):
            yield number, page.extract_text() or ""


def _place(obj: pikepdf.Object) -> str:
    if _is_annotation(obj):
        return "annotations and links"
    if "/Title" in obj and "/Parent" in obj:
        return "bookmarks"
    if "/FT" in obj or ("/Kids" in obj and "/T" in obj):
        return "form fields"
    return "document structure"


def pdf_residue(data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a reader of the copy can still read."""
    for number, text in pdf_pages_text(data):
        yield f"text of page {number}", text
    with _open(data) as pdf:
        for obj in _dictionaries(pdf):
            found = [str(value) for value in obj.values() if isinstance(value, pikepdf.String)]
            found += [str(value.get("/URI", "")) for value in obj.values() if _is_action(value)]
            if any(found):
                yield _place(obj), " ".join(found)


def _is_action(value: pikepdf.Object) -> bool:
    return isinstance(value, pikepdf.Dictionary) and "/S" in value
