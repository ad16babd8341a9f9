"""Uploads through the service: hostile files are refused with a reason, nothing escapes media."""

import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews import services
from reviews.models import SubmissionFile
from tests import factories, samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    return factories.draft(factories.user("owner", display_name="Olive Owner"), link=False)


def files_on_disk(root):
    return sorted(
        os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs
    )


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("guide.pdf", samples.exe_bytes(), "type_mismatch", "executable"),
        ("picture.pdf", samples.png_bytes(), "type_mismatch", "PNG"),
        ("empty.pdf", b"", "empty", "empty"),
        ("notes.txt", b"plain text", "type_not_allowed", ""),
        ("..\\..\\evil.pdf", samples.pdf_bytes(), "bad_name", ""),
    ],
)
def test_hostile_uploads_are_refused_with_a_reason_and_nothing_is_stored(
    draft, settings, tmp_path, name, data, code, words
):
    with pytest.raises(ValidationError) as error:
        services.add_file(draft, draft.owner, SimpleUploadedFile(name, data))
    assert error.value.code == code
    assert words.lower() in " ".join(error.value.messages).lower()
    assert not SubmissionFile.objects.exists()
    assert files_on_disk(tmp_path) == []


def test_an_oversize_upload_is_refused_before_it_is_read(draft, settings, tmp_path):
    settings.TOOLKIT_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.pdf", samples.pdf_bytes() + b"%" * (1024 * 1024))
    with pytest.raises(ValidationError) as error:
        services.add_file(draft, draft.owner, big)
    assert error.value.code == "too_large" and "1 MB" in " ".join(error.value.messages)
    assert files_on_disk(tmp_path) == []


def test_an_accepted_upload_is_stored_under_server_names_inside_the_media_root(
    draft, settings, tmp_path
):
    item = services.add_file(
        draft, draft.owner, SimpleUploadedFile("../../My Guide.pdf", samples.pdf_bytes()), "Guide"
    )
    stored = files_on_disk(settings.MEDIA_ROOT)
    assert len(stored) == 2  # the original and the sanitized copy
    assert all(not path.startswith("..") and "Guide" not in path for path in stored)
    assert str(item.uuid) in item.file.name and str(item.uuid) in item.sanitized.name
    assert item.original_name == "My Guide.pdf"
    assert (item.content_type, item.extension) == ("application/pdf", "pdf")


def test_text_naming_an_author_is_flagged_for_the_editor_with_its_page_but_not_removed_metadata(
    draft,
):
    data = samples.pdf_bytes(text="Developed by Olive Owner", author="Olive Owner")
    item = services.add_file(draft, draft.owner, SimpleUploadedFile("guide.pdf", data))
    assert item.identity_flags == [
        {"term": "Olive Owner", "where": "text of page 1"},
        {"term": "Owner", "where": "text of page 1"},
    ]


def test_a_pdf_whose_text_holds_a_nul_is_stored_with_its_text_minus_control_characters(draft):
    """PostgreSQL cannot store a NUL in text: the upload used to fail with a DataError."""
    data = samples.pdf_bytes(text="Hi\x00there\x1bfriends")
    item = services.add_file(draft, draft.owner, SimpleUploadedFile("guide.pdf", data))
    item.refresh_from_db()
    assert "Hi" in item.extracted_text and "friends" in item.extracted_text
    assert "\x00" not in item.extracted_text and "\x1b" not in item.extracted_text


def test_a_file_missing_from_the_media_root_is_a_404_not_a_500(draft, client):
    item = services.add_file(
        draft, draft.owner, SimpleUploadedFile("guide.pdf", samples.pdf_bytes()), "Guide"
    )
    client.force_login(draft.owner)
    url = f"/submissions/{draft.uuid}/files/{item.uuid}/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    item.file.storage.delete(item.file.name)
    assert client.get(url).status_code == 404
    api_url = f"/api/v1/submissions/{draft.uuid}/files/{item.uuid}/download/"
    assert client.get(api_url).status_code == 404
