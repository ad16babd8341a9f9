"""Reviewer copies of hostile files carry no identity and no active content (issue 11 item 3).

Every file of the corpus (tests.reviews.hostile) has the canary identity in every known hiding
place of its type; the copy must keep no trace of it in any readable form, open in the library
that reads its type, keep its content, and hold nothing that runs or reaches outside.
"""

import io
import posixpath
import zipfile

import docx
import openpyxl
import pikepdf
import pptx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from reviews import files, identity
from reviews.sanitize import media
from tests.reviews.hostile import CORPUS, canary, pdf, word
from tests.reviews.hostile.canary import NAME, traces

OFFICE = ("docx", "xlsx", "pptx")
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ACTIVE_MEMBERS = ("vbaproject", "activex", "oleobject", "macrosheets", "printersettings")


@pytest.fixture(scope="module")
def corpus():
    """Each corpus file and its cleaned copy, made once."""
    made = {extension: make() for extension, make in CORPUS.items()}
    return {extension: (data, files.sanitize(data, extension)) for extension, data in made.items()}


def members(data: bytes, prefix: str = "") -> dict[str, bytes]:
    """Every member of a package, those of embedded packages too."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            body = archive.read(info)
            found[prefix + info.filename] = body
            if body.startswith(b"PK"):
                found |= members(body, f"{prefix}{info.filename} › ")
    return found


@pytest.mark.parametrize("extension", CORPUS)
def test_every_corpus_file_carries_the_canary_before_it_is_cleaned(corpus, extension):
    assert traces(corpus[extension][0])


@pytest.mark.parametrize("extension", CORPUS)
def test_the_reviewer_copy_keeps_no_trace_of_the_canary_in_any_readable_form(corpus, extension):
    assert traces(corpus[extension][1]) == []


@pytest.mark.parametrize("extension", CORPUS)
def test_the_reviewer_copy_has_nothing_left_to_flag(corpus, extension):
    terms = identity.identity_terms([{"name": NAME, "email": canary.EMAIL}]) + [canary.USERNAME]

    assert files.identity_flags(corpus[extension][1], extension, terms) == []


@pytest.mark.parametrize("extension", CORPUS)
def test_the_reviewer_copy_passes_the_upload_checks_again(corpus, extension):
    clean = corpus[extension][1]

    facts = files.validate_upload(SimpleUploadedFile(f"copy.{extension}", clean))

    assert facts.extension == extension


def test_the_word_copy_opens_and_keeps_its_text_comments_and_revisions(corpus):
    document = docx.Document(io.BytesIO(corpus["docx"][1]))

    assert document.paragraphs[0].text == word.BODY
    assert [(c.text, c.author, c.initials) for c in document.comments] == [("Cite this.", "", "")]
    assert document.core_properties.author == ""
    assert "Revised." in files.extract_text(corpus["docx"][1], "docx")


def test_the_workbook_copy_opens_with_its_cells_and_comment(corpus):
    sheet = openpyxl.load_workbook(io.BytesIO(corpus["xlsx"][1])).active

    assert (sheet["A1"].value, sheet["B1"].value, sheet["A1"].comment.text) == (
        "Rate",
        42,
        "Cite this.",
    )


def test_the_presentation_copy_opens_with_its_text_notes_and_video(corpus):
    clean = corpus["pptx"][1]
    slide = pptx.Presentation(io.BytesIO(clean)).slides[0]

    assert slide.shapes[0].text_frame.text == word.BODY
    assert files.extract_text(clean, "pptx") == f"{word.BODY}\nSpeaker notes."
    assert "ppt/media/media1.mp4" in members(clean)


def _references(root: etree._Element) -> set[str]:
    return {
        value
        for element in root.iter(etree.Element)
        for name, value in element.attrib.items()
        if etree.QName(name).namespace == R
    }


def _relationship_ids(package: dict[str, bytes], name: str) -> set[str]:
    folder, _, base = name.rpartition("/")
    rels = package.get(posixpath.join(folder, "_rels", f"{base}.rels"))
    return (
        set()
        if rels is None
        else {e.get("Id") for e in etree.fromstring(rels).iter("{*}Relationship")}
    )


@pytest.mark.parametrize("extension", OFFICE)
def test_office_copies_hold_no_active_content_and_no_reference_to_a_dropped_part(corpus, extension):
    package = members(corpus[extension][1])

    assert not [name for name in package if any(a in name.lower() for a in ACTIVE_MEMBERS)]
    for name, body in package.items():
        if name.endswith("[Content_Types].xml"):
            assert b"macroenabled" not in body.lower()
        if name.endswith(".rels"):
            for rel in etree.fromstring(body).iter("{*}Relationship"):
                external = rel.get("TargetMode") == "External"
                assert not external or rel.get("Target").startswith("https://"), rel.attrib
        elif name.endswith(".xml") and body.lstrip().startswith(b"<"):
            dangling = _references(etree.fromstring(body)) - _relationship_ids(package, name)
            assert dangling == set(), f"{name} points at {dangling}"


def test_core_properties_under_any_part_name_are_emptied_and_a_stale_copy_dropped(corpus):
    original, clean = (members(data) for data in corpus["docx"])

    assert "docProps/core.xml" in original and "docProps/core.xml" not in clean
    assert len(etree.fromstring(clean["meta/zx.xml"])) == 0
    assert not [name for name in clean if name.startswith(("customXml/", "secret/"))]


def test_an_embedded_workbook_is_cleaned_like_an_upload(corpus):
    clean = members(corpus["docx"][1])
    embedded = "word/embeddings/Workbook1.xlsx › "

    assert len(etree.fromstring(clean[f"{embedded}docProps/core.xml"])) == 0
    authors = etree.fromstring(clean[f"{embedded}xl/comments/comment1.xml"]).iter("{*}author")
    assert [author.text for author in authors] == [None]


def _pdf_names(data: bytes) -> set[str]:
    """Every key, name and string in every object of a PDF, direct children included."""
    with pikepdf.open(io.BytesIO(data)) as document:
        return {text for obj in document.objects for text in canary._pdf_strings(obj)}


PDF_ACTIVE = {"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/SubmitForm", "/GoToR"}
PDF_HIDDEN = {"/EmbeddedFiles", "/FileAttachment", "/XFA", "/Sig", "/DSS", "/Perms", "/Threads"}
PDF_HIDDEN |= {"/PieceInfo", "/Metadata", "/B", "/EF", "/Params"}


def test_the_pdf_copy_has_no_scripts_outward_actions_signatures_attachments_or_threads(corpus):
    original, clean = corpus["pdf"]

    assert PDF_ACTIVE | PDF_HIDDEN <= _pdf_names(original)
    assert _pdf_names(clean) & (PDF_ACTIVE | PDF_HIDDEN) == set()


def test_the_pdf_copy_keeps_its_text_its_picture_and_its_web_link(corpus):
    clean = corpus["pdf"][1]

    assert files.extract_text(clean, "pdf").strip() == pdf.BODY
    with pikepdf.open(io.BytesIO(clean)) as document:
        page = document.pages[0]
        uris = [str(a.A.URI) for a in page.Annots if "/A" in a and a.A.get("/S") == "/URI"]
        assert uris == [pdf.SAFE_LINK, pdf.SAFE_LINK]  # the second one without its script
        image = page.Resources.XObject.Im1
        assert image.read_raw_bytes().startswith(b"\xff\xd8\xff\xe0")  # JFIF, no EXIF
        assert media.strip_jpeg(image.read_raw_bytes()) == image.read_raw_bytes()


def _boxes(data: bytes) -> list[tuple[bytes, bytes]]:
    """(parent, type) of every box the sanitizer walks."""
    return [(parent, span.kind) for span, parent in media.boxes(data)]


def test_the_video_copy_has_no_tag_box_at_any_depth_and_blank_handler_names(corpus):
    original, clean = corpus["mp4"]

    assert {(b"trak", b"udta"), (b"mdia", b"udta"), (b"minf", b"udta")} <= set(_boxes(original))
    kinds = {kind for _, kind in _boxes(clean)}
    assert not {b"udta", b"meta", b"uuid"} & kinds
    assert len(clean) == len(original)
    handler = clean.index(b"hdlr")
    assert clean[handler + 28 : handler + 40] == bytes(12)
