"""The file library: upload checks, anonymised copies, text extraction, identity scanning."""

import hashlib
import io
import logging
import struct
import zipfile

import docx
import openpyxl
import pikepdf
import pptx
import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import (
    SimpleUploadedFile,
    TemporaryUploadedFile,
    UploadedFile,
)
from docx.shared import Inches
from lxml import etree
from mutagen.mp4 import MP4
from PIL import Image

from reviews import files
from reviews.sanitize import limits
from tests import samples

CANARY = "Zebedee Quartermaine"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def planted(*fields: str) -> dict[str, str]:
    """One distinct canary value per field, all sharing the CANARY prefix."""
    return {name: f"{CANARY} {name}" for name in fields}


PLANTED = {
    "pdf": (
        samples.pdf_bytes,
        planted("author", "title", "xmp_creator", "annotation_author"),
    ),
    "docx": (
        samples.docx_bytes,
        planted(
            "author",
            "last_modified_by",
            "comment_author",
            "company",
            "revision_author",
            "custom_property",
        ),
    ),
    "pptx": (samples.pptx_bytes, planted("author", "comment_author")),
    "xlsx": (samples.xlsx_bytes, planted("creator", "comment_author")),
    "png": (samples.png_bytes, planted("author")),
    "jpg": (samples.jpeg_bytes, planted("artist")),
    "mp4": (samples.mp4_bytes, planted("artist")),
}

ALLOWED = [
    ("handout.pdf", samples.pdf_bytes, "pdf", "application/pdf"),
    ("guide.docx", samples.docx_bytes, "docx", files.KINDS["docx"].mime),
    ("slides.pptx", samples.pptx_bytes, "pptx", files.KINDS["pptx"].mime),
    ("data.xlsx", samples.xlsx_bytes, "xlsx", files.KINDS["xlsx"].mime),
    ("figure.png", samples.png_bytes, "png", "image/png"),
    ("photo.jpg", samples.jpeg_bytes, "jpg", "image/jpeg"),
    ("Photo.JPEG", samples.jpeg_bytes, "jpeg", "image/jpeg"),
    ("lecture.mp4", samples.mp4_bytes, "mp4", "video/mp4"),
]


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refusal(uploaded) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        files.validate_upload(uploaded)
    return caught.value


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


def decoded_pdf(data: bytes) -> bytes:
    """The PDF rewritten with every stream decoded and no object streams."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(
            out,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.all,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
    return out.getvalue()


def readable_forms(data: bytes, extension: str) -> dict[str, bytes]:
    """Every form in which a leftover string could be read: raw, decoded, unzipped, metadata."""
    forms = {"raw bytes": data, "metadata_text": files.metadata_text(data, extension).encode()}
    if extension == "pdf":
        forms["decoded pdf"] = decoded_pdf(data)
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            forms |= {info.filename: archive.read(info) for info in archive.infolist()}
    return forms


def leaks(data: bytes, extension: str, needle: str) -> list[str]:
    encodings = [needle.encode(), needle.encode("utf-16-le"), needle.encode("utf-16-be")]
    return [
        where
        for where, body in readable_forms(data, extension).items()
        if any(encoded in body for encoded in encodings)
    ]


def zip_with(data: bytes, order=None, drop=(), extra=None) -> bytes:
    """The zip re-packed: members reordered by `order`, some dropped, some added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        infos = sorted(source.infolist(), key=order) if order else source.infolist()
        for info in infos:
            if info.filename not in drop:
                target.writestr(info.filename, source.read(info), zipfile.ZIP_DEFLATED)
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()


# --- validate_upload: accepted ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "extension", "mime"), ALLOWED)
def test_each_allowed_type_is_accepted_with_facts_read_from_its_content(
    name, make, extension, mime
):
    data = make()
    uploaded = upload(name, data)

    facts = files.validate_upload(uploaded)

    assert facts == files.FileFacts(
        extension=extension,
        content_type=mime,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        original_name=name,
    )
    assert uploaded.tell() == 0


def test_the_browser_supplied_content_type_is_ignored():
    uploaded = SimpleUploadedFile("handout.pdf", samples.pdf_bytes(), content_type="text/html")

    assert files.validate_upload(uploaded).content_type == "application/pdf"


def test_an_upload_streamed_to_disk_is_checked_the_same_way():
    data = samples.docx_bytes()
    uploaded = TemporaryUploadedFile("guide.docx", "application/octet-stream", len(data), None)
    uploaded.write(data)
    uploaded.seek(0)

    facts = files.validate_upload(uploaded)

    assert (facts.extension, facts.sha256) == ("docx", hashlib.sha256(data).hexdigest())
    assert uploaded.read() == data
    uploaded.close()


def test_a_word_document_whose_zip_order_hides_it_from_filetype_is_known_by_its_main_part():
    data = zip_with(samples.docx_bytes(), order=lambda info: not info.filename.startswith("word/"))

    assert files.validate_upload(upload("guide.docx", data)).extension == "docx"


def test_a_sha256_is_computed_over_the_whole_file_in_chunks():
    data = samples.pdf_bytes("\n".join(f"Line {n}" for n in range(20_000)))
    uploaded = upload("long.pdf", data)
    uploaded.DEFAULT_CHUNK_SIZE = 1024

    assert files.validate_upload(uploaded).sha256 == hashlib.sha256(data).hexdigest()


# --- validate_upload: refused -------------------------------------------------------------------


def test_an_empty_file_is_refused_as_empty():
    error = refusal(upload("notes.pdf", b""))

    assert error.code == "empty"
    assert "“notes.pdf” is empty" in message(error)


class Unreadable(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the file was read")


def test_a_file_over_the_size_limit_is_refused_without_being_read(settings):
    settings.TOOLKIT_MAX_UPLOAD_MB = 2
    uploaded = Unreadable("lecture.mp4", b"x")
    uploaded.size = 3 * 2**20 + 1

    error = refusal(uploaded)

    assert error.code == "too_large"
    assert "“lecture.mp4”" in message(error)
    assert "the 2 MB limit" in message(error)
    assert "3.1 MB" in message(error)


def test_a_file_exactly_at_the_size_limit_is_accepted(settings):
    data = samples.pdf_bytes()
    settings.TOOLKIT_MAX_UPLOAD_MB = len(data) / 2**20

    assert files.validate_upload(upload("handout.pdf", data)).size == len(data)


def test_an_upload_that_does_not_state_its_size_is_measured():
    data = samples.pdf_bytes()
    uploaded = UploadedFile(io.BytesIO(data), name="handout.pdf")  # size None, as code may make

    facts = files.validate_upload(uploaded)

    assert (facts.size, facts.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_an_empty_upload_that_does_not_state_its_size_is_refused_as_empty():
    error = refusal(UploadedFile(io.BytesIO(b""), name="notes.pdf"))

    assert error.code == "empty"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("reports/handout.pdf", "folder path"),
        ("C:\\Users\\okafor\\handout.pdf", "folder path"),
        ("../handout.pdf", "folder path"),
        ("hand..out.pdf", "“..”"),
        ("hand\x00out.pdf", "control"),
        ("hand\x1bout.pdf", "control"),
        ("handout\u202efdp.exe.pdf", "text-direction"),
        (".pdf", "no name before the extension"),
        ("   .pdf", "no name before the extension"),
        ("x" * 252 + ".pdf", "longer than 255 characters"),
    ],
)
def test_a_dangerous_or_meaningless_file_name_is_refused_as_bad_name(name, reason):
    uploaded = File(io.BytesIO(samples.pdf_bytes()), name=name)

    error = refusal(uploaded)

    assert error.code == "bad_name"
    assert reason in message(error)
    assert message(error).startswith("The file name “")


def test_a_bad_name_is_shown_without_its_control_characters():
    error = refusal(File(io.BytesIO(samples.pdf_bytes()), name="hand\x07out.pdf"))

    assert "\x07" not in message(error)
    assert "hand\ufffdout.pdf" in message(error)


@pytest.mark.parametrize(
    ("name", "data", "shown"),
    [
        ("notes.txt", b"Plain notes", ".txt files are not accepted"),
        ("tool.exe", samples.exe_bytes(), ".exe files are not accepted"),
        ("README", b"Plain notes", "files without an extension are not accepted"),
        ("notes.pdf", b"Plain notes that are not a PDF", "its content is not a type we accept"),
        ("notes.pdf", b"%PDF without a version", "its content is not a type we accept"),
    ],
)
def test_a_type_outside_the_allowed_set_is_refused_as_type_not_allowed(name, data, shown):
    error = refusal(upload(name, data))

    assert error.code == "type_not_allowed"
    assert f"“{name}”" in message(error)
    assert shown in message(error)
    assert files.ALLOWED_TYPES in message(error)


@pytest.mark.parametrize(
    ("name", "data", "looks_like"),
    [
        ("handout.pdf", samples.exe_bytes(), "looks like a Windows executable"),
        ("handout.pdf", samples.png_bytes(), "looks like a PNG image"),
        ("figure.png", samples.pdf_bytes(), "looks like a PDF document"),
        ("photo.jpg", samples.png_bytes(), "looks like a PNG image"),
        ("guide.docx", samples.xlsx_bytes(), "looks like an Excel workbook"),
        ("data.xlsx", samples.pptx_bytes(), "looks like a PowerPoint presentation"),
        ("lecture.mp4", samples.jpeg_bytes(), "looks like a JPEG image"),
    ],
)
def test_content_that_disagrees_with_the_extension_is_refused_as_type_mismatch(
    name, data, looks_like
):
    error = refusal(upload(name, data))

    assert error.code == "type_mismatch"
    assert f"“{name}”" in message(error)
    assert looks_like in message(error)


def test_an_executable_renamed_pdf_is_refused_as_a_type_mismatch():
    error = refusal(upload("handout.pdf", samples.exe_bytes()))

    assert error.code == "type_mismatch"
    assert "named as a PDF document but looks like a Windows executable" in message(error)


def test_a_zip_without_the_word_main_part_is_refused_as_a_zip_archive():
    data = zip_with(samples.docx_bytes(), drop={"word/document.xml"})

    error = refusal(upload("guide.docx", data))

    assert error.code == "type_mismatch"
    assert "looks like a ZIP archive" in message(error)


def test_a_plain_zip_named_docx_is_refused_as_a_zip_archive():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "Plain notes")

    error = refusal(upload("guide.docx", out.getvalue()))

    assert error.code == "type_mismatch"
    assert "looks like a ZIP archive" in message(error)


# --- sanitize: canaries -------------------------------------------------------------------------


@pytest.mark.parametrize("extension", PLANTED)
def test_metadata_text_reports_every_planted_identity(extension):
    make, values = PLANTED[extension]

    found = files.metadata_text(make(**values), extension)

    assert [value for value in values.values() if value not in found] == []


@pytest.mark.parametrize("extension", PLANTED)
def test_sanitize_removes_every_planted_canary_from_every_readable_form(extension):
    make, values = PLANTED[extension]
    original = make(**values)

    clean = files.sanitize(original, extension)

    assert leaks(original, extension, CANARY)
    assert leaks(clean, extension, CANARY) == []


@pytest.mark.parametrize("extension", ["pdf", "docx", "pptx", "xlsx"])
def test_sanitize_keeps_the_text_content(extension):
    make, values = PLANTED[extension]
    original = make(text="Implicit bias in triage decisions", **values)

    clean = files.sanitize(original, extension)

    assert "Implicit bias in triage decisions" in files.extract_text(clean, extension)
    assert files.extract_text(clean, extension) == files.extract_text(original, extension)


@pytest.mark.parametrize("extension", PLANTED)
def test_a_sanitized_copy_passes_the_upload_checks_again(extension):
    make, values = PLANTED[extension]
    clean = files.sanitize(make(**values), extension)

    facts = files.validate_upload(upload(f"clean.{extension}", clean))

    assert facts.extension == extension


def test_a_sanitized_word_document_opens_with_python_docx_and_keeps_comments_and_revisions():
    make, values = PLANTED["docx"]

    clean = files.sanitize(make(**values), "docx")

    document = docx.Document(io.BytesIO(clean))
    comment = next(iter(document.comments))
    assert (comment.text, comment.author, comment.initials) == ("Cite this.", "", "")
    assert document.core_properties.author == ""
    insertion = document.element.body.find(f".//{W}ins")
    assert insertion is not None
    assert insertion.get(f"{W}author") == ""


def test_a_sanitized_presentation_opens_with_python_pptx():
    make, values = PLANTED["pptx"]

    clean = files.sanitize(make(**values), "pptx")

    presentation = pptx.Presentation(io.BytesIO(clean))
    assert presentation.slides[0].shapes[0].text_frame.text == samples.BODY
    assert presentation.core_properties.author == ""


def test_a_sanitized_workbook_opens_with_openpyxl_and_keeps_its_cells_and_comments():
    make, values = PLANTED["xlsx"]

    clean = files.sanitize(make(**values), "xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(clean)).active
    assert (sheet["A1"].value, sheet["B1"].value) == (samples.BODY, 42)
    assert sheet["A1"].comment.text == "Cite this."
    with zipfile.ZipFile(io.BytesIO(clean)) as archive:
        comments = etree.fromstring(archive.read("xl/comments/comment1.xml"))
    assert [author.text for author in comments.iter("{*}author")] == [None]


def test_a_sanitized_pdf_opens_with_pikepdf_and_pypdf():
    make, values = PLANTED["pdf"]

    clean = files.sanitize(make(**values), "pdf")

    with pikepdf.open(io.BytesIO(clean)) as pdf:
        assert len(pdf.pages) == 1
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root
        assert [str(a.Subtype) for a in pdf.pages[0].Annots] == ["/Text", "/Popup"]
    assert pypdf.PdfReader(io.BytesIO(clean)).pages[0].extract_text() == samples.BODY


def test_sanitize_pdf_removes_custom_info_page_xmp_app_data_and_attachments():
    with pikepdf.open(io.BytesIO(samples.pdf_bytes())) as pdf:
        pdf.docinfo["/Reviewer"] = CANARY
        pdf.pages[0].obj.Metadata = pdf.make_stream(f"<x:xmpmeta>{CANARY}</x:xmpmeta>".encode())
        pdf.Root.PieceInfo = pikepdf.Dictionary(App=pikepdf.Dictionary(Private=CANARY))
        pdf.attachments["data.csv"] = pikepdf.AttachedFileSpec(
            pdf, b"rate,1", description=f"Sent by {CANARY}", mime_type="text/csv"
        )
        pdf.attachments["data.csv"].obj.EF.F.Params = pikepdf.Dictionary(Mac=CANARY)
        out = io.BytesIO()
        pdf.save(out)
    assert CANARY in files.metadata_text(out.getvalue(), "pdf")

    clean = files.sanitize(out.getvalue(), "pdf")

    assert leaks(clean, "pdf", CANARY) == []
    assert b"rate,1" not in decoded_pdf(clean)
    with pikepdf.open(io.BytesIO(clean)) as pdf:
        assert list(pdf.attachments) == []


def test_sanitize_pdf_keeps_form_field_names():
    with pikepdf.open(io.BytesIO(samples.pdf_bytes())) as pdf:
        field = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Widget,
                FT=pikepdf.Name.Tx,
                Rect=[72, 500, 272, 520],
                T=pikepdf.String("consent_given"),
            )
        )
        pdf.pages[0].Annots = pdf.make_indirect([field])
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field])
        out = io.BytesIO()
        pdf.save(out)

    clean = files.sanitize(out.getvalue(), "pdf")

    with pikepdf.open(io.BytesIO(clean)) as pdf:
        assert str(pdf.Root.AcroForm.Fields[0].T) == "consent_given"


def test_sanitize_removes_exif_from_photos_inside_office_documents():
    document = docx.Document()
    document.add_paragraph(samples.BODY)
    document.add_picture(io.BytesIO(samples.jpeg_bytes(artist=CANARY)), width=Inches(1))
    out = io.BytesIO()
    document.save(out)
    assert CANARY in files.metadata_text(out.getvalue(), "docx")

    clean = files.sanitize(out.getvalue(), "docx")

    assert leaks(clean, "docx", CANARY) == []
    assert len(docx.Document(io.BytesIO(clean)).inline_shapes) == 1


def test_sanitize_empties_word_people_and_custom_properties_but_keeps_the_parts_valid():
    make, values = PLANTED["docx"]

    clean = files.sanitize(make(**values), "docx")

    with zipfile.ZipFile(io.BytesIO(clean)) as archive:
        people = etree.fromstring(archive.read("word/people.xml"))
        custom = etree.fromstring(archive.read("docProps/custom.xml"))
    assert (len(people), len(custom)) == (0, 0)


def test_office_part_names_are_matched_without_regard_to_case():
    original = samples.docx_bytes(author=CANARY)
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        core = archive.read("docProps/core.xml")
    renamed = zip_with(original, drop={"docProps/core.xml"}, extra={"DocProps/Core.XML": core})

    clean = files.sanitize(renamed, "docx")

    assert leaks(renamed, "docx", CANARY)
    assert leaks(clean, "docx", CANARY) == []


def test_sanitize_keeps_the_order_of_the_office_package_members_it_keeps():
    make, values = PLANTED["pptx"]
    original = make(**values)

    clean = files.sanitize(original, "pptx")

    before, after = (zipfile.ZipFile(io.BytesIO(data)).namelist() for data in (original, clean))
    assert after == [name for name in before if name in after]
    assert set(before) - set(after) == {
        "ppt/printerSettings/printerSettings1.bin",
        "docProps/thumbnail.jpeg",
    }


def test_a_sanitized_png_keeps_its_exact_pixels():
    original = samples.png_bytes(author=CANARY)

    clean = files.sanitize(original, "png")

    before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(clean))
    assert (after.format, after.size, after.mode) == ("PNG", before.size, before.mode)
    assert after.tobytes() == before.tobytes()
    assert after.info == {}


def test_a_sanitized_jpeg_keeps_its_size_and_colours_without_metadata():
    original = samples.jpeg_bytes(artist=CANARY)

    clean = files.sanitize(original, "jpg")

    after = Image.open(io.BytesIO(clean))
    assert (after.format, after.size) == ("JPEG", (16, 12))
    assert after.getpixel((12, 9)) == pytest.approx((200, 40, 40), abs=8)
    assert len(after.getexif()) == 0
    assert not {"exif", "xmp", "comment", "icc_profile"} & set(after.info)


def test_a_windows_author_tag_in_a_photo_is_reported_and_removed():
    exif = Image.Exif()
    exif[0x9C9D] = f"{CANARY}\x00".encode("utf-16-le")
    out = io.BytesIO()
    Image.new("RGB", (16, 12), "white").save(out, "JPEG", exif=exif.tobytes())
    assert CANARY in files.metadata_text(out.getvalue(), "jpg")

    clean = files.sanitize(out.getvalue(), "jpg")

    assert leaks(clean, "jpg", CANARY) == []


def test_a_sanitized_jpeg_is_turned_upright_before_its_orientation_tag_is_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    Image.new("RGB", (16, 12), "white").save(out, "JPEG", exif=exif.tobytes())

    clean = files.sanitize(out.getvalue(), "jpeg")

    assert Image.open(io.BytesIO(clean)).size == (12, 16)


def test_a_sanitized_video_keeps_its_layout_and_opens_with_mutagen():
    original = samples.mp4_bytes(artist=CANARY)

    clean = files.sanitize(original, "mp4")

    video = MP4(io.BytesIO(clean))
    assert video.tags is None
    assert len(clean) == len(original)
    assert clean.find(b"mvhd") == original.find(b"mvhd")
    assert clean.find(b"trak") == original.find(b"trak")


@pytest.mark.parametrize(
    ("extension", "data", "kind"),
    [
        ("pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4, "a PDF document"),
        ("docx", b"PK\x03\x04 not really a zip", "a Word document"),
        ("pptx", samples.pptx_bytes()[:-30], "a PowerPoint"),
        ("png", samples.png_bytes()[:40], "a PNG image"),
        ("jpg", b"\xff\xd8\xff\xe0 broken", "a JPEG image"),
        ("mp4", samples.mp4_bytes()[:200], "an MP4 video"),
        ("mp4", samples.mp4_bytes() + struct.pack(">I", 999) + b"uuid", "an MP4 video"),
    ],
)
def test_a_file_that_cannot_be_parsed_is_refused_as_corrupt(extension, data, kind):
    with pytest.raises(ValidationError) as caught:
        files.sanitize(data, extension)

    assert caught.value.code == "corrupt"
    assert f"could not be read as {kind}" in message(caught.value)


def test_a_corrupt_pdf_gives_corrupt():
    with pytest.raises(ValidationError) as caught:
        files.sanitize(b"%PDF-1.4\nthis is not a PDF body", "pdf")

    assert caught.value.code == "corrupt"


def test_an_office_file_that_unpacks_to_an_absurd_size_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 10_000)

    with pytest.raises(ValidationError) as caught:
        files.sanitize(samples.docx_bytes(), "docx")

    assert caught.value.code == "too_large"


def test_sanitize_refuses_an_extension_it_does_not_know():
    with pytest.raises(ValueError, match="Unsupported file extension"):
        files.sanitize(b"data", "txt")


# --- extract_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extension", "make"),
    [
        ("pdf", samples.pdf_bytes),
        ("docx", samples.docx_bytes),
        ("pptx", samples.pptx_bytes),
        ("xlsx", samples.xlsx_bytes),
    ],
)
def test_extract_text_returns_the_planted_body_text(extension, make):
    text = files.extract_text(make(text="Redlining and asthma rates in Baltimore"), extension)

    assert "Redlining and asthma rates in Baltimore" in text


def test_extract_text_reads_word_tables_headers_and_comments():
    document = docx.Document()
    document.add_paragraph("Body paragraph")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Cell text"
    document.sections[0].header.paragraphs[0].text = "Header text"
    document.add_comment(document.paragraphs[0].runs, "Comment text", "A", "A")
    out = io.BytesIO()
    document.save(out)

    text = files.extract_text(out.getvalue(), "docx")

    assert text.split("\n") == ["Body paragraph", "Cell text", "Header text", "Comment text"]


def test_extract_text_reads_slide_tables_groups_and_notes():
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    group.shapes.add_textbox(0, 0, 100, 100).text_frame.text = "Grouped text"
    table = slide.shapes.add_table(1, 1, 0, 0, 100, 100).table
    table.cell(0, 0).text = "Table text"
    slide.notes_slide.notes_text_frame.text = "Notes text"
    out = io.BytesIO()
    presentation.save(out)

    text = files.extract_text(out.getvalue(), "pptx")

    assert text.split("\n") == ["Grouped text", "Table text", "Notes text"]


def test_extract_text_reads_only_string_cells_of_every_sheet():
    workbook = openpyxl.Workbook()
    workbook.active["A1"], workbook.active["A2"] = "First sheet", 7
    workbook.create_sheet("Second")["C3"] = "Second sheet"
    out = io.BytesIO()
    workbook.save(out)

    assert files.extract_text(out.getvalue(), "xlsx").split("\n") == ["First sheet", "Second sheet"]


@pytest.mark.parametrize(
    ("extension", "make"),
    [("png", samples.png_bytes), ("jpg", samples.jpeg_bytes), ("mp4", samples.mp4_bytes)],
)
def test_extract_text_is_empty_for_images_and_video(extension, make):
    assert files.extract_text(make(), extension) == ""


def test_extract_text_never_raises_and_logs_a_warning_for_an_unreadable_file(caplog):
    with caplog.at_level(logging.WARNING, logger="reviews.files"):
        assert files.extract_text(b"PK\x03\x04 broken", "docx") == ""

    assert "Could not extract text" in caplog.text


def test_extract_text_is_truncated_to_the_limit():
    lines = [f"Paragraph number {n} about access to care" for n in range(200)]
    data = samples.pdf_bytes("\n".join(lines))
    full = files.extract_text(data, "pdf")

    text = files.extract_text(data, "pdf", limit=100)

    assert len(full) > 100
    assert text == full[:100]
