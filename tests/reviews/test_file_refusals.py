"""What cannot be cleaned with certainty is refused with its reason (a 400 on the page and the
API); what the cleaning cannot remove is flagged to the editor with its place (issue 11 item 3)."""

import io
import warnings
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from reviews import files, services
from reviews.models import SubmissionFile
from tests import factories, samples
from tests.reviews.hostile import bombs, media, word
from tests.reviews.hostile.canary import EMAIL, NAME
from tests.reviews.hostile.package import CT, REL, Package
from tests.reviews.hostile.workbook import simple_workbook

CANNOT_CLEAN = "we cannot make an anonymised copy of it for reviewers"


def refusal(data: bytes, extension: str) -> str:
    with pytest.raises(ValidationError) as caught:
        files.sanitize(data, extension)
    assert caught.value.code == "cannot_clean", caught.value.messages
    return " ".join(caught.value.messages)


def docx_package() -> Package:
    return Package(samples.docx_bytes())


def with_audio() -> bytes:
    package = docx_package()
    package.default("mp3", "audio/mpeg")
    package.put("word/media/sound.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x0fTPE1" + NAME.encode())
    package.relate("word/document.xml", f"{REL}/audio", "media/sound.mp3")
    return package.pack()


def test_a_part_of_a_kind_that_cannot_be_checked_is_refused_naming_it():
    assert "word/media/sound.mp3 (audio/mpeg data)" in refusal(with_audio(), "docx")


def test_a_part_without_a_content_type_is_refused_naming_it():
    package = docx_package()
    package.put("word/blob.dat", NAME.encode())
    package.relate("word/document.xml", f"{REL}/image", "blob.dat")

    assert "word/blob.dat (data of no declared type)" in refusal(package.pack(), "docx")


def test_a_part_that_is_not_well_formed_xml_is_refused_naming_it():
    package = docx_package()
    package.put("word/styles.xml", b"<w:styles")

    assert "the part word/styles.xml is not well-formed XML" in refusal(package.pack(), "docx")


def test_the_same_member_name_twice_is_refused():
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it writes
        for name, body in docx_package().members.items():
            archive.writestr(name, body)
        archive.writestr("word/document.xml", b"<w:document/>")

    assert "two parts with the same name" in refusal(out.getvalue(), "docx")


PACKAGE_TYPES = {"xlsx": "spreadsheetml.sheet", "docx": "wordprocessingml.document"}


def _nested(levels: int) -> bytes:
    """A Word document holding a workbook holding a Word document… `levels` packages deep."""
    data, kind = simple_workbook(), "xlsx"
    for level in range(levels):
        outer = docx_package() if kind == "xlsx" else Package(simple_workbook())
        main = "word/document.xml" if kind == "xlsx" else "xl/workbook.xml"
        name = f"{main.split('/')[0]}/embeddings/inner{level}.{kind}"
        outer.default(kind, f"{CT}.{PACKAGE_TYPES[kind]}")
        outer.put(name, data)
        outer.relate(main, f"{REL}/package", f"embeddings/inner{level}.{kind}")
        data, kind = outer.pack(), "docx" if kind == "xlsx" else "xlsx"
    return data


def test_packages_nested_two_deep_are_cleaned_and_three_deep_refused():
    assert files.sanitize(_nested(2), "docx")

    assert "is a package nested too deeply" in refusal(_nested(3), "docx")


def test_a_video_with_a_timed_metadata_track_is_refused():
    message = refusal(media.mp4_bytes(handler_kind=b"meta"), "mp4")

    assert "'meta' track (timed metadata such as GPS or camera data)" in message


# --- flags: what the cleaning cannot remove -----------------------------------------------------


def flags(data: bytes, extension: str) -> list[dict]:
    clean = files.sanitize(data, extension)
    return files.identity_flags(clean, extension, [NAME, EMAIL])


def test_a_name_in_the_body_and_a_mail_link_are_flagged_with_their_places():
    package = Package(samples.docx_bytes(text=f"Prepared by {NAME}."))
    link = package.relate("word/document.xml", f"{REL}/hyperlink", f"mailto:{EMAIL}", True)
    package.insert(
        "word/document.xml",
        "<w:sectPr",
        f'<w:p><w:hyperlink r:id="{link}"><w:r><w:t>Write to us</w:t></w:r></w:hyperlink></w:p>',
    )

    assert flags(package.pack(), "docx") == [
        {"term": NAME, "where": "document text (word/document.xml)"},
        {"term": EMAIL, "where": "links (word/_rels/document.xml.rels)"},
    ]


def test_a_name_in_speaker_notes_in_a_pdf_page_and_in_an_embedded_workbook_is_flagged():
    pptx = samples.pptx_bytes(notes=f"Thanks to {NAME}")
    pdf = samples.pdf_bytes(text=f"Page one\nBy {NAME}")
    package = docx_package()
    package.default("xlsx", f"{CT}.spreadsheetml.sheet")
    package.put("word/embeddings/data.xlsx", samples.xlsx_bytes(text=f"Collected by {NAME}"))
    package.relate("word/document.xml", f"{REL}/package", "embeddings/data.xlsx")

    assert flags(pptx, "pptx") == [
        {"term": NAME, "where": "speaker notes (ppt/notesSlides/notesSlide1.xml)"}
    ]
    assert flags(pdf, "pdf") == [{"term": NAME, "where": "text of page 1"}]
    assert flags(package.pack(), "docx") == [
        {"term": NAME, "where": "worksheet (word/embeddings/data.xlsx › xl/worksheets/sheet1.xml)"}
    ]


def test_a_name_split_by_formatting_or_next_to_a_number_is_still_flagged():
    split = docx_package()
    split.insert(
        "word/document.xml",
        "<w:sectPr",
        "<w:p><w:r><w:t>Zebedee Xan</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>thos</w:t></w:r>"
        "</w:p>",
    )
    cells = samples.xlsx_bytes(text=NAME)  # the next cell holds 42

    assert [flag["term"] for flag in flags(split.pack(), "docx")] == [NAME]
    assert [flag["term"] for flag in flags(cells, "xlsx")] == [NAME]


def test_flags_stop_at_a_reasonable_number_per_file(monkeypatch):
    monkeypatch.setattr(files, "MAX_FLAGS", 1)
    pdf = samples.pdf_bytes(text=f"{NAME} {EMAIL}")

    assert flags(pdf, "pdf") == [{"term": NAME, "where": "text of page 1"}]


# --- through the service, the page and the API --------------------------------------------------


@pytest.fixture
def draft(db):
    return factories.draft(factories.user("owner", display_name="Olive Owner"), link=False)


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (with_audio, "cannot_clean", "word/media/sound.mp3"),
        (bombs.docx_bomb, "too_large", "more than 8 MB when unpacked"),
    ],
)
def test_the_service_refuses_what_cannot_be_cleaned_and_stores_nothing(draft, make, code, words):
    with pytest.raises(ValidationError) as caught:
        services.add_file(draft, draft.owner, SimpleUploadedFile("guide.docx", make()))

    assert caught.value.code == code
    assert words in " ".join(caught.value.messages)
    assert not SubmissionFile.objects.exists()


def test_the_api_answers_a_file_that_cannot_be_cleaned_with_a_400_and_the_reason(draft):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {factories.api_key(draft.owner)}")

    response = client.post(
        f"/api/v1/submissions/{draft.uuid}/files/",
        {"file": SimpleUploadedFile("guide.docx", with_audio())},
        format="multipart",
    )

    assert response.status_code == 400
    assert CANNOT_CLEAN in str(response.json()) and "word/media/sound.mp3" in str(response.json())


def test_the_page_shows_why_a_bomb_was_refused_with_a_400(draft, client):
    client.force_login(draft.owner)

    response = client.post(
        f"/submissions/{draft.uuid}/files/add/",
        {"upload-file": SimpleUploadedFile("guide.docx", bombs.docx_bomb()), "upload-label": "G"},
    )

    assert response.status_code == 400
    assert "more than 8 MB when unpacked" in response.content.decode()
    assert 'value="G"' in response.content.decode()


def test_the_flags_an_editor_sees_name_the_place(draft):
    data = word.word_bytes()
    package = Package(data)
    package.insert(
        "word/document.xml", "<w:sectPr", "<w:p><w:r><w:t>By Olive Owner</w:t></w:r></w:p>"
    )

    item = services.add_file(draft, draft.owner, SimpleUploadedFile("g.docx", package.pack()))

    assert item.identity_flags == [
        {"term": "Olive Owner", "where": "document text (word/document.xml)"},
        {"term": "Owner", "where": "document text (word/document.xml)"},
    ]
