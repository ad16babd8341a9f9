"""Sample files for the whole suite: real documents with optional planted identity metadata.

Every generator returns bytes that the real readers open (pypdf, python-docx, python-pptx,
openpyxl, Pillow, mutagen), and the anonymity canary tests plant names through the keyword
arguments. Nothing is planted unless asked for.
"""

import io
import struct
import zipfile

import pikepdf
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from mutagen.mp4 import MP4
from openpyxl import Workbook
from openpyxl.comments import Comment
from PIL import Image, PngImagePlugin
from pptx import Presentation
from pptx.util import Inches

BODY = "Structural racism shapes access to care."

_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
_CT = "application/vnd.openxmlformats-officedocument"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def _xml_escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split())


# --- Zip surgery for parts the libraries cannot write -------------------------------------------


def _with_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The zip with the given members replaced or appended, order otherwise kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = parts.pop(info.filename, None)
            dst.writestr(
                info.filename, src.read(info) if body is None else body, zipfile.ZIP_DEFLATED
            )
        for name, body in parts.items():
            dst.writestr(name, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _read(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _add_part(data: bytes, part: str, content_type: str, rels: str, rel_type: str, target: str):
    """Add an OOXML part with its content-type override and a relationship from `rels`."""
    types = _read(data, "[Content_Types].xml").replace(
        b"</Types>",
        f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode(),
    )
    stem = part.rsplit("/", 1)[-1].removesuffix(".xml")
    relationship = f'<Relationship Id="rIdSample{stem}" Type="{rel_type}" Target="{target}"/>'
    relationships = _read(data, rels).replace(
        b"</Relationships>", f"{relationship}</Relationships>".encode()
    )
    return {"[Content_Types].xml": types, rels: relationships}


def _plant_part(data, part, body, content_type, rels, rel_type, target) -> bytes:
    """The package with one extra part, registered and related."""
    changes = _add_part(data, part, content_type, rels, rel_type, target)
    return _with_parts(data, {**changes, part: body.encode()})


# --- PDF ------------------------------------------------------------------------------------------


def _pdf_string(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_page(pdf: pikepdf.Pdf, text: str) -> pikepdf.Page:
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    lines = " T* ".join(f"({_pdf_string(line)}) Tj" for line in text.splitlines() or [""])
    page = pdf.add_blank_page(page_size=(612, 792))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(f"BT /F1 12 Tf 14 TL 72 720 Td {lines} ET".encode("cp1252"))
    return page


def _pdf_annotation(pdf: pikepdf.Pdf, page: pikepdf.Page, author: str) -> None:
    note = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Text,
            Rect=[72, 600, 92, 620],
            Contents=pikepdf.String("Please cite the 2019 cohort."),
            T=pikepdf.String(author),
        )
    )
    popup = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Popup,
            Rect=[100, 500, 300, 600],
            Parent=note,
            T=pikepdf.String(author),
        )
    )
    note.Popup = popup
    page.Annots = pdf.make_indirect([note, popup])


def pdf_bytes(
    text=BODY, author=None, title=None, xmp_creator=None, annotation_author=None
) -> bytes:
    """A one-page PDF whose Helvetica text (cp1252, one line per line) pypdf extracts."""
    pdf = pikepdf.new()
    page = _pdf_page(pdf, text)
    if annotation_author:
        _pdf_annotation(pdf, page, annotation_author)
    if xmp_creator:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [xmp_creator]
    for key, value in (("/Author", author), ("/Title", title)):
        if value:
            pdf.docinfo[key] = value
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


# --- Word -----------------------------------------------------------------------------------------


def _docx_revision(paragraph, author: str) -> None:
    """Append a tracked insertion by `author`."""
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "901")
    insertion.set(qn("w:author"), author)
    insertion.set(qn("w:date"), "2025-01-01T00:00:00Z")
    run = OxmlElement("w:r")
    inserted = OxmlElement("w:t")
    inserted.text = " Revised."
    run.append(inserted)
    insertion.append(run)
    paragraph._p.append(insertion)


def _docx_people(data: bytes, author: str) -> bytes:
    """Add word/people.xml as Word writes it for comment authors."""
    body = (
        f'<w15:people xmlns:w15="{_W15}"><w15:person w15:author="{_xml_escape(author)}">'
        f'<w15:presenceInfo w15:providerId="AD" w15:userId="{_xml_escape(author)}"/>'
        "</w15:person></w15:people>"
    )
    return _plant_part(
        data,
        "word/people.xml",
        body,
        f"{_CT}.wordprocessingml.people+xml",
        "word/_rels/document.xml.rels",
        "http://schemas.microsoft.com/office/2011/relationships/people",
        "people.xml",
    )


def _docx_custom(data: bytes, value: str) -> bytes:
    """Add docProps/custom.xml with one string property."""
    body = (
        f'<Properties xmlns="{_CUSTOM}" xmlns:vt="{_VT}">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Reviewer">'
        f"<vt:lpwstr>{_xml_escape(value)}</vt:lpwstr></property></Properties>"
    )
    return _plant_part(
        data,
        "docProps/custom.xml",
        body,
        f"{_CT}.custom-properties+xml",
        "_rels/.rels",
        f"{_REL}/custom-properties",
        "docProps/custom.xml",
    )


def _app_company(data: bytes, company: str) -> bytes:
    app = _read(data, "docProps/app.xml")
    app = app.replace(b"<Company/>", f"<Company>{_xml_escape(company)}</Company>".encode())
    return _with_parts(data, {"docProps/app.xml": app})


def docx_bytes(
    text=BODY,
    author=None,
    last_modified_by=None,
    comment_author=None,
    company=None,
    revision_author=None,
    custom_property=None,
) -> bytes:
    """A Word document with one paragraph and a small table, with optional planted identities."""
    document = Document()
    paragraph = document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Measure", "Rate"
    document.core_properties.author = author or ""
    document.core_properties.last_modified_by = last_modified_by or ""
    if comment_author:
        document.add_comment(
            paragraph.runs, "Cite this.", comment_author, _initials(comment_author)
        )
    if revision_author:
        _docx_revision(paragraph, revision_author)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    if comment_author:
        data = _docx_people(data, comment_author)
    if company:
        data = _app_company(data, company)
    if custom_property:
        data = _docx_custom(data, custom_property)
    return data


# --- PowerPoint -----------------------------------------------------------------------------------


def _pptx_comments(data: bytes, author: str) -> bytes:
    """Add a legacy comment on slide 1 and its ppt/commentAuthors.xml entry."""
    authors = (
        f'<p:cmAuthorLst xmlns:p="{_P}"><p:cmAuthor id="0" name="{_xml_escape(author)}" '
        f'initials="{_initials(author)}" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>'
    )
    comments = (
        f'<p:cmLst xmlns:p="{_P}"><p:cm authorId="0" dt="2025-01-01T00:00:00.000" idx="1">'
        '<p:pos x="10" y="10"/><p:text>Cite this.</p:text></p:cm></p:cmLst>'
    )
    data = _plant_part(
        data,
        "ppt/commentAuthors.xml",
        authors,
        f"{_CT}.presentationml.commentAuthors+xml",
        "ppt/_rels/presentation.xml.rels",
        f"{_REL}/commentAuthors",
        "commentAuthors.xml",
    )
    return _plant_part(
        data,
        "ppt/comments/comment1.xml",
        comments,
        f"{_CT}.presentationml.comments+xml",
        "ppt/slides/_rels/slide1.xml.rels",
        f"{_REL}/comments",
        "../comments/comment1.xml",
    )


def pptx_bytes(text=BODY, author=None, comment_author=None, notes="Speaker notes here.") -> bytes:
    """A one-slide presentation with a text box and speaker notes."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(1))
    box.text_frame.text = text
    slide.notes_slide.notes_text_frame.text = notes
    presentation.core_properties.author = author or ""
    presentation.core_properties.last_modified_by = ""
    out = io.BytesIO()
    presentation.save(out)
    data = out.getvalue()
    return _pptx_comments(data, comment_author) if comment_author else data


# --- Excel ----------------------------------------------------------------------------------------


def xlsx_bytes(text=BODY, creator=None, comment_author=None) -> bytes:
    """A workbook with `text` in A1 and a number in B1."""
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["B1"] = text, 42
    if comment_author:
        sheet["A1"].comment = Comment("Cite this.", comment_author)
    workbook.properties.creator = creator or ""
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- Images ---------------------------------------------------------------------------------------


def _picture() -> Image.Image:
    image = Image.new("RGB", (16, 12), (200, 40, 40))
    image.paste((20, 90, 200), (0, 0, 8, 6))
    return image


def png_bytes(author=None) -> bytes:
    """A 16x12 PNG; `author` goes into tEXt, iTXt and zTXt chunks."""
    info = PngImagePlugin.PngInfo()
    if author:
        info.add_text("Author", author)
        info.add_itxt("Description", f"Photo by {author}")
        info.add_text("Comment", f"Taken by {author}", zip=True)
    out = io.BytesIO()
    _picture().save(out, "PNG", pnginfo=info)
    return out.getvalue()


def jpeg_bytes(artist=None) -> bytes:
    """A 16x12 JPEG; `artist` goes into EXIF Artist/Copyright, a COM comment and XMP."""
    options = {}
    if artist:
        exif = Image.Exif()
        exif[0x013B] = artist
        exif[0x8298] = f"(c) {artist}"
        xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{artist}</dc:creator></x:xmpmeta>'
        options = {"exif": exif.tobytes(), "comment": f"Shot by {artist}", "xmp": xmp.encode()}
    out = io.BytesIO()
    _picture().save(out, "JPEG", quality=90, **options)
    return out.getvalue()


# --- MP4 ------------------------------------------------------------------------------------------


def _box(kind: bytes, *payload: bytes) -> bytes:
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, *payload: bytes) -> bytes:
    return _box(kind, b"\x00\x00\x00\x00", *payload)


_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _mp4_track() -> bytes:
    tkhd = _full_box(
        b"tkhd",
        struct.pack(">IIIII", 0, 0, 1, 0, 1000),
        b"\x00" * 16,
        _MATRIX,
        struct.pack(">II", 16 << 16, 12 << 16),
    )
    mdhd = _full_box(b"mdhd", struct.pack(">IIIIHH", 0, 0, 1000, 1000, 0x55C4, 0))
    hdlr = _full_box(b"hdlr", b"\x00" * 4, b"vide", b"\x00" * 12, b"Video\x00")
    dinf = _box(
        b"dinf", _full_box(b"dref", struct.pack(">I", 1), _box(b"url ", b"\x00\x00\x00\x01"))
    )
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", struct.pack(">I", 0)),
        _full_box(b"stts", struct.pack(">I", 0)),
        _full_box(b"stsc", struct.pack(">I", 0)),
        _full_box(b"stsz", struct.pack(">II", 0, 0)),
        _full_box(b"stco", struct.pack(">I", 0)),
    )
    minf = _box(b"minf", _full_box(b"vmhd", b"\x00" * 8), dinf, stbl)
    return _box(b"trak", tkhd, _box(b"mdia", mdhd, hdlr, minf))


def _mp4_skeleton() -> bytes:
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2mp41")
    mvhd = _full_box(
        b"mvhd",
        struct.pack(">IIII", 0, 0, 1000, 1000),
        struct.pack(">IH", 0x10000, 0x100),
        b"\x00" * 10,
        _MATRIX,
        b"\x00" * 24,
        struct.pack(">I", 2),
    )
    return ftyp + _box(b"moov", mvhd, _mp4_track()) + _box(b"mdat")


def mp4_bytes(artist=None) -> bytes:
    """A minimal MP4 (one empty video track); `artist` goes into iTunes tags and an XMP box."""
    buffer = io.BytesIO(_mp4_skeleton())
    if artist:
        video = MP4(buffer)
        video.add_tags()
        video.tags["\xa9ART"] = [artist]
        video.tags["\xa9nam"] = [f"Lecture by {artist}"]
        video.save(buffer)
        xmp = f"<x:xmpmeta><dc:creator>{_xml_escape(artist)}</dc:creator></x:xmpmeta>"
        buffer.seek(0, io.SEEK_END)
        buffer.write(_box(b"uuid", _XMP_UUID, xmp.encode()))
    return buffer.getvalue()


# --- Not allowed ----------------------------------------------------------------------------------


def exe_bytes() -> bytes:
    """A Windows PE executable stub: MZ header pointing at a PE signature."""
    dos = b"MZ" + b"\x90\x00" + b"\x00" * 56
    dos = dos[:0x3C] + struct.pack("<I", 0x80)
    stub = b"This program cannot be run in DOS mode.\r\n$".ljust(0x80 - len(dos), b"\x00")
    return dos + stub + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 18
